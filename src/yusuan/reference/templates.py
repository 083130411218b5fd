"""Template form data (data/templates/<profile>/form.yaml): how a profile's tables look on paper.

The profile (reference.profiles) says which tables and columns exist; the template form says
how they are drawn and which fixed rows they carry: header groups, label columns, total rows of
side-by-side tables, the numbering of tables, the parts of the document, the economic codes of
the "三公" rows. derive/ and render/ both read it, so a new region is a new data file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from yusuan.reference.inherited import profile_data_file, read_merged
from yusuan.reference.paths import ReferenceError, yaml_errors


@dataclass(frozen=True)
class HeaderGroup:
    label: str  # with {year}
    keys: tuple[str, ...]


@dataclass(frozen=True)
class TableForm:
    """How one table is drawn: label columns (per side for side-by-side tables) and groups."""

    id: str
    label_columns: dict[str, tuple[str, ...]]  # side ("" for one-sided tables) -> labels
    label_group: str = ""  # the header spanning the label columns ("项目"), if any
    side_groups: dict[str, str] = field(default_factory=dict)  # side -> "收入" / "支出"
    groups: tuple[HeaderGroup, ...] = ()
    income_rows: tuple[str, ...] = ()  # funding keys listed on the income side
    totals: tuple[tuple[str | None, str | None], ...] = ()  # (income, expenditure) total rows
    # income rows printed under another ("1、一般公共预算资金" under "一、财政拨款收入")
    income_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # spending rows by 类: every 类 of the code list ("all") or only those with money ("used")
    class_rows: str = "all"

    def labels(self, side: str | None = None) -> tuple[str, ...]:
        """The label columns of ``side`` (or of a one-sided table); empty when the form names none."""
        return self.label_columns.get(side or "", ())


@dataclass(frozen=True)
class Part:
    id: str
    title: str  # with {year}
    sections: str = ""  # the Section.part whose sections it holds


@dataclass(frozen=True)
class PerformanceForm:
    """The fields of a 项目支出绩效目标表 as printed."""

    title: str  # with {year}
    fields: dict[str, str]
    indicator_header: tuple[str, ...]
    periods: dict[str, str]
    after_section: str = ""  # the narrative section the sheets are printed in ("" = a part of their own)


@dataclass(frozen=True)
class ChartForm:
    """A chart drawn from the 类 rows of one table column, placed after a narrative section."""

    title: str
    table: str
    column: str
    after_section: str


@dataclass(frozen=True)
class TemplateForm:
    profile: str
    document_title: str
    table_number: str
    unit_name_line: str
    unit_line: str
    empty_note: str
    total_row: str
    parts: tuple[Part, ...]
    funding_names: dict[str, str]
    fiscal_funding: tuple[str, ...]
    personnel_classes: tuple[str, ...]
    admin_running_unit_types: tuple[str, ...]
    three_public: tuple[tuple[str, tuple[str, ...]], ...]  # row name (or column key) -> economic codes
    ordinals: tuple[str, ...]
    tables: dict[str, TableForm]
    performance: PerformanceForm
    charts: tuple[ChartForm, ...] = ()
    # a column or income row that sums several funding sources: key -> funding keys
    # (上海 "fiscal" 财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营)
    funding_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def fundings_of(self, key: str) -> tuple[str, ...]:
        """The funding keys a column or income row ``key`` sums: its group, else itself."""
        return self.funding_groups.get(key, (key,))

    def table(self, table_id: str) -> TableForm:
        return self.tables.get(table_id) or TableForm(id=table_id, label_columns={})

    def ordinal(self, index: int) -> str:
        """The Chinese ordinal of the 0-based ``index``: 0 -> "一"; past the listed ones, the digits."""
        return self.ordinals[index] if index < len(self.ordinals) else str(index + 1)


def _label_columns(raw: Any) -> dict[str, tuple[str, ...]]:
    if isinstance(raw, dict):
        return {str(side): tuple(str(x) for x in labels) for side, labels in raw.items()}
    return {"": tuple(str(x) for x in raw or ["项目"])}


def _table_form(table_id: str, raw: dict[str, Any]) -> TableForm:
    return TableForm(
        id=table_id,
        label_columns=_label_columns(raw.get("label_columns")),
        label_group=str(raw.get("label_group", "")),
        side_groups={str(k): str(v) for k, v in (raw.get("side_groups") or {}).items()},
        groups=tuple(
            HeaderGroup(label=str(g["label"]), keys=tuple(str(k) for k in g["keys"]))
            for g in raw.get("groups", [])
        ),
        income_rows=tuple(str(x) for x in raw.get("income_rows", [])),
        totals=tuple((pair[0], pair[1]) for pair in raw.get("totals", [])),
        income_parts={str(k): tuple(str(x) for x in v) for k, v in (raw.get("income_parts") or {}).items()},
        class_rows=str(raw.get("class_rows", "all")),
    )


def _parse(raw: dict[str, Any]) -> TemplateForm:
    return TemplateForm(
        profile=str(raw["profile"]),
        document_title=str(raw["document_title"]),
        table_number=str(raw["table_number"]),
        unit_name_line=str(raw["unit_name_line"]),
        unit_line=str(raw["unit_line"]),
        empty_note=str(raw["empty_note"]),
        total_row=str(raw["total_row"]),
        parts=tuple(
            Part(id=str(p["id"]), title=str(p["title"]), sections=str(p.get("sections", "")))
            for p in raw["parts"]
        ),
        funding_names={str(k): str(v) for k, v in raw["funding_names"].items()},
        fiscal_funding=tuple(str(x) for x in raw["fiscal_funding"]),
        personnel_classes=tuple(str(x) for x in raw["personnel_classes"]),
        admin_running_unit_types=tuple(str(x) for x in raw["admin_running_unit_types"]),
        three_public=tuple(
            (str(r.get("row") or r["column"]), tuple(str(c) for c in r["economic"]))
            for r in raw["three_public"]
        ),
        ordinals=tuple(str(x) for x in raw["ordinals"]),
        tables={str(k): _table_form(str(k), v or {}) for k, v in raw["tables"].items()},
        performance=PerformanceForm(
            title=str(raw["performance"]["title"]),
            fields={str(k): str(v) for k, v in raw["performance"]["fields"].items()},
            indicator_header=tuple(str(x) for x in raw["performance"]["indicator_header"]),
            periods={str(k): str(v) for k, v in raw["performance"]["periods"].items()},
            after_section=str(raw["performance"].get("after_section", "")),
        ),
        charts=tuple(
            ChartForm(
                title=str(c["title"]),
                table=str(c["table"]),
                column=str(c["column"]),
                after_section=str(c["after_section"]),
            )
            for c in raw.get("charts", [])
        ),
        funding_groups={
            str(k): tuple(str(x) for x in v) for k, v in (raw.get("funding_groups") or {}).items()
        },
    )


@cache
def load_template_form(profile_id: str) -> TemplateForm:
    path = profile_data_file("templates", profile_id)
    if not path.is_file():
        raise ReferenceError(
            f"模板 {profile_id!r} 没有版式数据 / no template form for {profile_id!r}: {path}"
        )
    try:
        return _parse(read_merged("templates", path))
    except yaml_errors(OSError, KeyError, TypeError, ValueError, IndexError) as exc:
        raise ReferenceError(f"{path}: 版式数据有误 / malformed template form: {exc}") from exc
