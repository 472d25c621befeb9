"""The meetings of a plan with the group or working group that holds each, in time order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from extractor.model.plan import Meeting, Plan, ThematicGroup, WorkingGroup


@dataclass(frozen=True)
class ScheduledMeeting:
    """A meeting with its thematic group and, when it belongs to one, its working group."""

    meeting: Meeting
    group: ThematicGroup
    working_group: WorkingGroup | None

    @property
    def owner_id(self) -> str:
        """The id of the group or working group that holds the meeting."""
        return self.working_group.id if self.working_group else self.group.id

    @property
    def owner_label(self) -> str:
        """The working group's number and title, or "Thematic group meeting"."""
        wg = self.working_group
        return f"WG{wg.number} {wg.title}" if wg else "Thematic group meeting"

    @property
    def summary(self) -> str:
        """A calendar title naming the thematic group and the working group."""
        wg = self.working_group
        if wg is None:
            return f"{self.group.name} (thematic group e-meeting)"
        return f"{self.group.name} – WG{wg.number}: {wg.title}"

    @property
    def start(self) -> datetime:
        """The local start with its offset."""
        return datetime.fromisoformat(self.meeting.start)

    @property
    def end(self) -> datetime | None:
        """The local end with its offset, when the deck gives one."""
        return datetime.fromisoformat(self.meeting.end) if self.meeting.end else None


def scheduled_meetings(plan: Plan) -> list[ScheduledMeeting]:
    """Every dated meeting of the plan, earliest first; ties keep deck order."""
    found: list[ScheduledMeeting] = []
    for group in plan.thematic_groups:
        found += [ScheduledMeeting(m, group, None) for m in group.meetings]
        for wg in group.working_groups:
            found += [ScheduledMeeting(m, group, wg) for m in wg.meetings]
    return sorted(found, key=lambda s: datetime.fromisoformat(s.meeting.start_utc))
