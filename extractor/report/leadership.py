"""Who leads what: the groups and working groups each person and organisation leads."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from extractor.model.plan import Leader, Organisation, OrganisationRef, Plan, WorkingGroup


@dataclass(frozen=True)
class Role:
    """One group or working group led, and in which role."""

    owner_id: str
    group_id: str
    group: str
    working_group: str | None
    role: str

    @property
    def label(self) -> str:
        """The group name, followed by the working group when there is one."""
        return f"{self.group} · {self.working_group}" if self.working_group else self.group


@dataclass(kw_only=True)
class Leads:
    """Who leads (a person, or organisations named alone) and every role they hold."""

    who: str
    person_id: str | None
    affiliation: str  # the organisations the entries name, and their country
    roles: list[Role] = field(default_factory=list)


@dataclass
class OrganisationRoles:
    """An organisation and every group or working group one of its leader entries leads."""

    organisation: Organisation
    roles: list[Role] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The acronym when there is one, otherwise the name."""
        return self.organisation.acronym or self.organisation.name


def leader_roles(plan: Plan) -> Iterator[tuple[Leader, Role]]:
    """Every leader entry with the role it holds, in deck order."""
    for group in plan.thematic_groups:
        for leader in group.leaders:
            yield leader, Role(group.id, group.id, group.name, None, leader.role)
        for wg in group.working_groups:
            for leader in wg.leaders:
                yield leader, Role(wg.id, group.id, group.name, _wg_label(wg), leader.role)


def who_leads_what(plan: Plan) -> list[Leads]:
    """Everyone who leads, by name (accents aside), each role once and in deck order."""
    known = {org.id: org for org in plan.organisations}
    found: dict[tuple[str, str], Leads] = {}
    for leader, role in leader_roles(plan):
        names = [_short_name(ref, known) for ref in leader.organisations]
        who = leader.name or "; ".join(names) or leader.raw
        affiliation = ", ".join([*(names if leader.name else []), *filter(None, [leader.country])])
        entry = found.setdefault((who, affiliation), Leads(
            who=who, person_id=leader.person_id, affiliation=affiliation))  # fmt: skip
        if role not in entry.roles:
            entry.roles.append(role)
    return sorted(found.values(), key=lambda e: (_sort_key(e.who), _sort_key(e.affiliation)))


def organisation_roles(plan: Plan) -> list[OrganisationRoles]:
    """Every organisation that leads something, counted once per group or working group."""
    found = {org.id: OrganisationRoles(org) for org in plan.organisations}
    for leader, role in leader_roles(plan):
        for ref in leader.organisations:
            entry = found.setdefault(ref.id, OrganisationRoles(_unlisted(ref.id, ref.name)))
            if role.owner_id not in {r.owner_id for r in entry.roles}:
                entry.roles.append(role)
    leading = [entry for entry in found.values() if entry.roles]
    return sorted(leading, key=lambda e: (-len(e.roles), e.organisation.name))


def _wg_label(wg: WorkingGroup) -> str:
    return f"WG{wg.number} {wg.title}"


def _short_name(ref: OrganisationRef, known: dict[str, Organisation]) -> str:
    org = known.get(ref.id)
    return (org.acronym or org.name) if org else ref.name


def _sort_key(name: str) -> str:
    """Names in alphabetical order, accents aside ("Ángel" with the A's)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _unlisted(org_id: str, name: str) -> Organisation:
    return Organisation.unknown(org_id, name)
