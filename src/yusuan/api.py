"""The public Python surface of yusuan. The CLI is built on this alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.model import Disclosure
from yusuan.model.serialize import disclosure_to_json
from yusuan.read import InputError, read_document
from yusuan.render.open_data import export_open_data
from yusuan.render.summary import summary_text

__all__ = [
    "InputError",
    "disclosure_to_json",
    "export",
    "parse",
    "parse_json",
    "summary_text",
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
