"""Ragged tables are normal input: every table reader keeps rows of any length, never raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.deck import Table
from parsers.detect import parse_file


def tables(path: Path) -> list[list[list[str]]]:
    deck = parse_file(path)
    return [
        [[cell.text for cell in row.cells] for row in block.rows]
        for slide in deck.slides
        for block in slide.blocks
        if isinstance(block, Table)
    ]


def test_html_rows_of_any_length_and_odd_spans_are_read_as_they_are(tmp_path: Path) -> None:
    page = tmp_path / "ragged.html"
    page.write_text(
        "<html><body><h1>Plan</h1><table>"
        "<tr><th>Name</th><th>Leader</th><th>Status</th></tr>"
        "<tr><td>WG1</td></tr>"  # shorter than the header
        "<tr></tr>"  # empty
        "<tr><td>WG2</td><td>Ana</td><td>ongoing</td><td>extra</td><td>more</td></tr>"
        "<tr><td colspan='abc'>WG3</td><td rowspan='-4'>Bo</td><td colspan='99999'>x</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    assert tables(page) == [
        [
            ["Name", "Leader", "Status"],
            ["WG1"],
            ["WG2", "Ana", "ongoing", "extra", "more"],
            ["WG3", "Bo", "x"],
        ]
    ]
    cells = parse_file(page).slides[0].blocks[0].rows[3].cells
    assert [(c.col_span, c.row_span) for c in cells] == [(1, 1), (1, 1), (1000, 1)]


def test_markdown_html_and_tab_tables_with_ragged_rows(tmp_path: Path) -> None:
    deck = tmp_path / "ragged.md"
    deck.write_text(
        "# Plan\n\n"
        "<table><tr><th>Name</th><th>Leader</th></tr><tr><td>WG1</td></tr>"
        "<tr><td>WG2</td><td>Ana</td><td>spare</td></tr></table>\n\n"
        "Name\tLeader\tStatus\nWG3\tCy\nWG4\tBo\tdone\textra\n",
        encoding="utf-8",
    )
    assert tables(deck) == [
        [["Name", "Leader"], ["WG1"], ["WG2", "Ana", "spare"]],
        [["Name", "Leader", "Status"], ["WG3", "Cy"], ["WG4", "Bo", "done", "extra"]],
    ]


def test_a_markdown_pipe_table_with_ragged_rows(tmp_path: Path) -> None:
    deck = tmp_path / "pipes.md"
    deck.write_text(
        "# Plan\n\n| Name | Leader | Status |\n|---|---|---|\n| WG1 |\n| WG2 | Ana | done | extra |\n",
        encoding="utf-8",
    )
    # markdown-it fills a short row with empty cells and drops cells past the header's.
    assert tables(deck) == [[["Name", "Leader", "Status"], ["WG1", "", ""], ["WG2", "Ana", "done"]]]


def test_a_pptx_table_with_merged_cells_reads_its_rows(tmp_path: Path) -> None:
    pptx = pytest.importorskip("pptx")
    from pptx.util import Inches

    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = "Plan"
    table = slide.shapes.add_table(3, 3, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r, row in enumerate([["Name", "Leader", "Status"], ["WG1", "Ana", ""], ["WG2", "", ""]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 1).merge(table.cell(2, 2))  # a block of four cells: rows 2 and 3 are ragged
    path = tmp_path / "ragged.pptx"
    presentation.save(path)
    assert tables(path) == [[["Name", "Leader", "Status"], ["WG1", "Ana"], ["WG2"]]]


def test_a_pdf_table_with_a_row_missing_cells(tmp_path: Path) -> None:
    canvas_module = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "ragged.pdf"
    canvas = canvas_module.Canvas(str(path), pagesize=(842, 595))
    canvas.setFont("Helvetica-Bold", 24)
    canvas.drawString(60, 520, "Plan")
    canvas.setFont("Helvetica", 12)
    rows = [["Name", "Leader", "Status"], ["WG1"], ["WG2", "Ana", "done"], ["WG3", "", "open"]]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            canvas.drawString(60 + 200 * c, 450 - 24 * r, text)
    canvas.showPage()
    canvas.save()
    [found] = tables(path)
    assert found[0] == ["Name", "Leader", "Status"]
    assert [row[0] for row in found] == ["Name", "WG1", "WG2", "WG3"]
    assert found[3] == ["WG3", "", "open"]


def test_a_working_group_row_shorter_than_its_header_gives_a_plan(tmp_path: Path) -> None:
    import re

    from extractor.profile.load import load_profile
    from extractor.recognise.extract import extract_plan

    html = Path(__file__).resolve().parents[1] / "samples" / "u4ssc-action-plan-2024-2025.html"
    text = html.read_text(encoding="utf-8")
    start = text.rindex("<tr", 0, text.index("WG1 -"))
    end = text.index("</tr>", start)
    third = re.findall(r"<td.*?</td>", text[start:end], re.S)[2]
    cut = text[start:end].index(third)  # the row keeps its first two cells of six
    page = tmp_path / "ragged.html"
    page.write_text(text[: start + cut] + text[end:], encoding="utf-8")
    plan = extract_plan(parse_file(page), load_profile())
    assert plan.thematic_groups
