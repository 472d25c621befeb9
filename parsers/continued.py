"""Tables continued over several slides, merged back into one table."""

from __future__ import annotations

import re

from parsers.deck import Slide, Table
from parsers.runs import WHITESPACE

CONTINUED = re.compile(r"[\s,:;–-]*[(\[]?\s*(?:cont(?:'d|inued)?\.?|continued)\s*[)\]]?\s*$", re.I)


def merge_continued_tables(slides: list[Slide]) -> None:
    """Append each table that continues the previous slide's last table to that table.

    A table continues another when it opens its slide, has as many columns, and either repeats
    the header under the same slide title, or its slide title is marked "(cont.)"/"continued".
    A repeated header row is dropped.
    """
    previous: tuple[Slide, Table] | None = None
    for slide in slides:
        table = slide.blocks[0] if slide.blocks and isinstance(slide.blocks[0], Table) else None
        merged = bool(previous and table and _continues(*previous, slide, table))
        if merged:
            rows = table.rows[1:] if _same_header(previous[1], table) else table.rows
            previous[1].rows.extend(rows)
            slide.blocks.pop(0)
        if slide.blocks:
            last = slide.blocks[-1]
            previous = (slide, last) if isinstance(last, Table) else None
        elif not merged:
            previous = None


def _continues(first_slide: Slide, first: Table, slide: Slide, table: Table) -> bool:
    if not first.rows or not table.rows or _width(first) != _width(table):
        return False
    title = slide.title.text if slide.title else ""
    if CONTINUED.search(title):
        return True
    first_title = first_slide.title.text if first_slide.title else ""
    return _same_header(first, table) and _key(first_title) == _key(title)


def _same_header(first: Table, table: Table) -> bool:
    return [_key(c.text) for c in first.rows[0].cells] == [
        _key(c.text) for c in table.rows[0].cells
    ]


def _width(table: Table) -> int:
    return sum(c.col_span for c in table.rows[0].cells)


def _key(text: str) -> str:
    return WHITESPACE.sub(" ", CONTINUED.sub("", text)).strip().casefold()
