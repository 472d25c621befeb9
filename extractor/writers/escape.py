"""Text made safe for where it is shown: spreadsheet cells, web pages and terminal lines.

Control characters (C0 but tab and newline, DEL, C1) and unpaired surrogates (the bytes of a
file name that is not UTF-8) are written as visible escapes such as `\\x1b`; a CSV cell that a
spreadsheet would run as a formula gets a leading `'` (OWASP's advice for CSV exports).
"""

from __future__ import annotations

import re

# Surrogates U+DC80-U+DCFF stand for the undecodable bytes 0x80-0xFF of a file name.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# On one line of output, tab and newline are escaped too, and so are the bidirectional
# overrides and isolates that would make a file name read backwards.
LINE_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# A leading quote is part of the pattern so that escaping can be undone: "'=1" is "''=1".
FORMULA = re.compile("'*[=+\\-@\t\r]")
ESCAPED_FORMULA = re.compile("'+[=+\\-@\t\r]")


def visible_controls(text: str) -> str:
    """Text with control characters (but tab and newline) written as escapes: ESC -> \\x1b."""
    return CONTROL.sub(_escape, text)


def printable(text: str) -> str:
    """One terminal line: every control character, newline and tab included, escaped."""
    return LINE_CONTROL.sub(_escape, text)


def csv_cell(text: str) -> str:
    """A CSV cell: controls escaped, and a leading ' when a spreadsheet would read a formula."""
    text = visible_controls(text)
    return "'" + text if FORMULA.match(text) else text


def csv_value(cell: str) -> str:
    """The value a CSV cell written by csv_cell stands for: its formula guard removed."""
    return cell[1:] if ESCAPED_FORMULA.match(cell) else cell


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, shown as that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
