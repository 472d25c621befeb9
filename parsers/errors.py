"""Errors a parser raises for input it cannot read, in messages safe to print on one line."""

from __future__ import annotations

import re
from pathlib import Path

# C0 and C1 control characters, DEL, and the lone surrogates that stand for undecodable bytes
# in file names: a newline would forge a log line, an escape sequence would drive the terminal.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class InputError(Exception):
    """A file that cannot be read as a deck; the message says why and what to do.

    The path and the reason are kept as printable text: control characters and undecodable
    bytes of a file name (or of a part name quoted in the reason) are escaped.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = printable(str(path))
        self.reason = printable(reason)
        super().__init__(f"{self.path}: {self.reason}")


def printable(text: str) -> str:
    """Text safe on one terminal line: control characters and undecodable bytes escaped."""
    return UNPRINTABLE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    if char in NAMED:
        return NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def first_line(err: BaseException, limit: int = 120) -> str:
    """An exception's message cut to one short line, or its type when it has none."""
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:limit]
