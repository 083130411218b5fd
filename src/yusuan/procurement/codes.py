"""Which 品目 a purchase is, in which scheme, and whether a ruleset's catalogue holds it.

A code always names its scheme. Without a scheme, a code is taken only when its shape or the
bundled lists leave one reading; a code that means different things in 2013 and 2022 is refused
with both meanings, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.reference.procurement import CatalogueEntry, Ruleset
from yusuan.reference.procurement_catalogue import (
    CODE_2013,
    CODE_2022,
    CrosswalkLink,
    children_2022,
    crosswalk,
    is_within,
    names_2022,
    pinmu,
    pinmu_2013,
    pinmu_2022,
    search,
)


@dataclass(frozen=True)
class ResolvedCode:
    scheme: str
    code: str
    name: str | None  # None: a 2013 code outside the bundled list (decided by prefix only)

    @property
    def checked(self) -> bool:
        return self.name is not None


@dataclass(frozen=True)
class Refusal:
    reason: str


def resolve_code(code: str, scheme: str | None) -> ResolvedCode | Refusal:
    code = code.strip().upper()
    if scheme == "2022":
        if not CODE_2022.match(code):
            return Refusal(
                f"{code} 不是2022年品目编码（字母加8位数字）/ not a 2022 code (a letter and 8 digits)"
            )
        item = pinmu_2022().get(code)
        if item is None:
            return Refusal(f"{code} 不在2022年品目分类目录中 / not in the 2022 catalogue")
        return ResolvedCode("2022", code, item.name)
    if scheme == "2013":
        if not CODE_2013.match(code):
            return Refusal(f"{code} 不是2013年品目编码 / not a 2013 code")
        known = pinmu_2013().get(code)
        return ResolvedCode("2013", code, known.name if known else None)
    return _resolve_without_scheme(code)


def _resolve_without_scheme(code: str) -> ResolvedCode | Refusal:
    in13 = pinmu_2013().get(code)
    in22 = pinmu_2022().get(code)
    if len(code) != 9:
        # only the 2013 scheme has codes of other lengths
        return ResolvedCode("2013", code, in13.name if in13 else None)
    if in13 and in22:
        same = any(
            link.from_code == code and link.to == (code,) and link.relation == "same" for link in crosswalk()
        )
        if same:
            return ResolvedCode("2013", code, in13.name)
        return Refusal(
            f"编码 {code} 有歧义：2013年目录为“{in13.name}”，2022年目录为“{in22.name}”；请用 --scheme 指明。"
            f" / ambiguous code {code}: 2013 {in13.name}, 2022 {in22.name}; give --scheme."
        )
    if in22 and code.endswith("00"):
        # 2013 codes number every level from 01: a code ending in a 00 pair is 2022 only
        return ResolvedCode("2022", code, in22.name)
    if in22:
        return Refusal(
            f"编码 {code} 在2022年目录为“{in22.name}”，但2013年目录也用9位编码，本系统只收录山西目录用到的"
            "2013年编码，无法排除另一含义；请用 --scheme 指明。"
            f" / {code} is {in22.name} in 2022, but a 9-character "
            "2013 code cannot be excluded (only part of the 2013 list is bundled); give --scheme."
        )
    if in13:
        return ResolvedCode("2013", code, in13.name)
    return Refusal(
        f"编码 {code} 不在已收录的2013年或2022年目录中；请用 --scheme 指明。"
        f" / {code} is in neither bundled list; give --scheme."
    )


@dataclass(frozen=True)
class CatalogueMatch:
    status: str  # in | out | review
    entry_name: str | None = None
    entry_code: str | None = None
    reason: str = ""
    entry_code_2022: str | None = None  # for an entry without a code in the ruleset's scheme
    entry_note: str = ""  # the catalogue's 备注 for the entry (e.g. 限各类不锈钢材料和产品)
    condition: str = ""  # the question that decides whether the entry applies (entry or link condition)


def _links_for(entry_code: str | None, entry_name: str) -> list[CrosswalkLink]:
    if entry_code is not None:
        return [link for link in crosswalk() if link.from_code == entry_code]
    return [link for link in crosswalk() if link.from_code is None and link.name == entry_name]


def match_catalogue(ruleset: Ruleset, resolved: ResolvedCode) -> CatalogueMatch:
    """Whether ``ruleset``'s 集中采购目录 holds the item; across schemes through the crosswalk."""
    scheme = ruleset.code_scheme
    if resolved.scheme == scheme:
        for entry in ruleset.catalogue:
            if entry.code and is_within(resolved.code, entry.code, scheme):
                return _in(entry, f"{resolved.code} 属于目录品目 {entry.code} {entry.name}", entry.condition)
        broader = [e for e in ruleset.catalogue if e.code and is_within(e.code, resolved.code, scheme)]
        if broader:
            names = "、".join(f"{e.code} {e.name}" for e in broader)
            return CatalogueMatch(
                "review",
                reason=f"编码 {resolved.code} 比目录品目宽（含 {names}），请给出下级编码"
                f" / {resolved.code} is broader than catalogue items; give a lower-level code",
            )
        return CatalogueMatch("out", reason=f"{resolved.code} 不属于集中采购目录任何品目")
    if scheme == "2013" and resolved.scheme == "2022":
        return _match_2022_against_2013(ruleset, resolved.code)
    return CatalogueMatch(
        "review",
        reason=f"没有从{resolved.scheme}年到{scheme}年编码的对照"
        f" / no crosswalk from {resolved.scheme} to {scheme}",
    )


def _linked(
    code: str, entry: CatalogueEntry, link: CrosswalkLink, how: str, condition: str
) -> CatalogueMatch:
    """A 2022 code that reaches a 2013 catalogue entry through a crosswalk link."""
    where = f"{entry.code or '（无2013编码）'} {entry.name}"
    return _in(entry, f"2022年 {code} {how}2013年目录品目 {where}：{link.basis}", condition)


def _in(entry: CatalogueEntry, reason: str, condition: str) -> CatalogueMatch:
    return CatalogueMatch(
        "in", entry.name, entry.code, reason, entry_note=entry.note_text(), condition=condition
    )


def _match_2022_against_2013(ruleset: Ruleset, code: str) -> CatalogueMatch:
    partial: list[str] = []
    broader: list[str] = []
    conditional: CatalogueMatch | None = None
    for entry in ruleset.catalogue:
        links = _links_for(entry.code, entry.name)
        if not links:
            return CatalogueMatch(
                "review",
                reason=f"目录品目 {entry.code} {entry.name} 没有2022年对照 / no crosswalk for this item",
            )
        for link in links:
            for target in link.to:
                if is_within(code, target, "2022"):
                    if link.relation == "partial" and link.condition and conditional is None:
                        conditional = _linked(code, entry, link, "只部分对应", link.condition)
                    elif link.relation == "partial":
                        partial.append(f"{entry.code or '—'} {entry.name}（{link.basis}）")
                    else:
                        return _linked(code, entry, link, "对照", entry.condition)
                elif is_within(target, code, "2022"):
                    broader.append(f"{entry.code or '—'} {entry.name}")
    if conditional is not None:
        return conditional
    if partial:
        return CatalogueMatch(
            "review",
            reason="2022年编码 "
            + code
            + " 与目录品目只部分对应："
            + "；".join(partial)
            + " / the 2022 code only partly corresponds to a catalogue item",
        )
    covering = _covering(ruleset, code)
    if broader and covering:
        names = "、".join(f"{e.code or '—'} {e.name}" for e in covering)
        return CatalogueMatch(
            "in",
            covering[0].name,
            covering[0].code,
            f"2022年 {code} 的每个下级品目都对照目录品目（{names}）",
            entry_note="；".join(e.note_text() for e in covering if e.note_text()),
            condition="；".join(e.condition for e in covering if e.condition),
        )
    if broader:
        return CatalogueMatch(
            "review",
            reason=f"2022年编码 {code} 比目录品目宽（含 {'、'.join(dict.fromkeys(broader))}），请给出下级编码"
            " / the code is broader than catalogue items; give a lower-level code",
        )
    return CatalogueMatch("out", reason=f"2022年 {code} 不对应集中采购目录任何品目")


def _covering(ruleset: Ruleset, code: str) -> list[CatalogueEntry]:
    """The catalogue entries that together cover every leaf below 2022 ``code`` through same/split
    links (2022 乘用车 = 2013 乘用车 + 客车); empty when some leaf is outside them."""
    whole = [
        (entry, target)
        for entry in ruleset.catalogue
        for link in _links_for(entry.code, entry.name)
        if link.relation != "partial"
        for target in link.to
    ]
    used: list[CatalogueEntry] = []

    def covered(node: str) -> bool:
        hits = [entry for entry, target in whole if is_within(node, target, "2022")]
        if hits:
            used.extend(e for e in hits[:1] if e not in used)
            return True
        below = children_2022().get(node, ())
        return bool(below) and all(covered(child) for child in below)

    return used if covered(code) else []


def entry_by_name(ruleset: Ruleset, name: str) -> CatalogueMatch | None:
    for entry in ruleset.catalogue:
        if entry.name == name or entry.name.split("（")[0] == name:
            return CatalogueMatch(
                "in",
                entry.name,
                entry.code,
                f"品目名称“{name}”即目录品目 {entry.code or ''} {entry.name}",
                entry.code_2022,
                entry.note_text(),
                entry.condition,
            )
    return None


def resolve_item(name: str) -> ResolvedCode | Refusal:
    """An item name to one code: an exact, unique 2022 name (the complete list), else refused."""
    exact = names_2022().get(name.strip(), ())
    if len(exact) == 1:
        return ResolvedCode("2022", exact[0], name.strip())
    hits = search(name)
    candidates = [h.item for h in hits[:10]]
    listed = "、".join(f"{i.scheme}:{i.code} {i.name}" for i in candidates) or "无 / none"
    if len(hits) > 10:
        listed += f" 等共 {len(hits)} 项 / {len(hits)} in all"
    return Refusal(f"品目名称“{name}”不能唯一确定品目（候选：{listed}）/ the name does not fix one item")


def object_of(resolved: ResolvedCode) -> str:
    letter = resolved.code[0]
    return {"A": "goods", "B": "works", "C": "services"}[letter]


def describe(resolved: ResolvedCode) -> dict[str, str | None]:
    item = pinmu(resolved.scheme).get(resolved.code)
    return {"scheme": resolved.scheme, "code": resolved.code, "name": item.name if item else resolved.name}
