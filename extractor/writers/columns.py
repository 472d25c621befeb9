"""Column types and keys of the tables, shared by the SQLite store and the DataFrames."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from extractor.writers.tables import LIST_SEPARATOR


class ColumnKind(StrEnum):
    """What a column holds, which decides its SQL type and its DataFrame dtype."""

    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    INSTANT = "instant"  # a UTC instant, ISO 8601 text ending in Z
    LOCAL_TIME = "local_time"  # a wall-clock time without offset, ISO 8601 text


INTEGER_COLUMNS = frozenset({
    "number", "timeline_start", "timeline_end", "expected_publication_start",
    "expected_publication_end", "working_groups", "meetings", "deliverables",
})  # fmt: skip
BOOLEAN_COLUMNS = frozenset({"approved", "known", "is_new"})
INSTANT_COLUMNS = frozenset({"start_utc", "end_utc"})
# The wall-clock time of a meeting, from the ISO text with offset it is read off.
LOCAL_TIMES = {"start_local": "start", "end_local": "end"}
# Columns the DataFrames and the store add after a CSV table's own (the CSVs keep the text).
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {"meetings": tuple(LOCAL_TIMES)}

# A table's own key within an edition; the others are keyed by their row number ("seq").
NATURAL_KEYS: dict[str, str] = {
    "thematic_groups": "group_id",
    "working_groups": "working_group_id",
    "people": "person_id",
    "organisations": "organisation_id",
}
SEQ = "seq"

# (column, table it points to, that table's key column), within one edition.
REFERENCES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "working_groups": (("group_id", "thematic_groups", "group_id"),),
    "leaders": (
        ("group_id", "thematic_groups", "group_id"),
        ("working_group_id", "working_groups", "working_group_id"),
        ("person_id", "people", "person_id"),
    ),
    "meetings": (
        ("group_id", "thematic_groups", "group_id"),
        ("working_group_id", "working_groups", "working_group_id"),
    ),
    "deliverables": (
        ("group_id", "thematic_groups", "group_id"),
        ("working_group_id", "working_groups", "working_group_id"),
    ),
    "organisations": (("parent_id", "organisations", "organisation_id"),),
}

# Single-column keys "<edition id>/<id>" for tools that follow only one-column foreign keys
# (Datasette): the store's primary key of these tables, built from the column named.
KEYS: dict[str, tuple[str, str]] = {
    "thematic_groups": ("group_key", "group_id"),
    "working_groups": ("working_group_key", "working_group_id"),
    "people": ("person_key", "person_id"),
    "organisations": ("organisation_key", "organisation_id"),
    "leaders": ("leader_key", SEQ),
}


def key_references(table: str) -> tuple[tuple[str, str, str, str], ...]:
    """(key column, id column it is built from, table it points to, that table's key column)."""
    return tuple(
        (column.removesuffix("_id") + "_key", column, parent, KEYS[parent][0])
        for column, parent, _ in REFERENCES.get(table, ())
    )


def key_value(edition_id: str, value: Any) -> str | None:
    """A single-column key: "<edition id>/<id>", None when there is no id."""
    return None if value is None else f"{edition_id}/{value}"


def column_kind(column: str) -> ColumnKind:
    """What the column holds (see ColumnKind)."""
    if column in INTEGER_COLUMNS:
        return ColumnKind.INTEGER
    if column in BOOLEAN_COLUMNS:
        return ColumnKind.BOOLEAN
    if column in INSTANT_COLUMNS:
        return ColumnKind.INSTANT
    return ColumnKind.LOCAL_TIME if column in LOCAL_TIMES else ColumnKind.TEXT


def local_time(text: str | None) -> str | None:
    """The wall-clock part of an ISO 8601 time with offset: "2024-10-30T14:30:00"."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None).isoformat(timespec="seconds")
    except ValueError:
        return None


def derived_values(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The derived columns of a row (see DERIVED_COLUMNS)."""
    return {
        column: local_time(row.get(LOCAL_TIMES[column]))
        for column in DERIVED_COLUMNS.get(table, ())
    }


def plain_value(value: Any) -> Any:
    """A cell as SQL and DataFrames hold it: lists joined as in the CSVs, empty values as None."""
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    return None if value == "" else value
