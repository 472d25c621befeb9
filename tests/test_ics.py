"""meetings.ics: written by `extract`, parsed back, matched to plan.json to the second."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
from click.testing import CliRunner

from extractor.cli.main import main
from extractor.model.load import load_plan
from extractor.model.schedule import scheduled_meetings
from extractor.writers.ics import meeting_uids, meetings_ics


def _plan_meetings(edition: Path) -> list[dict]:
    data = json.loads((edition / "plan.json").read_text(encoding="utf-8"))
    found = []
    for group in data["thematic_groups"]:
        found += [{**m, "group": group["name"], "wg": None} for m in group["meetings"]]
        for wg in group["working_groups"]:
            found += [{**m, "group": group["name"], "wg": wg} for m in wg["meetings"]]
    return found


def _utc(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


def _calendar(edition: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((edition / "meetings.ics").read_bytes())


def test_every_event_is_a_meeting_of_the_plan_to_the_second(sample_edition: Path) -> None:
    meetings = _plan_meetings(sample_edition)
    events = _calendar(sample_edition).events
    assert len(events) == len(meetings) == 27
    unmatched = list(meetings)
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        match = [m for m in unmatched if _utc(m["start_utc"]) == start.astimezone(UTC)
                 and _utc(m["end_utc"]) == end.astimezone(UTC)]  # fmt: skip
        assert match, f"event {event['uid']} at {start} is no meeting of plan.json"
        meeting = match[0]
        unmatched.remove(meeting)
        assert meeting["group"] in event["summary"]
        if meeting["wg"]:
            assert f"WG{meeting['wg']['number']}: {meeting['wg']['title']}" in event["summary"]
    assert unmatched == []


def test_times_are_in_europe_zurich_with_a_vtimezone_that_gives_the_right_offsets(
    sample_edition: Path,
) -> None:
    calendar = _calendar(sample_edition)
    (zone,) = calendar.timezones
    assert zone["tzid"] == "Europe/Zurich"
    tz = zone.to_tz()
    for event in calendar.events:
        assert event["dtstart"].params["TZID"] == "Europe/Zurich"
        local = event.decoded("dtstart").replace(tzinfo=None)
        instant = event.decoded("dtstart").astimezone(UTC)
        (meeting,) = [m for m in _plan_meetings(sample_edition) if _utc(m["start_utc"]) == instant]
        expected = datetime.fromisoformat(meeting["start"])
        assert local == expected.replace(tzinfo=None)
        # The offset comes from the VTIMEZONE written in the file, not from the system's zones.
        assert local.replace(tzinfo=tz).utcoffset() == expected.utcoffset()


def test_uids_are_unique_and_built_from_stable_ids(sample_edition: Path) -> None:
    events = _calendar(sample_edition).events
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert "city-platforms/wg6/2024-09-27@u4ssc-action-plan" in uids
    assert "digital-wellbeing/2024-10-30@u4ssc-action-plan" in uids
    stamps = {e.decoded("dtstamp") for e in events}
    assert stamps == {datetime(2024, 1, 1, tzinfo=UTC)}


def test_uid_survives_a_newer_edition_and_a_new_hour_but_not_a_new_day(
    sample_edition: Path,
) -> None:
    plan = load_plan(sample_edition)
    wg6 = plan.thematic_groups[0].working_groups[5]
    first = wg6.meetings[0]
    before = meeting_uids(plan, scheduled_meetings(plan))
    newer = dataclasses.replace(
        plan, edition=dataclasses.replace(plan.edition, id="u4ssc-action-plan-2025-2026")
    )
    wg6.meetings[0] = dataclasses.replace(first, start="2024-09-27T15:00:00+02:00",
                                          start_utc="2024-09-27T13:00:00Z")  # fmt: skip
    assert meeting_uids(newer, scheduled_meetings(newer)) == before
    wg6.meetings[0] = dataclasses.replace(first, start="2024-09-28T10:30:00+02:00",
                                          start_utc="2024-09-28T08:30:00Z")  # fmt: skip
    moved = meeting_uids(plan, scheduled_meetings(plan))
    assert "city-platforms/wg6/2024-09-28@u4ssc-action-plan" in moved
    assert "city-platforms/wg6/2024-09-27@u4ssc-action-plan" not in moved


def test_a_second_meeting_on_the_same_day_gets_a_suffix(sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    wg6 = plan.thematic_groups[0].working_groups[5]
    wg6.meetings.append(dataclasses.replace(wg6.meetings[0], start="2024-09-27T16:00:00+02:00",
                                            start_utc="2024-09-27T14:00:00Z"))  # fmt: skip
    uids = meeting_uids(plan, scheduled_meetings(plan))
    assert "city-platforms/wg6/2024-09-27@u4ssc-action-plan" in uids
    assert "city-platforms/wg6/2024-09-27-2@u4ssc-action-plan" in uids
    assert len(set(uids)) == len(uids)


def test_calendar_is_byte_identical_across_runs(
    sample_deck: Path, sample_edition: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(main, ["extract", str(sample_deck), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    again = (tmp_path / sample_edition.name / "meetings.ics").read_bytes()
    assert again == (sample_edition / "meetings.ics").read_bytes()
    assert b"\r\n" in again and b"\n" not in again.replace(b"\r\n", b"")


def test_format_option_selects_the_calendar_writer(
    sample_deck: Path, sample_edition: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(sample_deck), "-o", str(tmp_path / "a"),
                                  "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "a" / sample_edition.name / "meetings.ics").exists()
    result = runner.invoke(main, ["extract", str(sample_deck), "-o", str(tmp_path / "b"),
                                  "--format", "ics"])  # fmt: skip
    assert result.exit_code == 0, result.output
    written = (tmp_path / "b" / sample_edition.name).iterdir()
    assert sorted(p.name for p in written) == ["meetings.ics"]


def test_an_edition_without_meetings_gives_an_empty_calendar(sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    for group in plan.thematic_groups:
        group.meetings = []
        for wg in group.working_groups:
            wg.meetings = []
    calendar = icalendar.Calendar.from_ical(meetings_ics(plan))
    assert calendar.events == [] and calendar.timezones == []
    assert str(calendar["x-wr-calname"]) == "U4SSC Action Plan 2024-2025 – e-meetings"


def test_stamp_follows_the_edition_period(sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    plan.edition.period = None
    calendar = icalendar.Calendar.from_ical(meetings_ics(plan))
    assert calendar.events[0].decoded("dtstamp").date() == date(1970, 1, 1)


def test_the_calendar_is_the_same_whatever_the_hash_seed() -> None:
    # 2026-2027 meets in several time zones: their order must not follow Python's set order
    deck = Path(__file__).resolve().parents[1] / "samples" / "u4ssc-action-plan-2026-2027.md"
    probe = (
        "import sys; from extractor.api import extract_deck; "
        "from extractor.writers.ics import meetings_ics; "
        "sys.stdout.write(meetings_ics(extract_deck(sys.argv[1])))"
    )
    texts = {
        subprocess.run(
            [sys.executable, "-c", probe, str(deck)], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(texts) == 1
    assert next(iter(texts)).count("BEGIN:VTIMEZONE") >= 3
