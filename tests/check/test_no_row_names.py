"""No row name in the checker: rules ask for roles (data/roles.yaml), never for Chinese wordings.

A string literal of src/yusuan/check/ (docstrings and comments aside) may not be a row wording
of the shared vocabulary (合计, 总计, 本年支出合计, 上年结转, 年终结转, 公务接待费 …), nor a
fragment of one compared with something or passed to a function (``"结转" in row.name``,
``_row(table, "出国")``). Messages may name rows: they are said to people, not looked up.
Excluded: claims.py, which still binds a sentence to the 合计 line by name; the narrative is
another branch's work this session.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from yusuan.reference.roles import shared_roles

CHECK = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "check"
EXCLUDED = ("claims.py",)
# The wordings of totals, sub-totals and carry-over lines, and of the 三公 lines.
ROLES = {
    "total", "income_total", "expenditure_total", "income_subtotal", "expenditure_subtotal",
    "income_carryover", "expenditure_carryover", "opening_balance", "closing_balance",
    "abroad", "reception", "vehicle", "vehicle_purchase", "vehicle_running",
}  # fmt: skip
# Parts of those wordings a rule would look a row up by (``"结转" in row.name``).
FRAGMENTS = ("合计", "总计", "小计", "结转", "结余", "出国", "接待", "运行")


def _wordings() -> set[str]:
    return {
        word
        for table in shared_roles().values()
        for role, words in table.items()
        if role in ROLES
        for word in words
        if not word.startswith("{")
    }


_KEY = re.compile(r"[\u4e00-\u9fff()（）]{2,8}")  # a bare name passed as a key, not a message


def _literals(path: Path) -> list[tuple[int, str, bool]]:
    """Every string literal but docstrings: line, text, and whether it is compared or passed."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    compared = {
        id(node)
        for parent in ast.walk(tree)
        if isinstance(parent, ast.Compare)
        for child in ast.iter_child_nodes(parent)
        for node in ast.walk(child)
    }
    passed = {id(arg) for call in ast.walk(tree) if isinstance(call, ast.Call) for arg in call.args}
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value, id(node) in compared or (id(node) in passed and _KEY.fullmatch(node.value)))
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
        for line, text, used in _literals(path):
            name = text.replace(" ", "")
            if name in words or (used and any(f in name for f in FRAGMENTS)):
                found.append(f"check/{relative}:{line}: {text!r}")
    assert not found, "row names in check/ (use roles):\n" + "\n".join(found)
