"""Tests for normalizers.years: timelines and publication years."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.profile.load import load_profile
from normalizers.problems import Problem
from normalizers.values import YearSpan
from normalizers.years import parse_years, years_problem

# The profile's "nothing here" words, folded: the one list every field uses.
EMPTY = load_profile().empty.phrases


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024-2025", 2024, 2025),
        ("2025", 2025, 2025),
        ("2024/2025", 2024, 2025),
        ("2025-2026", 2025, 2026),
        ("2024 \u2013 2025", 2024, 2025),
        ("2024\u20142025", 2024, 2025),
        ("2024 \u2212 2025", 2024, 2025),
        ("2024-25", 2024, 2025),
        ("2024/25", 2024, 2025),
        ("2024 to 2025", 2024, 2025),
        ("2024 TO 2025", 2024, 2025),
        ("1999-00", 1999, 2000),
        ("2025-2025", 2025, 2025),
        ("  2023-2025 \n", 2023, 2025),
        ("2024\u00a0-\u00a02025", 2024, 2025),
    ],
)
def test_year_spans(text: str, start: int, end: int) -> None:
    assert parse_years(text) == YearSpan(raw=text.strip(), start_year=start, end_year=end)


@pytest.mark.parametrize(
    "text",
    [
        "", "  ", "N/A", "TBD", "-", "none", "2025-2024", "2024-23", "1899", "2101", "2099-2101",
        "24-25", "20245", "2024-2025-2026", "2024-2025 (ongoing)", "Q1 2025", "2024 2025",
        "2024-5", "two thousand",
    ],
)  # fmt: skip
def test_not_year_spans(text: str) -> None:
    assert parse_years(text) is None


def test_parse_years_raises_nothing_on_odd_input() -> None:
    assert parse_years(None) is None  # type: ignore[arg-type]
    assert parse_years("\x00\ufeff") is None


@pytest.mark.parametrize("text", ["", "   ", "N/A", "n/a", "NA", "-", "None", "nil", "N/A."])
def test_no_problem_for_empty_values(text: str) -> None:
    assert years_problem(text, EMPTY) is None


@pytest.mark.parametrize("text", ["TBD", "tbc", "TBD."])
def test_empty_values_match_folded_and_without_punctuation(text: str) -> None:
    assert years_problem(text, ("tbd", "tbc")) is None


def test_words_outside_the_profile_list_are_problems() -> None:
    # "TBD" is not among the u4ssc profile's empty values, so a timeline "TBD" is reported.
    assert years_problem("TBD", EMPTY) == Problem(
        "timeline not understood; expected a year or a range like 2024-2025", "TBD"
    )


@pytest.mark.parametrize("text", ["2024-2025", "2025", "2024 \u2013 25"])
def test_no_problem_for_year_spans(text: str) -> None:
    assert years_problem(text, EMPTY) is None


@pytest.mark.parametrize("text", ["Q1 2025", " 2025-2024 ", "ongoing", "2024-2025 (extended)"])
def test_problem_for_text_not_understood(text: str) -> None:
    problem = years_problem(text, EMPTY)
    assert problem == Problem(problem.message if problem else "", text.strip())
    assert problem is not None and problem.message.startswith("timeline not understood")


def test_empty_values_can_be_given() -> None:
    assert years_problem("pending", empty_values=("pending",)) is None
    assert years_problem("TBD", empty_values=("pending",)) is not None


SEPARATORS = ["-", "/", " - ", " \u2013 ", "\u2014", " to "]


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2100), st.integers(0, 30), st.sampled_from(SEPARATORS), st.booleans())
def test_any_valid_span_round_trips(start: int, length: int, separator: str, short: bool) -> None:
    end = min(start + length, 2100)
    written_end = f"{end % 100:02d}" if short and end - start < 100 else str(end)
    text = f"{start}{separator}{written_end}"
    assert parse_years(text) == YearSpan(raw=text, start_year=start, end_year=end)
    assert years_problem(text, EMPTY) is None


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2100), st.integers(1, 50), st.sampled_from(SEPARATORS))
def test_reversed_spans_are_rejected(end: int, back: int, separator: str) -> None:
    text = f"{end}{separator}{end - back}"
    assert parse_years(text) is None
    assert years_problem(text, EMPTY) == Problem(
        "timeline not understood; expected a year or a range like 2024-2025", text
    )


@given(st.text(max_size=20))
@settings(max_examples=200, deadline=None)
def test_never_raises(text: str) -> None:
    years = parse_years(text)
    assert years is None or 1900 <= years.start_year <= years.end_year <= 2100
    years_problem(text, EMPTY)
