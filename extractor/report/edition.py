"""The edition report: timelines, meeting calendar, leaders and warnings on one HTML page."""

from __future__ import annotations

import base64
import textwrap
from dataclasses import dataclass
from itertools import groupby
from pathlib import PurePath

from extractor.model.plan import Plan, ThematicGroup, WorkingGroup, YearSpan
from extractor.model.schedule import ScheduledMeeting, scheduled_meetings
from extractor.profile.load import load_status_styles
from extractor.profile.styles import StatusStyles
from extractor.report.charts import (
    GROUP_COLOUR,
    NO_STATUS_COLOUR,
    Block,
    Span,
    counts_svg,
    timeline_svg,
)
from extractor.report.leadership import OrganisationRoles, organisation_roles, who_leads_what
from extractor.report.pages import render_page

TOP_ORGANISATIONS = 12
GROUP_LABEL = "thematic group"
NO_STATUS_LABEL = "status not given"


@dataclass(frozen=True)
class Count:
    """One headline number of the report."""

    key: str
    label: str
    value: int


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as the calendar lists it."""

    scheduled: ScheduledMeeting
    day: str
    time: str
    offset: str


@dataclass(frozen=True)
class Month:
    """The meetings of one calendar month."""

    key: str
    label: str
    meetings: list[MeetingRow]


def edition_report(
    plan: Plan, statuses: StatusStyles | None = None, calendar: str | None = None
) -> str:
    """The self-contained HTML report of one edition; statuses shown as the profile says.

    statuses are the default profile's when not given; calendar is the meetings.ics of the
    edition folder, whose versions (SEQUENCE) the calendar in the page carries on.
    """
    from extractor.writers.ics import meetings_ics

    statuses = statuses or load_status_styles()
    meetings = scheduled_meetings(plan)
    months = meeting_months(meetings)
    organisations = organisation_roles(plan)
    charted = charted_organisations(organisations)
    ics = base64.b64encode(meetings_ics(plan, calendar).encode("utf-8")).decode("ascii")
    return render_page(
        "edition.html.j2",
        plan=plan,
        source_name=PurePath(plan.edition.source.path).name,
        counts=edition_counts(plan),
        legend=status_legend(statuses),
        status_label=lambda wg: statuses.of(wg.status).label if wg.status else NO_STATUS_LABEL,
        timeline_chart=timeline_chart(plan, statuses),
        months=months,
        meeting_count=len(meetings),
        months_chart=_months_chart(months),
        unscheduled=[g for g in plan.thematic_groups if g.meetings_note and not g.meetings],
        ics_href=f"data:text/calendar;charset=utf-8;base64,{ics}",
        leaders=who_leads_what(plan),
        organisations=organisations,
        organisations_chart=_organisations_chart(charted),
        organisations_note=organisations_note(len(charted), len(organisations)),
    )


def edition_counts(plan: Plan) -> list[Count]:
    """The headline numbers: groups, working groups, meetings, people, organisations, warnings."""
    groups = plan.thematic_groups
    return [
        Count("thematic_groups", "thematic groups", len(groups)),
        Count("working_groups", "working groups", sum(len(g.working_groups) for g in groups)),
        Count("meetings", "planned meetings", len(scheduled_meetings(plan))),
        Count("people", "people leading", len(plan.people)),
        Count("organisations", "organisations", len(plan.organisations)),
        Count("warnings", "warnings", len(plan.warnings)),
    ]


def status_legend(statuses: StatusStyles) -> list[tuple[str, str]]:
    """(colour, label) of the timeline bars: the group's, each status's, then no status."""
    shown = [(style.colour, style.label) for style in statuses]
    return [(GROUP_COLOUR, GROUP_LABEL), *shown, (NO_STATUS_COLOUR, NO_STATUS_LABEL)]


def timeline_chart(plan: Plan, statuses: StatusStyles) -> str | None:
    """One chart of every group and working group by year (None when no years are given)."""
    years = plan_years(plan)
    if years is None or not plan.thematic_groups:
        return None
    blocks = [Block(g.name, g.id, _spans(g, statuses)) for g in plan.thematic_groups]
    return timeline_svg(blocks, years, "timeline")


def plan_years(plan: Plan) -> tuple[int, int] | None:
    """The first and last year named by the edition or any group's timeline."""
    spans = [plan.edition.period] + [
        owner.timeline for g in plan.thematic_groups for owner in (g, *g.working_groups)
    ]
    years = [y for s in spans if s and s.start_year for y in (s.start_year, s.end_year)]
    return (min(years), max(years)) if years else None


def _spans(group: ThematicGroup, statuses: StatusStyles) -> list[Span]:
    rows = [Span("Group", _years(group.timeline), GROUP_COLOUR, group.id)]
    rows += [Span(f"WG{wg.number}", _years(wg.timeline), _colour(wg, statuses), wg.id)
             for wg in group.working_groups]  # fmt: skip
    return rows


def _colour(wg: WorkingGroup, statuses: StatusStyles) -> str:
    return statuses.of(wg.status).colour if wg.status else NO_STATUS_COLOUR


def _years(span: YearSpan | None) -> tuple[int, int] | None:
    return (span.start_year, span.end_year) if span and span.start_year else None


def meeting_months(meetings: list[ScheduledMeeting]) -> list[Month]:
    """The meetings grouped by the calendar month of their local start."""
    months = []
    for key, items in groupby(meetings, key=lambda m: m.start.strftime("%Y-%m")):
        rows = [_meeting_row(m) for m in items]
        months.append(Month(key, rows[0].scheduled.start.strftime("%B %Y"), rows))
    return months


def _meeting_row(meeting: ScheduledMeeting) -> MeetingRow:
    start, end = meeting.start, meeting.end
    time = start.strftime("%H:%M") + (f"–{end.strftime('%H:%M')}" if end else "")
    offset = start.strftime("%z")
    return MeetingRow(meeting, start.strftime("%a %d %b %Y"), time,
                      f"UTC{offset[:3]}:{offset[3:]}")  # fmt: skip


def _months_chart(months: list[Month]) -> str | None:
    if not months:
        return None
    labels = [m.meetings[0].scheduled.start.strftime("%b %Y") for m in months]
    counts = [len(m.meetings) for m in months]
    return counts_svg(labels, counts, [f"month-{m.key}" for m in months], "meetings")


def charted_organisations(organisations: list[OrganisationRoles]) -> list[OrganisationRoles]:
    """The organisations the chart shows: those that lead more than one group, at most a dozen."""
    return [o for o in organisations if len(o.roles) > 1][:TOP_ORGANISATIONS]


def organisations_note(charted: int, leading: int) -> str | None:
    """What the chart leaves out, said on the page; None when it shows every organisation."""
    if charted == leading:
        return None
    if not charted:
        return f"Each of the {leading} organisations leads one group or working group."
    which = ("those that lead more than one group or working group" if charted < TOP_ORGANISATIONS
             else f"the {charted} that lead most")  # fmt: skip
    return f"{charted} of {leading} organisations shown, {which}; all are in the table below."


def _organisations_chart(top: list[OrganisationRoles]) -> str | None:
    if not top:
        return None
    labels = [textwrap.shorten(o.label, 40, placeholder="…") for o in top]
    gids = [f"organisation-{o.organisation.id}" for o in top]
    return counts_svg(labels, [len(o.roles) for o in top], gids, "organisations")
