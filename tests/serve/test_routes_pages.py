"""The pages: login with CSRF, list filters and sorting, deciding, a conflict shown, assignment, comments."""

from __future__ import annotations

from workbench import SEED, Bench, csrf_of, login

from yusuan.store.people import add_user, reviewers


def test_pages_need_a_login_and_forms_a_csrf_token(bench: Bench) -> None:
    first = bench.client.get("/", follow_redirects=False)
    assert (first.status_code, first.headers["location"]) == (303, "/login")
    forged = bench.client.post("/login", data={"name": "审核员甲", "password": "pw-a", "csrf": "x"})
    assert forged.status_code == 403 and "CSRF" in forged.text
    assert forged.headers["content-type"].startswith("text/html")  # a page, not JSON (serve/errors.py)
    form = bench.client.get("/login")
    wrong = bench.client.post(
        "/login", data={"name": "审核员甲", "password": "no", "csrf": csrf_of(form.text)}
    )
    assert wrong.status_code == 401 and "用户名或密码不对" in wrong.text


def test_review_through_the_pages(bench: Bench) -> None:
    upload_id = bench.upload("reviewer", SEED).json()["id"]
    findings = bench.wait(upload_id)["report"]["findings"]
    csrf = login(bench.client, "审核员甲", "pw-a")
    listing = bench.client.get("/", params={"unit": "朔城区", "sort": "errors", "order": "asc"})
    assert "朔州市朔城区数字政府服务中心" in listing.text and "山西省" in listing.text
    assert "还没有文件" in bench.client.get("/", params={"year": "2024"}).text

    first = findings[0]["id"]
    # each finding's evidence and hint, on the report and on the finding's own page (_evidence.html)
    shown = next(f for f in findings if f["evidence"]["expected"] is not None and f["hint"])
    for address in (f"/documents/{upload_id}", f"/documents/{upload_id}/findings/{shown['id']}"):
        text = bench.client.get(address).text
        assert f"期望 expected {shown['evidence']['expected']}" in text and shown["hint"] in text
    url = f"/documents/{upload_id}/findings/{first}/decision"
    no_token = bench.client.post(url, data={"decision": "accepted", "version": 0, "csrf": ""})
    assert no_token.status_code in (403, 422)
    decided = bench.client.post(
        url, data={"decision": "accepted", "version": 0, "reason": "属实", "csrf": csrf}
    )
    assert decided.status_code == 200 and "已确认 accepted" in decided.text
    # a second reviewer's form still shows version 0: nothing is overwritten, and the page says so
    stale = bench.client.post(
        url, data={"decision": "dismissed", "version": 0, "csrf": csrf}, follow_redirects=False
    )
    assert stale.headers["location"] == f"/documents/{upload_id}?conflict={first}#f{first}"
    assert "已由他人处理" in bench.client.get(stale.headers["location"]).text

    engine = bench.client.app.state.engine  # type: ignore[attr-defined]
    second = next(person.id for person in reviewers(engine) if person.name == "审核员乙")
    assigned = bench.client.post(f"/documents/{upload_id}/assign", data={"reviewer_id": second, "csrf": csrf})
    assert "审核员乙" in assigned.text
    commented = bench.client.post(
        f"/documents/{upload_id}/comments", data={"body": "请核对第3页", "finding_id": first, "csrf": csrf}
    )
    assert "请核对第3页" in commented.text
    audit = bench.client.get("/audit").text
    assert all(action in audit for action in ("login", "upload", "checked", "decision", "assign", "comment"))
    letter = bench.client.get(f"/documents/{upload_id}/letter.docx")
    assert letter.headers["content-type"].startswith("application/vnd.openxmlformats")


def test_a_preparer_cannot_decide_nor_see_the_audit_log(bench: Bench) -> None:
    engine = bench.client.app.state.engine  # type: ignore[attr-defined]
    add_user(engine, "单位编制", "preparer", unit="朔州市朔城区数字政府服务中心", password="p")
    upload_id = bench.upload("reviewer", SEED).json()["id"]
    finding = bench.wait(upload_id)["report"]["findings"][0]["id"]
    csrf = login(bench.client, "单位编制", "p")
    page = bench.client.get(f"/documents/{upload_id}")
    assert page.status_code == 200 and "确认 accept" not in page.text
    refused = bench.client.post(
        f"/documents/{upload_id}/findings/{finding}/decision",
        data={"decision": "accepted", "version": 0, "csrf": csrf},
    )
    assert refused.status_code == 403
    assert bench.client.get("/audit").status_code == 403
