"""Editions side by side: each working group's status and the groups each person leads."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractor.compare.kinds import EntityKind
from extractor.compare.lineage import plan_lineages, plan_order
from extractor.model.plan import Plan, WorkingGroup
from extractor.writers.files import csv_text
from normalizers.directory import Directory

# A working group present in an edition but given no status there.
NO_STATUS = "unknown"


@dataclass(frozen=True)
class HistoryRow:
    """A working group (its status per edition) or a person (the groups they lead per edition)."""

    kind: str
    id: str
    name: str
    values: list[Any]


@dataclass(frozen=True, kw_only=True)
class Sighting:
    """A working group as one edition shows it, with the lineage that follows it across editions."""

    lineage: str
    id: str
    title: str
    status: str | None


@dataclass(frozen=True, kw_only=True)
class Lead:
    """A person leading a group or working group (the owner) in one edition."""

    owner_id: str
    person_id: str
    name: str


@dataclass(frozen=True)
class History:
    """One table: a column per edition, oldest first."""

    editions: list[str]
    rows: list[HistoryRow]


def build_history(plans: list[Plan], directory: Directory) -> History:
    """The table for editions with distinct ids, ordered by period."""
    plans = sorted(plans, key=plan_order)
    sightings = [
        [_sighting(wg, lineages[(EntityKind.WORKING_GROUP, wg.id)]) for wg in _working_groups(plan)]
        for plan, lineages in plan_lineages(plans)
    ]
    leads = [[_lead(owner, name, directory) for owner, name in _led(plan)] for plan in plans]
    return history_table([plan.edition.id for plan in plans], sightings, leads)


def history_table(
    editions: list[str], sightings: list[list[Sighting]], leads: list[list[Lead]]
) -> History:
    """The table from what each edition (in period order) shows: working groups, then people."""
    return History(editions, working_group_rows(sightings) + people_rows(leads))


def history_csv(history: History) -> str:
    """The table as CSV: kind, id, name, then one column per edition."""
    columns = ("kind", "id", "name", *history.editions)
    rows = [{**_head(row), **_by_edition(history, row)} for row in history.rows]
    return csv_text(columns, rows)


def history_json(history: History) -> str:
    """The table as JSON: the editions, then each row with its value per edition."""
    rows = [{**_head(row), "editions": _by_edition(history, row)} for row in history.rows]
    data = {"editions": history.editions, "rows": rows}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _head(row: HistoryRow) -> dict[str, str]:
    return {"kind": row.kind, "id": row.id, "name": row.name}


def _by_edition(history: History, row: HistoryRow) -> dict[str, Any]:
    return dict(zip(history.editions, row.values, strict=True))


def working_group_rows(editions: list[list[Sighting]]) -> list[HistoryRow]:
    """One row per lineage, named as last seen, with its status per edition.

    Rows of the latest edition come first in its deck order, then those last seen earlier."""
    chains: dict[str, dict[int, Sighting]] = {}
    last_seen: dict[str, tuple[int, int]] = {}
    for index, sightings in enumerate(editions):
        for position, sighting in enumerate(sightings):
            chains.setdefault(sighting.lineage, {})[index] = sighting
            last_seen[sighting.lineage] = (-index, position)
    rows = []
    for lineage in sorted(chains, key=last_seen.__getitem__):
        chain = chains[lineage]
        latest = chain[max(chain)]
        values = [
            (chain[i].status or NO_STATUS) if i in chain else None for i in range(len(editions))
        ]
        rows.append(HistoryRow("working_group", latest.id, latest.title, values))
    return rows


def people_rows(editions: list[list[Lead]]) -> list[HistoryRow]:
    """One row per person leading a group or working group in any edition, by id."""
    names: dict[str, str] = {}
    leads: dict[str, list[list[str]]] = {}
    for index, edition in enumerate(editions):
        for lead in edition:
            pid = lead.person_id
            if names.get(pid) != lead.name:
                names[pid] = max(names.get(pid, lead.name), lead.name, key=_accents)
            cells = leads.setdefault(pid, [[] for _ in editions])
            if lead.owner_id not in cells[index]:
                cells[index].append(lead.owner_id)
    return [HistoryRow("person", pid, names[pid], leads[pid]) for pid in sorted(leads)]


def _working_groups(plan: Plan) -> Iterator[WorkingGroup]:
    for group in plan.thematic_groups:
        yield from group.working_groups


def _sighting(wg: WorkingGroup, lineage: str) -> Sighting:
    return Sighting(lineage=lineage, id=wg.id, title=wg.title, status=wg.status)


def _lead(owner_id: str, name: str, directory: Directory) -> Lead:
    person = directory.person(name)
    return Lead(owner_id=owner_id, person_id=person.id, name=person.name)


def _accents(name: str) -> int:
    return sum(not ch.isascii() for ch in name)


def _led(plan: Plan) -> Iterator[tuple[str, str]]:
    """(group or working group id, person name) for every leader entry naming a person."""
    for group in plan.thematic_groups:
        for owner in (group, *group.working_groups):
            yield from ((owner.id, leader.name) for leader in owner.leaders if leader.name)
