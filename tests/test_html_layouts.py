"""HTML pages laid out as web sites are: definition lists, navigation, sidebars, banners."""

from __future__ import annotations

from parsers.deck import Heading, Paragraph, Table
from parsers.html import parse_html

PAGE = """<!DOCTYPE html>
<html><head><title>Plan</title></head>
<body>
<header>
  <a href="/">Platform home</a>
  <h1>Action Plan 2031-2032</h1>
  <p>Cities working together</p>
  <nav><h2>Menu</h2><ul><li><a href="/about">About</a></li><li><a href="/news">News</a></li></ul></nav>
</header>
<div role="navigation"><a href="#water">Skip to water</a></div>
<main>
  <article>
    <header><h2>Thematic Group on Water</h2><p>Updated in May</p></header>
    <dl>
      <dt>Leader</dt><dd>Jane Doe (<a href="https://x.example">City of X</a>)</dd>
      <div><dt>Co-leaders</dt><dd>Ann Lee (Org A)</dd><dd>Bo Chen (Org B)</dd></div>
      <dt>Timeline</dt><dt>Period</dt><dd><strong>2031-2032</strong></dd>
    </dl>
    <aside><p>Key fact: 12 cities</p></aside>
    <p hidden>Draft note</p>
    <p style="display: none">Old leader: Someone</p>
    <footer><p>Contact: water@example.org</p></footer>
  </article>
  <aside><h3>Latest news</h3><p>Sidebar text</p></aside>
</main>
<footer><p>Copyright Platform</p><p>Privacy</p></footer>
</body></html>
"""


def _deck(tmp_path, html: str):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return parse_html(path)


def _read(deck) -> list[tuple[str, str]]:
    return [
        (type(block).__name__, block.text if not isinstance(block, Table) else "")
        for slide in deck.slides
        for block in ([slide.title] if slide.title else []) + slide.blocks
    ]


def test_definition_list_is_a_table_of_terms_and_definitions(tmp_path):
    deck = _deck(tmp_path, PAGE)
    [table] = [b for s in deck.slides for b in s.blocks if isinstance(b, Table)]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Leader", "Jane Doe (City of X)"],
        ["Co-leaders", "Ann Lee (Org A)\nBo Chen (Org B)"],
        ["Timeline\nPeriod", "2031-2032"],
    ]
    leader = table.rows[0].cells[1].content
    assert [(link.text, link.url) for link in leader.links] == [("City of X", "https://x.example")]
    assert table.rows[2].cells[1].content.bold


def test_site_chrome_is_left_out_and_the_content_kept_in_reading_order(tmp_path):
    deck = _deck(tmp_path, PAGE)
    assert _read(deck) == [
        ("Heading", "Action Plan 2031-2032"),  # the banner's heading names the page
        ("Heading", "Thematic Group on Water"),  # the article's own header is content
        ("Paragraph", "Updated in May"),
        ("Table", ""),
        ("Paragraph", "Key fact: 12 cities"),  # a call-out in the article
        ("Paragraph", "Contact: water@example.org"),  # the article's footer
    ]
    assert isinstance(deck.slides[0].title, Heading)


def test_a_definition_list_without_terms_is_read_as_paragraphs(tmp_path):
    deck = _deck(
        tmp_path, "<html><body><dl><dd>Indented line</dd><dd>Another</dd></dl></body></html>"
    )
    [slide] = deck.slides
    assert [(type(b), b.text) for b in slide.blocks] == [
        (Paragraph, "Indented line"),
        (Paragraph, "Another"),
    ]


def test_a_definition_without_a_term_gets_an_empty_label(tmp_path):
    html = "<html><body><dl><dd>Orphan</dd><dt>Leader</dt><dd>Jane</dd></dl></body></html>"
    [slide] = _deck(tmp_path, html).slides
    [table] = slide.blocks
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["", "Orphan"],
        ["Leader", "Jane"],
    ]


def test_sections_keep_their_headers_footers_and_asides(tmp_path):
    html = """<html><body>
    <section><header><h1>Group</h1></header><p>Body</p>
      <aside><p>Note</p></aside><footer><p>Source: survey</p></footer></section>
    <div role="complementary"><p>Ads</p></div>
    <div role="contentinfo"><p>Legal</p></div>
    <div aria-hidden="true"><p>Icon label</p></div>
    </body></html>"""
    assert _read(_deck(tmp_path, html)) == [
        ("Heading", "Group"),
        ("Paragraph", "Body"),
        ("Paragraph", "Note"),
        ("Paragraph", "Source: survey"),
    ]
