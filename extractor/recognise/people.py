"""The people and organisations of an edition, gathered from every leader entry."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.model.plan import Leader, Organisation, Person, ThematicGroup
from normalizers.directory import Directory


def all_leaders(groups: list[ThematicGroup]) -> Iterator[Leader]:
    """Every leader entry of the groups and their working groups, in deck order."""
    for group in groups:
        yield from group.leaders
        for wg in group.working_groups:
            yield from wg.leaders


def collect_people(groups: list[ThematicGroup]) -> list[Person]:
    """One record per person id; the most accented spelling met is kept as the name."""
    people: dict[str, Person] = {}
    for leader in all_leaders(groups):
        if leader.person_id is None or leader.name is None:
            continue
        new = Person(
            id=leader.person_id, name=leader.name, organisations=[], countries=[], positions=[]
        )
        person = people.setdefault(leader.person_id, new)
        if _accents(leader.name) > _accents(person.name):
            person.name = leader.name
        _extend(person.organisations, [o.id for o in leader.organisations])
        _extend(person.countries, [leader.country] if leader.country else [])
        _extend(person.positions, [leader.position] if leader.position else [])
    return sorted(people.values(), key=lambda p: p.id)


def collect_organisations(groups: list[ThematicGroup], directory: Directory) -> list[Organisation]:
    """One record per organisation id named by a leader, plus the parent bodies they belong to."""
    found: dict[str, Organisation] = {}
    pending = [ref for leader in all_leaders(groups) for ref in leader.organisations]
    while pending:
        ref = pending.pop(0)
        if ref.id in found:
            continue
        known = directory.organisation_by_id(ref.id)
        if known is None:
            found[ref.id] = Organisation.unknown(ref.id, ref.name)
            continue
        found[ref.id] = known
        if known.parent_id and known.parent_id not in found:
            parent = directory.organisation_by_id(known.parent_id)
            if parent is not None:
                pending.append(parent)
    return sorted(found.values(), key=lambda o: o.id)


def _accents(name: str) -> int:
    return sum(1 for ch in name if not ch.isascii())


def _extend(values: list[str], new: list[str]) -> None:
    values.extend(v for v in new if v not in values)
