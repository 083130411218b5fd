"""``python -m yusuan.cli``: the same as ``python -m yusuan``."""

from yusuan import process

process.pace_collector()

from yusuan.cli import run  # noqa: E402  (after the collector's pace is set)

run()
