"""Tests for normalizers.meetings: the meeting strings of the U4SSC decks."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.meetings import (
    Meeting,
    MeetingParse,
    MeetingVocabulary,
    parse_meetings,
    vocabulary_from_profile,
)
from normalizers.problems import Problem

ROOT = Path(__file__).resolve().parents[1]
PROFILE = tomllib.loads((ROOT / "extractor/profile/data/profiles/u4ssc.toml").read_text("utf-8"))
VOCABULARY = vocabulary_from_profile(PROFILE["meetings"], PROFILE["values"])
DECK = ROOT / "samples/u4ssc-action-plan-2024-2025.md"
ANNOUNCEMENT = (
    "Information on the upcoming e-meetings will be disseminated through the U4SSC Mailing-List."
)
ASSUMED = "no time zone stated; assumed Europe/Zurich"


def parse(text: str) -> MeetingParse:
    return parse_meetings(text, VOCABULARY)


def only(text: str) -> Meeting:
    """The single meeting of a text that parses without problems."""
    result = parse(text)
    assert result.problems == []
    assert len(result.meetings) == 1
    return result.meetings[0]


def messages(result: MeetingParse) -> list[str]:
    return [problem.message for problem in result.problems]


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


# --- time zones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "zone", ["Geneva time", "(Geneva time)", ", (Geneva time)", "GENEVA TIME", "geneva", "CET"]
)
def test_zone_phrases_in_winter(zone: str) -> None:
    meeting = only(f"30 October 2024, 14:30-15:30 {zone}")
    assert meeting.timezone == "Europe/Zurich"
    assert meeting.start == "2024-10-30T14:30:00+01:00"
    assert meeting.raw == f"30 October 2024, 14:30-15:30 {zone}".strip()


@pytest.mark.parametrize("zone", ["Geneva time", "CEST", "Central European Summer Time"])
def test_zone_phrases_in_summer(zone: str) -> None:
    meeting = only(f"17 April 2025, 14:00-15:00 {zone}")
    assert (meeting.start, meeting.start_utc) == (
        "2025-04-17T14:00:00+02:00",
        "2025-04-17T12:00:00Z",
    )


def test_longest_zone_phrase_wins() -> None:
    # "geneva" alone is a phrase too; "time" must not be left over as text not understood.
    assert only("30 October 2024, 14:00 Geneva time").raw == "30 October 2024, 14:00 Geneva time"


@pytest.mark.parametrize(
    ("text", "label", "used"),
    [
        ("17 April 2025, 14:00-15:00 CET", "CET", "+02:00"),
        ("30 October 2024, 14:00-15:00 hours CEST", "CEST", "+01:00"),
    ],
)
def test_label_disagreeing_with_the_date_uses_the_real_offset(
    text: str, label: str, used: str
) -> None:
    result = parse(text)
    [meeting] = result.meetings
    assert meeting.start.endswith(used)
    [problem] = result.problems
    assert problem.raw == text
    assert label in problem.message and "disagrees with the date" in problem.message


def test_other_zones_of_the_profile() -> None:
    assert only("30 October 2024, 09:00-10:00 New York time").start_utc == "2024-10-30T13:00:00Z"
    assert only("30 October 2024, 09:00 UTC").start == "2024-10-30T09:00:00+00:00"


def test_utc_with_a_whole_hour_offset() -> None:
    meeting = only("30 October 2024, 14:00-15:00 UTC+2")
    assert meeting.timezone == "Etc/GMT-2"
    assert (meeting.start, meeting.start_utc) == (
        "2024-10-30T14:00:00+02:00",
        "2024-10-30T12:00:00Z",
    )


@pytest.mark.parametrize("zone", ["UTC+5:30", "Geneva time +1"])
def test_offsets_that_are_not_understood(zone: str) -> None:
    text = f"30 October 2024, 14:00-15:00 {zone}"
    assert parse(text) == MeetingParse([], None, [Problem("time zone offset not understood", text)])


def test_missing_zone_assumes_the_default_zone() -> None:
    text = "30 October 2024, 14:00-15:00 hours"
    result = parse(text)
    assert [m.start_utc for m in result.meetings] == ["2024-10-30T13:00:00Z"]
    assert result.meetings[0].timezone == "Europe/Zurich"
    assert result.problems == [Problem(ASSUMED, text)]


def test_missing_zone_without_a_default_is_kept_as_a_problem() -> None:
    vocabulary = MeetingVocabulary(
        zones={"cet": "Europe/Zurich"}, default_zone=None, announcements=()
    )
    text = "30 October 2024, 14:00-15:00 hours"
    result = parse_meetings(text, vocabulary)
    assert result.meetings == []
    assert result.problems == [Problem("no time zone stated", text)]


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


# --- daylight-saving switches -------------------------------------------------------------------


def test_ambiguous_time_in_the_autumn_fold_is_not_guessed() -> None:
    text = "27 October 2024, 02:30-03:30 Geneva time"
    result = parse(text)
    assert result.meetings == []
    [problem] = result.problems
    assert problem.raw == text
    assert "ambiguous" in problem.message and "DST switch" in problem.message


def test_missing_time_in_the_spring_gap_is_not_guessed() -> None:
    text = "31 March 2024, 02:30 Geneva time"
    result = parse(text)
    assert result.meetings == []
    [problem] = result.problems
    assert problem.raw == text
    assert "does not exist" in problem.message and "DST switch" in problem.message


def test_end_in_the_spring_gap_is_not_guessed() -> None:
    result = parse("31 March 2024, 01:30-02:30 CET")
    assert result.meetings == []
    assert ["does not exist" in message for message in messages(result)] == [True]


def test_times_next_to_the_switch_are_fine() -> None:
    assert only("31 March 2024, 01:00-03:00 Geneva time").end_utc == "2024-03-31T01:00:00Z"
    assert only("27 October 2024, 01:30-03:30 Geneva time").end_utc == "2024-10-27T02:30:00Z"


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


# --- vocabulary ---------------------------------------------------------------------------------


def test_vocabulary_from_the_profile() -> None:
    assert VOCABULARY.zones["geneva time"] == "Europe/Zurich"
    assert VOCABULARY.zones["cest"] == "Europe/Zurich"
    assert VOCABULARY.default_zone == "Europe/Zurich"
    assert "will be disseminated" in VOCABULARY.announcements
    assert "not applicable" in VOCABULARY.empty_values
    assert "see next slide" in VOCABULARY.pointers


def test_vocabulary_folds_phrases_and_has_defaults() -> None:
    vocabulary = vocabulary_from_profile(
        {"zones": {"Geneva  Time": "Europe/Zurich"}, "announcements": ["Will Be Shared"]}, {}
    )
    assert vocabulary == MeetingVocabulary(
        zones={"geneva time": "Europe/Zurich"},
        default_zone=None,
        announcements=("will be shared",),
    )


def test_vocabulary_rejects_unknown_zones() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        vocabulary_from_profile({"zones": {"mars time": "Mars/Olympus"}}, {})
    with pytest.raises(ValueError, match="Nowhere"):
        vocabulary_from_profile({"zones": {}, "default_zone": "Nowhere"}, {})


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
    cells = deck_meeting_cells(DECK.read_text("utf-8"))
    results = [parse(cell) for cell in cells]
    assert sum(len(result.meetings) for result in results) == 27
    assert [problem for result in results for problem in result.problems] == []
    notes = [result.note for result in results if result.note]
    assert ANNOUNCEMENT in notes and RESILIENCE in notes and len(notes) == 7


# --- properties against an independent oracle of the EU summer-time rule ------------------------


def last_sunday(year: int, month: int) -> date:
    end = date(year, month, 31)
    return end - timedelta(days=(end.weekday() - 6) % 7)


def geneva_offset_at(utc: datetime) -> int:
    """Hours east of UTC in Geneva at a UTC instant, by the EU rule (no zoneinfo)."""
    summer_from = datetime.combine(last_sunday(utc.year, 3), time(1))
    summer_until = datetime.combine(last_sunday(utc.year, 10), time(1))
    return 2 if summer_from <= utc < summer_until else 1


def geneva_to_utc(local: datetime) -> datetime | str:
    """The UTC instant of a Geneva wall-clock time, or "gap" / "fold" at a DST switch."""
    fits = [
        local - timedelta(hours=h)
        for h in (1, 2)
        if geneva_offset_at(local - timedelta(hours=h)) == h
    ]
    return fits[0] if len(fits) == 1 else ("gap" if not fits else "fold")


@st.composite
def local_times(draw: st.DrawFn) -> datetime:
    year = draw(st.integers(2000, 2035))
    kind = draw(st.sampled_from(["any", "spring", "autumn"]))
    if kind == "any":
        day = draw(st.dates(date(year, 1, 1), date(year, 12, 31)))
    else:
        day = last_sunday(year, 3 if kind == "spring" else 10)
    near_switch = kind != "any" and draw(st.booleans())
    hour = draw(st.integers(1, 3) if near_switch else st.integers(0, 23))
    return datetime.combine(day, time(hour, draw(st.integers(0, 59))))


STYLES = {
    "geneva": lambda s, e: f"{s.day} {s:%B %Y}, {s:%H:%M} \u2013 {e:%H:%M} hours, Geneva time",
    "weekday": lambda s, e: f"{s:%A}, {s.day} {s:%b %Y}, {s:%H:%M}-{e:%H:%M} hrs (Geneva time)",
    "us": lambda s, e: f"{s:%B} {s.day}, {s.year} {s:%H}h{s:%M} \u2014 {e:%H}h{e:%M} geneva time",
    "dotted": lambda s, e: f"{s:%d.%m.%Y} {s:%H.%M}\u2013{e:%H.%M} h CET",
    "iso": lambda s, e: f"{s:%Y-%m-%d} from {s:%H:%M} to {e:%H:%M} CEST",
    "single": lambda s, e: f"{s.day} {s:%b %Y} at {s:%H:%M} Geneva time",
}
LABELS = {"dotted": 1, "iso": 2}


def utc_text(moment: datetime) -> str:
    return f"{moment:%Y-%m-%dT%H:%M:%S}Z"


@settings(max_examples=400, deadline=None)
@given(local_times(), st.integers(1, 180), st.sampled_from(sorted(STYLES)))
def test_utc_instants_match_the_eu_rule(start: datetime, minutes: int, style: str) -> None:
    end = None if style == "single" else start + timedelta(minutes=minutes)
    text = STYLES[style](start, end or start)
    result = parse(text)
    expected = [geneva_to_utc(moment) for moment in (start, end) if moment is not None]
    trouble = [kind for kind in expected if isinstance(kind, str)]
    if trouble:
        assert result.meetings == []
        assert result.problems and all(p.raw == text for p in result.problems)
        words = {"gap": "does not exist", "fold": "ambiguous"}
        found = [words[kind] in p.message for kind, p in zip(trouble, result.problems, strict=True)]
        assert found == [True] * len(trouble)
        return
    [meeting] = result.meetings
    assert meeting.raw == text and meeting.timezone == "Europe/Zurich"
    assert meeting.start_utc == utc_text(expected[0])  # type: ignore[arg-type]
    assert meeting.end_utc == (utc_text(expected[1]) if end else None)  # type: ignore[arg-type]
    offset = round((start - expected[0]).total_seconds() / 3600)  # type: ignore[operator]
    assert meeting.start == f"{start:%Y-%m-%dT%H:%M:%S}+0{offset}:00"
    label_wrong = style in LABELS and LABELS[style] != offset
    assert ["disagrees with the date" in m for m in messages(result)] == [True] * label_wrong


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
