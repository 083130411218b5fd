"""One accessible HTML page of a Disclosure: real tables with <thead>, merged headers, lang=zh-CN.

The same page, printed by WeasyPrint, is the PDF (render.pdf). Text is escaped; nothing is
computed: cells show the text the Disclosure holds.
"""

from __future__ import annotations

from html import escape

from yusuan.model import Disclosure
from yusuan.render.chart import ChartBlock, chart_svg
from yusuan.render.document import (
    CONTENTS_TITLE,
    Document,
    Heading,
    Paragraphs,
    TableBlock,
    anchor,
)
from yusuan.render.grid import Grid, GridCell
from yusuan.render.style import css

DRAFT_MARK = "草稿"


def _attrs(cell: GridCell) -> str:
    out = ""
    if cell.colspan > 1:
        out += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        out += f' rowspan="{cell.rowspan}"'
    return out


def _header_cell(cell: GridCell) -> str:
    scope = "colgroup" if cell.colspan > 1 else "col"
    return f'<th scope="{scope}"{_attrs(cell)}>{escape(cell.text)}</th>'


def _body_cell(cell: GridCell) -> str:
    classes = []
    if cell.numeric:
        classes.append("num")
    if cell.indent:
        classes.append(f"i{min(cell.indent, 2)}")
    cls = f' class="{" ".join(classes)}"' if classes else ""
    if cell.row_header:
        return f'<th scope="row"{cls}{_attrs(cell)}>{escape(cell.text)}</th>'
    return f"<td{cls}{_attrs(cell)}>{escape(cell.text)}</td>"


def grid_html(grid: Grid, labelled_by: str = "") -> str:
    """A <table>; ``labelled_by`` is the id of the heading that names it (its accessible name)."""
    total = sum(grid.widths) or 1.0
    cols = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in grid.widths)
    parts = [f'<table aria-labelledby="{labelled_by}">' if labelled_by else "<table>"]
    if cols:
        parts.append(f"<colgroup>{cols}</colgroup>")
    if grid.header:
        parts.append("<thead>")
        parts += ["<tr>" + "".join(_header_cell(c) for c in row) + "</tr>" for row in grid.header]
        parts.append("</thead>")
    parts.append("<tbody>")
    parts += ["<tr>" + "".join(_body_cell(c) for c in row) + "</tr>" for row in grid.body]
    parts.append("</tbody></table>")
    return "\n".join(parts)


LONG_TITLE = 22  # characters beyond which an 18 pt title does not fit an A4 portrait line


def _table_block(block: TableBlock, index: int) -> str:
    classes = "table-block wide" if block.wide else "table-block"
    if block.id == "performance":
        classes += " sheet"
    if block.compact:
        classes += " compact"
    name = anchor(index, block)
    out = [f'<section class="{classes}" id="{name}">']
    if block.number:
        out.append(f'<p class="number">{escape(block.number)}</p>')
    # A title is printed on one line as the template prints it (a wrapped title reads as two lines).
    title_class = "title long" if len(block.title) > LONG_TITLE else "title"
    out.append(f'<h3 class="{title_class}" id="{name}-title">{escape(block.title)}</h3>')
    if block.unit_name or block.unit:
        out.append(
            f'<div class="meta"><span class="unit-name">{escape(block.unit_name)}</span>'
            f'<span class="unit">{escape(block.unit)}</span></div>'
        )
    out.append(grid_html(block.grid, labelled_by=f"{name}-title"))
    out += [f'<p class="note">{escape(note)}</p>' for note in block.notes]
    out.append("</section>")
    return "\n".join(out)


def _metadata(doc: Document) -> str:
    """Author (the unit) and date: the web page's metadata, and the PDF's (WeasyPrint reads them)."""
    out = f'<meta name="author" content="{escape(doc.unit)}">\n' if doc.unit else ""
    if doc.issued is not None:
        out += f'<meta name="dcterms.created" content="{doc.issued.isoformat()}">\n'
    return out


def _cover(doc: Document, draft: bool) -> str:
    """The cover: the title in lines broken at sense, the issuing unit and the date."""
    lines = doc.title_lines()
    if draft:
        lines = [DRAFT_MARK, *lines]
    title = "".join(f"<span>{escape(line)}</span>" for line in lines)
    out = [f'<header class="cover"><h1>{title}</h1>']
    if doc.unit:
        out.append(f'<p class="issuer">{escape(doc.unit)}</p>')
    if doc.issued is not None:
        out.append(f'<p class="issued">{escape(doc.issued_text())}</p>')
    out.append("</header>")
    return "\n".join(out)


def _contents(doc: Document) -> str:
    """The 目录: each part, section and table linked, with its page in the printed edition.

    A two-column table (entry, page), so that a reader sees each entry end in its page number.
    The PDF computes its numbers itself (target-counter in the second column); the web page
    prints those the PDF layout gave (doc.pages), which the print style hides.
    """
    rows = []
    for entry in doc.contents():
        page = doc.pages.get(entry.anchor)
        link = f'<a href="#{entry.anchor}">{escape(entry.text)}</a>'
        printed = f"<span>{page}</span>" if page is not None else ""
        counted = f'<a href="#{entry.anchor}" aria-hidden="true"></a>'
        rows.append(
            f'<tr class="l{entry.level}"><td>{link}</td><td class="page">{counted}{printed}</td></tr>'
        )
    return (
        '<nav class="contents" aria-labelledby="contents-title">'
        f'<h2 id="contents-title">{CONTENTS_TITLE}</h2>'
        f'<table class="contents">{"".join(rows)}</table></nav>'
    )


def document_html(doc: Document, draft: bool = False) -> str:
    title = f"{DRAFT_MARK} {doc.title}" if draft else doc.title
    body: list[str] = []
    if draft:
        body.append(f'<div class="draft-mark" aria-hidden="true">{DRAFT_MARK}</div>')
    body.append(_cover(doc, draft))
    body.append(_contents(doc))
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            name = anchor(index, block)
            if block.level == 1:
                body.append(f'<h2 class="part-{escape(block.part)}" id="{name}">{escape(block.text)}</h2>')
            else:
                body.append(f'<h3 id="{name}">{escape(block.text)}</h3>')
        elif isinstance(block, Paragraphs):
            body += [f"<p>{escape(line)}</p>" for line in block.lines]
        elif isinstance(block, TableBlock):
            body.append(_table_block(block, index))
        elif isinstance(block, ChartBlock):
            caption = f"<figcaption>{escape(block.title)}</figcaption>"
            body.append(f'<figure class="chart">{chart_svg(block, doc.fonts.css("body"))}{caption}</figure>')
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        + _metadata(doc)
        + f"<title>{escape(title)}</title>\n<style>{css(doc.fonts)}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def render_html(disclosure: Disclosure, draft: bool = False) -> str:
    """The disclosure as one HTML page (a string, UTF-8 when written), its 目录 with printed pages:
    the page ``yusuan build`` writes (render.files lays it out with the PDF's pagination)."""
    from yusuan.render.files import render_bytes  # render.files imports this module

    return render_bytes(disclosure, "html", draft).decode("utf-8")
