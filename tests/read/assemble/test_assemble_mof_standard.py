"""The Ministry of Finance's standard 部门预算 layout, read from a document written for the test:
the seed's figures printed under the nine standard titles (text, tab-separated cells)."""

from __future__ import annotations

from pathlib import Path

from yusuan.model import Disclosure, Table
from yusuan.read import read_document
from yusuan.read.text import read_text

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"

_CODED = {
    "income": ("2025年部门收入总表", "income"),
    "expenditure": ("2025年部门支出总表", "expenditure"),
    "general_expenditure": ("2025年一般公共预算支出表", "general_expenditure"),
    "general_basic_economic": ("2025年一般公共预算基本支出表", "general_basic_economic"),
    "fund_expenditure": ("2025年政府性基金预算支出表", "fund_expenditure"),
}


def _figure(table: Table, row_index: int, key: str) -> str:
    amount = table.rows[row_index].amount(table, key)
    return "" if amount is None else str(amount.value)


def _coded_lines(table: Table, keys: list[str]) -> list[str]:
    lines = []
    for index, row in enumerate(table.rows):
        figures = [_figure(table, index, k) for k in keys]
        lines.append("\t".join([row.code or row.name, "" if row.code is None else row.name, *figures]))
    return lines


def _document(seed: Disclosure) -> str:
    """The seed's figures under the standard titles, with the standard cover and parts."""
    unit = seed.facts.unit
    out = [f"{unit}2025年部门预算", "第一部分 部门概况", "一、部门职责", "负责本地区数字政府建设。"]
    out += ["第二部分 部门预算表"]
    overview = seed.tables["overview"]
    income = [r for r in overview.rows if r.side == "income"]
    spending = [r for r in overview.rows if r.side == "expenditure"]
    out += ["2025年部门收支总表", f"部门名称：{unit}", "单位：万元", "项目\t预算数\t项目\t预算数"]
    for i in range(max(len(income), len(spending))):
        left = income[i] if i < len(income) else None
        right = spending[i] if i < len(spending) else None
        left_figure = left.amount(overview, "income_amount") if left else None
        right_figure = right.amount(overview, "total") if right else None
        out.append(
            "\t".join(
                [
                    left.name if left else "",
                    str(left_figure.value) if left_figure else "",
                    right.name if right else "",
                    str(right_figure.value) if right_figure else "",
                ]
            )
        )
    columns = {
        "income": ["total", "general_budget", "government_fund", "state_capital", "special_account",
                   "unit_funds", "carryover"],
        "expenditure": ["total", "basic", "project"],
        "general_expenditure": ["total", "basic", "project"],
        "general_basic_economic": ["total", "personnel", "public"],
        "fund_expenditure": ["total", "basic", "project"],
    }  # fmt: skip
    fiscal = seed.tables["fiscal_overview"]
    out += [
        "2025年财政拨款收支总表",
        "单位：万元",
        "项目\t预算数\t项目\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算",
    ]
    f_income = [r for r in fiscal.rows if r.side == "income"]
    f_spending = [r for r in fiscal.rows if r.side == "expenditure"]
    keys = ["total", "general_budget", "government_fund", "state_capital"]
    for i in range(max(len(f_income), len(f_spending))):
        left = f_income[i] if i < len(f_income) else None
        right = f_spending[i] if i < len(f_spending) else None
        left_figure = left.amount(fiscal, "income_amount") if left else None
        figures = [right.amount(fiscal, k) if right else None for k in keys]
        out.append(
            "\t".join(
                [
                    left.name if left else "",
                    str(left_figure.value) if left_figure else "",
                    right.name if right else "",
                    *(str(f.value) if f else "" for f in figures),
                ]
            )
        )
    for table_id, (title, _id) in _CODED.items():
        table = seed.tables[table_id]
        header = "科目编码\t科目名称\t" + "\t".join(c.label for c in table.columns)
        out += [title, "单位：万元", header, *_coded_lines(table, columns[table_id])]
        if table_id == "general_basic_economic":
            three = seed.tables["three_public"]
            by_name = {r.name: r.amount(three, "total") for r in three.rows}
            names = ("合计", "因公出国(境)费", "公务用车购置及运行费", "①公务用车购置费",
                     "②公务用车运行维护费", "公务接待费")  # fmt: skip
            figures = [by_name.get(n) for n in names]
            out += ["2025年一般公共预算“三公”经费支出表", "单位：万元",
                    "合计\t因公出国(境)费\t公务用车购置及运行费小计\t公务用车购置费\t公务用车运行费\t公务接待费",
                    "\t".join(str(f.value) if f else "0.00" for f in figures)]  # fmt: skip
    out += [
        "2025年国有资本经营预算支出表",
        "单位：万元",
        "科目编码\t科目名称\t合计\t基本支出\t项目支出",
        "\t合计\t\t\t",
    ]
    out += ["第三部分 部门预算情况说明", "一、收支预算总体情况", "本部门收支预算总计见部门收支总表。"]
    out += ["第四部分 名词解释", "一、财政拨款：指本级财政当年拨付的资金。"]
    return "\n".join(out) + "\n"


def test_the_standard_layout_reads_with_its_nine_tables(tmp_path: Path) -> None:
    seed = read_document(SEED)
    text = _document(seed)
    disclosure = read_text("standard.txt", text)
    assert disclosure.facts.profile == "mof_standard"
    assert (disclosure.facts.unit, disclosure.facts.year, disclosure.facts.scope.value) == (
        seed.facts.unit,
        2025,
        "department",
    )
    assert list(disclosure.tables) == [
        "overview",
        "income",
        "expenditure",
        "fiscal_overview",
        "general_expenditure",
        "general_basic_economic",
        "three_public",
        "fund_expenditure",
        "capital_budget",
    ]
    # every figure of the seed's coded tables comes back under the same code and column
    for table_id in _CODED:
        ours, theirs = disclosure.tables[table_id], seed.tables[table_id]
        got = {(r.code or r.name, c.key): r.amount(ours, c.key) for r in ours.rows for c in ours.columns}
        for row in theirs.rows:
            for column in ours.columns:
                want = row.amount(theirs, column.key)
                amount = got[(row.code or row.name, column.key)]
                assert (amount.value if amount else None) == (want.value if want else None), (table_id, row)
    total = disclosure.tables["overview"].rows[-1]
    assert total.side == "expenditure"
    (three,) = disclosure.tables["three_public"].rows  # the seed prints no 三公: zeros here
    assert [c.normalised for c in three.cells] == ["0.00"] * 6 and three.name == "预算数"
    assert [r.name for r in disclosure.tables["capital_budget"].rows] == ["合计"]
    overview, seed_overview = disclosure.tables["overview"], seed.tables["overview"]
    income = [(r.name, r.amount(overview, "income_amount")) for r in overview.rows if r.side == "income"]
    want = [(r.name, r.amount(seed_overview, "income_amount")) for r in seed_overview.iter_rows("income")]
    assert [(n, a.value if a else None) for n, a in income] == [(n, a.value if a else None) for n, a in want]
    fiscal = disclosure.tables["fiscal_overview"]
    for side in ("income", "expenditure"):
        got_names = [r.name for r in fiscal.iter_rows(side)]
        assert got_names == [r.name for r in seed.tables["fiscal_overview"].iter_rows(side)]
