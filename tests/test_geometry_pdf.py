"""PDF reports made the way word processors make them: running headers and footers, page
numbers, headings anywhere on the page, ruled tables over page breaks, narrow columns.

Every PDF here is typeset with reportlab inside the test. Positions are in points from the
top-left corner of the page; reportlab draws from the bottom-left, so a line drawn at y sits
at height - y.
"""

from __future__ import annotations

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from parsers.continued import merge_continued_tables
from parsers.deck import Box, Cell, Heading, Location, RichText, Row, Slide
from parsers.deck import Table as DeckTable
from parsers.furniture import Placed, furniture, is_page_number
from parsers.pdf import parse_pdf
from parsers.reading_order import reading_order

WIDTH, HEIGHT = A4  # 595.28 x 841.89 points
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12, spaceAfter=8)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=16, leading=20)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
RUNNING_HEADER, FOOTER = "Action Plan 2031-2032", "Secretariat of the Platform"
INTRO = "This report sets out the groups of the plan with their leaders and meetings. " * 3
COLUMNS = (150, 110, 70)  # the table's column widths


def _furniture(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, HEIGHT - 40, RUNNING_HEADER)
    canvas.drawString(72, 30, FOOTER)
    canvas.drawRightString(WIDTH - 72, 30, f"Page {doc.page} of 3")
    canvas.restoreState()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Three A4 pages: two paragraphs, a heading, and a 90-row ruled table without repeats."""
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    rows = [["Working group", "Leader", "Timeline"]]
    rows += [[f"WG{n} Water loss {n}", f"Person {n} (Org {n})", "2031-2032"] for n in range(1, 91)]
    table = Table(
        [[Paragraph(text, CELL) for text in row] for row in rows],
        colWidths=COLUMNS,
        repeatRows=0,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [
        Paragraph(INTRO, BODY),
        Paragraph(INTRO, BODY),
        Paragraph("Thematic Group on Water", HEADING),
        Paragraph("Leader: Jane Doe (City of X)", BODY),
        table,
        Paragraph("Adopted by the plenary.", BODY),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(
        story, onFirstPage=_furniture, onLaterPages=_furniture
    )
    return parse_pdf(path)


def _texts(slide) -> list[str]:
    return [b.text if not isinstance(b, DeckTable) else "(table)" for b in slide.blocks]


def test_running_headers_footers_and_page_numbers_are_left_out(report):
    texts = [t for slide in report.slides for t in _texts(slide)]
    assert RUNNING_HEADER not in texts
    assert FOOTER not in texts
    assert not any(t.startswith("Page ") for t in texts)
    assert len(report.slides) == 3


def test_a_heading_under_running_text_is_not_the_page_title(report):
    first = report.slides[0]
    assert first.title is None
    kinds = list(zip([type(b).__name__ for b in first.blocks], _texts(first), strict=True))
    assert kinds[:4] == [
        ("Paragraph", INTRO.strip()),
        ("Paragraph", INTRO.strip()),
        ("Heading", "Thematic Group on Water"),
        ("Paragraph", "Leader: Jane Doe (City of X)"),
    ]
    heading, above = first.blocks[2].box, first.blocks[1].box
    assert heading.top > above.bottom


def test_a_table_continued_without_its_header_is_one_table(report):
    first, second, third = report.slides
    table = first.blocks[-1]
    assert isinstance(table, DeckTable)
    assert [c.text for c in table.rows[0].cells] == ["Working group", "Leader", "Timeline"]
    assert len(table.rows) == 91
    assert [c.text for c in table.rows[-1].cells] == [
        "WG90 Water loss 90",
        "Person 90 (Org 90)",
        "2031-2032",
    ]
    assert {row.location.number for row in table.rows} == {1, 2, 3}
    assert not any(isinstance(b, DeckTable) for b in second.blocks + third.blocks)
    assert _texts(report.slides[-1])[-1] == "Adopted by the plenary."


def test_pages_and_blocks_have_their_boxes(report):
    first = report.slides[0]
    assert first.size == (round(WIDTH, 2), round(HEIGHT, 2))
    table = first.blocks[-1]
    edges = [cell.box.x0 for cell in table.rows[0].cells] + [table.rows[0].cells[-1].box.x1]
    assert table.box.x0 == edges[0]
    widths = [right - left for left, right in zip(edges, edges[1:], strict=False)]
    assert widths == pytest.approx(list(COLUMNS), abs=0.5)
    assert all(block.box.bottom <= HEIGHT for block in first.blocks)


# drawn with the canvas, to the point


def _grid(canvas, left: float, top: float, widths, heights) -> None:
    """Ruling lines of a grid whose top-left corner is at (left, top) from the page's top."""
    xs = [left]
    for width in widths:
        xs.append(xs[-1] + width)
    ys = [top]
    for height in heights:
        ys.append(ys[-1] + height)
    for y in ys:
        canvas.line(xs[0], HEIGHT - y, xs[-1], HEIGHT - y)
    for x in xs:
        canvas.line(x, HEIGHT - ys[0], x, HEIGHT - ys[-1])


def _text(canvas, x: float, top: float, text: str, size: float = 9) -> None:
    """One line of text whose glyphs' top sits near top (from the page's top)."""
    canvas.setFont("Helvetica", size)
    canvas.drawString(x, HEIGHT - top - size * 0.8, text)


def test_a_last_row_alone_on_the_next_page_joins_its_table_and_is_read_before_the_text(tmp_path):
    path = tmp_path / "rows.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    widths = (120, 100, 100)
    _grid(canvas, 72, 600, widths, (20, 20, 20))
    for r, row in enumerate(
        (("Group", "Leader", "Years"), ("WG1", "Ann", "2031"), ("WG2", "Bo", "2032"))
    ):
        for c, text in enumerate(row):
            _text(canvas, 72 + sum(widths[:c]) + 4, 600 + 20 * r + 5, text)
    canvas.showPage()
    _grid(canvas, 72, 72, widths, (20,))
    for c, text in enumerate(("WG3", "Cy", "2033")):
        _text(canvas, 72 + sum(widths[:c]) + 4, 77, text)
    _text(canvas, 72, 110, "Notes under the table.", size=10)
    canvas.showPage()
    canvas.save()
    first, second = parse_pdf(path).slides
    [table] = first.blocks
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Group", "Leader", "Years"],
        ["WG1", "Ann", "2031"],
        ["WG2", "Bo", "2032"],
        ["WG3", "Cy", "2033"],
    ]
    assert _texts(second) == ["Notes under the table."]


def test_a_dash_led_line_after_a_full_line_in_a_narrow_cell_continues_it(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "narrow.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    first_line = "Jane Doe (Org)"
    inner = stringWidth(first_line, "Helvetica", 9) + 2  # the first line fills the cell
    widths = (inner + 8, 80, 60)
    _grid(canvas, 72, 100, widths, (20, 44))
    for c, text in enumerate(("Leader", "Meetings", "Status")):
        _text(canvas, 72 + sum(widths[:c]) + 4, 105, text)
    cell_lines = (
        (first_line, "- City of X"),  # wrapped: the first line reached the cell's edge
        ("Dates:", "- 12 March", "- 14 April"),  # a short line, then a list
        ("Ongoing",),
    )
    for c, lines in enumerate(cell_lines):
        for n, text in enumerate(lines):
            _text(canvas, 72 + sum(widths[:c]) + 4, 125 + 11 * n, text)
    canvas.showPage()
    canvas.save()
    [slide] = parse_pdf(path).slides
    [table] = slide.blocks
    assert [c.text for c in table.rows[1].cells] == [
        "Jane Doe (Org) - City of X",
        "Dates:\n12 March\n14 April",
        "Ongoing",
    ]


def test_adjacent_narrow_ruled_columns_stay_apart(tmp_path):
    path = tmp_path / "adjacent.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    widths = (44, 44, 44)
    _grid(canvas, 72, 100, widths, (16, 16))
    for r, row in enumerate((("Years", "Status", "Lead"), ("2031-32", "Kick-off", "Ann"))):
        for c, text in enumerate(row):
            _text(canvas, 72 + sum(widths[:c]) + 1, 104 + 16 * r, text)
    canvas.showPage()
    canvas.save()
    [slide] = parse_pdf(path).slides
    assert [[c.text for c in row.cells] for row in slide.blocks[0].rows] == [
        ["Years", "Status", "Lead"],
        ["2031-32", "Kick-off", "Ann"],
    ]


def test_a_link_address_broken_over_two_lines_is_one_address(tmp_path):
    path = tmp_path / "link.pdf"
    url = "https://example.org/plans/2031/water-management-meeting"
    text = f'See <a href="{url}">{url}</a> for the agenda of the meeting.'
    table = Table([[Paragraph(text, BODY)]], colWidths=[170])
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    [slide] = parse_pdf(path).slides
    [paragraph] = slide.blocks
    assert paragraph.text == f"See {url} for the agenda of the meeting."
    assert [(link.text, link.url) for link in paragraph.content.links] == [(url, url)]


# the format-neutral parts


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("7", True),
        ("- 7 -", True),
        ("Page 7", True),
        ("Page 7 of 9", True),
        ("7/9", True),
        ("p. 12", True),
        ("2031-2032", False),
        ("WG7", False),
        ("Page of the plan", False),
    ],
)
def test_page_numbers(text, number):
    assert is_page_number(text) is number


def test_furniture_is_text_repeated_at_one_place_near_an_edge_on_most_pages():
    def page(footer_top: float, name: str) -> list[Placed]:
        return [
            Placed("Plan 2031-2032 | Platform", Box(72, footer_top, 300, footer_top + 9)),
            Placed(name, Box(72, 40, 200, 50)),  # at the top, never the same
            Placed("Working groups", Box(72, 300, 200, 312)),  # the same, but mid-page
        ]

    pages = [page(800, name) for name in ("Water", "Energy", "Mobility", "Data")]
    pages[3][0] = Placed("Plan 2031-2032 | Platform", Box(72, 500, 300, 509))  # moved up
    found = furniture(pages, [842] * 4)
    assert found == [{0}, {0}, {0}, set()]


def test_one_page_has_no_repeated_furniture_but_page_numbers_and_two_pages_have():
    page = [Placed("Platform", Box(72, 800, 200, 809)), Placed("2", Box(500, 800, 510, 809))]
    assert furniture([page], [842]) == [{1}]
    assert furniture([page, page], [842, 842]) == [{0, 1}, {0, 1}]


def _slide(title: str | None, rows: list[list[str]], edges=(0, 100, 200), bold=False) -> Slide:
    where = Location("page", 1)
    cells = [
        [
            Cell(RichText(text, bold), box=Box(edges[c], 0, edges[c + 1], 10))
            for c, text in enumerate(row)
        ]
        for row in rows
    ]
    table = DeckTable([Row(r, where) for r in cells], where)
    heading = Heading(RichText(title), 1, where) if title else None
    return Slide(heading, [table], where)


@pytest.mark.parametrize(
    ("second_title", "edges", "merged"),
    [
        ("Groups (2/3)", (0, 50, 200), True),  # marked as a later part
        ("Groups – continued", (0, 50, 200), True),
        (None, (0, 100, 200), True),  # a page without a title, columns in place
        (None, (0, 101.5, 200), True),
        (None, (0, 50, 200), False),  # columns elsewhere
        ("Other groups", (0, 100, 200), False),  # a slide of its own
        ("Groups (1/3)", (0, 50, 200), False),
    ],
)
def test_continued_tables(second_title, edges, merged):
    slides = [
        _slide("Groups", [["Name", "Lead"], ["A", "x"]]),
        _slide(second_title, [["B", "y"]], edges),
    ]
    merge_continued_tables(slides)
    assert (len(slides[0].blocks[0].rows) == 3) is merged
    assert (slides[1].blocks == []) is merged


def test_a_table_opening_with_its_own_bold_header_is_another_table():
    slides = [
        _slide(None, [["Name", "Lead"]], bold=True),
        _slide(None, [["Year", "Budget"]], bold=True),
    ]
    slides[0].blocks[0].rows.append(
        Row([Cell(RichText("A")), Cell(RichText("x"))], slides[0].location)
    )
    slides[0].blocks[0].rows[-1].cells[0].box = Box(0, 10, 100, 20)
    slides[0].blocks[0].rows[-1].cells[1].box = Box(100, 10, 200, 20)
    merge_continued_tables(slides)
    assert len(slides[1].blocks) == 1


def test_a_row_of_cells_is_read_before_the_text_under_its_first_cell():
    boxes = [
        ("note", (72, 120, 160, 130)),
        ("third", (300, 80, 340, 92)),
        ("first", (72, 80, 160, 92)),
        ("second", (200, 80, 260, 92)),
    ]
    order = [name for region in reading_order(boxes, lambda b: b[1]) for name, _ in region]
    assert order == ["first", "second", "third", "note"]


def test_hyphenated_words_are_joined_and_a_soft_hyphen_dropped(tmp_path):
    from pathlib import Path

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVu Sans is needed to draw a soft hyphen")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font)))
    path = tmp_path / "hyphens.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("DejaVuSans", 10)
    lines = ("Water manage\u00ad", "ment for people-", "centred cities and hy-",
             "drology: people-centred water")  # fmt: skip
    for n, line in enumerate(lines):
        canvas.drawString(72, HEIGHT - 100 - 12 * n, line)
    canvas.showPage()
    canvas.save()
    [slide] = parse_pdf(path).slides
    # "people-centred" is written whole elsewhere; "hy-drology" is not: hyphenation
    assert _texts(slide) == [
        "Water management for people-centred cities and hydrology: people-centred water"
    ]


def _ruled_rows_pdf(path, rows, widths, style) -> None:
    table = Table([[Paragraph(t, CELL) for t in row] for row in rows], colWidths=widths)
    table.setStyle(TableStyle(style))
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("Facts", HEADING), table])


@pytest.mark.parametrize(
    "style",
    [
        [
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
        ],
        [
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
        ],
    ],
    ids=["horizontal rules", "frame and horizontal rules"],
)
def test_a_label_value_table_drawn_with_horizontal_rules_only(tmp_path, style):
    rows = [
        ["Leader", "Jane Doe (City of X) and John Roe (Organisation Y)"],
        ["Timeline", "2031-2032"],
        ["Meetings", "12 March 2031, 10:00-11:00 Geneva time; 14 April 2031"],
    ]
    path = tmp_path / "facts.pdf"
    _ruled_rows_pdf(path, rows, (70, 150), style)
    [slide] = parse_pdf(path).slides
    heading, table = slide.blocks
    assert heading.text == "Facts"
    assert [[c.text for c in row.cells] for row in table.rows] == rows
    label, value = table.rows[0].cells
    assert label.box.x1 <= value.box.x0 + 0.5 and label.box.top == value.box.top


def test_columns_of_running_text_between_rules_are_not_a_table(tmp_path):
    text = "The group met four times and agreed on a scope, a timeline and its deliverables. " * 3
    rows = [[text, text], [text, text]]
    path = tmp_path / "sections.pdf"
    _ruled_rows_pdf(
        path,
        rows,
        (200, 200),
        [
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black),
        ],
    )
    [slide] = parse_pdf(path).slides
    assert not any(isinstance(b, DeckTable) for b in slide.blocks)
    assert len(slide.blocks) == 4


def test_a_large_slide_number_in_the_corner_is_furniture_but_a_large_number_mid_page_is_not(
    tmp_path,
):
    path = tmp_path / "numbers.pdf"
    canvas = Canvas(str(path), pagesize=(960, 540))
    canvas.setFont("Helvetica", 14)
    canvas.drawString(50, 540 - 200, "Working Group 3")
    canvas.setFont("Helvetica", 28)
    canvas.drawString(50, 540 - 260, "3")  # a tile's number
    canvas.setFont("Helvetica", 18)
    canvas.drawString(900, 540 - 520, "7")  # the slide number
    canvas.showPage()
    canvas.save()
    [slide] = parse_pdf(path).slides
    assert _texts(slide) == ["Working Group 3", "3"]
