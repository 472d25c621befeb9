"""Tables continued over several slides or pages, merged back into one table."""

from __future__ import annotations

import re

from parsers.deck import Cell, Link, RichText, Row, Slide, Table
from parsers.runs import WHITESPACE

CONTINUED = re.compile(
    r"[\s,:;–—-]*[(\[]?\s*\b(?:cont(?:'d|’d|inued)?\.?|continued)\s*[)\]]?\s*$", re.I
)
# "(2/3)", "[2 of 3]": the part of a table a slide shows
PART = re.compile(r"[\s,:;–—-]*[(\[]\s*(\d{1,2})\s*(?:/|of)\s*\d{1,2}\s*[)\]]\s*$", re.I)
COLUMN_ALIGN = 3.0  # points: column edges this close are at the same place
# points: below a row broken at a page's foot, what is left over the bottom margin (as wide
# as the top margin) is less than the two lines of text that did not fit
PAGE_FOOT_SLACK = 24.0


def merge_continued_tables(slides: list[Slide], line_break: str = " ") -> None:
    """Append each table that continues the previous slide's last table to that table.

    A table continues another when it opens its slide, has as many columns, and either repeats
    the header under the same slide title, or its slide title is marked "(cont.)", "continued"
    or as a later part ("(2/3)"), or - where the format gives cells their boxes - it has its
    columns at the same places on a slide without a title of its own (a report page) or under
    the same title, and does not open with a header of its own. A repeated header row is
    dropped. Merged rows keep their own location, and their cells their boxes on that slide.
    A row broken at a page's foot joins its rest, the two parts of a cell joined as the format
    joins a cell's wrapped lines: line_break between two letters (a word may be cut there).
    """
    adopt_stranded_headers(slides)
    previous: tuple[Slide, Table] | None = None
    for slide in slides:
        table = slide.blocks[0] if slide.blocks and isinstance(slide.blocks[0], Table) else None
        merged = bool(previous and table and _continues(*previous, slide, table))
        if merged:
            rows = table.rows[1:] if _same_header(previous[1], table) else table.rows
            if _broken_row(previous[1], rows, slide.size):
                _join_row(previous[1].rows[-1], rows[0], line_break)
                rows = rows[1:]
            previous[1].rows.extend(rows)
            slide.blocks.pop(0)
        if slide.blocks:
            last = slide.blocks[-1]
            previous = (slide, last) if isinstance(last, Table) else None
        elif not merged:
            previous = None


def adopt_stranded_headers(slides: list[Slide]) -> None:
    """A table's header row left alone at the foot of a page, its body on the next page:
    the line of short texts over the body's columns becomes the body's first row."""
    for slide, following in zip(slides, slides[1:], strict=False):
        table = following.blocks[0] if following.blocks else None
        if not isinstance(table, Table) or not table.rows:
            continue
        width = _width(table)
        tail = slide.blocks[-width:] if len(slide.blocks) >= width else []
        if _header_over(tail, table):
            cells = [Cell(block.content, box=block.box) for block in tail]
            table.rows.insert(0, Row(cells, tail[0].location))
            del slide.blocks[-width:]


def _header_over(blocks: list, table: Table) -> bool:
    """Whether blocks are one line of texts, one over each column of the table."""
    columns = [cell.box for cell in table.rows[0].cells]
    if len(blocks) < 2 or any(isinstance(b, Table) or b.box is None for b in blocks):
        return False
    if None in columns or len(columns) != len(blocks):
        return False
    tops = [b.box.top for b in blocks]
    if max(tops) - min(tops) > COLUMN_ALIGN:
        return False
    ordered = sorted(blocks, key=lambda b: b.box.x0)
    return ordered == blocks and all(
        column.x0 - COLUMN_ALIGN <= (b.box.x0 + b.box.x1) / 2 <= column.x1 + COLUMN_ALIGN
        for b, column in zip(blocks, columns, strict=True)
    )


def _continues(first_slide: Slide, first: Table, slide: Slide, table: Table) -> bool:
    if not first.rows or not table.rows or _width(first) != _width(table):
        return False
    title = slide.title.text if slide.title else ""
    if marked_continued(title):
        return True
    same_title = _key(first_slide.title.text if first_slide.title else "") == _key(title)
    if _same_header(first, table) and same_title:
        return True
    return (
        (slide.title is None or same_title)
        and _same_columns(first, table)
        and not _own_header(first, table)
    )


def _broken_row(table: Table, rows: list[Row], size: tuple[float, float] | None) -> bool:
    """Whether rows[0] is the rest of the table's last row, broken at the foot of its page as
    word processors break rows: the table's text ran down to the page's bottom margin (taken as
    wide as the top margin the rest starts under), and the rest leaves empty a column that every
    other body row of the table fills."""
    if not rows or size is None:
        return False
    last, rest = table.rows[-1], rows[0]
    bottom, top = _edge(last, bottom=True), _edge(rest, bottom=False)
    if bottom is None or top is None or size[1] - bottom > top + PAGE_FOOT_SLACK:
        return False
    others = [*table.rows[1:], *rows[1:]]
    width = len(rest.cells)
    if len(others) < 3 or any(len(row.cells) != width for row in others):
        return False
    return any(
        not rest.cells[i].text.strip() and all(row.cells[i].text.strip() for row in others)
        for i in range(width)
    )


def _edge(row: Row, bottom: bool) -> float | None:
    boxes = [cell.box for cell in row.cells if cell.box is not None]
    if not boxes:
        return None
    return max(b.bottom for b in boxes) if bottom else min(b.top for b in boxes)


def _join_row(row: Row, rest: Row, line_break: str) -> None:
    """Append the rest of a broken row to it, cell by cell, as a wrapped line is joined."""
    for cell, more in zip(row.cells, rest.cells, strict=False):
        if not more.text.strip():
            continue
        if not cell.text.strip():
            cell.content, cell.box = more.content, more.box
            continue
        a, b = cell.content, more.content
        links = list(a.links)
        for link in b.links:  # a link broken with the row is one link
            if links and links[-1].url == link.url:
                links[-1] = Link(_joined(links[-1].text, link.text, line_break), link.url)
            else:
                links.append(link)
        text = _joined(a.text, b.text, line_break)
        cell.content = RichText(text, a.bold and b.bold, links, [*a.labels, *b.labels])


def _joined(left: str, right: str, line_break: str) -> str:
    between = line_break if left[-1:].isalpha() and right[:1].isalpha() else " "
    return f"{left}{between}{right}"


def marked_continued(title: str) -> bool:
    """Whether a slide title says it continues the previous slide: "(cont.)", "(2/3)"."""
    if CONTINUED.search(title):
        return True
    part = PART.search(title)
    return bool(part) and int(part.group(1)) > 1


def _same_header(first: Table, table: Table) -> bool:
    return [_key(c.text) for c in first.rows[0].cells] == [
        _key(c.text) for c in table.rows[0].cells
    ]


def _own_header(first: Table, table: Table) -> bool:
    """Whether a table opens with a bold row other than the bold header of the first."""
    return _bold_row(first) and _bold_row(table) and not _same_header(first, table)


def _bold_row(table: Table) -> bool:
    filled = [cell for cell in table.rows[0].cells if cell.text]
    return bool(filled) and all(cell.content.bold for cell in filled)


def _same_columns(first: Table, table: Table) -> bool:
    """Whether both tables have their column edges at the same places (cell boxes needed)."""
    a, b = _column_edges(first), _column_edges(table)
    if not a or len(a) != len(b):
        return False
    return all(abs(x - y) <= COLUMN_ALIGN for x, y in zip(a, b, strict=True))


def _column_edges(table: Table) -> list[float]:
    """The left and right edges of the table's cells, close ones taken once; [] if unknown."""
    cells = [cell for row in table.rows for cell in row.cells]
    if not cells or any(cell.box is None for cell in cells):
        return []
    edges: list[float] = []
    for x in sorted(x for cell in cells for x in (cell.box.x0, cell.box.x1)):
        if not edges or x - edges[-1] > COLUMN_ALIGN:
            edges.append(x)
    return edges


def _width(table: Table) -> int:
    return sum(c.col_span for c in table.rows[0].cells)


def _key(text: str) -> str:
    text = PART.sub("", CONTINUED.sub("", text))
    return WHITESPACE.sub(" ", text).strip().casefold()
