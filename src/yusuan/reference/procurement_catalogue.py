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

import yaml

from yusuan.reference.paths import ReferenceError
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
def children_2022() -> dict[str, tuple[str, ...]]:
    """2022 code -> the codes one level below it."""
    index: dict[str, list[str]] = {}
    for item in pinmu_2022().values():
        if item.parent:
            index.setdefault(item.parent, []).append(item.code)
    return {parent: tuple(codes) for parent, codes in index.items()}


@cache
def names_2022() -> dict[str, tuple[str, ...]]:
    """2022 name -> its codes (a few names stand at two levels, e.g. 车辆维修和保养服务)."""
    index: dict[str, list[str]] = {}
    for item in pinmu_2022().values():
        index.setdefault(item.name, []).append(item.code)
    return {name: tuple(codes) for name, codes in index.items()}


@cache
def pinmu_2013() -> dict[str, PinmuItem]:
    path = procurement_dir() / "catalogue" / "pinmu-2013.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
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
    condition: str = ""  # decides a partial link: asked as a question


@cache
def crosswalk() -> tuple[CrosswalkLink, ...]:
    path = procurement_dir() / "catalogue" / "crosswalk-2013-2022.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        links.append(
            CrosswalkLink(
                from_code,
                name,
                tuple(entry["to"]),
                entry["relation"],
                entry["basis"],
                entry.get("condition", ""),
            )
        )
    return tuple(links)


def links_from_2013(code: str) -> list[CrosswalkLink]:
    return [link for link in crosswalk() if link.from_code == code]


@dataclass(frozen=True)
class SearchHit:
    item: PinmuItem
    matched: str  # name | synonym | note
    via: str = ""  # the common name that led to the item


@cache
def synonyms() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(terms, names) pairs of data/procurement/catalogue/synonyms.yaml."""
    path = procurement_dir() / "catalogue" / "synonyms.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple((tuple(map(str, e["terms"])), tuple(map(str, e["names"]))) for e in raw["synonyms"])


def search(name: str) -> list[SearchHit]:
    """Items of both schemes for ``name``, case-insensitive: exact names, then names containing it,
    then items named by a synonym the query contains, then items whose note mentions it."""
    needle = name.strip().casefold()
    if not needle:
        return []
    every = [i for scheme in SCHEMES for i in pinmu(scheme).values()]
    ranked: dict[tuple[str, str], tuple[int, SearchHit]] = {}

    def add(rank: int, hit: SearchHit) -> None:
        key = (hit.item.scheme, hit.item.code)
        if key not in ranked or ranked[key][0] > rank:
            ranked[key] = (rank, hit)

    for item in every:
        folded = item.name.casefold()
        if folded == needle:
            add(0, SearchHit(item, "name"))
        elif needle in folded:
            add(1, SearchHit(item, "name"))
        elif item.note and needle in item.note.casefold():
            add(3, SearchHit(item, "note"))
    matched = [(t, names) for terms, names in synonyms() for t in terms if t.casefold() in needle]
    # a term inside a longer matched term (电脑 in 台式电脑) says less than it: drop it
    specific = [(t, n) for t, n in matched if not any(t != o and t in o for o, _ in matched)]
    for term, names in specific:
        for item in every:
            if item.name in names:
                add(2, SearchHit(item, "synonym", term))
    return [
        hit for _, hit in sorted(ranked.values(), key=lambda rh: (rh[0], rh[1].item.scheme, rh[1].item.code))
    ]
