"""The batch options of ``check`` / ``parse`` / ``export`` and whether a command line is a batch.

Apart from the batch itself (yusuan.batch.command) so that building the command line and
telling one file from a batch load nothing else: a ``check`` of one file never imports the
batch's jobs, pool or runner.
"""

from __future__ import annotations

import argparse
from pathlib import Path

_BATCH_OPTIONS = ("jobs", "summary", "store", "previous", "scheduler")


def add_options(parser: argparse.ArgumentParser, command: str) -> None:
    """The batch options of one subcommand (check gets them all, parse and export fewer)."""
    parser.add_argument("more", nargs="*", metavar="PATH", help="更多文件或文件夹 / more files or folders")
    parser.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="并行进程数（默认全部核心）/ worker processes (default: all cores)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="在 Dask 集群上运行 / run the batch on a Dask distributed cluster",
    )
    if command != "check":
        return
    parser.add_argument(
        "--summary",
        metavar="FILE",
        help="汇总表：.xlsx、.csv 或 .html（每份文件一行）/ summary, one row per document",
    )
    parser.add_argument(
        "--store",
        metavar="URL",
        help="结果库：SQLite 文件路径或 PostgreSQL 地址；重跑只审核新的或改过的文件"
        " / results store: a SQLite path or a database URL; reruns skip unchanged documents",
    )
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="同一单位上年的公开文件：运行跨年度核对 / last year's document: run the cross-year rules",
    )


def wanted(args: argparse.Namespace) -> bool:
    """Is this a batch: several inputs, a folder, or a batch-only option?"""
    if getattr(args, "more", None) or Path(args.file).is_dir():
        return True
    return any(getattr(args, name, None) is not None for name in _BATCH_OPTIONS)
