"""The markdown and HTML parsers: the Deck they build from real and made-up documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_paths import OLD_DECK

from parsers.deck import Heading, ListItem, Paragraph, Table
from parsers.detect import parse_file
from parsers.errors import InputError
from parsers.html import parse_html
from parsers.markdown import parse_markdown

SEED = OLD_DECK


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_seed_slides_and_titles() -> None:
    deck = parse_markdown(SEED)
    titles = [s.title.text for s in deck.slides if s.title]
    assert titles[:3] == [
        "U4SSC Action Plan",
        "Ongoing Thematic Groups",
        "Thematic Group on City Platforms",
    ]
    # "## Ongoing Thematic Groups" followed by a rule opens a slide of its own
    assert titles.count("Ongoing Thematic Groups") == 4
    assert deck.source.format == "markdown" and len(deck.source.sha256) == 64


def test_seed_tab_separated_table() -> None:
    deck = parse_markdown(SEED)
    table = next(b for s in deck.slides for b in s.blocks if isinstance(b, Table))
    assert table.location.number == 25
    header, first = table.rows[0], table.rows[1]
    assert [c.text for c in header.cells][1:] == [
        "Leader", "Timeline", "Expected publication date", "Planned e-meetings", "Status",
    ]  # fmt: skip
    assert first.location.number == 26
    assert first.cells[0].text == "WG1 - IT Solutions for integrated cities management & Use Cases"
    assert first.cells[0].content.bold
    assert not first.cells[1].content.bold
    status = first.cells[5].content
    assert status.text.startswith("Completed Digital solutions")
    assert [link.url for link in status.links] == ["#"]


def test_seed_hard_line_breaks_and_nested_levels() -> None:
    deck = parse_markdown(SEED)
    blocks = [b for s in deck.slides for b in s.blocks]
    title = next(b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("Building"))
    assert title.text == "Building\nFuture\nForesight\nCapability"
    nested = next(
        b for b in blocks if isinstance(b, ListItem) and b.text.startswith("This Thematic")
    )
    assert nested.level == 2 and nested.location.number == 49
    assert "8th Annual Meeting" in nested.text


def test_markdown_html_table_with_spans_and_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "deck.md", (
        "# Title\n\n"
        "<table>\n"
        "<tr><th>Working Groups</th><th colspan=\"2\">Leader</th></tr>\n"
        "<tr><td rowspan=\"2\"><b>WG1 - A</b></td><td>Jane<br>Doe</td><td>x</td></tr>\n"
        "</table>\n"
    ))  # fmt: skip
    table = parse_markdown(path).slides[0].blocks[0]
    assert isinstance(table, Table)
    assert [r.location.number for r in table.rows] == [4, 5]
    assert table.rows[0].cells[1].col_span == 2
    assert table.rows[1].cells[0].row_span == 2
    assert table.rows[1].cells[1].text == "Jane\nDoe"


def test_markdown_pipe_table_and_links(tmp_path: Path) -> None:
    path = write(tmp_path, "deck.md", (
        "# Title\n\n| WG | Status |\n|---|---|\n| **WG2 - B** | Completed [Report](https://x.org/r) |\n"
    ))  # fmt: skip
    table = parse_markdown(path).slides[0].blocks[0]
    assert isinstance(table, Table)
    assert table.rows[1].cells[0].content.bold
    assert table.rows[1].cells[1].content.links[0].url == "https://x.org/r"


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "deck.md", b"# Caf\xe9 plan\n\nText\n")
    deck = parse_markdown(path)
    assert deck.slides[0].title.text == "Caf\ufffd plan"
    assert len(deck.warnings) == 1 and "not valid UTF-8" in deck.warnings[0]


def test_empty_and_binary_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        parse_file(write(tmp_path, "empty.md", ""))
    with pytest.raises(InputError, match="binary"):
        parse_file(write(tmp_path, "zero.html", b"\x00\x01\x02abc"))
    with pytest.raises(InputError, match="ZIP|PPTX|zip"):
        parse_file(write(tmp_path, "deck.html", b"PK\x03\x04rest"))


def test_html_sections_lists_and_bold_by_style(tmp_path: Path) -> None:
    path = write(tmp_path, "deck.html", (
        "<html><body><section><h1>Ongoing Thematic Groups</h1>"
        "<ul><li><span style=\"font-weight: 700\">Smart Water</span></li>"
        "<li>Leader: Jane Doe (ITU)<ul><li>Timeline: 2025</li></ul></li></ul>"
        "<div>Loose <em>inline</em> text<p>and a paragraph</p></div>"
        "<script>ignored()</script></section></body></html>"
    ))  # fmt: skip
    deck = parse_html(path)
    slide = deck.slides[0]
    assert slide.title.text == "Ongoing Thematic Groups"
    kinds = [(type(b).__name__, getattr(b, "level", None), b.text) for b in slide.blocks]
    assert kinds == [
        ("ListItem", 0, "Smart Water"),
        ("ListItem", 0, "Leader: Jane Doe (ITU)"),
        ("ListItem", 1, "Timeline: 2025"),
        ("Paragraph", None, "Loose inline text"),
        ("Paragraph", None, "and a paragraph"),
    ]
    assert slide.blocks[0].content.bold and not slide.blocks[1].content.bold
    assert all(b.location.kind == "line" for b in slide.blocks)


def test_html_heading_followed_by_rule_opens_a_slide(tmp_path: Path) -> None:
    path = write(tmp_path, "deck.html", "<h2>First</h2><hr><p>a</p><h2>Second</h2><hr><p>b</p>")
    deck = parse_html(path)
    assert [(s.title.text, [b.text for b in s.blocks]) for s in deck.slides] == [
        ("First", ["a"]),
        ("Second", ["b"]),
    ]


def test_html_rendition_of_the_seed_has_the_same_blocks_as_the_markdown() -> None:
    def shape(deck):
        out = []
        for slide in deck.slides:
            for block in ([slide.title] if slide.title else []) + slide.blocks:
                if isinstance(block, Table):
                    out.append(
                        (
                            "table",
                            [[c.text.replace("\n", " ") for c in r.cells] for r in block.rows],
                        )
                    )
                elif isinstance(block, Heading):
                    out.append(("heading", block.text))
                else:
                    out.append((type(block).__name__, block.text))
        return out

    markdown = shape(parse_markdown(SEED))
    html = shape(parse_html(SEED.with_suffix(".html")))
    assert html == markdown
