"""The Python API for notebooks and dashboards: extract a deck, load tables as DataFrames.

    from extractor.api import extract_deck, load_tables
    plan = extract_deck("samples/u4ssc-action-plan-2024-2025.md")
    tables = load_tables("output")          # {"meetings": DataFrame, ...}, every edition
    changes("output")                       # the diffs of consecutive editions in the store

pandas is needed only by the functions that return DataFrames, and imported by them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.batch.jobs import Settings
from extractor.batch.run import BatchOptions, collect_inputs, run_batch
from extractor.model.load import load_plan
from extractor.model.plan import Plan
from extractor.profile.load import DEFAULT_PROFILE, load_profile
from extractor.recognise.extract import extract_plan
from extractor.writers.columns import NATURAL_KEYS, SEQ
from extractor.writers.store import STORE
from extractor.writers.store_schema import LINEAGE, LINEAGE_TABLES
from extractor.writers.tables import TABLE_COLUMNS
from parsers.detect import parse_file
from parsers.safety import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BatchOptions", "Plan", "Settings", "changes", "collect_inputs", "extract_deck", "history",
    "load_plan", "load_store", "load_tables", "plan_tables", "run_batch",
]  # fmt: skip

PathLike = str | Path


def extract_deck(
    path: PathLike,
    profile: PathLike | None = None,
    aliases: Iterable[PathLike] = (),
    limits: Limits = DEFAULT_LIMITS,
    password: str | None = None,
) -> Plan:
    """Read one deck into a Plan, in this process; InputError or NoPlanError when it cannot."""
    vocabulary = load_profile(Path(profile or DEFAULT_PROFILE), tuple(map(Path, aliases)))
    return extract_plan(parse_file(Path(path), password, limits), vocabulary)


def plan_tables(plan: Plan) -> dict[str, pd.DataFrame]:
    """A plan's tables as DataFrames, one per CSV file, with the same columns."""
    from extractor.writers.frames import plan_frames

    return plan_frames(plan)


def load_tables(outdir: PathLike) -> dict[str, pd.DataFrame]:
    """Every edition folder under an output folder, as one DataFrame per table.

    Folders of renditions kept apart (<edition id>--<format>) are left out.
    """
    import pandas as pd

    from extractor.writers.frames import csv_frame, empty_frame

    folders = [
        f
        for f in sorted(Path(outdir).iterdir())
        if f.is_dir() and "--" not in f.name and (f / "thematic_groups.csv").is_file()
    ]
    tables = {}
    for table in TABLE_COLUMNS:
        frames = [csv_frame(f / f"{table}.csv") for f in folders if (f / f"{table}.csv").is_file()]
        tables[table] = pd.concat(frames, ignore_index=True) if frames else empty_frame(table)
    return tables


def load_store(path: PathLike) -> dict[str, pd.DataFrame]:
    """The SQLite store (a file, or the output folder holding it) as one DataFrame per table.

    The tables of the CSVs (with the derived columns, and lineage_id in thematic_groups and
    working_groups), then leader_organisations and entity_lineage.
    """
    from extractor.writers.frames import frame_columns, rows_frame

    with _store(path) as conn:
        tables = {}
        for table in TABLE_COLUMNS:
            extra = (LINEAGE,) if table in LINEAGE_TABLES else ()
            order = f"edition_id, {SEQ}" if table not in NATURAL_KEYS else "edition_id, rowid"
            names = ", ".join(f'"{c}"' for c in frame_columns(table) + extra)
            rows = conn.execute(f"SELECT {names} FROM {table} ORDER BY {order}").fetchall()
            tables[table] = rows_frame(table, [dict(row) for row in rows], extra)
        tables["leader_organisations"] = _frame(
            conn, "SELECT * FROM leader_organisations ORDER BY edition_id, leader_seq, position"
        )
        tables["entity_lineage"] = _frame(
            conn,
            "SELECT l.* FROM entity_lineage AS l JOIN edition_order AS o USING (edition_id) "
            "ORDER BY o.position, l.rowid",
        )
    return tables


def changes(path: PathLike) -> pd.DataFrame:
    """The change records between consecutive editions of the store, oldest pair first.

    Columns: old_edition_id, new_edition_id and the six fields of changes.csv, values as there.
    """
    with _store(path) as conn:
        return _frame(
            conn,
            "SELECT c.old_edition_id, c.new_edition_id, c.entity, c.change, c.key, c.field, "
            "c.old, c.new FROM changes AS c JOIN edition_order AS o "
            "ON o.edition_id = c.new_edition_id ORDER BY o.position, c.seq",
        )


def history(path: PathLike) -> pd.DataFrame:
    """The store's history table as `actionplan history` prints it: kind, id, name, then one
    column per edition in period order (missing where the row has nothing in that edition)."""
    import pandas as pd

    with _store(path) as conn:
        editions = [
            r[0] for r in conn.execute("SELECT edition_id FROM edition_order ORDER BY position")
        ]
        rows: dict[int, dict[str, str]] = {}
        for row in conn.execute("SELECT * FROM history ORDER BY row"):
            found = rows.setdefault(
                row["row"], {"kind": row["kind"], "id": row["id"], "name": row["name"]}
            )
            found[row["edition_id"]] = row["value"]
    columns = ["kind", "id", "name", *editions]
    return pd.DataFrame(list(rows.values()), columns=columns).astype("string")


@contextmanager
def _store(path: PathLike) -> Iterator[sqlite3.Connection]:
    """The store (a file, or the output folder holding it), opened read-only."""
    file = Path(path) / STORE if Path(path).is_dir() else Path(path)
    with closing(sqlite3.connect(f"file:{file.as_posix()}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        yield conn


def _frame(conn: sqlite3.Connection, sql: str) -> pd.DataFrame:
    """A query's rows as a DataFrame: integer columns as Int64, the others as strings."""
    import pandas as pd

    cursor = conn.execute(sql)
    columns = [d[0] for d in cursor.description]
    frame = pd.DataFrame([tuple(row) for row in cursor.fetchall()], columns=columns, dtype=object)
    types = {
        c: "Int64" if frame[c].map(lambda v: isinstance(v, int)).any() else "string"
        for c in columns
    }
    return frame.astype(types)
