"""Tables on a PDF page: ruled ones found by pdfplumber, borderless ones from aligned text.

pdfplumber finds ruled tables from their lines and cell fills, and gives a merged cell once
(the cells it covers come back as None); the spans are rebuilt from the cell edges. A table
drawn without ruling lines is recognised from its text: at least three columns whose cells
start at the same x on several lines; a wider gap between lines starts a new row, so cells
broken over several lines stay one cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parsers.deck import Box, Cell, Location, RichText, Row, Table
from parsers.furniture import EDGE
from parsers.pdf_rules import rule_grids
from parsers.pdf_text import Segment, dominant_size, inside, paragraphs, runs, segments
from parsers.runs import Run, rich_from_runs

BBox = tuple[float, float, float, float]
MIN_COLUMNS, MIN_ROWS = 2, 2
ALIGN = 2.5  # points: cell starts closer than this are one column edge
ROW_GAP = 0.5  # a gap between lines wider than this many font sizes starts a new table row
MIN_ALIGNED_COLUMNS = 3
MIN_ALIGNED_SHARE = 0.8


@dataclass
class FoundTable:
    """A table found on a page: where it is and its rows."""

    bbox: BBox
    table: Table


def ruled_tables(
    page, chars: Sequence[dict], links: Sequence[dict], location: Location
) -> list[FoundTable]:
    """Tables drawn with ruling lines or cell fills, as Deck tables with spans.

    A single ruled row is a table when it opens the page, below the band along the top edge
    where running headers sit, and its text is set no larger than most text on the page: the
    last row of a table continued from the page before, not a band of coloured boxes holding
    a slide's title.
    """
    found = []
    for table in page.find_tables():
        cells = [c for c in table.cells if c[2] - c[0] > 1 and c[3] - c[1] > 1]
        xs, ys = _edges([(c[0], c[2]) for c in cells]), _edges([(c[1], c[3]) for c in cells])
        within = [c for c in chars if inside(table.bbox, c)]
        if len(xs) - 1 < MIN_COLUMNS or not ys or len(ys) - 1 < MIN_ROWS:
            one_row = len(xs) - 1 >= MIN_COLUMNS and len(ys) == 2
            if not (one_row and within and _opens_page(table.bbox, within, chars, page.height)):
                continue
        rows = _grid_rows(cells, xs, ys, within, links, location)
        if any(cell.text for row in rows for cell in row.cells):
            found.append(FoundTable(table.bbox, Table(rows, location, Box(*table.bbox))))
    return found


def rule_tables(
    page, chars: Sequence[dict], links: Sequence[dict], location: Location, taken: list[BBox]
) -> list[FoundTable]:
    """Tables drawn with horizontal rules only, outside the tables already found."""
    found = []
    for xs, ys in rule_grids(page, chars, taken):
        bbox = (xs[0], ys[0], xs[-1], ys[-1])
        cells = [
            (xs[c], ys[r], xs[c + 1], ys[r + 1])
            for r in range(len(ys) - 1)
            for c in range(len(xs) - 1)
        ]
        within = [c for c in chars if inside(bbox, c)]
        rows = _grid_rows(cells, xs, ys, within, links, location)
        found.append(FoundTable(bbox, Table(rows, location, Box(*bbox))))
    return found


def _opens_page(bbox: BBox, within: list[dict], chars: Sequence[dict], height: float) -> bool:
    """Whether nothing but running headers is above a box, and its text is not large."""
    band = height * EDGE
    above = any(c["bottom"] <= bbox[1] and c["bottom"] > band for c in chars)
    return not above and dominant_size(within) <= dominant_size(chars)


def _edges(pairs: list[tuple[float, float]]) -> list[float]:
    values = sorted(v for pair in pairs for v in pair)
    edges: list[float] = []
    for value in values:
        if not edges or value - edges[-1] > ALIGN:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _grid_rows(cells, xs, ys, chars, links, location: Location) -> list[Row]:
    by_row: dict[int, list[tuple[int, Cell]]] = {}
    for x0, top, x1, bottom in cells:
        column, row = _index(xs, x0), _index(ys, top)
        col_span = max(1, _index(xs, x1) - column)
        row_span = max(1, _index(ys, bottom) - row)
        box = (x0, top, x1, bottom)
        text = _cell_content([c for c in chars if inside(box, c)], links, box)
        cell = Cell(text, col_span, row_span, Box(*box))
        by_row.setdefault(row, []).append((column, cell))
    rows = []
    for row in range(len(ys) - 1):
        cells_here = [cell for _, cell in sorted(by_row.get(row, []), key=lambda p: p[0])]
        rows.append(Row(cells_here, location))
    return rows


def _cell_content(chars: list[dict], links, box: BBox) -> RichText:
    """A cell's text; its right padding is taken to be as wide as its left one."""
    pieces: list[Run] = []
    right = box[2] - (min(c["x0"] for c in chars) - box[0]) if chars else None
    for block in paragraphs(segments(chars), right):
        pieces += runs(block.lines, links) + [Run("\n")]
    return rich_from_runs(pieces)


# tables without ruling lines


def aligned_tables(
    found: list[Segment], links: Sequence[dict], location: Location
) -> list[FoundTable]:
    """Borderless tables: runs of lines whose segments start on shared column edges."""
    lines = _lines(found)
    tables = []
    start = 0
    while start < len(lines):
        end = _table_end(lines, start)
        if end - start >= MIN_ROWS:
            table = _aligned_table(lines[start:end], links, location)
            if table is not None:
                tables.append(table)
                start = end
                continue
        start += 1
    return tables


def _lines(found: list[Segment]) -> list[list[Segment]]:
    lines: list[list[Segment]] = []
    for segment in sorted(found, key=lambda s: (s.bottom, s.x0)):
        if lines and abs(lines[-1][0].bottom - segment.bottom) <= 0.35 * segment.size:
            lines[-1].append(segment)
        else:
            lines.append([segment])
    return [sorted(line, key=lambda s: s.x0) for line in lines]


def _table_end(lines: list[list[Segment]], start: int) -> int:
    """The end of the run of lines from start that could be one table."""
    if len(lines[start]) < MIN_ALIGNED_COLUMNS or lines[start][0].bullet:
        return start
    size = lines[start][0].size
    end = start + 1
    while end < len(lines):
        line, previous = lines[end], lines[end - 1]
        gap = min(s.top for s in line) - max(s.bottom for s in previous)
        same_size = all(abs(s.size - size) <= 0.6 for s in line)
        if gap > 3 * size or not same_size or (line[0].bullet and len(line) == 1):
            break
        end += 1
    return end


def _aligned_table(lines: list[list[Segment]], links, location: Location) -> FoundTable | None:
    starts = _column_starts(lines)
    if len(starts) < MIN_ALIGNED_COLUMNS:
        return None
    segments_all = [s for line in lines for s in line]
    aligned = sum(1 for s in segments_all if any(abs(s.x0 - x) <= ALIGN for x in starts))
    if aligned < MIN_ALIGNED_SHARE * len(segments_all):
        return None
    right = max(s.x1 for s in segments_all)
    groups = _row_groups(lines, starts)
    rows = [_aligned_row(group, starts, right, links, location) for group in groups]
    if len(rows) < MIN_ROWS:
        return None
    bbox = (
        min(s.x0 for s in segments_all),
        min(s.top for s in segments_all),
        right,
        max(s.bottom for s in segments_all),
    )
    return FoundTable(bbox, Table(rows, location, Box(*bbox)))


def _column_starts(lines: list[list[Segment]]) -> list[float]:
    """Left edges shared by segments of at least two lines that have three or more segments.

    The edge where the text of bulleted cells starts, after their bullets, is not a column.
    """
    full = [line for line in lines if len(line) >= MIN_ALIGNED_COLUMNS]
    edges = _edges([(s.x0, s.x0) for line in full for s in line])

    def lines_at(edge: float) -> int:
        return sum(1 for line in full if any(abs(s.x0 - edge) <= ALIGN for s in line))

    starts = [edge for edge in edges if lines_at(edge) >= 2]
    # the text of a bulleted cell and its wrapped lines start after the bullet: same column
    hanging = [s.chars[0]["x0"] for line in lines for s in line if s.bullet is not None]
    bullets = [s.x0 for line in lines for s in line if s.bullet is not None]
    return [
        edge
        for edge in starts
        if not any(
            abs(edge - text) <= ALIGN and any(abs(b - other) <= ALIGN for other in starts)
            for text, b in zip(hanging, bullets, strict=True)
        )
    ]


def _row_groups(lines: list[list[Segment]], starts: list[float]) -> list[list[list[Segment]]]:
    """Lines grouped into table rows: a wide gap starts a row; without any, a filled first cell."""
    gaps = [
        min(s.top for s in line) - max(s.bottom for s in lines[i - 1])
        for i, line in enumerate(lines)
        if i
    ]
    size = lines[0][0].size
    wide = any(gap > ROW_GAP * size for gap in gaps)
    groups: list[list[list[Segment]]] = [[lines[0]]]
    for index, line in enumerate(lines[1:]):
        first_filled = abs(line[0].x0 - starts[0]) <= ALIGN
        new_row = gaps[index] > ROW_GAP * size if wide else first_filled
        if new_row:
            groups.append([])
        groups[-1].append(line)
    return groups


def _aligned_row(group, starts: list[float], right: float, links, location: Location) -> Row:
    """One table row; each cell's box spans its column, from its start to the next one's."""
    columns: dict[int, list[Segment]] = {}
    for line in group:
        for segment in line:
            column = max((i for i, x in enumerate(starts) if x <= segment.x0 + ALIGN), default=0)
            columns.setdefault(column, []).append(segment)
    top = min(s.top for line in group for s in line)
    bottom = max(s.bottom for line in group for s in line)
    edges = [*starts[1:], right]
    cells = [
        Cell(
            rich_from_runs(runs(columns.get(c, []), links)),
            box=Box(starts[c], top, max(edges[c], starts[c]), bottom),
        )
        for c in range(len(starts))
    ]
    return Row(cells, location)
