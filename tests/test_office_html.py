"""Web pages saved by word processors read as their reader sees them (parsers/office_html.py)."""

from __future__ import annotations

from pathlib import Path

from parsers.deck import Heading, ListItem, Paragraph
from parsers.html import parse_html
from parsers.markdown import parse_markdown


def blocks(tmp_path: Path, html: str, name: str = "page.html") -> list:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    deck = parse_html(path) if name.endswith(".html") else parse_markdown(path)
    found = []
    for slide in deck.slides:
        found += ([slide.title] if slide.title else []) + slide.blocks
    return found


def shape(block) -> tuple:
    level = getattr(block, "level", None)
    return type(block).__name__, level, block.text, block.content.bold


WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>A</o:Author></o:DocumentProperties>
</xml><![endif]--><style><!-- p.MsoTitle {font-size:28.0pt;} --></style></head>
<body lang=EN-GB><div class=WordSection1>
<p class=MsoTitle><span lang=EN-GB>Work Plan 2031<o:p></o:p></span></p>
<p class=MsoTocHeading>Contents</p>
<p class=MsoToc1><span class=MsoHyperlink><a href="#_Toc15000001">Ocean Cities<span
style='color:windowtext;display:none;mso-hide:screen'>. </span><span
style='color:windowtext;display:none;mso-hide:screen'>2</span></a></span></p>
<h2><span lang=EN-GB>Ocean Cities<o:p></o:p></span></h2>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>
<![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New
Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><b><span>Lead:</span></b> Jane Roe<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='font-family:"Courier New"'>o<span>&nbsp;&nbsp; </span></span><![endif]>Nested<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>a)<span>&nbsp;
</span></span><![endif]>Define the rules<o:p></o:p></p>
<p class=MsoListBullet><![if !supportLists]><span>§<span>&nbsp; </span></span><![endif]>Filtered</p>
<p class=MsoListParagraph style='text-indent:-18.0pt'><span style='font-family:Symbol'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>Glyph without markup</p>
<p class=MsoListParagraph><b>I</b> stay</p>
<p class=MsoNormal>Plain &nbsp;text<span style='display:none'> hidden</span><o:p></o:p></p>
</div></body></html>"""


def test_word_title_and_list_paragraphs(tmp_path: Path) -> None:
    assert [shape(b) for b in blocks(tmp_path, WORD)] == [
        ("Heading", 1, "Work Plan 2031", False),  # no table of contents
        ("Heading", 2, "Ocean Cities", False),
        ("ListItem", 0, "Lead: Jane Roe", False),
        ("ListItem", 1, "Nested", False),
        ("ListItem", 0, "a) Define the rules", False),  # a numbering marker is text
        ("ListItem", 0, "Filtered", False),  # the list style, without mso-list
        ("ListItem", 0, "Glyph without markup", False),  # a filtered page's bullet span
        ("ListItem", 0, "I stay", False),  # a bold letter is no bullet
        ("Paragraph", None, "Plain text", False),  # hidden words are not read
    ]


GDOCS = (
    '<html><head><style type="text/css">ul.lst-kix_q-1{list-style-type:none}'
    ".c0{font-weight:400;font-size:11pt}.c1{font-weight:700;font-size:11pt}"
    ".c2{font-size:20pt}.c3{font-size:14pt}.c9{display:none}"
    ".title{font-size:26pt}</style></head><body>"
    '<p class="c5 title"><span class="c2">Work Plan 2031</span></p>'
    '<p class="c5"><span class="c2">Ongoing Thematic Groups</span></p>'
    '<p class="c5"><span class="c3">Ocean Cities</span></p>'
    '<p class="c5"><span class="c1">Working Groups</span></p>'
    '<ul class="c7 lst-kix_q-0 start"><li class="c4 li-bullet-0"><span class="c0">Top</span></li></ul>'
    '<ul class="c7 lst-kix_q-1 start"><li class="c4 li-bullet-0"><span class="c0">Deep</span></li></ul>'
    '<p class="c5 c9"><span class="c0">A paragraph of running text, the body of the page, '
    "set in the size most of the page is set in.</span></p>"
    '<p class="c5"><span class="c0">See </span><a class="c6" href="https://www.google.com/url?'
    'q=https://example.org/guide&amp;sa=D&amp;source=editors&amp;ust=1&amp;usg=AOv">the guide</a></p>'
    "</body></html>"
)


def test_google_docs_classes_sizes_levels_and_links(tmp_path: Path) -> None:
    found = blocks(tmp_path, GDOCS)
    assert [shape(b) for b in found] == [
        ("Heading", 1, "Work Plan 2031", False),  # the title style
        ("Heading", 2, "Ongoing Thematic Groups", False),  # 20pt over an 11pt body
        ("Heading", 3, "Ocean Cities", False),  # 14pt
        ("Paragraph", None, "Working Groups", True),  # bold by its class, body size
        ("ListItem", 0, "Top", False),
        ("ListItem", 1, "Deep", False),  # the level is in the list's class
        ("Paragraph", None, "A paragraph of running text, the body of the page, set in the size "
         "most of the page is set in.", False),  # only weight and size come from classes, not display
        ("Paragraph", None, "See the guide", False),
    ]  # fmt: skip
    assert [(x.text, x.url) for x in found[-1].content.links] == [
        ("the guide", "https://example.org/guide")
    ]


def test_sizes_make_headings_beside_heading_elements_when_the_body_size_is_known(
    tmp_path: Path,
) -> None:
    page = (
        "<html><head><style>.big{font-size:20pt}.body{font-size:11pt}</style></head><body>"
        '<h1>Plan</h1><p class="big"><b>Large words</b></p>'
        '<p class="body">Running text of the page set in the body size, the longest here.</p>'
        "</body></html>"
    )
    assert [(type(b), getattr(b, "level", None)) for b in blocks(tmp_path, page)] == [
        (Heading, 1),
        (Heading, 2),
        (Paragraph, None),
    ]
    unknown = page.replace('<p class="body">', "<p>")  # most text in the browser's own size
    assert [type(b) for b in blocks(tmp_path, unknown)] == [Heading, Paragraph, Paragraph]


def test_a_table_of_contents_is_left_out(tmp_path: Path) -> None:
    text = (
        "# Plan\n\n- [Ongoing groups](#ongoing-groups)\n  - [Ocean Cities](#ocean-cities)\n"
        "- [Contact](#contact)\n\n## Ongoing groups\n\n- [Guide](#) (completed)\n"
        "- [Report](https://example.org/report)\n"
    )
    found = blocks(tmp_path, text, "plan.md")
    assert [(type(b), b.text) for b in found] == [
        (Heading, "Plan"),
        (Heading, "Ongoing groups"),
        (ListItem, "Guide (completed)"),  # links to "#" alone are placeholders, not contents
        (ListItem, "Report"),
    ]


def test_only_rules_for_one_class_are_followed(tmp_path: Path) -> None:
    page = (
        "<html><head><style>/* x */ .card .x{font-weight:bold} h1.y, .y {font-weight:700}"
        '</style></head><body><h1>Plan</h1><p class="x">In context</p><p class="y">Own</p>'
        "</body></html>"
    )
    assert [shape(b) for b in blocks(tmp_path, page)] == [
        ("Heading", 1, "Plan", False),
        ("Paragraph", None, "In context", False),  # ".card .x" needs a card around it
        ("Paragraph", None, "Own", True),
    ]


def test_a_title_class_is_the_title_where_the_page_styles_it(tmp_path: Path) -> None:
    styled = "<html><head><style>.title{font-size:26pt}</style></head><body>"
    plain = "<html><body>"
    card = '<p class="title">Rain Harvesting</p><p>Text of the page.</p></body></html>'
    assert [type(b) for b in blocks(tmp_path, styled + card)] == [Heading, Paragraph]
    assert [type(b) for b in blocks(tmp_path, plain + card)] == [Paragraph, Paragraph]


def test_a_malformed_link_is_left_as_written(tmp_path: Path) -> None:
    page = '<html><body><p><a href="http://[::1/url?q=x">odd</a> link</p></body></html>'
    (found,) = blocks(tmp_path, page)
    assert [(x.text, x.url) for x in found.content.links] == [("odd", "http://[::1/url?q=x")]
