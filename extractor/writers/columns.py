"""Column types and keys of the tables, shared by the SQLite store and the DataFrames."""

from __future__ import annotations

from typing import Any

from extractor.writers.tables import LIST_SEPARATOR

INTEGER_COLUMNS = frozenset({
    "number", "timeline_start", "timeline_end", "expected_publication_start",
    "expected_publication_end", "working_groups", "meetings", "deliverables",
})  # fmt: skip
BOOLEAN_COLUMNS = frozenset({"approved", "known", "is_new"})

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


def column_kind(column: str) -> str:
    """ "integer", "boolean" or "text"."""
    if column in INTEGER_COLUMNS:
        return "integer"
    return "boolean" if column in BOOLEAN_COLUMNS else "text"


def plain_value(value: Any) -> Any:
    """A cell as SQL and DataFrames hold it: lists joined as in the CSVs, empty values as None."""
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    return None if value == "" else value
