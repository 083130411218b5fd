"""A readable plain-text summary of a Disclosure: what `yusuan parse` prints.

Document facts, each table with its rows, the sections found, the performance sheets,
the statements, and — last and never hidden — what could not be read.
"""

from __future__ import annotations

from yusuan.model import Disclosure, Source, Table

_KIND = {"budget": "预算", "final_accounts": "决算"}
_SCOPE = {"unit": "单位", "department": "部门"}
_SIDE = {"income": "收", "expenditure": "支"}


def _line_of(source: Source | None) -> str:
    return f" (行 / line {source.line})" if source is not None and source.line is not None else ""


def _cell_text(value: str | None) -> str:
    return value if value is not None else "-"


def _table_lines(table: Table) -> list[str]:
    number = f"{table.number} " if table.number else ""
    header = " | ".join(column.label for column in table.columns)
    lines = [f"  [{table.id}] {number}{table.title}（{table.unit.value}，{len(table.rows)} 行 / rows）"]
    lines.append(f"      编码 名称 | {header}")
    for row in table.rows:
        side = f"[{_SIDE[row.side]}] " if row.side in _SIDE else ""
        code = f"{row.code} " if row.code else ""
        cells = " | ".join(_cell_text(cell.normalised) for cell in row.cells)
        labels = "".join(f" ({value})" for value in row.labels.values() if value)
        lines.append(f"      {side}{code}{row.name}{labels} | {cells}")
    for note in table.notes:
        lines.append(f"      注 / note: {note}")
    if table.is_empty:
        lines.append("      （空表 / empty table）")
    return lines


def summary_text(disclosure: Disclosure) -> str:
    facts = disclosure.facts
    lines = [
        f"文件 / file: {disclosure.source_file}",
        f"单位 / unit: {facts.unit}",
        f"年度 / year: {facts.year if facts.year is not None else '未识别 / not found'}",
        f"类型 / kind: {_KIND.get(facts.kind.value, facts.kind.value)} ({facts.kind.value})  "
        f"范围 / scope: {_SCOPE.get(facts.scope.value, facts.scope.value)} ({facts.scope.value})",
        f"模板 / profile: {facts.profile}  金额单位 / currency unit: {facts.currency_unit.value}",
        "",
        f"表格 / tables: {len(disclosure.tables)}",
    ]
    for table in disclosure.tables.values():
        lines.extend(_table_lines(table))
    lines.append("")
    lines.append(f"说明章节 / sections: {len(disclosure.sections)}")
    for section in disclosure.sections:
        where = _line_of(section.source)
        lines.append(f"  [{section.id}] {section.part} · {section.title}{where} — {len(section.text)} 字")
    lines.append("")
    lines.append(f"绩效目标表 / performance sheets: {len(disclosure.performance_targets)}")
    for target in disclosure.performance_targets:
        amount = target.amount_yuan.normalised() + "元" if target.amount_yuan else "未识别 / unreadable"
        lines.append(
            f"  {target.project} — 主管部门 {target.department or '?'}；实施单位 "
            f"{target.implementing_unit or '?'}；实施期资金 {amount}；指标 {len(target.indicators)} 条"
        )
    if disclosure.procurement is not None:
        p = disclosure.procurement
        parts = [
            ("总额", p.total),
            ("货物", p.goods),
            ("工程", p.works),
            ("服务", p.services),
        ]
        text = "，".join(f"{label} {a if a is not None else '-'}" for label, a in parts)
        lines.append(f"政府采购 / procurement: {text}")
    if disclosure.assets is not None:
        vehicles = "，".join(f"{k} {v}" for k, v in disclosure.assets.vehicles.items())
        lines.append(f"国有资产 / assets: 车辆 {vehicles or '-'}")
    lines.append(f"名词解释 / glossary: {len(disclosure.glossary)} 条 / entries")
    for attachment in disclosure.attachments:
        where = _line_of(attachment.source)
        lines.append(f"附件 / attachment: {attachment.title}{where}")
    lines.append("")
    if disclosure.problems:
        lines.append(f"未能读取 / could not be read: {len(disclosure.problems)}")
        for problem in disclosure.problems:
            where = f"{problem.source} " if problem.source else ""
            lines.append(f"  {where}{problem.what}: {problem.text!r}")
    else:
        lines.append("未能读取 / could not be read: 无 / none")
    return "\n".join(lines) + "\n"
