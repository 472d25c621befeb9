"""Tables: a two-column "label | value" table of facts, or a table of working groups."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractor.profile.phrases import clean
from extractor.recognise.tables import (
    GridRow,
    WorkingGroupColumns,
    cell_at,
    cell_text,
    find_header,
    read_working_group,
    table_grid,
    turned,
    unknown_columns,
)
from extractor.recognise.text import strip_symbols
from extractor.recognise.usage import row_chars
from normalizers.text import fold
from parsers.deck import Location, Table

if TYPE_CHECKING:
    from extractor.recognise.drafts import GroupDraft
    from extractor.recognise.reader import DeckReader


WORKING_GROUPS_FACT = "working_groups"


class TableRules:
    """Reading tables into facts or working groups, and finding the group they belong to."""

    def read_table(self: DeckReader, table: Table) -> None:
        """Read a table; every row is counted as used or not."""
        grid = table_grid(table)
        grid = turned(grid, self.n) or grid
        if self._fact_table(grid) or self._fact_row_table(grid):
            return
        header = find_header(grid, self.n)
        if header is None:
            raw = " | ".join(c.text for c in table.rows[0].cells) if table.rows else ""
            self.n.warn("table not understood (no working-group columns)", raw, table.location)
            for row in grid:
                self.usage.count(row_chars(row), False)
            return
        index, columns = header
        self.close_working_group()
        draft = self._table_owner(cell_text(grid[index], columns.title_source), table.location)
        for row in grid[: index + 1]:
            self.usage.count(row_chars(row), True)
        for column in unknown_columns(grid[index], columns):
            self.n.warn(
                "table column not understood", cell_text(grid[index], column), table.location
            )
        proposed = self.proposed_label if self.mode == "proposed" else None
        for row in grid[index + 1 :]:
            number = len(draft.group.working_groups) + 1
            wg = read_working_group(row, columns, draft.group.id, self.n, proposed, number)
            used = wg is not None or _repeats_header(row, grid[index])
            if wg is not None:
                draft.group.working_groups.append(wg)
            elif not used:
                raw = " | ".join(c.text for c in row.source.cells)
                self.n.warn("table row not understood", raw, row.source.location)
            self.usage.count(row_chars(row), used)
        if self.mode != "proposed":
            self.mode = None

    def _fact_table(self: DeckReader, grid: list[GridRow]) -> bool:
        """A table whose first column names facts: each row is a "Label: value" line."""
        names = [self.fact_name(strip_symbols(cell_text(row, 0))) for row in grid]
        labelled = sum(name is not None for name in names)
        if labelled < min(2, len(grid)) or labelled * 2 < len(grid):
            return False
        for position, (row, name) in enumerate(zip(grid, names, strict=True)):
            values = [c for c in _distinct(row.cells[1:]) if c is not row.cells[0]]
            value = "\n".join(c.text for c in values).strip()
            if name is not None:
                links = [link for c in values for link in c.content.links]
                self.take_fact(name, value, row.source.location, None, links)
            elif position > 0 or not _is_caption(row):
                raw = " | ".join(c.text for c in row.source.cells)
                self.n.warn("table row not understood", raw, row.source.location)
                self.usage.count(row_chars(row), False)
                continue
            self.usage.count(row_chars(row), True)
        return True

    def _fact_row_table(self: DeckReader, grid: list[GridRow]) -> bool:
        """A header of fact labels over one row of values: "Leader | Timeline" / "X | 2025"."""
        if len(grid) != 2:
            return False
        header, values = grid
        names = [self.fact_name(strip_symbols(c.text)) if c else None for c in header.cells]
        labelled = [
            name for name, c in zip(names, header.cells, strict=True) if c and c.text.strip()
        ]
        if len(labelled) < 2 or None in labelled or WORKING_GROUPS_FACT in labelled:
            return False  # every header a fact's label; "Working group" heads a table of them
        for column, name in enumerate(names):
            cell = cell_at(values, column)
            if name is not None and cell is not None and cell is not cell_at(values, column - 1):
                self.take_fact(
                    name, cell.text.strip(), values.source.location, None, cell.content.links
                )
        for row in grid:
            self.usage.count(row_chars(row), True)
        return True

    def _table_owner(self: DeckReader, first_header: str, location: Location) -> GroupDraft:
        candidates = [ref[0] for ref in (self.title_ref, self.name_candidate) if ref]
        candidates += [strip_symbols(first_header), self.without_column_words(first_header)]
        self.name_candidate = None
        for name in candidates:
            found = self.find_group(name) if name else None
            if found:
                return found
        if self.current is not None and not self.title_ref:
            return self.current
        name = candidates[0]
        self.n.warn("working-group table of a group with no fact list", name, location)
        return self.group(name, location)

    def without_column_words(self: DeckReader, header: str) -> str:
        """ "City Platforms Working Groups" -> "City Platforms"."""
        text = clean(header)
        for phrase in self.p.columns[WorkingGroupColumns.KEY].phrases:
            text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text, flags=re.I)
        return strip_symbols(text)


def _distinct(cells: list) -> list:
    """The cells of a row, a merged cell once."""
    seen: list = []
    for cell in cells:
        if cell is not None and all(cell is not s for s in seen):
            seen.append(cell)
    return seen


def _is_caption(row: GridRow) -> bool:
    """A first row over a fact table ("Item | Details", or one merged title cell)."""
    return len(_distinct(row.cells)) <= 2


def _repeats_header(row: GridRow, header: GridRow) -> bool:
    return [fold(c.text) if c else "" for c in row.cells] == [
        fold(c.text) if c else "" for c in header.cells
    ]
