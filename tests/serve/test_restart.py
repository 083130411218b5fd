"""Jobs and decisions survive the server: a crash (SIGKILL) while checking, and an orderly stop."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from workbench import CORPUS, SEED, Server

from yusuan.serve.settings import Settings


@pytest.fixture
def server(settings_for: Callable[..., Settings], tmp_path: Path) -> Iterator[Server]:
    settings = settings_for()
    database = ["--database", settings.database, "--schema", settings.schema] if settings.schema else []
    server = Server(settings.data_dir, database, tmp_path / "serve.log")
    yield server
    if server.process is not None:
        server.stop(crash=True)


def _status(server: Server, token: str, upload_id: int) -> dict[str, Any]:
    reply = httpx.get(f"{server.url}/api/documents/{upload_id}", headers={"Authorization": f"Bearer {token}"})
    return dict(reply.json())


def test_jobs_queued_or_running_at_a_crash_are_finished_after_restart(server: Server) -> None:
    token = server.add_user("审核员", "--role", "reviewer")
    auth = {"Authorization": f"Bearer {token}"}
    server.start()
    ids = []
    for path in (CORPUS / "shanghai-putuo-finance-bureau-2025-dept-budget.pdf", SEED):
        with path.open("rb") as handle:
            reply = httpx.post(
                f"{server.url}/api/documents", files={"file": (path.name, handle)}, headers=auth
            )
        assert reply.status_code == 202
        ids.append(reply.json()["id"])
    deadline = time.monotonic() + 30
    while _status(server, token, ids[0])["status"] != "running":
        assert time.monotonic() < deadline, "the first job never started"
        time.sleep(0.1)
    server.stop(crash=True)  # one job running, one queued

    server.start()
    deadline = time.monotonic() + 120
    while {_status(server, token, i)["status"] for i in ids} != {"done"}:
        assert time.monotonic() < deadline, [_status(server, token, i)["status"] for i in ids]
        time.sleep(0.5)
    finding = _status(server, token, ids[1])["report"]["findings"][0]
    decided = httpx.post(
        f"{server.url}/api/findings/{finding['id']}/decision",
        json={"decision": "accepted", "reason": "请更正"},
        headers=auth,
    )
    assert decided.status_code == 200
    server.stop()

    server.start()
    after = _status(server, token, ids[1])["report"]["findings"][0]
    assert (after["decision"], after["reason"], after["decided_by"]) == ("accepted", "请更正", "审核员")
    assert _status(server, token, ids[0])["unit"] == "上海市普陀区财政局"
