"""The public Python surface of yusuan. The CLI is built on this alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.model import Disclosure
from yusuan.model.serialize import disclosure_to_json
from yusuan.read import InputError, read_document
from yusuan.read.budget import read_budget
from yusuan.reference.paths import ReferenceError
from yusuan.render.budget_template import write_budget_workbook
from yusuan.render.budget_yaml import yaml_template
from yusuan.render.open_data import export_open_data
from yusuan.render.summary import summary_text

__all__ = [
    "InputError",
    "disclosure_to_json",
    "export",
    "parse",
    "parse_json",
    "read_budget",
    "summary_text",
    "write_template",
]


def parse(path: str | Path, profile: str | None = None) -> Disclosure:
    """Read a published disclosure (any supported format) into a Disclosure."""
    return read_document(path, profile=profile)


def parse_json(path: str | Path, profile: str | None = None) -> dict[str, Any]:
    """The JSON contract (docs/json-contract.md) of a published disclosure."""
    return disclosure_to_json(parse(path, profile=profile))


def export(path: str | Path, directory: str | Path, profile: str | None = None) -> list[Path]:
    """Write one CSV per table plus datapackage.json for a published disclosure."""
    return export_open_data(parse(path, profile=profile), Path(directory))


def write_template(
    path: str | Path, profile: str = "shanxi", fmt: str | None = None, force: bool = False
) -> Path:
    """Write the empty, self-explaining budget input: a workbook (xlsx) or YAML.

    ``fmt`` is "xlsx" or "yaml"; by default it follows the file's suffix. An existing file is
    never overwritten unless ``force``: it may be a budget someone has filled in.
    """
    path = Path(path)
    fmt = fmt or ("yaml" if path.suffix.lower() in (".yaml", ".yml") else "xlsx")
    if path.exists() and not force:
        raise InputError(
            str(path), "文件已存在，未覆盖（用 --force 覆盖）/ file exists, not overwritten (use --force)"
        )
    try:
        if fmt == "yaml":
            path.write_text(yaml_template(profile), encoding="utf-8")
            return path
        return write_budget_workbook(path, profile)
    except ReferenceError as exc:
        raise InputError(profile, str(exc)) from None
    except OSError as exc:
        raise InputError(str(path), f"无法写入 / cannot write: {exc.strerror or exc}") from None
