"""Working-group tables: columns found by header text, merged cells expanded, rows read."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.model.plan import LeaderRole, SourceRef, WorkingGroup
from extractor.profile.phrases import clean
from extractor.recognise.records import Normalizer
from normalizers.text import squash_spaces
from parsers.deck import Cell, Row, Table

WORKING_GROUP = "working_group"


@dataclass
class GridRow:
    """A table row with one entry per column; a merged cell fills every column it spans."""

    cells: list[Cell | None]
    source: Row


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
        if cell is None or (index > 0 and header.cells[index - 1] is cell):
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


def find_header(grid: list[GridRow], normalizer: Normalizer) -> tuple[int, dict[str, int]] | None:
    """The first row naming at least two known columns, and its column map."""
    for index, row in enumerate(grid[:3]):
        columns = map_columns(row, normalizer)
        if len(columns) >= 2:
            if WORKING_GROUP not in columns:
                columns[WORKING_GROUP] = _working_group_column(grid[index + 1 :], normalizer)
            return index, columns
    return None


def _working_group_column(body: list[GridRow], normalizer: Normalizer) -> int:
    """The column whose cells read as working groups ("WG1 - ..."); the first one by default."""
    cell_pattern = normalizer.profile.working_group_cell
    width = max((len(r.cells) for r in body), default=0)
    for column in range(width):
        cells = [r.cells[column] for r in body if column < len(r.cells) and r.cells[column]]
        if cells and all(cell_pattern.match(c.text) for c in cells):
            return column
    return 0


def cell_text(row: GridRow, column: int | None) -> str:
    """The text of a row's cell in a column, or "" when absent."""
    if column is None or column >= len(row.cells) or row.cells[column] is None:
        return ""
    return row.cells[column].text


def read_working_group(
    row: GridRow, columns: dict[str, int], group_id: str, normalizer: Normalizer
) -> WorkingGroup | None:
    """A working group from one body row, or None when its first cell names none."""
    location = row.source.location
    head = squash_spaces(cell_text(row, columns[WORKING_GROUP]))
    found = normalizer.profile.working_group_cell.match(head)
    if not found:
        return None
    number = int(found.group("number"))
    status_cell = row.cells[columns["status"]] if "status" in columns else None
    status_text = status_cell.text if status_cell else ""
    status, deliverables = normalizer.status(
        status_text, status_cell.content.links if status_cell else [], location
    )
    meetings, note = normalizer.meetings(cell_text(row, columns.get("meetings")), location)
    scope = clean(cell_text(row, columns.get("scope")))
    return WorkingGroup(
        id=f"{group_id}/wg{number}",
        number=number,
        title=head[found.start("title") :].strip() or head,
        status=status,
        status_raw=clean(status_text) or None,
        leaders=normalizer.leaders(
            cell_text(row, columns.get("leaders")), LeaderRole.LEADER, location
        ),
        timeline=normalizer.years(cell_text(row, columns.get("timeline")), location),
        expected_publication=normalizer.years(
            cell_text(row, columns.get("expected_publication")), location
        ),
        meetings=meetings,
        meetings_note=note,
        deliverables=deliverables,
        scope=[scope] if scope and not normalizer.is_blank(scope) else [],
        source=SourceRef(str(location)),
    )


def unknown_columns(header: GridRow, columns: dict[str, int]) -> list[int]:
    """Indexes of header columns that map to no known field."""
    known = set(columns.values())
    return [
        index
        for index, cell in enumerate(header.cells)
        if cell is not None
        and cell.text
        and index not in known
        and not (index > 0 and header.cells[index - 1] is cell)
    ]
