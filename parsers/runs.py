"""Rich text from styled runs: the text, whether all of it is bold, and its links."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from parsers.deck import Link, RichText

WHITESPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class Run:
    """A piece of text with one style; "\\n" in text is a line break."""

    text: str
    bold: bool = False
    url: str | None = None


def tidy(text: str) -> str:
    """Normalise Unicode, collapse spaces and trim every line; drop empty lines."""
    text = unicodedata.normalize("NFC", text)
    lines = (WHITESPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def rich_from_runs(runs: Iterable[Run]) -> RichText:
    """Join runs into RichText; neighbouring runs with the same link target form one link."""
    runs = list(runs)
    letters = [r for r in runs if r.text.strip()]
    bold = bool(letters) and all(r.bold for r in letters)
    links: list[Link] = []
    index = 0
    while index < len(runs):
        url = runs[index].url
        end = index + 1
        while url and end < len(runs) and runs[end].url == url:
            end += 1
        text = tidy("".join(r.text for r in runs[index:end])) if url else ""
        if text:
            links.append(Link(text.replace("\n", " "), url))
        index = end
    return RichText(tidy("".join(r.text for r in runs)), bold, links)
