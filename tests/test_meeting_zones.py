"""Meeting time zones: zone phrases, fixed-offset labels, DST switches, the profile's vocabulary."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from meeting_parsing import ASSUMED, VOCABULARY, messages, only, parse

from extractor.profile.load import load_profile
from normalizers.meetings import (
    MeetingParse,
    MeetingVocabulary,
    parse_meetings,
    vocabulary_from_profile,
)
from normalizers.problems import Problem

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
        zones={"cet": "Europe/Zurich"},
        default_zone=None,
        announcements=(),
        empty_values=(),
        pointers=(),
        label_offsets={},
    )
    text = "30 October 2024, 14:00-15:00 hours"
    result = parse_meetings(text, vocabulary)
    assert result.meetings == []
    assert result.problems == [Problem("no time zone stated", text)]


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


# --- vocabulary ---------------------------------------------------------------------------------


def test_vocabulary_from_the_profile() -> None:
    assert VOCABULARY.zones["geneva time"] == "Europe/Zurich"
    assert VOCABULARY.zones["cest"] == "Europe/Zurich"
    assert VOCABULARY.default_zone == "Europe/Zurich"
    assert "will be disseminated" in VOCABULARY.announcements
    assert "not applicable" in VOCABULARY.empty_values
    assert "see next slide" in VOCABULARY.pointers
    assert VOCABULARY.label_offsets == {
        "cet": timedelta(hours=1),
        "central european time": timedelta(hours=1),
        "cest": timedelta(hours=2),
        "central european summer time": timedelta(hours=2),
    }


def test_empty_values_and_pointers_are_the_profiles() -> None:
    profile = load_profile()
    assert set(VOCABULARY.empty_values) == set(profile.empty.phrases)
    assert set(VOCABULARY.pointers) == set(profile.pointers.phrases)


def test_vocabulary_folds_phrases() -> None:
    section = {
        "zones": {"Geneva  Time": "Europe/Zurich"},
        "announcements": ["Will Be Shared"],
        "label_offsets": {"GENEVA TIME": "-03:30"},
    }
    vocabulary = vocabulary_from_profile(section, ["N/A"], ["See Next  Slide"])
    assert vocabulary == MeetingVocabulary(
        zones={"geneva time": "Europe/Zurich"},
        default_zone=None,
        announcements=("will be shared",),
        empty_values=("n/a",),
        pointers=("see next slide",),
        label_offsets={"geneva time": -timedelta(hours=3, minutes=30)},
    )


def test_vocabulary_rejects_unknown_zones() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        vocabulary_from_profile({"zones": {"mars time": "Mars/Olympus"}}, (), ())
    with pytest.raises(ValueError, match="Nowhere"):
        vocabulary_from_profile({"zones": {}, "default_zone": "Nowhere"}, (), ())


@pytest.mark.parametrize(
    ("offsets", "error"),
    [
        ({"eet": "+02:00"}, "'eet' is not a phrase of \\[meetings.zones\\]"),
        ({"cet": "+1"}, "'cet': write the offset"),
        ({"cet": 1}, "'cet': write the offset"),
    ],
)
def test_label_offsets_are_checked(offsets: dict, error: str) -> None:
    section = {"zones": {"cet": "Europe/Zurich"}, "label_offsets": offsets}
    with pytest.raises(ValueError, match=error):
        vocabulary_from_profile(section, (), ())


def test_label_offsets_come_from_the_vocabulary() -> None:
    text = "30 October 2024, 14:00-15:00 CET"
    zones = {"cet": "Europe/Zurich"}
    unchecked = vocabulary_from_profile({"zones": zones}, (), ())
    assert parse_meetings(text, unchecked).problems == []
    # A profile claiming that CET is UTC+2 sees the real offset (+01:00) disagree.
    wrong = vocabulary_from_profile({"zones": zones, "label_offsets": {"CET": "+02:00"}}, (), ())
    result = parse_meetings(text, wrong)
    assert [m.start for m in result.meetings] == ["2024-10-30T14:00:00+01:00"]
    assert messages(result) == [
        "time zone label CET disagrees with the date: Europe/Zurich is at UTC+01:00 on "
        "2024-10-30; used UTC+01:00"
    ]


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
