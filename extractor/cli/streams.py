"""The commands' output: data on stdout, logs on stderr; a reader that went away stops neither.

When the reader of a pipe closes it (`actionplan diff ... | head -1`), printing stops quietly
on that stream, as sqlite-utils and csv-diff do: the work goes on, what it writes to disk and
its exit code are the same as with nobody reading.
"""

from __future__ import annotations

import os
import sys
from typing import IO

import click

_CLOSED: set[str] = set()


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Print text on stdout (err: stderr); nothing more on a stream whose reader has gone."""
    name = "stderr" if err else "stdout"
    if name in _CLOSED:
        return
    try:
        click.echo(text, err=err, nl=nl)
    except BrokenPipeError:
        _CLOSED.add(name)
        silence(sys.stderr if err else sys.stdout)


def log(text: str) -> None:
    """Print one line of the log (what a command did, errors) on stderr."""
    say(text, err=True)


def closed(err: bool = False) -> bool:
    """Whether the reader of stdout (err: stderr) has gone."""
    return ("stderr" if err else "stdout") in _CLOSED


def silence(stream: IO[str]) -> None:
    """Point a stream whose pipe is closed at /dev/null, so that its last flush cannot fail."""
    try:
        target = stream.fileno()
    except (OSError, ValueError):  # a stream without a descriptor (click's test runner)
        return
    descriptor = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(descriptor, target)
    finally:
        os.close(descriptor)
