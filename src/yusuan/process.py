"""The `yusuan` process around the command line: the collector's pace, and ending at once.

A command is a short process that allocates much and frees nearly all of it by reference
counting. The cyclic collector's default pace (a pass every 700 new containers) made ~70
passes over a one-file `check` (~10 ms) that found little: the command runs with a pass every
YOUNG_OBJECTS new containers, which still bounds what waits to be freed (a few MB).

When a command has written all it writes to stdout and stderr, the interpreter's own exit
would still tear down every module and object, ~20 ms of a one-file `check`: ``end`` flushes
the streams, runs the exit handlers (atexit) as the ordinary exit does, and ends the process
at once. With another thread still running it takes the ordinary exit, which waits for it.
Neither changes what a command computes or prints, nor its exit code.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
from typing import NoReturn

YOUNG_OBJECTS = 100_000


def pace_collector() -> tuple[int, ...]:
    """Set the command's collector pace; returns the previous thresholds (for gc.set_threshold)."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, *before[1:])
    return before


def end(code: int) -> NoReturn:
    """Exit with ``code`` without the interpreter's teardown (see the module's docstring)."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # a closed pipe, say: the ordinary exit reports it as it always did
        sys.exit(code)
    atexit._run_exitfuncs()  # what the ordinary exit runs before its teardown
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)
