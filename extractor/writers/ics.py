"""meetings.ics: the planned e-meetings of an edition as an RFC 5545 calendar.

UIDs are built so that importing the calendar of a newer edition updates events instead of
duplicating them: `<group or working group id>/<local date>@<plan family>`, e.g.
`city-platforms/wg6/2024-09-27@u4ssc-action-plan`. The ids are the plan's stable ids and the
family is the slug of the edition title without its period, so the same meeting keeps its UID
from one edition to the next. A meeting moved to another hour of the same day keeps its UID
(the event is updated); one moved to another day is indistinguishable, in a deck, from a
cancelled meeting plus a new one, and gets a new UID. A second meeting of the same group on
the same day gets the suffix `-2`, and so on in time order.

SEQUENCE and DTSTAMP say which version of an event is newer, and depend on the content only
(the same input gives the same bytes). An event's first version in an edition has SEQUENCE
`first year × 100` (202400 for 2024-2025; 0 without a period), so that any later edition
outranks an earlier one; when the edition folder already holds a meetings.ics in which the
same UID has other content, SEQUENCE is that file's plus one. DTSTAMP and LAST-MODIFIED are
1 January (UTC) of the first year plus one minute per revision.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from extractor.model.plan import Plan
from extractor.model.schedule import ScheduledMeeting, scheduled_meetings
from normalizers.text import slugify

PRODID = "-//actionplan//action-plan e-meetings//EN"
UTC_NAMES = ("UTC", "Etc/UTC")
CALENDAR = "meetings.ics"
REVISIONS_PER_EDITION = 100  # SEQUENCE of an edition's events: first year × 100 + revision
REVISION_STEP = timedelta(minutes=1)  # DTSTAMP moves by this with each revision
VERSION_PROPERTIES = ("SEQUENCE", "DTSTAMP", "LAST-MODIFIED")  # left out of the content
MAX_PREVIOUS_BYTES = 16 * 1024 * 1024  # a bigger meetings.ics in the folder is not read


def meetings_ics(plan: Plan, previous: str | None = None) -> str:
    """The edition's meetings as iCalendar text (CRLF line ends), one event per meeting.

    previous is the meetings.ics that the edition folder held, if any: an event whose content
    differs from the one of its UID there gets the next SEQUENCE (see the module's docstring).
    """
    from icalendar import Calendar

    meetings = scheduled_meetings(plan)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = f"{plan.edition.label} – e-meetings"
    calendar.add("name", title)
    calendar.add("x-wr-calname", title)
    known = previous_versions(previous)
    for meeting, uid in zip(meetings, meeting_uids(plan, meetings), strict=True):
        event = _event(meeting, uid, plan)
        _add_version(event, plan, known.get(uid))
        calendar.add_component(event)
    if meetings:
        first, last = meetings[0].start.year, meetings[-1].start.year
        calendar.add_missing_timezones(date(first, 1, 1), date(last + 1, 1, 1))
        _sort_timezones(calendar)
    return calendar.to_ical().decode("utf-8")


def _sort_timezones(calendar) -> None:
    """Time zones first, in TZID order: icalendar adds them in set order, which changes from
    one process to the next, and the same plan must give the same file."""
    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    others = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    calendar.subcomponents[:] = sorted(zones, key=lambda zone: str(zone["TZID"])) + others


def meeting_uids(plan: Plan, meetings: list[ScheduledMeeting]) -> list[str]:
    """The stable UID of each meeting, in the order given (which must be time order)."""
    family = slugify(plan.edition.title) or "action-plan"
    seen: Counter[tuple[str, str]] = Counter()
    uids = []
    for meeting in meetings:
        day = meeting.start.date().isoformat()
        seen[meeting.owner_id, day] += 1
        count = seen[meeting.owner_id, day]
        suffix = f"-{count}" if count > 1 else ""
        uids.append(f"{meeting.owner_id}/{day}{suffix}@{family}")
    return uids


def edition_stamp(plan: Plan) -> datetime:
    """DTSTAMP of a first version: 1 January (UTC) of the edition's first year (or 1970)."""
    period = plan.edition.period
    return datetime(period.start_year if period else 1970, 1, 1, tzinfo=UTC)


def first_sequence(plan: Plan) -> int:
    """SEQUENCE of an event's first version in this edition: the first year × 100, or 0."""
    period = plan.edition.period
    return period.start_year * REVISIONS_PER_EDITION if period and period.start_year else 0


def previous_versions(previous: str | None) -> dict[str, tuple[int, bytes]]:
    """UID to (SEQUENCE, content) of the events of an earlier meetings.ics; {} if unreadable."""
    from icalendar import Calendar

    if not previous:
        return {}
    try:
        events = Calendar.from_ical(previous).walk("VEVENT")
        found = {str(e["UID"]): (int(e.get("SEQUENCE", 0)), event_content(e)) for e in events}
    except (ValueError, KeyError, TypeError):
        return {}
    return found


def event_content(event: Any) -> bytes:
    """What an event says, without what tells its versions apart (SEQUENCE, DTSTAMP...)."""
    content = event.copy()
    for name in VERSION_PROPERTIES:
        content.pop(name, None)
    return content.to_ical()


def _add_version(event: Any, plan: Plan, previous: tuple[int, bytes] | None) -> None:
    """SEQUENCE, DTSTAMP and LAST-MODIFIED: one revision more if the content has changed."""
    first = first_sequence(plan)
    sequence = first
    if previous is not None:
        earlier, content = previous
        sequence = max(first, earlier if content == event_content(event) else earlier + 1)
    stamp = edition_stamp(plan) + (sequence - first) * REVISION_STEP
    event.add("sequence", sequence)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)


def previous_calendar(folder: Path) -> str | None:
    """The meetings.ics an edition folder holds, if any and readable as UTF-8 text."""
    path = folder / CALENDAR
    try:
        if not path.is_file() or path.stat().st_size > MAX_PREVIOUS_BYTES:
            return None
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def with_previous_calendar(
    files: dict[str, str], plan: Plan, previous: str | None
) -> dict[str, str]:
    """The edition's files, meetings.ics made again to carry on an earlier one, if any.

    An earlier one with the bytes of the new one is carried on as it is: every event keeps its
    content and SEQUENCE, so making it again would give the same bytes (a re-run's usual case).
    """
    if previous is None or CALENDAR not in files or previous == files[CALENDAR]:
        return files
    return {**files, CALENDAR: meetings_ics(plan, previous)}


def _event(meeting: ScheduledMeeting, uid: str, plan: Plan):
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("summary", meeting.summary)
    zone = _zone(meeting.meeting.timezone)
    event.add("dtstart", meeting.start.astimezone(zone))
    if meeting.end is not None:
        event.add("dtend", meeting.end.astimezone(zone))
    event.add("description", _description(meeting, plan))
    event.add("categories", [meeting.group.name])
    return event


def _zone(name: str) -> tzinfo:
    return UTC if name in UTC_NAMES else ZoneInfo(name)


def _description(meeting: ScheduledMeeting, plan: Plan) -> str:
    owner = meeting.working_group or meeting.group
    leaders = "; ".join(leader.raw for leader in owner.leaders)
    lines = [
        f"Thematic group: {meeting.group.name}",
        *([f"Working group: {meeting.owner_label}"] if meeting.working_group else []),
        *([f"Leaders: {leaders}"] if leaders else []),
        f"As announced: {meeting.meeting.raw}",
        f"Source: {plan.edition.label}, {owner.source.location or 'location unknown'}",
    ]
    return "\n".join(lines)
