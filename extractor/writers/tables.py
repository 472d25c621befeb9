"""The plan as rows of flat tables: the CSV files, the SQLite store and the DataFrames."""

from __future__ import annotations

from typing import Any

from extractor.model.dump import plain_data
from extractor.model.plan import Leader, Plan, YearSpan

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
