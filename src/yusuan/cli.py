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


def _cmd_export(args: argparse.Namespace) -> int:
    written = api.export(args.file, args.to, profile=args.profile)
    for path in written:
        print(path)
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    print(api.write_template(args.output, profile=args.profile, fmt=args.format, force=args.force))
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
        "export", help="导出开放数据（CSV + datapackage.json）/ export CSV per table + datapackage.json"
    )
    p.add_argument("file", help="公开文件 / the disclosure file")
    p.add_argument("--to", required=True, metavar="DIR", help="输出目录 / output directory")
    p.add_argument("--profile", help="指定地区模板 / force a regional profile")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser(
        "template",
        help="写出空白预算录入表（工作簿或 YAML）/ write the empty budget input (workbook or YAML)",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="输出文件 / output file")
    p.add_argument("--profile", default="shanxi", help="地区模板（默认 shanxi）/ regional profile")
    p.add_argument(
        "--format", choices=["xlsx", "yaml"], help="格式，默认按文件后缀 / format, by default from the suffix"
    )
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")
    p.set_defaults(func=_cmd_template)
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
