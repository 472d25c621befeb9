"""Phrase and pattern sets built from profile data, matched ignoring case, accents and dashes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from normalizers.text import fold, normalize_dashes, squash_spaces


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """Text as the matchers see it: one line, single spaces, plain hyphens."""
    return squash_spaces(normalize_dashes(text.replace("\n", " ")))


@dataclass(frozen=True)
class PhraseSet:
    """Literal phrases, longest first."""

    phrases: tuple[str, ...]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseSet:
        folded = {fold(p) for p in phrases if p.strip()}
        return cls(tuple(sorted(folded, key=lambda p: (-len(p), p))))

    @cached_property
    def _lookup(self) -> frozenset[str]:
        """The phrases as a set, for whole-text lookups."""
        return frozenset(self.phrases)

    @cached_property
    def _spaced_words(self) -> tuple[tuple[str, str], ...]:
        """Each phrase with its words between single spaces, a space at either end."""
        return tuple((p, f" {_words(p)} ") for p in self.phrases)

    def equals(self, text: str) -> bool:
        """Whether the whole text (trailing punctuation aside) is one of the phrases."""
        return fold(text).strip(" .:;!") in self._lookup

    def contained(self, text: str) -> str | None:
        """The longest phrase found in text as whole words, or None."""
        key = f" {_words(fold(text))} "
        return next((p for p, words in self._spaced_words if words in key), None)

    def prefix(self, text: str) -> str | None:
        """The longest phrase text starts with, as whole words, or None."""
        key = f" {_words(fold(text))} "
        return next((p for p, words in self._spaced_words if key.startswith(words)), None)


@dataclass(frozen=True)
class PatternSet:
    """Regular expressions, tried in order, case-insensitively, on cleaned text."""

    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, patterns: Iterable[str]) -> PatternSet:
        return cls(tuple(re.compile(p, re.I) for p in patterns))

    def search(self, text: str) -> re.Match[str] | None:
        """The first pattern found anywhere in text."""
        cleaned = clean(text)
        return next((m for p in self.patterns if (m := p.search(cleaned))), None)

    def match(self, text: str) -> re.Match[str] | None:
        """The first pattern matching at the start of text."""
        cleaned = clean(text)
        return next((m for p in self.patterns if (m := p.match(cleaned))), None)


WORDS = re.compile(r"[^\w&]+")


def _words(text: str) -> str:
    return WORDS.sub(" ", text).strip()
