"""The example budget across two years, built with ``yusuan build``, with planted disagreements.

2025: the example as it is. 2026: the same unit, one line item 6.00万元 higher, and last
year's totals (prior_year) equal to 2025's own figures, so its "比上年增加" agree with the 2025
document. 2026-bad: the same, but prior_year.total planted as 345.00 (2025 printed 341.11).
"""

from __future__ import annotations

from pathlib import Path

from yusuan import api

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shuozhou-2025-budget.yaml"


def _edited(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def budget_2026(total: str = "341.11", unit: str | None = None) -> str:
    text = EXAMPLE.read_text("utf-8")
    lines = [
        line.split("#")[0].rstrip() if line.startswith("  total:") else line for line in text.split("\n")
    ]
    text = "\n".join(
        line.split("#")[0].rstrip() if line.startswith("  general_expenditure:") else line for line in lines
    )
    text = _edited(
        text,
        ("  year: 2025", "  year: 2026"),
        ('economic: "30201", amount: 4.90}', 'economic: "30201", amount: 10.90}'),
        ("  total: 337.19", f"  total: {total}"),
        ("  general_expenditure: 337.19", "  general_expenditure: 341.11"),
    )
    text = text.replace("2024年12月31日", "2025年12月31日")  # 国有资产 as at the end of last year
    if unit is not None:
        text = text.replace("朔州市朔城区数字政府服务中心", unit)
    return text


def build_years(folder: Path) -> dict[str, Path]:
    """Write the budgets and build their disclosures (HTML) into ``folder``; name -> document."""
    folder.mkdir(parents=True, exist_ok=True)
    budgets = {
        "2025": EXAMPLE.read_text("utf-8"),
        "2026": budget_2026(),
        "2026-bad": budget_2026(total="345.00"),
        "2026-renamed": budget_2026(unit="朔州市朔城区政务服务中心"),
    }
    out: dict[str, Path] = {}
    for name, text in budgets.items():
        source = folder / "budgets" / f"{name}.yaml"
        source.parent.mkdir(exist_ok=True)
        source.write_text(text, encoding="utf-8")
        built = api.build(source, folder / "docs" / name, formats=["html"], stem=f"unit-{name}")
        assert not built.refused, built.report.findings
        out[name] = next(p for p in built.written if p.suffix == ".html")
    return out
