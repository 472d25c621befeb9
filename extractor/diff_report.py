"""The written forms of a diff: changes.json, changes.csv and the changes.md summary."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from extractor.diff import RECORD_FIELDS, Change, GroupChanges, PlanDiff
from extractor.plan import Edition
from extractor.writers import csv_text

ENTITY_NAMES = {
    "thematic_group": "thematic group",
    "working_group": "working group",
    "leader": "leader",
    "meeting": "meeting",
    "deliverable": "deliverable",
}
CHANGE_KINDS = ("added", "removed", "renamed", "modified")
# Sections newest first: groups new in NEW, NEW's "new" groups, the ongoing ones, removed groups.
SECTION_RANK = {"added": 0, "new": 1, "kept": 2, "removed": 3}
# Values longer than this go on lines of their own in changes.md.
MD_TEXT_LIMIT = 80


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
    lines = [f"# Changes from {_edition_name(diff.old)} to {_edition_name(diff.new)}", ""]
    changes = diff.changes
    if not changes:
        return "\n".join([*lines, "No changes.", ""])
    counts = [f"{sum(c.change == kind for c in changes)} {kind}" for kind in CHANGE_KINDS]
    lines += [f"{len(changes)} changes: {', '.join(counts)}.", ""]
    for group in sorted((g for g in diff.groups if g.changes), key=_section_rank):
        suffix = f" ({group.presence})" if group.presence != "kept" else ""
        lines += [f"## {group.name}{suffix}", ""]
        lines += [_md_line(change) for change in group.changes]
        lines.append("")
    return "\n".join(lines)


def report_files(diff: PlanDiff) -> dict[str, str]:
    """File name to text: changes.json, changes.csv and changes.md."""
    return {
        "changes.json": changes_json(diff),
        "changes.csv": changes_csv(diff),
        "changes.md": changes_md(diff),
    }


def _edition_name(edition: Edition) -> str:
    return f"{edition.title} {edition.period.raw}" if edition.period else edition.title


def _section_rank(group: GroupChanges) -> int:
    if group.presence == "kept" and group.stage == "new":
        return SECTION_RANK["new"]
    return SECTION_RANK[group.presence]


def _md_line(change: Change) -> str:
    """One bullet: what happened to which entity, and the values; long values on their own lines."""
    entity = ENTITY_NAMES[change.entity]
    where = change.key
    if change.entity == "meeting":
        where = where.rsplit("/", 1)[0]  # the key's last part is the time, shown anyway
    if change.change in ("added", "removed"):
        value = change.new if change.change == "added" else change.old
        return f"- {entity} `{where}` {change.change}: {_md_value(change, value)}"
    head = f"- {entity} `{where}` {_verb(change)}"
    old, new = _md_value(change, change.old), _md_value(change, change.new)
    if isinstance(change.old, list) or isinstance(change.new, list):
        return "\n".join([f"{head}:", *_list_lines(change.old or [], change.new or [])])
    if max(len(old), len(new)) > MD_TEXT_LIMIT:
        return f"{head}:\n  - was: {old}\n  - now: {new}"
    return f"{head}: {old} → {new}"


def _verb(change: Change) -> str:
    if change.entity == "meeting":
        return "rescheduled"
    if change.change == "renamed":
        return "renumbered" if change.field == "number" else "renamed"
    return (change.field or "").replace("_", " ")


def _list_lines(old: list, new: list) -> list[str]:
    gone = [f"  - removed: {item}" for item in old if item not in new]
    return gone + [f"  - added: {item}" for item in new if item not in old]


def _md_value(change: Change, value: Any) -> str:
    if value is None:
        return "none"
    if change.entity == "meeting":
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
