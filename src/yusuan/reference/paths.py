"""Where the reference data lives: the package's data folder, or $YUSUAN_DATA.

The data is package data: ``yusuan/data`` inside the package (in the repository a link to the
top-level data/ folder, in a wheel or a plain install a copy), found beside the installed package
so that an installed yusuan works from any directory. This module is the one place that finds it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from yusuan.reference import yaml_cache


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
    pure-Python loader took most of a `check` run's reference loading); a text parsed by an
    earlier run comes from the cache (yusuan.reference.yaml_cache) and PyYAML is not imported."""
    found, data = yaml_cache.get(text)
    if found:
        return data
    import yaml

    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    yaml_cache.put(text, data)
    return data


def yaml_errors(*also: type[Exception]) -> tuple[type[Exception], ...]:
    """``also`` and what a YAML parse raises, for ``except yaml_errors(OSError, KeyError)``:
    PyYAML's error when PyYAML is loaded, else none (no parse ran, so none can be in flight)."""
    yaml = sys.modules.get("yaml")
    return (*also, yaml.YAMLError) if yaml is not None else also
