"""Words in a project name that show a purchase (data/procurement/purchase-words.yaml).

Its own module so that the checker (G107) reads the list without importing the procurement
rulesets and policies, which `check` never uses otherwise.
"""

from __future__ import annotations

from functools import cache

from yusuan.reference.paths import data_dir, load_yaml


@cache
def purchase_words() -> tuple[str, ...]:
    """Words in a project name that show a purchase (data/procurement/purchase-words.yaml)."""
    path = data_dir() / "procurement" / "purchase-words.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8"))
    return tuple(str(w) for w in raw["words"])
