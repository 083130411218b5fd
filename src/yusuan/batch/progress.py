"""A progress bar on stderr, only when stderr is a terminal (pipes and logs stay clean)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Tick = Callable[[int], None]


@contextmanager
def progress_bars(enabled: bool | None = None) -> Iterator[Callable[[int], Tick] | None]:
    """A factory of bars (``start(total) -> tick``), or None when stderr is not a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bars: list[Any] = []

    def start(total: int) -> Tick:
        bar = tqdm(total=total, unit="份", file=sys.stderr, desc="审核 / checking", leave=False)
        bars.append(bar)

        def tick(n: int) -> None:
            bar.update(n)

        return tick

    try:
        yield start
    finally:
        for bar in bars:
            bar.close()
