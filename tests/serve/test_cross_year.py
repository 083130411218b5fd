"""Cross-year findings in the workbench: 2026 uploaded first, 2025 after it, the 2026 report gets Y101.

The example budget built for 2025 and for 2026 with last year's total planted as 345.00万元
(2025 printed 341.11万元), as tests/batch does for Y101. The decision on the cross-year finding
holds when the year before is uploaded again (a copy under another name, paired anew) and when
the server restarts with a pairing left unfinished.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from two_years import build_years
from workbench import Bench, login, people

from yusuan.serve.app import create_app
from yusuan.serve.settings import Settings
from yusuan.store.crossyear import unpair
from yusuan.store.schema_workbench import findings, uploads
from yusuan.store.workbench import audit_log

UNIT = "朔州市朔城区数字政府服务中心"


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_years(tmp_path_factory.mktemp("years"))


def _pairings(bench: Bench, upload_id: int) -> int:
    engine = bench.client.app.state.engine  # type: ignore[attr-defined]
    return sum(1 for e in audit_log(engine) if e["action"] == "paired" and e["upload_id"] == upload_id)


def _paired(bench: Bench, upload_id: int, times: int = 1, seconds: float = 120) -> None:
    """Wait until the upload's years have been paired ``times`` times (the audit log says so)."""
    deadline = time.monotonic() + seconds
    while _pairings(bench, upload_id) < times:
        assert time.monotonic() < deadline, f"upload {upload_id} not paired {times} times"
        time.sleep(0.3)


def _cross_year(bench: Bench, upload_id: int) -> list[dict[str, Any]]:
    report = bench.wait(upload_id)["report"]
    return [f for f in report["findings"] if f["rule"].startswith("Y")]


def _upload(bench: Bench, path: Path, name: str) -> int:
    reply = bench.upload("reviewer", path, name)
    assert reply.status_code == 202, reply.text
    upload_id = int(reply.json()["id"])
    assert bench.wait(upload_id)["status"] == "done"
    return upload_id


def test_the_year_before_arriving_later_gives_the_cross_year_finding(
    settings_for: Callable[..., Settings], years: dict[str, Path], tmp_path: Path
) -> None:
    settings = settings_for(workers=1)
    app = create_app(settings)
    tokens = people(app)
    with TestClient(app) as client:
        bench = Bench(client, settings, tokens)
        new = _upload(bench, years["2026-bad"], "2026年预算.html")
        _paired(bench, new)
        assert _cross_year(bench, new) == []  # no year before yet
        alone = bench.wait(new)

        old = _upload(bench, years["2025"], "2025年预算.html")
        _paired(bench, old)
        y101 = [f for f in _cross_year(bench, new) if f["rule"] == "Y101"]
        assert len(y101) == 2  # 收入总计 and 支出总计 both imply 345.00 against 341.11
        first = y101[0]
        assert first["previous_document"] == old and first["severity"] == "error"
        here, there = first["locations"]
        assert here["section"] == "changes" and "比上年增加2.11万元" in here["sentence"]
        assert (there["table"], there["row"], there["column"]) == ("overview", "收入总计", "2025年")
        assert (first["evidence"]["expected"], first["evidence"]["actual"]) == ("341.11", "345.00")
        assert "2025年预算.html" in first["message"] and str(settings.data_dir) not in first["message"]
        assert _cross_year(bench, old) == []  # found on the later document only
        counted = bench.wait(new)
        assert counted["errors"] == alone["errors"] + 2

        decided = client.post(
            f"/api/findings/{first['id']}/decision",
            json={"decision": "accepted", "reason": "上年数不符", "version": first["version"]},
            headers=bench.auth("reviewer"),
        )
        assert decided.status_code == 200, decided.text

        # the report page points at both documents; the letter takes the accepted cross-year finding
        login(bench.client, "审核员甲", "pw-a")
        page = client.get(f"/documents/{new}").text
        shown = page[page.index(f'id="f{first["id"]}"') :]
        shown = shown[: shown.index("</form>")]
        assert f'<a href="/documents/{old}" class="previous">' in shown
        assert "overview · 收入总计 · 2025年" in shown and "比上年增加2.11万元" in shown
        # shown on page: the sentence in 2026, the 收入总计 row read from the 2025 document itself
        view = client.get(f"/documents/{new}/findings/{first['id']}").text
        one, two = view[view.index('id="loc1"') : view.index('id="loc2"')], view[view.index('id="loc2"') :]
        assert "比上年增加2.11万元" in one and f'href="/documents/{old}"' not in one
        assert f'<a href="/documents/{old}">2025年 2025年预算.html</a>' in two and "341.11" in two
        # from the places stored at pairing: the second one read from last year's document
        assert 'id="reread"' not in view and "341.11" in first["places"]["locations"][1]["text"]
        assert [item["pdf"] for item in first["places"]["locations"]] == [False, False]
        engine = client.app.state.engine  # type: ignore[attr-defined]
        with engine.begin() as connection:  # as checked before places were stored: read both again
            for found in connection.execute(
                select(findings.c.id, findings.c.body).where(findings.c.upload_id == new)
            ):
                old_body = {key: value for key, value in found.body.items() if key != "places"}
                connection.execute(update(findings).where(findings.c.id == found.id).values(body=old_body))
        again = client.get(f"/documents/{new}/findings/{first['id']}").text
        assert 'id="reread"' in again
        assert again[again.index('id="loc2"') :].count("341.11") == two.count("341.11")
        with engine.connect() as connection:
            body = connection.execute(
                select(findings.c.body).where(findings.c.id == first["id"])
            ).scalar_one()
        assert body["places"] == first["places"]
        letter = Document(io.BytesIO(client.get(f"/documents/{new}/letter.docx").content))
        assert any("推出上年为345.00万元" in p.text for p in letter.paragraphs)
        units = client.get(f"/units/{UNIT}").text
        row = re.search(rf'<tr data-finding="{first["id"]}">(.*?)</tr>', units, re.S)
        assert row, "the unit page lists the cross-year finding"
        assert f'href="/documents/{new}#f{first["id"]}"' in row.group(1)
        assert f'href="/documents/{old}"' in row.group(1) and "已确认 accepted" in row.group(1)

        # the same bytes again: the same upload, nothing re-run, the decision stands
        again = bench.upload("reviewer", years["2026-bad"], "2026年预算.html")
        assert again.json()["id"] == new
        # a copy of 2025 under another name: the newest of the year before, so 2026 is paired anew
        copy = tmp_path / "2025-copy.html"
        copy.write_bytes(years["2025"].read_bytes() + b"\n")
        newer = _upload(bench, copy, "2025年预算（更正）.html")
        _paired(bench, newer)
        after = {f["id"]: f for f in _cross_year(bench, new) if f["rule"] == "Y101"}
        assert set(after) == {f["id"] for f in y101}  # the same rows, updated in place
        kept = after[first["id"]]
        assert (kept["decision"], kept["reason"], kept["version"]) == ("accepted", "上年数不符", 1)
        assert kept["previous_document"] == newer and "2025年预算（更正）.html" in kept["message"]
        assert bench.wait(new)["errors"] == alone["errors"] + 2  # not counted twice

        engine = app.state.engine
        unpair(engine, newer)  # as a server stopped in the middle of a pairing leaves it
        before = _pairings(bench, newer)

    restarted = create_app(settings)
    with TestClient(restarted) as client:
        bench = Bench(client, settings, tokens)
        _paired(bench, newer, before + 1)  # the restart finished the pairing
        with restarted.state.engine.connect() as connection:
            flags = connection.execute(select(uploads.c.id, uploads.c.paired, uploads.c.unit_key)).all()
        assert {(i, p) for i, p, _ in flags} == {(new, True), (old, True), (newer, True)}
        assert {key for _, _, key in flags} == {UNIT}
        held = {f["id"]: f for f in _cross_year(bench, new)}[first["id"]]
        assert (held["decision"], held["reason"], held["version"]) == ("accepted", "上年数不符", 1)
        assert len([f for f in _cross_year(bench, new) if f["rule"] == "Y101"]) == 2
