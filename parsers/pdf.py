"""PDF slide decks into a Deck: one Slide per page, located as "page N".

Each page is read once: its characters become segments and paragraphs (pdf_text), tables are
found with or without ruling lines (pdf_tables), and everything is put in reading order from
the layout (reading_order). The title is the largest text in the top half of the page; bullet
levels come from the bullets' indents within their column; links come from link annotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parsers.continued import merge_continued_tables
from parsers.deck import Block, Deck, Heading, Location, Slide, Table
from parsers.errors import InputError
from parsers.pdf_links import page_links
from parsers.pdf_open import MAX_PAGES, open_pdf, read_pages
from parsers.pdf_tables import FoundTable, aligned_tables, ruled_tables
from parsers.pdf_text import (
    TextBlock,
    inside,
    paragraphs,
    runs,
    segments,
    text_chars,
)
from parsers.reading_order import reading_order
from parsers.runs import rich_from_runs
from parsers.source import describe_source
from parsers.styles import HEADING_RATIO, StyledParagraph, body_size, heading_levels, to_block

TITLE_ZONE = 0.5  # the title starts in the top half of the page
LEVEL_ALIGN = 3.0  # points: bullets indented alike are at one level


@dataclass
class PageText:
    """A page read in order: paragraphs and tables, and the paragraph that may be its title."""

    location: Location
    items: list[StyledParagraph | Table]
    title: StyledParagraph | None
    chars: int
    images: int


def parse_pdf(path: Path, password: str | None = None, max_pages: int = MAX_PAGES) -> Deck:
    """Read a PDF deck into a Deck, one slide per page."""
    with open_pdf(path, password) as pdf:
        pages, warnings = read_pages(path, pdf, read_page, max_pages)
    if not any(page.chars for page in pages):
        if any(page.images for page in pages):
            reason = "no text layer (scanned or image-only pages); run OCR on it, e.g. ocrmypdf"
        else:
            reason = "no readable text on any page; check that the right file was exported"
        raise InputError(path, reason)
    slides = _to_slides(pages)
    merge_continued_tables(slides)
    return Deck(slides, describe_source(path, "pdf"), warnings)


def read_page(page, location: Location) -> PageText:
    """One page's paragraphs and tables in reading order, and its title candidate."""
    chars = text_chars(page.chars)
    links = page_links(page, chars)
    tables = ruled_tables(page, chars, links, location) if chars else []
    free = [c for c in chars if not any(inside(t.bbox, c) for t in tables)]
    found = segments(free)
    if not tables:
        tables = aligned_tables(found, links, location)
        found = [s for s in found if not any(inside(t.bbox, s.chars[0]) for t in tables)]
    blocks: list[TextBlock | FoundTable] = [*paragraphs(found), *tables]
    regions = reading_order(blocks, _bbox)
    read = [pair for region in regions for pair in _region_items(region, links, location)]
    title = _title_candidate([pair for pair in read if isinstance(pair[0], TextBlock)], page.height)
    items = [item for _, item in read]
    return PageText(location, items, title, len(page.chars), len(page.images))


def _bbox(item: TextBlock | FoundTable) -> tuple[float, float, float, float]:
    return item.bbox


def _region_items(region, links, location: Location) -> list[tuple[object, object]]:
    """Each block of one column with what it reads as: a styled paragraph or a table."""
    levels = _levels(sorted({round(b.bullet["x0"]) for b in region if _bulleted(b)}))
    items: list[tuple[object, object]] = []
    for block in region:
        if isinstance(block, FoundTable):
            items.append((block, block.table))
            continue
        level = levels[round(block.bullet["x0"])] if _bulleted(block) else None
        content = rich_from_runs(runs(block.lines, links))
        items.append((block, StyledParagraph(content, block.size, location, level)))
    return items


def _bulleted(block) -> bool:
    return isinstance(block, TextBlock) and block.bullet is not None


def _levels(indents: list[int]) -> dict[int, int]:
    levels: dict[int, int] = {}
    level, previous = -1, None
    for indent in indents:
        if previous is None or indent - previous > LEVEL_ALIGN:
            level += 1
        levels[indent] = level
        previous = indent
    return levels


def _title_candidate(read: list[tuple[TextBlock, StyledParagraph]], height: float):
    """The paragraph set in the largest size, if it starts in the top half of the page."""
    if not read:
        return None
    largest = max(block.size for block, _ in read)
    block, item = min(((b, i) for b, i in read if b.size == largest), key=lambda p: p[0].bbox[1])
    return item if block.bbox[1] <= height * TITLE_ZONE else None


def _to_slides(pages: list[PageText]) -> list[Slide]:
    paragraphs_all = [
        item
        for page in pages
        for item in page.items
        if isinstance(item, StyledParagraph) and item is not page.title
    ]
    body = body_size(paragraphs_all)
    levels = heading_levels(paragraphs_all, body)
    slides = []
    for page in pages:
        title = page.title if page.title and page.title.size >= body * HEADING_RATIO else None
        rest = [i for i in page.items if i is not title]
        blocks: list[Block] = [
            i if isinstance(i, Table) else to_block(i, body, levels) for i in rest
        ]
        heading = Heading(title.content, 1, title.location) if title else None
        slides.append(Slide(heading, blocks, page.location))
    return slides
