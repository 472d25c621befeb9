"""Writing a plan as plan.json and one CSV per table, deterministically and atomically."""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from extractor.plan import Leader, Plan, YearSpan
from extractor.swap import exchange

WRITERS = ("json", "csv", "ics")
# Every --format: the text writers, parquet (also in the edition folder) and the SQLite store.
FORMATS = (*WRITERS, "parquet", "sqlite")
DEFAULT_FORMATS = ("json", "csv", "ics", "sqlite")
LIST_SEPARATOR = "; "

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "thematic_groups": (
        "edition_id", "group_id", "name", "stage", "approved", "timeline_raw", "timeline_start",
        "timeline_end", "expected_publication_raw", "expected_publication_start",
        "expected_publication_end", "secretariat", "scope", "meetings_note", "working_groups",
        "meetings", "deliverables", "source_location",
    ),
    "working_groups": (
        "edition_id", "group_id", "working_group_id", "number", "title", "status", "status_raw",
        "timeline_raw", "timeline_start", "timeline_end", "expected_publication_raw",
        "expected_publication_start", "expected_publication_end", "meetings_note", "scope",
        "meetings", "deliverables", "source_location",
    ),
    "leaders": (
        "edition_id", "group_id", "working_group_id", "role", "person_id", "name",
        "organisation_ids", "organisation_names", "country", "position", "raw", "source_location",
    ),
    "people": ("edition_id", "person_id", "name", "organisation_ids", "countries", "positions"),
    "organisations": (
        "edition_id", "organisation_id", "name", "acronym", "kind", "parent_id", "country", "known",
    ),
    "meetings": (
        "edition_id", "group_id", "working_group_id", "start", "end", "start_utc", "end_utc",
        "timezone", "raw", "source_location",
    ),
    "deliverables": (
        "edition_id", "group_id", "working_group_id", "title", "url", "status", "is_new",
        "source_location",
    ),
    "warnings": ("edition_id", "message", "raw", "source_location"),
}  # fmt: skip


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data, keys in the order of the output contract."""
    data = plain_data(plan)
    order = (
        "schema_version", "edition", "thematic_groups", "people", "organisations", "contacts",
        "warnings",
    )  # fmt: skip
    return {key: data[key] for key in order}


def plain_data(value: Any) -> Any:
    """Dataclasses as dicts of their fields, recursively, as dataclasses.asdict gives them.

    asdict deep-copies every value on the way, which costs more than the conversion itself;
    the values in plan records are strings, numbers, booleans or None, so none needs a copy.
    """
    names = _field_names(type(value))
    if names is not None:
        return {name: plain_data(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [plain_data(item) for item in value]
    if isinstance(value, tuple):
        return tuple(plain_data(item) for item in value)
    if isinstance(value, dict):
        return {key: plain_data(item) for key, item in value.items()}
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, or None for any other type."""
    return tuple(field.name for field in fields(cls)) if is_dataclass(cls) else None


def plan_json(plan: Plan) -> str:
    """plan.json's text: UTF-8, two-space indent, a final newline."""
    # orjson writes what json.dumps(..., ensure_ascii=False, indent=2) writes, fifty times faster
    return orjson.dumps(plan_to_dict(plan), option=orjson.OPT_INDENT_2).decode() + "\n"


def write_edition(
    plan: Plan,
    outdir: Path,
    formats: tuple[str, ...] = WRITERS,
    folder: str | None = None,
    files: dict[str, str] | None = None,
) -> Path:
    """Write an edition to OUTDIR/<edition id>/, replacing any earlier snapshot in one step.

    files, when given, are the edition's text files already rendered (by a batch worker).
    """
    target = outdir / (folder or plan.edition.id)
    outdir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{plan.edition.id}.", dir=outdir))
    try:
        for name, text in (render_files(plan, formats) if files is None else files).items():
            (staging / name).write_text(text, encoding="utf-8", newline="")
        if "parquet" in formats:
            from extractor.frames import write_parquet

            write_parquet(plan, staging)
        _replace_dir(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _replace_dir(staging: Path, target: Path) -> None:
    """Swap the staged folder into place; the old snapshot is removed only after the swap."""
    staging.chmod(0o755)
    if not target.exists():
        os.replace(staging, target)
        return
    if exchange(staging, target):  # no moment without the folder; the caller removes staging
        return
    retired = target.with_name(f".{target.name}.old-{os.getpid()}")
    os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def render_files(plan: Plan, formats: tuple[str, ...] = WRITERS) -> dict[str, str]:
    """File name to file text for the chosen writers."""
    files: dict[str, str] = {}
    if "json" in formats:
        files["plan.json"] = plan_json(plan)
    if "csv" in formats:
        for table, rows in table_rows(plan).items():
            files[f"{table}.csv"] = csv_text(TABLE_COLUMNS[table], rows)
    if "ics" in formats:
        from extractor.ics import meetings_ics

        files["meetings.ics"] = meetings_ics(plan)
    return files


def csv_text(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    """CSV text with a header row; lists are joined with "; ", None is empty."""
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
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def table_rows(plan: Plan) -> dict[str, list[dict[str, Any]]]:
    """The rows of every CSV table, in deck order."""
    edition = plan.edition.id
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_COLUMNS}
    for group in plan.thematic_groups:
        owner = {"edition_id": edition, "group_id": group.id, "working_group_id": None}
        tables["thematic_groups"].append(_group_row(group, owner))
        _add_children(tables, group, owner, group.source.location)
        for wg in group.working_groups:
            wg_owner = {**owner, "working_group_id": wg.id}
            tables["working_groups"].append(_working_group_row(wg, wg_owner))
            _add_children(tables, wg, wg_owner, wg.source.location)
    for person in plan.people:
        tables["people"].append(
            {"edition_id": edition, "person_id": person.id, "name": person.name,
             "organisation_ids": person.organisations, "countries": person.countries,
             "positions": person.positions}
        )  # fmt: skip
    for org in plan.organisations:
        row = plain_data(org)
        tables["organisations"].append({"edition_id": edition, "organisation_id": org.id, **row})
    for warning in plan.warnings:
        tables["warnings"].append(
            {"edition_id": edition, "message": warning.message, "raw": warning.raw,
             "source_location": warning.source.location}
        )  # fmt: skip
    return tables


def _years(prefix: str, span: YearSpan | None) -> dict[str, Any]:
    if span is None:
        return {}
    return {f"{prefix}_raw": span.raw, f"{prefix}_start": span.start_year,
            f"{prefix}_end": span.end_year}  # fmt: skip


def _group_row(group, owner: dict[str, Any]) -> dict[str, Any]:
    return {
        **owner, "name": group.name, "stage": group.stage, "approved": group.approved,
        **_years("timeline", group.timeline),
        **_years("expected_publication", group.expected_publication),
        "secretariat": group.secretariat, "scope": group.scope,
        "meetings_note": group.meetings_note, "working_groups": len(group.working_groups),
        "meetings": len(group.meetings), "deliverables": len(group.deliverables),
        "source_location": group.source.location,
    }  # fmt: skip


def _working_group_row(wg, owner: dict[str, Any]) -> dict[str, Any]:
    return {
        **owner, "number": wg.number, "title": wg.title, "status": wg.status,
        "status_raw": wg.status_raw, **_years("timeline", wg.timeline),
        **_years("expected_publication", wg.expected_publication),
        "meetings_note": wg.meetings_note, "scope": wg.scope, "meetings": len(wg.meetings),
        "deliverables": len(wg.deliverables), "source_location": wg.source.location,
    }  # fmt: skip


def _add_children(tables, owner_record, owner: dict[str, Any], location: str | None) -> None:
    for leader in owner_record.leaders:
        tables["leaders"].append(_leader_row(leader, owner, location))
    for meeting in owner_record.meetings:
        tables["meetings"].append({**owner, **plain_data(meeting), "source_location": location})
    for deliverable in owner_record.deliverables:
        tables["deliverables"].append(
            {**owner, **plain_data(deliverable), "source_location": location}
        )


def _leader_row(leader: Leader, owner: dict[str, Any], location: str | None) -> dict[str, Any]:
    return {
        **owner, "role": leader.role, "person_id": leader.person_id, "name": leader.name,
        "organisation_ids": [o.id for o in leader.organisations],
        "organisation_names": [o.name for o in leader.organisations],
        "country": leader.country, "position": leader.position, "raw": leader.raw,
        "source_location": location,
    }  # fmt: skip


def without_sources(data: Any) -> Any:
    """Plan data without its source fields: what must agree across renditions of one deck."""
    if isinstance(data, dict):
        return {k: without_sources(v) for k, v in data.items() if k != "source"}
    if isinstance(data, list):
        return [without_sources(v) for v in data]
    return data
