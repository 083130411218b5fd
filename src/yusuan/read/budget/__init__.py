"""The authoring input -> Budget: the workbook `yusuan template` writes, or the equivalent YAML.

Either format is read into the same records (layout.py), then into a Budget (build.py). Every
bad entry is named at its place ("预算明细!G12: …", "items[3].amount（第40行）: …") and all of
them are reported together in one InputError; nothing is guessed and nothing is dropped.
"""

from __future__ import annotations

from pathlib import Path

from yusuan.model.budget import Budget
from yusuan.read.budget.build import build_budget
from yusuan.read.budget.values import Problems
from yusuan.read.budget.workbook import read_workbook_records
from yusuan.read.budget.yaml_input import read_yaml_records
from yusuan.read.errors import InputError

__all__ = ["read_budget"]

MAX_INPUT_BYTES = 20 * 1024 * 1024


def read_budget(path: str | Path) -> Budget:
    """Read a budget workbook (.xlsx) or budget YAML (.yaml/.yml) into a Budget."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise InputError(
            name, "文件不存在 / file not found" if not path.exists() else "不是文件 / not a file"
        )
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(name, f"文件过大 / file too large ({path.stat().st_size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"无法读取 / cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(name, "文件为空 / file is empty")
    problems = Problems()
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        records = read_yaml_records(name, data, problems)
    elif suffix == ".xlsx" or data.startswith(b"PK\x03\x04"):
        records = read_workbook_records(name, data, problems)
    else:
        raise InputError(name, "请用 .xlsx 工作簿或 .yaml 文件 / expected an .xlsx workbook or a .yaml file")
    return build_budget(name, records, problems)
