"""Leader entries ("Jane Doe (ITU) and John Roe (UNEP)") as people, organisations and problems.

An entry is read in three steps. The text is cut into segments, each a head (a name) followed
by parenthesised affiliations (leader_segments.py). Each segment is then classified with the
alias table and the vocabulary (leader_words.py); a surname in capitals followed by given
names ("VEGA DÍAZ, Daniel") is one person. Last, a bare organisation after "Jane Doe,"
becomes Jane Doe's, and people listed before a person with affiliations ("A and B (ITU)")
share them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from normalizers.directory import Directory, Organisation
from normalizers.leader_segments import APPOSITION, CONJUNCTION, EntryText, Segment, Token
from normalizers.leader_words import LeaderVocabulary, alternatives, looks_like_acronym
from normalizers.problems import Problem
from normalizers.text import squash_spaces
from normalizers.values import Leader, LeaderRole, OrganisationRef

NESTED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]*)\)$")


@dataclass(frozen=True)
class LeaderParse:
    """The leaders an entry names, what could not be understood, and the organisations named.

    organisations holds the record behind each of the leaders' organisation refs, by id: the
    known one from the alias table, or an unknown one as the entry names it.
    """

    leaders: list[Leader]
    problems: list[Problem]
    organisations: Mapping[str, Organisation] = field(default_factory=dict)


def parse_leaders(
    text: str, role: LeaderRole, directory: Directory, vocabulary: LeaderVocabulary
) -> LeaderParse:
    """Read a leader entry: each leader's name, organisations, country and position."""
    return _Parser(text, role, directory, vocabulary).parse()


@dataclass
class _Draft:
    """A leader being assembled, with the problems met on the way."""

    start: int
    end: int
    joined: str
    name: str | None = None
    orgs: list[Organisation] = field(default_factory=list)
    country: str | None = None
    positions: list[str] = field(default_factory=list)
    bracketed: bool = False
    issues: list[Problem] = field(default_factory=list)

    def set_country(self, country: str, raw: str) -> None:
        """Record the country; a second, different one is a problem."""
        if self.country not in (None, country):
            self.issues.append(Problem(f"a second country, {country}, is ignored", raw))
        else:
            self.country = country

    def absorb(self, other: _Draft) -> None:
        """Take the affiliations of an apposition: "Jane Doe, Acme Ltd"."""
        self.orgs += other.orgs
        self.positions += other.positions
        self.issues += other.issues
        if other.country:
            self.set_country(other.country, other.country)
        self.end = other.end

    def is_bare_person(self) -> bool:
        """A name with nothing known about it yet."""
        return bool(self.name) and not (self.orgs or self.country or self.positions)


class _Parser:
    """One parse of one entry."""

    def __init__(
        self, text: str, role: LeaderRole, directory: Directory, vocabulary: LeaderVocabulary
    ) -> None:
        self.entry = EntryText(text, directory, vocabulary)
        self.role = role
        self.directory = directory
        self.words = vocabulary
        self.organisations: dict[str, Organisation] = {}

    def parse(self) -> LeaderParse:
        """Segments, then drafts, then leaders."""
        drafts = self._drafts(self.entry.segments())
        drafts = _merge_appositions(drafts)
        _share_affiliations(drafts)
        leaders = [self._leader(draft) for draft in drafts if self._keep(draft)]
        problems = self.entry.problems + [issue for draft in drafts for issue in draft.issues]
        if not leaders and not problems:
            problems.append(Problem("no leader found", self.entry.text))
        return LeaderParse(leaders, problems, self.organisations)

    # -- reading segments ------------------------------------------------------------------

    def _drafts(self, segments: Sequence[Segment]) -> list[_Draft]:
        """A draft per segment, or per pair of segments naming one person surname first."""
        drafts = []
        index = 0
        while index < len(segments):
            pair = self._surname_first(segments, index)
            if pair is not None:
                drafts.append(self._surname_first_draft(segments[index], *pair))
                index += 2
            else:
                drafts.append(self._draft(segments[index]))
                index += 1
        return drafts

    def _surname_first(self, segments: Sequence[Segment], index: int) -> tuple[str, Segment] | None:
        """The name and the given-names segment of "VEGA DÍAZ, Daniel" starting at an index."""
        first = segments[index]
        second = segments[index + 1] if index + 1 < len(segments) else None
        if second is None or first.head is None or first.parens or second.head is None:
            return None
        between = self.entry.raw((first.end, second.start))
        if second.joined != APPOSITION or between not in self.words.apposition_separators:
            return None
        surname, given = self.entry.raw(first.head), self.entry.raw(second.head)
        if self.directory.organisation(surname) or self.directory.country(surname):
            return None
        if self.words.kind_by_phrases(surname) or self.words.kind_by_phrases(given):
            return None
        if not self.words.reads_surname_first(surname, given):
            return None
        return f"{self.words.without_titles(given)} {surname}", second

    def _surname_first_draft(self, surname: Segment, name: str, given: Segment) -> _Draft:
        """One person from "VEGA DÍAZ, Daniel (FEMP)", named given names first."""
        draft = _Draft(surname.start, given.end, surname.joined, name=name)
        for paren in given.parens:
            draft.bracketed = True
            self._read_group(paren, draft)
        return draft

    def _draft(self, segment: Segment) -> _Draft:
        """Classify a segment's head and read its parenthesised affiliations."""
        draft = _Draft(segment.start, segment.end, segment.joined)
        parens = list(segment.parens)
        if segment.head is not None:
            acronym = self.entry.slice(parens[0].inner) if parens else None
            if self._read_head(self.entry.slice(segment.head), acronym, bool(parens), draft):
                parens = parens[1:]
        for paren in parens:
            draft.bracketed = True
            self._read_group(paren, draft)
        return draft

    def _read_head(self, head: str, acronym: str | None, has_parens: bool, draft: _Draft) -> bool:
        """Put the head where it belongs; True when it used the first group as its acronym."""
        kind = self._head_kind(head, acronym, has_parens)
        if kind == "acronym" and acronym is not None:
            draft.orgs.append(self._acronym_organisation(head, acronym))
            return True
        if kind == "organisation":
            draft.orgs.append(self.directory.organisation_or_new(head))
        elif kind == "country":
            draft.set_country(self.directory.country(head) or head, head)
        elif kind == "position":
            if not self._read_position_at(squash_spaces(head), draft):
                draft.positions.append(squash_spaces(head))
        elif kind == "person":
            self._read_person(self.words.without_titles(head), draft)
        elif kind == "placeholder":
            draft.issues.append(Problem("names no leader", head))
        else:
            draft.issues.append(Problem("not understood as a person or an organisation", head))
        return False

    def _read_person(self, name: str, draft: _Draft) -> None:
        """A name, or a name and a known acronym run together: "Daniel VEGA DÍAZ FEMP"."""
        words = name.split()
        known = self.directory.organisation_named(words[-1]) if len(words) > 2 else None
        rest = " ".join(words[:-1])
        if known is not None and looks_like_acronym(words[-1]) and self.words.is_name(rest):
            draft.name = rest
            draft.orgs.append(known)
        else:
            draft.name = name

    def _head_kind(self, head: str, acronym: str | None, has_parens: bool) -> str:
        """What a head names: acronym, organisation, country, position, person, ..."""
        if self.words.is_placeholder(head):
            return "placeholder"
        known = self.directory.organisation(head)
        untitled = self.words.without_titles(head)
        if known is None and untitled != squash_spaces(head) and self.words.is_name(untitled):
            return "person"
        if acronym and self._is_acronym_for(head, known, acronym):
            return "acronym"
        if known is not None:
            return "organisation"
        if self.directory.country(head):
            return "country"
        kind = self.words.kind_by_words(head)
        if kind is not None:
            return kind
        if not self.words.is_name(head):
            return "unknown"
        # A lone word without affiliations is more often a company ("Siemens") than a person.
        return "organisation" if len(head.split()) == 1 and not has_parens else "person"

    def _is_acronym_for(self, head: str, known: Organisation | None, acronym: str) -> bool:
        """Whether "head (acronym)" names one organisation, e.g. "Acme Builders Union (ABU)"."""
        by_acronym = self.directory.organisation(acronym)
        if known is not None and by_acronym is not None:
            return known.id == by_acronym.id
        if not self.words.abbreviates(acronym, head):
            return False
        # "Jane Doe (JD)" is more likely a person working for JD than an organisation.
        return (
            known is not None
            or by_acronym is not None
            or not self.words.is_name(head)
            or self.words.kind_by_words(head) == "organisation"
        )

    def _acronym_organisation(self, name: str, acronym: str) -> Organisation:
        """The organisation of "name (acronym)": known by either, else new with that acronym."""
        known = self.directory.organisation(name) or self.directory.organisation(acronym)
        if known is not None:
            return known
        return replace(self.directory.organisation_or_new(name), acronym=squash_spaces(acronym))

    def _read_group(self, paren: Token, draft: _Draft) -> None:
        """Read the affiliations of one parenthesised group."""
        items = self.entry.items(paren.inner)
        if not items:
            draft.issues.append(
                Problem("empty parentheses", self.entry.slice((paren.start, paren.end)))
            )
        for item in items:
            self._read_affiliation(self.entry.raw(item), draft)

    def _read_affiliation(self, item: str, draft: _Draft) -> None:
        """One affiliation: an organisation, a country, a position, or "position at org"."""
        known = self.directory.organisation(item)
        if self.words.is_placeholder(item):
            draft.issues.append(Problem("names no affiliation", item))
        elif not any(char.isalnum() for char in item):
            draft.issues.append(Problem("not understood as an affiliation", item))
        elif known is not None:
            draft.orgs.append(known)
        elif country := self.directory.country(item):
            draft.set_country(country, item)
        elif not self._read_position_at(item, draft):
            self._read_unknown_affiliation(item, draft)

    def _read_position_at(self, item: str, draft: _Draft) -> bool:
        """Read "Professor at Acme University"; False when the item is not one."""
        for match in alternatives(self.words.position_links).finditer(item):
            position, rest = item[: match.start()].strip(), item[match.end() :].strip()
            if position and rest and self.words.kind_by_words(position) == "position":
                draft.positions.append(position)
                self._read_affiliation(rest, draft)
                return True
        return False

    def _read_unknown_affiliation(self, item: str, draft: _Draft) -> None:
        """A position, "name (acronym)", "org (country)", or else an unknown organisation."""
        nested = NESTED.match(item)
        if nested and self._is_acronym_for(nested["name"], None, nested["inner"]):
            draft.orgs.append(self._acronym_organisation(nested["name"], nested["inner"]))
        elif nested:
            self._read_affiliation(nested["name"], draft)
            self._read_affiliation(nested["inner"], draft)
        elif self.words.kind_by_words(item) == "position":
            draft.positions.append(item)
        elif self._names_a_person(item, draft):
            self._read_grouped_person(item, draft)
        elif "(" in item or ")" in item:
            draft.issues.append(Problem("not understood as an affiliation", item))
        else:
            draft.orgs.append(self.directory.organisation_or_new(item))

    def _names_a_person(self, item: str, draft: _Draft) -> bool:
        """Whether an affiliation is a person: "FEMP (Daniel VEGA DÍAZ)".

        Only a surname in capitals tells; next to a person so written it tells again.
        """
        if not self.words.has_capital_surname(item):
            return False
        return draft.name is None or self.words.has_capital_surname(draft.name)

    def _read_grouped_person(self, item: str, draft: _Draft) -> None:
        """The person of an organisation's entry; a second one is a problem."""
        if draft.name is None:
            draft.name = self.words.without_titles(item)
        else:
            draft.issues.append(Problem("a second person in one entry is not read", item))

    # -- results ---------------------------------------------------------------------------

    def _keep(self, draft: _Draft) -> bool:
        """Whether a draft names someone; one that does not is reported, never dropped."""
        if draft.name or draft.orgs or draft.country:
            return True
        raw = self.entry.raw((draft.start, draft.end))
        if all(issue.raw != raw for issue in draft.issues):
            alone = "a position without a person or an organisation"
            draft.issues.append(Problem(alone if draft.positions else "names no leader", raw))
        return False

    def _leader(self, draft: _Draft) -> Leader:
        """The finished leader of a draft."""
        person_id = self.directory.person(draft.name).id if draft.name else None
        organisations = self._organisations(draft.orgs)
        self.organisations.update((org.id, org) for org in organisations)
        return Leader(
            name=draft.name,
            person_id=person_id,
            organisations=[OrganisationRef(org.id, org.name) for org in organisations],
            country=draft.country,
            role=self.role,
            raw=self.entry.raw((draft.start, draft.end)),
            position=", ".join(draft.positions) or None,
        )

    def _organisations(self, orgs: Sequence[Organisation]) -> list[Organisation]:
        """Organisations without repeats, leaving out a parent named next to its child."""
        unique = list({org.id: org for org in orgs}.values())
        ancestors = {a for org in unique for a in self.directory.ancestor_ids(org.id)}
        return [org for org in unique if org.id not in ancestors]


def _merge_appositions(drafts: list[_Draft]) -> list[_Draft]:
    """Give "Jane Doe, Acme Ltd (AL)" to Jane Doe: an unnamed segment after a bare name."""
    merged: list[_Draft] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and draft.joined == APPOSITION
            and draft.name is None
            and previous.name
            and not previous.bracketed
        ):
            previous.absorb(draft)
        else:
            merged.append(draft)
    return merged


def _share_affiliations(drafts: list[_Draft]) -> None:
    """In "A, B and C (ITU)", A and B work for ITU too."""
    for index, draft in enumerate(drafts):
        if not (draft.name and draft.bracketed and (draft.orgs or draft.country)):
            continue
        before = index
        while before > 0 and drafts[before].joined in (APPOSITION, CONJUNCTION):
            if not drafts[before - 1].is_bare_person():
                break
            drafts[before - 1].orgs = list(draft.orgs)
            drafts[before - 1].country = draft.country
            before -= 1
