"""Build data/procurement/catalogue/pinmu-2022.csv from the official 2022 品目分类目录 PDF.

政府采购品目分类目录（财库〔2022〕31号）: every table row with a code (a letter and 8 digits)
becomes one item: code, name, level (1-4, two digits per level), parent code, note (说明),
page. Rows without a code continue the previous item (a name or note wrapped across rows or
pages). Run: .venv/bin/python scripts/build_catalogue_2022.py  (needs pdfplumber).
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "data/procurement/sources/zhengfu-caigou-pinmu-fenlei-mulu-2022.pdf"
OUT = ROOT / "data/procurement/catalogue/pinmu-2022.csv"
CODE = re.compile(r"^[ABC]\d{8}$")
FIELDS = ["code", "name", "level", "parent", "note", "page"]


def level_of(code: str) -> int:
    pairs = [code[i : i + 2] for i in range(1, 9, 2)]
    return max(i + 1 for i, pair in enumerate(pairs) if pair != "00") if code[1:] != "0" * 8 else 0


def parent_of(code: str) -> str:
    level = level_of(code)
    if level <= 1:
        return code[0]
    return code[: 1 + 2 * (level - 1)].ljust(9, "0")


def clean(text: str | None) -> str:
    """Join wrapped lines and drop the spaces the PDF puts around Latin letters and in CJK text
    ("KVM 设备", "医用 X 线诊断设备", "生产装 置"); a space between two Latin words stays."""
    joined = re.sub(r"\s*\n\s*", "", text or "").strip()
    return re.sub(r"(?<![A-Za-z0-9]) +| +(?![A-Za-z0-9])", "", joined)


def extract(pdf_path: Path) -> list[dict[str, str]]:
    items: list[dict[str, str]] = []
    with pdfplumber.open(pdf_path) as pdf:
        for page_no, page in enumerate(pdf.pages, start=1):
            for table in page.extract_tables():
                for row in table:
                    cells = [*(c or "" for c in row), "", "", ""][:3]
                    code, name, note = (cells[0].strip(), clean(cells[1]), clean(cells[2]))
                    if code.replace(" ", "") == "编码":
                        continue
                    if CODE.match(code):
                        items.append(
                            {
                                "code": code,
                                "name": name,
                                "level": str(level_of(code)),
                                "parent": parent_of(code),
                                "note": note,
                                "page": str(page_no),
                            }
                        )
                    elif not code and items:  # continuation of the previous item
                        items[-1]["name"] += name
                        items[-1]["note"] += note
                    elif code in {"A", "B", "C"}:
                        continue
                    elif code:
                        raise SystemExit(f"page {page_no}: unexpected code cell {code!r}")
    return items


def main() -> int:
    items = extract(PDF)
    codes = [i["code"] for i in items]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise SystemExit(f"duplicate codes: {duplicates[:10]}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(items)
    digest = hashlib.sha256(PDF.read_bytes()).hexdigest()
    print(f"{len(items)} items from {PDF.name} (sha256 {digest}) -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
