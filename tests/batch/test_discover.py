from __future__ import annotations

from pathlib import Path

from yusuan.batch.discover import discover


def test_folders_are_walked_by_content(corpus_folder: Path) -> None:
    skipped: list[str] = []
    found = list(discover([str(corpus_folder)], skipped))
    # the PDF without a suffix is found by its bytes; README and hidden files are not documents
    assert [Path(f.file).name for f in found] == ["mof.pdf", "finance"]
    assert all(len(f.sha256) == 64 and not f.error for f in found)
    assert skipped == [str(corpus_folder / "README.md")]


def test_a_named_file_is_always_taken(tmp_path: Path) -> None:
    junk = tmp_path / "notes.bin"
    junk.write_bytes(b"\x00\x01\x02")
    found = list(discover([str(junk), str(tmp_path / "missing.pdf")]))
    assert [f.file for f in found] == [str(junk), str(tmp_path / "missing.pdf")]
    assert "二进制" in found[0].error and "不存在" in found[1].error


def test_extracted_text_is_taken_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("2025年部门预算\n收入\t100\n支出\t100\n合计\t200\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("会议纪要\n没有表格\n", encoding="utf-8")
    assert [Path(f.file).name for f in discover([str(tmp_path)])] == ["a.txt"]
