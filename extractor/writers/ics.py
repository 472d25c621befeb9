"""meetings.ics: the planned e-meetings of an edition as an RFC 5545 calendar.

UIDs are built so that importing the calendar of a newer edition updates events instead of
duplicating them: `<group or working group id>/<local date>@<plan family>`, e.g.
`city-platforms/wg6/2024-09-27@u4ssc-action-plan`. The ids are the plan's stable ids and the
family is the slug of the edition title without its period, so the same meeting keeps its UID
from one edition to the next. A meeting moved to another hour of the same day keeps its UID
(the event is updated); one moved to another day is indistinguishable, in a deck, from a
cancelled meeting plus a new one, and gets a new UID. A second meeting of the same group on
the same day gets the suffix `-2`, and so on in time order.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

from extractor.model.plan import Plan
from extractor.model.schedule import ScheduledMeeting, scheduled_meetings
from normalizers.text import slugify

PRODID = "-//actionplan//action-plan e-meetings//EN"
UTC_NAMES = ("UTC", "Etc/UTC")


def meetings_ics(plan: Plan) -> str:
    """The edition's meetings as iCalendar text (CRLF line ends), one event per meeting."""
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
    stamp = edition_stamp(plan)
    for meeting, uid in zip(meetings, meeting_uids(plan, meetings), strict=True):
        calendar.add_component(_event(meeting, uid, stamp, plan))
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
    """DTSTAMP: 1 January (UTC) of the edition's first year, so newer editions stamp later."""
    period = plan.edition.period
    return datetime(period.start_year if period else 1970, 1, 1, tzinfo=UTC)


def _event(meeting: ScheduledMeeting, uid: str, stamp: datetime, plan: Plan):
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
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
