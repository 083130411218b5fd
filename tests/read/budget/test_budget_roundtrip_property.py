"""Generated budgets survive Budget -> YAML / workbook -> Budget unchanged (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yusuan.model import Unit
from yusuan.model.budget import (
    Budget,
    Division,
    Funding,
    LineItem,
    Nature,
    ProcurementCategory,
    ProcurementItem,
    Project,
    UnitType,
)
from yusuan.model.codes import Code, CodeKind
from yusuan.read.budget import read_budget
from yusuan.render.budget_template import write_budget_workbook
from yusuan.render.budget_yaml import write_budget_yaml

# text as people type it: CJK, digits, YAML-significant words and marks; never blank, no edge spaces
_CHARS = st.sampled_from(
    [*list("预算项目费用办公租赁是否0123456789:#-&*!%@'\"{}[],。，；（）"), "null", "yes"]
)
TEXT = st.lists(_CHARS, min_size=1, max_size=12).map("".join).map(str.strip).filter(bool)
FEN = st.integers(min_value=0, max_value=10**11).map(lambda fen: Decimal(fen).scaleb(-2))


@st.composite
def budgets(draw: st.DrawFn) -> Budget:
    project_names = draw(st.lists(TEXT, max_size=3, unique=True))
    items: list[LineItem] = []
    seen = set()
    for _ in range(draw(st.integers(1, 8))):
        funding = draw(st.sampled_from(list(Funding)))
        functional = Code(draw(st.from_regex(r"\A2[0-9]{6}\Z")))
        economic = Code(draw(st.from_regex(r"\A3[0-9]{4}\Z")), CodeKind.ECONOMIC)
        project = draw(st.sampled_from(project_names)) if project_names and draw(st.booleans()) else None
        nature = Nature.PROJECT if project else Nature.BASIC
        carryover = draw(st.booleans())
        key = (funding, functional, nature, economic, project, carryover)
        if key not in seen:
            seen.add(key)
            items.append(LineItem(funding, functional, nature, economic, draw(FEN), project, carryover))
    funded = [name for name in project_names if any(i.project == name for i in items)]
    return Budget(
        unit=draw(TEXT),
        year=draw(st.integers(1990, 2100)),
        unit_type=draw(st.sampled_from(list(UnitType))),
        items=items,
        prior_year_totals=draw(st.dictionaries(st.sampled_from(["total", "three_public"]), FEN)),
        reasons=draw(st.dictionaries(st.sampled_from(["changes", "three_public"]), TEXT)),
        entry_unit=draw(st.sampled_from([Unit.YUAN, Unit.WAN])),
        duties=draw(st.lists(TEXT, max_size=3)),
        divisions=[
            Division(name, tuple(draw(st.lists(TEXT, max_size=2))))
            for name in draw(st.lists(TEXT, max_size=2, unique=True))
        ],
        projects=[
            Project(name, category=draw(TEXT), period_total_yuan=draw(st.none() | FEN)) for name in funded
        ],
        procurement=[
            ProcurementItem(draw(TEXT), draw(st.sampled_from(list(ProcurementCategory))), draw(FEN), None)
            for _ in range(draw(st.integers(0, 2)))
        ],
        functional_names={i.functional.digits: draw(TEXT) for i in items},
        notes=draw(st.dictionaries(TEXT, TEXT, max_size=2)),
    )


STRUCTURED = (
    "unit", "year", "unit_type", "items", "prior_year_totals", "reasons", "entry_unit", "duties",
    "divisions", "projects", "procurement", "functional_names", "notes",
)  # fmt: skip


def _same_input(budget: Budget, again: Budget) -> None:
    for name in STRUCTURED:
        assert getattr(again, name) == getattr(budget, name), name


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets())
def test_yaml_round_trip(budget: Budget) -> None:
    with TemporaryDirectory() as tmp:
        again = read_budget(write_budget_yaml(budget, Path(tmp) / "b.yaml"))
        _same_input(budget, again)
        assert read_budget(write_budget_yaml(again, Path(tmp) / "c.yaml")) == again


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets())
def test_workbook_round_trip(budget: Budget) -> None:
    with TemporaryDirectory() as tmp:
        again = read_budget(write_budget_workbook(Path(tmp) / "b.xlsx", budget=budget))
        _same_input(budget, again)
