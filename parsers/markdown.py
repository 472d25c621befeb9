"""Markdown decks (with HTML or tab-separated tables) into a Deck; locations are lines."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.token import Token

from parsers.deck import Deck, Location
from parsers.html import parse_document, walk_blocks
from parsers.slides import split_into_slides
from parsers.source import describe_source, read_text

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def parse_markdown(path: Path) -> Deck:
    """Read a markdown deck into a Deck."""
    text, warnings = read_text(path)
    rendered = render_markdown(text)
    root = parse_document(rendered, path)
    blocks = walk_blocks(root, _locate)
    return Deck(split_into_slides(blocks), describe_source(path, "markdown"), warnings)


def render_markdown(text: str) -> str:
    """Render markdown to HTML whose block elements carry their source line as data-line."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    source = tab_tables_to_html(text.replace("\r\n", "\n").replace("\r", "\n"), md)
    tokens = md.parse(source)
    for token in tokens:
        _mark_line(token)
    return "<html><body>" + md.renderer.render(tokens, md.options, {}) + "</body></html>"


def _mark_line(token: Token) -> None:
    if token.map is None:
        return
    line = token.map[0] + 1
    if token.type == "html_block":
        token.content = f'<div data-line="{line}" data-raw="1">\n{token.content}</div>\n'
    elif token.nesting >= 0 and not token.attrGet("data-line"):
        token.attrSet("data-line", str(line))


def tab_tables_to_html(text: str, md: MarkdownIt) -> str:
    """Turn runs of tab-separated lines into one-line HTML tables, keeping line numbers."""
    lines = text.split("\n")
    out: list[str] = []
    index, in_fence = 0, False
    while index < len(lines):
        if FENCE.match(lines[index]):
            in_fence = not in_fence
        end = index
        while not in_fence and end < len(lines) and _is_tab_row(lines[end]):
            end += 1
        if end - index >= 2:
            out.append(_table_html(lines[index:end], index + 1, md))
            out.extend("" for _ in range(end - index - 1))
            index = end
        else:
            out.append(lines[index])
            index += 1
    return "\n".join(out)


def _is_tab_row(line: str) -> bool:
    return "\t" in line.strip() and not line.startswith(("\t", "    "))


def _table_html(rows: list[str], first_line: int, md: MarkdownIt) -> str:
    parts = ["<table>"]
    for offset, row in enumerate(rows):
        cells = "".join(f"<td>{md.renderInline(cell.strip())}</td>" for cell in row.split("\t"))
        parts.append(f'<tr data-line="{first_line + offset}">{cells}</tr>')
    parts.append("</table>")
    return "".join(parts)


def _locate(el: etree._Element) -> Location:
    """The markdown line of an element: its own mark, or its raw block's line plus offset."""
    node = el
    while node is not None:
        line = node.get("data-line")
        if line is not None:
            if node.get("data-raw") and node is not el:
                offset = (el.sourceline or 0) - (node.sourceline or 0) - 1
                return Location("line", int(line) + offset)
            return Location("line", int(line))
        node = node.getparent()
    return Location("line", 1)
