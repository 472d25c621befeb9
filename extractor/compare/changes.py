"""The written forms of a diff: changes.json, changes.csv and the changes.md summary."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from extractor.compare.diff import RECORD_FIELDS, Change, GroupChanges, PlanDiff
from extractor.compare.kinds import ChangeKind, EntityKind, Presence
from extractor.model.kinds import Stage
from extractor.writers.files import csv_text

ENTITY_NAMES = {
    EntityKind.THEMATIC_GROUP: "thematic group",
    EntityKind.WORKING_GROUP: "working group",
    EntityKind.LEADER: "leader",
    EntityKind.MEETING: "meeting",
    EntityKind.DELIVERABLE: "deliverable",
}
CHANGE_KINDS = tuple(ChangeKind)
# Sections newest first: groups new in NEW, NEW's "new" groups, the ongoing ones, removed groups.
SECTION_RANK = {Presence.ADDED: 0, Stage.NEW: 1, Presence.KEPT: 2, Presence.REMOVED: 3}
# Values longer than this go on lines of their own in changes.md and on the diff page.
LONG_TEXT = 80


@dataclass(frozen=True, kw_only=True)
class Told:
    """A change as a reader is told it: the entity, where it is, what happened, the values."""

    change: Change
    entity: str
    where: str
    verb: str
    old: str
    new: str
    removed: list[Any] | None  # for a list value: the items gone, and below those come
    added: list[Any] | None

    @property
    def value(self) -> str:
        """The label of an added or removed entity."""
        return self.new if self.change.change == ChangeKind.ADDED else self.old

    @property
    def long(self) -> bool:
        """Whether the old or new value is too long to share a line with the other."""
        return max(len(self.old), len(self.new)) > LONG_TEXT


def record(change: Change) -> dict[str, Any]:
    """A change as the plain record of the output contract."""
    return {name: getattr(change, name) for name in RECORD_FIELDS}


def changes_json(diff: PlanDiff) -> str:
    """changes.json: the two edition ids and every change record."""
    data = {
        "old_edition": diff.old.id,
        "new_edition": diff.new.id,
        "changes": [record(change) for change in diff.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def changes_csv(diff: PlanDiff) -> str:
    """changes.csv: one row per change record."""
    return csv_text(RECORD_FIELDS, [record(change) for change in diff.changes])


def changes_md(diff: PlanDiff) -> str:
    """changes.md: a count line, then one section per changed thematic group, newest first."""
    lines = [f"# Changes from {diff.old.label} to {diff.new.label}", ""]
    changes = diff.changes
    if not changes:
        return "\n".join([*lines, "No changes.", ""])
    counts = [f"{number} {kind}" for kind, number in kind_counts(changes).items()]
    lines += [f"{len(changes)} changes: {', '.join(counts)}.", ""]
    for group in changed_groups(diff):
        suffix = f" ({group.presence})" if group.presence != Presence.KEPT else ""
        lines += [f"## {group.name}{suffix}", ""]
        lines += [_md_line(tell(change)) for change in group.changes]
        lines.append("")
    return "\n".join(lines)


def report_files(diff: PlanDiff) -> dict[str, str]:
    """File name to text: changes.json, changes.csv and changes.md."""
    return {
        "changes.json": changes_json(diff),
        "changes.csv": changes_csv(diff),
        "changes.md": changes_md(diff),
    }


def changed_groups(diff: PlanDiff) -> list[GroupChanges]:
    """The thematic groups with changes, newest first (see SECTION_RANK), else in deck order."""
    return sorted((group for group in diff.groups if group.changes), key=_section_rank)


def kind_counts(changes: list[Change]) -> dict[ChangeKind, int]:
    """How many of the changes are of each kind, in the order of CHANGE_KINDS."""
    return {kind: sum(change.change == kind for change in changes) for kind in CHANGE_KINDS}


def tell(change: Change) -> Told:
    """What changes.md and the diff page say of one change."""
    where = change.key
    if change.entity == EntityKind.MEETING:
        where = where.rsplit("/", 1)[0]  # the key's last part is the time, shown anyway
    removed = added = None
    if isinstance(change.old, list) or isinstance(change.new, list):
        old, new = change.old or [], change.new or []
        removed, added = [i for i in old if i not in new], [i for i in new if i not in old]
    old_text, new_text = _shown(change, change.old), _shown(change, change.new)
    entity = ENTITY_NAMES[change.entity]
    return Told(
        change=change, entity=entity, where=where, verb=_verb(change),
        old=old_text, new=new_text, removed=removed, added=added,
    )  # fmt: skip


def _section_rank(group: GroupChanges) -> int:
    if group.presence == Presence.KEPT and group.stage == Stage.NEW:
        return SECTION_RANK[Stage.NEW]
    return SECTION_RANK[group.presence]


def _md_line(told: Told) -> str:
    """One bullet: what happened to which entity, and the values; long values on their own lines."""
    head = f"- {told.entity} `{told.where}` {told.verb}"
    if told.change.change in (ChangeKind.ADDED, ChangeKind.REMOVED):
        return f"{head}: {told.value}"
    if told.added is not None:
        gone = [f"  - removed: {item}" for item in told.removed or []]
        return "\n".join([f"{head}:", *gone, *(f"  - added: {item}" for item in told.added)])
    if told.long:
        return f"{head}:\n  - was: {told.old}\n  - now: {told.new}"
    return f"{head}: {told.old} → {told.new}"


def _verb(change: Change) -> str:
    if change.change in (ChangeKind.ADDED, ChangeKind.REMOVED):
        return change.change
    if change.entity == EntityKind.MEETING:
        return "rescheduled"
    if change.change == ChangeKind.RENAMED:
        return "renumbered" if change.field == "number" else "renamed"
    return (change.field or "").replace("_", " ")


def _shown(change: Change, value: Any) -> str:
    if value is None:
        return "none"
    if change.entity == EntityKind.MEETING:
        return _meeting_time(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _meeting_time(value: str) -> str:
    """ "2024-10-30T13:00:00+01:00/2024-10-30T14:00:00+01:00" -> "2024-10-30 13:00–14:00 +01:00"."""
    start_text, _, end_text = value.partition("/")
    start = datetime.fromisoformat(start_text)
    shown = f"{start:%Y-%m-%d %H:%M}"
    if end_text:
        end = datetime.fromisoformat(end_text)
        shown += f"–{end:%H:%M}" if end.date() == start.date() else f" – {end:%Y-%m-%d %H:%M}"
    offset = start.strftime("%z")
    return f"{shown} {offset[:3]}:{offset[3:]}" if offset else shown
