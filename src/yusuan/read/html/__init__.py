"""Reader for web pages (HTML): headings, paragraphs and tables in document order, as Lines.

The page is decoded by its byte-order mark, else its declared charset (<meta charset>; GB2312
and GBK are read as their superset GB18030), else UTF-8, else GB18030; parsed with the
standard library's html.parser into a bounded tree (read.html.tree); and walked in order
(read.html.lines).
"""

from __future__ import annotations

import codecs
import re

from yusuan.model import Disclosure, Source
from yusuan.read.assemble import assemble
from yusuan.read.document_title import facts_from_title
from yusuan.read.errors import InputError
from yusuan.read.html.lines import inline_text, tree_lines
from yusuan.read.html.tree import Node, parse_html
from yusuan.read.limits import DEFAULT_LIMITS, Deadline, Limits, SizeTally
from yusuan.read.lines import Line

__all__ = ["decode_html", "html_lines", "read_html"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def decode_html(path: str, data: bytes) -> str:
    """The page's text, decoded as it declares (see the module documentation)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(path, f"HTML 编码错误（{encoding}）/ bad {encoding} in the page") from None
    candidates = []
    declared = _CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            candidates.append(codecs.lookup(_SUPERSET.get(name, name)).name)
        except LookupError:
            pass
    candidates += ["utf-8", "gb18030"]
    for encoding in dict.fromkeys(candidates):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(path, "无法识别 HTML 的字符编码 / cannot tell the page's character encoding")


def _title(root: Node) -> Node | None:
    """The page's <title> element (the first one), if any."""
    stack: list[Node | str] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, Node):
            if item.tag == "title":
                return item
            stack.extend(reversed(item.children))
    return None


def _page(path: str, data: bytes, limits: Limits) -> tuple[list[Line], Node | None]:
    deadline = Deadline(path, limits)
    root = parse_html(path, decode_html(path, data), limits, deadline)
    return tree_lines(path, root, SizeTally(path, limits), deadline), _title(root)


def html_lines(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Line]:
    """The Lines of the page ``data``."""
    return _page(path, data, limits)[0]


def read_html(
    path: str, data: bytes, profile: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Disclosure:
    """Read the HTML page ``data`` into a Disclosure (facts from its <title> if no line prints them)."""
    lines, title = _page(path, data, limits)
    disclosure = assemble(lines, path, profile=profile)
    if title is not None:
        facts_from_title(
            disclosure, inline_text(title), Source(file=path, line=title.line, locator="<title>")
        )
    return disclosure
