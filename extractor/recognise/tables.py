"""Working-group tables: columns found by header text or content, merged cells expanded.

A working group's number and title may share a cell ("WG3 - Title") or sit in two columns
("WG3" | "Title", "3" | "Title"); a column of bare numbers is the number column whatever its
header ("#", "No.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.model.plan import LeaderRole, SourceRef, WorkingGroup, WorkingGroupStatus
from extractor.profile.phrases import clean
from extractor.recognise.records import Normalizer
from normalizers.text import squash_spaces
from parsers.deck import Cell, Row, Table

NUMBER_CELL = re.compile(r"^(?:(?:wg|working group)\s*)?(?P<number>\d{1,2})\.?$", re.I)


@dataclass
class GridRow:
    """A table row with one entry per column; a merged cell fills every column it spans."""

    cells: list[Cell | None]
    source: Row


@dataclass
class WorkingGroupColumns:
    """Where a working-group table keeps each field, and its number and title."""

    KEY = "working_group"

    fields: dict[str, int]
    number: int
    title: int | None  # None: the title follows the number in the number's cell
    numbered: bool = True  # False: no column gives numbers; rows are numbered in order

    @property
    def title_source(self) -> int:
        """The column whose header may name the group ("City Platforms Working Groups")."""
        return self.fields.get(self.KEY, self.number)


def table_grid(table: Table) -> list[GridRow]:
    """Expand column and row spans so each row has a cell (or None) in every column."""
    carried: dict[int, tuple[Cell, int]] = {}
    grid: list[GridRow] = []
    for row in table.rows:
        cells: list[Cell | None] = []
        queue = list(row.cells)
        column = 0
        while queue or any(c >= column for c in carried):
            if column in carried:
                cell, left = carried[column]
                cells.append(cell)
                carried = _carry(carried, column, cell, left - 1)
                column += 1
                continue
            if not queue:
                cells.append(None)
                column += 1
                continue
            cell = queue.pop(0)
            for _ in range(cell.col_span):
                if cell.row_span > 1:
                    carried[column] = (cell, cell.row_span - 1)
                cells.append(cell)
                column += 1
        grid.append(GridRow(cells, row))
    return grid


def turned(grid: list[GridRow], normalizer: Normalizer) -> list[GridRow] | None:
    """A table with a working group per column and a field per row ("Leader", "Timeline"),
    turned to have one per row; None for a table not laid out so.

    Its first row names working groups ("WG1 - Title", "WG1" or "1") after the label column,
    and once turned, its first row is a working-groups header."""
    pattern = normalizer.profile.working_group_cell
    heads = [clean(c.text) for c in (grid[0].cells[1:] if grid else []) if c and c.text.strip()]
    if not heads or not all(pattern.match(text) or NUMBER_CELL.match(text) for text in heads):
        return None
    width = max(len(row.cells) for row in grid)
    columns = []
    for index in range(width):
        cells = [row.cells[index] if index < len(row.cells) else None for row in grid]
        distinct = [c for position, c in enumerate(cells) if c and c not in cells[:position]]
        columns.append(GridRow(cells, Row(distinct, grid[0].source.location)))
    header = find_header(columns, normalizer)
    return columns if header is not None and header[0] == 0 else None


def _carry(carried: dict[int, tuple[Cell, int]], column: int, cell: Cell, left: int):
    rest = dict(carried)
    if left > 0:
        rest[column] = (cell, left)
    else:
        rest.pop(column)
    return rest


def map_columns(header: GridRow, normalizer: Normalizer) -> dict[str, int]:
    """Column index by field, each header matched to the field of its longest phrase."""
    found: dict[str, tuple[int, int]] = {}
    for index, cell in enumerate(header.cells):
        if cell is None or not cell.text.strip() or (index and header.cells[index - 1] is cell):
            continue
        best = _best_field(cell.text, normalizer)
        if best and (best[0] not in found or best[1] > found[best[0]][1]):
            found[best[0]] = (index, best[1])
    return {name: index for name, (index, _) in found.items()}


def _best_field(header: str, normalizer: Normalizer) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    for name, phrases in normalizer.profile.columns.items():
        phrase = phrases.contained(header)
        if phrase and (best is None or len(phrase) > best[1]):
            best = (name, len(phrase))
    return best


def find_header(
    grid: list[GridRow], normalizer: Normalizer
) -> tuple[int, WorkingGroupColumns] | None:
    """The first row naming at least two columns (a number column counts), and its columns."""
    for index, row in enumerate(grid[:3]):
        fields = map_columns(row, normalizer)
        body = grid[index + 1 :]
        numbers = fields.get("number")
        if numbers is None:
            numbers = _number_column(body, normalizer)
        others = {name for name in fields if name != "number"}
        named = bool(others & {WorkingGroupColumns.KEY, "title"}) and numbers is not None
        known = {*fields.values(), numbers}
        strange = sum(bool(c and c.text.strip()) for i, c in enumerate(row.cells) if i not in known)
        if (len(others) < 2 and not named) or strange > len(known - {None}):
            continue  # too few working-group columns, or more columns of something else
        title = fields.get("title", fields.get(WorkingGroupColumns.KEY))
        if numbers is None and title is not None and not _numbers_in(body, title, normalizer):
            return index, WorkingGroupColumns(fields, title, title, numbered=False)
        if numbers is None:
            numbers = fields.get(WorkingGroupColumns.KEY, 0)
        if title == numbers:
            title = None
        return index, WorkingGroupColumns(fields, numbers, title)
    return None


def _number_column(body: list[GridRow], normalizer: Normalizer) -> int | None:
    """The column whose cells read as working groups ("WG1 - ...", "WG1", "1")."""
    pattern = normalizer.profile.working_group_cell
    width = max((len(r.cells) for r in body), default=0)
    for column in range(width):
        cells = [r.cells[column] for r in body if column < len(r.cells) and r.cells[column]]
        texts = [clean(c.text) for c in cells if c.text.strip()]
        if texts and all(pattern.match(t) or NUMBER_CELL.match(t) for t in texts):
            return column
    return None


def _numbers_in(body: list[GridRow], column: int, normalizer: Normalizer) -> bool:
    """Whether any cell of a column names a working group by its number."""
    pattern = normalizer.profile.working_group_cell
    texts = [clean(cell_text(row, column)) for row in body]
    return any(pattern.match(t) or NUMBER_CELL.match(t) for t in texts if t)


def cell_at(row: GridRow, column: int | None) -> Cell | None:
    """A row's cell in a column; None when the column is absent or the row too short."""
    if column is None or column >= len(row.cells):
        return None
    return row.cells[column]


def cell_text(row: GridRow, column: int | None) -> str:
    """The text of a row's cell in a column, or "" when absent."""
    cell = cell_at(row, column)
    return cell.text if cell is not None else ""


def _number_and_title(
    row: GridRow, columns: WorkingGroupColumns, normalizer: Normalizer, next_number: int
) -> tuple[int, str] | None:
    """The number and title of the working group a row names, or None."""
    head = squash_spaces(cell_text(row, columns.number))
    if not columns.numbered:
        return (next_number, head) if head else None
    found = normalizer.profile.working_group_cell.match(head) or NUMBER_CELL.match(clean(head))
    if not found:
        return None
    if columns.title is not None:
        title = squash_spaces(cell_text(row, columns.title))
    else:
        title = head[found.start("title") :].strip() if "title" in found.re.groupindex else ""
    return int(found.group("number")), title or head


def read_working_group(
    row: GridRow,
    columns: WorkingGroupColumns,
    group_id: str,
    normalizer: Normalizer,
    proposed: str | None = None,
    next_number: int = 1,
) -> WorkingGroup | None:
    """A working group from one body row, or None when the row names none.

    next_number numbers the row when no column gives numbers."""
    named = _number_and_title(row, columns, normalizer, next_number)
    if named is None:
        return None
    location = row.source.location
    number, title = named
    fields = columns.fields
    status_cell = cell_at(row, fields.get("status"))
    status_text = status_cell.text if status_cell else ""
    status, deliverables = normalizer.status(
        status_text, status_cell.content.links if status_cell else [], location
    )
    if proposed is not None and status is None and not clean(status_text):
        status, status_text = WorkingGroupStatus.PROPOSED, proposed
    meetings, note = normalizer.meetings(cell_text(row, fields.get("meetings")), location)
    scope = clean(cell_text(row, fields.get("scope")))
    return WorkingGroup(
        id=f"{group_id}/wg{number}",
        number=number,
        title=title,
        status=status,
        status_raw=clean(status_text) or None,
        leaders=normalizer.leaders(
            cell_text(row, fields.get("leaders")), LeaderRole.LEADER, location
        ),
        timeline=normalizer.years(cell_text(row, fields.get("timeline")), location),
        expected_publication=normalizer.years(
            cell_text(row, fields.get("expected_publication")), location, "expected publication"
        ),
        meetings=meetings,
        meetings_note=note,
        deliverables=deliverables,
        scope=[scope] if scope and not normalizer.is_blank(scope) else [],
        source=SourceRef(str(location)),
    )


def unknown_columns(header: GridRow, columns: WorkingGroupColumns) -> list[int]:
    """Indexes of header columns that map to no known field and hold no working-group number."""
    known = {*columns.fields.values(), columns.number}
    return [
        index
        for index, cell in enumerate(header.cells)
        if cell is not None
        and cell.text
        and index not in known
        and not (index > 0 and header.cells[index - 1] is cell)
    ]
