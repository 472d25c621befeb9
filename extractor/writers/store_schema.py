"""The SQLite store's schema: the CSV tables with their keys, the derived tables, the views.

Written as SQL rather than through sqlite-utils: its 3.x releases cannot declare ON DELETE
actions, deferred or two-column foreign keys or CHECKs, which the store relies on, and its
inserts commit on their own, which the one-transaction import (store.importing) cannot have.
"""

from __future__ import annotations

from typing import Any

from extractor.compare.kinds import EntityKind
from extractor.writers.columns import (
    DERIVED_COLUMNS,
    KEYS,
    NATURAL_KEYS,
    SEQ,
    ColumnKind,
    column_kind,
    key_references,
    key_value,
    plain_value,
)
from extractor.writers.store_views import VIEWS
from extractor.writers.tables import TABLE_COLUMNS

SCHEMA_VERSION = 2
EDITION_COLUMNS = (
    "edition_id", "label", "title", "period_raw", "period_start", "period_end", "source_path",
    "source_sha256", "source_format", "schema_version",
)  # fmt: skip
# Tables whose rows carry the lineage of their entity (see extractor/compare/lineage.py), with
# the entity kind and the id column.
LINEAGE_TABLES = {
    "thematic_groups": (EntityKind.THEMATIC_GROUP, "group_id"),
    "working_groups": (EntityKind.WORKING_GROUP, "working_group_id"),
}
LINEAGE = "lineage_id"
LEADER_ORGANISATIONS = (
    "edition_id", "leader_seq", "position", "organisation_id", "organisation_name", "group_id",
    "working_group_id", "leader_key", "organisation_key",
)  # fmt: skip
DEFERRED = "DEFERRABLE INITIALLY DEFERRED"
EDITION = "NOT NULL REFERENCES editions (edition_id) ON DELETE CASCADE"

# The tables beside those of the CSVs: each edition's plan.json, then what the store derives
# from all its editions on every import (see store_derived.py).
OTHER_TABLES = {
    "plans": """CREATE TABLE plans (
    edition_id TEXT PRIMARY KEY REFERENCES editions (edition_id) ON DELETE CASCADE,
    plan TEXT NOT NULL)""",
    "edition_order": f"""CREATE TABLE edition_order (
    edition_id TEXT PRIMARY KEY REFERENCES editions (edition_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    previous_edition_id TEXT REFERENCES editions (edition_id) ON DELETE CASCADE {DEFERRED})""",
    "entity_lineage": f"""CREATE TABLE entity_lineage (
    edition_id TEXT {EDITION}, entity TEXT NOT NULL, id TEXT NOT NULL, previous_id TEXT,
    lineage_id TEXT,
    PRIMARY KEY (edition_id, entity, id))""",
    "changes": f"""CREATE TABLE changes (
    old_edition_id TEXT {EDITION}, new_edition_id TEXT {EDITION}, seq INTEGER NOT NULL,
    entity TEXT NOT NULL, change TEXT NOT NULL, key TEXT NOT NULL, field TEXT, old TEXT,
    new TEXT,
    PRIMARY KEY (new_edition_id, seq))""",
    "history": f"""CREATE TABLE history (
    row INTEGER NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT,
    edition_id TEXT {EDITION}, value TEXT,
    PRIMARY KEY (row, edition_id))""",
}


def schema_statements() -> list[str]:
    """CREATE statements of the tables, indexes and views, and the schema version."""
    sql = [_editions_table()]
    for table in TABLE_COLUMNS:
        sql.append(_table(table))
        sql += _indexes(table)
    sql.append(_leader_organisations_table())
    sql += _indexes("leader_organisations", LEADER_ORGANISATIONS)
    sql += list(OTHER_TABLES.values())
    sql += [
        "CREATE INDEX entity_lineage_lineage_id ON entity_lineage (lineage_id, entity)",
        "CREATE INDEX changes_old_edition_id ON changes (old_edition_id)",
        "CREATE INDEX history_edition_id ON history (edition_id)",
    ]
    sql += [f"CREATE VIEW {name} AS {body.strip()}" for name, body in VIEWS.items()]
    sql.append(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return sql


def stored_columns(table: str) -> tuple[str, ...]:
    """A CSV table's columns in the store: the CSV's, derived ones, keys, lineage, seq."""
    columns = TABLE_COLUMNS[table] + DERIVED_COLUMNS.get(table, ())
    if table in KEYS:
        columns += (KEYS[table][0],)
    columns += tuple(key for key, *_ in key_references(table))
    if table in LINEAGE_TABLES:
        columns += (LINEAGE,)
    return columns if table in NATURAL_KEYS else (*columns, SEQ)


def stored_row(table: str, row: dict[str, Any], seq: int) -> tuple:
    """A row's values in the order of stored_columns (lineage ids are filled in later)."""
    edition = row["edition_id"]
    values = {**row, SEQ: seq}
    if table in KEYS:
        key, column = KEYS[table]
        values[key] = key_value(edition, values[column])
    for key, column, *_ in key_references(table):
        values[key] = key_value(edition, row.get(column))
    return tuple(plain_value(values.get(column)) for column in stored_columns(table))


def _editions_table() -> str:
    return """CREATE TABLE editions (
    edition_id TEXT PRIMARY KEY, label TEXT NOT NULL, title TEXT NOT NULL, period_raw TEXT,
    period_start INTEGER, period_end INTEGER, source_path TEXT, source_sha256 TEXT,
    source_format TEXT, schema_version TEXT)"""


def _table(table: str) -> str:
    natural = NATURAL_KEYS.get(table, SEQ)
    columns = stored_columns(table)
    own = {natural, KEYS.get(table, (natural,))[0]}
    lines = [f'"{c}" {_sql_type(c, c in own)}' for c in columns]
    lines[0] += f" {EDITION}"
    if table in KEYS:
        key, column = KEYS[table]
        lines.append(f'PRIMARY KEY ("{key}")')
        lines.append(f'UNIQUE (edition_id, "{natural}")')
        lines.append(f'CHECK ("{key}" = edition_id || \'/\' || "{column}")')
    else:
        lines.append(f'PRIMARY KEY (edition_id, "{natural}")')
    for key, column, parent, parent_key in key_references(table):
        lines.append(f'FOREIGN KEY ("{key}") REFERENCES {parent} ("{parent_key}") {DEFERRED}')
        lines.append(f'CHECK ("{key}" IS edition_id || \'/\' || "{column}")')
    return f"CREATE TABLE {table} (\n    " + ",\n    ".join(lines) + ")"


def _leader_organisations_table() -> str:
    return f"""CREATE TABLE leader_organisations (
    edition_id TEXT {EDITION}, leader_seq INTEGER NOT NULL, position INTEGER NOT NULL,
    organisation_id TEXT NOT NULL, organisation_name TEXT, group_id TEXT NOT NULL,
    working_group_id TEXT,
    leader_key TEXT NOT NULL REFERENCES leaders (leader_key) {DEFERRED},
    organisation_key TEXT NOT NULL REFERENCES organisations (organisation_key) {DEFERRED},
    PRIMARY KEY (edition_id, leader_seq, position))"""


def _indexes(table: str, columns: tuple[str, ...] | None = None) -> list[str]:
    """An index on every id column (with the edition) and on every key pointing elsewhere."""
    columns = columns or stored_columns(table)
    own = KEYS.get(table, ("",))[0]
    ids = [c for c in columns if c.endswith("_id") and c != "edition_id"]
    keys = [c for c in columns if c.endswith("_key") and c != own]
    return [f'CREATE INDEX {table}_{c} ON {table} ("{c}", edition_id)' for c in ids] + [
        f'CREATE INDEX {table}_{c} ON {table} ("{c}")' for c in keys
    ]


def _sql_type(column: str, is_key: bool) -> str:
    kind = column_kind(column)
    if kind == ColumnKind.BOOLEAN:
        return f'INTEGER CHECK ("{column}" IN (0, 1))'
    if column == SEQ:
        return "INTEGER NOT NULL"
    return ("INTEGER" if kind == ColumnKind.INTEGER else "TEXT") + (" NOT NULL" if is_key else "")
