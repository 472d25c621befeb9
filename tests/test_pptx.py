"""The PowerPoint reader on the sample deck, on corpus files, and on small decks made here."""

from __future__ import annotations

import pytest
from conftest import sample
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from parsers.deck import Heading, ListItem, Paragraph, Table
from parsers.detect import parse_file
from parsers.errors import InputError
from parsers.pptx import parse_pptx


@pytest.fixture(scope="module")
def deck():
    return parse_pptx(sample(".pptx"))


def kinds(slide) -> list[tuple[str, str, int | None]]:
    return [(type(b).__name__, b.text, getattr(b, "level", None)) for b in slide.blocks]


def test_titles_come_from_title_placeholders(deck):
    assert deck.slides[0].title.text == "U4SSC Action Plan"
    assert deck.slides[15].title.text == (
        "New Thematic Group on Sustainable digital transformation in buildings and urban energy"
    )
    assert all(s.title is not None for s in deck.slides)
    assert [str(s.location) for s in deck.slides[:3]] == ["slide 1", "slide 2", "slide 3"]


def test_subtitle_at_body_size_is_a_paragraph(deck):
    assert kinds(deck.slides[0]) == [("Paragraph", "2024-2025", None)]


def test_headings_from_font_size_and_bullet_levels_from_paragraph_levels(deck):
    assert kinds(deck.slides[1])[:2] == [
        ("Heading", "■ City Platforms", 2),
        ("ListItem", "Co-leaders: Ramon Ferri (Valencia), Ernesto Faubel (Valencia) and Daniel "
         "Vega Díaz (FEMP)", 0),
    ]  # fmt: skip
    levels = [b.level for b in deck.slides[4].blocks]
    assert levels == [0, 0, 1, 1, 1, 1, 1, 2]
    assert deck.slides[4].blocks[0].content.bold
    assert not deck.slides[4].blocks[1].content.bold


def test_heading_levels_follow_sizes(deck):
    buildings = deck.slides[16]
    headings = [(b.text, b.level) for b in buildings.blocks if isinstance(b, Heading)]
    assert headings[:3] == [
        ("Working Group 1", 2),
        ("Guiding Principles for Buildings", 3),
        ("Suggested Scope", 4),
    ]


def test_group_shapes_are_read_with_soft_breaks(deck):
    # three working groups, each a group shape: heading, number in a circle, title in a box
    assert kinds(deck.slides[14]) == [
        ("Heading", "Working Group 2", 2),
        ("Paragraph", "2", None),
        ("Paragraph", "Scenario\nPlanning for\nCities", None),
        ("Heading", "Working Group 3", 2),
        ("Paragraph", "3", None),
        ("Paragraph", "Horizon\nScanning for\nCities", None),
        ("Heading", "Working Group 4", 2),
        ("Paragraph", "4", None),
        ("Paragraph", "Mega Trends\nfor Cities", None),
    ]


def test_merged_cells_appear_once_with_their_spans(deck):
    city = deck.slides[2].blocks[0]
    first = city.rows[1].cells
    assert [(c.text, c.col_span, c.row_span) for c in first[1:3]] == [
        ("Ramon Ferri (Valencia) and City of Valencia", 1, 1),
        ("N/A", 3, 1),
    ]
    assert len(first) == 4  # six columns, three of them one merged cell
    ai = deck.slides[6].blocks[0]
    leader = ai.rows[1].cells[1]
    assert (leader.text, leader.row_span) == ("Okan Geray (Digital Dubai)", 3)
    assert [c.text for c in ai.rows[2].cells][:2] == ["WG2 - Autonomous Cities", "2023-2024"]


def test_soft_breaks_in_cells_and_hyperlinks_on_runs(deck):
    city = deck.slides[2].blocks[0]
    wg6 = city.rows[6].cells
    assert wg6[0].text == "WG6 - Data and APIs in Smart City Platforms"
    assert wg6[4].text.count("\n") == 3  # four meetings, one per line
    status = wg6[-1].content
    assert [(link.text, link.url) for link in status.links] == [
        ("Data and API requirements for centralized smart city platforms", "#")
    ]
    contact = deck.slides[20].blocks[-1].content
    assert contact.links[0].url == "https://u4ssc.itu.int/"


def test_table_continued_on_next_slide_is_merged(deck):
    city = deck.slides[2].blocks[0]
    assert len(city.rows) == 8  # header, WG1-WG5, then WG6-WG7 from slide 4
    assert [str(r.location) for r in city.rows[-2:]] == ["slide 4", "slide 4"]
    assert deck.slides[3].blocks == []
    assert deck.slides[3].title.text == "Thematic Group on City Platforms"


def test_corpus_merged_cells_both_ways(corpus):
    deck = parse_pptx(corpus / "pptx" / "python-pptx__tbl-cell.pptx")
    merged = deck.slides[1].blocks
    assert [(c.text, c.col_span, c.row_span) for c in merged[0].rows[0].cells] == [
        ("merged cell", 2, 2),
        ("", 1, 1),
    ]
    assert len(merged[0].rows[1].cells) == 1  # the other two are covered by the merge
    assert (merged[1].rows[0].cells[0].col_span, merged[1].rows[0].cells[0].row_span) == (3, 2)


def test_corpus_nested_groups(corpus):
    deck = parse_pptx(corpus / "pptx" / "unstructured__group-shapes-nested.pptx")
    texts = {b.text for b in deck.slides[0].blocks}
    assert {"B", "C", "D", "E", "F", "H", "I", "J"} <= texts


@pytest.mark.parametrize(
    "name",
    [
        "python-pptx__cht-charts.pptx",
        "python-pptx__shp-picture.pptx",
        "python-pptx__shp-movie-props.pptx",
        "python-pptx__prs-notes.pptx",
        "python-pptx__shp-access-ole-object.pptx",
        "python-pptx__ph-populated-placeholders.pptx",
        "python-pptx__missing_rels_item.pptx",
        "python-pptx__no-core-props.pptx",
        "unstructured__fake-power-point-malformed.pptx",
        "markitdown__test.pptx",
    ],
)
def test_charts_pictures_media_and_notes_are_skipped(corpus, name):
    deck = parse_pptx(corpus / "pptx" / name)
    assert deck.slides
    tables = [b for s in deck.slides for b in s.blocks if isinstance(b, Table)]
    assert all(t.rows for t in tables)


def test_notes_are_not_read(corpus):
    path = corpus / "pptx" / "python-pptx__sld-notes.pptx"
    notes = Presentation(str(path)).slides[0].notes_slide.notes_text_frame.text
    assert notes == "Notes"
    deck = parse_pptx(path)
    assert all(b.text != "Notes" for s in deck.slides for b in s.blocks)


def test_no_slides_is_an_empty_deck(corpus):
    assert parse_pptx(corpus / "pptx" / "python-pptx__no-slides.pptx").slides == []


# small decks made here


def _blank_deck(tmp_path, build) -> list:
    prs = Presentation()
    build(prs)
    path = tmp_path / "made.pptx"
    prs.save(path)
    return parse_pptx(path).slides


def _text_box(slide, text: str, top: float, size: int, bullet: bool = False):
    box = slide.shapes.add_textbox(Inches(0.5), Inches(top), Inches(9), Inches(0.8))
    paragraph = box.text_frame.paragraphs[0]
    paragraph.text = text
    paragraph.runs[0].font.size = Pt(size)
    return box


@pytest.mark.parametrize(("top", "is_title"), [(0.3, True), (6.0, False)])
def test_title_like_text_box_when_there_is_no_placeholder(tmp_path, top, is_title):
    """The largest text is the title when it starts near the top; a big closing line is not."""

    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        _text_box(slide, "Body text", 2, 14)
        _text_box(slide, "Large text", top, 32)

    [slide] = _blank_deck(tmp_path, build)
    assert (slide.title.text if slide.title else None) == ("Large text" if is_title else None)
    assert [b.text for b in slide.blocks] == ["Body text"] + ([] if is_title else ["Large text"])


def test_title_like_placeholder_takes_its_position_from_the_layout(tmp_path):
    """A body placeholder without a position of its own sits where its layout puts it."""

    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        title = slide.shapes.title._element
        title.getparent().remove(title)
        slide.placeholders[1].text_frame.text = "Near the top"

    [slide] = _blank_deck(tmp_path, build)
    assert slide.title.text == "Near the top"


def test_placeholder_of_unknown_type_is_read(tmp_path):
    """Only title, date, footer and number placeholders matter; another type is just text."""

    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = "Facts"
        body = slide.placeholders[1]
        body.text_frame.text = "Leader: Someone"
        body._element.find(".//" + qn("p:ph")).set("type", "unknown")

    [slide] = _blank_deck(tmp_path, build)
    assert (slide.title.text, [b.text for b in slide.blocks]) == ("Facts", ["Leader: Someone"])


def test_body_placeholder_bullets_come_from_the_master(tmp_path):
    def build(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = "Facts"
        body = slide.placeholders[1].text_frame
        body.text = "Leader: Someone"
        nested = body.add_paragraph()
        nested.text = "Timeline: 2025"
        nested.level = 1

    [slide] = _blank_deck(tmp_path, build)
    assert [(type(b).__name__, b.level) for b in slide.blocks] == [("ListItem", 0), ("ListItem", 1)]


def test_hidden_slide_is_skipped_with_a_warning(tmp_path):
    prs = Presentation()
    for text in ("Shown", "Hidden"):
        prs.slides.add_slide(prs.slide_layouts[5]).shapes.title.text = text
    prs.slides[1]._element.set("show", "0")
    path = tmp_path / "hidden.pptx"
    prs.save(path)
    deck = parse_pptx(path)
    assert [s.title.text for s in deck.slides] == ["Shown"]
    assert deck.warnings == ["slide 2 is hidden and was skipped"]


def test_continued_table_marked_cont_without_header_is_merged(tmp_path):
    def build(prs):
        for title, rows in (
            ("Groups", [["Name", "Lead"], ["A", "x"]]),
            ("Groups (cont.)", [["B", "y"]]),
        ):
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            slide.shapes.title.text = title
            shape = slide.shapes.add_table(len(rows), 2, Inches(1), Inches(2), Inches(6), Inches(1))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    shape.table.cell(r, c).text = text

    first, second = _blank_deck(tmp_path, build)
    assert [[c.text for c in r.cells] for r in first.blocks[0].rows] == [
        ["Name", "Lead"],
        ["A", "x"],
        ["B", "y"],
    ]
    assert second.blocks == []


# bad input


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("hostile/not-a-zip.pptx", "not a PPTX file"),
        ("hostile/truncated-zip.pptx", "truncated zip package"),
        ("hostile/zip-bomb.pptx", "limit (--max-unpacked-size); refused"),
        ("hostile/billion-laughs.pptx", "declares a DOCTYPE"),
        ("pptx/unstructured__fake-power-point.ppt", "save it as .pptx"),
        ("pptx/python-pptx__act-props.pptm", "save it as .pptx"),
    ],
)
def test_bad_packages_fail_with_one_clear_line(corpus, name, words):
    with pytest.raises(InputError) as caught:
        parse_file(corpus / name)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message
    assert message.startswith(str(corpus / name))


def test_legacy_file_renamed_pptx_is_named(corpus, tmp_path):
    renamed = tmp_path / "deck.pptx"
    renamed.write_bytes((corpus / "pptx" / "unstructured__fake-power-point.ppt").read_bytes())
    with pytest.raises(InputError, match="OLE2 container"):
        parse_file(renamed)


def test_external_entities_are_not_expanded(corpus):
    deck = parse_pptx(corpus / "hostile" / "xxe-etc-passwd.pptx")
    text = " ".join(b.text for s in deck.slides for b in s.blocks if not isinstance(b, Table))
    assert "before" in text
    assert "root:" not in text


def test_blocks_are_deck_blocks(deck):
    allowed = (Heading, Paragraph, ListItem, Table)
    assert all(isinstance(b, allowed) for s in deck.slides for b in s.blocks)
