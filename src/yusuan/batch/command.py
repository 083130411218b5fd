"""The batch side of ``yusuan check`` / ``parse`` / ``export``: options, output, exit code.

cli.py adds these options and hands over when a command is given several inputs, a folder,
or an option only a batch has; one plain file keeps the single-document path of cli.py.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yusuan import __version__, api
from yusuan.batch.jobs import Options, Outcome
from yusuan.batch.progress import progress_bars

if TYPE_CHECKING:  # the pool (multiprocessing) and the runner (the store: SQLAlchemy, Alembic) load
    # only when a batch runs: a command given one file never pays for them
    from yusuan.batch.pool import Executor
    from yusuan.batch.runner import BatchResult


def _many(args: argparse.Namespace) -> bool:
    return bool(args.more) or Path(args.file).is_dir()


def _executor(args: argparse.Namespace) -> Executor:
    from yusuan.batch.pool import default_jobs, local_executor

    if args.scheduler:
        from yusuan.batch.cluster import DaskExecutor

        return DaskExecutor(args.scheduler)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise api.InputError("--jobs", f"应为正整数 / must be at least 1: {jobs}")
    return local_executor(jobs)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _run(args: argparse.Namespace, options: Options, **kwargs: Any) -> BatchResult:
    """Run the batch; Ctrl-C or SIGTERM stops the workers and abandons what they were doing."""
    from yusuan.batch.runner import run_batch

    executor = _executor(args)
    previous_term = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with progress_bars() as bars:
            result = run_batch([args.file, *args.more], options, executor, progress=bars, **kwargs)
    except KeyboardInterrupt:
        executor.close(cancel=True)
        print(
            "yusuan: 已中断，未完成的文件未输出 / interrupted: unfinished documents not printed",
            file=sys.stderr,
        )
        raise
    except BaseException:
        executor.close(cancel=True)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous_term)
    executor.close()
    if not result.outcomes:
        where = " ".join([args.file, *args.more])
        raise api.InputError(
            where,
            f"没有找到公开文件（跳过 {len(result.skipped)} 个其他文件）"
            f" / no disclosure found ({len(result.skipped)} other files skipped)",
        )
    return result


def _print(outcome: Outcome, as_json: bool, many: bool) -> None:
    if as_json:
        line = outcome.json_line()
        if many:
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        elif outcome.data is not None:
            sys.stdout.write(json.dumps(line, ensure_ascii=False, indent=2) + "\n")
    elif outcome.data is not None:
        sys.stdout.write(outcome.text)
    if outcome.data is None:
        print(f"yusuan: 错误 / error: {outcome.error}", file=sys.stderr)


def _tail(result: BatchResult) -> None:
    docs = len(result.outcomes)
    errors = sum(1 for o in result.outcomes if o.has_errors)
    unreadable = sum(1 for o in result.outcomes if o.data is None)
    print(
        f"共 {docs} 份：{errors} 份有错误，{unreadable} 份无法读取；本次审核 {result.ran} 份，"
        f"其余取自结果库；跨年度配对 {result.pairs} 份；跳过非公开文件 {len(result.skipped)} 个"
        f" / {docs} documents: {errors} with errors, {unreadable} unreadable; {result.ran} checked now,"
        f" the rest from the store; {result.pairs} paired with last year;"
        f" {len(result.skipped)} files skipped",
        file=sys.stderr,
    )


def check(args: argparse.Namespace) -> int:
    many = _many(args)
    if args.html and many:
        raise api.InputError("--html", "多份文件请用 --summary 汇总.html / for many documents use --summary")
    api.validate_check_options(args.select, args.ignore, args.unit_type)
    options = Options(
        "check",
        args.profile,
        tuple(args.select or ()),
        tuple(args.ignore or ()),
        args.unit_type,
        args.info,
    )
    summary = Path(args.summary) if args.summary else None
    if summary is not None:
        from yusuan.batch.summary_files import check_summary_path

        check_summary_path(summary)
    store = None
    if args.store:
        from yusuan.store import open_store
        from yusuan.store.db import StoreError

        try:
            store = open_store(args.store, __version__)
        except StoreError as exc:
            raise api.InputError("--store", str(exc)) from None
    if args.previous and many:
        raise api.InputError("--previous", "只能与一份文件同用 / goes with one document only")
    result = _run(
        args,
        options,
        store=store,
        want_text=not args.json,
        want_html=bool(args.html) or (summary is not None and summary.suffix.lower() == ".html"),
        previous=args.previous,
    )
    for outcome in result.outcomes:
        _print(outcome, args.json, many)
        if args.html and outcome.data is not None:
            try:
                Path(args.html).write_text(outcome.html, encoding="utf-8")
            except OSError as exc:
                raise api.InputError(args.html, f"无法写入报告 / cannot write: {exc.strerror}") from exc
    if summary is not None:
        from yusuan.batch.summary_files import write_summary

        write_summary(summary, result.outcomes)
    if many:
        _tail(result)
    return result.exit_code


def parse(args: argparse.Namespace) -> int:
    result = _run(args, Options("parse", args.profile), want_text=not args.json, cross_year=False)
    many = _many(args)
    for outcome in result.outcomes:
        _print(outcome, args.json, many)
    return 2 if any(o.data is None for o in result.outcomes) else 0


def export(args: argparse.Namespace) -> int:
    from yusuan.batch.panel import write_exports

    options = Options("export", args.profile)
    result = _run(args, options, cross_year=False, out_dir=args.output)
    written = write_exports(result.outcomes, Path(args.output))
    for path in written:
        print(path)
    for outcome in result.outcomes:
        if outcome.data is None:
            print(f"yusuan: 错误 / error: {outcome.error}", file=sys.stderr)
    return 2 if any(o.data is None for o in result.outcomes) else 0
