"""The public Python surface of yusuan. The CLI is built on this alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.model import Disclosure
from yusuan.model.serialize import disclosure_to_json
from yusuan.read import InputError, read_document
from yusuan.render.summary import summary_text

__all__ = ["InputError", "disclosure_to_json", "parse", "parse_json", "summary_text"]


def parse(path: str | Path, profile: str | None = None) -> Disclosure:
    """Read a published disclosure (any supported format) into a Disclosure."""
    return read_document(path, profile=profile)


def parse_json(path: str | Path, profile: str | None = None) -> dict[str, Any]:
    """The JSON contract (docs/json-contract.md) of a published disclosure."""
    return disclosure_to_json(parse(path, profile=profile))
