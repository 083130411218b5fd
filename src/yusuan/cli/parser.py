"""The command line's arguments: every command, or (for a run) the one command given."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from yusuan.batch import options as batch_options
from yusuan.cli import commands
from yusuan.cli.commands import EXIT_CODES

if TYPE_CHECKING:
    _SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; given ``command``, the top level with that one command only (what a run
    of that command parses: the others' arguments, and serve's imports, are not built)."""
    parser = argparse.ArgumentParser(
        prog="yusuan",
        description="预算公开：读取、审核、编制 / Chinese budget disclosure: read, check, author.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="显示版本 / show the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, add in COMMANDS.items():
        if command is None or name == command:
            add(sub)
    for each in sub.choices.values():  # every command: its exit codes, its own usage on errors
        each.epilog = EXIT_CODES
        each.set_defaults(parser=each)
    return parser


def _add_parse(sub: _SubParsers) -> None:
    p = sub.add_parser("parse", help="读取公开文件并显示摘要 / read a disclosure and summarise it")
    p.add_argument("file", help="公开文件或文件夹（可多个）/ disclosure files or folders")
    p.add_argument("--json", action="store_true", help="输出 JSON / print the JSON contract")
    p.add_argument("--profile", help="指定地区模板 / force a regional profile (e.g. shanxi)")
    batch_options.add_options(p, "parse")
    p.set_defaults(func=commands.cmd_parse)


def _add_procure(sub: _SubParsers) -> None:
    q = sub.add_parser(
        "procure",
        help="政府采购：采购方式判断、品目查询、化整为零检查"
        " / procurement: decide, search items, splitting check",
    )
    q.add_argument("--code", help="品目编码 / 品目 code, e.g. A02010104")
    q.add_argument("--scheme", choices=["2013", "2022"], help="品目编码体系 / code scheme")
    q.add_argument("--item", help="品目名称（单独使用时为查询）/ item name (alone: search both schemes)")
    q.add_argument("--object", choices=["goods", "works", "services"], help="货物/工程/服务 / object")
    q.add_argument("--amount", help="预算金额（元；也可写“35万元”）/ amount in yuan")
    q.add_argument(
        "--level", help="采购人级次 省级|设区的市级|县级 / purchaser level province|prefecture|county"
    )
    q.add_argument("--region", help="行政区划代码（6位）/ 6-digit region code, e.g. 140602")
    q.add_argument("--date", help="采购活动开始日期 YYYY-MM-DD / start date")
    q.add_argument("--budget", choices=["local", "central"], default="local", help="地方或中央预算 / budget")
    q.add_argument("--imported", action="store_true", help="采购进口产品 / imported product")
    q.add_argument(
        "--sme-suitable",
        type=commands.yes_no,
        default=None,
        help="是否适宜由中小企业提供 yes|no / suits SMEs",
    )
    q.add_argument(
        "--department-centralized",
        action="store_true",
        help="品目属本部门集中采购品目 / the item is on the department's centralised list",
    )
    q.add_argument(
        "--sme-exemption",
        action="append",
        metavar="KEY",
        help="财库〔2020〕46号第六条不预留情形（可多次）non_enterprise|sole_supplier|competition|"
        "framework_agreement|provincial / a 第六条 exemption from SME reservation",
    )
    q.add_argument(
        "--catalogue-exemption",
        metavar="KEY",
        help="目录表注的例外，如 research_instruments 高校科研仪器、"
        "security_public_service 国家安全或公共服务 / a catalogue exemption (山西 表注3)",
    )
    q.add_argument(
        "--catalogue-condition",
        type=commands.yes_no,
        default=None,
        help="目录品目的限定条件是否满足 yes|no（如“限不锈钢”）/ whether the entry's condition holds",
    )
    q.add_argument(
        "--purchases", help="全年采购清单 CSV/XLSX：化整为零检查 / a year's purchases: splitting check"
    )
    q.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    q.set_defaults(func=commands.cmd_procure)


def _add_check(sub: _SubParsers) -> None:
    p = sub.add_parser(
        "check",
        help="审核公开文件：表内、表间、文字与报表、绩效目标… / check a disclosure",
        description="退出码 exit code: 0 无错误 no errors, 1 有错误 errors, 2 无法读取 unreadable input.",
    )
    p.add_argument("file", help="公开文件或文件夹（可多个）/ disclosure files or folders")
    p.add_argument(
        "--json", action="store_true", help="输出 JSON（多份时每行一份）/ JSON (JSON Lines for many)"
    )
    p.add_argument("--html", metavar="OUT", help="写出 HTML 报告 / write an HTML report to OUT")
    p.add_argument(
        "--select",
        action="append",
        metavar="IDS",
        help="只运行这些规则（编号、族名或字母）/ run only these",
    )
    p.add_argument("--ignore", action="append", metavar="IDS", help="不运行这些规则 / skip these rules")
    p.add_argument("--profile", help="指定地区模板 / force a regional profile (e.g. shanxi)")
    p.add_argument(
        "--unit-type",
        help="单位类型：行政、参公、事业（默认据科目推断）/ unit type: administrative,"
        " civil_service_managed, public_institution (inferred from the codes by default)",
    )
    p.add_argument("--info", action="store_true", help="也显示提示级（四舍五入等）/ also show info findings")
    batch_options.add_options(p, "check")
    p.set_defaults(func=commands.cmd_check)


def _add_rules(sub: _SubParsers) -> None:
    p = sub.add_parser("rules", help="列出全部审核规则 / list the check rules")
    p.add_argument("--markdown", action="store_true", help="输出 docs/rules.md / Markdown catalogue")
    p.set_defaults(func=commands.cmd_rules)


def _add_explain(sub: _SubParsers) -> None:
    p = sub.add_parser("explain", help="说明一条规则或一族规则 / explain a rule or a family")
    p.add_argument("rule", help="规则编号或规则族，如 A101、arithmetic、A / rule id or family")
    p.set_defaults(func=commands.cmd_explain)


def _add_export(sub: _SubParsers) -> None:
    p = sub.add_parser(
        "export", help="导出开放数据（CSV + datapackage.json）/ export CSV per table + datapackage.json"
    )
    p.add_argument("file", help="公开文件或文件夹（可多个）/ disclosure files or folders")
    _output_option(p, "DIR", "输出目录 / output directory", "--to")
    p.add_argument("--profile", help="指定地区模板 / force a regional profile")
    batch_options.add_options(p, "export")
    p.set_defaults(func=commands.cmd_export)


def _add_template(sub: _SubParsers) -> None:
    p = sub.add_parser(
        "template",
        help="写出空白预算录入表（工作簿或 YAML）/ write the empty budget input (workbook or YAML)",
    )
    _output_option(p, "FILE", "输出文件 / output file")
    p.add_argument("--profile", default="shanxi", help="地区模板（默认 shanxi）/ regional profile")
    p.add_argument(
        "--format", choices=["xlsx", "yaml"], help="格式，默认按文件后缀 / format, by default from the suffix"
    )
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")
    p.set_defaults(func=commands.cmd_template)


def _add_build(sub: _SubParsers) -> None:
    p = sub.add_parser(
        "build",
        help="由预算数据编制完整的公开文件（先审核）/ build the complete disclosure from budget data",
        description="先审核：有错误时不写任何文件，列出问题，退出码 1；--draft 仍写出标明“草稿”的文件。"
        " / The checker runs first: while an error stands nothing is written and the findings are"
        " printed (exit 1); --draft writes documents marked 草稿 anyway. Exit 2: unreadable input.",
    )
    p.add_argument("input", help="预算录入工作簿（.xlsx）或 YAML / the budget workbook or YAML")
    _output_option(p, "DIR", "输出目录 / output directory")
    p.add_argument(
        "--format",
        action="append",
        metavar="FORMATS",
        help="输出格式，逗号分隔：pdf,docx,xlsx,html,json（默认全部）/ formats, comma-separated (all)",
    )
    p.add_argument("--draft", action="store_true", help="有错误也写出，标明草稿 / write a draft marked 草稿")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite existing files")
    p.add_argument("--quiet", action="store_true", help="不显示警告 / do not show warnings")
    p.add_argument("--info", action="store_true", help="也显示提示级审核结果 / also show info findings")
    p.add_argument(
        "--font-body",
        metavar="FACE",
        help="正文字体（默认仿宋，未安装时用 Noto Serif CJK SC；"
        "也可在 pyproject.toml [tool.yusuan] font-body 设置）/ body typeface",
    )
    p.add_argument(
        "--font-title",
        metavar="FACE",
        help="标题字体（默认方正小标宋简体；[tool.yusuan] font-title）/ title typeface",
    )
    p.set_defaults(func=commands.cmd_build)


def _add_serve(sub: _SubParsers) -> None:
    from yusuan.serve import command as serve

    serve.add_serve_parser(sub)


def _add_user(sub: _SubParsers) -> None:
    from yusuan.serve import command as serve

    serve.add_user_parser(sub)


COMMANDS: dict[str, Callable[[_SubParsers], None]] = {
    "parse": _add_parse,
    "procure": _add_procure,
    "check": _add_check,
    "rules": _add_rules,
    "explain": _add_explain,
    "export": _add_export,
    "template": _add_template,
    "build": _add_build,
    "serve": _add_serve,
    "user": _add_user,
}


def _output_option(p: argparse.ArgumentParser, metavar: str, text: str, *aliases: str) -> None:
    """The one spelling of where a command writes: -o/--output (older spellings kept as aliases)."""
    p.add_argument("-o", "--output", *aliases, dest="output", required=True, metavar=metavar, help=text)


class _Version(argparse.Action):
    """--version, looked up only when asked (importlib.metadata costs every other run 40 ms)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"yusuan {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("yusuan")
    except PackageNotFoundError:
        from yusuan import __version__

        return __version__
