"""The leader parser's vocabulary (leader_words.toml) and what its words say about a text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from normalizers.text import fold, strip_accents

WORD = re.compile(r"[^\W_]+")
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'\u2019.\-]*(?:['\u2019.\-][^\W\d_]*)*\.?$")


@dataclass(frozen=True)
class WordPhrases:
    """Vocabulary phrases as folded word tuples, indexed by their first word."""

    phrases: frozenset[tuple[str, ...]]
    by_first: Mapping[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, words: Iterable[str]) -> WordPhrases:
        phrases = [phrase for phrase in map(tokens, words) if phrase]
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            by_first.setdefault(phrase[0], []).append(phrase)
        return cls(frozenset(phrases), {word: tuple(found) for word, found in by_first.items()})

    def find(self, words: tuple[str, ...]) -> int:
        """The index of the first word where a phrase starts, or -1."""
        for index, word in enumerate(words):
            for phrase in self.by_first.get(word, ()):
                if words[index : index + len(phrase)] == phrase:
                    return index
        return -1

    def ends(self, words: tuple[str, ...]) -> bool:
        """Whether the words end with one of the phrases."""
        return any(words[-len(phrase) :] == phrase for phrase in self.phrases)


@dataclass(frozen=True)
class LeaderVocabulary:
    """The words the leader parser needs, from leader_words.toml."""

    hard_separators: tuple[str, ...]
    apposition_separators: tuple[str, ...]
    spaced_separators: tuple[str, ...]
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
        """Any hard separator, the longest first, or a spaced one between blanks."""
        longest_first = sorted(self.hard_separators, key=len, reverse=True)
        found = list(map(re.escape, longest_first))
        if self.spaced_separators:
            spaced = sorted(self.spaced_separators, key=len, reverse=True)
            found.append(rf"\s+(?:{'|'.join(map(re.escape, spaced))})\s+")
        return re.compile("|".join(found) or r"(?!)")

    def is_apposition(self, mark: str) -> bool:
        """Whether a separator may join a person to what follows: "," or a spaced dash."""
        return mark in self.apposition_separators or mark.strip() in self.spaced_separators

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

    def is_placeholder(self, text: str) -> bool:
        """Whether text names no one: "TBD", "N/A", "vacant"."""
        return tokens(text) in self.placeholder_phrases.phrases

    def kind_by_words(self, text: str) -> str | None:
        """ "organisation" or "position" when the words say so; the earlier word wins."""
        if looks_like_acronym(text):
            return "organisation"
        return self.kind_by_phrases(text)

    def kind_by_phrases(self, text: str) -> str | None:
        """ "organisation" or "position" when a vocabulary phrase says so; the earlier wins."""
        words = tokens(text)
        org_at = self.organisation_phrases.find(words)
        position_at = self.position_phrases.find(words)
        if position_at >= 0 and (org_at < 0 or position_at < org_at):
            return "position"
        return "organisation" if org_at >= 0 else None

    def is_name(self, text: str) -> bool:
        """Whether text is shaped like a person's name: capitalised words and particles."""
        words = text.split()
        shaped = all(NAME_WORD.match(word) for word in words)
        capitals = [word[0].isupper() or fold(word) in self.particle_keys for word in words]
        return bool(words) and shaped and all(capitals) and any(w[0].isupper() for w in words)

    def without_titles(self, name: str) -> str:
        """A name without the titles before it: "Prof. Jane Doe" is "Jane Doe"."""
        words = name.split()
        while len(words) > 1 and tokens(words[0]) in self.title_phrases.phrases:
            words = words[1:]
        return " ".join(words)

    def in_capitals(self, text: str) -> bool:
        """Whether every word but the particles is written in capitals: "VEGA DÍAZ"."""
        words = [word for word in text.split() if fold(word) not in self.particle_keys]
        return bool(words) and all(word.isupper() for word in words)

    def has_capital_surname(self, text: str) -> bool:
        """Whether text is given names, then a surname in capitals: "Daniel VEGA DÍAZ"."""
        words = self.without_titles(text).split()
        if not self.is_name(" ".join(words)) or self.kind_by_phrases(text) is not None:
            return False
        split = next((index for index, word in enumerate(words) if _in_capitals(word)), 0)
        return split > 0 and self.in_capitals(" ".join(words[split:]))

    def reads_surname_first(self, surname: str, given: str) -> bool:
        """Whether "SURNAME, Given" names one person, as in "VEGA DÍAZ, Daniel".

        The surname is in capitals and the given names are not. A single capitalised word is
        more often an acronym ("ACME, Jane Doe"), so it is a surname only before one given name.
        """
        if not (self.is_name(surname) and self.in_capitals(surname) and self.is_name(given)):
            return False
        if any(_in_capitals(word) for word in given.split()):
            return False
        parts = [part for word in surname.split() for part in word.split("-") if part]
        return len(parts) > 1 or len(given.split()) == 1

    def abbreviates(self, acronym: str, name: str) -> bool:
        """Whether an acronym is made of a name's initials, with or without the skip words.

        An acronym of three letters or more may also leave out one inner word, when each
        comma-separated part of the name still gives a letter: "DCMS" abbreviates
        "Department for Digital, Culture, Media & Sport" (its name before "Digital" came in).
        """
        letters = "".join(char for char in strip_accents(acronym).upper() if char.isalnum())
        words = WORD.findall(strip_accents(name))
        every = "".join(word[0] for word in words).upper()
        content = "".join(word[0] for word in words if fold(word) not in self.skip_keys).upper()
        if len(letters) < 2 or len(words) < 2:
            return False
        return letters in (every, content) or self._abbreviates_but_one(letters, name)

    def _abbreviates_but_one(self, letters: str, name: str) -> bool:
        """Whether the letters are the initials of a name's content words but one inner word."""
        initials = [
            (part, word[0].upper())
            for part, piece in enumerate(self.separator.split(strip_accents(name)))
            for word in WORD.findall(piece)
            if fold(word) not in self.skip_keys
        ]
        if len(letters) < 3 or len(initials) != len(letters) + 1:
            return False
        parts = {part for part, _ in initials}
        for left_out in range(1, len(initials) - 1):
            kept = initials[:left_out] + initials[left_out + 1 :]
            if "".join(i for _, i in kept) == letters and {p for p, _ in kept} == parts:
                return True
        return False

    def continues(self, left: str, right: str) -> bool:
        """Whether "left and right" read as one organisation name, as in "Ministry of X and Y"."""
        org_words = self.organisation_phrases
        left_words = tokens(left)
        return (
            org_words.find(left_words) >= 0
            and not org_words.ends(left_words)
            and org_words.find(tokens(right)) != 0
        )


def leader_vocabulary(data: Mapping[str, Any]) -> LeaderVocabulary:
    """Build the vocabulary from the parsed leader_words.toml."""
    separators = _table(data, "separators")
    vocabulary = LeaderVocabulary(
        hard_separators=_strings(separators, "separators", "hard"),
        apposition_separators=_strings(separators, "separators", "apposition"),
        spaced_separators=_strings(separators, "separators", "spaced"),
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


def tokens(text: str) -> tuple[str, ...]:
    """Words for vocabulary matching: folded, full stops dropped ("S.A." is "sa")."""
    return tuple(WORD.findall(fold(text).replace(".", "")))


@cache
def alternatives(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for any of the words: whole words, or symbols standing between blanks."""
    found = []
    for word in sorted(words, key=len, reverse=True):
        edge = r"\w" if word[0].isalnum() else r"\S"
        found.append(rf"(?<!{edge}){re.escape(word)}(?!{edge})")
    return re.compile("|".join(found) or r"(?!)", re.IGNORECASE)


def looks_like_acronym(text: str) -> bool:
    """Whether text is one upper-case token such as "ABC" or "ABC-DEF"."""
    token = strip_accents(text.strip())
    letters = [char for char in token if char.isalpha()]
    return (
        len(letters) >= 2
        and all(char.isupper() for char in letters)
        and all(char.isalnum() or char in "-&." for char in token)
    )


def _in_capitals(word: str) -> bool:
    """Whether a word of two letters or more is written in capitals ("DÍAZ", not "J.")."""
    return word.isupper() and sum(char.isalpha() for char in word) > 1
