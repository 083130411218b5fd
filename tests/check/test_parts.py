"""Statements listing the parts of a total (check/parts.py), on documents of two templates."""

from __future__ import annotations

from pathlib import Path

from check_seed import SEED

from yusuan.check.claims import section_claims
from yusuan.check.context import Context
from yusuan.check.parts import parts_statements
from yusuan.read import read_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _statements(path: Path) -> list[tuple[str, str, tuple[str, ...], bool]]:
    ctx = Context(read_document(path))
    return [
        (
            s.whole.section.id,
            s.whole.claim.values["amount"],
            tuple(p.claim.values["amount"] for p in s.parts),
            s.enumerated,
        )
        for s in parts_statements(section_claims(ctx))
    ]


def test_numbered_parts_and_a_nested_total() -> None:
    found = _statements(CORPUS / "shanghai-putuo-wanli-subdistrict-2025-dept-budget.pdf")
    assert ("three_public", "37.91", ("0", "36.56", "1.35"), True) in found
    assert ("three_public", "36.56", ("15", "21.56"), False) in found
    assert ("procurement", "4821.20", ("57.43", "3780.72", "983.05"), False) in found
    # "面向中小企业预留…1928.48万元，其中，预留给小型和微型企业…1349.94万元": one part, not judged
    assert not [s for s in found if s[1] == "1928.48"]


def test_a_second_breakdown_of_the_same_total() -> None:
    found = _statements(SEED)
    assert ("fiscal", "341.11", ("341.11", "0", "0"), False) in found
    assert ("fiscal", "341.11", ("341.11", "0"), False) in found  # 其中：当年拨款收入…，上年结转收入…
    assert ("changes", "341.11", ("341.11", "0"), False) in found  # not the 支出总计 that follows
