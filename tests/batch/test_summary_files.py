"""The summary files open in LibreOffice (headless) and say what the reports say."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from yusuan.cli import main


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is installed by `make setup` (libreoffice-calc-nogui)"
    return found


def _via_libreoffice(path: Path, out: Path) -> list[list[str]]:
    """Open ``path`` in LibreOffice Calc and save its first sheet as CSV; the rows it holds."""
    profile = out / "lo-profile"
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *(["--infilter=CSV:44,34,76,1"] if path.suffix == ".csv" else []),  # comma, quote, UTF-8
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",  # UTF-8
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (out / f"{path.stem}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory, years: dict[str, Path]) -> Path:
    out = tmp_path_factory.mktemp("summaries")
    junk = out / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n% not a disclosure\n")
    inputs = [str(years["2025"]), str(years["2026-bad"]), str(junk)]
    for name in ("summary.xlsx", "summary.csv", "summary.html"):
        assert main(["check", *inputs, "--jobs", "2", "--summary", str(out / name)]) == 1
    return out


def test_xlsx_opens_in_libreoffice(summaries: Path, tmp_path: Path) -> None:
    rows = _via_libreoffice(summaries / "summary.xlsx", tmp_path)
    assert rows[0][:4] == ["文件 / file", "单位 / unit", "地区 / region", "年度 / year"]
    assert len(rows) == 4
    bad = next(r for r in rows if r[0].endswith("unit-2026-bad.html"))
    header = rows[0]
    assert bad[header.index("年度 / year")] == "2026"
    assert bad[header.index("地区 / region")] == "山西省朔州市"
    assert int(bad[header.index("Y 跨年度核对")]) >= 1  # paired with 2025 in the same batch
    assert bad[header.index("结论 / status")] == "有错误 / errors"
    junk = next(r for r in rows if r[0].endswith("junk.pdf"))
    assert junk[header.index("结论 / status")] == "无法读取 / unreadable"


def test_csv_opens_in_libreoffice(summaries: Path, tmp_path: Path) -> None:
    assert (summaries / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _via_libreoffice(summaries / "summary.csv", tmp_path)
    with (summaries / "summary.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert rows == list(csv.reader(handle))
    assert rows[1][1] == "朔州市朔城区数字政府服务中心"


def test_html_links_each_row_to_its_report(summaries: Path) -> None:
    page = (summaries / "summary.html").read_text("utf-8")
    reports = sorted((summaries / "summary-reports").iterdir())
    assert [p.name for p in reports] == ["0001-unit-2025.html", "0002-unit-2026-bad.html"]
    for report in reports:
        assert f'href="summary-reports/{report.name}"' in page
        assert "Y101" in reports[1].read_text("utf-8")
    assert "addEventListener('click'" in page  # headers sort the table
    assert "无法读取 / unreadable" in page
