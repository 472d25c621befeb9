"""Comparing two editions: matched groups and working groups, and one change record per fact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from extractor.compare.kinds import ChangeKind, EntityKind, Presence
from extractor.compare.matching import (
    RENAME_THRESHOLD,
    Identities,
    Score,
    match,
    name_similarity,
    same,
    similar,
    text_key,
)
from extractor.model.plan import (
    Deliverable,
    Edition,
    Leader,
    Meeting,
    Plan,
    Stage,
    ThematicGroup,
    WorkingGroup,
    YearSpan,
)
from normalizers.directory import Directory
from normalizers.text import fold

RECORD_FIELDS = ("entity", "change", "key", "field", "old", "new")
# Two meetings of one group this close, left over after matching by start, are one rescheduled.
RESCHEDULE_WINDOW = timedelta(days=14)


@dataclass(frozen=True)
class Change:
    """One change record: an entity added, removed, renamed, or one of its fields modified."""

    entity: EntityKind
    change: ChangeKind
    key: str
    field: str | None = None
    old: Any = None
    new: Any = None


@dataclass(frozen=True, kw_only=True)
class GroupChanges:
    """The changes of one thematic group, named as in NEW (as in OLD when it was removed)."""

    group_id: str
    name: str
    stage: Stage | None
    presence: Presence
    changes: list[Change]

    @property
    def old_name(self) -> str | None:
        """The group's name in OLD when it was renamed, else None."""
        names = (
            c.old
            for c in self.changes
            if c.entity == EntityKind.THEMATIC_GROUP and c.field == "name"
        )
        return next(names, None)


@dataclass(frozen=True)
class PlanDiff:
    """Everything that changed from one edition to the next, thematic group by thematic group."""

    old: Edition
    new: Edition
    groups: list[GroupChanges]

    @property
    def changes(self) -> list[Change]:
        """Every change record in NEW's deck order, removed groups last."""
        return [change for group in self.groups for change in group.changes]


@dataclass(frozen=True)
class Facet:
    """A compared field: the value shown in the record, and the value that must agree."""

    field: str
    shown: Callable[[Any], Any]
    compared: Callable[[Any], Any] | None = None
    change: ChangeKind = ChangeKind.MODIFIED


@dataclass(frozen=True)
class Kind:
    """How an entity is keyed, labelled, found in its owner, matched, compared; what it holds."""

    entity: EntityKind
    key: Callable[[Any], str]
    label: Callable[[Any], Any]
    attribute: str
    passes: tuple[Score, ...]
    facets: tuple[Facet, ...]
    contents: Callable[[str, Any, Any], list[Change]] = lambda key, old, new: []


def span_text(span: YearSpan | None) -> str | None:
    """A year span in one spelling: "2024-2025", or "2025" for a single year."""
    if span is None:
        return None
    if span.start_year is None:
        return fold(span.raw)  # text that gives no years ("Q4 2027"), compared by its words
    if span.start_year == span.end_year:
        return str(span.start_year)
    return f"{span.start_year}-{span.end_year}"


def meeting_time(meeting: Meeting) -> str:
    """A meeting's local start and end as an ISO 8601 interval ("start/end")."""
    return f"{meeting.start}/{meeting.end}" if meeting.end else meeting.start


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        return text_key(value)
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _instant(meeting: Meeting) -> datetime:
    return datetime.fromisoformat(meeting.start_utc or meeting.start)


def _rescheduled(old: Meeting, new: Meeting) -> float | None:
    distance = abs(_instant(new) - _instant(old))
    return -distance.total_seconds() if distance <= RESCHEDULE_WINDOW else None


def _same_number_similar_title(old: WorkingGroup, new: WorkingGroup) -> float | None:
    if old.number != new.number:
        return None
    score = name_similarity(old.title, new.title)
    return score if score >= RENAME_THRESHOLD else None


def diff_plans(old: Plan, new: Plan, directory: Directory) -> PlanDiff:
    """The changes from OLD to NEW, people and organisations matched through the directory."""
    differ = _Differ(Identities(directory))
    groups = [
        GroupChanges(
            group_id=group.id,
            name=group.name,
            stage=group.stage,
            presence=presence,
            changes=changes,
        )
        for presence, group, changes in differ.compare(differ.thematic_group, "", old, new)
    ]
    return PlanDiff(old.edition, new.edition, groups)


def match_groups(old: Plan, new: Plan) -> dict[int, int]:
    """New thematic group index -> old index: by id, then by name similarity."""
    return match(old.thematic_groups, new.thematic_groups, *_GROUP_PASSES)


def match_working_groups(old: ThematicGroup, new: ThematicGroup) -> dict[int, int]:
    """New working group index -> old index: by number and title, by title, then by number."""
    return match(old.working_groups, new.working_groups, *_WORKING_GROUP_PASSES)


_GROUP_PASSES: tuple[Score, ...] = (same(lambda g: g.id), similar(lambda g: g.name))
_WORKING_GROUP_PASSES: tuple[Score, ...] = (
    _same_number_similar_title,
    similar(lambda wg: wg.title),
    same(lambda wg: wg.number),
)


YEAR_FACETS = (
    Facet("timeline", lambda x: span_text(x.timeline)),
    Facet("expected_publication", lambda x: span_text(x.expected_publication)),
)
WORKING_GROUP_FACETS = (
    Facet("title", lambda wg: wg.title, change=ChangeKind.RENAMED),
    Facet("number", lambda wg: wg.number, change=ChangeKind.RENAMED),
    Facet("status", lambda wg: wg.status),
    *YEAR_FACETS,
    Facet("scope", lambda wg: wg.scope),
    Facet("meetings_note", lambda wg: wg.meetings_note),
)
MEETING_FACETS = (Facet("time", meeting_time, lambda m: (m.start_utc, m.end_utc)),)
DELIVERABLE_FACETS = (
    Facet("title", lambda d: d.title, change=ChangeKind.RENAMED),
    Facet("status", lambda d: d.status),
    Facet("url", lambda d: d.url),
)


def _deliverable_key(deliverable: Deliverable) -> str:
    return "-".join(text_key(deliverable.title).split())


class _Differ:
    """Compares matched entities field by field and their contents recursively."""

    def __init__(self, ids: Identities) -> None:
        self.ids = ids
        self.thematic_group = Kind(
            EntityKind.THEMATIC_GROUP, key=lambda g: g.id, label=lambda g: g.name,
            attribute="thematic_groups", passes=_GROUP_PASSES, facets=self._group_facets(),
            contents=self._group_contents,
        )  # fmt: skip
        self.working_group = Kind(
            EntityKind.WORKING_GROUP, key=lambda wg: f"wg{wg.number}", label=lambda wg: wg.title,
            attribute="working_groups", passes=_WORKING_GROUP_PASSES,
            facets=WORKING_GROUP_FACETS, contents=self._contents,
        )  # fmt: skip
        self.leader = Kind(
            EntityKind.LEADER, key=ids.leader, label=self._leader_label, attribute="leaders",
            passes=(same(ids.leader),), facets=self._leader_facets(),
        )  # fmt: skip
        self.meeting = Kind(
            EntityKind.MEETING, key=lambda m: m.start, label=meeting_time, attribute="meetings",
            passes=(same(_instant), _rescheduled), facets=MEETING_FACETS,
        )  # fmt: skip
        self.deliverable = Kind(
            EntityKind.DELIVERABLE, key=_deliverable_key, label=lambda d: d.title,
            attribute="deliverables",
            passes=(same(lambda d: text_key(d.title)), similar(lambda d: d.title)),
            facets=DELIVERABLE_FACETS,
        )  # fmt: skip

    def _group_facets(self) -> tuple[Facet, ...]:
        return (
            Facet("name", lambda g: g.name, change=ChangeKind.RENAMED),
            Facet("stage", lambda g: g.stage),
            *YEAR_FACETS,
            Facet("secretariat", lambda g: g.secretariat, self._secretariat_keys),
            Facet("scope", lambda g: g.scope),
            Facet("objectives", lambda g: [o.text for o in g.objectives]),
            Facet("meetings_note", lambda g: g.meetings_note),
        )

    def _leader_facets(self) -> tuple[Facet, ...]:
        return (
            Facet("role", lambda le: le.role),
            Facet("organisations", self._organisation_names, self._organisation_ids),
            Facet("country", lambda le: le.country),
            Facet("position", lambda le: le.position),
        )

    def compare(
        self, kind: Kind, owner: str, old: Any, new: Any
    ) -> list[tuple[Presence, Any, list[Change]]]:
        """(presence, item, changes) per item of NEW in order, then per item removed from OLD."""
        olds, news = getattr(old, kind.attribute), getattr(new, kind.attribute)
        pairs = match(olds, news, *kind.passes)
        found: list[tuple[Presence, Any, list[Change]]] = []
        for index, item in enumerate(news):
            key = _join(owner, kind.key(item))
            if index not in pairs:
                added = Change(kind.entity, ChangeKind.ADDED, key, new=kind.label(item))
                found.append((Presence.ADDED, item, [added]))
                continue
            before = olds[pairs[index]]
            changes = _field_changes(kind, key, before, item)
            found.append((Presence.KEPT, item, changes + kind.contents(key, before, item)))
        kept = set(pairs.values())
        for item in (item for index, item in enumerate(olds) if index not in kept):
            key, label = _join(owner, kind.key(item)), kind.label(item)
            removed = Change(kind.entity, ChangeKind.REMOVED, key, old=label)
            found.append((Presence.REMOVED, item, [removed]))
        return found

    def changes(self, kind: Kind, owner: str, old: Any, new: Any) -> list[Change]:
        """The change records of one kind of content of a matched owner."""
        found = self.compare(kind, owner, old, new)
        return [change for _, _, changes in found for change in changes]

    def _contents(self, key: str, old: Any, new: Any) -> list[Change]:
        return [
            *self.changes(self.leader, key, old, new),
            *self.changes(self.meeting, key, old, new),
            *self.changes(self.deliverable, key, old, new),
        ]

    def _group_contents(self, key: str, old: ThematicGroup, new: ThematicGroup) -> list[Change]:
        changes = self._contents(key, old, new) + self.changes(self.working_group, key, old, new)
        # A group leaving the "new" stage loses its approval mark; that is the stage change.
        if old.stage != new.stage or old.approved == new.approved:
            return changes
        approved = Change(
            EntityKind.THEMATIC_GROUP,
            ChangeKind.MODIFIED,
            key,
            "approved",
            old.approved,
            new.approved,
        )
        return [approved, *changes]

    def _secretariat_keys(self, group: ThematicGroup) -> list[str]:
        return sorted(self.ids.organisation_key(name) for name in group.secretariat)

    def _organisation_ids(self, leader: Leader) -> list[str]:
        return sorted(self.ids.organisation(ref)[0] for ref in leader.organisations)

    def _organisation_names(self, leader: Leader) -> list[str]:
        return [self.ids.organisation(ref)[1] for ref in leader.organisations]

    def _leader_label(self, leader: Leader) -> str:
        details = self._organisation_names(leader) or ([leader.country] if leader.country else [])
        if not leader.name:
            return ", ".join(details) or leader.raw
        return f"{leader.name} ({', '.join(details)})" if details else leader.name


def _join(owner: str, key: str) -> str:
    return f"{owner}/{key}" if owner else key


def _field_changes(kind: Kind, key: str, old: Any, new: Any) -> list[Change]:
    changes = []
    for facet in kind.facets:
        before, after = facet.shown(old), facet.shown(new)
        if facet.compared:
            differ = facet.compared(old) != facet.compared(new)
        else:
            differ = _comparable(before) != _comparable(after)
        if differ:
            changes.append(Change(kind.entity, facet.change, key, facet.field, before, after))
    return changes
