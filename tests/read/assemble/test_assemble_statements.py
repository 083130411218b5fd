from decimal import Decimal

from yusuan.model import ReadProblemKind, Section, Source, Unit
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.statements import read_assets, read_procurement

HERE = Source("f.txt", line=9)


def section(section_id: str, text: str) -> Section:
    return Section(id=section_id, title="", text=text, part="情况说明", source=HERE)


def test_procurement(reading: ReadingSpec) -> None:
    text = "政府采购预算总额12.50万元。其中:政府采购货物预算2.5万元、\n"
    text += "政府采购工程预算10万元、政府采购服务预算0万元。"
    statement, problems = read_procurement(section("procurement", text), reading, Unit.WAN)
    assert problems == []
    assert statement is not None
    assert statement.total is not None and statement.total.value == Decimal("12.50")
    assert statement.goods is not None and statement.goods.value == Decimal("2.5")
    assert statement.works is not None and statement.works.value == 10
    assert statement.services is not None and statement.services.value == 0
    assert statement.source == HERE and statement.text == text


def test_procurement_in_yuan(reading: ReadingSpec) -> None:
    statement, _ = read_procurement(section("procurement", "政府采购预算总额1,200元。"), reading, Unit.WAN)
    assert statement is not None and statement.total is not None
    assert statement.total.unit is Unit.YUAN and statement.total.value == 1200
    assert statement.goods is None


def test_procurement_unreadable(reading: ReadingSpec) -> None:
    statement, problems = read_procurement(
        section("procurement", "政府采购预算总额3.9.3万元。"), reading, Unit.WAN
    )
    assert statement is not None and statement.total is None  # stated, but not readable
    assert [(p.kind, p.what, p.text) for p in problems] == [
        (ReadProblemKind.UNREADABLE, "procurement total", "3.9.3万元")
    ]


def test_no_procurement_stated(reading: ReadingSpec) -> None:
    assert read_procurement(section("procurement", "本单位无政府采购。"), reading, Unit.WAN) == (None, [])


def test_assets(reading: ReadingSpec) -> None:
    text = (
        "截至2024年12月31日, 某中心共有公务用车编制2辆, 实有1辆, 其中: 领导用车0辆, 其他公务用车1辆。\n"
        "某中心使用的办公用房建筑总面积 350.5平方米。\n"
        "占有使用价值50万元(原值)以上的通用设备3台(套)。"
    )
    assets = read_assets(section("assets", text), reading)
    assert assets.vehicles == {"编制": 2, "实有": 1, "领导用车": 0, "其他公务用车": 1}
    assert assets.figures == {
        "办公用房建筑总面积": "350.5平方米",
        "价值50万元(原值)以上的通用设备": "3台(套)",
    }
    assert assets.source == HERE
