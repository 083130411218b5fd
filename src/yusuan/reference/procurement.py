"""Procurement rulesets and national policies (data/procurement/): loaded, validated, merged.

Every file is checked against data/procurement/schema/procurement.schema.json before use.
A ruleset covers one jurisdiction (admin code), its purchaser levels and a validity period;
an overlay extends a ruleset (朔州 over 山西) and replaces only what it lists; a national policy
holds dated values with dated patches (OpenFisca style): ``values_on(day)`` answers for one day.
Nothing here decides a purchase: that is yusuan.procurement.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from yusuan.reference.paths import ReferenceError, data_dir, load_yaml, yaml_errors

COMPARISONS = (">=", ">", "<=", "<")
LEVELS = ("province", "prefecture", "county")
OBJECTS = ("goods", "works", "services")
LEVEL_NAMES = {"province": "省级", "prefecture": "设区的市级", "county": "县级"}
OBJECT_NAMES = {"goods": "货物", "works": "工程", "services": "服务"}


def procurement_dir() -> Path:
    return data_dir() / "procurement"


@dataclass(frozen=True)
class ClauseSource:
    """Where a value comes from; ``verified`` is False until read in the official text."""

    document: str
    clause: str
    verified: bool
    note: str = ""

    def cite(self) -> str:
        text = f"{self.document} {self.clause}"
        return text if self.verified else f"{text}（未核实 / unverified）"

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "clause": self.clause, "verified": self.verified}


def compare(amount: Decimal, comparison: str, limit: Decimal) -> bool:
    """``amount <comparison> limit``; the comparison is written in the data, never assumed."""
    if comparison == ">=":
        return amount >= limit
    if comparison == ">":
        return amount > limit
    if comparison == "<=":
        return amount <= limit
    if comparison == "<":
        return amount < limit
    raise ReferenceError(f"未知比较符 / unknown comparison {comparison!r}")


@dataclass(frozen=True)
class Threshold:
    """A number with its comparison, its original wording and its source."""

    object: str
    amount: Decimal  # 元
    comparison: str
    wording: str
    source: ClauseSource
    levels: tuple[str, ...] = ()  # empty: every level
    items: tuple[str, ...] = ()  # empty: every item; else catalogue codes it is limited to
    overlap: str = ""  # a phrase of the same text that meets this one at the boundary

    def met(self, amount: Decimal) -> bool:
        return compare(amount, self.comparison, self.amount)

    def applies(self, object_: str, level: str | None = None) -> bool:
        return self.object == object_ and (not self.levels or level is None or level in self.levels)

    def describe(self) -> str:
        return f"{self.comparison} {self.amount:,} 元（原文：{self.wording}）"


@dataclass(frozen=True)
class Statement:
    text: str
    source: ClauseSource
    comparison: str | None = None  # when the clause draws a line (e.g. 超过 -> ">")
    wording: str = ""


@dataclass(frozen=True)
class CatalogueEntry:
    """One item of a ruleset's 集中采购目录, in the ruleset's code scheme."""

    code: str | None
    name: str
    note: str = ""
    code_2022: str | None = None  # for an item whose code the ruleset's scheme lacks
    code_note: str = ""
    note_verified: bool = True  # False: the note's reading is inferred (OCR)
    condition: str = ""  # a limit of the entry (限不锈钢), asked as a question before it applies

    def note_text(self) -> str:
        if not self.note:
            return ""
        return self.note if self.note_verified else f"{self.note}（备注读法未核实 / note reading unverified）"


@dataclass(frozen=True)
class CatalogueExemption:
    """表注3: a purchase the catalogue does not bind, stated by the buyer."""

    key: str
    text: str
    effect: str  # outside_catalogue | purchaser_or_agency
    source: ClauseSource


@dataclass(frozen=True)
class IntentionRule:
    wording: str
    source: ClauseSource
    days_before_start: int | None = None
    scope: str = ""
    days_source: ClauseSource | None = None  # where the number of days comes from


@dataclass(frozen=True)
class SmeOverlay:
    """A local SME rule (朔州): adds to the national lines; replaces them only if its text says so."""

    above_share_min: Decimal
    above_wording: str
    above_source: ClauseSource
    below_whole: bool
    below_comparison: str
    below_wording: str
    below_source: ClauseSource
    below_overlap: str = ""
    above_comparison: str = ">="
    above_of: str = "预算总额"
    replaces: Statement | None = None  # the overlay's own words that it replaces the national rule


@dataclass(frozen=True)
class Ruleset:
    """A ruleset as it applies: a provincial ruleset, or one merged with its overlays."""

    id: str
    title: str
    jurisdiction_code: str
    jurisdiction_name: str
    parent_code: str | None
    budget: str
    levels: tuple[str, ...]
    code_scheme: str
    valid_from: dt.date
    valid_to: dt.date
    valid_source: ClauseSource
    catalogue: tuple[CatalogueEntry, ...]
    catalogue_source: ClauseSource
    framework_ceilings: tuple[Threshold, ...]
    second_stage: tuple[Threshold, ...]
    decentralized_limits: tuple[Threshold, ...]
    public_tender: tuple[Threshold, ...]
    intention: IntentionRule
    other_method_approval: Statement | None = None
    import_approval: Statement | None = None
    department_centralized: Statement | None = None
    no_splitting: Statement | None = None
    framework_pending: Statement | None = None
    sme: SmeOverlay | None = None
    catalogue_exemptions: tuple[CatalogueExemption, ...] = ()
    successor: str = ""  # the document to look for after valid_to (not bundled)
    replaced: tuple[Statement, ...] = ()  # an overlay's words that it replaces a parent line (cited)
    chain: tuple[str, ...] = ()  # ids applied, provincial first
    validity_sources: tuple[ClauseSource, ...] = field(default=())

    def covers_region(self, region: str) -> bool:
        return region.startswith(region_prefix(self.jurisdiction_code))

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day <= self.valid_to


def region_prefix(code: str) -> str:
    """140000 -> "14", 140600 -> "1406", 140602 -> "140602", 000000 -> ""."""
    prefix = code
    while prefix.endswith("00"):
        prefix = prefix[:-2]
    return prefix


# ---- loading -----------------------------------------------------------------------------


def _iso(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@cache
def schema() -> dict[str, Any]:
    path = procurement_dir() / "schema" / "procurement.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Schema violations of one ruleset/overlay/policy document (after dates become ISO strings)."""
    import jsonschema  # only where rulesets are loaded: `check` never pays for it

    validator = jsonschema.Draft202012Validator(schema())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(_iso(document))
    ]


def load_document(path: Path) -> dict[str, Any]:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except yaml_errors(OSError) as exc:
        raise ReferenceError(f"{path}: 无法读取 / unreadable: {exc}") from exc
    if not isinstance(raw, dict):
        raise ReferenceError(f"{path}: 不是映射 / not a mapping")
    errors = schema_errors(raw)
    if errors:
        raise ReferenceError(f"{path}: 不符合规则集格式 / schema: {errors[0]}")
    document: dict[str, Any] = _iso(raw)
    return document


def source_of(raw: dict[str, Any]) -> ClauseSource:
    return ClauseSource(raw["document"], raw["clause"], bool(raw["verified"]), raw.get("note", ""))


def threshold_of(raw: dict[str, Any]) -> Threshold:
    return Threshold(
        object=raw["object"],
        amount=Decimal(raw["amount"]),
        comparison=raw["comparison"],
        wording=raw["wording"],
        source=source_of(raw["source"]),
        levels=tuple(raw.get("levels", ())),
        items=tuple(raw.get("items", ())),
        overlap=raw.get("overlap", ""),
    )


def _thresholds(items: list[dict[str, Any]]) -> tuple[Threshold, ...]:
    return tuple(threshold_of(i) for i in items)


def statement_of(raw: dict[str, Any] | None) -> Statement | None:
    if not raw:
        return None
    return Statement(raw["text"], source_of(raw["source"]), raw.get("comparison"), raw.get("wording", ""))


def _intention(raw: dict[str, Any]) -> IntentionRule:
    return IntentionRule(
        wording=raw["wording"],
        source=source_of(raw["source"]),
        days_before_start=raw.get("days_before_start"),
        scope=raw.get("scope", ""),
        days_source=source_of(raw["source"]) if "days_before_start" in raw else None,
    )


def _successor(raw: dict[str, Any]) -> str:
    found = raw.get("successor")
    return f"{found['document']}（{found['note']}）" if found else ""


def iso_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _ruleset(raw: dict[str, Any]) -> Ruleset:
    jurisdiction = raw["jurisdiction"]
    catalogue = raw["catalogue"]
    return Ruleset(
        id=raw["id"],
        title=raw["title"],
        jurisdiction_code=jurisdiction["code"],
        jurisdiction_name=jurisdiction["name"],
        parent_code=jurisdiction["parent"],
        budget=raw["budget"],
        levels=tuple(raw["levels"]),
        code_scheme=raw["code_scheme"],
        valid_from=iso_date(raw["valid"]["from"]),
        valid_to=iso_date(raw["valid"]["to"]),
        valid_source=source_of(raw["valid"]["source"]),
        catalogue=tuple(
            CatalogueEntry(
                code=i["code"],
                name=i["name"],
                note=i.get("note", ""),
                code_2022=i.get("code_2022"),
                code_note=i.get("code_note", ""),
                note_verified=bool(i.get("note_verified", True)),
                condition=i.get("condition", ""),
            )
            for i in catalogue["items"]
        ),
        catalogue_source=source_of(catalogue["source"]),
        framework_ceilings=_thresholds(raw["framework_agreement"]["ceilings"]),
        second_stage=_thresholds(raw["framework_agreement"]["second_stage"]),
        decentralized_limits=_thresholds(raw["decentralized_limits"]),
        public_tender=_thresholds(raw["public_tender"]),
        intention=_intention(raw["intention_disclosure"]),
        other_method_approval=statement_of(raw.get("other_method_approval")),
        import_approval=statement_of(raw.get("import_approval")),
        department_centralized=statement_of(raw.get("department_centralized")),
        catalogue_exemptions=tuple(
            CatalogueExemption(e["key"], e["text"], e["effect"], source_of(e["source"]))
            for e in raw.get("catalogue_exemptions", ())
        ),
        successor=_successor(raw),
        chain=(raw["id"],),
        validity_sources=(source_of(raw["valid"]["source"]),),
    )


def _apply_overlay(base: Ruleset, raw: dict[str, Any]) -> Ruleset:
    jurisdiction = raw["jurisdiction"]
    valid_from = max(base.valid_from, iso_date(raw["valid"]["from"]))
    valid_to = min(base.valid_to, iso_date(raw["valid"]["to"]))
    merged = replace(
        base,
        id=raw["id"],
        title=raw["title"],
        jurisdiction_code=jurisdiction["code"],
        jurisdiction_name=jurisdiction["name"],
        parent_code=jurisdiction["parent"],
        valid_from=valid_from,
        valid_to=valid_to,
        valid_source=source_of(raw["valid"]["source"]),
        chain=(*base.chain, raw["id"]),
        successor=_successor(raw) or base.successor,
        replaced=(*base.replaced, *(s for s in map(statement_of, raw.get("replaces", {}).values()) if s)),
        validity_sources=(*base.validity_sources, source_of(raw["valid"]["source"])),
    )
    if "decentralized_limits" in raw:
        limits = _thresholds(raw["decentralized_limits"])
        _never_lower(raw, base.decentralized_limits, limits, "decentralized_limits")
        merged = replace(merged, decentralized_limits=limits)
    if "public_tender" in raw:
        tender = _thresholds(raw["public_tender"])
        _never_lower(raw, base.public_tender, tender, "public_tender")
        merged = replace(merged, public_tender=tender)
    if "intention_disclosure" in raw:
        local = _intention(raw["intention_disclosure"])
        if local.days_before_start is None:
            local = replace(
                local,
                days_before_start=base.intention.days_before_start,
                days_source=base.intention.days_source,
            )
        merged = replace(merged, intention=local)
    if "no_splitting" in raw:
        merged = replace(merged, no_splitting=statement_of(raw["no_splitting"]))
    if "framework_agreement_pending" in raw:
        merged = replace(merged, framework_pending=statement_of(raw["framework_agreement_pending"]))
    if "sme_reservation" in raw:
        above = raw["sme_reservation"]["above_tender"]
        below = raw["sme_reservation"]["below_tender"]
        merged = replace(
            merged,
            sme=SmeOverlay(
                above_share_min=Decimal(above["share_min"]),
                above_wording=above["wording"],
                above_source=source_of(above["source"]),
                below_whole=bool(below["whole"]),
                below_comparison=below["comparison"],
                below_wording=below["wording"],
                below_source=source_of(below["source"]),
                below_overlap=below.get("overlap", ""),
                above_comparison=above["comparison"],
                above_of=above.get("of", "预算总额"),
                replaces=statement_of(raw["sme_reservation"].get("replaces")),
            ),
        )
    return merged


def _never_lower(
    raw: dict[str, Any], old: tuple[Threshold, ...], new: tuple[Threshold, ...], key: str
) -> None:
    """An overlay may tighten a line (a lower limit or tender threshold brings more under the rules),
    never loosen it, unless its text says it replaces the provincial line (``replaces.<key>``)."""
    if key in raw.get("replaces", {}):
        return
    for line in new:
        for before in old:
            same_scope = before.object == line.object and (
                not before.levels or not line.levels or set(before.levels) & set(line.levels)
            )
            if same_scope and before.items == line.items and line.amount > before.amount:
                raise ReferenceError(
                    f"{raw['id']}: {key} {line.object} {line.amount} 高于上级 {before.amount}，"
                    "覆盖规则只能从严，除非原文写明替代（replaces）"
                    f" / an overlay may not loosen {key} without citing that it replaces it"
                )


@cache
def rulesets() -> tuple[Ruleset, ...]:
    """Every applicable ruleset: each provincial ruleset and each overlay merged over its base."""
    documents = [load_document(p) for p in sorted((procurement_dir() / "rulesets").glob("*.yaml"))]
    bases = {d["id"]: _ruleset(d) for d in documents if d["kind"] == "ruleset"}
    overlays = [d for d in documents if d["kind"] == "overlay"]
    merged: dict[str, Ruleset] = dict(bases)
    pending = list(overlays)
    while pending:  # an overlay may extend another overlay
        progressed = False
        for raw in list(pending):
            if raw["extends"] in merged:
                merged[raw["id"]] = _apply_overlay(merged[raw["extends"]], raw)
                pending.remove(raw)
                progressed = True
        if not progressed:
            names = ", ".join(f"{d['id']} -> {d['extends']}" for d in pending)
            raise ReferenceError(f"覆盖规则找不到上级 / overlay without base: {names}")
    return tuple(merged.values())
