"""docs/procurement.md documents every `yusuan procure` option and every obligation kind."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from yusuan.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "yusuan" / "procurement"


def test_every_procure_option_is_documented() -> None:
    docs = (ROOT / "docs" / "procurement.md").read_text("utf-8")
    chinese, english = docs.split("# Procurement rules engine (English)")
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["procure"]
    options = [o for a in sub._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    assert len(options) >= 12
    for option in options:
        assert option in chinese, option
        assert option in english, option


def test_every_obligation_kind_is_documented() -> None:
    docs = (ROOT / "docs" / "procurement.md").read_text("utf-8")
    kinds = set()
    for path in SRC.glob("*.py"):
        kinds.update(re.findall(r'Obligation\(\s*"([a-z_]+)"', path.read_text("utf-8")))
    assert kinds >= {"sme_reservation", "sme_price_deduction", "intention_disclosure", "import_approval"}
    for kind in kinds:
        assert f"`{kind}`" in docs, kind
