"""Timelines and publication years: "2024-2025", "2024/25", "2025" to a start and end year."""

from __future__ import annotations

import re
from collections.abc import Collection

from normalizers.problems import Problem
from normalizers.text import fold, normalize_dashes, squash_spaces
from normalizers.values import YearSpan

FIRST_YEAR = 1900
LAST_YEAR = 2100
YEARS = re.compile(
    r"(?P<start>\d{4})(?:\s*(?:-|/|\bto\b|\buntil\b|\btill\b)\s*(?P<end>\d{4}|\d{2}))?",
    re.IGNORECASE,
)
SURROUNDING = " .,;:!?()[]"


def parse_years(text: str) -> YearSpan | None:
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
    return YearSpan(raw=raw, start_year=start, end_year=end)


def years_problem(
    text: str, empty_values: Collection[str], what: str = "timeline"
) -> Problem | None:
    """A Problem when text is neither a year span nor one of the (folded) empty values;
    what names the field in the message ("expected publication")."""
    raw = text.strip()
    if not raw or fold(raw).strip(SURROUNDING) in empty_values or parse_years(raw) is not None:
        return None
    return Problem(f"{what} not understood; expected a year or a range like 2024-2025", raw)


def _end_year(start: int, end: str | None) -> int:
    if end is None:
        return start
    if len(end) == 4:
        return int(end)
    year = start - start % 100 + int(end)
    # "1999-00" ends in the next century; "2024-23" becomes 2123 and is rejected as out of range.
    return year if year >= start else year + 100
