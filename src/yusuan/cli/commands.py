"""What each command of the command line does, given its parsed arguments (yusuan.cli.parser
builds them). Built on yusuan.api only."""

from __future__ import annotations

import argparse
import json
import sys

from yusuan import api
from yusuan.batch import options as batch_options

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
EXIT_CODES = (
    "退出码 exit codes: 0 完成 done (check/build: 无错误 no errors); 1 发现错误 errors found;"
    " 2 无法完成：输入有误、无法读取或无法写入 could not run: bad, unreadable or unwritable input."
)


def cmd_parse(args: argparse.Namespace) -> int:
    if batch_options.wanted(args):
        from yusuan.batch import command as batch

        return batch.parse(args)
    disclosure = api.parse(args.file, profile=args.profile)
    if args.json:
        json.dump(api.disclosure_to_json(disclosure), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(api.summary_text(disclosure))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    if batch_options.wanted(args):
        from yusuan.batch import command as batch

        return batch.check(args)
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


def cmd_rules(args: argparse.Namespace) -> int:
    sys.stdout.write(api.rules_markdown() if args.markdown else api.rules_text())
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    sys.stdout.write(api.explain(args.rule))
    return EXIT_OK


def cmd_procure(args: argparse.Namespace) -> int:
    if args.purchases:
        result = api.procure_splitting(args.purchases, args.region or "", args.level)
        text = api.procure_splitting_text(result)
    elif args.code is None and args.item and args.amount is None:
        result = api.procure_search(args.item)
        text = api.procure_search_text(result)
    else:
        missing = [f"--{n}" for n in ("amount", "level", "region", "date") if getattr(args, n) is None]
        if missing:
            raise api.InputError("procure", f"缺少参数 / missing: {' '.join(missing)}")
        result = api.procure_decide(
            code=args.code,
            scheme=args.scheme,
            item=args.item,
            object=args.object,
            amount=args.amount,
            level=args.level,
            region=args.region,
            date=args.date,
            budget=args.budget,
            imported=args.imported,
            sme_suitable=args.sme_suitable,
            department_centralized=args.department_centralized,
            sme_exemptions=args.sme_exemption or (),
            catalogue_exemption=args.catalogue_exemption,
            catalogue_condition=args.catalogue_condition,
        )
        text = api.procure_decision_text(result)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def yes_no(text: str) -> bool:
    if text in ("yes", "true", "是"):
        return True
    if text in ("no", "false", "否"):
        return False
    raise argparse.ArgumentTypeError(f"应为 yes 或 no / expected yes or no: {text!r}")


def cmd_export(args: argparse.Namespace) -> int:
    if batch_options.wanted(args):
        from yusuan.batch import command as batch

        return batch.export(args)
    written = api.export(args.file, args.output, profile=args.profile)
    for path in written:
        print(path)
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    print(api.write_template(args.output, profile=args.profile, fmt=args.format, force=args.force))
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    fonts = api.choose_fonts(body=args.font_body, title=args.font_title)
    if not args.quiet:
        for warning in fonts.warnings:
            print(f"警告 / warning: {warning}", file=sys.stderr)
    built = api.build(
        args.input, args.output, formats=args.format, draft=args.draft, force=args.force, fonts=fonts
    )
    if built.report.has_errors or args.info or (built.report.findings and not args.quiet):
        sys.stdout.write(api.report_text(built.report, args.input, show_info=args.info))
    if built.refused:
        print("有错误，未写出任何文件（--draft 可写出草稿）/ errors stand: nothing written")
        return EXIT_FINDINGS
    if built.readback:
        print("写出的文件读回后与预算不符，未保留任何文件 / the files read back otherwise: nothing kept")
        for difference in built.readback:
            print(f"  {difference}")
        return EXIT_FINDINGS
    for path in built.written:
        print(path)
    return EXIT_FINDINGS if built.report.has_errors else EXIT_OK
