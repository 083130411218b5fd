"""No row name in the checker: rules ask for roles (data/roles.yaml), never for Chinese wordings.

String literals of src/yusuan/check/ (docstrings and comments aside) may not contain a row
wording of the shared vocabulary: 合计, 总计, 本年支出合计, 上年结转, 年终结转, 公务接待费 ….
Excluded: the two narrative files that still hold one (claims.py: a sentence bound to the 合计
line; N103: its messages); the narrative is another branch's work this session.
"""

from __future__ import annotations

import ast
from pathlib import Path

from yusuan.reference.roles import shared_roles

CHECK = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "check"
EXCLUDED = ("claims.py", "rules/narrative/N103_breakdown_total.py")
# The wordings of totals, sub-totals and carry-over lines, and of the 三公 lines.
ROLES = {
    "total", "income_total", "expenditure_total", "income_subtotal", "expenditure_subtotal",
    "income_carryover", "expenditure_carryover", "opening_balance", "closing_balance",
    "abroad", "reception", "vehicle", "vehicle_purchase", "vehicle_running",
}  # fmt: skip


def _wordings() -> set[str]:
    return {
        word
        for table in shared_roles().values()
        for role, words in table.items()
        if role in ROLES
        for word in words
        if not word.startswith("{")
    }


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_vocabulary_is_not_empty() -> None:
    assert {"合计", "本年支出合计", "上年结转", "年终结转", "公务接待费"} <= _wordings()


def test_no_row_name_literal_in_check() -> None:
    words = _wordings()
    found = []
    for path in sorted(CHECK.rglob("*.py")):
        relative = path.relative_to(CHECK).as_posix()
        if relative in EXCLUDED:
            continue
        for line, text in _literals(path):
            hits = sorted(w for w in words if w in text.replace(" ", ""))
            if hits:
                found.append(f"check/{relative}:{line}: {text!r} ({', '.join(hits)})")
    assert not found, "row names in check/ (use roles):\n" + "\n".join(found)
