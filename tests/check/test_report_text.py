"""The compiler-like text of a report: file:line: severity ID message, grouped by family."""

from __future__ import annotations

from yusuan import api
from yusuan.model import Disclosure


def test_grouped_by_family_errors_first(read_seed: Disclosure) -> None:
    text = api.report_text(api.check_disclosure(read_seed), "seed.txt")
    lines = text.splitlines()
    assert (
        "seed.txt:192: error A101 合计不等于各类之和：应为341.11万元，表中为空白  [income/合计/合计]" in lines
    )
    families = [ln for ln in lines if ln.startswith("── ")]
    assert families[0].startswith("── 完整性") and families[-1].startswith("── 未能评估")
    assert lines[-1].startswith("seed.txt: 6 个错误 errors")


def test_info_shown_on_request(read_seed: Disclosure) -> None:
    report = api.check_disclosure(read_seed)
    assert " info A101 " not in api.report_text(report, "seed.txt")
    assert "seed.txt:198: info A101 " in api.report_text(report, "seed.txt", show_info=True)
