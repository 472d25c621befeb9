"""The local pool of worker processes of a batch with more than one worker.

Apart from run.py so that a one-worker batch, which runs in-process, does not import the
process pool machinery.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import ProcessPoolExecutor

from extractor.batch.sandbox import die_with_parent, process_context
from extractor.batch.signals import leave_signals_to_parent


def local_pool(workers: int) -> LocalPool:
    """A pool of worker processes that die with the batch."""
    return LocalPool(workers, process_context(), initializer=init_worker)


def init_worker() -> None:
    """A pool worker dies with the batch and leaves Ctrl-C and SIGTERM to it."""
    die_with_parent()
    leave_signals_to_parent()


class LocalPool(ProcessPoolExecutor):
    """The local pool of worker processes, which an interrupted batch can stop at once."""

    def kill_workers(self) -> None:
        """Kill every worker process (their sandboxes die with them)."""
        for process in list((getattr(self, "_processes", None) or {}).values()):
            with contextlib.suppress(OSError, ValueError):
                process.kill()
