"""Imported once by the pool's fork server, so that every worker starts warm.

Loading the api, every rule module, the regional profiles and the code list takes most of
a one-document run; the fork server does it once and each worker is forked from it.
"""

from __future__ import annotations

import signal

from yusuan import api


def warm() -> None:
    """Load what every document needs (rules, profiles); cheap when already loaded."""
    api.warm()


def ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool in order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


warm()
