"""The plan: thematic groups, working groups, leaders, meetings and deliverables."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.model.kinds import Stage
from normalizers.directory import Organisation
from normalizers.meetings import Meeting
from normalizers.values import (
    Deliverable,
    DeliverableStatus,
    Leader,
    LeaderRole,
    OrganisationRef,
    WorkingGroupStatus,
    YearSpan,
)

__all__ = [
    "Deliverable", "DeliverableStatus", "Leader", "LeaderRole", "Meeting", "Organisation",
    "OrganisationRef", "Stage", "WorkingGroupStatus", "YearSpan",
]  # fmt: skip

SCHEMA_VERSION = "1"


@dataclass
class SourceRef:
    """Where a record came from in its deck: "slide 2", "page 2" or "line 13"."""

    location: str | None


@dataclass
class Objective:
    """One objective of a group; kind is "primary", "secondary" or None, label e.g. "b"."""

    text: str
    kind: str | None = None
    label: str | None = None


@dataclass
class WorkingGroup:
    """A working group of a thematic group, from its table row or proposal slide."""

    id: str
    number: int
    title: str
    status: WorkingGroupStatus | None
    status_raw: str | None
    leaders: list[Leader] = field(default_factory=list)
    timeline: YearSpan | None = None
    expected_publication: YearSpan | None = None
    meetings: list[Meeting] = field(default_factory=list)
    meetings_note: str | None = None
    deliverables: list[Deliverable] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)
    source: SourceRef = field(default_factory=lambda: SourceRef(None))


@dataclass
class ThematicGroup:
    """A thematic group with its facts and working groups."""

    id: str
    name: str
    stage: Stage | None
    approved: bool | None = None
    leaders: list[Leader] = field(default_factory=list)
    timeline: YearSpan | None = None
    expected_publication: YearSpan | None = None
    secretariat: list[str] = field(default_factory=list)
    scope: str | None = None
    meetings: list[Meeting] = field(default_factory=list)
    meetings_note: str | None = None
    deliverables: list[Deliverable] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    objectives_intro: str | None = None
    source: SourceRef = field(default_factory=lambda: SourceRef(None))
    working_groups: list[WorkingGroup] = field(default_factory=list)


@dataclass(kw_only=True)
class Person:
    """A distinct person across the edition, with every organisation they were named with."""

    id: str
    name: str
    organisations: list[str]
    countries: list[str]
    positions: list[str]


@dataclass
class Contacts:
    """Contact details printed in the deck."""

    emails: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class PlanWarning:
    """Text the extractor did not fully understand, kept raw with where it came from."""

    message: str
    raw: str
    source: SourceRef


@dataclass
class EditionSource:
    """The deck file an edition was read from."""

    path: str
    sha256: str
    format: str
    # The share of the deck's text (0 to 1, spaces aside) that went into the plan.
    text_used: float | None = None


@dataclass
class Edition:
    """The edition: its id, title and period."""

    id: str
    title: str
    period: YearSpan | None
    source: EditionSource

    @property
    def label(self) -> str:
        """The title followed by the period as written: "U4SSC Action Plan 2024-2025"."""
        return f"{self.title} {self.period.raw}" if self.period else self.title


@dataclass
class Plan:
    """One edition of an action plan, fully extracted."""

    edition: Edition
    thematic_groups: list[ThematicGroup]
    people: list[Person]
    organisations: list[Organisation]
    contacts: Contacts
    warnings: list[PlanWarning]
    schema_version: str = SCHEMA_VERSION
