"""Lineages: a thematic group or working group followed from edition to edition, as the diff
matches it, under one id that survives renames and renumbering."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from extractor.compare.kinds import EntityKind
from extractor.model.plan import Plan

# The kinds of entity that carry a lineage: ids of the others do not change with a rename.
LINEAGE_KINDS = (EntityKind.THEMATIC_GROUP, EntityKind.WORKING_GROUP)


@dataclass(frozen=True, kw_only=True)
class Link:
    """A group or working group of an edition and, when matched, its id in the edition before."""

    entity: EntityKind
    id: str
    previous_id: str | None


def period_order(start: int | None, end: int | None, edition_id: str) -> tuple[Any, ...]:
    """The sort key of an edition: by its years, editions without years last, then by id."""
    return (start is None, start or 0, end or 0, edition_id)


def plan_order(plan: Plan) -> tuple[Any, ...]:
    """A plan's place in period order (see period_order)."""
    period = plan.edition.period
    years = (period.start_year, period.end_year) if period else (None, None)
    return period_order(*years, plan.edition.id)


def links(old: Plan | None, new: Plan) -> list[Link]:
    """NEW's thematic groups and working groups in deck order, with their ids in OLD if matched.

    Groups are matched as the diff matches them, working groups within matched groups only.
    """
    if old:  # a first edition has nothing to match: the diff is not even imported
        from extractor.compare.diff import match_groups, match_working_groups
    groups = match_groups(old, new) if old else {}
    found = []
    for g, group in enumerate(new.thematic_groups):
        before = old.thematic_groups[groups[g]] if old and g in groups else None
        found.append(Link(entity=EntityKind.THEMATIC_GROUP, id=group.id,
                          previous_id=before.id if before else None))  # fmt: skip
        pairs = match_working_groups(before, group) if before else {}
        for w, wg in enumerate(group.working_groups):
            previous = before.working_groups[pairs[w]].id if before and w in pairs else None
            found.append(Link(entity=EntityKind.WORKING_GROUP, id=wg.id, previous_id=previous))
    return found


def lineage_ids(editions: Sequence[tuple[str, Sequence[Link]]]) -> list[dict[tuple[str, str], str]]:
    """Per edition (in period order, each with its links): (entity, id) -> lineage id.

    A lineage id is the id the entity had in the earliest edition of its chain of matches. When
    an earlier chain already holds that id (an id given up by a renumbered working group and
    taken by a new one, or an entity back after an edition without it), the later chain's id is
    "<id>@<edition id where it starts>", so that one lineage id is one entity in every edition.
    """
    taken: set[tuple[str, str]] = set()
    previous: dict[tuple[str, str], str] = {}
    found = []
    for edition_id, edition_links in editions:
        current: dict[tuple[str, str], str] = {}
        for link in edition_links:
            lineage = previous.get((link.entity, link.previous_id)) if link.previous_id else None
            if lineage is None:
                plain = (link.entity, link.id) not in taken
                lineage = link.id if plain else f"{link.id}@{edition_id}"
                taken.add((link.entity, lineage))
            current[(link.entity, link.id)] = lineage
        found.append(current)
        previous = current
    return found


def plan_lineages(plans: Sequence[Plan]) -> Iterator[tuple[Plan, dict[tuple[str, str], str]]]:
    """Each plan (in the order given, which should be period order) with its lineage ids."""
    chained = [(p.edition.id, links(plans[i - 1] if i else None, p)) for i, p in enumerate(plans)]
    yield from zip(plans, lineage_ids(chained), strict=True)
