"""meetings.ics versions: a corrected re-run of an edition makes its changed events newer."""

from __future__ import annotations

import base64
import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import icalendar
from helpers import SEED, run_cli
from page_helpers import soup

from extractor.model.load import load_plan
from extractor.writers.ics import first_sequence, meetings_ics

EDITION = "u4ssc-action-plan-2024-2025"
MOVED = "city-platforms/wg6/2024-09-27@u4ssc-action-plan"
FIRST = "27 September 2024, 10:30-11:30 hours, Geneva time"
FIRST_STAMP = datetime(2024, 1, 1, tzinfo=UTC)


def corrected_deck(folder: Path, wording: str) -> Path:
    """The seed deck (same edition) with WG6's first meeting worded as given."""
    text = SEED.read_text(encoding="utf-8")
    assert text.count(FIRST) == 1
    folder.mkdir(parents=True, exist_ok=True)
    deck = folder / SEED.name
    deck.write_text(text.replace(FIRST, wording), encoding="utf-8")
    return deck


def versions(out: Path) -> dict[str, tuple[int, datetime, datetime]]:
    """UID to (SEQUENCE, DTSTAMP, LAST-MODIFIED) of the edition's meetings.ics."""
    calendar = icalendar.Calendar.from_ical((out / EDITION / "meetings.ics").read_bytes())
    return {
        str(e["uid"]): (int(e["sequence"]), e.decoded("dtstamp"), e.decoded("last-modified"))
        for e in calendar.events
    }


def extract(deck: Path, out: Path, *options: str) -> None:
    code, _, stderr = run_cli("extract", deck, "-o", out, *options)
    assert code == 0, stderr


def test_a_corrected_meeting_gets_the_next_sequence_and_a_later_stamp(tmp_path: Path) -> None:
    out = tmp_path / "out"
    extract(SEED, out, "--workers", "1")
    first = versions(out)
    assert len(first) == 27
    # 2024-2025: every event's first version is 2024 × 100, stamped 1 January 2024
    assert set(first.values()) == {(202400, FIRST_STAMP, FIRST_STAMP)}

    # The same edition, corrected: WG6's first meeting an hour later (same day, same UID).
    extract(corrected_deck(tmp_path / "fix1", FIRST.replace("10:30-11:30", "11:30-12:30")), out)
    second = versions(out)
    one_minute_later = datetime(2024, 1, 1, 0, 1, tzinfo=UTC)
    assert second[MOVED] == (202401, one_minute_later, one_minute_later)
    assert {uid: v for uid, v in second.items() if uid != MOVED} == {
        uid: v for uid, v in first.items() if uid != MOVED
    }
    event = icalendar.Calendar.from_ical((out / EDITION / "meetings.ics").read_bytes())
    (moved,) = [e for e in event.events if str(e["uid"]) == MOVED]
    assert moved.decoded("dtstart").hour == 11

    # Corrected again: the moved meeting's version goes on from the folder's file.
    extract(corrected_deck(tmp_path / "fix2", FIRST.replace("10:30-11:30", "12:00-13:00")), out)
    assert versions(out)[MOVED][0] == 202402


def test_the_same_input_again_gives_the_same_bytes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    deck = corrected_deck(tmp_path / "fix", FIRST.replace("10:30-11:30", "11:30-12:30"))
    extract(SEED, out)
    extract(deck, out)
    written = (out / EDITION / "meetings.ics").read_bytes()
    extract(deck, out, "--force")
    assert (out / EDITION / "meetings.ics").read_bytes() == written
    assert versions(out)[MOVED][0] == 202401


def test_the_report_of_a_corrected_folder_carries_its_calendar(tmp_path: Path) -> None:
    out = tmp_path / "out"
    extract(SEED, out)
    extract(corrected_deck(tmp_path / "fix", FIRST.replace("10:30-11:30", "11:30-12:30")), out)
    page = tmp_path / "report.html"
    code, _, stderr = run_cli("report", out / EDITION, "-o", page)
    assert code == 0, stderr
    link = soup(page).select_one("a[download]")["href"]
    carried = base64.b64decode(link.split("base64,", 1)[1])
    assert carried == (out / EDITION / "meetings.ics").read_bytes()
    assert b"SEQUENCE:202401" in carried


def test_a_later_edition_outranks_every_revision_of_an_earlier_one(sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    later = dataclasses.replace(
        plan.edition, period=dataclasses.replace(plan.edition.period, start_year=2025)
    )
    assert first_sequence(plan) == 202400
    assert first_sequence(dataclasses.replace(plan, edition=later)) == 202500
    plan.edition.period = None
    assert first_sequence(plan) == 0


def test_a_previous_file_that_is_not_a_calendar_is_left_aside(sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    fresh = meetings_ics(plan)
    junk = [
        "not a calendar",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:no uid\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        fresh.replace("SEQUENCE:202400", "SEQUENCE:many"),
    ]
    for previous in junk:
        assert meetings_ics(plan, previous) == fresh
    assert meetings_ics(plan, fresh) == fresh


def test_a_calendar_carried_on_from_its_own_bytes_is_unchanged(sample_edition: Path) -> None:
    # A re-run keeps a folder's meetings.ics as it is when it has the new one's bytes, which
    # holds only if every event reads back with its content: awkward text included.
    plan = load_plan(sample_edition)
    awkward = 'Data, AI; "Zürich" \\ ✓ \ttabbed ' + "long " * 20
    for group in plan.thematic_groups:
        group.name = awkward
        group.meetings = [dataclasses.replace(m, raw=awkward + "a,b;c:d") for m in group.meetings]
        for wg in group.working_groups:
            wg.name = awkward
            wg.meetings = [dataclasses.replace(m, raw="back\\slash, 😀") for m in wg.meetings]
    fresh = meetings_ics(plan)
    assert "Data\\, AI\\; " in fresh and fresh.count("BEGIN:VEVENT") == 27
    assert meetings_ics(plan, fresh) == fresh
    assert {e["SEQUENCE"] for e in icalendar.Calendar.from_ical(fresh).events} == {202400}
