"""Errors a parser raises for input it cannot read."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file that cannot be read as a deck; the message says why and what to do."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def first_line(err: BaseException, limit: int = 120) -> str:
    """An exception's message cut to one short line, or its type when it has none."""
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:limit]
