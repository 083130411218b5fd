"""政府采购情况 and 国有资产占有使用情况: figures stated in their sections' sentences.

The sentence patterns are the profile's (``reading.procurement``, ``reading.assets``);
a figure the pattern finds but cannot read is reported, never guessed.
"""

from __future__ import annotations

from yusuan.model import (
    Amount,
    AmountError,
    AssetStatement,
    ProcurementStatement,
    ReadProblem,
    ReadProblemKind,
    Section,
    Unit,
)
from yusuan.read.assemble.spec import ReadingSpec


def read_procurement(
    section: Section, reading: ReadingSpec, unit: Unit
) -> tuple[ProcurementStatement | None, list[ReadProblem]]:
    """The stated total and its split into 货物/工程/服务; None when nothing is stated."""
    if not reading.procurement:
        return None, []
    found: dict[str, Amount | None] = {}
    problems: list[ReadProblem] = []
    flat = section.text.replace("\n", "")
    for key, pattern in reading.procurement.items():
        match = pattern.search(flat)
        if match is None:
            found[key] = None
            continue
        try:
            found[key] = Amount.parse(match["amount"], unit)
        except AmountError:
            found[key] = None
            problems.append(
                ReadProblem(ReadProblemKind.UNREADABLE, f"procurement {key}", match["amount"], section.source)
            )
    if not any(found.values()) and not problems:
        return None, problems
    statement = ProcurementStatement(
        total=found.get("total"),
        goods=found.get("goods"),
        works=found.get("works"),
        services=found.get("services"),
        text=section.text,
        source=section.source,
    )
    return statement, problems


def read_assets(section: Section, reading: ReadingSpec) -> AssetStatement:
    """Vehicle counts by category ("实有" -> 0 …) and the other figures, as printed.

    With the profile's ``vehicle_text`` only the sentence it finds (the vehicles held) is
    read for vehicles, not the vehicles to be bought; ``vehicle_names`` renames a printed
    category to the usual one ("共有车辆" -> "实有").
    """
    flat = section.text.replace("\n", "")
    vehicles: dict[str, int] = {}
    held = flat
    if reading.vehicle_text is not None:
        found = reading.vehicle_text.search(flat)
        held = found.group(0) if found else ""
    if reading.vehicle is not None:
        for match in reading.vehicle.finditer(held):
            name = match["name"]
            if reading.vehicle_name_strip is not None:
                name = reading.vehicle_name_strip.sub("", name) or name
            vehicles.setdefault(reading.vehicle_names.get(name, name), int(match["count"]))
    figures: dict[str, str] = {}
    for pattern in reading.asset_figures:
        for match in pattern.finditer(flat):
            figures.setdefault("".join(match["label"].split()), "".join(match["value"].split()))
    return AssetStatement(text=section.text, vehicles=vehicles, figures=figures, source=section.source)
