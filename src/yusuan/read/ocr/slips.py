"""What an OCR reading asks a person to look at: doubtful cells and codes that look misread.

- A table cell whose confidence is below ``OcrSettings.min_confidence`` (0 when OCR read
  nothing where the image holds ink), for figures and for the code and name columns alike.
- A classification code whose name differs from the code list's (data/codes, for the year
  the titles print; a code the list does not hold is unknown, never wrong) or
  from the name the same code carries in the document's other tables (the majority wins), and
  a 款 or 项 whose 类 or 款 is not printed in a table that prints its parents: one wrong
  digit makes a code that belongs nowhere.
- A row of a coded table with digits in its name and no code: a code column misread.

Each is a ``ReadProblem`` (kind UNREADABLE, ``what`` starting "table <id> row <code or name>");
a figure that does not parse at all is already UNREADABLE from ``read.pdf.tables``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping

from yusuan.model import CodeKind, ReadProblem, ReadProblemKind, Source, Table
from yusuan.read.ocr.settings import DEFAULT_SETTINGS, OcrSettings
from yusuan.read.pdf import PdfReading
from yusuan.read.pdf.tables import identify, profile_tables
from yusuan.reference.codes import CodeList, load_code_list, normalise_name
from yusuan.reference.profiles import Profile, load_profile

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(20\d{2})年")


def _low(confidence: float, settings: OcrSettings) -> str:
    return (
        f"OCR 置信度 {confidence:.2f}，低于 {settings.min_confidence:.2f} / "
        f"low OCR confidence {confidence:.2f} < {settings.min_confidence:.2f}"
    )


def doubtful_cells(tables: Mapping[str, Table], settings: OcrSettings) -> list[ReadProblem]:
    """Figures read with a confidence below the threshold."""
    problems: list[ReadProblem] = []
    for table in tables.values():
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=False):
                if cell.confidence is not None and cell.confidence < settings.min_confidence:
                    what = f"table {table.id} row {row.code or row.name} column {column.key}: "
                    problems.append(
                        ReadProblem(
                            ReadProblemKind.UNREADABLE,
                            what + _low(cell.confidence, settings),
                            cell.text,
                            cell.source,
                        )
                    )
    return problems


def doubtful_labels(reading: PdfReading, profile: Profile, settings: OcrSettings) -> list[ReadProblem]:
    """Code and name cells (the columns left of the figures) read with a low confidence."""
    problems: list[ReadProblem] = []
    for raw in reading.tables:
        spec = identify(raw, profile)
        if spec is None:
            continue
        if spec.layout == "side_by_side":
            a = sum(1 for c in spec.columns if c.side == "income")
            labels = [0, 1 + a]
        elif spec.layout == "record":
            labels = []
        else:
            labels = list(range(spec.code_columns + 1))
        for row in raw.body:
            if row.confidence is None:
                continue
            for index in labels:
                score = row.confidence[index] if index < len(row.confidence) else None
                if score is not None and score < settings.min_confidence:
                    name = "".join(row.cells[index].split())
                    what = f"table {spec.id} row {name or '?'} label column {index + 1}: "
                    source = Source(reading.file, row.page, None, tuple(round(v, 2) for v in row.bbox))  # type: ignore[arg-type]
                    problems.append(
                        ReadProblem(
                            ReadProblemKind.UNREADABLE, what + _low(score, settings), row.cells[index], source
                        )
                    )
    return problems


def code_slips(
    tables: Mapping[str, Table],
    code_names: Mapping[str, Mapping[str, str]] | None = None,
    pages: Collection[int] | None = None,
) -> list[ReadProblem]:
    """Codes whose name or place does not fit: see the module's docstring.

    ``code_names`` gives, per table id, the code list's names of that table's codes (功能分类
    or 经济分类); a code the list does not hold is unknown, never wrong. With ``pages``, only
    rows printed on those pages (the OCR'd ones) are looked at: a text page's code is exact, and
    a document that names a code two ways is the checker's finding, not a misread.
    """
    problems: list[ReadProblem] = []
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for table in tables.values():
        for row in table.rows:
            if row.code:
                names[row.code][row.name] += 1
    for table in tables.values():
        official = (code_names or {}).get(table.id, {})
        codes = {row.code for row in table.rows if row.code}
        has_top_level = any(len(code) == 3 for code in codes)  # the table prints its 类 rows
        for row in table.rows:
            if pages is not None and (row.source is None or row.source.page not in pages):
                continue
            where = f"table {table.id} row {row.code or row.name}"
            if row.code is None:
                if table.rows and any(r.code for r in table.rows) and _DIGIT.search(row.name):
                    problems.append(
                        ReadProblem(
                            ReadProblemKind.UNREADABLE,
                            f"{where}: 编码列疑似识别错误 / code columns look misread",
                            row.name,
                            row.source,
                        )
                    )
                continue
            code = row.code
            known = official.get(code)
            common, count = names[code].most_common(1)[0]
            if known is not None and normalise_name(known) != normalise_name(row.name):
                reason = f"编码 {code} 应为“{known}” / code {code} is {known!r} in the code list"
            elif row.name != common and count > names[code][row.name]:
                reason = f"编码 {code} 在其他表中为“{common}” / code {code} is {common!r} in the other tables"
            elif len(code) in (5, 7) and has_top_level and code[:-2] not in codes:
                reason = f"编码 {code} 的上级 {code[:-2]} 未列出 / parent {code[:-2]} not printed"
            else:
                continue
            problems.append(
                ReadProblem(ReadProblemKind.UNREADABLE, f"{where}: {reason}", row.name, row.source)
            )
    return problems


def _year(tables: Mapping[str, Table]) -> int | None:
    """The budget year printed in the tables' titles ("2025年部门收支预算总表")."""
    for table in tables.values():
        found = _YEAR.search(table.title)
        if found:
            return int(found.group(1))
    return None


def _code_names(
    tables: Mapping[str, Table], profile: Profile, codes: CodeList
) -> dict[str, Mapping[str, str]]:
    """Per table id, the code list's names for the kind of code the table prints."""
    out: dict[str, Mapping[str, str]] = {}
    for table_id in tables:
        spec = profile.table(table_id)
        kind = CodeKind.ECONOMIC if spec is not None and spec.layout == "economic" else CodeKind.FUNCTIONAL
        out[table_id] = codes.names.get(kind, {})
    return out


def ocr_problems(
    reading: PdfReading,
    settings: OcrSettings = DEFAULT_SETTINGS,
    codes: CodeList | None = None,
) -> list[ReadProblem]:
    """Everything in an OCR reading's profile tables that a person should check against the image.

    ``codes`` is the classification code list; by default the one of the year the titles print
    (``reference.codes.load_code_list``).
    """
    if reading.profile is None:
        return []
    ocr_pages = {layout.number for layout in reading.layouts if layout.ocr}
    if not ocr_pages:
        return []  # a text reading is exact: nothing was guessed
    profile = load_profile(reading.profile)
    tables, _problems = profile_tables(reading.tables, profile, reading.file)
    if codes is None:
        codes = load_code_list(_year(tables))
    return [
        *doubtful_cells(tables, settings),
        *doubtful_labels(reading, profile, settings),
        *code_slips(tables, _code_names(tables, profile, codes), ocr_pages),
    ]
