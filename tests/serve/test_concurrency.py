"""Reviewers deciding the same finding at the same moment: one wins, the others get 409."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from workbench import SEED, Bench

from yusuan.store.workbench import audit_log


def test_simultaneous_decisions_one_wins_the_rest_409(bench: Bench) -> None:
    upload_id = bench.upload("reviewer", SEED).json()["id"]
    finding = bench.wait(upload_id)["report"]["findings"][0]
    url = f"/api/findings/{finding['id']}/decision"
    who = ["reviewer", "reviewer2", "admin"] * 4

    def decide(index: int) -> int:
        body = {"decision": "accepted" if index % 2 else "dismissed", "reason": f"第{index}位", "version": 0}
        return int(bench.client.post(url, json=body, headers=bench.auth(who[index])).status_code)

    with ThreadPoolExecutor(len(who)) as pool:
        codes = list(pool.map(decide, range(len(who))))
    assert sorted(codes) == [200] + [409] * (len(who) - 1)
    winner = codes.index(200)
    now = bench.wait(upload_id)["report"]["findings"][0]
    assert (now["reason"], now["version"]) == (f"第{winner}位", 1)
    engine = bench.client.app.state.engine  # type: ignore[attr-defined]
    decisions = [event for event in audit_log(engine) if event["action"] == "decision"]
    assert [event["finding_id"] for event in decisions] == [finding["id"]]
