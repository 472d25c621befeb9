"""Run the actionplan command, SIGKILLing it right after its N-th file write or SQL batch.

Usage: python kill_at.py file|sql N ARGS...  (a harness for the tests, not part of the tool)
"""

from __future__ import annotations

import os
import pathlib
import signal
import sqlite3
import sys

KIND, COUNT = sys.argv[1], int(sys.argv[2])
calls = 0


def tick() -> None:
    global calls
    calls += 1
    if calls == COUNT:
        os.kill(os.getpid(), signal.SIGKILL)


if KIND == "file":
    write_text = pathlib.Path.write_text

    def counted_write_text(self, *args, **kwargs):
        written = write_text(self, *args, **kwargs)
        tick()
        return written

    pathlib.Path.write_text = counted_write_text
else:

    class CountedConnection(sqlite3.Connection):
        def executemany(self, *args):
            cursor = super().executemany(*args)
            tick()
            return cursor

    connect = sqlite3.connect
    sqlite3.connect = lambda *args, **kwargs: connect(*args, factory=CountedConnection, **kwargs)

from extractor.cli.main import main  # noqa: E402 - after the hooks are in place

main(sys.argv[3:])
