"""The values the normalizers return, which the plan holds as they are."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LeaderRole(StrEnum):
    """The role a leader entry names its leaders in."""

    LEADER = "leader"
    CO_LEADER = "co-leader"
    SUGGESTED_LEADER = "suggested-leader"


class WorkingGroupStatus(StrEnum):
    """The status of a working group; a profile's [status] words name one of these."""

    COMPLETED = "completed"
    ONGOING = "ongoing"
    KICK_OFF = "kick-off"
    PROPOSED = "proposed"
    OTHER = "other"  # a status no word of the profile names; its words are kept as status_raw


class DeliverableStatus(StrEnum):
    """Whether a deliverable is out or still to come."""

    COMPLETED = "completed"
    PLANNED = "planned"


@dataclass
class YearSpan:
    """A year or span of years as written and as numbers; no numbers when the text gives none
    ("Q4 2027", "next year"), the text being kept all the same."""

    raw: str
    start_year: int | None
    end_year: int | None


@dataclass
class OrganisationRef:
    """An organisation as named by a leader entry, resolved to its canonical id."""

    id: str
    name: str


@dataclass(kw_only=True)
class Leader:
    """One leader entry: a person, an organisation, or both."""

    name: str | None
    person_id: str | None
    organisations: list[OrganisationRef]
    country: str | None
    role: LeaderRole
    raw: str
    position: str | None = None


@dataclass(kw_only=True)
class Deliverable:
    """A publication a group has completed or plans."""

    title: str
    url: str | None
    status: DeliverableStatus
    is_new: bool
