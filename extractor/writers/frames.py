"""The tables as pandas DataFrames, with the CSVs' columns, and as Parquet files.

pandas is imported inside the functions: the command line must not pay for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.model.plan import Plan
from extractor.writers.columns import (
    DERIVED_COLUMNS,
    LOCAL_TIMES,
    ColumnKind,
    column_kind,
    derived_values,
    local_time,
    plain_value,
)
from extractor.writers.escape import csv_value
from extractor.writers.tables import TABLE_COLUMNS, table_rows

if TYPE_CHECKING:
    import pandas as pd

DTYPES = {
    ColumnKind.INTEGER: "Int64",
    ColumnKind.BOOLEAN: "boolean",
    ColumnKind.TEXT: "string",
    ColumnKind.INSTANT: "datetime64[ns, UTC]",
    ColumnKind.LOCAL_TIME: "datetime64[ns]",
}
BOOLEANS = {"true": True, "false": False}


def frame_columns(table: str) -> tuple[str, ...]:
    """A table's columns in a DataFrame: the CSV's, then the derived ones (start_local...)."""
    return TABLE_COLUMNS[table] + DERIVED_COLUMNS.get(table, ())


def plan_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """One DataFrame per table of a plan, columns as in the CSVs plus the derived ones."""
    return {
        table: rows_frame(table, [{**row, **derived_values(table, row)} for row in rows])
        for table, rows in table_rows(plan).items()
    }


def rows_frame(table: str, rows: list[dict[str, Any]], extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """A table's rows, derived columns included, as a typed DataFrame; extra columns follow."""
    import pandas as pd

    columns = frame_columns(table) + extra
    data = {c: [plain_value(row.get(c)) for row in rows] for c in columns}
    return _typed(pd.DataFrame(data, columns=list(columns)))


def csv_frame(path: Path) -> pd.DataFrame:
    """A table's CSV file as a typed DataFrame: empty cells are missing values.

    The derived columns (start_local, end_local) are added as plan_frames adds them.

    Formula guards (a leading ' before = + - @) are removed: the frame holds the stored values.
    """
    import pandas as pd

    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = frame.replace("", None)
    for column in frame.columns:
        frame[column] = frame[column].map(csv_value, na_action="ignore")
        if column_kind(column) == ColumnKind.BOOLEAN:
            frame[column] = frame[column].map(BOOLEANS.get, na_action="ignore")
    table = path.stem
    for column in DERIVED_COLUMNS.get(table, ()):
        frame[column] = frame[LOCAL_TIMES[column]].map(local_time, na_action="ignore")
    return _typed(frame)


def write_parquet(plan: Plan, folder: Path) -> None:
    """Write one <table>.parquet per table into folder."""
    for table, frame in plan_frames(plan).items():
        frame.to_parquet(folder / f"{table}.parquet", index=False, engine="pyarrow")


def empty_frame(table: str) -> pd.DataFrame:
    """A table with its columns and no rows."""
    return rows_frame(table, [])


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Each column in its dtype; times parsed from ISO 8601 text (UTC ones end in Z)."""
    import pandas as pd

    for column in frame.columns:
        kind = column_kind(column)
        if kind in (ColumnKind.INSTANT, ColumnKind.LOCAL_TIME):
            utc = kind == ColumnKind.INSTANT
            parsed = pd.to_datetime(frame[column].astype(object), utc=utc, format="ISO8601")
            frame[column] = parsed.astype(DTYPES[kind])
    return frame.astype({c: DTYPES[column_kind(c)] for c in frame.columns})
