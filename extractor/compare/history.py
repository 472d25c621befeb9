"""Editions side by side: each working group's status and the groups each person leads."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractor.compare.diff import match_groups, match_working_groups
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


@dataclass(frozen=True)
class History:
    """One table: a column per edition, oldest first."""

    editions: list[str]
    rows: list[HistoryRow]


def build_history(plans: list[Plan], directory: Directory) -> History:
    """The table for editions with distinct ids, ordered by period."""
    plans = sorted(plans, key=_period_order)
    rows = _working_group_rows(plans) + _people_rows(plans, directory)
    return History([plan.edition.id for plan in plans], rows)


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


def _period_order(plan: Plan) -> tuple[Any, ...]:
    period = plan.edition.period
    years = (period.start_year, period.end_year) if period else (0, 0)
    return (period is None, *years, plan.edition.id)


def _working_group_rows(plans: list[Plan]) -> list[HistoryRow]:
    """One row per working group, followed from edition to edition as the diff matches it.

    Rows of the latest edition come first in its deck order, then those last seen earlier."""
    chains: list[dict[int, WorkingGroup]] = []
    last_seen: list[tuple[int, int]] = []
    previous: dict[tuple[int, int], int] = {}
    for index, plan in enumerate(plans):
        before = _predecessors(plans[index - 1], plan) if index else {}
        current: dict[tuple[int, int], int] = {}
        for g, group in enumerate(plan.thematic_groups):
            for w, wg in enumerate(group.working_groups):
                chain = previous.get(before.get((g, w)))
                if chain is None:
                    chain = len(chains)
                    chains.append({})
                    last_seen.append((0, 0))
                chains[chain][index] = wg
                last_seen[chain] = (-index, len(current))
                current[(g, w)] = chain
        previous = current
    order = sorted(range(len(chains)), key=last_seen.__getitem__)
    return [_working_group_row(chains[chain], len(plans)) for chain in order]


def _predecessors(old: Plan, new: Plan) -> dict[tuple[int, int], tuple[int, int]]:
    """(group, working group) indexes in NEW -> the same working group's indexes in OLD."""
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for g, o in match_groups(old, new).items():
        old_group, group = old.thematic_groups[o], new.thematic_groups[g]
        for w, ow in match_working_groups(old_group, group).items():
            found[(g, w)] = (o, ow)
    return found


def _working_group_row(chain: dict[int, WorkingGroup], editions: int) -> HistoryRow:
    latest = chain[max(chain)]
    values = [(chain[i].status or NO_STATUS) if i in chain else None for i in range(editions)]
    return HistoryRow("working_group", latest.id, latest.title, values)


def _people_rows(plans: list[Plan], directory: Directory) -> list[HistoryRow]:
    """One row per person leading a group or working group in any edition, by id."""
    names: dict[str, str] = {}
    leads: dict[str, list[list[str]]] = {}
    for index, plan in enumerate(plans):
        for owner_id, name in _led(plan):
            person = directory.person(name)
            names[person.id] = max(names.get(person.id, person.name), person.name, key=_accents)
            cells = leads.setdefault(person.id, [[] for _ in plans])
            if owner_id not in cells[index]:
                cells[index].append(owner_id)
    return [HistoryRow("person", pid, names[pid], leads[pid]) for pid in sorted(leads)]


def _accents(name: str) -> int:
    return sum(not ch.isascii() for ch in name)


def _led(plan: Plan) -> Iterator[tuple[str, str]]:
    """(group or working group id, person name) for every leader entry naming a person."""
    for group in plan.thematic_groups:
        for owner in (group, *group.working_groups):
            yield from ((owner.id, leader.name) for leader in owner.leaders if leader.name)
