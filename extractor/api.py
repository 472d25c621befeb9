"""The Python API for notebooks and dashboards: extract a deck, load tables as DataFrames.

    from extractor.api import extract_deck, load_tables
    plan = extract_deck("samples/u4ssc-action-plan-2024-2025.md")
    tables = load_tables("output")          # {"meetings": DataFrame, ...}, every edition

pandas is needed only by the functions that return DataFrames, and imported by them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
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
from extractor.writers.tables import TABLE_COLUMNS
from parsers.detect import parse_file
from parsers.safety import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BatchOptions", "Plan", "Settings", "collect_inputs", "extract_deck", "load_plan",
    "load_store", "load_tables", "plan_tables", "run_batch",
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
    """The SQLite store (a file, or the output folder holding it) as one DataFrame per table."""
    from extractor.writers.frames import rows_frame

    file = Path(path) / STORE if Path(path).is_dir() else Path(path)
    with sqlite3.connect(f"file:{file.as_posix()}?mode=ro", uri=True) as conn:
        conn.row_factory = sqlite3.Row
        tables = {}
        for table, columns in TABLE_COLUMNS.items():
            order = f"edition_id, {SEQ}" if table not in NATURAL_KEYS else "edition_id, rowid"
            names = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f"SELECT {names} FROM {table} ORDER BY {order}").fetchall()
            tables[table] = rows_frame(table, [dict(row) for row in rows])
    return tables
