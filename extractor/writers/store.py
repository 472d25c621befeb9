"""The SQLite store: every edition in the tables of the CSVs, with keys, indexes and views."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from extractor.model.dump import plan_to_dict
from extractor.model.plan import Plan
from extractor.writers.columns import derived_values, key_value
from extractor.writers.store_derived import refresh
from extractor.writers.store_schema import (
    EDITION_COLUMNS,
    LEADER_ORGANISATIONS,
    SCHEMA_VERSION,
    schema_statements,
    stored_columns,
    stored_row,
)
from extractor.writers.tables import table_rows

if TYPE_CHECKING:
    from normalizers.directory import Directory

STORE = "actionplans.sqlite"


class StoreError(Exception):
    """The store cannot be opened or an edition cannot be saved in it; the message says why."""


def open_store(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the store, with foreign keys enforced.

    A store of another schema version is refused: StoreError says to delete it (an older one:
    its editions lack what the lineages and changes are computed from) and run extract again.
    """
    conn = None
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            _transaction(conn, [(sql, None) for sql in schema_statements()])
        elif version != SCHEMA_VERSION:
            raise StoreError(_version_problem(path, version))
    except sqlite3.DatabaseError as err:
        _close(conn)
        raise StoreError(f"{path}: cannot be used as the store ({err})") from err
    except StoreError:
        _close(conn)
        raise
    return conn


def _version_problem(path: Path, version: int) -> str:
    if version < SCHEMA_VERSION:
        return (
            f"{path}: made by an older version of the tool (store schema {version}, now "
            f"{SCHEMA_VERSION}); delete it and run extract again to rebuild it"
        )
    return f"{path}: made by a newer version of the tool (store schema {version}); use that one"


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        conn.close()


def import_plan(conn: sqlite3.Connection, plan: Plan, directory: Directory | None = None) -> None:
    """Store an edition, replacing any earlier import of it, in one transaction."""
    with importing(conn, plan, directory):
        pass


@contextmanager
def importing(
    conn: sqlite3.Connection, plan: Plan, directory: Directory | None = None
) -> Iterator[None]:
    """Import an edition in an open transaction: committed when the block ends, else rolled back.

    The derived tables (edition order, changes, lineages, history) are brought up to date in
    the same transaction; directory (the default profile's when None) matches people and
    organisations in the diffs. StoreError when the rows cannot be stored or the commit fails
    (then nothing changed).
    """
    edition_id = plan.edition.id
    try:
        conn.execute("BEGIN IMMEDIATE")
        for sql, rows in _import_statements(plan):
            conn.executemany(sql, rows)
        refresh(conn, plan, directory)
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
    edition_id = plan.edition.id
    plan_text = orjson.dumps(plan_to_dict(plan)).decode()
    statements: list[tuple[str, list[tuple]]] = [
        ("DELETE FROM editions WHERE edition_id = ?", [(edition_id,)]),
        (_insert("editions", EDITION_COLUMNS), [_edition_row(plan)]),
        (_insert("plans", ("edition_id", "plan")), [(edition_id, plan_text)]),
    ]
    tables = table_rows(plan)
    for table, rows in tables.items():
        values = [
            stored_row(table, {**row, **derived_values(table, row)}, seq)
            for seq, row in enumerate(rows, start=1)
        ]
        statements.append((_insert(table, stored_columns(table)), values))
    organisations = _leader_organisations(edition_id, tables["leaders"])
    statements.append((_insert("leader_organisations", LEADER_ORGANISATIONS), organisations))
    return statements


def _leader_organisations(edition_id: str, leaders: list[dict]) -> list[tuple]:
    """One row per organisation of each leader entry, in the order the entry names them."""
    found = []
    for seq, row in enumerate(leaders, start=1):
        pairs = zip(row["organisation_ids"], row["organisation_names"], strict=True)
        for position, (organisation_id, name) in enumerate(pairs, start=1):
            found.append((
                edition_id, seq, position, organisation_id, name, row["group_id"],
                row["working_group_id"], key_value(edition_id, seq),
                key_value(edition_id, organisation_id),
            ))  # fmt: skip
    return found


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


def _edition_row(plan: Plan) -> tuple:
    edition, period = plan.edition, plan.edition.period
    return (
        edition.id, edition.label, edition.title, period.raw if period else None,
        period.start_year if period else None, period.end_year if period else None,
        edition.source.path, edition.source.sha256, edition.source.format, plan.schema_version,
    )  # fmt: skip


def _insert(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
