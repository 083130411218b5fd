"""A check job that places its findings (what the workbench's worker asks for): each finding of
the report JSON carries its places; without the ask the JSON contract is as before."""

from __future__ import annotations

from pathlib import Path

from yusuan.batch.jobs import Job, Options, run_job

ROOT = Path(__file__).resolve().parents[2]
FINANCE = ROOT / "tests" / "corpus" / "shanghai-putuo-finance-bureau-2025-dept-budget.pdf"
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"


def test_a_check_job_stores_each_findings_places() -> None:
    outcome = run_job(Job(file=str(FINANCE), options=Options(), want_places=True))
    assert outcome.data is not None and "places_error" not in outcome.extra
    findings = outcome.data["findings"]
    assert findings and all(f["places"]["pdf"] is True for f in findings)
    for finding in findings:
        assert len(finding["places"]["locations"]) == max(1, len(finding["locations"]))
    n101 = next(f for f in findings if f["rule"] == "N101" and "887.36" in f["message"])
    cell = n101["places"]["locations"][1]
    assert cell["page"] == 15 and [p["page"] for p in cell["places"]] == [15] and cell["places"][0]["exact"]
    left, top, width, height = cell["places"][0]["boxes"][0]
    # page 15 is 841.92 × 595.32 pt; the cell 合计 of row 2080506 spans x 433.26–553.26, y 448.68–473.28
    assert abs(left - 100 * 433.26 / 841.92) < 0.01 and abs(width - 100 * 120.0 / 841.92) < 0.01
    assert abs(top - 100 * 448.68 / 595.32) < 0.01 and abs(height - 100 * 24.6 / 595.32) < 0.01
    assert outcome.extra["places_seconds"] > 0

    plain = run_job(Job(file=str(FINANCE), options=Options()))
    assert plain.data is not None and all("places" not in f for f in plain.data["findings"])
    assert [{k: v for k, v in f.items() if k != "places"} for f in findings] == plain.data["findings"]


def test_a_text_upload_gets_the_text_of_each_place_and_no_page() -> None:
    outcome = run_job(Job(file=str(SEED), options=Options(), want_places=True))
    assert outcome.data is not None
    findings = outcome.data["findings"]
    assert findings and all(f["places"]["pdf"] is False for f in findings)
    with_row = next(f for f in findings if f["location"]["row"] and f["location"]["column"])
    (item,) = with_row["places"]["locations"][:1]
    assert item["places"] == [] and item["text"] and with_row["location"]["row"] in item["text"]
