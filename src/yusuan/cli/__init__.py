"""yusuan 命令行 / command line. Built on yusuan.api only.

The arguments are yusuan.cli.parser's and what each command does is yusuan.cli.commands'; here
is the run: one command's parser, its outcome as an exit code (never a traceback), the end.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from yusuan import api, process
from yusuan.batch import options as batch_options
from yusuan.cli.commands import EXIT_CODES, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from yusuan.cli.parser import COMMANDS, build_parser

__all__ = ["EXIT_CODES", "EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "build_parser", "main", "run"]


def _utf8_streams() -> None:
    """Chinese output must not crash on a terminal or pipe with a narrow encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; it runs at the collector's pace for commands (yusuan.process), the
    previous pace restored on return."""
    return _main(argv)[0]


# Commands that write to stdout and stderr only: when one of them (one document, not a batch)
# has returned, run() may end the process at once (yusuan.process.end)
_ENDS_AT_ONCE = ("check", "parse", "rules", "explain")


def run() -> NoReturn:
    """The process's entry (the `yusuan` script, ``python -m yusuan``): main(), then the exit."""
    code, args = _main(None)
    if args.command in _ENDS_AT_ONCE:
        if getattr(args, "file", None) is None or not batch_options.wanted(args):
            process.end(code)
    sys.exit(code)


def _main(argv: Sequence[str] | None) -> tuple[int, argparse.Namespace]:
    thresholds = process.pace_collector()
    try:
        return _command(argv)
    finally:
        gc.set_threshold(*thresholds)


def _command(argv: Sequence[str] | None) -> tuple[int, argparse.Namespace]:
    _utf8_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    args, extra = parser.parse_known_args(argv)
    if extra:  # the command's own usage, not the top-level one
        args.parser.error(f"无法识别的参数 / unrecognized arguments: {' '.join(extra)}")
    return _outcome(args), args


def _outcome(args: argparse.Namespace) -> int:
    try:
        code: int = args.func(args)
        return code
    except api.InputError as exc:
        print(f"yusuan: 错误 / error: {exc}", file=sys.stderr)
        if getattr(args, "json", False) and exc.diagnosis is not None:  # what was found, for tools
            json.dump(exc.diagnosis, sys.stdout, ensure_ascii=False, indent=2)
            print()
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a defect of yusuan: one line, never a traceback (YUSUAN_DEBUG=1 shows it)
        if os.environ.get("YUSUAN_DEBUG"):
            raise
        where = getattr(args, "file", None) or getattr(args, "input", None) or args.command
        print(
            f"yusuan: 内部错误 / internal error: {where}: {type(exc).__name__}: {exc}"
            "（请报告此问题 / please report it; YUSUAN_DEBUG=1 shows the traceback）",
            file=sys.stderr,
        )
        return EXIT_INPUT
