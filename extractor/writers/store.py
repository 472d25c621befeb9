"""The SQLite store: every edition in the tables of the CSVs, with keys, indexes and views."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractor.model.plan import Plan
from extractor.writers.columns import NATURAL_KEYS, REFERENCES, SEQ, column_kind, plain_value
from extractor.writers.tables import TABLE_COLUMNS, table_rows

STORE = "actionplans.sqlite"
SCHEMA_VERSION = 1
EDITION_COLUMNS = (
    "edition_id", "title", "period_raw", "period_start", "period_end", "source_path",
    "source_sha256", "source_format", "schema_version",
)  # fmt: skip

LEADERS_OF = """(SELECT group_concat(who, '; ') FROM (
    SELECT coalesce(l.name, l.organisation_names, l.raw) AS who FROM leaders AS l
    WHERE l.edition_id = {owner}.edition_id AND l.group_id = {owner}.group_id
      AND l.working_group_id IS {owner}.working_group_id ORDER BY l.seq))"""

VIEWS = {
    "meeting_schedule": f"""
SELECT m.edition_id, e.title AS edition_title, m.group_id, g.name AS group_name,
       m.working_group_id, w.number AS working_group_number, w.title AS working_group_title,
       {LEADERS_OF.format(owner="m")} AS leaders,
       m.start, m."end", m.start_utc, m.end_utc, m.timezone, m.raw, m.source_location
FROM meetings AS m
JOIN editions AS e ON e.edition_id = m.edition_id
JOIN thematic_groups AS g ON g.edition_id = m.edition_id AND g.group_id = m.group_id
LEFT JOIN working_groups AS w
  ON w.edition_id = m.edition_id AND w.working_group_id = m.working_group_id""",
    "working_group_status": f"""
SELECT w.edition_id, e.title AS edition_title, e.period_start, e.period_end,
       w.group_id, g.name AS group_name, g.stage AS group_stage, w.working_group_id, w.number,
       w.title, w.status, w.status_raw, {LEADERS_OF.format(owner="w")} AS leaders,
       w.timeline_raw, w.expected_publication_raw, w.meetings, w.deliverables
FROM working_groups AS w
JOIN editions AS e ON e.edition_id = w.edition_id
JOIN thematic_groups AS g ON g.edition_id = w.edition_id AND g.group_id = w.group_id""",
    "leadership": """
SELECT l.edition_id, e.title AS edition_title, l.group_id, g.name AS group_name,
       l.working_group_id, w.title AS working_group_title, l.role, l.person_id, l.name,
       l.organisation_ids, l.organisation_names, l.country, l.position
FROM leaders AS l
JOIN editions AS e ON e.edition_id = l.edition_id
JOIN thematic_groups AS g ON g.edition_id = l.edition_id AND g.group_id = l.group_id
LEFT JOIN working_groups AS w
  ON w.edition_id = l.edition_id AND w.working_group_id = l.working_group_id""",
    "edition_summary": """
SELECT e.edition_id, e.title, e.period_start, e.period_end, e.source_format,
       (SELECT count(*) FROM thematic_groups AS t WHERE t.edition_id = e.edition_id)
           AS thematic_groups,
       (SELECT count(*) FROM working_groups AS t WHERE t.edition_id = e.edition_id)
           AS working_groups,
       (SELECT count(*) FROM meetings AS t WHERE t.edition_id = e.edition_id) AS meetings,
       (SELECT count(*) FROM people AS t WHERE t.edition_id = e.edition_id) AS people,
       (SELECT count(*) FROM warnings AS t WHERE t.edition_id = e.edition_id) AS warnings
FROM editions AS e""",
}


class StoreError(Exception):
    """The store cannot be opened or an edition cannot be saved in it; the message says why."""


def open_store(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the store, with foreign keys enforced."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            _transaction(conn, schema_statements())
        elif version != SCHEMA_VERSION:
            raise StoreError(f"{path}: made by another version of the tool; move it aside")
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: cannot be used as the store ({err})") from err
    return conn


def import_plan(conn: sqlite3.Connection, plan: Plan) -> None:
    """Store an edition, replacing any earlier import of it, in one transaction."""
    with importing(conn, plan):
        pass


@contextmanager
def importing(conn: sqlite3.Connection, plan: Plan) -> Iterator[None]:
    """Import an edition in an open transaction: committed when the block ends, else rolled back.

    StoreError when the rows cannot be stored or the commit fails (then nothing changed).
    """
    edition_id = plan.edition.id
    try:
        conn.execute("BEGIN IMMEDIATE")
        for sql, rows in _import_statements(plan):
            conn.executemany(sql, rows)
    except sqlite3.DatabaseError as err:
        _rollback(conn)
        raise StoreError(f"edition {edition_id} not stored ({err})") from err
    except BaseException:
        _rollback(conn)
        raise
    try:
        yield
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as err:
        _rollback(conn)
        raise StoreError(f"edition {edition_id} not stored ({err})") from err


def stored_sources(conn: sqlite3.Connection) -> dict[str, str | None]:
    """The editions the store holds, each with the SHA-256 of the input it was read from."""
    return dict(conn.execute("SELECT edition_id, source_sha256 FROM editions").fetchall())


def _import_statements(plan: Plan) -> list[tuple[str, list[tuple]]]:
    statements: list[tuple[str, list[tuple]]] = [
        ("DELETE FROM editions WHERE edition_id = ?", [(plan.edition.id,)]),
        (_insert("editions", EDITION_COLUMNS), [_edition_row(plan)]),
    ]
    for table, rows in table_rows(plan).items():
        columns = _stored_columns(table)
        values = [_row_values(table, row, seq) for seq, row in enumerate(rows, start=1)]
        statements.append((_insert(table, columns), values))
    return statements


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if there is one (a failed COMMIT may have ended it)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _transaction(conn: sqlite3.Connection, statements) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for sql, rows in statements:
            if rows is None:
                conn.execute(sql)
            else:
                conn.executemany(sql, rows)
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise


def schema_statements() -> list[tuple[str, None]]:
    """CREATE statements of the tables, indexes and views, and the schema version."""
    sql = [_editions_table()]
    for table in TABLE_COLUMNS:
        sql.append(_table(table))
        sql += _indexes(table)
    sql += [f"CREATE VIEW {name} AS {body.strip()}" for name, body in VIEWS.items()]
    sql.append(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return [(statement, None) for statement in sql]


def _editions_table() -> str:
    return """CREATE TABLE editions (
    edition_id TEXT PRIMARY KEY, title TEXT NOT NULL, period_raw TEXT, period_start INTEGER,
    period_end INTEGER, source_path TEXT, source_sha256 TEXT, source_format TEXT,
    schema_version TEXT)"""


def _table(table: str) -> str:
    key = NATURAL_KEYS.get(table, SEQ)
    lines = [f'"{c}" {_sql_type(c, c == key)}' for c in _stored_columns(table)]
    lines[0] += " NOT NULL REFERENCES editions (edition_id) ON DELETE CASCADE"
    lines.append(f'PRIMARY KEY (edition_id, "{key}")')
    for column, parent, parent_key in REFERENCES.get(table, ()):
        lines.append(
            f'FOREIGN KEY (edition_id, "{column}") REFERENCES {parent} (edition_id, "{parent_key}")'
            " DEFERRABLE INITIALLY DEFERRED"
        )
    body = ",\n    ".join(lines)
    return f"CREATE TABLE {table} (\n    {body})"


def _indexes(table: str) -> list[str]:
    ids = [c for c in TABLE_COLUMNS[table] if c.endswith("_id") and c != "edition_id"]
    return [f'CREATE INDEX {table}_{c} ON {table} ("{c}", edition_id)' for c in ids]


def _sql_type(column: str, is_key: bool) -> str:
    kind = column_kind(column)
    if kind == "boolean":
        return f'INTEGER CHECK ("{column}" IN (0, 1))'
    return "INTEGER NOT NULL" if column == SEQ else kind.upper() + (" NOT NULL" if is_key else "")


def _stored_columns(table: str) -> tuple[str, ...]:
    columns = TABLE_COLUMNS[table]
    return columns if table in NATURAL_KEYS else (*columns, SEQ)


def _row_values(table: str, row: dict, seq: int) -> tuple:
    values = [plain_value(row.get(column)) for column in TABLE_COLUMNS[table]]
    return tuple(values) if table in NATURAL_KEYS else (*values, seq)


def _edition_row(plan: Plan) -> tuple:
    edition, period = plan.edition, plan.edition.period
    return (
        edition.id, edition.title, period.raw if period else None,
        period.start_year if period else None, period.end_year if period else None,
        edition.source.path, edition.source.sha256, edition.source.format, plan.schema_version,
    )  # fmt: skip


def _insert(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
