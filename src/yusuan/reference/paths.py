"""Where the reference data lives: the package's data folder, or $YUSUAN_DATA.

The data is package data: ``yusuan/data`` inside the package (in the repository a link to the
top-level data/ folder, in a wheel or a plain install a copy), found beside the installed package
so that an installed yusuan works from any directory. This module is the one place that finds it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class ReferenceError(LookupError):
    """Reference data is missing or malformed; the message says which file and what."""


def data_dir() -> Path:
    override = os.environ.get("YUSUAN_DATA")
    if override:
        return Path(override)
    # yusuan is a regular package on the file system (a directory, never a zip), so its data is the
    # folder beside this module's package: what importlib.resources.files("yusuan") gives, without
    # importing importlib.resources (with tempfile, shutil and zipfile) on every start
    return _PACKAGE / "data"


_PACKAGE = Path(__file__).parent.parent


def load_yaml(text: str) -> Any:
    """Parse reference YAML safely, with libyaml's C loader when PyYAML was built with it (the
    pure-Python loader took most of a `check` run's reference loading)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
