"""PowerPoint decks made by hand: reading order by position, boxes, titles and furniture.

Every deck here is built with python-pptx the way people edit slides: boxes added in any order,
group shapes with their own child coordinates, inserted slide-number fields, empty boxes,
pictures, footers typed on every slide. Positions are given in inches; boxes are expected in
points (72 per inch) from the slide's top-left corner.
"""

from __future__ import annotations

import io

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from parsers.deck import Box, Table
from parsers.pptx import parse_pptx

BLANK, TITLE_AND_CONTENT, TITLE_ONLY = 6, 1, 5


def _deck(tmp_path, build):
    prs = Presentation()  # 10 x 7.5 inches
    build(prs)
    path = tmp_path / "hand-made.pptx"
    prs.save(path)
    return parse_pptx(path)


def _box(shapes, text: str, left, top, width=3.0, height=0.6, size: int = 14):
    """A text box at a position in inches holding one paragraph."""
    box = shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    paragraph = box.text_frame.paragraphs[0]
    paragraph.text = text
    paragraph.runs[0].font.size = Pt(size)
    return box


def _field(kind: str, text: str) -> etree._Element:
    field = etree.Element(qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type=kind)
    etree.SubElement(field, qn("a:t")).text = text
    return field


def _texts(slide) -> list[str]:
    return [block.text for block in slide.blocks]


def test_boxes_are_read_by_position_not_by_the_order_they_were_added(tmp_path):
    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[BLANK])
        # a facts box, the group name above it added after it, a second column, the title last
        _box(slide.shapes, "Leader: Jane Doe (City of X)", 0.5, 2.2, width=4)
        _box(slide.shapes, "Second column", 5.5, 1.4, width=4)
        _box(slide.shapes, "Smart Water", 0.5, 1.4, width=4, size=20)
        _box(slide.shapes, "Thematic groups", 0.5, 0.3, width=9, size=32)

    [slide] = _deck(tmp_path, build).slides
    assert slide.title.text == "Thematic groups"
    # the left column top to bottom, then the right one
    assert _texts(slide) == ["Smart Water", "Leader: Jane Doe (City of X)", "Second column"]
    assert slide.title.box == Box(36, 21.6, 684, 64.8)
    assert slide.blocks[0].box == Box(36, 100.8, 324, 144)
    assert slide.size == (720, 540)


def test_a_row_of_boxes_is_read_left_to_right_whatever_their_order(tmp_path):
    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = "Facts"
        for text, left in (("Value", 3.0), ("Label", 0.5)):
            _box(slide.shapes, text, left, 2.0, width=2)

    [slide] = _deck(tmp_path, build).slides
    assert _texts(slide) == ["Label", "Value"]
    assert [b.box.x0 for b in slide.blocks] == [36, 216]


def test_group_child_positions_go_through_the_group_transform(tmp_path):
    """A group drawn at half the size of its child coordinates, away from the origin."""

    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[BLANK])
        group = slide.shapes.add_group_shape()
        # children written in child coordinates: the value box before the label box
        _box(group.shapes, "Value", 2, 1, width=2, height=1)
        _box(group.shapes, "Label", 0, 1, width=1.5, height=1)
        xfrm = group._element.grpSpPr.find(qn("a:xfrm"))
        for tag, (a, b) in (("off", (5, 2)), ("ext", (2, 1)), ("chOff", (0, 0)), ("chExt", (4, 2))):
            element = xfrm.find(qn(f"a:{tag}"))
            keys = ("x", "y") if tag.endswith("ff") else ("cx", "cy")
            element.set(keys[0], str(Inches(a)))
            element.set(keys[1], str(Inches(b)))
        _box(slide.shapes, "Left of the group", 0.5, 2.2, width=3)

    [slide] = _deck(tmp_path, build).slides
    assert _texts(slide) == ["Left of the group", "Label", "Value"]
    label, value = slide.blocks[1].box, slide.blocks[2].box
    # slide x = 5in + child x * 0.5, slide y = 2in + child y * 0.5
    assert label == Box(360, 180, 414, 216)
    assert value == Box(432, 180, 504, 216)


def test_a_group_is_read_as_one_piece(tmp_path):
    """Two cards side by side, each a group; a card's shapes are read before the next card."""

    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = "Working groups"
        for left, number, title in ((5.0, "2", "Metering"), (0.5, "1", "Leak detection")):
            card = slide.shapes.add_group_shape()
            _box(card.shapes, title, left, 3.0, width=4)
            _box(card.shapes, f"Working Group {number}", left, 1.8, width=4)

    [slide] = _deck(tmp_path, build).slides
    assert _texts(slide) == ["Working Group 1", "Leak detection", "Working Group 2", "Metering"]


def test_a_slide_number_field_alone_in_a_box_is_not_content_and_does_not_abort(tmp_path):
    def build(prs):
        for number in (1, 2):
            slide = prs.slides.add_slide(prs.slide_layouts[BLANK])
            _box(slide.shapes, f"Slide text {number}", 0.5, 2.0)
            corner = slide.shapes.add_textbox(Inches(9), Inches(7), Inches(0.8), Inches(0.4))
            corner.text_frame.paragraphs[0]._p.append(_field("slidenum", str(number)))
        # a field-only box in the title zone of a slide without a title placeholder
        top = prs.slides[1].shapes.add_textbox(Inches(0.5), Inches(0.2), Inches(2), Inches(0.5))
        top.text_frame.paragraphs[0]._p.append(_field("slidenum", "2"))

    first, second = _deck(tmp_path, build).slides
    assert (_texts(first), _texts(second)) == (["Slide text 1"], ["Slide text 2"])
    assert second.title is None


def test_date_and_number_fields_leave_the_text_around_them(tmp_path):
    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = "Status"
        dated = _box(slide.shapes, "Updated on ", 0.5, 2.0, width=6)
        dated.text_frame.paragraphs[0]._p.append(_field("datetime1", "3/4/2025"))
        numbered = _box(slide.shapes, "Slide ", 0.5, 3.0, width=6)
        numbered.text_frame.paragraphs[0]._p.append(_field("slidenum", "1"))
        other = _box(slide.shapes, "Plan by ", 0.5, 4.0, width=6)
        other.text_frame.paragraphs[0]._p.append(_field("author", "Secretariat"))

    [slide] = _deck(tmp_path, build).slides
    # "Slide <number>" is furniture; a field of another kind is text
    assert _texts(slide) == ["Updated on", "Plan by Secretariat"]


def test_empty_boxes_picture_only_slides_and_empty_title_placeholders_are_read(tmp_path):
    image = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(image, format="PNG")

    def build(prs):
        pictured = prs.slides.add_slide(prs.slide_layouts[BLANK])
        pictured.shapes.add_picture(io.BytesIO(image.getvalue()), Inches(1), Inches(1))
        empty = prs.slides.add_slide(prs.slide_layouts[BLANK])
        empty.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(4), Inches(1))
        _box(empty.shapes, "   ", 0.5, 2, width=4)
        _box(empty.shapes, "Only text", 0.5, 4, width=4)
        untitled = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])  # title left empty
        _box(untitled.shapes, "Big words near the top", 0.5, 1.2, width=8, size=30)
        _box(untitled.shapes, "Body", 0.5, 3, width=8)

    pictured, empty, untitled = _deck(tmp_path, build).slides
    assert (pictured.title, pictured.blocks) == (None, [])
    assert (empty.title, _texts(empty)) == (None, ["Only text"])
    assert untitled.title.text == "Big words near the top"
    assert _texts(untitled) == ["Body"]


def test_a_footer_typed_on_every_slide_and_slide_numbers_are_furniture(tmp_path):
    def build(prs):
        for number in range(1, 5):
            slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
            slide.shapes.title.text = f"Group {number}"
            _box(slide.shapes, "Working groups", 0.5, 1.6, width=4)  # same place, mid-slide
            _box(slide.shapes, f"Leader: Person {number}", 0.5, 2.4, width=4)
            _box(slide.shapes, "Plan 2024-2025 | Organisation", 0.5, 7.0, width=4, size=10)
            _box(slide.shapes, str(number), 9.0, 7.0, width=0.6, size=10)

    slides = _deck(tmp_path, build).slides
    assert [_texts(s) for s in slides] == [
        ["Working groups", f"Leader: Person {n}"] for n in range(1, 5)
    ]


def test_a_text_at_the_bottom_of_one_slide_only_is_content(tmp_path):
    def build(prs):
        for number in range(1, 5):
            slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
            slide.shapes.title.text = f"Group {number}"
            if number == 2:
                _box(slide.shapes, "Contact: secretariat", 0.5, 7.0, width=4, size=10)

    slides = _deck(tmp_path, build).slides
    assert [_texts(s) for s in slides] == [[], ["Contact: secretariat"], [], []]


def test_a_placeholder_without_a_position_sits_where_its_layout_puts_it(tmp_path):
    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
        slide.shapes.title.text = "Facts"
        slide.placeholders[1].text_frame.text = "Leader: Someone"

    prs = Presentation()
    layout_body = prs.slide_layouts[TITLE_AND_CONTENT].placeholders[1]
    expected = Box(
        *(round(v / 12700, 2) for v in (
            layout_body.left,
            layout_body.top,
            layout_body.left + layout_body.width,
            layout_body.top + layout_body.height,
        ))
    )  # fmt: skip
    [slide] = _deck(tmp_path, build).slides
    assert slide.blocks[0].box == expected
    assert slide.title.box is not None and slide.title.box.bottom <= expected.top


def test_table_and_cell_boxes_come_from_the_frame_and_the_grid(tmp_path):
    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = "Groups"
        frame = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1))
        frame.table.columns[0].width = Inches(2)
        frame.table.columns[1].width = Inches(4)
        for r, row in enumerate((("Name", "Lead"), ("WG1", "Jane"))):
            frame.table.rows[r].height = Inches(0.5)
            for c, text in enumerate(row):
                frame.table.cell(r, c).text = text

    [slide] = _deck(tmp_path, build).slides
    [table] = slide.blocks
    assert isinstance(table, Table)
    assert table.box == Box(72, 144, 504, 216)
    assert table.rows[0].cells[1].box == Box(216, 144, 504, 180)
    assert table.rows[1].cells[0].box == Box(72, 180, 216, 216)


def test_a_merged_cell_box_covers_the_cells_it_spans(tmp_path):
    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = "Groups"
        frame = slide.shapes.add_table(2, 3, Inches(1), Inches(2), Inches(6), Inches(1))
        for r in range(2):
            frame.table.rows[r].height = Inches(0.5)
            for c in range(3):
                frame.table.columns[c].width = Inches(2)
                frame.table.cell(r, c).text = f"{r}{c}"
        frame.table.cell(0, 1).merge(frame.table.cell(1, 2))

    [slide] = _deck(tmp_path, build).slides
    merged = slide.blocks[0].rows[0].cells[1]
    assert (merged.col_span, merged.row_span) == (2, 2)
    assert merged.box == Box(216, 144, 504, 216)
