"""The catalogue users read is generated from the docstrings; a stale docs/rules.md fails."""

from __future__ import annotations

from pathlib import Path

from yusuan import api

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == api.rules_markdown(), (
        "docs/rules.md is stale: run `yusuan rules --markdown > docs/rules.md`"
    )


def test_every_rule_in_the_catalogue() -> None:
    text = api.rules_text()
    markdown = api.rules_markdown()
    for rule in api.rules():
        assert rule.id in text
        assert f"### {rule.id} {rule.name}" in markdown


def test_explain_prints_the_docstring() -> None:
    text = api.explain("p102")
    assert text.startswith("P102 sheet_belongs_to_unit")
    assert "Legal basis" in text and "实施单位" in text
