"""A finding shown on its page, in a browser (Playwright driving Debian's chromium).

Upload the Putuo 财政局 budget and the Putuo 规划资源局 final accounts, open "在页面上查看" for a
sentence finding (N101: 887.36 in the text, 87.36 in the table) and a cross-table finding (F102),
and measure where chromium draws each box over the page image: it must cover the cell or the
sentence the reader found there. Screenshots go to tests/artifacts/page-images/ (not in git).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from workbench import CHROMIUM, CORPUS, ROOT, Server

from yusuan import api
from yusuan.model import Location
from yusuan.read.pdf.places import PdfPages, locate
from yusuan.serve.page_images import SCALE

ARTIFACTS = ROOT / "tests" / "artifacts" / "page-images"
FINANCE = CORPUS / "shanghai-putuo-finance-bureau-2025-dept-budget.pdf"
PLANNING = CORPUS / "final" / "shanghai-putuo-planning-bureau-2024-dept-final-accounts.pdf"

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="chromium: run scripts/install-system-packages.sh (make setup)"
)


def _expected(path: Path, finding: dict[str, Any]) -> list[tuple[int, tuple[float, ...], float, float]]:
    """What the locator finds for each location, straight from the PDF: page, box, page size."""
    disclosure = api.parse(path)
    out = []
    with PdfPages(str(path), path.read_bytes()) as pages:
        for data in finding["locations"]:
            location = Location(
                **{k: data[k] for k in ("table", "row", "column", "section", "sentence", "page", "line")}
            )
            for place in locate(pages, disclosure, location):
                out += [(place.page, box, place.width, place.height) for box in place.boxes]
    return out


def _drawn(page: Any) -> list[tuple[int, tuple[float, ...]]]:
    """Each mark as chromium laid it out, turned back into points over its page image."""
    drawn = []
    for sheet in page.locator(".sheet").all():
        number = int(sheet.get_attribute("data-page"))
        image = sheet.locator("img").bounding_box()
        natural = sheet.locator("img").evaluate("i => [i.naturalWidth, i.naturalHeight, i.complete]")
        assert natural[2] and natural[0] > 0, "the page image did not load"
        points = natural[0] / SCALE / image["width"]  # image pixels per point: SCALE
        for mark in sheet.locator(".mark").all():
            box = mark.bounding_box()
            x0 = (box["x"] - image["x"]) * points
            top = (box["y"] - image["y"]) * points
            drawn.append((number, (x0, top, x0 + box["width"] * points, top + box["height"] * points)))
    return drawn


def _show(page: Any, url: str, rule: str, text: str, name: str) -> None:
    """From the report, open "在页面上查看" of the finding; screenshots of the page and of each sheet."""
    page.goto(url)
    finding = page.locator(f".finding:has(code:text-is('{rule}')):has-text('{text}')").first
    finding.locator("a.show-on-page").click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    for index, sheet in enumerate(page.locator(".sheet").all(), start=1):
        sheet.screenshot(path=str(ARTIFACTS / f"{name}-page{index}.png"))


def test_findings_drawn_on_their_pages(server: Server) -> None:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    token = server.add_user("王审核", "--role", "reviewer", "--password", "pw-2026")
    server.start()
    headers = {"Authorization": f"Bearer {token}"}
    ids = {}
    for path in (FINANCE, PLANNING):
        with path.open("rb") as handle:
            reply = httpx.post(
                f"{server.url}/api/documents", files={"file": (path.name, handle)}, headers=headers
            )
        ids[path] = reply.json()["id"]
    reports = {}
    for path, upload_id in ids.items():
        for _ in range(240):
            body = httpx.get(f"{server.url}/api/documents/{upload_id}", headers=headers).json()
            if body["status"] in ("done", "failed"):
                break
            time.sleep(0.5)
        assert body["status"] == "done"
        reports[path] = body["report"]["findings"]

    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page.goto(f"{server.url}/login")
        page.fill("input[name=name]", "王审核")
        page.fill("input[name=password]", "pw-2026")
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.url}/")

        cases = [
            (FINANCE, "N101", "887.36", "01-n101-sentence-and-cell"),
            (PLANNING, "F102", "九、卫生健康支出", "02-f102-two-tables"),
        ]
        for path, rule, text, name in cases:
            finding = next(f for f in reports[path] if f["rule"] == rule and text in f["message"])
            _show(page, f"{server.url}/documents/{ids[path]}", rule, text, name)
            assert "无法在页面上定位" not in page.inner_text("main")
            expected = _expected(path, finding)
            drawn = _drawn(page)
            assert len(drawn) == len(expected) >= 2
            for (number, box), (want_page, want, _w, _h) in zip(drawn, expected, strict=True):
                assert number == want_page
                # chromium lays the box out to within a pixel of where the reader found the cell
                assert all(abs(a - b) < 1.0 for a, b in zip(box, want, strict=True)), (box, want)

        # a read problem names only a section and a page: that page is shown, unmarked, and the page says so
        unplaced = next(f for f in reports[PLANNING] if f["rule"] == "R101" and not f["location"]["sentence"])
        page.goto(f"{server.url}/documents/{ids[PLANNING]}/findings/{unplaced['id']}")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / "03-r101-unplaced.png"), full_page=True)
        assert "无法在页面上定位此处" in page.inner_text("main")
        assert page.locator(".mark").count() == 0
        sheet = page.locator(".sheet")
        assert sheet.count() == 1 and sheet.get_attribute("data-page") == str(unplaced["location"]["page"])
        assert sheet.locator("img").evaluate("i => i.complete && i.naturalWidth > 0")
        browser.close()
