"""Rich text from styled runs: the text, whether all of it is bold, and its links."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from parsers.deck import Link, RichText

WHITESPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
MAX_RUN_IN = 60  # longer bold words are a bold phrase, not a label
# Control characters left once line breaks and spaces are read (NUL, BEL, ESC, DEL, C1...):
# no deck means them, and in a CSV, a report or a terminal they do harm.
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Run:
    """A piece of text with one style; "\\n" in text is a line break."""

    text: str
    bold: bool = False
    url: str | None = None


def tidy(text: str) -> str:
    """Normalise Unicode, drop control characters, collapse spaces; trim lines, drop empty ones."""
    text = unicodedata.normalize("NFC", text)
    lines = (WHITESPACE.sub(" ", CONTROLS.sub("", line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_url(url: str) -> str:
    """A link target without spaces at its ends nor control characters anywhere."""
    return CONTROLS.sub("", url).strip()


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
        if text and clean_url(url):
            links.append(Link(text.replace("\n", " "), clean_url(url)))
        index = end
    labels = run_in_labels((r.text, r.bold) for r in runs)
    return RichText(tidy("".join(r.text for r in runs)), bold, links, labels)


def run_in_labels(pieces: Iterable[tuple[str, bool]]) -> list[str]:
    """The bold words followed by plain words on their line, in order: "**Leader** Jane"."""
    pieces = list(pieces)
    if not any(bold for _, bold in pieces):
        return []
    segments: list[list] = []  # [text, bold], neighbours of one weight merged
    for text, bold in pieces:
        if segments and (segments[-1][1] == bold or not text.strip() and "\n" not in text):
            segments[-1][0] += text  # spaces take the weight of what they follow
        else:
            segments.append([text, bold])
    labels = []
    for (text, bold), (after, _) in zip(segments, segments[1:], strict=False):
        label = tidy(text).split("\n")[-1]
        plain = after.split("\n")[0].strip()
        if bold and label and not label.endswith(":") and len(label) <= MAX_RUN_IN and plain:
            labels.append(label)
    return labels
