"""A table row that a word processor breaks at the foot of a page joins its rest on the next."""

from __future__ import annotations

from parsers.continued import merge_continued_tables
from parsers.deck import Box, Cell, Link, Location, RichText, Row, Slide, Table
from parsers.hyphens import LINE_BREAK, settle

A4 = (595.0, 842.0)
EDGES = (50, 200, 300, 545)  # three columns: title, leader, status


def _row(texts: list[str | RichText], top: float, bottom: float, page: int) -> Row:
    cells = [
        Cell(text if isinstance(text, RichText) else RichText(text),
             box=Box(EDGES[i], top, EDGES[i + 1], bottom))
        for i, text in enumerate(texts)
    ]  # fmt: skip
    return Row(cells, Location("page", page))


def _pages(first_rows: list[Row], next_rows: list[Row]) -> list[Slide]:
    return [
        Slide(None, [Table(first_rows, Location("page", 1))], Location("page", 1), A4),
        Slide(None, [Table(next_rows, Location("page", 2))], Location("page", 2), A4),
    ]


def _table(foot: float, rest: list[str | RichText]) -> list[Slide]:
    """Three working groups on page 1, the last one's row ending at foot; rest on page 2."""
    first = [
        _row(["Working group", "Leader", "Status"], 40, 60, 1),
        _row(["WG1 - Maps", "Ana Ruiz (Quito)", "Ongoing"], 60, 120, 1),
        _row(["WG2 - Water", "Li Wei (Tongji)", "Completed"], 120, 200, 1),
        _row(["WG3 - Smart", "Omar Haddad", "Kick off"], 200, foot, 1),
    ]
    return _pages(
        first, [_row(rest, 29, 60, 2), _row(["WG4 - Air", "Eva Berg", "Ongoing"], 60, 90, 2)]
    )


def test_the_rest_of_a_row_broken_at_the_page_foot_joins_it() -> None:
    slides = _table(812, ["Lighting Plans", "(Amman)", ""])
    merge_continued_tables(slides)
    rows = slides[0].blocks[0].rows
    assert [[cell.text for cell in row.cells] for row in rows[3:]] == [
        ["WG3 - Smart Lighting Plans", "Omar Haddad (Amman)", "Kick off"],
        ["WG4 - Air", "Eva Berg", "Ongoing"],
    ]
    assert slides[1].blocks == []


def test_a_table_ending_well_above_the_foot_keeps_its_next_row_apart() -> None:
    slides = _table(700, ["Lighting Plans", "(Amman)", ""])
    merge_continued_tables(slides)
    assert [row.cells[0].text for row in slides[0].blocks[0].rows[3:]] == [
        "WG3 - Smart", "Lighting Plans", "WG4 - Air",
    ]  # fmt: skip


def test_a_full_row_at_the_top_of_the_page_is_a_row_of_its_own() -> None:
    slides = _table(812, ["WG5 - Noise", "Kim Lee", "Ongoing"])
    merge_continued_tables(slides)
    assert [row.cells[0].text for row in slides[0].blocks[0].rows[3:]] == [
        "WG3 - Smart", "WG5 - Noise", "WG4 - Air",
    ]  # fmt: skip


def test_a_link_broken_with_its_row_is_one_link() -> None:
    url = "https://example.org/guide"
    slides = _table(812, ["Lighting Plans", "", ""])
    last = slides[0].blocks[0].rows[-1].cells[2]
    last.content = RichText("Kick off Guide to smart", links=[Link("Guide to smart", url)])
    rest = slides[1].blocks[0].rows[0].cells[2]
    rest.content = RichText("lighting", links=[Link("lighting", url)])
    merge_continued_tables(slides)
    cell = slides[0].blocks[0].rows[3].cells[2]
    assert cell.text == "Kick off Guide to smart lighting"
    assert cell.content.links == [Link("Guide to smart lighting", url)]


def test_a_word_cut_by_the_page_break_is_settled_as_a_wrapped_line_is() -> None:
    slides = _table(812, ["um of Plans", "(Amman)", ""])
    slides[0].blocks[0].rows[-1].cells[0].content = RichText("WG3 - Compendi")
    merge_continued_tables(slides, LINE_BREAK)
    title = slides[0].blocks[0].rows[3].cells[0].text
    assert title == f"WG3 - Compendi{LINE_BREAK}um of Plans"
    assert settle(title, {"compendium"}) == "WG3 - Compendium of Plans"
    assert settle(title, set()) == "WG3 - Compendi um of Plans"  # no evidence: a space
