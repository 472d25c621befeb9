"""Change records between two editions (changes.json), read and sorted by thematic group.

A record is {"entity", "change", "key", "field", "old", "new"}: entity is thematic_group,
working_group, leader, meeting or deliverable; change is added, removed, renamed or modified;
key names the thing and starts with the id of its thematic group (or working group).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.load import read_json
from extractor.plan import Plan

CHANGE_KINDS = ("added", "removed", "renamed", "modified")
ENTITY_LABELS = {
    "thematic_group": "thematic group",
    "working_group": "working group",
    "leader": "leader",
    "meeting": "meeting",
    "deliverable": "deliverable",
}
ID_CHAR = re.compile(r"[a-z0-9-]")


class ChangesFileError(Exception):
    """A changes.json that cannot be read; the message names the file and what to do."""


@dataclass
class GroupChanges:
    """The changes that concern one thematic group (group_id None: the edition as a whole)."""

    group_id: str | None
    name: str
    old_name: str | None = None
    records: list[dict[str, Any]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        """How many of this group's records are of one change kind."""
        return sum(1 for r in self.records if r["change"] == kind)


def load_changes(path: Path) -> list[dict[str, Any]]:
    """Read changes.json: a list of change records, or an object holding one under "changes"."""
    data = read_json(path, ChangesFileError)
    records = data.get("changes") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise ChangesFileError(f"{path}: expected a list of change records (from actionplan diff)")
    for number, record in enumerate(records, start=1):
        problem = _record_problem(record)
        if problem:
            raise ChangesFileError(f"{path}: change record {number} {problem}")
    return records


def _record_problem(record: Any) -> str | None:
    if not isinstance(record, dict):
        return "is not an object"
    for name in ("entity", "change", "key"):
        if not isinstance(record.get(name), str):
            return f"has no text '{name}'"
    if record["change"] not in CHANGE_KINDS:
        return f"has change {record['change']!r}; expected one of {', '.join(CHANGE_KINDS)}"
    return None


def group_changes(records: list[dict[str, Any]], old: Plan, new: Plan) -> list[GroupChanges]:
    """The records by thematic group: new edition's order, then removed groups, then the rest."""
    sections: dict[str | None, GroupChanges] = {}
    for group in [*new.thematic_groups, *old.thematic_groups]:
        sections.setdefault(group.id, GroupChanges(group.id, group.name))
    aliases = _renamed_groups(records, old, new)
    for old_id, new_id in aliases.items():
        sections[new_id].old_name = sections.pop(old_id).name
    sections[None] = GroupChanges(None, "The edition as a whole")
    ids = [k for k in sections if k] + list(aliases)
    for record in records:
        group_id = _owner(record["key"], ids)
        sections[aliases.get(group_id, group_id)].records.append(record)
    return [s for s in sections.values() if s.records]


def _renamed_groups(records: list[dict[str, Any]], old: Plan, new: Plan) -> dict[str, str]:
    """Old id to new id of thematic groups renamed (their id is a slug of their name)."""
    old_ids = {g.name: g.id for g in old.thematic_groups}
    new_ids = {g.name: g.id for g in new.thematic_groups}
    found = {}
    for record in records:
        if record["entity"] == "thematic_group" and record["change"] == "renamed":
            old_id, new_id = old_ids.get(record.get("old")), new_ids.get(record.get("new"))
            if old_id and new_id and old_id != new_id:
                found[old_id] = new_id
    return found


def _owner(key: str, ids: list[str]) -> str | None:
    """The longest id that the key starts with, followed by the end or a separator."""
    for candidate in sorted(ids, key=len, reverse=True):
        rest = key[len(candidate) :]
        if key.startswith(candidate) and not (rest and ID_CHAR.match(rest[0])):
            return candidate
    return None


def subject(record: dict[str, Any], old: Plan, new: Plan) -> str:
    """What a record is about, in words: the working group's number and title when it has one."""
    labels = {}
    for plan in (old, new):
        for group in plan.thematic_groups:
            labels[group.id] = group.name
            labels.update({wg.id: f"WG{wg.number} {wg.title}" for wg in group.working_groups})
    key = record["key"]
    owner = _owner(key, list(labels))
    if owner is None:
        return key
    rest = key[len(owner) :].strip("/#:@ ")
    return f"{labels[owner]} · {rest}" if rest else labels[owner]


def show_value(value: Any) -> str:
    """A changed value as a reader wants it: its raw text, name or title, or compact JSON."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(show_value(v) for v in value) or "none"
    if isinstance(value, dict):
        for name in ("raw", "name", "title", "start"):
            if isinstance(value.get(name), str):
                return value[name]
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
