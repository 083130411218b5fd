"""``python -m yusuan``: the command line."""

import gc
import sys

gc.set_threshold(100_000)  # before the imports too: see yusuan.cli.YOUNG_OBJECTS

from yusuan.cli import main  # noqa: E402  (after the collector's pace is set)

sys.exit(main())
