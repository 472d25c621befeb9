"""Leader entries ("Jane Doe (ITU) and John Roe (UNEP)") as people, organisations and problems.

An entry is read in three steps. The text is cut into segments: a head (a name) followed by
parenthesised affiliations; hard separators (",", ";") end a segment, and so does the text
after a closing parenthesis. Conjunctions ("and", "&") end one too, unless they sit inside an
organisation name. Each segment is then classified with the alias table and the vocabulary.
Last, a bare organisation after "Jane Doe," becomes Jane Doe's, and people listed before a
person with affiliations ("A and B (ITU)") share them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import Any

from normalizers.directory import Directory, Organisation
from normalizers.problems import Problem
from normalizers.text import fold, squash_spaces, strip_accents
from normalizers.values import Leader, LeaderRole, OrganisationRef

WORD = re.compile(r"[^\W_]+")
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'\u2019.\-]*(?:['\u2019.\-][^\W\d_]*)*\.?$")
NESTED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]*)\)$")

# How a segment follows the one before it.
START, APPOSITION, HARD, CONJUNCTION, JUXTAPOSED = (
    "start",
    "apposition",
    "hard",
    "conjunction",
    "juxtaposed",
)

Span = tuple[int, int]


@dataclass(frozen=True)
class WordPhrases:
    """Vocabulary phrases as folded word tuples, indexed by their first word."""

    phrases: frozenset[tuple[str, ...]]
    by_first: Mapping[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, words: Iterable[str]) -> WordPhrases:
        phrases = [phrase for phrase in map(_tokens, words) if phrase]
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            by_first.setdefault(phrase[0], []).append(phrase)
        return cls(frozenset(phrases), {word: tuple(found) for word, found in by_first.items()})

    def find(self, tokens: tuple[str, ...]) -> int:
        """The index of the first word where a phrase starts, or -1."""
        for index, token in enumerate(tokens):
            for phrase in self.by_first.get(token, ()):
                if tokens[index : index + len(phrase)] == phrase:
                    return index
        return -1

    def ends(self, tokens: tuple[str, ...]) -> bool:
        """Whether the words end with one of the phrases."""
        return any(tokens[-len(phrase) :] == phrase for phrase in self.phrases)


@dataclass(frozen=True)
class LeaderVocabulary:
    """The words the leader parser needs, from leader_words.toml."""

    hard_separators: tuple[str, ...]
    apposition_separators: tuple[str, ...]
    conjunctions: tuple[str, ...]
    position_links: tuple[str, ...]
    organisation_words: tuple[str, ...]
    legal_forms: tuple[str, ...]
    position_words: tuple[str, ...]
    name_particles: tuple[str, ...]
    name_titles: tuple[str, ...]
    acronym_skip_words: tuple[str, ...]
    placeholders: tuple[str, ...]

    @cached_property
    def separator(self) -> re.Pattern[str]:
        """Any hard separator, the longest first."""
        longest_first = sorted(self.hard_separators, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, longest_first)) or r"(?!)")

    @cached_property
    def break_mark(self) -> re.Pattern[str]:
        """What ends a text run outside parentheses: a parenthesis or a hard separator."""
        return re.compile(rf"[()]|{self.separator.pattern}")

    @cached_property
    def organisation_phrases(self) -> WordPhrases:
        """Organisation words and legal forms."""
        return WordPhrases.of(self.organisation_words + self.legal_forms)

    @cached_property
    def position_phrases(self) -> WordPhrases:
        """Words of job titles."""
        return WordPhrases.of(self.position_words)

    @cached_property
    def placeholder_phrases(self) -> WordPhrases:
        """Words that name no one."""
        return WordPhrases.of(self.placeholders)

    @cached_property
    def title_phrases(self) -> WordPhrases:
        """Titles before a name."""
        return WordPhrases.of(self.name_titles)

    @cached_property
    def particle_keys(self) -> frozenset[str]:
        """The folded name particles."""
        return frozenset(fold(p) for p in self.name_particles)

    @cached_property
    def skip_keys(self) -> frozenset[str]:
        """The folded words an acronym may leave out."""
        return frozenset(fold(word) for word in self.acronym_skip_words)


@dataclass(frozen=True)
class LeaderParse:
    """The leaders an entry names, what could not be understood, and the organisations named.

    organisations holds the record behind each of the leaders' organisation refs, by id: the
    known one from the alias table, or an unknown one as the entry names it.
    """

    leaders: list[Leader]
    problems: list[Problem]
    organisations: Mapping[str, Organisation] = field(default_factory=dict)


def leader_vocabulary(data: Mapping[str, Any]) -> LeaderVocabulary:
    """Build the vocabulary from the parsed leader_words.toml."""
    separators = _table(data, "separators")
    vocabulary = LeaderVocabulary(
        hard_separators=_strings(separators, "separators", "hard"),
        apposition_separators=_strings(separators, "separators", "apposition"),
        conjunctions=_strings(separators, "separators", "conjunctions"),
        position_links=_strings(separators, "separators", "position_links"),
        organisation_words=_strings(_table(data, "organisation"), "organisation", "words"),
        legal_forms=_strings(_table(data, "organisation"), "organisation", "legal_forms"),
        position_words=_strings(_table(data, "position"), "position", "words"),
        name_particles=_strings(_table(data, "names"), "names", "particles"),
        name_titles=_strings(_table(data, "names"), "names", "titles"),
        acronym_skip_words=_strings(_table(data, "acronyms"), "acronyms", "skip_words"),
        placeholders=_strings(_table(data, "placeholders"), "placeholders", "words"),
    )
    if not set(vocabulary.apposition_separators) <= set(vocabulary.hard_separators):
        raise ValueError("leader words: every [separators] apposition must also be hard")
    return vocabulary


def parse_leaders(
    text: str, role: LeaderRole, directory: Directory, vocabulary: LeaderVocabulary
) -> LeaderParse:
    """Read a leader entry: each leader's name, organisations, country and position."""
    return _Parser(text, role, directory, vocabulary).parse()


def _table(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    """A table of the vocabulary file, which must be there."""
    table = data.get(name)
    if not isinstance(table, Mapping):
        raise ValueError(f"leader words: the table [{name}] is missing")
    return table


def _strings(table: Mapping[str, Any], name: str, key: str) -> tuple[str, ...]:
    """A list of non-empty strings of the vocabulary file."""
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"leader words: [{name}] {key} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


@dataclass
class _Token:
    """A run of the entry: plain text, a parenthesised group, or a hard separator."""

    kind: str
    start: int
    end: int
    inner: Span = (0, 0)
    apposition: bool = False


@dataclass
class _Segment:
    """A head (maybe empty) and the parenthesised groups that follow it."""

    start: int
    end: int
    joined: str
    head: Span | None = None
    parens: list[_Token] = field(default_factory=list)


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
        self.text = text
        self.role = role
        self.directory = directory
        self.words = vocabulary
        self.problems: list[Problem] = []
        self.organisations: dict[str, Organisation] = {}

    def parse(self) -> LeaderParse:
        """Segments, then drafts, then leaders."""
        drafts = [self._draft(segment) for segment in self._segments(self._lex())]
        drafts = _merge_appositions(drafts)
        _share_affiliations(drafts)
        leaders = [self._leader(draft) for draft in drafts if self._keep(draft)]
        problems = self.problems + [issue for draft in drafts for issue in draft.issues]
        if not leaders and not problems:
            problems.append(Problem("no leader found", self.text))
        return LeaderParse(leaders, problems, self.organisations)

    # -- cutting the text ------------------------------------------------------------------

    def _lex(self) -> list[_Token]:
        """Text runs, parenthesised groups and hard separators, outside any parentheses."""
        tokens: list[_Token] = []
        start = 0
        while found := self.words.break_mark.search(self.text, start):
            index, mark = found.start(), found.group()
            tokens += self._text_token(start, index)
            if mark == "(":
                tokens.append(self._paren_token(index))
                start = tokens[-1].end
            elif mark == ")":
                self.problems.append(Problem("a closing parenthesis has no opening", self.text))
                start = index + 1
            else:
                apposition = mark in self.words.apposition_separators
                tokens.append(_Token("separator", index, found.end(), (0, 0), apposition))
                start = found.end()
        return tokens + self._text_token(start, len(self.text))

    def _text_token(self, start: int, end: int) -> list[_Token]:
        """A text token for a range, or none when it is blank."""
        start, end = self._strip((start, end))
        return [_Token("text", start, end)] if start < end else []

    def _paren_token(self, opening: int) -> _Token:
        """The group opened at an index; an unclosed one runs to the end and is reported."""
        depth = 0
        for index in range(opening, len(self.text)):
            depth += {"(": 1, ")": -1}.get(self.text[index], 0)
            if depth == 0:
                return _Token("paren", opening, index + 1, (opening + 1, index))
        self.problems.append(Problem("a parenthesis is never closed", self.text[opening:]))
        return _Token("paren", opening, len(self.text), (opening + 1, len(self.text)))

    def _separator_at(self, index: int, end: int) -> str | None:
        """The hard separator starting at an index, if any."""
        found = self.words.separator.match(self.text, index, end)
        return found.group() if found else None

    def _segments(self, tokens: Sequence[_Token]) -> list[_Segment]:
        """Group tokens into segments, remembering how each follows the previous one."""
        segments: list[_Segment] = []
        current: _Segment | None = None
        joined = START
        for index, token in enumerate(tokens):
            if token.kind == "separator":
                current, joined = None, APPOSITION if token.apposition else HARD
            elif token.kind == "paren":
                if current is None:
                    current = _Segment(token.start, token.end, joined)
                    segments.append(current)
                current.parens.append(token)
                current.end = token.end
            else:
                if current is not None:
                    joined = JUXTAPOSED
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                acronym = (
                    self._slice(following.inner)
                    if following and following.kind == "paren"
                    else None
                )
                current, joined = self._text_segments(token, joined, acronym, segments)
        return segments

    def _text_segments(
        self, token: _Token, joined: str, acronym: str | None, segments: list[_Segment]
    ) -> tuple[_Segment | None, str]:
        """Add a segment per conjunct of a text run; the last stays open for a parenthesis."""
        parts, leading, trailing = self._conjuncts((token.start, token.end))
        joined = CONJUNCTION if leading else joined
        current = None
        for group in self._group(parts, acronym):
            current = _Segment(group[0], group[1], joined, head=group)
            segments.append(current)
            joined = CONJUNCTION
        return (None, CONJUNCTION) if trailing else (current, joined)

    def _conjuncts(self, span: Span) -> tuple[list[Span], bool, bool]:
        """The parts of a range between conjunctions, and whether one opens or closes it."""
        pattern = _alternatives(self.words.conjunctions)
        cuts = [match.span() for match in pattern.finditer(self.text, span[0], span[1])]
        bounds = [span[0], *[i for cut in cuts for i in cut], span[1]]
        parts = [self._strip((bounds[i], bounds[i + 1])) for i in range(0, len(bounds), 2)]
        leading = bool(cuts) and parts[0][0] == parts[0][1]
        trailing = bool(cuts) and parts[-1][0] == parts[-1][1]
        return [part for part in parts if part[0] < part[1]], leading, trailing

    def _group(self, parts: Sequence[Span], acronym: str | None) -> list[Span]:
        """Join conjuncts that together make one organisation name."""
        groups = []
        first = 0
        while first < len(parts):
            last = self._name_end(parts, first, acronym)
            groups.append((parts[first][0], parts[last][1]))
            first = last + 1
        return groups

    def _name_end(self, parts: Sequence[Span], first: int, acronym: str | None) -> int:
        """The last conjunct of the name starting at the first: known names win, longest first."""
        for last in range(len(parts) - 1, first, -1):
            name = self._slice((parts[first][0], parts[last][1]))
            if self.directory.organisation(name) is not None:
                return last
            if last == len(parts) - 1 and acronym and self._abbreviates(acronym, name):
                return last
        last = first
        while last + 1 < len(parts) and self._continues(
            self._slice((parts[first][0], parts[last][1])), self._slice(parts[last + 1])
        ):
            last += 1
        return last

    def _continues(self, left: str, right: str) -> bool:
        """Whether "left and right" is one unknown organisation, as in "Ministry of X and Y"."""
        if self.directory.organisation(left) or self.directory.organisation(right):
            return False
        org_words = self.words.organisation_phrases
        left_tokens = _tokens(left)
        return (
            org_words.find(left_tokens) >= 0
            and not org_words.ends(left_tokens)
            and org_words.find(_tokens(right)) != 0
        )

    # -- reading segments ------------------------------------------------------------------

    def _draft(self, segment: _Segment) -> _Draft:
        """Classify a segment's head and read its parenthesised affiliations."""
        draft = _Draft(segment.start, segment.end, segment.joined)
        parens = list(segment.parens)
        if segment.head is not None:
            acronym = self._slice(parens[0].inner) if parens else None
            if self._read_head(self._slice(segment.head), acronym, bool(parens), draft):
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
            draft.positions.append(squash_spaces(head))
        elif kind == "person":
            draft.name = self._without_titles(head)
        elif kind == "placeholder":
            draft.issues.append(Problem("names no leader", head))
        else:
            draft.issues.append(Problem("not understood as a person or an organisation", head))
        return False

    def _head_kind(self, head: str, acronym: str | None, has_parens: bool) -> str:
        """What a head names: acronym, organisation, country, position, person, ..."""
        if _tokens(head) in self.words.placeholder_phrases.phrases:
            return "placeholder"
        known = self.directory.organisation(head)
        untitled = self._without_titles(head)
        if known is None and untitled != squash_spaces(head) and self._is_name(untitled):
            return "person"
        if acronym and self._is_acronym_for(head, known, acronym):
            return "acronym"
        if known is not None:
            return "organisation"
        if self.directory.country(head):
            return "country"
        kind = self._kind_by_words(head)
        if kind is not None:
            return kind
        if not self._is_name(head):
            return "unknown"
        # A lone word without affiliations is more often a company ("Siemens") than a person.
        return "organisation" if len(head.split()) == 1 and not has_parens else "person"

    def _is_acronym_for(self, head: str, known: Organisation | None, acronym: str) -> bool:
        """Whether "head (acronym)" names one organisation, e.g. "Acme Builders Union (ABU)"."""
        by_acronym = self.directory.organisation(acronym)
        if known is not None and by_acronym is not None:
            return known.id == by_acronym.id
        if not self._abbreviates(acronym, head):
            return False
        # "Jane Doe (JD)" is more likely a person working for JD than an organisation.
        return (
            known is not None
            or by_acronym is not None
            or not self._is_name(head)
            or self._kind_by_words(head) == "organisation"
        )

    def _acronym_organisation(self, name: str, acronym: str) -> Organisation:
        """The organisation of "name (acronym)": known by either, else new with that acronym."""
        known = self.directory.organisation(name) or self.directory.organisation(acronym)
        if known is not None:
            return known
        return replace(self.directory.organisation_or_new(name), acronym=squash_spaces(acronym))

    def _read_group(self, paren: _Token, draft: _Draft) -> None:
        """Read the affiliations of one parenthesised group."""
        items = self._items(paren.inner)
        if not items:
            draft.issues.append(Problem("empty parentheses", self._slice((paren.start, paren.end))))
        for item in items:
            self._read_affiliation(squash_spaces(self._slice(item)), draft)

    def _items(self, span: Span) -> list[Span]:
        """The affiliations of a group: split at hard separators, then at conjunctions."""
        items: list[Span] = []
        for piece in self._pieces(span):
            if "(" in self._slice(piece):
                items.append(piece)
            else:
                items += self._group(self._conjuncts(piece)[0], None)
        return items

    def _pieces(self, span: Span) -> list[Span]:
        """The parts of a range between hard separators outside nested parentheses."""
        pieces: list[Span] = []
        depth, index, start = 0, span[0], span[0]
        while index < span[1]:
            depth += {"(": 1, ")": -1}.get(self.text[index], 0)
            separator = self._separator_at(index, span[1]) if depth == 0 else None
            if separator is None:
                index += 1
                continue
            pieces.append(self._strip((start, index)))
            index = start = index + len(separator)
        pieces.append(self._strip((start, span[1])))
        return [piece for piece in pieces if piece[0] < piece[1]]

    def _read_affiliation(self, item: str, draft: _Draft) -> None:
        """One affiliation: an organisation, a country, a position, or "position at org"."""
        known = self.directory.organisation(item)
        if _tokens(item) in self.words.placeholder_phrases.phrases:
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
        for match in _alternatives(self.words.position_links).finditer(item):
            position, rest = item[: match.start()].strip(), item[match.end() :].strip()
            if position and rest and self._kind_by_words(position) == "position":
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
        elif self._kind_by_words(item) == "position":
            draft.positions.append(item)
        elif "(" in item or ")" in item:
            draft.issues.append(Problem("not understood as an affiliation", item))
        else:
            draft.orgs.append(self.directory.organisation_or_new(item))

    # -- words -----------------------------------------------------------------------------

    def _kind_by_words(self, text: str) -> str | None:
        """ "organisation" or "position" when the vocabulary says so; the earlier word wins."""
        if _looks_like_acronym(text):
            return "organisation"
        tokens = _tokens(text)
        org_at = self.words.organisation_phrases.find(tokens)
        position_at = self.words.position_phrases.find(tokens)
        if position_at >= 0 and (org_at < 0 or position_at < org_at):
            return "position"
        return "organisation" if org_at >= 0 else None

    def _is_name(self, text: str) -> bool:
        """Whether text is shaped like a person's name: capitalised words and particles."""
        words = text.split()
        particles = self.words.particle_keys
        shaped = all(NAME_WORD.match(word) for word in words)
        capitals = [word[0].isupper() or fold(word) in particles for word in words]
        return bool(words) and shaped and all(capitals) and any(w[0].isupper() for w in words)

    def _without_titles(self, name: str) -> str:
        """A name without the titles before it: "Prof. Jane Doe" is "Jane Doe"."""
        words = name.split()
        while len(words) > 1 and _tokens(words[0]) in self.words.title_phrases.phrases:
            words = words[1:]
        return " ".join(words)

    def _abbreviates(self, acronym: str, name: str) -> bool:
        """Whether an acronym is made of a name's initials, with or without the skip words."""
        letters = "".join(char for char in strip_accents(acronym).upper() if char.isalnum())
        words = WORD.findall(strip_accents(name))
        skip = self.words.skip_keys
        every = "".join(word[0] for word in words).upper()
        content = "".join(word[0] for word in words if fold(word) not in skip).upper()
        return len(letters) >= 2 and len(words) >= 2 and letters in (every, content)

    # -- results ---------------------------------------------------------------------------

    def _keep(self, draft: _Draft) -> bool:
        """Whether a draft names someone; one that does not is reported, never dropped."""
        if draft.name or draft.orgs or draft.country:
            return True
        raw = self._raw(draft)
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
            raw=self._raw(draft),
            position=", ".join(draft.positions) or None,
        )

    def _organisations(self, orgs: Sequence[Organisation]) -> list[Organisation]:
        """Organisations without repeats, leaving out a parent named next to its child."""
        unique = list({org.id: org for org in orgs}.values())
        ancestors = {a for org in unique for a in self.directory.ancestor_ids(org.id)}
        return [org for org in unique if org.id not in ancestors]

    def _raw(self, draft: _Draft) -> str:
        """The text of a draft as written."""
        return squash_spaces(self.text[draft.start : draft.end])

    def _slice(self, span: Span) -> str:
        """The text of a span."""
        return self.text[span[0] : span[1]]

    def _strip(self, span: Span) -> Span:
        """A span without the blanks at its ends."""
        start, end = span
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end


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


def _tokens(text: str) -> tuple[str, ...]:
    """Words for vocabulary matching: folded, full stops dropped ("S.A." is "sa")."""
    return tuple(WORD.findall(fold(text).replace(".", "")))


@cache
def _alternatives(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for any of the words: whole words, or symbols standing between blanks."""
    alternatives = []
    for word in sorted(words, key=len, reverse=True):
        edge = r"\w" if word[0].isalnum() else r"\S"
        alternatives.append(rf"(?<!{edge}){re.escape(word)}(?!{edge})")
    return re.compile("|".join(alternatives) or r"(?!)", re.IGNORECASE)


def _looks_like_acronym(text: str) -> bool:
    """Whether text is one upper-case token such as "ABC" or "ABC-DEF"."""
    token = strip_accents(text.strip())
    letters = [char for char in token if char.isalpha()]
    return (
        len(letters) >= 2
        and all(char.isupper() for char in letters)
        and all(char.isalnum() or char in "-&." for char in token)
    )
