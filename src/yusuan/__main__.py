"""``python -m yusuan``: the command line."""

from yusuan import process

process.pace_collector()  # before the imports too: they allocate much and free little

from yusuan.cli import run  # noqa: E402  (after the collector's pace is set)

run()
