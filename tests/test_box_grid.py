"""Tables drawn as grids of boxes, one text box or rectangle per cell (parsers.box_grid)."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from parsers.box_grid import GridCell, box_grids
from parsers.deck import Box, Paragraph, Table
from parsers.pptx import parse_pptx


def cells(grid: list[list[GridCell]]) -> list[list[tuple[int | None, int]]]:
    return [[(cell.index, cell.span) for cell in row] for row in grid]


def test_boxes_edge_to_edge_make_a_grid_read_row_by_row() -> None:
    boxes = [
        Box(100, 50, 200, 70),  # row 2, column 2
        Box(0, 10, 100, 30),
        Box(100, 10, 200, 30),
        Box(0, 30, 100, 50),
        Box(100, 30, 200, 50),
        Box(0, 50, 100, 70),
    ]
    assert [cells(g) for g in box_grids(boxes)] == [
        [[(1, 1), (2, 1)], [(3, 1), (4, 1)], [(5, 1), (0, 1)]]
    ]


def test_a_missing_box_is_an_empty_cell_and_a_wide_one_spans_columns() -> None:
    boxes = [
        Box(0, 0, 50, 20),
        Box(50, 0, 100, 20),
        Box(100, 0, 150, 20),
        Box(0, 20, 100, 40),  # over the first two columns
        Box(100, 20, 150, 40),
        Box(0, 40, 50, 60),
        Box(100, 40, 150, 60),  # the middle cell left empty
    ]
    assert [cells(g) for g in box_grids(boxes)] == [
        [[(0, 1), (1, 1), (2, 1)], [(3, 2), (4, 1)], [(5, 1), (None, 1), (6, 1)]]
    ]


def test_label_boxes_set_apart_from_their_values_make_no_grid() -> None:
    # "Leader:" | value, "Timeline:" | value: a gap between the columns no box fills
    boxes = [Box(36, 100, 223, 129), Box(230, 100, 900, 129)]
    boxes += [Box(36, 129, 223, 158), Box(230, 129, 900, 158)]
    assert box_grids(boxes) == []


def test_rows_with_a_gap_between_them_make_no_grid() -> None:
    boxes = [Box(0, 0, 50, 20), Box(50, 0, 100, 20), Box(0, 40, 50, 60), Box(50, 40, 100, 60)]
    assert box_grids(boxes) == []


def test_a_slide_of_rectangles_in_a_grid_reads_as_one_table(tmp_path: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    texts = [["Working Group", "Leader", "Status"], ["WG1 - Data", "Ana Roe (ITU)", "Ongoing"]]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            shape = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, Pt(40 + 150 * c), Pt(100 + 30 * r), Pt(150), Pt(30)
            )
            shape.text_frame.text = text
    slide.shapes.add_textbox(Pt(40), Pt(300), Pt(300), Pt(30)).text_frame.text = "Note below"
    prs.save(tmp_path / "grid.pptx")
    [read] = parse_pptx(tmp_path / "grid.pptx").slides
    table, note = read.blocks
    assert isinstance(table, Table) and isinstance(note, Paragraph)
    assert [[cell.text for cell in row.cells] for row in table.rows] == texts
    assert note.text == "Note below"
