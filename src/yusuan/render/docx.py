"""DOCX with python-docx: editable Word tables with merged header cells repeated on each page.

Fonts are named, not embedded (Word substitutes what is installed): 仿宋 for text, 黑体 for
headings, 小标宋 for titles, as GB/T 9704 asks. Wide tables get a landscape section.
"""

from __future__ import annotations

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
from yusuan.render.document import Document, Heading, Paragraphs, TableBlock, build_document
from yusuan.render.grid import Grid, placed
from yusuan.render.html import DRAFT_MARK

TEXT_FONT, HEADING_FONT, TITLE_FONT = "仿宋", "黑体", "方正小标宋简体"
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


def _page_number_footer(doc: DocxDocument) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
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


def _row_flags(table: DocxTable, header_rows: int) -> None:
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        tr_pr.append(cant_split)
        if index < header_rows:
            tbl_header = OxmlElement("w:tblHeader")
            tr_pr.append(tbl_header)


def grid_docx(doc: DocxDocument, grid: Grid, width_mm: float) -> DocxTable:
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
        if cell.numeric:  # an amount never breaks over two lines
            target._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))
        if cell.indent:
            paragraph.paragraph_format.left_indent = Pt(TABLE_PT * cell.indent)
        if cell.colspan > 1 or cell.rowspan > 1:
            spans.append((target, cells[(r + cell.rowspan - 1) * n_columns + c + cell.colspan - 1]))
    for top_left, bottom_right in spans:  # the spanned cells are empty: merging keeps the text
        top_left.merge(bottom_right)
    _row_flags(table, len(grid.header))
    _cell_margins(table, Mm(1))
    return table


def _cell_margins(table: DocxTable, side: Mm) -> None:
    """Narrow left and right cell margins, so that amounts fit their columns."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(side.twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _table_block(doc: DocxDocument, block: TableBlock, first: bool) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE) if not first else doc.sections[-1]
    _page(section, block.wide, table=True)
    if block.number:
        _para(doc, block.number, font=HEADING_FONT, size=12)
    _para(doc, block.title, font=TITLE_FONT, size=TABLE_TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    if block.unit_name or block.unit:
        meta = doc.add_paragraph()
        _font(meta.add_run(block.unit_name), TEXT_FONT, 11)
        _font(meta.add_run("\t" + block.unit), TEXT_FONT, 11)
        width = (Mm(297 - 44) if block.wide else Mm(210 - 40)) - Mm(1)
        meta.paragraph_format.tab_stops.add_tab_stop(width, alignment=2)  # right-aligned tab
    grid_docx(doc, block.grid, width_mm=(297 - 44) if block.wide else (210 - 40))
    for note in block.notes:
        _para(doc, note, size=TABLE_PT)


def _chart(doc: DocxDocument, block: ChartBlock) -> None:
    """The pie as a picture, then its legend as a small editable table (colour, name, amount)."""
    doc.add_picture(io.BytesIO(chart_png(block)), width=Mm(60))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    legend = doc.add_table(rows=len(block.slices), cols=3)
    legend.alignment = WD_TABLE_ALIGNMENT.CENTER
    legend.autofit = False
    for column, width in zip(legend.columns, (Mm(6), Mm(60), Mm(30)), strict=True):
        column.width = width
    for index, piece in enumerate(block.slices):
        swatch, name, amount = legend.rows[index].cells
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), PALETTE[index % len(PALETTE)].lstrip("#"))
        swatch._tc.get_or_add_tcPr().append(shading)
        swatch.width, name.width, amount.width = Mm(6), Mm(60), Mm(30)
        _para(name.paragraphs[0], piece.label, size=TABLE_PT)
        _para(amount.paragraphs[0], piece.text + block.unit, size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, block.title, font=HEADING_FONT, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)


def document_docx(doc: Document, draft: bool = False) -> bytes:
    out = new_docx()
    _table_styles(out)
    _page(out.sections[0], landscape=False)
    _page_number_footer(out)
    if draft:
        header = out.sections[0].header.paragraphs[0]
        _font(header.add_run(DRAFT_MARK), HEADING_FONT, 26, bold=True)
    title = f"{DRAFT_MARK} {doc.title}" if draft else doc.title
    _para(out, title, font=TITLE_FONT, size=TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    after_table = False
    for block in doc.blocks:
        if isinstance(block, TableBlock):
            _table_block(out, block, first=False)
            after_table = True
            continue
        if after_table or (isinstance(block, Heading) and block.level == 1):
            _page(out.add_section(WD_SECTION.NEW_PAGE), landscape=False)
            after_table = False
        if isinstance(block, ChartBlock):
            _chart(out, block)
        elif isinstance(block, Heading):
            align = WD_ALIGN_PARAGRAPH.CENTER if block.level == 1 else None
            _para(out, block.text, font=HEADING_FONT, align=align)
        elif isinstance(block, Paragraphs):
            for line in block.lines:
                _para(out, line, indent_first=True)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def render_docx(disclosure: Disclosure, draft: bool = False) -> bytes:
    """The disclosure as DOCX bytes."""
    return document_docx(build_document(disclosure), draft=draft)
