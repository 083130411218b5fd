"""DOCX with python-docx: editable Word tables with merged header cells repeated on each page.

The same structure as the PDF: a cover (title broken at sense, issuing unit, date) and a 目录
(a TOC field, its entries filled with the printed edition's pages; Word updates it on opening)
without page numbers, then the body with page numbers at the outside corner (odd pages right,
even pages left). Fonts are named, not embedded (Word substitutes what is installed): 仿宋 for
text, 黑体 for headings, 小标宋 for titles, as GB/T 9704 asks, or the faces asked for. Table
cells have padding and centre their text vertically; wide tables get a landscape section; a
part's title stays on the page of what follows it. The core properties name the document,
the unit as author and the time it was built.
"""

from __future__ import annotations

import datetime
import io

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from yusuan.model import Disclosure
from yusuan.render.chart import PALETTE, ChartBlock, chart_png
from yusuan.render.document import (
    CONTENTS_TITLE,
    Document,
    Heading,
    Paragraphs,
    TableBlock,
    anchor,
    build_document,
)
from yusuan.render.fonts import BODY_FACES, CONVENTIONAL_NAMES, HEADING_FACES, TITLE_FACES, Fonts
from yusuan.render.grid import Grid, placed
from yusuan.render.html import DRAFT_MARK

# GB/T 9704's faces, by the names Word knows them (fonts.py keeps them)
TEXT_FONT, HEADING_FONT, TITLE_FONT = (
    CONVENTIONAL_NAMES[faces] for faces in (BODY_FACES, HEADING_FACES, TITLE_FACES)
)
LATIN_FONT = "Times New Roman"
BODY_PT, TABLE_PT, TITLE_PT, TABLE_TITLE_PT = 16, 10.5, 22, 16


def _font(run: Run, east_asian: str, size: float, bold: bool = False) -> None:
    run.font.name = LATIN_FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    r_pr = run._element.get_or_add_rPr()
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, r_fonts)
    r_fonts.set(qn("w:eastAsia"), east_asian)


TABLE_STYLE, TABLE_HEADER_STYLE = "预算表格正文", "预算表格表头"


def _table_styles(doc: DocxDocument) -> None:
    """Paragraph styles for table cells: the font is set once, not on each of the many runs."""
    for name, east_asian in ((TABLE_STYLE, TEXT_FONT), (TABLE_HEADER_STYLE, HEADING_FONT)):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.font.name = LATIN_FONT
        style.font.size = Pt(TABLE_PT)
        r_pr = style.element.get_or_add_rPr()
        r_fonts = r_pr.find(qn("w:rFonts"))
        if r_fonts is None:
            r_fonts = OxmlElement("w:rFonts")
            r_pr.insert(0, r_fonts)
        r_fonts.set(qn("w:eastAsia"), east_asian)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)


def _para(
    doc: DocxDocument | Paragraph,
    text: str,
    font: str = TEXT_FONT,
    size: float = BODY_PT,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_first: bool = False,
    bold: bool = False,
) -> Paragraph:
    paragraph = doc.add_paragraph() if isinstance(doc, DocxDocument) else doc
    _font(paragraph.add_run(text), font, size, bold)
    if align is not None:
        paragraph.alignment = align
    if indent_first:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _page(section: object, landscape: bool, table: bool = False) -> None:
    """A4; GB/T 9704 margins for text, narrower ones on table pages (as the PDF's table pages)."""
    sec = section  # docx.section.Section
    width, height = Mm(210), Mm(297)
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    sec.page_width, sec.page_height = (height, width) if landscape else (width, height)  # type: ignore[attr-defined]
    if landscape:
        margins = (Mm(22), Mm(22), Mm(24), Mm(24))
    elif table:
        margins = (Mm(20), Mm(20), Mm(25), Mm(25))
    else:
        margins = (Mm(28), Mm(26), Mm(37), Mm(35))
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = margins  # type: ignore[attr-defined]


def _page_field(paragraph: Paragraph) -> None:
    """— PAGE — in 4号 (14 pt)."""
    _font(paragraph.add_run("— "), TEXT_FONT, 14)
    run = paragraph.add_run()
    _font(run, TEXT_FONT, 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
    _font(paragraph.add_run(" —"), TEXT_FONT, 14)


def _page_number_footers(doc: DocxDocument, section: object) -> None:
    """Page numbers from ``section`` on: odd pages at the right, even pages at the left (GB/T 9704).

    The sections before (cover, 目录) keep empty footers; later sections inherit these.
    """
    settings = doc.settings.element
    if settings.find(qn("w:evenAndOddHeaders")) is None:
        settings.append(OxmlElement("w:evenAndOddHeaders"))
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),  # type: ignore[attr-defined]
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),  # type: ignore[attr-defined]
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        paragraph.paragraph_format.left_indent = Pt(14) if align == WD_ALIGN_PARAGRAPH.LEFT else None
        paragraph.paragraph_format.right_indent = Pt(14) if align == WD_ALIGN_PARAGRAPH.RIGHT else None
        _page_field(paragraph)


def _row_flags(table: DocxTable, header_rows: int) -> None:
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        tr_pr.append(cant_split)
        if index < header_rows:
            tbl_header = OxmlElement("w:tblHeader")
            tr_pr.append(tbl_header)


def grid_docx(doc: DocxDocument, grid: Grid, width_mm: float, compact: bool = False) -> DocxTable:
    """The grid as a Word table; ``compact``: a long table set close so that it keeps to its page."""
    rows = grid.header + grid.body
    table: DocxTable = doc.add_table(rows=len(rows), cols=grid.n_columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    n_columns = grid.n_columns
    cells = table._cells  # one lookup: table.cell() recomputes the whole list on every call
    total = sum(grid.widths) or 1.0
    widths = [Mm(width_mm * w / total) for w in grid.widths] or [Mm(width_mm / n_columns)] * n_columns
    for index, column in enumerate(table.columns):
        column.width = widths[index % len(widths)]
    for index, each in enumerate(cells):  # Word and LibreOffice read the cell widths
        each.width = widths[(index % n_columns) % len(widths)]
    spans = []
    # the style id set on the XML directly: the python-docx setter looks the style up each time
    styles = {False: doc.styles[TABLE_STYLE].style_id, True: doc.styles[TABLE_HEADER_STYLE].style_id}
    for r, c, cell in placed(rows):
        target = cells[r * n_columns + c]
        paragraph = target.paragraphs[0]
        in_header = r < len(grid.header)
        paragraph._p.style = styles[in_header]
        if in_header:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif cell.numeric:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if cell.text:
            paragraph.add_run(cell.text)
        tc_pr = target._tc.get_or_add_tcPr()
        if cell.numeric:  # an amount never breaks over two lines
            tc_pr.append(OxmlElement("w:noWrap"))
        v_align = OxmlElement("w:vAlign")  # text centred between the rules, as in the PDF
        v_align.set(qn("w:val"), "center")
        tc_pr.append(v_align)
        if cell.indent:
            paragraph.paragraph_format.left_indent = Pt(TABLE_PT * cell.indent)
        if cell.colspan > 1 or cell.rowspan > 1:
            spans.append((target, cells[(r + cell.rowspan - 1) * n_columns + c + cell.colspan - 1]))
    for top_left, bottom_right in spans:  # the spanned cells are empty: merging keeps the text
        top_left.merge(bottom_right)
    _row_flags(table, len(grid.header))
    _cell_margins(table, COMPACT_MARGINS if compact else CELL_MARGINS)
    return table


CELL_MARGINS = {"top": Mm(0.6), "bottom": Mm(0.6), "left": Mm(1), "right": Mm(1)}
COMPACT_MARGINS = {"top": Mm(0), "bottom": Mm(0), "left": Mm(1), "right": Mm(1)}


def _cell_margins(table: DocxTable, sizes: dict[str, Mm]) -> None:
    """Cell padding: text clear of the rules, narrow at the sides so that amounts fit."""
    margins = OxmlElement("w:tblCellMar")
    for edge, size in sizes.items():
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(size.twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _outline(paragraph: Paragraph, level: int) -> Paragraph:
    """Mark a heading's outline level (0: part, 1: section or table): the TOC field lists these."""
    p_pr = paragraph._p.get_or_add_pPr()
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    p_pr.append(element)
    return paragraph


def _bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """A bookmark over the paragraph, named as the HTML anchor (the 目录's hyperlinks go there)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name.replace("-", "_"))
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _part_heading(doc: DocxDocument, block: Heading) -> Paragraph:
    paragraph = _para(doc, block.text, font=HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(BODY_PT)
    return _outline(paragraph, 0)


def _table_block(doc: DocxDocument, block: TableBlock, heading: Heading | None = None) -> Paragraph:
    """A table on its own page(s); a part's heading just before it is set on the same page."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, block.wide, table=True)
    if heading is not None:
        _part_heading(doc, heading)
    if block.number:
        _para(doc, block.number, font=HEADING_FONT, size=12)
    title = _para(
        doc, block.title, font=TITLE_FONT, size=TABLE_TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True
    )
    title.paragraph_format.keep_with_next = True
    if block.id != "performance":
        _outline(title, 1)
    if block.unit_name or block.unit:
        meta = doc.add_paragraph()
        _font(meta.add_run(block.unit_name), TEXT_FONT, 11)
        _font(meta.add_run("\t" + block.unit), TEXT_FONT, 11)
        width = (Mm(297 - 44) if block.wide else Mm(210 - 40)) - Mm(1)
        meta.paragraph_format.tab_stops.add_tab_stop(width, alignment=2)  # right-aligned tab
    grid_docx(doc, block.grid, width_mm=(297 - 44) if block.wide else (210 - 40), compact=block.compact)
    for note in block.notes:
        _para(doc, note, size=TABLE_PT)
    return title


def _chart(doc: DocxDocument, block: ChartBlock) -> None:
    """The pie or bars as a picture, then the legend as a small editable table (colour, name, amount)."""
    doc.add_picture(io.BytesIO(chart_png(block)), width=Mm(60))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    legend = doc.add_table(rows=len(block.slices), cols=3)
    legend.alignment = WD_TABLE_ALIGNMENT.CENTER
    legend.autofit = False
    for column, width in zip(legend.columns, (Mm(6), Mm(60), Mm(45)), strict=True):
        column.width = width
    for index, piece in enumerate(block.slices):
        swatch, name, amount = legend.rows[index].cells
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), PALETTE[index % len(PALETTE)].lstrip("#"))
        swatch._tc.get_or_add_tcPr().append(shading)
        swatch.width, name.width, amount.width = Mm(6), Mm(60), Mm(45)
        _para(name.paragraphs[0], piece.label, size=TABLE_PT)
        _para(
            amount.paragraphs[0],
            f"{piece.text}{block.unit}（{block.share(piece)}）",
            size=TABLE_PT,
            align=WD_ALIGN_PARAGRAPH.RIGHT,
        )
    _para(doc, block.title, font=HEADING_FONT, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)


def _cover(out: DocxDocument, doc: Document, draft: bool) -> None:
    """Title lines broken at sense, then the issuing unit and the date, low on the page."""
    lines = [DRAFT_MARK, *doc.title_lines()] if draft else doc.title_lines()
    for index, line in enumerate(lines):
        paragraph = _para(
            out, line, font=TITLE_FONT, size=TITLE_PT + 4, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True
        )
        if index == 0:
            paragraph.paragraph_format.space_before = Mm(55)
    for index, line in enumerate(x for x in (doc.unit, doc.issued_text()) if x):
        paragraph = _para(out, line, align=WD_ALIGN_PARAGRAPH.CENTER)
        if index == 0:
            paragraph.paragraph_format.space_before = Mm(85)


CONTENTS_FIELD = ' TOC \\o "1-2" \\h \\z \\u '
CONTENTS_PENDING = "（在 Word 中更新域以生成目录 / update the field to fill the contents）"


def _field_char(paragraph: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run = paragraph.add_run()
    run._element.append(char)


def _contents(out: DocxDocument, doc: Document) -> None:
    """The 目录 as a TOC field: Word rebuilds it (w:updateFields); its entries are filled now.

    The entries carry the printed edition's pages (doc.pages) after a dot leader, so that the
    file reads right before Word has updated the field; without them, one line says to update.
    """
    heading = _para(out, CONTENTS_TITLE, font=HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    heading.paragraph_format.page_break_before = True
    heading.paragraph_format.space_after = Pt(BODY_PT)
    width = Mm(210 - 28 - 26)
    entries = [(e, doc.pages.get(e.anchor)) for e in doc.contents()]
    entries = [(e, page) for e, page in entries if page is not None]
    first = out.add_paragraph()
    _field_char(first, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = CONTENTS_FIELD
    first.add_run()._element.append(instr)
    _field_char(first, "separate")
    if not entries:
        _font(first.add_run(CONTENTS_PENDING), TEXT_FONT, 12)
        _field_char(first, "end")
        return
    paragraph = first
    for index, (entry, page) in enumerate(entries):
        if index:
            paragraph = out.add_paragraph()
        size = BODY_PT if entry.level == 1 else 14
        _font(
            paragraph.add_run(f"{entry.text}\t{page}"), HEADING_FONT if entry.level == 1 else TEXT_FONT, size
        )
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, alignment=2, leader=1)  # right, dots
        paragraph.paragraph_format.space_after = Pt(0)
        if entry.level > 1:
            paragraph.paragraph_format.left_indent = Pt(28)
    _field_char(paragraph, "end")
    settings = out.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def _properties(out: DocxDocument, doc: Document) -> None:
    """Title, author = the unit, created and modified now (python-docx's template says 2013)."""
    props = out.core_properties
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
    props.title = doc.title
    props.author = doc.unit
    props.last_modified_by = doc.unit
    props.comments = ""
    props.subject = doc.title
    props.keywords = "预算公开"
    props.created = now
    props.modified = now
    props.revision = 1


def _faces(out: DocxDocument, fonts: Fonts) -> None:
    """Name the faces asked for (or the conventional ones) wherever a role's face is named."""
    chosen = {
        TEXT_FONT: fonts.office("body"),
        TITLE_FONT: fonts.office("title"),
        HEADING_FONT: fonts.office("heading"),
    }
    if all(face == role for role, face in chosen.items()):
        return
    parts = [out.element, out.styles.element]
    for section in out.sections:
        parts += [section.footer._element, section.even_page_footer._element, section.header._element]
    for part in parts:
        for element in part.iter(qn("w:rFonts")):
            face = element.get(qn("w:eastAsia"))
            if face in chosen:
                element.set(qn("w:eastAsia"), chosen[face])


def document_docx(doc: Document, draft: bool = False) -> bytes:
    out = new_docx()
    _table_styles(out)
    _properties(out, doc)
    _page(out.sections[0], landscape=False)
    if draft:
        header = out.sections[0].header.paragraphs[0]
        _font(header.add_run(DRAFT_MARK), HEADING_FONT, 26, bold=True)
    _cover(out, doc, draft)
    _contents(out, doc)
    numbered = False
    after_table = False
    pending: Heading | None = None  # a part heading waiting for the table it stands over
    for index, block in enumerate(doc.blocks):
        if (
            isinstance(block, Heading)
            and block.level == 1
            and isinstance(doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None, TableBlock)
        ):
            pending = block
            continue
        if isinstance(block, TableBlock):
            title = _table_block(out, block, pending)
            _bookmark(title, anchor(index, block), index)
            pending = None
            after_table = True
        else:
            if after_table or (isinstance(block, Heading) and block.level == 1):
                _page(out.add_section(WD_SECTION.NEW_PAGE), landscape=False)
                after_table = False
            if isinstance(block, ChartBlock):
                _chart(out, block)
            elif isinstance(block, Heading):
                if block.level == 1:
                    paragraph = _part_heading(out, block)
                else:
                    paragraph = _outline(_para(out, block.text, font=HEADING_FONT), 1)
                    paragraph.paragraph_format.keep_with_next = True
                _bookmark(paragraph, anchor(index, block), index)
            elif isinstance(block, Paragraphs):
                for line in block.lines:
                    _para(out, line, indent_first=True)
        if not numbered and len(out.sections) > 1:
            _page_number_footers(out, out.sections[1])
            numbered = True
    _faces(out, doc.fonts)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def render_docx(disclosure: Disclosure, draft: bool = False) -> bytes:
    """The disclosure as DOCX bytes."""
    return document_docx(build_document(disclosure), draft=draft)
