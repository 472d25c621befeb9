"""SIGINT and SIGTERM during a batch: stop promptly, record what finished, exit 128 + signal.

The command's own process turns either signal into Interrupted, which unwinds the batch so
that its manifest is written; worker and sandbox processes leave both signals to it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """The batch was stopped by a signal; exit_code is 128 + its number (130, 143)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.name = signal.Signals(signum).name
        self.exit_code = 128 + signum


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT or SIGTERM raises Interrupted once; later ones are ignored.

    Only the main thread can handle signals: elsewhere the block changes nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in SIGNALS}

    def stop(signum: int, frame: object) -> None:
        for each in SIGNALS:  # the clean-up that follows (manifest, store) must not be cut short
            signal.signal(each, signal.SIG_IGN)
        raise Interrupted(signum)

    for signum in SIGNALS:
        signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def leave_signals_to_parent() -> None:
    """In a worker or sandbox process: ignore Ctrl-C (the parent stops it) and die on SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
