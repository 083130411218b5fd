"""The 品目 catalogues of both schemes and the crosswalk between them (data/procurement/catalogue/).

- 2022 (财库〔2022〕31号): the full list built from the official PDF (pinmu-2022.csv); every code is a
  letter and 8 digits, two per level; the hierarchy is by the significant prefix.
- 2013 (财库〔2013〕189号): only the codes the Shanxi catalogue uses (pinmu-2013.yaml); variable
  length, hierarchy by plain prefix.
- The crosswalk links each Shanxi catalogue item to 2022 codes, with the relation (same, split,
  partial) and its basis.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from yusuan.reference.paths import ReferenceError, load_yaml
from yusuan.reference.procurement import procurement_dir

SCHEMES = ("2013", "2022")
CODE_2022 = re.compile(r"^[ABC]\d{8}$")
CODE_2013 = re.compile(r"^[ABC](\d{2})*$")
OBJECT_OF_LETTER = {"A": "goods", "B": "works", "C": "services"}


@dataclass(frozen=True)
class PinmuItem:
    scheme: str
    code: str
    name: str
    level: int
    parent: str | None
    note: str = ""
    page: int | None = None  # page of the 2022 PDF

    @property
    def object(self) -> str:
        return OBJECT_OF_LETTER[self.code[0]]


def level_2022(code: str) -> int:
    pairs = [code[i : i + 2] for i in range(1, 9, 2)]
    used = [i + 1 for i, pair in enumerate(pairs) if pair != "00"]
    return max(used) if used else 0


def significant_2022(code: str) -> str:
    """A02010100 -> A020101: the part of a 2022 code that its descendants share."""
    return code[: 1 + 2 * level_2022(code)]


def is_within(code: str, ancestor: str, scheme: str) -> bool:
    """``code`` is ``ancestor`` or lies under it in the hierarchy of ``scheme``."""
    if scheme == "2022":
        return code.startswith(significant_2022(ancestor))
    return code.startswith(ancestor)


@cache
def pinmu_2022() -> dict[str, PinmuItem]:
    path = procurement_dir() / "catalogue" / "pinmu-2022.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise ReferenceError(f"{path}: 无法读取 / unreadable: {exc}") from exc
    return {
        r["code"]: PinmuItem(
            "2022", r["code"], r["name"], int(r["level"]), r["parent"], r["note"], int(r["page"])
        )
        for r in rows
    }


@cache
def pinmu_2013() -> dict[str, PinmuItem]:
    path = procurement_dir() / "catalogue" / "pinmu-2013.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8"))
    items: dict[str, PinmuItem] = {}
    for entry in raw["items"]:
        code = str(entry["code"])
        if not CODE_2013.match(code):
            raise ReferenceError(f"{path}: 不是2013年品目编码 / not a 2013 code: {code!r}")
        items[code] = PinmuItem("2013", code, entry["name"], (len(code) - 1) // 2, code[:-2] or None)
    return items


def pinmu(scheme: str) -> dict[str, PinmuItem]:
    if scheme == "2022":
        return pinmu_2022()
    if scheme == "2013":
        return pinmu_2013()
    raise ReferenceError(f"未知品目编码体系 / unknown code scheme {scheme!r}（2013 | 2022）")


@dataclass(frozen=True)
class CrosswalkLink:
    from_code: str | None  # 2013 code; None when the 2013 scheme has no code for the item
    name: str
    to: tuple[str, ...]  # 2022 codes
    relation: str  # same | split | partial
    basis: str


@cache
def crosswalk() -> tuple[CrosswalkLink, ...]:
    path = procurement_dir() / "catalogue" / "crosswalk-2013-2022.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8"))
    links: list[CrosswalkLink] = []
    known_2022 = pinmu_2022()
    known_2013 = pinmu_2013()
    for entry in raw["links"]:
        from_code = entry.get("from")
        name = entry.get("name") or (known_2013[from_code].name if from_code in known_2013 else "")
        if from_code is not None and from_code not in known_2013:
            raise ReferenceError(f"{path}: 2013年编码不在清单中 / unknown 2013 code {from_code!r}")
        missing = [c for c in entry["to"] if c not in known_2022]
        if missing:
            raise ReferenceError(f"{path}: 2022年编码不存在 / unknown 2022 codes {missing}")
        if entry["relation"] not in ("same", "split", "partial"):
            raise ReferenceError(f"{path}: 未知对照关系 / unknown relation {entry['relation']!r}")
        links.append(CrosswalkLink(from_code, name, tuple(entry["to"]), entry["relation"], entry["basis"]))
    return tuple(links)


def links_from_2013(code: str) -> list[CrosswalkLink]:
    return [link for link in crosswalk() if link.from_code == code]


def search(name: str) -> list[PinmuItem]:
    """Items of both schemes whose name contains ``name``: exact names first, 2013 before 2022."""
    needle = name.strip()
    if not needle:
        return []
    found = [i for scheme in SCHEMES for i in pinmu(scheme).values() if needle in i.name]
    return sorted(found, key=lambda i: (i.name != needle, i.scheme, i.code))
