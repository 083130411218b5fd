"""The public Python surface of yusuan. The CLI is built on this alone.

Reading and checking are here; the rest is in modules of this package, re-exported under the same
names and loaded on first use: ``places`` (each finding's place on the page), ``purchasing`` (the
procurement rules), ``authoring`` (budget → disclosure files, templates, open-data export).
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yusuan.check import catalogue
from yusuan.check.context import Context
from yusuan.check.engine import (
    FAMILIES,
    Report,
    Rule,
    all_rules,
    rule_by_id,
    run,
    select_rules,
)
from yusuan.model import Disclosure
from yusuan.model.unit_type import UnitType
from yusuan.read import InputError, read_document
from yusuan.reference.paths import ReferenceError

if TYPE_CHECKING:  # loaded on first use at run time: _LAZY and __getattr__ below
    from yusuan.api.authoring import (
        Built,
        build,
        build_formats,
        derive,
        export,
        export_disclosure,
        write_template,
    )
    from yusuan.api.places import Shown, finding_places, locations_places, render_page_png, show_locations
    from yusuan.api.purchasing import procure_decide, procure_search, procure_splitting
    from yusuan.check.report_json import report_to_json
    from yusuan.check.report_text import report_text
    from yusuan.model.serialize import disclosure_to_json
    from yusuan.procurement.text import decision_text as procure_decision_text
    from yusuan.procurement.text import search_text as procure_search_text
    from yusuan.procurement.text import splitting_text as procure_splitting_text
    from yusuan.read.budget import read_budget
    from yusuan.render.fonts import Fonts, choose_fonts
    from yusuan.render.summary import summary_text

    BUILD_FORMATS: tuple[str, ...]

# Each command imports only what it uses (`check` on a PDF never loads openpyxl, python-docx,
# numpy, the renderers, derive or the procurement engine): what is re-exported here from the
# layers below is loaded on first use (PEP 562), and heavier functions import inside.
_LAZY = {
    **{
        name: ("yusuan.api.authoring", name)
        for name in (
            "Built",
            "build",
            "build_formats",
            "derive",
            "export",
            "export_disclosure",
            "write_template",
        )
    },
    **{
        name: ("yusuan.api.places", name)
        for name in ("Shown", "finding_places", "locations_places", "render_page_png", "show_locations")
    },
    **{
        name: ("yusuan.api.purchasing", name)
        for name in ("procure_decide", "procure_search", "procure_splitting")
    },
    "disclosure_to_json": ("yusuan.model.serialize", "disclosure_to_json"),
    "Fonts": ("yusuan.render.fonts", "Fonts"),
    "choose_fonts": ("yusuan.render.fonts", "choose_fonts"),
    "procure_decision_text": ("yusuan.procurement.text", "decision_text"),
    "procure_search_text": ("yusuan.procurement.text", "search_text"),
    "procure_splitting_text": ("yusuan.procurement.text", "splitting_text"),
    "read_budget": ("yusuan.read.budget", "read_budget"),
    "report_text": ("yusuan.check.report_text", "report_text"),
    "report_to_json": ("yusuan.check.report_json", "report_to_json"),
    "summary_text": ("yusuan.render.summary", "summary_text"),
}


def __getattr__(name: str) -> Any:
    if name == "BUILD_FORMATS":
        from yusuan.api.authoring import build_formats_all

        return build_formats_all()
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _LAZY[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


__all__ = [
    "BUILD_FORMATS",
    "Built",
    "Fonts",
    "InputError",
    "Report",
    "Rule",
    "Shown",
    "build",
    "build_formats",
    "check",
    "check_disclosure",
    "check_html",
    "choose_fonts",
    "derive",
    "disclosure_to_json",
    "explain",
    "export",
    "export_disclosure",
    "finding_places",
    "locations_places",
    "parse",
    "parse_json",
    "procure_decide",
    "procure_decision_text",
    "procure_search",
    "procure_search_text",
    "procure_splitting",
    "procure_splitting_text",
    "read_budget",
    "render_page_png",
    "report_text",
    "report_to_json",
    "rules",
    "rules_markdown",
    "rules_text",
    "show_locations",
    "summary_text",
    "validate_check_options",
    "warm",
    "write_template",
]


def parse(path: str | Path, profile: str | None = None) -> Disclosure:
    """Read a published disclosure (any supported format) into a Disclosure.

    Budget data (the workbook `yusuan template` writes, or its YAML) is refused with a pointer
    to `yusuan build`: it is what a disclosure is made from, not a disclosure.
    """
    try:
        return read_document(path, profile=profile)
    except InputError as exc:
        from yusuan.read.budget.detect import is_budget_input

        if is_budget_input(path):
            raise InputError(
                str(path),
                f"{exc.problem}；这是预算录入数据，请用 yusuan build 编制公开文件"
                " / this is budget input: make the disclosure with `yusuan build`",
            ) from None
        raise


def parse_json(path: str | Path, profile: str | None = None) -> dict[str, Any]:
    """The JSON contract (docs/json-contract.md) of a published disclosure."""
    from yusuan.model.serialize import disclosure_to_json

    return disclosure_to_json(parse(path, profile=profile))


_UNIT_TYPES = {t.value: t for t in UnitType} | {t.name.lower(): t for t in UnitType}


def _unit_type(value: str | None) -> UnitType | None:
    if value is None:
        return None
    found = _UNIT_TYPES.get(value.strip().lower()) or _UNIT_TYPES.get(value.strip())
    if found is None:
        known = "、".join(t.value for t in UnitType)
        raise InputError("--unit-type", f"未知的单位类型 {value!r}（可选：{known}）/ unknown unit type")
    return found


def _split(values: Sequence[str] | None) -> list[str]:
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


def check_disclosure(
    disclosure: Disclosure,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    unit_type: str | None = None,
    previous: Disclosure | None = None,
) -> Report:
    """Run the rules (chosen by id, family name or letter) on a Disclosure.

    ``previous`` is last year's document of the same unit: the cross-year rules run against it.
    """
    chosen = validate_check_options(select, ignore)
    return run(Context(disclosure, unit_type_option=_unit_type(unit_type), previous=previous), chosen)


def check(
    path: str | Path,
    profile: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    unit_type: str | None = None,
    previous: str | Path | None = None,
) -> Report:
    """Read a published disclosure and check it (against last year's document when given)."""
    disclosure = parse(path, profile=profile)
    before = parse(previous, profile=profile) if previous is not None else None
    return check_disclosure(disclosure, select, ignore, unit_type, previous=before)


def validate_check_options(
    select: Sequence[str] | None = None, ignore: Sequence[str] | None = None, unit_type: str | None = None
) -> list[Rule]:
    """The rules chosen; InputError for an unknown rule selector or unit type, before a batch starts."""
    try:
        chosen = select_rules(_split(select), _split(ignore))
    except KeyError as exc:
        raise InputError("--select/--ignore", f"没有规则或规则族 {exc.args[0]!r} / no such rule") from exc
    _unit_type(unit_type)
    return chosen


def warm() -> None:
    """Load the rules and the reference data every document needs, once (batch workers)."""
    from yusuan.reference.narrative import load_narrative
    from yusuan.reference.profiles import load_profile, profile_ids

    all_rules()
    for profile_id in profile_ids():
        try:
            load_profile(profile_id)
            load_narrative(profile_id)
        except ReferenceError:
            continue


def input_format(path: str | Path) -> str:
    """The format a reader would take ``path`` as (pdf, docx, xlsx, html, text), after the readers'
    limits (size, ZIP members and ratios); InputError naming the file and the problem otherwise."""
    from yusuan.read.sniff import sniff

    return sniff(Path(path))[0].value


def check_html(report: Report) -> str:
    """The report as one HTML page (each finding with the rows or sentences involved)."""
    from yusuan.render.report_html import report_html

    summaries = {rule.id: f"{rule.summary} / {rule.summary_en}" for rule in all_rules()}
    families = {rule.id: "{1} / {2}".format(*FAMILIES[rule.family]) for rule in all_rules()}
    return report_html(report.disclosure, report.findings, report.not_evaluated, summaries, families)


def rules() -> list[Rule]:
    """The rule catalogue."""
    return list(all_rules())


def rules_text() -> str:
    return catalogue.rules_table()


def rules_markdown() -> str:
    """docs/rules.md as generated from the rules' docstrings."""
    return catalogue.rules_markdown()


def explain(rule_id: str) -> str:
    """A rule's documentation, or the list of a family's rules; InputError for neither."""
    rule = rule_by_id(rule_id)
    if rule is not None:
        return catalogue.explain(rule)
    family = catalogue.family_of(rule_id)
    if family is not None:
        return catalogue.explain_family(family)
    raise InputError(
        rule_id, "没有这条规则或规则族（yusuan rules 列出全部）/ no such rule or family (see yusuan rules)"
    )
