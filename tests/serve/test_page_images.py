"""Page images of a PDF upload and a finding shown on its page: rights, 404s, the disk cache, the boxes."""

from __future__ import annotations

import re
import struct

import pypdfium2 as pdfium
from workbench import CORPUS, SEED, Bench, login

from yusuan.serve.page_images import SCALE, page_image_path
from yusuan.store.people import add_user

FINANCE = CORPUS / "shanghai-putuo-finance-bureau-2025-dept-budget.pdf"
PNG = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _boxes(html: str) -> list[tuple[float, float, float, float]]:
    found = re.findall(r"left: ([\d.]+)%; top: ([\d.]+)%; width: ([\d.]+)%; height: ([\d.]+)%", html)
    return [tuple(float(v) for v in box) for box in found]  # type: ignore[misc]


def test_page_images_rights_and_cache(bench: Bench) -> None:
    upload_id = bench.upload("reviewer", FINANCE).json()["id"]
    assert bench.wait(upload_id)["status"] == "done"
    anonymous = bench.client.get(f"/documents/{upload_id}/pages/1.png", follow_redirects=False)
    assert (anonymous.status_code, anonymous.headers["location"]) == (303, "/login")
    login(bench.client, "审核员甲", "pw-a")

    first = bench.client.get(f"/documents/{upload_id}/pages/15.png")
    assert first.status_code == 200 and first.headers["content-type"] == "image/png"
    document = pdfium.PdfDocument(FINANCE.read_bytes())
    width, height = document[14].get_size()
    pages = len(document)
    document.close()
    assert _png_size(first.content) == (round(width * SCALE), round(height * SCALE))

    cached = page_image_path(bench.settings.data_dir, _sha(bench, upload_id), 15)
    assert cached.read_bytes() == first.content
    # a second view reads the file kept on disk: what is there is what comes back
    other_page = bench.client.get(f"/documents/{upload_id}/pages/1.png").content
    cached.write_bytes(other_page)
    assert bench.client.get(f"/documents/{upload_id}/pages/15.png").content == other_page

    for missing in (0, pages + 1, 999):
        assert bench.client.get(f"/documents/{upload_id}/pages/{missing}.png").status_code == 404
    assert bench.client.get("/documents/99999/pages/1.png").status_code == 404

    engine = bench.client.app.state.engine  # type: ignore[attr-defined]
    add_user(engine, "市局编制", "preparer", unit="上海市财政局", password="pw-m")
    login(
        bench.client, "市局编制", "pw-m"
    )  # a preparer of another unit sees neither the pages nor the findings
    assert bench.client.get(f"/documents/{upload_id}/pages/15.png").status_code == 403
    finding = bench.wait(upload_id)["report"]["findings"][0]["id"]
    assert bench.client.get(f"/documents/{upload_id}/findings/{finding}").status_code == 403


def _sha(bench: Bench, upload_id: int) -> str:
    from yusuan.store.workbench import get_upload

    row = get_upload(bench.client.app.state.engine, upload_id)  # type: ignore[attr-defined]
    assert row is not None
    return str(row["sha256"])


def test_a_finding_on_its_pages(bench: Bench) -> None:
    upload_id = bench.upload("reviewer", FINANCE).json()["id"]
    findings = bench.wait(upload_id)["report"]["findings"]
    n101 = next(f for f in findings if f["rule"] == "N101" and "887.36" in f["message"])
    login(bench.client, "审核员甲", "pw-a")
    report = bench.client.get(f"/documents/{upload_id}").text
    assert f'href="/documents/{upload_id}/findings/{n101["id"]}"' in report and "在页面上查看" in report

    view = bench.client.get(f"/documents/{upload_id}/findings/{n101['id']}")
    assert view.status_code == 200
    html = view.text
    sentence, cell = html.split('id="loc2"')
    assert f'src="/documents/{upload_id}/pages/7.png"' in sentence and "pages/15.png" not in sentence
    assert f'src="/documents/{upload_id}/pages/15.png"' in cell
    sentence_boxes, cell_boxes = _boxes(sentence), _boxes(cell)
    assert len(sentence_boxes) == 2 and len(cell_boxes) == 1  # two printed lines; one cell
    left, top, width, height = cell_boxes[0]
    # page 15 is 841.92 × 595.32 pt; the cell 合计 of row 2080506 spans x 433.26–553.26, y 448.68–473.28
    assert abs(left - 100 * 433.26 / 841.92) < 0.2 and abs(width - 100 * 120.0 / 841.92) < 0.2
    assert abs(top - 100 * 448.68 / 595.32) < 0.2 and abs(height - 100 * 24.6 / 595.32) < 0.2
    assert "2080506 机关事业单位职业年金缴费支出" in cell and "【合计 873,617.00】" in cell
    assert "无法在页面上定位" not in html and "不是 PDF" not in html

    anything = bench.client.get(f"/documents/{upload_id}/findings/999999")
    assert anything.status_code == 404


def test_a_text_upload_shows_the_text_of_each_place(bench: Bench) -> None:
    upload_id = bench.upload("reviewer", SEED).json()["id"]
    findings = bench.wait(upload_id)["report"]["findings"]
    assert findings
    login(bench.client, "审核员甲", "pw-a")
    assert bench.client.get(f"/documents/{upload_id}/pages/1.png").status_code == 404
    with_row = next(f for f in findings if f["location"]["row"] and f["location"]["column"])
    html = bench.client.get(f"/documents/{upload_id}/findings/{with_row['id']}").text
    assert "此文件不是 PDF" in html and "<img" not in html
    location = with_row["location"]
    assert location["row"] in html and f"【{location['column']} " in html  # the row's cells, the cell marked
