"""What the store derives from all its editions, on every import: their period order, the
changes between consecutive editions (as `actionplan diff` gives them), the lineage of every
group and working group, and the history table (as `actionplan history` gives it).

Only the editions whose predecessor in period order changed (or that were just imported) are
compared again; lineage ids and the history are then recomputed over every edition.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING, Any

import orjson

from extractor.compare.history import Lead, Sighting, history_table
from extractor.compare.kinds import EntityKind
from extractor.compare.lineage import Link, lineage_ids, links, period_order
from extractor.model.load import plan_from_dict
from extractor.model.plan import Plan
from extractor.writers.store_schema import LINEAGE_TABLES
from extractor.writers.tables import LIST_SEPARATOR

if TYPE_CHECKING:
    from normalizers.directory import Directory


@cache
def default_directory() -> Directory:
    """The alias tables of the default profile."""
    from extractor.profile.load import DEFAULT_PROFILE, load_profile

    return load_profile(DEFAULT_PROFILE, ()).directory


def refresh(conn: sqlite3.Connection, plan: Plan, directory: Directory | None = None) -> None:
    """Bring the derived tables up to date after plan was imported (in the open transaction)."""
    order = period_ordered(conn)
    compared = dict(conn.execute("SELECT edition_id, previous_edition_id FROM edition_order"))
    plans = {plan.edition.id: plan}
    for index, edition in enumerate(order):
        previous = order[index - 1] if index else None
        if edition in compared and compared[edition] == previous:
            continue  # its rows were made against this predecessor, and neither changed since
        old = _plan(conn, plans, previous) if previous else None
        _compare(conn, old, _plan(conn, plans, edition), directory or default_directory())
    conn.executemany(
        "UPDATE edition_order SET position = ? WHERE edition_id = ?",
        [(position, edition) for position, edition in enumerate(order, start=1)],
    )
    _lineages(conn, order)
    _history(conn, order)


def period_ordered(conn: sqlite3.Connection) -> list[str]:
    """The store's edition ids in period order (editions without a period last)."""
    rows = conn.execute("SELECT period_start, period_end, edition_id FROM editions").fetchall()
    return [row[2] for row in sorted(rows, key=lambda row: period_order(*row))]


def change_text(value: Any) -> str | None:
    """A change record's old or new value as changes.csv writes it (without the formula guard),
    an empty one as NULL."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    return None if value is None or value == "" else str(value)


def _plan(conn: sqlite3.Connection, plans: dict[str, Plan], edition_id: str) -> Plan:
    if edition_id not in plans:
        row = conn.execute("SELECT plan FROM plans WHERE edition_id = ?", (edition_id,)).fetchone()
        plans[edition_id] = plan_from_dict(orjson.loads(row[0]))
    return plans[edition_id]


def _compare(conn: sqlite3.Connection, old: Plan | None, new: Plan, directory: Directory) -> None:
    """The lineage links and change records of NEW against the edition before it (OLD)."""
    new_id, old_id = new.edition.id, old.edition.id if old else None
    conn.execute("DELETE FROM changes WHERE new_edition_id = ?", (new_id,))
    conn.execute("DELETE FROM entity_lineage WHERE edition_id = ?", (new_id,))
    conn.executemany(
        "INSERT INTO entity_lineage (edition_id, entity, id, previous_id) VALUES (?, ?, ?, ?)",
        [(new_id, link.entity, link.id, link.previous_id) for link in links(old, new)],
    )
    if old is not None:
        from extractor.compare.diff import diff_plans  # not needed by a store's first edition

        records = diff_plans(old, new, directory).changes
        conn.executemany(
            "INSERT INTO changes (old_edition_id, new_edition_id, seq, entity, change, key, "
            "field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (old_id, new_id, seq, c.entity, c.change, c.key, c.field,
                 change_text(c.old), change_text(c.new))
                for seq, c in enumerate(records, start=1)
            ],
        )  # fmt: skip
    conn.execute(
        "INSERT OR REPLACE INTO edition_order (edition_id, position, previous_edition_id) "
        "VALUES (?, 0, ?)",
        (new_id, old_id),
    )


def _lineages(conn: sqlite3.Connection, order: list[str]) -> None:
    """Lineage ids over every edition, in entity_lineage and the group and working group rows."""
    found: dict[str, list[Link]] = defaultdict(list)
    rows = conn.execute(
        "SELECT edition_id, entity, id, previous_id FROM entity_lineage ORDER BY rowid"
    )
    for edition, entity, id_, previous in rows:
        found[edition].append(Link(entity=EntityKind(entity), id=id_, previous_id=previous))
    ids = lineage_ids([(edition, found[edition]) for edition in order])
    conn.executemany(
        "UPDATE entity_lineage SET lineage_id = ? "
        "WHERE edition_id = ? AND entity = ? AND id = ? AND lineage_id IS NOT ?",
        [
            (lineage, edition, entity, id_, lineage)
            for edition, lineages in zip(order, ids, strict=True)
            for (entity, id_), lineage in lineages.items()
        ],
    )
    for table, (entity, column) in LINEAGE_TABLES.items():
        current = f"""(SELECT l.lineage_id FROM entity_lineage AS l
            WHERE l.edition_id = {table}.edition_id AND l.entity = '{entity}'
              AND l.id = {table}.{column})"""
        conn.execute(f"UPDATE {table} SET lineage_id = {current} WHERE lineage_id IS NOT {current}")


def _history(conn: sqlite3.Connection, order: list[str]) -> None:
    """The history table over every edition, one row per (history row, edition) with a value."""
    sightings: dict[str, list[Sighting]] = defaultdict(list)
    for edition, lineage, id_, title, status in conn.execute(
        """SELECT w.edition_id, w.lineage_id, w.working_group_id, w.title, w.status
        FROM working_groups AS w ORDER BY w.rowid"""
    ):
        sightings[edition].append(Sighting(lineage=lineage, id=id_, title=title, status=status))
    leads: dict[str, list[Lead]] = defaultdict(list)
    for edition, owner, person, name in conn.execute(
        """SELECT edition_id, coalesce(working_group_id, group_id), person_id, name FROM leaders
        WHERE name IS NOT NULL AND person_id IS NOT NULL ORDER BY edition_id, seq"""
    ):
        leads[edition].append(Lead(owner_id=owner, person_id=person, name=name))
    table = history_table(order, [sightings[e] for e in order], [leads[e] for e in order])
    conn.execute("DELETE FROM history")
    conn.executemany(
        "INSERT INTO history (row, kind, id, name, edition_id, value) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (number, row.kind, row.id, row.name, edition, change_text(value))
            for number, row in enumerate(table.rows, start=1)
            for edition, value in zip(order, row.values, strict=True)
            if value not in (None, [])
        ],
    )
