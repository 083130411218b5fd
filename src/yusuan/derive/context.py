"""What every table derivation needs: the budget, the code names, the profile and its form."""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.derive.cells import ItemFilter
from yusuan.derive.names import CodeNames
from yusuan.model import Column, Row, Table, Unit
from yusuan.model.budget import Budget, Funding, LineItem, Nature
from yusuan.reference.profiles import Profile, TableSpec
from yusuan.reference.templates import TemplateForm


@dataclass(frozen=True)
class Context:
    budget: Budget
    names: CodeNames
    profile: Profile
    form: TemplateForm

    def spec(self, table_id: str) -> TableSpec:
        spec = self.profile.table(table_id)
        if spec is None:  # the profile data and this code disagree: a defect, not bad input
            raise LookupError(f"profile {self.profile.id} has no table {table_id}")
        return spec

    def unit_of(self, table_id: str) -> Unit:
        return self.spec(table_id).unit or self.profile.currency_unit

    def column_keys(self, table_id: str) -> list[str]:
        return [c.key for c in self.spec(table_id).columns]

    def table(self, table_id: str, rows: list[Row]) -> Table:
        spec = self.spec(table_id)
        year = str(self.budget.year)
        unit = self.unit_of(table_id)
        table = Table(
            id=table_id,
            title=spec.title_for(self.budget.year),
            unit=unit,
            unit_line=self.form.unit_line.format(unit=unit.value),
            columns=[Column(c.key, c.label.replace("{year}", year), c.side) for c in spec.columns],
            rows=rows,
            number=self.form.table_number.format(number=spec.number),
            unit_name=self.budget.unit,
        )
        if table.is_empty:
            table.notes.append(self.form.empty_note)
        return table

    def items(
        self,
        funding: Funding | tuple[Funding, ...] | None = None,
        carryover: bool | None = None,
        nature: Nature | None = None,
    ) -> list[LineItem]:
        """The line items of one or more funding sources, this year's or carried over, basic or project."""
        fundings = (funding,) if isinstance(funding, Funding) else funding
        return [
            item
            for item in self.budget.items
            if (fundings is None or item.funding in fundings)
            and (carryover is None or item.carryover == carryover)
            and (nature is None or item.nature is nature)
        ]

    @property
    def fiscal(self) -> tuple[Funding, ...]:
        """财政拨款: the funding sources the template counts as fiscal appropriations."""
        return tuple(Funding(key) for key in self.form.fiscal_funding)


def by_funding(funding: Funding) -> ItemFilter:
    return lambda item: item.funding is funding


def by_nature(nature: Nature) -> ItemFilter:
    return lambda item: item.nature is nature


def by_carryover(carryover: bool) -> ItemFilter:
    return lambda item: item.carryover == carryover
