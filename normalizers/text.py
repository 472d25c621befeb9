"""Small text helpers shared by the normalizers: dashes, folding and slugs."""

from __future__ import annotations

import functools
import re
import unicodedata

DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
NON_SLUG = re.compile(r"[^a-z0-9]+")


def normalize_dashes(text: str) -> str:
    """Replace every dash-like character (en, em, minus, ...) with a hyphen-minus."""
    return DASHES.sub("-", text)


def squash_spaces(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space and trim."""
    return SPACES.sub(" ", text).strip()


def strip_accents(text: str) -> str:
    """Remove combining accents: "García" becomes "Garcia"."""
    if text.isascii():
        return text  # nothing to decompose, nothing combining
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A matching key: accents, case, dashes and spacing ignored."""
    return squash_spaces(normalize_dashes(strip_accents(text)).casefold())


def slugify(text: str) -> str:
    """A stable ASCII identifier: "Digital Dubai Authority" becomes "digital-dubai-authority"."""
    return NON_SLUG.sub("-", strip_accents(text).lower().replace("&", " and ")).strip("-")
