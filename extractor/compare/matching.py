"""Telling the same thing apart across editions: text keys, name similarity, pairing, identities."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz

from extractor.model.plan import Leader, OrganisationRef
from normalizers.directory import Directory
from normalizers.text import fold

T = TypeVar("T")
Score = Callable[[T, T], float | None]

# Names scoring at least this (0-100) are the same group or working group under a new name.
RENAME_THRESHOLD = 80.0
NOT_WORD = re.compile(r"[\W_]+")


def text_key(text: str | None) -> str:
    """The words of a text, for comparing: accents, case and punctuation ignored."""
    if text is None:
        return ""
    return NOT_WORD.sub(" ", fold(text).replace("&", " and ")).strip()


def name_similarity(a: str, b: str) -> float:
    """0-100: the mean of rapidfuzz's token_sort_ratio and token_set_ratio on the text keys."""
    a, b = text_key(a), text_key(b)
    return (fuzz.token_sort_ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2


def same(key: Callable[[T], object]) -> Score:
    """A pass pairing items whose keys are equal."""
    return lambda old, new: 0.0 if key(old) == key(new) else None


def similar(name: Callable[[T], str], threshold: float = RENAME_THRESHOLD) -> Score:
    """A pass pairing items whose names score at least the threshold, best first."""

    def score(old: T, new: T) -> float | None:
        value = name_similarity(name(old), name(new))
        return value if value >= threshold else None

    return score


def match(old: Sequence[T], new: Sequence[T], *passes: Score) -> dict[int, int]:
    """New index -> old index; each pass pairs what earlier ones left, highest score first."""
    pairs: dict[int, int] = {}
    for score in passes:
        taken = set(pairs.values())
        candidates = sorted(
            (-value, n, o)
            for n in range(len(new))
            if n not in pairs
            for o in range(len(old))
            if o not in taken and (value := score(old[o], new[n])) is not None
        )
        for _, n, o in candidates:
            if n not in pairs and o not in taken:
                pairs[n] = o
                taken.add(o)
    return pairs


class Identities:
    """Canonical ids of people and organisations, through the alias tables of today."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory

    def organisation(self, ref: OrganisationRef) -> tuple[str, str]:
        """(id, canonical name) of an organisation as a leader entry names it."""
        found = self.directory.organisation(ref.name) or self.directory.organisation_by_id(ref.id)
        return (found.id, found.name) if found else (ref.id, ref.name)

    def organisation_key(self, text: str) -> str:
        """The id of a known organisation, else the text's key (secretariat entries)."""
        found = self.directory.organisation(text)
        return found.id if found else text_key(text)

    def leader(self, leader: Leader) -> str:
        """A leader entry's identity: the person, or for an organisation alone its ids."""
        if leader.name:
            return self.directory.person(leader.name).id
        return "+".join(self.organisation(ref)[0] for ref in leader.organisations) or text_key(
            leader.raw
        )
