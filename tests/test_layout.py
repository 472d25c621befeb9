"""Format-neutral helpers of the slide readers: continued tables, reading order, text styles."""

from __future__ import annotations

from parsers.continued import merge_continued_tables
from parsers.deck import Cell, Heading, Location, Paragraph, RichText, Row, Slide, Table
from parsers.reading_order import reading_order
from parsers.runs import Run, rich_from_runs
from parsers.styles import StyledParagraph, body_size, heading_levels, to_block

HEADER = ["Working Groups", "Leader"]


def table(rows: list[list[str]], number: int) -> Table:
    where = Location("slide", number)
    return Table([Row([Cell(RichText(t)) for t in row], where) for row in rows], where)


def slide(title: str, blocks: list, number: int) -> Slide:
    where = Location("slide", number)
    return Slide(Heading(RichText(title), 1, where), blocks, where)


def texts(t: Table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in t.rows]


def test_repeated_header_under_the_same_title_continues_the_table():
    first = table([HEADER, ["WG1", "A"]], 1)
    slides = [slide("Group X", [first], 1), slide("Group X", [table([HEADER, ["WG2", "B"]], 2)], 2)]
    merge_continued_tables(slides)
    assert texts(first) == [HEADER, ["WG1", "A"], ["WG2", "B"]]
    assert [str(r.location) for r in first.rows] == ["slide 1", "slide 1", "slide 2"]
    assert slides[1].blocks == []


def test_continuation_mark_continues_a_table_without_header():
    first = table([HEADER, ["WG1", "A"]], 1)
    slides = [
        slide("Group X", [first], 1),
        slide("Group X (continued)", [table([["WG2", "B"]], 2)], 2),
        slide("Group X (cont.)", [table([["WG3", "C"]], 3)], 3),
    ]
    merge_continued_tables(slides)
    assert texts(first) == [HEADER, ["WG1", "A"], ["WG2", "B"], ["WG3", "C"]]


def test_similar_tables_of_different_groups_stay_apart():
    slides = [
        slide("Group X", [table([HEADER, ["WG1", "A"]], 1)], 1),
        slide("Group Y", [table([HEADER, ["WG1", "B"]], 2)], 2),
    ]
    merge_continued_tables(slides)
    assert len(slides[1].blocks) == 1


def test_a_table_after_text_or_of_another_width_stays_apart():
    note = Paragraph(RichText("Notes"), Location("slide", 2))
    slides = [
        slide("Group X", [table([HEADER, ["WG1", "A"]], 1)], 1),
        slide("Group X", [note, table([HEADER, ["WG2", "B"]], 2)], 2),
        slide("Group X (cont.)", [table([["WG3", "C", "extra"]], 3)], 3),
    ]
    merge_continued_tables(slides)
    assert [len(s.blocks) for s in slides] == [1, 2, 1]


def test_a_slide_between_breaks_the_continuation():
    slides = [
        slide("Group X", [table([HEADER, ["WG1", "A"]], 1)], 1),
        slide("Section divider", [], 2),
        slide("Group X", [table([HEADER, ["WG2", "B"]], 3)], 3),
    ]
    merge_continued_tables(slides)
    assert len(slides[2].blocks) == 1


def box(name: str, x0: float, top: float, x1: float, bottom: float):
    return (name, (x0, top, x1, bottom))


def order(boxes) -> list[list[str]]:
    return [[name for name, _ in region] for region in reading_order(boxes, lambda b: b[1])]


def test_columns_side_by_side_are_read_one_after_the_other():
    boxes = [
        box("title", 50, 40, 600, 70),
        box("c3 head", 700, 110, 850, 130),
        box("c1 head", 50, 110, 200, 130),
        box("c2 head", 380, 110, 530, 130),
        box("c1 body", 50, 150, 320, 300),
        box("c2 body", 380, 150, 650, 200),
        box("c3 body", 700, 150, 900, 250),
    ]
    assert sum(order(boxes), []) == [
        "title",
        "c1 head",
        "c1 body",
        "c2 head",
        "c2 body",
        "c3 head",
        "c3 body",
    ]


def test_a_short_centred_line_is_not_a_column():
    boxes = [
        box("heading", 50, 100, 200, 120),
        box("centred", 450, 200, 520, 260),
        box("list", 50, 300, 350, 400),
    ]
    assert sum(order(boxes), []) == ["heading", "centred", "list"]


def test_a_full_width_line_below_columns_comes_last():
    boxes = [
        box("left", 50, 100, 300, 200),
        box("right", 400, 100, 700, 150),
        box("footer", 50, 250, 700, 270),
    ]
    assert sum(order(boxes), []) == ["left", "right", "footer"]


def styled(text: str, size: float, bullet: int | None = None) -> StyledParagraph:
    return StyledParagraph(RichText(text), size, Location("page", 1), bullet)


def test_body_size_is_the_size_most_text_is_set_in():
    paragraphs = [styled("A heading", 22), styled("x" * 300, 14), styled("Short", 11)]
    assert body_size(paragraphs) == 14


def test_headings_are_unbulleted_text_clearly_above_body_size():
    bold_section = StyledParagraph(RichText("Part", bold=True), 22, Location("page", 1))
    paragraphs = [
        bold_section,
        styled("Section", 22),
        styled("Sub-section", 17),
        styled("Running text " * 20, 14),
        styled("A big bullet", 22, 0),
        styled("Slightly larger", 15),
    ]
    body = body_size(paragraphs)
    levels = heading_levels(paragraphs, body)
    blocks = [to_block(p, body, levels) for p in paragraphs]
    assert [(type(b).__name__, getattr(b, "level", None)) for b in blocks] == [
        ("Heading", 2),
        ("Heading", 3),
        ("Heading", 4),
        ("Paragraph", None),
        ("ListItem", 0),
        ("Paragraph", None),
    ]


def test_runs_join_into_rich_text_with_whole_links():
    content = rich_from_runs(
        [
            Run("Completed ", True),
            Run("Guide to ", True, "https://x.org/g"),
            Run("cities", True, "https://x.org/g"),
            Run("\n(new)", True),
        ]
    )
    assert content.text == "Completed Guide to cities\n(new)"
    assert content.bold
    assert [(link.text, link.url) for link in content.links] == [
        ("Guide to cities", "https://x.org/g")
    ]


def test_tiles_side_by_side_split_at_the_wide_gap_between_them():
    # two tiles: a label, a big number, then a title set to the right of the label's end
    boxes = [
        (43, 108, 142, 122), (62, 140, 82, 180), (210, 238, 295, 271),  # tile 1
        (498, 108, 597, 122), (517, 140, 537, 180), (665, 238, 750, 271),  # tile 2
    ]  # fmt: skip
    order = [b for region in reading_order(boxes, lambda b: b) for b in region]
    assert order == boxes


def test_a_header_row_stranded_at_the_foot_of_a_page_heads_the_table_on_the_next():
    from parsers.deck import Box

    def cell(text, x0):
        return Cell(RichText(text), box=Box(x0, 100, x0 + 80, 112))

    header = [
        Paragraph(RichText(text), Location("page", 1), Box(x0 + 5, 700, x0 + 60, 712))
        for text, x0 in (("Working Group", 50), ("Leader", 150), ("Status", 250))
    ]
    body = Table(
        [Row([cell("WG1 - Leak detection", 50), cell("Jane Roe", 150), cell("Ongoing", 250)],
             Location("page", 2))],
        Location("page", 2),
    )  # fmt: skip
    slides = [
        Slide(None, [Paragraph(RichText("Intro"), Location("page", 1)), *header], Location("page", 1)),
        Slide(None, [body], Location("page", 2)),
    ]  # fmt: skip
    merge_continued_tables(slides)
    assert [b.text for b in slides[0].blocks] == ["Intro"]
    assert [[c.text for c in row.cells] for row in body.rows] == [
        ["Working Group", "Leader", "Status"],
        ["WG1 - Leak detection", "Jane Roe", "Ongoing"],
    ]
