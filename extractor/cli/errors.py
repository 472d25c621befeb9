"""The one error type of the command line: one line naming the file and what is wrong."""

from __future__ import annotations

from typing import IO, Any

import click

from extractor.cli.streams import log
from extractor.writers.escape import printable

EXIT_INPUT_ERROR = 2


def error_line(path: str, reason: str | None = None) -> str:
    """The error line of a file: "actionplan: error: FILE: reason", control characters escaped."""
    line = f"actionplan: error: {path}: {reason}" if reason else f"actionplan: error: {path}"
    return printable(line)


class CommandError(click.ClickException):
    """Stops a command with one error line on stderr and exit code 2."""

    exit_code = EXIT_INPUT_ERROR

    def __init__(self, path: str, reason: str | None = None) -> None:
        super().__init__(f"{path}: {reason}" if reason else path)
        self.path, self.reason = path, reason

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the error line (click would print "Error: ...")."""
        if file is None:
            log(error_line(self.path, self.reason))
        else:
            click.echo(error_line(self.path, self.reason), file=file)
