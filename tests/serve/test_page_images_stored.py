"""A finding shown from the places the worker stored with it: no re-read of the upload, every
finding of the corpus placed at check time, and the re-read kept for uploads checked before."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import update
from workbench import CORPUS, Bench, login

from yusuan.serve.worker import stored_path
from yusuan.store.schema_workbench import findings as findings_table
from yusuan.store.workbench import findings_of, get_upload

FINANCE = CORPUS / "shanghai-putuo-finance-bureau-2025-dept-budget.pdf"
SHANGHAI = sorted(CORPUS.glob("shanghai-*.pdf"))


def _boxes(html: str) -> list[tuple[str, ...]]:
    return re.findall(r"left: ([\d.]+)%; top: ([\d.]+)%; width: ([\d.]+)%; height: ([\d.]+)%", html)


def _pages(html: str, upload_id: int) -> list[str]:
    return re.findall(rf'src="/documents/{upload_id}/pages/(\d+)\.png"', html)


def _upload_file(bench: Bench, upload_id: int) -> Any:
    row = get_upload(bench.client.app.state.engine, upload_id)  # type: ignore[attr-defined]
    assert row is not None
    return stored_path(bench.settings.upload_dir, row["sha256"], row["filename"])


def _n101(bench: Bench) -> tuple[int, dict[str, Any]]:
    upload_id = bench.upload("reviewer", FINANCE).json()["id"]
    findings = bench.wait(upload_id)["report"]["findings"]
    return upload_id, next(f for f in findings if f["rule"] == "N101" and "887.36" in f["message"])


def test_a_finding_is_shown_from_its_stored_places_with_the_upload_gone(bench: Bench) -> None:
    upload_id, n101 = _n101(bench)
    places = n101["places"]
    assert places["pdf"] is True and len(places["locations"]) == len(n101["locations"]) == 2
    sentence, cell = places["locations"]
    assert [p["page"] for p in sentence["places"]] == [7] and len(sentence["places"][0]["boxes"]) == 2
    assert [p["page"] for p in cell["places"]] == [15] and cell["places"][0]["exact"] is True
    assert "【合计 873,617.00】" in cell["text"]

    login(bench.client, "审核员甲", "pw-a")
    view = bench.client.get(f"/documents/{upload_id}/findings/{n101['id']}").text
    for number in _pages(view, upload_id):  # the page images are rendered once and kept
        assert bench.client.get(f"/documents/{upload_id}/pages/{number}.png").status_code == 200
    path = _upload_file(bench, upload_id)
    path.unlink()

    again = bench.client.get(f"/documents/{upload_id}/findings/{n101['id']}")
    assert again.status_code == 200
    assert _boxes(again.text) == _boxes(view) and len(_boxes(view)) == 3
    assert _pages(again.text, upload_id) == _pages(view, upload_id) == ["7", "15"]
    assert 'id="reread"' not in again.text and "无法在页面上定位" not in again.text
    for number in ("7", "15"):
        assert bench.client.get(f"/documents/{upload_id}/pages/{number}.png").status_code == 200
    assert bench.client.get(f"/documents/{upload_id}/pages/1.png").status_code == 404  # not kept: gone


def test_every_finding_of_the_shanghai_corpus_has_its_places_stored(bench: Bench) -> None:
    assert len(SHANGHAI) == 3
    uploads = [bench.upload("reviewer", pdf).json()["id"] for pdf in SHANGHAI]
    placed = located = 0
    for upload_id in uploads:
        report = bench.wait(upload_id, seconds=240)["report"]
        assert report["findings"]
        for finding in report["findings"]:
            places = finding["places"]
            assert places["pdf"] is True
            assert len(places["locations"]) == max(1, len(finding["locations"]))
            for item in places["locations"]:
                located += 1
                placed += bool(item["places"])
                for place in item["places"]:
                    assert place["page"] >= 1 and place["boxes"]
                    for left, top, width, height in place["boxes"]:
                        assert 0 <= left <= 100 and 0 <= top <= 100 and width > 0 and height > 0
    assert placed > located / 2, (placed, located)  # most are found on the page


def test_an_upload_checked_before_places_were_stored_is_read_again_once_and_says_so(bench: Bench) -> None:
    upload_id, n101 = _n101(bench)
    login(bench.client, "审核员甲", "pw-a")
    stored = bench.client.get(f"/documents/{upload_id}/findings/{n101['id']}").text
    engine = bench.client.app.state.engine  # type: ignore[attr-defined]
    before = {row["id"]: row["body"] for row in findings_of(engine, upload_id)}
    assert len(before) > 1 and all("places" in body for body in before.values())
    with engine.begin() as connection:  # as a check before this change stored them: no places
        for finding_id, body in before.items():
            old = {key: value for key, value in body.items() if key != "places"}
            connection.execute(
                update(findings_table).where(findings_table.c.id == finding_id).values(body=old)
            )

    path = _upload_file(bench, upload_id)
    moved = path.rename(path.with_name("elsewhere"))
    gone = bench.client.get(f"/documents/{upload_id}/findings/{n101['id']}")
    assert gone.status_code == 404 and "已不在" in gone.text
    moved.rename(path)

    reread = bench.client.get(f"/documents/{upload_id}/findings/{n101['id']}")
    assert reread.status_code == 200 and 'id="reread"' in reread.text and "重新读取文件" in reread.text
    assert _boxes(reread.text) == _boxes(stored) and 'id="reread"' not in stored
    after = {row["id"]: row["body"] for row in findings_of(engine, upload_id)}
    assert after == before, "the places found again are those the worker stored, for every finding"

    path.unlink()  # from now on shown from the stored places
    again = bench.client.get(f"/documents/{upload_id}/findings/{n101['id']}")
    assert again.status_code == 200 and 'id="reread"' not in again.text
    assert _boxes(again.text) == _boxes(stored)
