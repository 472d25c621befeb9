"""Organisations and people: canonical records found through a user-extended alias table."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pycountry
from rapidfuzz import fuzz, process

from normalizers.text import fold, slugify, squash_spaces

ORGANISATION_KINDS = frozenset(
    {
        "city",
        "un-body",
        "company",
        "university",
        "government",
        "association",
        "research",
        "ngo",
        "other",
    }
)

DROPPED = re.compile(r"[.'\u2019]")
NOT_WORD = re.compile(r"[\W_]+")
DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, kw_only=True)
class Organisation:
    """An organisation; known is True when it comes from the alias table."""

    id: str
    name: str
    acronym: str | None
    kind: str | None
    parent_id: str | None
    country: str | None
    known: bool

    @classmethod
    def unknown(cls, org_id: str, name: str) -> Organisation:
        """An organisation the alias table does not list, known only by its name."""
        return cls(
            id=org_id, name=name, acronym=None, kind=None, parent_id=None, country=None, known=False
        )


@dataclass(frozen=True)
class Person:
    """A person under their canonical spelling."""

    id: str
    name: str


class Countries:
    """Country names, found by pycountry's name, common or official name, or an alias.

    Aliases are everyday names pycountry does not list ("UK"), each mapped to a name it does.
    Country codes are left out on purpose: "ITU" is not a country.
    """

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        names: dict[str, str] = {}
        for country in pycountry.countries:
            shown = getattr(country, "common_name", None) or country.name
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    names[_key(value)] = shown
        for alias, target in (aliases or {}).items():
            if _key(target) not in names:
                raise ValueError(f"country alias {alias!r}: {target!r} is not a country name")
            names[_key(alias)] = names[_key(target)]
        self._names = names

    def name(self, text: str) -> str | None:
        """The country a whole text names ("UK" -> "United Kingdom"); None for anything else."""
        return self._names.get(_key(text))


class Directory:
    """Known organisations and people, looked up by any of their names."""

    def __init__(
        self,
        organisations: Mapping[str, Organisation],
        organisation_keys: Mapping[str, str],
        people: Mapping[str, Person],
        countries: Countries,
        fuzzy_cutoff: float,
        fuzzy_margin: float,
    ) -> None:
        self.countries = countries
        self._organisations = dict(organisations)
        self._organisation_keys = dict(organisation_keys)
        self._key_list = list(self._organisation_keys)
        self._found: dict[str, Organisation | None] = {}
        self._people = dict(people)
        self._persons: dict[str, Person] = {}
        self._fuzzy_cutoff = fuzzy_cutoff
        self._fuzzy_margin = fuzzy_margin

    @classmethod
    def from_rows(
        cls,
        organisations: Iterable[Mapping[str, str]],
        people: Iterable[Mapping[str, str]],
        countries: Countries | None = None,
        fuzzy_cutoff: float = 92.0,
        fuzzy_margin: float = 5.0,
    ) -> Directory:
        """Build from alias-table rows; a later row with an id already seen replaces the earlier.

        countries names the countries of the rows and of leader entries (pycountry's names
        only when not given).
        """
        countries = countries or Countries()
        orgs: dict[str, tuple[Organisation, list[str]]] = {}
        for row in organisations:
            org, names = _organisation_row(row, countries)
            orgs[org.id] = (org, names)
        by_id = {org_id: org for org_id, (org, _) in orgs.items()}
        _check_parents(by_id)
        org_keys = _index({org_id: names for org_id, (_, names) in orgs.items()}, "organisation")
        persons: dict[str, tuple[Person, list[str]]] = {}
        for row in people:
            person, names = _person_row(row)
            persons[person.id] = (person, names)
        person_keys = _index({pid: names for pid, (_, names) in persons.items()}, "person")
        people_by_key = {key: persons[pid][0] for key, pid in person_keys.items()}
        return cls(by_id, org_keys, people_by_key, countries, fuzzy_cutoff, fuzzy_margin)

    def organisation(self, text: str) -> Organisation | None:
        """The known organisation a name, acronym or alias denotes; None when unknown."""
        if text not in self._found:
            self._found[text] = self._look_up(text)
        return self._found[text]

    def _look_up(self, text: str) -> Organisation | None:
        key = _key(text)
        if not key:
            return None
        org_id = self._organisation_keys.get(key) or self._fuzzy(key)
        return self._organisations[org_id] if org_id else None

    def organisation_named(self, text: str) -> Organisation | None:
        """The known organisation a text names exactly, near misses left out."""
        org_id = self._organisation_keys.get(_key(text))
        return self._organisations[org_id] if org_id else None

    def organisation_or_new(self, text: str) -> Organisation:
        """The known organisation, or an unknown one (known=False) named as written."""
        found = self.organisation(text)
        if found is not None:
            return found
        name = squash_spaces(text)
        org_id = _slug(name)
        if not org_id:
            raise ValueError(f"no organisation name in {text!r}")
        # Same slug means the same words, whatever the punctuation.
        same_words = self._organisations.get(org_id)
        return same_words or Organisation.unknown(org_id, name)

    def organisation_by_id(self, org_id: str) -> Organisation | None:
        """The known organisation with this id, or None."""
        return self._organisations.get(org_id)

    def ancestor_ids(self, org_id: str) -> tuple[str, ...]:
        """The ids of the parent, grandparent, ... of a known organisation, nearest first."""
        ancestors: list[str] = []
        org = self._organisations.get(org_id)
        while org is not None and org.parent_id is not None:
            ancestors.append(org.parent_id)
            org = self._organisations.get(org.parent_id)
        return tuple(ancestors)

    def country(self, text: str) -> str | None:
        """The country a whole text names ("UK" -> "United Kingdom"); None for anything else."""
        return self.countries.name(text)

    def person(self, name: str) -> Person:
        """The person a name denotes: alias table first, else the name as given."""
        if name not in self._persons:
            self._persons[name] = self._person(name)
        return self._persons[name]

    def _person(self, name: str) -> Person:
        known = self._people.get(_key(name, drop_article=False))
        if known is not None:
            return known
        written = squash_spaces(name)
        if not _slug(written):
            raise ValueError(f"no person name in {name!r}")
        return Person(_slug(written), written)

    def _fuzzy(self, key: str) -> str | None:
        """The one organisation a key nearly equals, clear of every other; None if unsure."""
        floor = self._fuzzy_cutoff - self._fuzzy_margin
        found = process.extract(
            key, self._key_list, scorer=fuzz.ratio, score_cutoff=floor, limit=None
        )
        best: dict[str, float] = {}
        for choice, score, _ in found:
            # Names differing only in a number ("Agenda 2030", "Agenda 2050") are different.
            if DIGITS.findall(choice) == DIGITS.findall(key):
                owner = self._organisation_keys[choice]
                best[owner] = max(score, best.get(owner, 0.0))
        ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
        if not ranked or ranked[0][1] < self._fuzzy_cutoff:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < self._fuzzy_margin:
            return None
        return ranked[0][0]


def _key(text: str, drop_article: bool = True) -> str:
    """A matching key ignoring case, accents, dashes, punctuation and a leading "the"."""
    folded = DROPPED.sub("", fold(text)).replace("&", " and ")
    words = NOT_WORD.sub(" ", folded).split()
    if drop_article and len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _slug(text: str) -> str:
    """slugify(text), or for a name with no Latin letters ("Δήμος") its folded words."""
    return slugify(text) or "-".join(_key(text, drop_article=False).split())


def _cell(row: Mapping[str, str | None], column: str) -> str:
    """A cell's text, stripped; missing cells are empty."""
    return squash_spaces(row.get(column) or "")


def _aliases(row: Mapping[str, str | None]) -> list[str]:
    """The "|"-separated aliases of a row."""
    return [alias.strip() for alias in _cell(row, "aliases").split("|") if alias.strip()]


def _organisation_row(
    row: Mapping[str, str | None], countries: Countries
) -> tuple[Organisation, list[str]]:
    """One organisations.csv row as a record and every name it can be found by."""
    name = _cell(row, "name")
    if not name:
        raise ValueError(f"organisations row without a name: {dict(row)}")
    org_id = _cell(row, "id") or _slug(name)
    kind = _cell(row, "kind") or None
    if kind is not None and kind not in ORGANISATION_KINDS:
        raise ValueError(f"organisation {org_id!r}: unknown kind {kind!r}")
    country = None
    if _cell(row, "country"):
        country = countries.name(_cell(row, "country"))
        if country is None:
            raise ValueError(f"organisation {org_id!r}: unknown country {_cell(row, 'country')!r}")
    acronym = _cell(row, "acronym") or None
    parent = _cell(row, "parent") or None
    org = Organisation(
        id=org_id, name=name, acronym=acronym, kind=kind, parent_id=parent, country=country,
        known=True,
    )  # fmt: skip
    return org, [name, *([acronym] if acronym else []), *_aliases(row)]


def _person_row(row: Mapping[str, str | None]) -> tuple[Person, list[str]]:
    """One people.csv row as a record and every spelling it can be found by."""
    name = _cell(row, "name")
    if not name:
        raise ValueError(f"people row without a name: {dict(row)}")
    return Person(_cell(row, "id") or _slug(name), name), [name, *_aliases(row)]


def _check_parents(organisations: Mapping[str, Organisation]) -> None:
    """Fail on a parent id that is not in the table, or a loop of parents."""
    for org in organisations.values():
        seen = {org.id}
        parent = org.parent_id
        while parent is not None:
            if parent not in organisations:
                raise ValueError(f"organisation {org.id!r}: unknown parent {parent!r}")
            if parent in seen:
                raise ValueError(f"organisation {org.id!r}: its parents form a loop")
            seen.add(parent)
            parent = organisations[parent].parent_id


def _index(names_by_owner: Mapping[str, list[str]], what: str) -> dict[str, str]:
    """Owner id by matching key; a key shared by two owners is an error in the table."""
    owners: dict[str, str] = {}
    for owner, names in names_by_owner.items():
        for name in names:
            key = _key(name, drop_article=what == "organisation")
            if key and owners.setdefault(key, owner) != owner:
                raise ValueError(f"{what} name {name!r} is given to {owners[key]!r} and {owner!r}")
    return owners
