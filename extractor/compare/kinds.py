"""The closed vocabularies of a diff: what changed, how, and whether a group is still there."""

from __future__ import annotations

from enum import StrEnum


class EntityKind(StrEnum):
    """The kind of entity a change record is about."""

    THEMATIC_GROUP = "thematic_group"
    WORKING_GROUP = "working_group"
    LEADER = "leader"
    MEETING = "meeting"
    DELIVERABLE = "deliverable"


class ChangeKind(StrEnum):
    """What happened to an entity: in the order changes.md and the diff page count them."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    MODIFIED = "modified"


class Presence(StrEnum):
    """Whether an entity of NEW is new, was there in OLD too, or is gone from NEW."""

    ADDED = "added"
    KEPT = "kept"
    REMOVED = "removed"
