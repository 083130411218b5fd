"""The public Python surface of yusuan. The CLI is built on this alone."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yusuan.check import catalogue
from yusuan.check.context import Context
from yusuan.check.engine import FAMILIES, Report, Rule, all_rules, rule_by_id, run, select_rules
from yusuan.model import Disclosure, Location
from yusuan.model.unit_type import UnitType
from yusuan.read import InputError, read_document
from yusuan.reference.paths import ReferenceError

if TYPE_CHECKING:  # loaded on first use at run time: _LAZY and __getattr__ below
    from yusuan.check.report_json import report_to_json
    from yusuan.check.report_text import report_text
    from yusuan.model.serialize import disclosure_to_json
    from yusuan.procurement.text import decision_text as procure_decision_text
    from yusuan.procurement.text import search_text as procure_search_text
    from yusuan.procurement.text import splitting_text as procure_splitting_text
    from yusuan.read.budget import read_budget
    from yusuan.render.files import Staged
    from yusuan.render.fonts import Fonts, choose_fonts
    from yusuan.render.summary import summary_text

    BUILD_FORMATS: tuple[str, ...]

# Each command imports only what it uses (`check` on a PDF never loads openpyxl, python-docx,
# numpy, the renderers, derive or the procurement engine): what is re-exported here from the
# layers below is loaded on first use (PEP 562), and heavier functions import inside.
_LAZY = {
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
        return _build_formats_all()
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
    "check",
    "check_disclosure",
    "check_html",
    "choose_fonts",
    "derive",
    "disclosure_to_json",
    "explain",
    "export",
    "export_disclosure",
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


@dataclass(frozen=True)
class Shown:
    """One location of a finding as a person sees it: the places on the printed page (PDF only)
    and the text printed there (the row's cells, or the sentence); both empty when unplaced.
    ``page``: the PDF page the location names, when it names one that exists (shown unmarked
    when the place itself cannot be found)."""

    places: list[Any]  # read.pdf.places.Place: page (1-based) and boxes in points, top-left origin
    text: str | None
    page: int | None = None


def show_locations(path: str | Path, disclosure: Disclosure, locations: Sequence[Location]) -> list[Shown]:
    """Where each location of a finding is in the file ``disclosure`` was read from.

    For a PDF each gets its page and the boxes to highlight (read.pdf.places); for any format
    the text printed there. A location that cannot be placed gets no place.
    """
    from yusuan.read.places import place_text

    texts = [place_text(disclosure, location) for location in locations]
    if input_format(path) != "pdf":
        return [Shown([], text) for text in texts]
    from yusuan.read.pdf.places import PdfPages, locate

    with PdfPages(str(path), Path(path).read_bytes()) as pages:
        return [
            Shown(
                list(locate(pages, disclosure, location)),
                text,
                location.page if location.page is not None and 1 <= location.page <= pages.count else None,
            )
            for location, text in zip(locations, texts, strict=True)
        ]


def render_page_png(path: str | Path, page: int, scale: float) -> bytes:
    """Page ``page`` (1-based) of a PDF as a PNG at ``scale`` × 72 dpi, as displayed (crop box, rotation)."""
    import io

    from yusuan.read.limits import DEFAULT_LIMITS
    from yusuan.read.pdf.rendering import open_to_render, page_to_render

    document = open_to_render(str(path), Path(path).read_bytes(), DEFAULT_LIMITS)
    try:
        if not 1 <= page <= len(document):
            raise InputError(str(path), f"没有第 {page} 页 / no page {page}")
        handle = page_to_render(str(path), document, page - 1)
        try:
            image = handle.render(scale=scale).to_pil()
        finally:
            handle.close()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


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


# ---- procurement (docs/procurement.md) ----------------------------------------------------


def _level(value: str | None) -> str | None:
    """A purchaser level in English (county) or Chinese (县级, 县); others are kept as given."""
    if value is None:
        return None
    from yusuan.reference.procurement import LEVEL_NAMES

    text = value.strip()
    for level, name in LEVEL_NAMES.items():
        if text.lower() == level or text in (name, name.removesuffix("级")):
            return level
    return text


def procure_decide(
    *,
    amount: str,
    level: str,
    region: str,
    date: str,
    code: str | None = None,
    scheme: str | None = None,
    item: str | None = None,
    object: str | None = None,
    budget: str = "local",
    imported: bool = False,
    sme_suitable: bool | None = None,
    department_centralized: bool = False,
    sme_exemptions: tuple[str, ...] | list[str] = (),
    catalogue_exemption: str | None = None,
    catalogue_condition: bool | None = None,
) -> dict[str, Any]:
    """How a planned purchase must be bought: the decision JSON of docs/procurement.md."""
    from yusuan import procurement

    try:
        request = procurement.build_request(
            amount=amount,
            level=_level(level) or "",
            region=region,
            date=date,
            code=code,
            scheme=scheme,
            item=item,
            object=object,
            budget=budget,
            imported=imported,
            sme_suitable=sme_suitable,
            department_centralized=department_centralized,
            sme_exemptions=sme_exemptions,
            catalogue_exemption=catalogue_exemption,
            catalogue_condition=catalogue_condition,
        )
        return procurement.decide(request).to_json()
    except procurement.ProcurementInputError as exc:
        raise InputError(exc.where, exc.problem) from exc
    except ReferenceError as exc:
        raise InputError("data/procurement", str(exc)) from exc


def procure_search(name: str, limit: int = 50) -> dict[str, Any]:
    """品目 codes of both schemes for a name, a common name or a word of the notes (docs/procurement.md)."""
    from yusuan import procurement

    if not name.strip():
        raise InputError("--item", "品目名称为空 / empty item name")
    try:
        return procurement.search_items(name, limit)
    except ReferenceError as exc:
        raise InputError("data/procurement", str(exc)) from exc


def procure_splitting(path: str | Path, region: str, level: str | None = None) -> dict[str, Any]:
    """化整为零 findings over a CSV (UTF-8/GBK/UTF-16) or XLSX list of a year's purchases."""
    from yusuan import procurement
    from yusuan.read.rows import read_rows

    if not procurement.request.REGION.match(region or ""):
        raise InputError("--region", f"行政区划代码应为6位数字 / region must be 6 digits: {region!r}")
    rows = read_rows(path)  # the reader limits apply to this file too
    try:
        return procurement.check_splitting(rows, str(path), region, _level(level)).to_json()
    except procurement.ProcurementInputError as exc:
        raise InputError(exc.where, exc.problem) from exc
    except ReferenceError as exc:
        raise InputError("data/procurement", str(exc)) from exc


def export(path: str | Path, directory: str | Path, profile: str | None = None) -> list[Path]:
    """Write one CSV per table plus datapackage.json for a published disclosure."""
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), "不是目录 / not a directory: -o names the folder to write into")
    return export_disclosure(parse(path, profile=profile), folder)


def export_disclosure(disclosure: Disclosure, directory: str | Path) -> list[Path]:
    """Write one CSV per table plus datapackage.json for a Disclosure already read."""
    from yusuan.render.open_data import export_open_data

    try:
        return export_open_data(disclosure, Path(directory))
    except OSError as exc:
        raise InputError(str(directory), f"无法写入 / cannot write: {exc.strerror or exc}") from None


def write_template(
    path: str | Path, profile: str = "shanxi", fmt: str | None = None, force: bool = False
) -> Path:
    """Write the empty, self-explaining budget input: a workbook (xlsx) or YAML.

    ``fmt`` is "xlsx" or "yaml"; by default it follows the file's suffix. An existing file is
    never overwritten unless ``force``: it may be a budget someone has filled in.
    """
    path = Path(path)
    fmt = fmt or ("yaml" if path.suffix.lower() in (".yaml", ".yml") else "xlsx")
    if path.exists() and not force:
        raise InputError(
            str(path), "文件已存在，未覆盖（用 --force 覆盖）/ file exists, not overwritten (use --force)"
        )
    try:
        if fmt == "yaml":
            from yusuan.render.budget_yaml import yaml_template

            path.write_text(yaml_template(profile), encoding="utf-8")
            return path
        from yusuan.render.budget_template import write_budget_workbook

        return write_budget_workbook(path, profile)
    except ReferenceError as exc:
        raise InputError(profile, str(exc)) from None
    except OSError as exc:
        raise InputError(str(path), f"无法写入 / cannot write: {exc.strerror or exc}") from None


# ---- authoring (docs/authoring.md) -------------------------------------------------------


def _build_formats_all() -> tuple[str, ...]:
    """``BUILD_FORMATS``: the renderer's document formats and the JSON contract."""
    from yusuan.render.files import FORMATS

    return (*FORMATS, "json")


@dataclass
class Built:
    """What ``build`` did: the derived disclosure, the checker's report, the files written.

    ``readback`` lists what the written files, read back through yusuan's readers, said otherwise
    than the disclosure (cells) or the checker (findings); when it is not empty nothing was kept.
    """

    disclosure: Disclosure
    report: Report
    written: list[Path] = field(default_factory=list)
    readback: list[str] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """An error stands and no draft was asked for: nothing was written."""
        return self.report.has_errors and not self.written and not self.readback


def derive(path: str | Path) -> Disclosure:
    """Read a budget (workbook or YAML) and derive its complete disclosure."""
    from yusuan.derive import DeriveError, derive_disclosure, names_for
    from yusuan.read.budget import read_budget

    budget = read_budget(path)
    try:
        return derive_disclosure(budget, names_for(budget), budget.profile)
    except DeriveError as exc:
        raise InputError(str(path), str(exc)) from None


def build_formats(formats: Sequence[str] | None) -> list[str]:
    """The formats asked for (comma lists allowed), all of them by default; InputError for others."""
    every = _build_formats_all()
    wanted = _split(formats) or list(every)
    unknown = [f for f in wanted if f not in every]
    if unknown:
        known = ",".join(every)
        raise InputError("--format", f"不支持的格式 {','.join(unknown)}（可用：{known}）/ unknown format")
    return list(dict.fromkeys(wanted))


def _refuse_overwrite(source: Path, targets: Sequence[Path], force: bool) -> None:
    """Never write over the input; over an existing file only with ``force``."""
    for target in targets:
        if target.exists() and source.exists() and target.resolve() == source.resolve():
            raise InputError(
                str(target),
                "输出会覆盖输入文件，请换一个输出目录 / the output would overwrite the input: use another -o",
            )
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise InputError(
            existing[0], "文件已存在，未覆盖（用 --force 覆盖）/ file exists, not overwritten (use --force)"
        )


def _read_back(staged: Staged, disclosure: Disclosure, report: Report) -> list[str]:
    """Each staged document read through yusuan's readers and checked: what differs, per file."""
    from yusuan.check.readback import cell_differences, finding_differences
    from yusuan.model.serialize import disclosure_to_json

    differences = []
    for final, temporary in staged.files.items():
        if final.suffix == ".json":
            written = json.loads(temporary.read_text(encoding="utf-8"))
            if written != disclosure_to_json(disclosure):
                differences.append(f"{final.name}: JSON 与文件内容不符 / JSON differs")
            continue
        try:
            got = read_document(temporary)
        except InputError as exc:
            differences.append(f"{final.name}: 无法读回 / cannot be read back: {exc.problem}")
            continue
        found = cell_differences(disclosure, got) + finding_differences(report, check_disclosure(got))
        differences.extend(f"{final.name}: {d}" for d in found)
    return differences


def build(
    path: str | Path,
    out_dir: str | Path,
    formats: Sequence[str] | None = None,
    draft: bool = False,
    stem: str | None = None,
    force: bool = False,
    fonts: Fonts | None = None,
) -> Built:
    """Budget -> the disclosure's files, gated by the checker, written all or nothing.

    The checker runs first on the derived disclosure. While it finds an error nothing is written
    (``Built.refused``); with ``draft`` the files are written anyway, visibly marked 草稿. The
    input and existing files are never overwritten (existing ones with ``force``). Every file is
    first written under a temporary name in ``out_dir``, read back through yusuan's readers and
    checked (drafts excepted); only when each gives the same cells and findings do they all take
    their names, else nothing is kept and ``Built.readback`` says what differed.
    """
    import datetime

    from yusuan.model.serialize import disclosure_to_json
    from yusuan.render.files import stage_files

    wanted = build_formats(formats)
    source = Path(path)
    disclosure = derive(source)
    disclosure.source_file = str(path)
    report = check_disclosure(disclosure)
    built = Built(disclosure, report)
    if report.has_errors and not draft:
        return built
    name = stem or source.stem
    _refuse_overwrite(source, [Path(out_dir) / f"{name}.{f}" for f in wanted], force)
    extra = {}
    if "json" in wanted:
        contract = json.dumps(disclosure_to_json(disclosure), ensure_ascii=False, indent=2) + "\n"
        extra["json"] = contract.encode("utf-8")
    documents = [f for f in wanted if f != "json"]
    try:
        staged = stage_files(
            disclosure,
            out_dir,
            name,
            documents,
            draft=draft,
            extra=extra,
            fonts=fonts,
            issued=datetime.date.today(),
        )
        try:
            if not draft:  # a draft's 草稿 mark lies over its pages on purpose: it is not for publication
                built.readback = _read_back(staged, disclosure, report)
            if not built.readback:
                built.written = staged.commit()
        finally:
            staged.discard()
    except OSError as exc:
        raise InputError(str(out_dir), f"无法写入 / cannot write: {exc.strerror or exc}") from None
    return built
