"""Load the decision cases (tests/procurement/cases/*.yaml): defaults merged into each input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        defaults = raw.get("defaults", {})
        for case in raw["cases"]:
            out.append((f"{path.stem}: {case['name']}", {**defaults, **case["input"]}, case["expect"]))
    return out
