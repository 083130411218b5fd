"""A Disclosure built by hand from the seed (examples/000_6562e89d941fc7ec.txt), as published.

It stands in for the seed reader in the checker's tests: every table, section, sheet and
statement of the seed with its figures as printed (the income table's 合计 line keeps its blank
合计 cell; the 遗属补助 sheet of another unit is there). Sources carry the line of the seed
file where the row or sentence is printed, found by searching the file.
"""

from __future__ import annotations

from pathlib import Path

from yusuan.model import (
    Amount,
    AssetStatement,
    Attachment,
    Cell,
    CellStatus,
    Column,
    Disclosure,
    DocumentFacts,
    GlossaryEntry,
    Indicator,
    Kind,
    PerformanceTarget,
    ProcurementStatement,
    Row,
    Scope,
    Section,
    Source,
    Table,
    Unit,
)
from yusuan.reference.profiles import load_profile
from yusuan.reference.roles import tag_roles

SEED = Path(__file__).resolve().parents[2] / "examples" / "000_6562e89d941fc7ec.txt"
FILE = "examples/000_6562e89d941fc7ec.txt"
UNIT = "朔州市朔城区数字政府服务中心"
_LINES = SEED.read_text(encoding="utf-8").splitlines()


def line_of(text: str, after: int = 0) -> int | None:
    """1-based line of the seed where ``text`` first appears after line ``after``."""
    squeezed = "".join(text.split())
    for number, line in enumerate(_LINES[after:], start=after + 1):
        if squeezed and squeezed in "".join(line.split()):
            return number
    return None


def src(text: str, after: int = 0) -> Source:
    return Source(FILE, line=line_of(text, after))


def cell(text: str, unit: Unit = Unit.WAN, source: Source | None = None) -> Cell:
    amount = Amount.parse(text, unit)
    return Cell(text, amount, CellStatus.VALUE if amount else CellStatus.BLANK, source)


def _columns(table_id: str) -> list[Column]:
    spec = load_profile("shanxi").table(table_id)
    assert spec is not None
    return list(spec.columns)


def _title(table_id: str) -> str:
    spec = load_profile("shanxi").table(table_id)
    assert spec is not None
    return spec.title_for(2025)


def coded_table(table_id: str, spec: str, start: int) -> Table:
    """Rows as "code|name|v1|v2…": the 合计 line has no code."""
    columns = _columns(table_id)
    table = Table(table_id, _title(table_id), Unit.WAN, columns, unit_name=f"单位名称: {UNIT}")
    title_line = line_of(_title(table_id).split("(")[0], start)
    table.source = Source(FILE, line=title_line)
    after = title_line or start
    for item in spec.strip().splitlines():
        code, name, *values = item.split("|")
        values += [""] * (len(columns) - len(values))
        source = src(f"{code}{name}" if code else name, after)
        after = source.line or after
        cells = [cell(v, source=source) for v in values]
        table.rows.append(Row(name, cells, code=code or None, source=source))
    return table


def side_table(table_id: str, income: str, expenditure: str, start: int) -> Table:
    """Side-by-side: income rows "name|amount"; expenditure rows "name|v1|v2…"."""
    columns = _columns(table_id)
    table = Table(table_id, _title(table_id), Unit.WAN, columns, unit_name=f"单位名称: {UNIT}")
    table.source = Source(FILE, line=line_of(_title(table_id), start))
    n_in = sum(1 for c in columns if c.side == "income")
    for side, spec in (("income", income), ("expenditure", expenditure)):
        for item in spec.strip().splitlines():
            name, *values = item.split("|")
            source = src(name, start)
            if side == "income":
                cells = [cell(v, source=source) for v in values + [""] * (n_in - len(values))]
                cells += [cell("")] * (len(columns) - n_in)
            else:
                values += [""] * (len(columns) - n_in - len(values))
                cells = [cell("")] * n_in + [cell(v, source=source) for v in values]
            table.rows.append(Row(name, cells, side=side, source=source))
    return table


CLASSES = [
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
    "文化旅游体育与传媒支出", "社会保障和就业支出", "社会保险基金支出", "卫生健康支出", "节能环保支出",
    "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
    "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出",
    "灾害防治及应急管理支出", "预备费", "其他支出", "转移性支出", "债务还本支出", "债务付息支出",
    "债务发行费用支出", "抗疫特别国债安排的支出",
]  # fmt: skip
NUMERALS = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
    "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六",
    "二十七", "二十八", "二十九", "三十",
]  # fmt: skip
CLASS_VALUES = {
    "一般公共服务支出": "293.07",
    "社会保障和就业支出": "21.26",
    "卫生健康支出": "8.42",
    "住房保障支出": "18.36",
}

FUNCTIONAL = """
|合计|341.11|194.21|146.90
201|一般公共服务支出|293.07|146.17|146.90
20103|政府办公厅(室)及相关机构事务|293.07|146.17|146.90
2010303|机关服务|146.90||146.90
2010350|事业运行|146.17|146.17|
208|社会保障和就业支出|21.26|21.26|
20805|行政事业单位养老支出|21.26|21.26|
2080502|事业单位离退休|0.83|0.83|
2080505|机关事业单位基本养老保险缴费支出|20.42|20.42|
210|卫生健康支出|8.42|8.42|
21007|计划生育事务|0.12|0.12|
2100799|其他计划生育事务支出|0.12|0.12|
21011|行政事业单位医疗|8.30|8.30|
2101102|事业单位医疗|8.30|8.30|
221|住房保障支出|18.36|18.36|
22102|住房改革支出|18.36|18.36|
2210201|住房公积金|18.36|18.36|
"""


def _income_spec() -> str:
    out = []
    for item in FUNCTIONAL.strip().splitlines():
        code, name, total, _basic, _project = item.split("|")
        out.append(f"{code}|{name}||{total}" if not code else f"{code}|{name}|{total}|{total}")
    return "\n".join(out)


def _overview() -> Table:
    income = "一、一般公共预算|341.11\n二、政府性基金预算\n三、国有资本经营预算\n"
    income += "四、财政专户管理资金\n五、单位资金\n"
    income += "本年收入合计|341.11\n上年结转\n收入总计|341.11"
    exp = [
        f"{n}、{c}|{CLASS_VALUES.get(c, '')}|{CLASS_VALUES.get(c, '')}"
        for n, c in zip(NUMERALS, CLASSES, strict=True)
    ]
    exp += ["本年支出合计|341.11|341.11", "年终结转", "支出总计|341.11|341.11"]
    return side_table("overview", income, "\n".join(exp), 120)


def _fiscal_overview() -> Table:
    income = "一、一般公共预算|341.11\n二、政府性基金预算\n三、国有资本经营预算\n本年收入合计|341.11\n"
    income += "上年财政拨款结转\n一、一般公共预算\n二、政府性基金预算\n三、国有资本经营预算\n收入总计|341.11"
    exp = [
        f"{n}、{c}|{CLASS_VALUES.get(c, '')}|{CLASS_VALUES.get(c, '')}"
        for n, c in zip(NUMERALS, CLASSES, strict=True)
    ]
    exp += ["本年支出合计|341.11|341.11", "年终结转", "支出总计|341.11|341.11"]
    return side_table("fiscal_overview", income, "\n".join(exp), 230)


ECONOMIC = """
合计||194.21|188.51|5.70
工资福利支出||187.56|187.56|
基本工资|工资福利支出|75.38|75.38|
津贴补贴|工资福利支出|12.08|12.08|
绩效工资|工资福利支出|50.99|50.99|
机关事业单位基本养老保险缴费|工资福利支出|20.42|20.42|
职工基本医疗保险缴费|工资福利支出|8.30|8.30|
其他社会保障缴费|工资福利支出|2.03|2.03|
住房公积金|工资福利支出|18.36|18.36|
商品和服务支出||5.70||5.70
办公费|商品和服务支出|4.90||4.90
邮电费|商品和服务支出|0.50||0.50
差旅费|商品和服务支出|0.30||0.30
对个人和家庭的补助||0.95|0.95|
退休费|离退休费|0.83|0.83|
奖励金|社会福利和救助|0.12|0.12|
"""


def _economic() -> Table:
    table_id = "general_basic_economic"
    table = Table(table_id, _title(table_id), Unit.WAN, _columns(table_id), unit_name=f"单位名称: {UNIT}")
    table.source = Source(FILE, line=line_of("基本支出分经济科目表", 300))
    after = 308
    for item in ECONOMIC.strip().splitlines():
        name, label, *values = item.split("|")
        source = src(f"{name}{label}", after)
        after = source.line or after
        labels = {"government_economic": label} if label else {}
        table.rows.append(Row(name, [cell(v, source=source) for v in values], labels=labels, source=source))
    return table


def _named(table_id: str, rows: list[str], start: int, note: str | None = None) -> Table:
    columns = _columns(table_id)
    table = Table(table_id, _title(table_id), Unit.WAN, columns, unit_name=f"单位名称: {UNIT}")
    table.source = Source(FILE, line=line_of(_title(table_id).replace('"', ""), start) or start)
    for item in rows:
        name, *values = item.split("|")
        values += [""] * (len(columns) - len(values))
        source = src(name, start) if name else table.source
        table.rows.append(Row(name, [cell(v, source=source) for v in values], source=source))
    if note:
        table.notes.append(note)
    return table


def _projects() -> Table:
    rows = [
        f"{UNIT}|146.90|146.90",
        "办公用房租赁费|120.00|120.00",
        "网络通讯费|7.00|7.00",
        "24小时服务大厅免费服务费|10.00|10.00",
        "好差评系统购置费及维护费|9.90|9.90",
    ]
    return _named("projects", rows, 380)


SECTIONS = {
    "duties": ("概况", "本单位职责", "1、拟定全区政务公开工作和政务服务机构内部建设规划,并组织实施。"),
    "structure": (
        "概况",
        "机构设置情况",
        "我单位内设股室2个,办公室和监督股,职责如下:\n12、负责管理单位车辆;",
    ),
    "changes": ("情况说明", "单位预算收支数据变动情况及原因", _LINES[415]),
    "income": ("情况说明", "收入预算情况说明", _LINES[419]),
    "expenditure": ("情况说明", "支出预算情况说明", _LINES[425]),
    "fiscal": ("情况说明", "财政拨款收支预算总体情况说明", _LINES[429]),
    "general_expenditure": (
        "情况说明",
        "一般公共预算支出情况说明",
        "\n".join(_LINES[433:445]),
    ),
    "general_basic": ("情况说明", "一般公共预算基本支出情况说明", "\n".join(_LINES[450:455])),
    "three_public": ("情况说明", '"三公"经费增减变动原因说明', _LINES[458]),
    "admin_running": ("情况说明", "机关运行经费增减变动原因说明", _LINES[462]),
    "procurement": ("情况说明", "政府采购情况", _LINES[466]),
    "performance": ("情况说明", "绩效管理情况", "\n".join(_LINES[470:479])),
    "assets": ("情况说明", "国有资产占有使用情况", "\n".join(_LINES[636:648])),
    "other": ("情况说明", "其他说明", "(一) 政府购买服务指导性目录\n详见附件。\n(二) 其他\n无。"),
}


def _sections() -> list[Section]:
    out = []
    for section_id, (part, title, text) in SECTIONS.items():
        first = next((ln for ln in text.splitlines() if ln.strip()), text)
        out.append(Section(section_id, title, text, part=part, source=src(first[:30], 40)))
    return out


def _indicators(rows: list[tuple[str, str, str, str]], start: int) -> list[Indicator]:
    out = []
    for period in ("implementation", "annual"):
        for level1, level2, level3, value in rows:
            out.append(
                Indicator(period, level1, level2, level3, value, src(level3, start) if level3 else None)
            )
    return out


# The line where each sheet's 项目名称 is printed (found by hand; OCR garbles some names).
SHEET_LINES = {"24小时服务大厅免费服务费": 483, "网络通讯费": 534, "办公用房租赁费": 567, "遗属补助": 603}


def _sheet(
    project: str, dept: str, unit: str, yuan: str, rows: list[tuple[str, str, str, str]]
) -> PerformanceTarget:
    start = SHEET_LINES[project]
    amount = Amount.parse(yuan, Unit.YUAN)
    return PerformanceTarget(
        project=project,
        department=dept,
        implementing_unit=unit,
        amount_yuan=amount,
        annual_amount_yuan=amount,
        project_kind="一次性项目",
        period="1年",
        goals={"implementation": "按要求保质保量完成", "annual": "按要求完成"},
        indicators=_indicators(rows, start),
        source=Source(FILE, line=start),
    )


OWN_DEPT = "033-朔州市朔城区行政审批服务管理局"


def _sheets() -> list[PerformanceTarget]:
    def standard(cost: str) -> list[tuple[str, str, str, str]]:
        return [
            ("产出指标", "数量指标", "项目数量", "1项"),
            ("产出指标", "质量指标", "验收合格率", "≥85%"),
            ("产出指标", "时效指标", "按时完成率", "≥90%"),
            ("产出指标", "成本指标", "服务费", cost),
            ("效益指标", "社会效益", "方便服务办事群众", "方便"),
            ("满意度指标", "服务对象满意度", "办事群众满意度", "≥85%"),
        ]

    return [
        _sheet("24小时服务大厅免费服务费", OWN_DEPT, UNIT, "100,000", standard("10万元")),
        _sheet("网络通讯费", OWN_DEPT, UNIT, "70,000", standard("7万元")),
        _sheet("办公用房租赁费", OWN_DEPT, UNIT, "1,200,000", standard("120万元")),
        _sheet(
            "遗属补助",
            "042-朔州市朔城区住房和城乡建设局",
            "朔州市朔城区城镇发展服务中心",
            "6,036",
            [
                ("产出指标", "数量指标", "遗属人数", "1人"),
                ("产出指标", "质量指标", "发放标准", "按照国家有关标准发放"),
                ("效益指标", "社会效益", "保障退休干部遗属基本生活", "有效保障"),
                ("满意度指标", "服务对象满意度", "遗属满意度", "≥95%"),
            ],
        ),
    ]


GLOSSARY = [
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    ('"三公"经费', _LINES[827].split("经费:", 1)[1]),
    ("机关运行经费", "指行政单位和参照公务员法管理的事业单位使用财政拨款安排的基本支出中的公用经费支出。"),
]


ATTACHMENTS = [
    ("朔州市朔城区财政局关于转发《朔州市财政局关于转发〈山西省财政厅关于印发2022—2023年集中采购目录及"
     "采购限额标准的通知〉的通知》的通知", 659),
    ("朔州市财政局关于转发《山西省财政厅关于印发<2022-2023年集中采购目录及采购限额标准>的通知》的通知", 681),
    ("山西省财政厅关于印发《2022-2023年集中采购目录及采购限额标准》的通知", 710),
]  # fmt: skip


def seed_disclosure() -> Disclosure:
    """The seed as published, as the reader should deliver it."""
    facts = DocumentFacts(
        unit=UNIT,
        year=2025,
        kind=Kind.BUDGET,
        scope=Scope.UNIT,
        profile="shanxi",
        currency_unit=Unit.WAN,
        title=f"{UNIT} 2025年度单位预算公开",
        source=Source(FILE, line=1),
    )
    tables = [
        _overview(),
        coded_table("income", _income_spec(), 185),
        coded_table("expenditure", FUNCTIONAL, 200),
        _fiscal_overview(),
        coded_table("general_expenditure", FUNCTIONAL, 270),
        _economic(),
        coded_table("fund_income", "|合计|", 326),
        coded_table("fund_expenditure", "|合计|||", 335),
        _named("capital_budget", ["合计"], 345, note="注: 本表无数据"),
        _named(
            "three_public",
            [
                "因公出国(境)费",
                "公务接待费",
                "公务用车购置及运行费",
                "①公务用车购置费",
                "②公务用车运行维护费",
                "合计",
            ],
            355,
        ),
        _named("admin_running", ["部门合计"], 370),
        _projects(),
        _named("projects_carryover", [], 400),
    ]
    tables[0].number = "预算公开表1"
    tables[8].number = "部门公开表9"
    tables[9].number = "预算公开表10"
    tag_roles(tables, load_profile("shanxi"), UNIT)
    return Disclosure(
        facts=facts,
        tables={t.id: t for t in tables},
        sections=_sections(),
        performance_targets=_sheets(),
        procurement=ProcurementStatement(
            total=Amount.parse("3.93", Unit.WAN),
            goods=Amount.parse("3.93", Unit.WAN),
            works=Amount.parse("0", Unit.WAN),
            services=Amount.parse("0", Unit.WAN),
            text=_LINES[466],
            source=Source(FILE, line=467),
        ),
        assets=AssetStatement(
            text="\n".join(_LINES[636:648]),
            vehicles={
                "编制": 0,
                "实有": 0,
                "领导用车": 0,
                "机要通信用车": 0,
                "应急保障用车": 0,
                "执法执勤用车": 0,
                "特种专业技术用车": 0,
                "事业单位业务用车": 0,
                "其他公务用车": 0,
            },
            source=Source(FILE, line=636),
        ),
        glossary=[GlossaryEntry(t, d, src(t, 820)) for t, d in GLOSSARY],
        attachments=[
            Attachment(title, "\n".join(_LINES[line - 1 : line + 20]), Source(FILE, line=line))
            for title, line in ATTACHMENTS
        ],
        source_file=FILE,
    )
