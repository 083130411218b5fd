"""yusuan 命令行 / command line. Built on yusuan.api only."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from yusuan import api

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _cmd_parse(args: argparse.Namespace) -> int:
    disclosure = api.parse(args.file, profile=args.profile)
    if args.json:
        json.dump(api.disclosure_to_json(disclosure), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(api.summary_text(disclosure))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    report = api.check(
        args.file, profile=args.profile, select=args.select, ignore=args.ignore, unit_type=args.unit_type
    )
    if args.html:
        try:
            with open(args.html, "w", encoding="utf-8") as out:
                out.write(api.check_html(report))
        except OSError as exc:
            raise api.InputError(args.html, f"无法写入报告 / cannot write: {exc.strerror}") from exc
    if args.json:
        json.dump(api.report_to_json(report), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(api.report_text(report, args.file, show_info=args.info))
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    sys.stdout.write(api.rules_markdown() if args.markdown else api.rules_text())
    return EXIT_OK


def _cmd_explain(args: argparse.Namespace) -> int:
    sys.stdout.write(api.explain(args.rule))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    written = api.export(args.file, args.to, profile=args.profile)
    for path in written:
        print(path)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yusuan",
        description="预算公开：读取、审核、编制 / Chinese budget disclosure: read, check, author.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="读取公开文件并显示摘要 / read a disclosure and summarise it")
    p.add_argument("file", help="公开文件（文本、PDF…）/ the disclosure file")
    p.add_argument("--json", action="store_true", help="输出 JSON / print the JSON contract")
    p.add_argument("--profile", help="指定地区模板 / force a regional profile (e.g. shanxi)")
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser(
        "check",
        help="审核公开文件：表内、表间、文字与报表、绩效目标… / check a disclosure",
        description="退出码 exit code: 0 无错误 no errors, 1 有错误 errors, 2 无法读取 unreadable input.",
    )
    p.add_argument("file", help="公开文件 / the disclosure file")
    p.add_argument("--json", action="store_true", help="输出 JSON / print the JSON report")
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
        help="单位类型：行政、参公、事业（默认据科目推断）/ unit type",
    )
    p.add_argument("--info", action="store_true", help="也显示提示级（四舍五入等）/ also show info findings")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("rules", help="列出全部审核规则 / list the check rules")
    p.add_argument("--markdown", action="store_true", help="输出 docs/rules.md / Markdown catalogue")
    p.set_defaults(func=_cmd_rules)

    p = sub.add_parser("explain", help="说明一条规则 / explain a rule")
    p.add_argument("rule", help="规则编号，如 A101 / rule id, e.g. A101")
    p.set_defaults(func=_cmd_explain)

    p = sub.add_parser(
        "export", help="导出开放数据（CSV + datapackage.json）/ export CSV per table + datapackage.json"
    )
    p.add_argument("file", help="公开文件 / the disclosure file")
    p.add_argument("--to", required=True, metavar="DIR", help="输出目录 / output directory")
    p.add_argument("--profile", help="指定地区模板 / force a regional profile")
    p.set_defaults(func=_cmd_export)
    return parser


def _utf8_streams() -> None:
    """Chinese output must not crash on a terminal or pipe with a narrow encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except api.InputError as exc:
        print(f"yusuan: 错误 / error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
