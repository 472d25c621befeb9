"""The text files of an edition: plan.json, one CSV per table and meetings.ics."""

from __future__ import annotations

import csv
import io
from typing import Any

import orjson

from extractor.model.dump import plan_to_dict
from extractor.model.plan import Plan
from extractor.writers.escape import csv_cell
from extractor.writers.tables import LIST_SEPARATOR, TABLE_COLUMNS, table_rows

WRITERS = ("json", "csv", "ics")
# Every --format: the text writers, parquet (also in the edition folder) and the SQLite store.
FORMATS = (*WRITERS, "parquet", "sqlite")
DEFAULT_FORMATS = ("json", "csv", "ics", "sqlite")


def plan_json(plan: Plan) -> str:
    """plan.json's text: UTF-8, two-space indent, a final newline."""
    # orjson writes what json.dumps(..., ensure_ascii=False, indent=2) writes, fifty times faster
    return orjson.dumps(plan_to_dict(plan), option=orjson.OPT_INDENT_2).decode() + "\n"


def render_files(plan: Plan, formats: tuple[str, ...] = WRITERS) -> dict[str, str]:
    """File name to file text for the chosen writers."""
    files: dict[str, str] = {}
    if "json" in formats:
        files["plan.json"] = plan_json(plan)
    if "csv" in formats:
        for table, rows in table_rows(plan).items():
            files[f"{table}.csv"] = csv_text(TABLE_COLUMNS[table], rows)
    if "ics" in formats:
        from extractor.writers.ics import meetings_ics

        files["meetings.ics"] = meetings_ics(plan)
    return files


def csv_text(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    """CSV text with a header row; lists are joined with "; ", None is empty.

    Cells are guarded as csv_cell says: controls escaped, a formula prefixed with '.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(row.get(key)) for key in columns] for row in rows)
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return csv_cell(LIST_SEPARATOR.join(str(v) for v in value))
    return csv_cell(str(value))
