"""The 品目 catalogues: the 2022 list complete against the official PDF; the crosswalk complete."""

from __future__ import annotations

import collections
import hashlib
import re

import pypdfium2 as pdfium

from yusuan.reference.procurement import procurement_dir, rulesets
from yusuan.reference.procurement_catalogue import (
    crosswalk,
    is_within,
    pinmu_2013,
    pinmu_2022,
    search,
    significant_2022,
    synonyms,
)

PDF = procurement_dir() / "sources" / "zhengfu-caigou-pinmu-fenlei-mulu-2022.pdf"
CODES_IN_PDF = 4301  # measured: pdfplumber table rows == codes found in the PDF text by pypdfium2


def test_pdf_is_the_official_one() -> None:
    digest = hashlib.sha256(PDF.read_bytes()).hexdigest()
    assert digest.startswith("59483df3") and digest.endswith("9b43")


def test_2022_list_is_complete_against_the_pdf() -> None:
    """Independent count: every code token in the PDF text (pypdfium2), pages 11–147."""
    pdf = pdfium.PdfDocument(str(PDF))
    assert len(pdf) == 147
    found: set[str] = set()
    for index in range(10, len(pdf)):
        text = pdf[index].get_textpage().get_text_range()
        found.update(re.findall(r"(?<![A-Za-z0-9])([ABC]\d{8})(?!\d)", text))
    built = set(pinmu_2022())
    assert found == built
    assert len(built) == CODES_IN_PDF


def test_2022_list_shape() -> None:
    items = pinmu_2022()
    levels = collections.Counter(i.level for i in items.values())
    assert levels == {1: 43, 2: 316, 3: 1451, 4: 2491}
    assert collections.Counter(code[0] for code in items) == {"A": 3481, "B": 200, "C": 620}
    for item in items.values():
        assert item.name, item.code
        if item.level > 1:
            assert item.parent in items, item.code  # every parent is itself in the list
    assert items["A02010104"].name == "服务器"
    assert items["A02010105"].name == "台式计算机"
    assert items["C21040000"].name == "物业管理服务"
    assert items["A02021001"].name == "A3黑白打印机"


def test_hierarchy_2022() -> None:
    assert significant_2022("A02010100") == "A020101"
    assert is_within("A02010105", "A02010100", "2022")
    assert not is_within("A02010205", "A02010100", "2022")
    assert is_within("A0201060101", "A020106", "2013")


def test_crosswalk_covers_every_shanxi_catalogue_item() -> None:
    links = crosswalk()
    for ruleset in rulesets():
        for entry in ruleset.catalogue:
            if entry.code is not None:
                assert any(link.from_code == entry.code for link in links), entry.code
            else:
                assert any(link.from_code is None and link.name == entry.name for link in links), entry.name
    assert {link.relation for link in links} == {"same", "split", "partial"}
    assert all(link.basis for link in links)


def test_2013_list_is_the_seed_codes() -> None:
    assert len(pinmu_2013()) == 35
    assert pinmu_2013()["A02010104"].name == "台式计算机"


def test_search_finds_both_schemes() -> None:
    found = [(h.item.scheme, h.item.code) for h in search("台式计算机")]
    assert found == [("2013", "A02010104"), ("2022", "A02010105")]
    assert search("") == []
    printers = search("打印机")
    assert {h.item.scheme for h in printers} == {"2013", "2022"} and len(printers) > 10


def test_search_is_case_insensitive_and_reads_notes() -> None:
    assert [(h.item.scheme, h.item.code) for h in search("led显示屏")] == [
        ("2013", "A020207"),
        ("2022", "A02021103"),
    ]
    by_note = [h for h in search("加密狗") if h.matched == "note"]
    assert [h.item.code for h in by_note] == ["A02010309"]  # 计算机终端安全设备: 包括加密狗、U盾等


def test_synonyms_name_real_items() -> None:
    names = {
        i.name
        for scheme in ("2013", "2022")
        for i in (pinmu_2013() if scheme == "2013" else pinmu_2022()).values()
    }
    for terms, targets in synonyms():
        assert terms and targets
        for target in targets:
            assert target in names, target


def test_common_names_find_items() -> None:
    expected = {
        "台式电脑": "台式计算机",
        "公务车": "乘用车",
        "云服务": "云计算服务",
        "笔记本": "便携式计算机",
        "宽带": "互联网接入服务",
    }
    for term, name in expected.items():
        hits = search(term)
        assert any(h.item.name == name and h.matched == "synonym" and h.via == term for h in hits), term


def test_2022_names_carry_no_stray_spaces() -> None:
    """The PDF puts spaces around Latin letters and inside wrapped names: none survive."""
    spaced = [(i.code, i.name) for i in pinmu_2022().values() if re.search(r"\s", i.name)]
    assert spaced == []
    assert pinmu_2022()["A02021107"].name == "KVM设备"
    assert pinmu_2022()["A02151200"].name == "合成纤维及合纤聚合物生产装置"
    assert pinmu_2022()["A02321200"].name == "医用X线诊断设备"


def test_a06_furniture_links_only_to_furniture() -> None:
    """2013 A06 家具用具 is 2022 家具 and 厨卫用具, not the whole of A05 (硒鼓、清洁用品、被服 …)."""
    targets = [
        t for link in crosswalk() if link.from_code == "A06" and link.relation != "partial" for t in link.to
    ]
    assert targets == ["A05010000", "A05020100"]
    assert not any(is_within("A05040200", t, "2022") for t in targets)
