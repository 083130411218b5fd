"""budget.yaml -> records, every value addressed by its key path and line.

The YAML is composed, never constructed: no tag can build a Python object, and scalars keep
the text the user wrote ("146.90" stays exact; no float ever stands between). Anchors and
aliases are refused outright (an alias bomb expands a few lines into billions of nodes), the
file's size is capped, and only the plain YAML tags are accepted.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from yusuan.read.budget import layout as L
from yusuan.read.budget.values import Entry, Problems, Record
from yusuan.read.errors import InputError

MAX_YAML_BYTES = 5 * 1024 * 1024
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL = "tag:yaml.org,2002:null"


class _AliasRefused(Exception):
    def __init__(self, line: int, anchor: str) -> None:
        super().__init__(line, anchor)
        self.line = line
        self.anchor = anchor


class _NoAliasLoader(yaml.SafeLoader):
    """A loader that composes nodes and refuses any alias (*name or <<: *name)."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):  # type: ignore[no-untyped-call]
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _AliasRefused(event.start_mark.line + 1, str(getattr(event, "anchor", "")))
        return super().compose_node(parent, index)


def read_yaml_records(path: str, data: bytes, problems: Problems) -> dict[str, list[Record]]:
    if len(data) > MAX_YAML_BYTES:
        raise InputError(path, f"文件过大（{len(data)} 字节）/ file too large ({len(data)} bytes)")
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "不是 UTF-8 文本 / not UTF-8 text") from None
    try:
        root = yaml.compose(source, Loader=_NoAliasLoader)  # composes only: nothing is constructed
    except _AliasRefused as exc:
        raise InputError(
            path,
            f"第{exc.line}行：不接受 YAML 别名 *{exc.anchor}，请直接写出内容 / "
            f"line {exc.line}: aliases are refused",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"第{mark.line + 1}行 / line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise InputError(path, f"{line}YAML 格式错误 / malformed YAML: {problem}") from None
    if root is None:
        raise InputError(path, "文件是空的 YAML / the YAML document is empty")
    _check_tags(path, root)
    if not isinstance(root, MappingNode):
        raise InputError(path, "顶层应为映射（facts: … items: …）/ the top level must be a mapping")
    sheets = {s.key: s for s in L.SHEETS}
    records: dict[str, list[Record]] = {}
    for key_node, value in root.value:
        key = str(key_node.value)
        sheet = sheets.get(key)
        if sheet is None:
            problems.add(_where(key, key_node), f"未知的键“{key}”", f"unknown key {key!r}")
            continue
        if sheet.form is L.SheetForm.PAIRS:
            records[key] = [_pairs(sheet, key, value, problems)]
        elif key == "divisions":
            records[key] = _divisions(value, problems)
        elif key == "projects":
            records[key] = _projects(value, problems, records)
        else:
            records.setdefault(key, []).extend(_rows(sheet, key, value, problems))
    return records


def _check_tags(path: str, node: Node) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag not in _PLAIN_TAGS:
            line = current.start_mark.line + 1
            raise InputError(
                path, f"第{line}行：不接受标签 {current.tag} / line {line}: tag {current.tag} refused"
            )
        if isinstance(current, SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, MappingNode):
            for k, v in current.value:
                stack.extend((k, v))


def _where(path: str, node: Node) -> str:
    line = node.start_mark.line + 1
    return f"{path}（第{line}行 / line {line}）"


def _scalar(node: Node, path: str, problems: Problems) -> Entry:
    if isinstance(node, ScalarNode):
        return Entry(None if node.tag == _NULL else str(node.value), _where(path, node))
    problems.add(_where(path, node), "应为单个值", "a single value is expected here")
    return Entry(None, _where(path, node))


def _mapping(node: Node, path: str, problems: Problems) -> list[tuple[str, Node]]:
    if isinstance(node, ScalarNode) and node.tag == _NULL:
        return []
    if not isinstance(node, MappingNode):
        problems.add(_where(path, node), "应为映射（键: 值）", "a mapping (key: value) is expected here")
        return []
    return [(str(k.value), v) for k, v in node.value]


def _sequence(node: Node, path: str, problems: Problems) -> list[Node]:
    if isinstance(node, ScalarNode) and node.tag == _NULL:
        return []
    if not isinstance(node, SequenceNode):
        problems.add(_where(path, node), "应为列表（- …）", "a list (- …) is expected here")
        return []
    return list(node.value)


def _record(
    sheet: L.SheetSpec, path: str, node: Node, problems: Problems, skip: tuple[str, ...] = ()
) -> Record:
    record = Record(_where(path, node))
    known = {f.key for f in sheet.fields}
    for key, value in _mapping(node, path, problems):
        if key in skip:
            continue
        if key not in known:
            problems.add(_where(f"{path}.{key}", value), f"未知的键“{key}”", f"unknown key {key!r}")
            continue
        record.entries[key] = _scalar(value, f"{path}.{key}", problems)
    return record


def _pairs(sheet: L.SheetSpec, key: str, node: Node, problems: Problems) -> Record:
    return _record(sheet, key, node, problems)


def _rows(sheet: L.SheetSpec, key: str, node: Node, problems: Problems) -> list[Record]:
    rows = []
    for index, item in enumerate(_sequence(node, key, problems)):
        path = f"{key}[{index}]"
        if isinstance(item, ScalarNode) and len(sheet.fields) == 1:  # duties: a list of plain strings
            record = Record(_where(path, item))
            record.entries[sheet.fields[0].key] = _scalar(item, path, problems)
            rows.append(record)
        else:
            rows.append(_record(sheet, path, item, problems))
    return rows


def _divisions(node: Node, problems: Problems) -> list[Record]:
    """divisions: [{name: 办公室, duties: [...]}] -> one record per duty, as in the workbook."""
    rows = []
    for index, item in enumerate(_sequence(node, "divisions", problems)):
        path = f"divisions[{index}]"
        name = Entry(None, _where(path, item))
        duties: list[Node] = []
        for key, value in _mapping(item, path, problems):
            if key == "name":
                name = _scalar(value, f"{path}.name", problems)
            elif key == "duties":
                duties = _sequence(value, f"{path}.duties", problems)
            else:
                problems.add(_where(f"{path}.{key}", value), f"未知的键“{key}”", f"unknown key {key!r}")
        for number, duty in enumerate(duties or [None]):
            record = Record(_where(path, item), {"name": name})
            if duty is not None:
                record.entries["duty"] = _scalar(duty, f"{path}.duties[{number}]", problems)
            rows.append(record)
    return rows


def _projects(node: Node, problems: Problems, records: dict[str, list[Record]]) -> list[Record]:
    """projects: each may hold its indicators, which become records of the indicators sheet."""
    rows = []
    for index, item in enumerate(_sequence(node, "projects", problems)):
        path = f"projects[{index}]"
        record = _record(L.PROJECTS, path, item, problems, skip=("indicators",))
        rows.append(record)
        for key, value in _mapping(item, path, problems) if isinstance(item, MappingNode) else []:
            if key != "indicators":
                continue
            for number, indicator in enumerate(_sequence(value, f"{path}.indicators", problems)):
                entry = _record(
                    L.INDICATORS, f"{path}.indicators[{number}]", indicator, problems, skip=("project",)
                )
                entry.entries["project"] = record.get("name")
                records.setdefault("indicators", []).append(entry)
    return rows
