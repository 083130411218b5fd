"""The HTTP API on SQLite and PostgreSQL: upload, report, filters, roles, decisions, bad uploads."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from workbench import CORPUS, SEED, Bench

from yusuan.serve.app import create_app
from yusuan.serve.settings import Settings
from yusuan.store.people import add_user

MOF = CORPUS / "shanghai-mof-bureau-2025-unit-budget.pdf"


def test_without_a_token_401_and_openapi_lists_the_api(bench: Bench) -> None:
    assert bench.client.get("/api/documents").status_code == 401
    wrong = bench.client.get("/api/documents", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    paths = bench.client.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/documents/{upload_id}", "/api/findings/{finding_id}/decision"} <= set(
        paths
    )


def test_upload_check_report_filters_and_roles(bench: Bench) -> None:
    accepted = bench.upload("preparer", MOF)
    assert accepted.status_code == 202
    upload_id = accepted.json()["id"]
    assert accepted.json()["status"] == "queued"
    seed = bench.upload("reviewer", SEED).json()["id"]
    done = bench.wait(upload_id)
    assert done["status"] == "done", done
    assert (done["unit"], done["year"], done["kind"], done["region"]) == (
        "上海市财政局",
        2025,
        "budget/unit",
        "上海市",
    )
    report = done["report"]
    assert report["document"]["file"] == MOF.name
    assert report["summary"]["warnings"] == done["warnings"] == 2
    assert all(
        {"id", "rule", "location", "evidence", "decision", "version"} <= set(f) for f in report["findings"]
    )
    assert bench.wait(seed)["unit"] == "朔州市朔城区数字政府服务中心"
    # the same bytes again: the same document, not a second one
    assert bench.upload("reviewer", MOF, "again.pdf").json() == {"id": upload_id, "status": "done"}

    listed = bench.client.get(
        "/api/documents",
        params={"year": 2025, "sort": "unit", "order": "asc"},
        headers=bench.auth("reviewer"),
    )
    assert [row["unit"] for row in listed.json()] == ["上海市财政局", "朔州市朔城区数字政府服务中心"]
    shanghai = bench.client.get(
        "/api/documents", params={"region": "上海市"}, headers=bench.auth("reviewer")
    ).json()
    assert [row["id"] for row in shanghai] == [upload_id]
    failed = bench.client.get(
        "/api/documents", params={"status": "failed"}, headers=bench.auth("reviewer")
    ).json()
    assert failed == []

    # a preparer sees their own unit's documents only
    own = bench.client.get("/api/documents", headers=bench.auth("preparer")).json()
    assert [row["id"] for row in own] == [upload_id]
    assert bench.client.get("/api/documents", headers=bench.auth("other")).json() == []
    assert bench.client.get(f"/api/documents/{upload_id}", headers=bench.auth("other")).status_code == 403
    assert bench.client.get("/api/documents/9999", headers=bench.auth("reviewer")).status_code == 404

    finding = report["findings"][0]
    decision = {"decision": "accepted", "reason": "请说明"}
    refused = bench.client.post(
        f"/api/findings/{finding['id']}/decision", json=decision, headers=bench.auth("preparer")
    )
    assert refused.status_code == 403
    decided = bench.client.post(
        f"/api/findings/{finding['id']}/decision", json=decision, headers=bench.auth("reviewer")
    )
    assert decided.status_code == 200
    assert (decided.json()["decision"], decided.json()["decided_by"], decided.json()["version"]) == (
        "accepted",
        "审核员甲",
        1,
    )

    letter = bench.client.get(f"/api/documents/{upload_id}/letter.docx", headers=bench.auth("reviewer"))
    assert letter.status_code == 200
    assert letter.content[:2] == b"PK"


def test_stale_decision_is_409_and_changes_nothing(bench: Bench) -> None:
    upload_id = bench.upload("reviewer", SEED).json()["id"]
    finding = bench.wait(upload_id)["report"]["findings"][0]
    url = f"/api/findings/{finding['id']}/decision"
    first = bench.client.post(
        url, json={"decision": "accepted", "reason": "甲", "version": 0}, headers=bench.auth("reviewer")
    )
    assert first.status_code == 200
    second = bench.client.post(
        url, json={"decision": "dismissed", "reason": "乙", "version": 0}, headers=bench.auth("reviewer2")
    )
    assert second.status_code == 409
    assert "已由他人处理" in second.json()["detail"]
    without_version = bench.client.post(url, json={"decision": "dismissed"}, headers=bench.auth("reviewer2"))
    assert without_version.status_code == 409
    now = bench.wait(upload_id)["report"]["findings"][0]
    assert (now["decision"], now["reason"], now["version"]) == ("accepted", "甲", 1)
    # deciding again over the version seen is an ordinary change
    again = bench.client.post(
        url, json={"decision": "dismissed", "reason": "乙", "version": 1}, headers=bench.auth("reviewer2")
    )
    assert (again.status_code, again.json()["decided_by"]) == (200, "审核员乙")


def _zip_bomb() -> bytes:
    """A .docx-looking package whose one member inflates 1,000-fold to 300 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(block)
    return out.getvalue()


def test_bad_uploads_are_refused_with_a_message(bench: Bench, tmp_path: Path) -> None:
    bomb = bench.client.post(
        "/api/documents", files={"file": ("bomb.docx", _zip_bomb())}, headers=bench.auth("reviewer")
    )
    assert bomb.status_code == 422
    assert bomb.json()["detail"].startswith("bomb.docx: ")
    empty = bench.client.post(
        "/api/documents", files={"file": ("empty.pdf", b"")}, headers=bench.auth("reviewer")
    )
    assert (empty.status_code, empty.json()["detail"]) == (422, "empty.pdf: 空文件 / empty file")
    letter = tmp_path / "letter.txt"
    letter.write_text("各位同事：明天下午三点开会。\n", encoding="utf-8")
    queued = bench.upload("reviewer", letter)
    assert queued.status_code == 202
    failed = bench.wait(queued.json()["id"])
    assert failed["status"] == "failed"
    assert (
        failed["error"]
        == "letter.txt: 不是已知模板的预算公开文件 / not a budget disclosure of any known profile"
    )
    assert failed["report"] is None
    nothing_kept = sorted(p.name for p in bench.settings.upload_dir.iterdir())
    assert all(not name.startswith(".incoming") for name in nothing_kept)
    assert not any(name.endswith(".docx") for name in nothing_kept)


def test_size_limits(settings_for: Callable[..., Settings]) -> None:
    app = create_app(settings_for(workers=0, max_upload_bytes=100_000, max_files=1))
    token = add_user(app.state.engine, "甲", "reviewer")
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(app) as client:
        big = client.post(
            "/api/documents", files={"file": ("big.pdf", b"%PDF" + b"0" * 200_000)}, headers=auth
        )
        assert (big.status_code, big.json()["detail"]) == (
            413,
            "big.pdf: 文件超过 0.0954 MB / file larger than 0.0954 MB",
        )
        huge = client.post(
            "/api/documents", files={"file": ("huge.pdf", b"%PDF" + b"0" * 1_200_000)}, headers=auth
        )
        assert (huge.status_code, huge.json()["detail"]) == (
            413,
            "请求超过 1.1 MB / request larger than 1.1 MB",
        )
        assert client.get("/api/documents", headers=auth).json() == []


def test_several_files_in_one_request(bench: Bench, tmp_path: Path) -> None:
    """The good files are kept and queued; each bad one is named with its reason (202, "rejected")."""
    with MOF.open("rb") as mof, SEED.open("rb") as seed:
        files = [("file", ("mof.pdf", mof)), ("file", ("empty.pdf", b"")), ("file", ("seed.txt", seed))]
        answer = bench.client.post("/api/documents", files=files, headers=bench.auth("reviewer"))
    assert answer.status_code == 202
    body = answer.json()
    assert [(d["file"], d["status"]) for d in body["documents"]] == [
        ("mof.pdf", "queued"),
        ("seed.txt", "queued"),
    ]
    assert body["rejected"] == [
        {"file": "empty.pdf", "status": 422, "detail": "empty.pdf: 空文件 / empty file"}
    ]
    for document in body["documents"]:
        assert bench.wait(document["id"])["status"] == "done"
    listed = bench.client.get("/api/documents", headers=bench.auth("reviewer")).json()
    assert sorted(row["filename"] for row in listed) == ["mof.pdf", "seed.txt"]

    none_good = bench.client.post(
        "/api/documents",
        files=[("file", ("a.pdf", b"")), ("file", ("b.doc", b"\xd0\xcf\x11\xe0 old word"))],
        headers=bench.auth("reviewer"),
    )
    assert none_good.status_code == 422
    assert [r["file"] for r in none_good.json()["rejected"]] == ["a.pdf", "b.doc"]
    assert none_good.json()["detail"] == "2 个文件均被拒收 / none of the 2 files was taken"
    # the same bytes again in a batch: the same upload, already checked
    with MOF.open("rb") as mof:
        again = bench.client.post(
            "/api/documents",
            files=[("file", ("mof-again.pdf", mof)), ("file", ("c.pdf", b""))],
            headers=bench.auth("reviewer"),
        ).json()
    assert again["documents"] == [
        {"id": body["documents"][0]["id"], "status": "done", "file": "mof-again.pdf"}
    ]


def test_several_files_beyond_max_files(settings_for: Callable[..., Settings]) -> None:
    app = create_app(settings_for(workers=0, max_files=2))
    token = add_user(app.state.engine, "甲", "reviewer")
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(app) as client:
        files = [("file", (f"{n}.txt", SEED.read_bytes() + str(n).encode())) for n in range(3)]
        refused = client.post("/api/documents", files=files, headers=auth)
        assert (refused.status_code, refused.json()) == (
            413,
            {"detail": "一次最多 2 个文件 / at most 2 files at once"},
        )
        assert client.get("/api/documents", headers=auth).json() == []  # nothing kept
        two = client.post("/api/documents", files=files[:2], headers=auth)
        assert two.status_code == 202 and len(two.json()["documents"]) == 2
        schema = client.get("/openapi.json").json()
    post = schema["paths"]["/api/documents"]["post"]
    body = post["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"].split("/")[-1]
    field = schema["components"]["schemas"][body]["properties"]["file"]
    assert field["type"] == "array"
    answers = post["responses"]["202"]["content"]["application/json"]["schema"]["anyOf"]
    assert {a["$ref"].split("/")[-1] for a in answers} == {"Accepted", "AcceptedMany"}
    assert set(schema["components"]["schemas"]["AcceptedMany"]["properties"]) == {"documents", "rejected"}
    assert "413" in post["responses"]
