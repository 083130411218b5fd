from __future__ import annotations

import io
import sys

import pytest

from yusuan.batch.progress import progress_bars


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    with progress_bars() as bars:  # pytest captures stderr: not a terminal
        assert bars is None


def test_bar_counts_documents_on_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    with progress_bars(enabled=True) as bars:
        assert bars is not None
        tick = bars(3)
        for _ in range(3):
            tick(1)
    shown = err.getvalue()
    assert "审核 / checking" in shown and "/3" in shown
