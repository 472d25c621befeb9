"""Page furniture: running headers and footers, page and slide numbers.

Text that repeats at the same place near the top or bottom edge of most pages or slides of a
document belongs to the page, not to its content; so does a bare page number there ("7",
"- 7 -", "Page 7 of 9", "7/9"). Repeated texts are compared with their digits masked, so a
footer that ends in the page number repeats too. A one-page document has no repeated
furniture; a two-page one has it on both pages.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.deck import Box
from parsers.runs import WHITESPACE

EDGE = 0.12  # share of the page height, at the top and at the bottom, where furniture sits
PLACE = 6.0  # points: texts whose tops and one side (left, right or centre) are this close
MOST = 0.5  # share of the pages a text must repeat on
MIN_PAGES = 2
PAGE_NUMBER = re.compile(
    r"(?:(?:page|p\.|slide)\s*)?[-–—(\[]?\s*\d{1,3}\s*[-–—)\]]?(?:\s*(?:/|of)\s*\d{1,3})?",
    re.I,
)
DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Placed:
    """A piece of text that may be furniture, where it sits, and whether it may repeat.

    Text set larger than the body (a heading) is furniture only as a bare page number.
    """

    text: str
    box: Box
    repeatable: bool = True


def is_page_number(text: str) -> bool:
    """Whether a text is a bare page or slide number, with its label and count if any."""
    return bool(PAGE_NUMBER.fullmatch(text.strip()))


def near_edge(box: Box, height: float) -> bool:
    """Whether a box lies wholly in the top or bottom band of its page where furniture sits."""
    return box.bottom <= height * EDGE or box.top >= height * (1 - EDGE)


def furniture(pages: Sequence[Sequence[Placed]], heights: Sequence[float]) -> list[set[int]]:
    """For each page, the indexes of its candidates that are furniture.

    A candidate is furniture when it lies near the top or bottom edge and either is a bare page
    number or, if repeatable, repeats, digits aside, at the same place on most pages.
    """
    found: list[set[int]] = [set() for _ in pages]
    by_text: dict[str, list[tuple[int, int, Box]]] = defaultdict(list)
    for page, (candidates, height) in enumerate(zip(pages, heights, strict=True)):
        for index, placed in enumerate(candidates):
            if not near_edge(placed.box, height):
                continue
            if is_page_number(placed.text):
                found[page].add(index)
            elif placed.repeatable:
                by_text[_key(placed.text)].append((page, index, placed.box))
    needed = max(MIN_PAGES, math.ceil(MOST * len(pages)))
    for members in by_text.values():
        if len({page for page, _, _ in members}) < needed:
            continue
        for page, index, box in members:
            pages_here = {other for other, _, there in members if _same_place(box, there)}
            if len(pages_here) >= needed:
                found[page].add(index)
    return found


def _key(text: str) -> str:
    return WHITESPACE.sub(" ", DIGITS.sub("#", text)).strip().casefold()


def _same_place(a: Box, b: Box) -> bool:
    if abs(a.top - b.top) > PLACE:
        return False
    centre = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2)
    return min(abs(a.x0 - b.x0), abs(a.x1 - b.x1), centre) <= PLACE
