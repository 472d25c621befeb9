"""Line ends inside words: hyphenation to drop, a hyphen of the word to keep, a word cut.

A PDF shows "ar-" at the end of a line and "chitecture" at the start of the next; so does a
word that has a hyphen of its own ("e-" "meetings"). The reader marks such breaks, and once
the whole deck is read, each is settled by the deck itself: the word written elsewhere with
its hyphen keeps it, written elsewhere without one loses it; otherwise a break before a
lower-case letter is hyphenation ("up-" "coming") and one before a capital is kept
("Mailing-" "List"). Narrow cells also wrap a long word with no hyphen at all ("managemen"
"t"): a line break between letters is a space, unless the two parts joined are a word the deck
writes elsewhere and one of them is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from parsers.deck import Deck, RichText, Table

LINE_END_HYPHEN = "\ue000"  # private-use characters: the mark of a line-end hyphen,
LINE_BREAK = "\ue001"  # and of a line break between two letters
MARKS = LINE_END_HYPHEN + LINE_BREAK
# A word of the deck, hyphens included, not touching a mark (so not a cut part of one).
WORD = re.compile(rf"(?<![\w{MARKS}-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w{MARKS}-])")
BREAK = re.compile(rf"([^\W\d_]+){LINE_END_HYPHEN}([^\W\d_]+)")
CUT = re.compile(rf"([^\W\d_]+){LINE_BREAK}([^\W\d_]+)")


def settle_hyphens(deck: Deck) -> None:
    """Replace every line-end hyphen mark of a deck by a hyphen or by nothing."""
    texts = list(_rich_texts(deck))
    if not any(mark in rich.text for rich in texts for mark in MARKS):
        return
    words = {w.casefold() for rich in texts for w in WORD.findall(rich.text)}
    for rich in texts:
        rich.text = settle(rich.text, words)
        rich.links = [replace(link, text=settle(link.text, words)) for link in rich.links]


def settle(text: str, words: set[str]) -> str:
    """A text's hyphen marks settled against the words of its deck."""

    def choose(found: re.Match) -> str:
        left, right = found.groups()
        if f"{left}-{right}".casefold() in words:
            return f"{left}-{right}"
        if f"{left}{right}".casefold() in words or right[0].islower():
            return f"{left}{right}"
        return f"{left}-{right}"

    def join(found: re.Match) -> str:
        left, right = found.groups()
        whole = f"{left}{right}".casefold() in words
        parts = left.casefold() in words and right.casefold() in words
        return f"{left}{right}" if whole and not parts else f"{left} {right}"

    text = BREAK.sub(choose, text).replace(LINE_END_HYPHEN, "-")
    return CUT.sub(join, text).replace(LINE_BREAK, " ")


def _rich_texts(deck: Deck) -> Iterator[RichText]:
    for slide in deck.slides:
        if slide.title is not None:
            yield slide.title.content
        for block in slide.blocks:
            if isinstance(block, Table):
                yield from (cell.content for row in block.rows for cell in row.cells)
            else:
                yield block.content
