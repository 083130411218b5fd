"""The whole story in a browser (Playwright driving Debian's chromium), as a new user lives it.

Add a user, log in, upload the three Shanghai corpus PDFs, decide findings, comment, download
the 问询函, restart the server and find everything as left. Screenshots of every step go to
tests/artifacts/workbench/ (not in git): look at them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from workbench import CHROMIUM, CORPUS, ROOT, Server

ARTIFACTS = ROOT / "tests" / "artifacts" / "workbench"
SHANGHAI = sorted(CORPUS.glob("shanghai-*.pdf"))

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="chromium: run scripts/install-system-packages.sh (make setup)"
)


def test_review_story_survives_a_restart(server: Server, tmp_path: Path) -> None:
    assert len(SHANGHAI) == 3
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    token = server.add_user("王审核", "--role", "reviewer", "--password", "pw-2026")
    assert len(token) > 30
    server.start()
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")

        def shot(name: str) -> None:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

        page.goto(f"{server.url}/")
        assert page.url.endswith("/login")
        page.fill("input[name=name]", "王审核")
        page.fill("input[name=password]", "wrong")
        page.click("button[type=submit]")
        assert "用户名或密码不对" in page.inner_text("main")
        page.fill("input[name=name]", "王审核")
        page.fill("input[name=password]", "pw-2026")
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.url}/")
        shot("01-empty-list")

        page.click("text=上传")
        page.set_input_files("input[name=files]", [str(path) for path in SHANGHAI])
        page.click("text=上传并审核")
        # one row per file with its own progress bar, filled in with the server's result for that file
        page.wait_for_function("document.querySelectorAll('#progress-list tr.done').length === 3")
        rows = page.locator("#progress-list tbody tr")
        assert rows.count() == 3
        assert [rows.nth(i).locator("td").first.inner_text() for i in range(3)] == [p.name for p in SHANGHAI]
        assert all(rows.nth(i).locator("progress").evaluate("bar => bar.value") == 100 for i in range(3))
        assert all("号" in rows.nth(i).locator("td").nth(3).inner_text() for i in range(3))
        assert rows.nth(0).locator("td a").get_attribute("href", timeout=1000).startswith("/documents/")
        shot("02-uploaded")

        for _ in range(240):
            page.goto(f"{server.url}/?sort=unit&order=asc")
            statuses = page.locator("#documents tr td:nth-child(7)").all_inner_texts()
            if statuses and all("完成" in status for status in statuses):
                break
            page.wait_for_timeout(500)
        units = page.locator("#documents tr td:nth-child(3)").all_inner_texts()
        assert sorted(units) == ["上海市普陀区人民政府万里街道办事处", "上海市普陀区财政局", "上海市财政局"]
        shot("03-list-done")

        page.click("#documents a:has-text('上海市财政局')")  # the unit's years side by side
        page.wait_for_selector("svg#structure-0")
        assert "上海市财政局" in page.inner_text("h1")
        assert page.locator("svg#structure-0 rect[data-series=basic]").count() == 1
        assert "2025年" in page.inner_text("#years-1")
        shot("03b-unit-years")
        page.goto(f"{server.url}/documents/999999")
        assert "没有找到" in page.inner_text("h1") and "no document 999999" in page.inner_text("main")
        shot("03c-error-page")
        page.goto(f"{server.url}/?sort=unit&order=asc")

        page.click("a:has-text('shanghai-mof-bureau-2025-unit-budget.pdf')")
        findings = page.locator(".finding")
        assert findings.count() > 0
        first, second = findings.nth(0), findings.nth(1)
        first_message = first.locator("strong").first.inner_text()
        first.locator("input[name=reason]").fill("请补充说明并更正")
        first.locator("button[value=accepted]").click()
        page.wait_for_load_state()
        second.locator("input[name=reason]").fill("经核实无误")
        second.locator("button[value=dismissed]").click()
        page.wait_for_load_state()
        page.fill("textarea[name=body]", "请在五个工作日内回复。")
        page.click("text=发表 post")
        page.wait_for_load_state()
        assert "已确认 accepted" in findings.nth(0).inner_text()
        assert "已驳回 dismissed" in findings.nth(1).inner_text()
        document_url = page.url.split("#")[0]
        shot("04-decided")

        with page.expect_download() as download:
            page.click("#letter")
        letter = tmp_path / "letter.docx"
        download.value.save_as(letter)
        shutil.copy(letter, ARTIFACTS / "05-inquiry-letter.docx")
        text = "\n".join(paragraph.text for paragraph in Document(str(letter)).paragraphs)
        assert text.startswith("关于上海市财政局2025年单位预算公开有关问题的问询函")
        assert first_message in text and "请补充说明并更正" in text
        assert "经核实无误" not in text

        server.stop()
        server.start()
        page.goto(document_url)  # the session cookie still holds: its key is kept in the database
        assert "已确认 accepted" in page.locator(".finding").nth(0).inner_text()
        assert "请补充说明并更正" in page.locator(".finding").nth(0).inner_text()
        assert "已驳回 dismissed" in page.locator(".finding").nth(1).inner_text()
        assert "请在五个工作日内回复。" in page.inner_text("main")
        shot("06-after-restart")
        page.click("text=审核日志")
        actions = page.locator("#audit tr td:nth-child(3)").all_inner_texts()
        assert actions.count("decision") == 2 and actions.count("upload") == 3 and "comment" in actions
        shot("07-audit-log")
        browser.close()
