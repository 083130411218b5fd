"""HTML text -> a small element tree (stdlib html.parser), bounded in depth and size.

Portal pages are rarely well-formed: the tree builder applies the implied end tags that
matter for tables and paragraphs (a new <td> closes the open one, a new <tr> closes the open
row, a block closes an open <p>) and ignores end tags that close nothing. Nesting deeper than
the limit, or more nodes than the limit, is refused with an InputError.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from yusuan.read.errors import InputError
from yusuan.read.limits import Deadline, Limits

VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound frame"
    " keygen".split()
)
_CELL = frozenset({"td", "th"})
_SECTION = frozenset({"thead", "tbody", "tfoot"})
_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer"
    " form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul li".split()
)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self, path: str, limits: Limits, deadline: Deadline) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.limits = limits
        self.deadline = deadline
        self.root = Node("#document", {}, 1)
        self.stack: list[Node] = [self.root]
        self.count = 0

    def _grow(self) -> None:
        self.count += 1
        if self.count % 4096 == 0:
            self.deadline.check()
        if self.count > self.limits.max_html_nodes:
            raise InputError(
                self.path,
                f"HTML 节点过多（上限 {self.limits.max_html_nodes}）"
                f"/ too many HTML nodes (limit {self.limits.max_html_nodes})",
            )

    def _pop_to(self, tags: frozenset[str], boundary: frozenset[str]) -> None:
        """Close the innermost open element in ``tags`` unless a ``boundary`` element comes first."""
        for depth in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[depth].tag
            if tag in tags:
                del self.stack[depth:]
                return
            if tag in boundary:
                return

    def _implied_ends(self, tag: str) -> None:
        if tag in _CELL:
            self._pop_to(_CELL, frozenset({"tr", "table"}))
        elif tag == "tr":
            self._pop_to(frozenset({"tr"}), frozenset({"table"} | _SECTION))
        elif tag in _SECTION:
            self._pop_to(_SECTION, frozenset({"table"}))
        elif tag == "li":
            self._pop_to(frozenset({"li"}), frozenset({"ul", "ol", "table"} | _CELL))
        if tag in _CLOSES_P:
            self._pop_to(frozenset({"p"}), frozenset({"table", "div", "body"} | _CELL))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._grow()
        self._implied_ends(tag)
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag in VOID:
            return
        self.stack.append(node)
        if len(self.stack) > self.limits.max_html_depth:
            raise InputError(
                self.path,
                f"HTML 嵌套过深（超过 {self.limits.max_html_depth} 层）"
                f"/ HTML nested deeper than {self.limits.max_html_depth} levels",
            )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._grow()
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._grow()
        self.stack[-1].children.append(data)


def parse_html(path: str, text: str, limits: Limits, deadline: Deadline) -> Node:
    """The element tree of ``text``; InputError beyond the limits."""
    builder = _TreeBuilder(path, limits, deadline)
    # After the last ">" no markup can end: html.parser would search to the end of the page for
    # each "<" there (quadratic on "<![CDATA[x" or "<?x" repeated); it is text, as written.
    last = text.rfind(">")
    builder.feed(text[: last + 1] + text[last + 1 :].replace("<", "&lt;"))
    builder.close()
    return builder.root
