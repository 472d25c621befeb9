"""Meeting strings of the U4SSC decks: the real cells, clock forms, dates and leftovers."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from meeting_parsing import ASSUMED, only, parse
from sample_paths import OLD_DECK, ROOT

from normalizers.meetings import Meeting, MeetingParse
from normalizers.problems import Problem

ANNOUNCEMENT = (
    "Information on the upcoming e-meetings will be disseminated through the U4SSC Mailing-List."
)


# --- cells of the real 2024-2025 deck, verbatim -------------------------------------------------

WG6 = (
    "27 September 2024, 10:30-11:30 hours, Geneva time 31 October 2024, 10:30-11:30 hours, "
    "Geneva time 29 November 2024, 10:30-11:30 hours, Geneva time 19 December 2024, "
    "10:30-11:30 hours, Geneva time"
)
WG7 = (
    "30 September 2024, 13:00 \u2013 14:00 hours, Geneva time 30 October 2024, 13:00 \u2013 "
    "14:00 hours, Geneva time 28 November 2024, 13:00 \u2013 14:00 hours, Geneva time "
    "17 December 2024, 13:00 \u2013 14:00 hours, Geneva time"
)
NET_ZERO = (
    "29 October 2024, 10:00 \u2013 11:00 Geneva time 26 November 2024, 10:00 \u2013 11:00 "
    "Geneva time"
)
PROCUREMENT = " ".join(
    f"{day}, 14:00 \u2013 15:00 Geneva time"
    for day in (
        "31 October 2024", "21 November 2024", "12 December 2024", "16 January 2025",
        "20 February 2025", "20 March 2025", "17 April 2025", "15 May 2025", "19 June 2025",
    )
)  # fmt: skip
WELLBEING = f"30 October 2024, 13:30 \u2013 14:30 hours, Geneva time. {ANNOUNCEMENT}"
RESILIENCE = (
    "This Thematic Group will commence its activities after the 8th Annual Meeting. "
    "Relevant information on the upcoming e-meetings will be disseminated through the "
    "U4SSC Mailing-List."
)


def test_several_meetings_separated_only_by_the_next_date() -> None:
    result = parse(WG6)
    assert result.problems == [] and result.note is None
    assert [m.raw for m in result.meetings] == [
        "27 September 2024, 10:30-11:30 hours, Geneva time",
        "31 October 2024, 10:30-11:30 hours, Geneva time",
        "29 November 2024, 10:30-11:30 hours, Geneva time",
        "19 December 2024, 10:30-11:30 hours, Geneva time",
    ]
    first, second = result.meetings[:2]
    assert first == Meeting(
        start="2024-09-27T10:30:00+02:00",
        end="2024-09-27T11:30:00+02:00",
        start_utc="2024-09-27T08:30:00Z",
        end_utc="2024-09-27T09:30:00Z",
        timezone="Europe/Zurich",
        raw="27 September 2024, 10:30-11:30 hours, Geneva time",
    )
    assert (second.start, second.start_utc) == ("2024-10-31T10:30:00+01:00", "2024-10-31T09:30:00Z")


def test_en_dash_ranges_with_spaces_keep_the_raw_text() -> None:
    result = parse(WG7)
    assert result.problems == []
    assert [m.start_utc for m in result.meetings] == [
        "2024-09-30T11:00:00Z",
        "2024-10-30T12:00:00Z",
        "2024-11-28T12:00:00Z",
        "2024-12-17T12:00:00Z",
    ]
    assert result.meetings[0].raw == "30 September 2024, 13:00 \u2013 14:00 hours, Geneva time"


def test_zone_without_hours_and_without_comma() -> None:
    result = parse(NET_ZERO)
    assert result.problems == []
    assert [(m.start, m.end_utc) for m in result.meetings] == [
        ("2024-10-29T10:00:00+01:00", "2024-10-29T10:00:00Z"),
        ("2024-11-26T10:00:00+01:00", "2024-11-26T10:00:00Z"),
    ]


def test_real_offset_of_each_date_across_the_dst_switch() -> None:
    result = parse(PROCUREMENT)
    assert result.problems == []
    by_day = {m.start[:10]: m for m in result.meetings}
    assert len(by_day) == 9
    assert by_day["2025-03-20"].start_utc == "2025-03-20T13:00:00Z"
    assert by_day["2025-03-20"].start == "2025-03-20T14:00:00+01:00"
    assert by_day["2025-04-17"].start_utc == "2025-04-17T12:00:00Z"
    assert by_day["2025-04-17"].end == "2025-04-17T15:00:00+02:00"


def test_meeting_followed_by_an_announcement_sentence() -> None:
    result = parse(WELLBEING)
    assert result.problems == []
    assert [m.start_utc for m in result.meetings] == ["2024-10-30T12:30:00Z"]
    assert result.meetings[0].raw == "30 October 2024, 13:30 \u2013 14:30 hours, Geneva time"
    assert result.note == ANNOUNCEMENT


@pytest.mark.parametrize("text", [ANNOUNCEMENT, RESILIENCE])
def test_announcement_only_becomes_the_note(text: str) -> None:
    assert parse(text) == MeetingParse(meetings=[], note=text, problems=[])


def test_meetings_in_the_order_of_the_text() -> None:
    text = "19 December 2024, 10:30-11:30 CET; 27 September 2024, 10:30-11:30 CEST"
    assert [m.start[:10] for m in parse(text).meetings] == ["2024-12-19", "2024-09-27"]


# --- separators, ranges and clock forms ---------------------------------------------------------


@pytest.mark.parametrize("separator", ["; ", ";", "\n", " ;\n", ", ", " "])
def test_separators_between_meetings(separator: str) -> None:
    first = "30 October 2024, 13:00-14:00 hours, Geneva time"
    second = "6 November 2024, 09:00-10:00 hours, Geneva time"
    result = parse(first + separator + second)
    assert result.problems == []
    assert [m.raw for m in result.meetings] == [first, second]


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014", "\u2212", " - ", " \u2013 ", " \u2014 "])
@pytest.mark.parametrize("suffix", [" hours", " hrs", " h", "h", ""])
def test_range_dashes_and_hours_suffixes(dash: str, suffix: str) -> None:
    meeting = only(f"30 October 2024, 13:00{dash}14:00{suffix}, Geneva time")
    assert (meeting.start_utc, meeting.end_utc) == ("2024-10-30T12:00:00Z", "2024-10-30T13:00:00Z")


@pytest.mark.parametrize(
    ("clock", "start_utc", "end_utc"),
    [
        ("14.30-15.30", "2024-10-30T13:30:00Z", "2024-10-30T14:30:00Z"),
        ("14h30-15h30", "2024-10-30T13:30:00Z", "2024-10-30T14:30:00Z"),
        ("14h - 15h", "2024-10-30T13:00:00Z", "2024-10-30T14:00:00Z"),
        ("from 14:30 to 15:30", "2024-10-30T13:30:00Z", "2024-10-30T14:30:00Z"),
        ("2:30 pm - 3:30 p.m.", "2024-10-30T13:30:00Z", "2024-10-30T14:30:00Z"),
        ("12 pm - 1 pm", "2024-10-30T11:00:00Z", "2024-10-30T12:00:00Z"),
        ("at 14:00", "2024-10-30T13:00:00Z", None),
        ("14:00", "2024-10-30T13:00:00Z", None),
        ("at 9h05", "2024-10-30T08:05:00Z", None),
    ],
)
def test_clock_forms(clock: str, start_utc: str, end_utc: str | None) -> None:
    meeting = only(f"30 October 2024, {clock} Geneva time")
    assert (meeting.start_utc, meeting.end_utc) == (start_utc, end_utc)


def test_single_time_has_no_end() -> None:
    meeting = only("30 October 2024 at 14:00 CET")
    assert meeting.start == "2024-10-30T14:00:00+01:00"
    assert meeting.end is None and meeting.end_utc is None


def test_end_before_start_ends_the_next_day() -> None:
    meeting = only("30 October 2024, 23:30-00:30 Geneva time")
    assert meeting.end == "2024-10-31T00:30:00+01:00"
    assert meeting.end_utc == "2024-10-30T23:30:00Z"


def test_end_at_24_00_is_next_midnight() -> None:
    assert only("30 October 2024, 23:00-24:00 CET").end == "2024-10-31T00:00:00+01:00"


@pytest.mark.parametrize("clock", ["25:00-26:00", "14:60-15:00", "13 pm", "14:00-24:30"])
def test_impossible_clock_times_are_problems(clock: str) -> None:
    text = f"30 October 2024, {clock} CET"
    result = parse(text)
    assert result.meetings == []
    assert result.problems == [Problem("meeting time not valid", text)]


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        "30 October 2024",
        "30 Oct 2024",
        "30 Oct. 2024",
        "30th October 2024",
        "30 october, 2024",
        "Wednesday, 30 October 2024",
        "Wed 30 Oct 2024",
        "October 30, 2024",
        "Oct 30th 2024",
        "Wednesday, October 30, 2024",
        "30.10.2024",
        "2024-10-30",
    ],
)
def test_date_forms(day: str) -> None:
    meeting = only(f"{day}, 14:30-15:30 hours, Geneva time")
    assert (meeting.start, meeting.end) == (
        "2024-10-30T14:30:00+01:00",
        "2024-10-30T15:30:00+01:00",
    )
    assert meeting.raw.startswith(day)


def test_iso_date_and_time() -> None:
    assert only("2024-10-30T14:30 CET").start_utc == "2024-10-30T13:30:00Z"


def test_dotted_date_is_day_first() -> None:
    assert only("05.11.2024, 10:00 CET").start == "2024-11-05T10:00:00+01:00"


def test_weekday_not_matching_the_date_is_a_problem() -> None:
    text = "Tuesday, 30 October 2024, 10:00-11:00 CET"
    result = parse(text)
    assert len(result.meetings) == 1
    assert result.problems == [Problem("weekday Tuesday does not match 2024-10-30", text)]


@pytest.mark.parametrize("text", ["30 October 2024", "30 October 2024, Geneva time", "2024-10-30"])
def test_date_without_a_time_is_not_a_meeting(text: str) -> None:
    result = parse(text)
    assert result.meetings == []
    assert result.problems[0] == Problem("meeting date without a time", text.split(",")[0])
    assert all(problem.raw for problem in result.problems)


def test_date_without_a_time_between_meetings() -> None:
    text = "30 October 2024, 13:00-14:00 CET 6 November 2024 20 November 2024, 13:00-14:00 CET"
    result = parse(text)
    assert [m.start[:10] for m in result.meetings] == ["2024-10-30", "2024-11-20"]
    assert result.problems == [Problem("meeting date without a time", "6 November 2024")]


@pytest.mark.parametrize("text", ["30th of October 2024", "30/10/2024", "the 30th of Oct, 2024"])
def test_lone_date_in_another_style_is_recognised_as_a_date(text: str) -> None:
    assert parse(text) == MeetingParse([], None, [Problem("meeting date without a time", text)])


@pytest.mark.parametrize("text", ["31 September 2024, 10:00 CET", "30.13.2024, 10:00 CET"])
def test_impossible_date_is_a_problem(text: str) -> None:
    assert parse(text) == MeetingParse([], None, [Problem("meeting date not valid", text)])


# --- leftovers: notes, pointers, empty values and problems --------------------------------------


@pytest.mark.parametrize(
    "text", ["", "   ", "N/A", "n/a", "-", "None", "na.", "see next slide", "See next slide."]
)
def test_empty_values_and_pointers_yield_nothing(text: str) -> None:
    assert parse(text) == MeetingParse(meetings=[], note=None, problems=[])


def test_punctuation_only_leftovers_are_ignored() -> None:
    meeting = only(", 30 October 2024, 13:00-14:00 CET. ;\n")
    assert meeting.raw == "30 October 2024, 13:00-14:00 CET"


@pytest.mark.parametrize("text", ["TBD", "Dates to be announced.", "Will start in 2025."])
def test_other_announcement_phrases(text: str) -> None:
    assert parse(text) == MeetingParse(meetings=[], note=text, problems=[])


def test_leftover_text_is_a_problem_with_its_raw_text() -> None:
    text = "Kick-off: 30 October 2024, 13:00-14:00 CET; monthly thereafter. To be confirmed."
    result = parse(text)
    assert len(result.meetings) == 1
    assert result.note == "To be confirmed."
    assert result.problems == [
        Problem("meeting text not understood", "Kick-off:"),
        Problem("meeting text not understood", "monthly thereafter."),
    ]


def test_unsupported_zone_is_not_dropped() -> None:
    text = "30 October 2024, 13:00-14:00 Tokyo time"
    result = parse(text)
    assert result.problems == [
        Problem(ASSUMED, "30 October 2024, 13:00-14:00"),
        Problem("meeting text not understood", "Tokyo time"),
    ]


def test_output_formats() -> None:
    meeting = only("30 October 2024, 13:00-14:00 CET")
    local = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"
    utc = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"
    assert re.fullmatch(local, meeting.start) and re.fullmatch(local, meeting.end or "")
    assert re.fullmatch(utc, meeting.start_utc) and re.fullmatch(utc, meeting.end_utc or "")


# --- the whole real deck ------------------------------------------------------------------------


def deck_meeting_cells(markdown: str) -> list[str]:
    """The "Planned e-meetings" table cells and facts of the deck, tags removed."""
    lines = markdown.splitlines()
    cells, column = [], None
    for index, line in enumerate(lines):
        columns = line.split("\t")
        if "Planned e-meetings" in columns:
            column = columns.index("Planned e-meetings")
        elif column is not None and len(columns) > column:
            cells.append(columns[column])
        elif fact := re.search(r"\*\*Planned e-meetings?:\*\*(.*)", line):
            column = None
            cells.append(fact[1].strip() or lines[index + 1].strip().removeprefix("- "))
        else:
            column = None
    return [re.sub(r"<[^>]+>", "", cell) for cell in cells]


def test_the_real_deck_has_27_meetings_and_nothing_not_understood() -> None:
    cells = deck_meeting_cells(OLD_DECK.read_text("utf-8"))
    results = [parse(cell) for cell in cells]
    assert sum(len(result.meetings) for result in results) == 27
    assert [problem for result in results for problem in result.problems] == []
    notes = [result.note for result in results if result.note]
    assert ANNOUNCEMENT in notes and RESILIENCE in notes and len(notes) == 7


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.dates(date(2000, 1, 1), date(2035, 12, 31)), st.integers(8, 20)),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([" ", "; ", "\n", ", ", ". "]),
)
def test_several_meetings_in_order(meetings: list[tuple[date, int]], separator: str) -> None:
    pieces = [f"{d.day} {d:%B %Y}, {h}:00-{h + 1}:00 hours, Geneva time" for d, h in meetings]
    result = parse(separator.join(pieces))
    assert result.problems == []
    assert [m.raw for m in result.meetings] == pieces
    assert [m.start[:13] for m in result.meetings] == [
        f"{d.isoformat()}T{h:02d}" for d, h in meetings
    ]


FRAGMENTS = [
    "30 October 2024, 13:00-14:00 CET",
    "17 April 2025, 14:00 \u2013 15:00 Geneva time",
    "6 November 2024",
    "monthly calls",
    "Kick-off",
    "Dates will be circulated",
    "see annex",
    "14:00",
    "room 7",
    "N/A",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6),
    st.lists(st.sampled_from([" ", "; ", "\n", ". ", ", "]), min_size=6, max_size=6),
)
def test_no_text_is_dropped_silently(fragments: list[str], separators: list[str]) -> None:
    text = "".join(f + s for f, s in zip(fragments, separators, strict=False)).strip()
    result = parse(text)
    kept = " ".join(
        [m.raw for m in result.meetings] + [p.raw for p in result.problems] + [result.note or ""]
    ).casefold()
    silent = {"n", "a", "see", "annex"}  # empty values and pointers yield nothing on purpose
    for word in re.findall(r"\w+", text.casefold()):
        assert word in silent or word in kept


def test_importing_the_module_does_not_import_dateparser() -> None:
    code = "import sys, normalizers.meetings; print('dateparser' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
