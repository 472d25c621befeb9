"""Text that reads upright on a PDF page as shown, and text turned sideways or upside down.

Positions come as the page is shown: a page stored turned and shown upright (/Rotate undoing
the turn) reads like any other. Text that is still turned as shown, because the page carries a
/Rotate its content does not undo or because the text itself was set rotated, cannot be put in
reading order: its characters run down or across the page. Such text is left out and said to be
left out; when it is all the text there is, the file is refused with what to do about it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from parsers.errors import InputError

TURNS = {90: "runs sideways", 270: "runs sideways", 180: "is upside down"}
ADVICE = "turn the pages upright (rotate them in a PDF editor) and export the PDF again"


@dataclass(frozen=True)
class PageTurn:
    """How a page's characters are turned: how many read upright, how many do not, and how."""

    number: int
    upright: int
    turned: int
    turn: int  # the commonest turn of the turned characters, clockwise degrees
    rotate: int  # the page's /Rotate

    @property
    def is_turned(self) -> bool:
        """Whether most of the page's text does not read upright."""
        return self.turned > self.upright


def turn(char: dict) -> int:
    """How far a character is turned as shown, in clockwise degrees: 0, 90, 180 or 270."""
    a, b = char.get("matrix", (1, 0, 0, 1, 0, 0))[:2]
    angle = math.degrees(math.atan2(-b, a))  # y grows upward in the text matrix
    return round(angle / 90) % 4 * 90


def reads_upright(char: dict) -> bool:
    """Whether a character reads left to right on a horizontal line, as shown."""
    return bool(char.get("upright", True)) and turn(char) == 0


def page_turn(page) -> PageTurn:
    """The tally of one page's visible characters."""
    turns = Counter(0 if reads_upright(c) else turn(c) or 180 for c in _visible(page))
    turned = Counter({k: n for k, n in turns.items() if k})
    commonest = turned.most_common(1)[0][0] if turned else 0
    rotate = int(getattr(page, "rotation", 0) or 0)
    return PageTurn(page.page_number, turns[0], sum(turned.values()), commonest, rotate)


def turned_text(path: Path, pages: list[PageTurn]) -> list[str]:
    """Warnings for pages whose text is turned; InputError when no page has upright text."""
    turned = [page for page in pages if page.is_turned]
    if not turned:
        return []
    how = TURNS[Counter(page.turn for page in turned).most_common(1)[0][0]]
    rotated = {page.rotate for page in turned}
    rotate = rotated.pop() if len(rotated) == 1 else 0
    cause = f" (its pages are marked to be shown turned {rotate}°)" if rotate in TURNS else ""
    if not any(page.upright for page in pages):
        raise InputError(
            path, f"the text {how} on every page{cause}, so it cannot be read; {ADVICE}"
        )
    numbers = ", ".join(str(page.number) for page in turned)
    label = "page" if len(turned) == 1 else "pages"
    return [f"the text {how} on {label} {numbers}{cause} and was not read; {ADVICE}"]


def _visible(page) -> list[dict]:
    return [char for char in page.chars if char["text"].strip()]
