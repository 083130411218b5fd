from dataclasses import replace

from yusuan.read.assemble.spec import reading_spec
from yusuan.reference.profiles import Profile


def test_shanxi_reading_block(shanxi: Profile) -> None:
    reading = reading_spec(shanxi)
    assert reading.part_for("2025年度单位预算情况说明") == "情况说明"
    assert reading.part_for("概况") == "概况"
    assert reading.part_for("2025年单位预算报表") == ""
    assert reading.table_label is not None and reading.table_label.match("部门公开表9")
    assert reading.attachment_start is not None and reading.attachment_start.match("朔州市朔城区财政局文件")
    assert reading.performance is not None and "数量指标" in reading.performance.level2
    assert set(reading.procurement) == {"total", "goods", "works", "services"}
    assert reading.section_roles["performance"] == "performance"


def test_profile_without_reading_block(shanxi: Profile) -> None:
    bare = replace(shanxi, id="bare", raw={})
    reading = reading_spec(bare)
    assert reading.parts == () and reading.performance is None and reading.procurement == {}
    assert reading.table_label is None and reading.title is None
