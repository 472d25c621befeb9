"""Progress of a batch on a terminal: a bar on stderr, and log lines that leave it intact."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

import click

from extractor.writers.escape import printable


class Progress:
    """A progress bar when enabled (tqdm, on stderr), and the batch's log lines (on stderr)."""

    def __init__(
        self, total: int, enabled: bool, quiet: bool, say: Callable[[str], None] | None = None
    ) -> None:
        self.quiet = quiet
        self.say = say or (lambda text: click.echo(text, err=True))
        self.bar = None
        if enabled and not quiet:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: sandboxes are then forked directly
            self.bar = tqdm(total=total, unit="deck", file=sys.stderr, dynamic_ncols=True)

    def echo(self, text: str, err: bool) -> None:
        """Print one log line (errors always, others unless quiet) without breaking the bar.

        Control characters are escaped: a file name cannot forge a line or colour the terminal.
        """
        if self.quiet and not err:
            return
        text = printable(text)
        if self.bar is None:
            self.say(text)
            return
        with contextlib.suppress(OSError):  # a terminal that went away stops the log, not the run
            self.bar.write(text, file=sys.stderr)

    def advance(self) -> None:
        """One more input is done."""
        if self.bar is not None:
            with contextlib.suppress(OSError):
                self.bar.update(1)

    def close(self) -> None:
        """Remove the bar."""
        if self.bar is not None:
            with contextlib.suppress(OSError):
                self.bar.close()


def on_terminal() -> bool:
    """Whether stderr is a terminal someone is watching."""
    return sys.stderr.isatty()
