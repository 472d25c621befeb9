"""Progress of a batch on a terminal: a bar on stderr, and output lines that leave it intact."""

from __future__ import annotations

import sys

import click

from extractor.writers.escape import printable


class Progress:
    """A progress bar when enabled (tqdm, on stderr), and the batch's output lines."""

    def __init__(self, total: int, enabled: bool, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None
        if enabled and not quiet:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: sandboxes are then forked directly
            self.bar = tqdm(total=total, unit="deck", file=sys.stderr, dynamic_ncols=True)

    def echo(self, text: str, err: bool) -> None:
        """Print one line (errors always, others unless quiet) without breaking the bar.

        Control characters are escaped: a file name cannot forge a line or colour the terminal.
        """
        if self.quiet and not err:
            return
        text = printable(text)
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr if err else sys.stdout)
        else:
            click.echo(text, err=err)

    def advance(self) -> None:
        """One more input is done."""
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        """Remove the bar."""
        if self.bar is not None:
            self.bar.close()


def on_terminal() -> bool:
    """Whether stderr is a terminal someone is watching."""
    return sys.stderr.isatty()
