"""What the renditions of a Deck share: link pieces, meetings on lines, slide sections."""

from __future__ import annotations

import re

from parsers.deck import Block, Heading, Paragraph, RichText, Slide, Table

MEETING_START = re.compile(r"\s(?=\d{1,2} [A-Z][a-z]+ \d{4},)")
NUMBER = re.compile(r"^\d{1,2}$")


def meetings_on_lines(content: RichText) -> RichText:
    """A cell with one meeting per line, as the decks show them."""
    return RichText(MEETING_START.sub("\n", content.text), content.bold, content.links)


def link_pieces(content: RichText) -> list[tuple[str, str | None]]:
    """The text cut into plain pieces and link pieces (with their targets), in order."""
    pieces: list[tuple[str, str | None]] = []
    rest = content.text
    for link in content.links:
        at = rest.find(link.text)
        if at < 0:
            continue
        pieces += [(rest[:at], None), (link.text, link.url)]
        rest = rest[at + len(link.text) :]
    pieces.append((rest, None))
    return [(text, url) for text, url in pieces if text]


def is_number(block: Block) -> bool:
    """A paragraph that is only a working-group number, shown in a circle."""
    return isinstance(block, Paragraph) and bool(NUMBER.match(block.text))


def is_boxed_title(block: Block) -> bool:
    """A paragraph broken over lines, shown in a box."""
    return isinstance(block, Paragraph) and "\n" in block.text


def sections(blocks: list[Block]) -> list[list[Block]]:
    """Split at each top heading level: one column per working group."""
    top = min((b.level for b in blocks if isinstance(b, Heading)), default=2)
    parts: list[list[Block]] = []
    for block in blocks:
        if not parts or (isinstance(block, Heading) and block.level == top):
            parts.append([])
        parts[-1].append(block)
    return parts


def slide_kind(slide: Slide, index: int) -> str:
    """How a slide is laid out: title, table, columns or body."""
    if index == 0:
        return "title"
    if any(isinstance(b, Table) for b in slide.blocks):
        return "table"
    shaped = any(is_number(b) or is_boxed_title(b) for b in slide.blocks)
    return "columns" if shaped or len(sections(slide.blocks)) > 1 else "body"
