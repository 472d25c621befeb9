"""Timelines and publication years: "2024-2025", "2024/25", "2025" to a start and end year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.problems import Problem
from normalizers.text import fold, normalize_dashes, squash_spaces

FIRST_YEAR = 1900
LAST_YEAR = 2100
EMPTY_VALUES = ("n/a", "na", "-", "none", "tbd", "tbc")
YEARS = re.compile(
    r"(?P<start>\d{4})(?:\s*(?:-|/|\bto\b|\buntil\b|\btill\b)\s*(?P<end>\d{4}|\d{2}))?",
    re.IGNORECASE,
)
SURROUNDING = " .,;:!?()[]"


@dataclass(frozen=True)
class Years:
    """A year or a range of years, with the text it was read from."""

    raw: str
    start_year: int
    end_year: int


def parse_years(text: str) -> Years | None:
    """Read "2024-2025", "2024/25", "2024 to 2025" or "2025"; None when it is not a valid span."""
    if not isinstance(text, str):
        return None
    raw = text.strip()
    match = YEARS.fullmatch(squash_spaces(normalize_dashes(raw)))
    if match is None:
        return None
    start = int(match["start"])
    end = _end_year(start, match["end"])
    if not FIRST_YEAR <= start <= end <= LAST_YEAR:
        return None
    return Years(raw=raw, start_year=start, end_year=end)


def years_problem(text: str, empty_values: tuple[str, ...] = EMPTY_VALUES) -> Problem | None:
    """A Problem when text says something that is neither empty nor a year span, else None."""
    raw = text.strip()
    if not raw or fold(raw).strip(SURROUNDING) in empty_values or parse_years(raw) is not None:
        return None
    return Problem("timeline not understood; expected a year or a range like 2024-2025", raw)


def _end_year(start: int, end: str | None) -> int:
    if end is None:
        return start
    if len(end) == 4:
        return int(end)
    year = start - start % 100 + int(end)
    # "1999-00" ends in the next century; "2024-23" becomes 2123 and is rejected as out of range.
    return year if year >= start else year + 100
