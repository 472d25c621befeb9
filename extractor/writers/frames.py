"""The tables as pandas DataFrames, with the CSVs' columns, and as Parquet files.

pandas is imported inside the functions: the command line must not pay for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.model.plan import Plan
from extractor.writers.columns import column_kind, plain_value
from extractor.writers.escape import csv_value
from extractor.writers.tables import TABLE_COLUMNS, table_rows

if TYPE_CHECKING:
    import pandas as pd

DTYPES = {"integer": "Int64", "boolean": "boolean", "text": "string"}
BOOLEANS = {"true": True, "false": False}


def plan_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """One DataFrame per table of a plan, columns as in the CSVs."""
    return {table: rows_frame(table, rows) for table, rows in table_rows(plan).items()}


def rows_frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A table's rows (as table_rows gives them) as a typed DataFrame."""
    import pandas as pd

    columns = TABLE_COLUMNS[table]
    data = {c: [plain_value(row.get(c)) for row in rows] for c in columns}
    return _typed(pd.DataFrame(data, columns=list(columns)))


def csv_frame(path: Path) -> pd.DataFrame:
    """A table's CSV file as a typed DataFrame: empty cells are missing values.

    Formula guards (a leading ' before = + - @) are removed: the frame holds the stored values.
    """
    import pandas as pd

    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = frame.replace("", None)
    for column in frame.columns:
        frame[column] = frame[column].map(csv_value, na_action="ignore")
        if column_kind(column) == "boolean":
            frame[column] = frame[column].map(BOOLEANS.get, na_action="ignore")
    return _typed(frame)


def write_parquet(plan: Plan, folder: Path) -> None:
    """Write one <table>.parquet per table into folder."""
    for table, frame in plan_frames(plan).items():
        frame.to_parquet(folder / f"{table}.parquet", index=False, engine="pyarrow")


def empty_frame(table: str) -> pd.DataFrame:
    """A table with its columns and no rows."""
    return rows_frame(table, [])


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    types = {c: DTYPES[column_kind(c)] for c in frame.columns}
    return frame.astype(types)
