"""Tables drawn as grids of separate boxes: one text box or rectangle per cell.

Slide tools without a table object (a Google Slides export, a deck drawn by hand) lay a table out
as boxes edge to edge: the boxes of a row share their top and bottom, rows are stacked with no
gap, and every box starts and ends on one of the grid's column lines. Such a grid is a table; a
cell left empty has no box, and a box over several columns spans them. Boxes set apart (label
boxes with a gap before their value boxes, cards side by side) make no grid: every column of a
grid must hold a box in some row, so a gap between boxes is no column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parsers.deck import Box

TOLERANCE = 2.0  # points: edges this close are one line
MIN_ROWS, MIN_COLUMNS = 2, 2
MIN_BOXES = 4


@dataclass
class GridCell:
    """A box of a grid (its index in the boxes given) and how many columns it spans."""

    index: int | None
    span: int = 1


def box_grids(boxes: Sequence[Box | None]) -> list[list[list[GridCell]]]:
    """The grids the boxes make, each as rows of cells left to right, rows top to bottom.

    A cell with no box (index None) is an empty cell; boxes in no grid are left out.
    """
    grids = []
    for rows in _stacks(_rows(boxes), boxes):
        grid = _grid(rows, boxes)
        if grid is not None:
            grids.append(grid)
    return grids


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def _rows(boxes: Sequence[Box | None]) -> list[list[int]]:
    """Indexes of boxes sharing top and bottom, each row left to right, rows top to bottom."""
    rows: list[list[int]] = []
    for index in sorted((i for i, b in enumerate(boxes) if b is not None), key=_key(boxes)):
        box = boxes[index]
        row = next(
            (
                r
                for r in rows
                if _near(boxes[r[0]].top, box.top) and _near(boxes[r[0]].bottom, box.bottom)
            ),
            None,
        )
        if row is None:
            rows.append([index])
        else:
            row.append(index)
    rows = [sorted(r, key=lambda i: boxes[i].x0) for r in rows if len(r) >= MIN_COLUMNS]
    return [r for r in rows if not _overlapping(r, boxes)]


def _key(boxes: Sequence[Box | None]):
    return lambda index: (boxes[index].top, boxes[index].x0)


def _overlapping(row: list[int], boxes: Sequence[Box | None]) -> bool:
    return any(boxes[b].x0 < boxes[a].x1 - TOLERANCE for a, b in zip(row, row[1:], strict=False))


def _stacks(rows: list[list[int]], boxes: Sequence[Box | None]) -> list[list[list[int]]]:
    """Runs of rows, each starting where the one above ends, under it."""
    stacks: list[list[list[int]]] = []
    for row in sorted(rows, key=lambda r: boxes[r[0]].top):
        last = stacks[-1][-1] if stacks else None
        if (
            last is not None
            and _near(boxes[row[0]].top, boxes[last[0]].bottom)
            and _under(row, last, boxes)
        ):
            stacks[-1].append(row)
        else:
            stacks.append([row])
    return [
        stack
        for stack in stacks
        if len(stack) >= MIN_ROWS and sum(len(row) for row in stack) >= MIN_BOXES
    ]


def _under(row: list[int], above: list[int], boxes: Sequence[Box | None]) -> bool:
    """Whether two rows cover the same stretch across the slide."""
    return _near(boxes[row[0]].x0, boxes[above[0]].x0) or _near(
        boxes[row[-1]].x1, boxes[above[-1]].x1
    )


def _grid(rows: list[list[int]], boxes: Sequence[Box | None]) -> list[list[GridCell]] | None:
    """The rows as a grid on their shared column lines, or None if they make none."""
    lines: list[float] = []
    for index in (i for row in rows for i in row):
        for edge in (boxes[index].x0, boxes[index].x1):
            if not any(_near(edge, line) for line in lines):
                lines.append(edge)
    lines.sort()
    columns = len(lines) - 1
    covered = [False] * columns
    grid = []
    for row in rows:
        cells, column = [], 0
        for index in row:
            start = _line(lines, boxes[index].x0)
            end = _line(lines, boxes[index].x1)
            cells += [GridCell(None)] * (start - column)
            cells.append(GridCell(index, end - start))
            covered[start:end] = [True] * (end - start)
            column = end
        grid.append(cells + [GridCell(None)] * (columns - column))
    if columns < MIN_COLUMNS or not all(covered):
        return None
    return grid


def _line(lines: list[float], edge: float) -> int:
    return next(i for i, line in enumerate(lines) if _near(edge, line))
