"""PDF slide decks and reports into a Deck: one Slide per page, located as "page N".

Each page is read once: its characters become segments and paragraphs (pdf_text), tables are
found from their ruling lines, from aligned text (pdf_tables) or between horizontal rules
(pdf_rules), and everything is put in reading order from the layout (reading_order). Running
headers and footers and page numbers (parsers.furniture) are left out. A page's title is the
largest text on the page when it opens the page (only labels above it: a running header, a
date or an organisation's name), starts in its top half and is larger than the body text;
otherwise the page has no title and its headings stay where they are, as in a report whose
page breaks fall anywhere. Bullet levels come from the bullets' indents within their column;
links come from link annotations. Every block carries its box and every slide its page size
(parsers.deck).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parsers.continued import merge_continued_tables
from parsers.deck import Block, Box, Deck, Heading, Location, Slide, Table
from parsers.errors import InputError
from parsers.furniture import EDGE, Placed, furniture
from parsers.hyphens import LINE_BREAK, settle_hyphens
from parsers.pdf_links import page_links
from parsers.pdf_open import MAX_PAGES, open_pdf, read_pages
from parsers.pdf_tables import FoundTable, aligned_tables, rule_tables, ruled_tables
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
ONE_LINE = 1.6  # a paragraph no taller than this many font sizes is one line


@dataclass
class PageText:
    """A page read in order: its paragraphs and tables, and what there is on it."""

    location: Location
    items: list[StyledParagraph | Table]
    chars: int
    images: int
    size: tuple[float, float]


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
    body = body_size(i for page in pages for i in page.items if isinstance(i, StyledParagraph))
    _drop_furniture(pages, body)
    slides = _to_slides(pages, body)
    merge_continued_tables(slides, LINE_BREAK)
    deck = Deck(slides, describe_source(path, "pdf"), warnings)
    settle_hyphens(deck)
    return deck


def read_page(page, location: Location) -> PageText:
    """One page's paragraphs and tables in reading order."""
    chars = text_chars(page.chars)
    links = page_links(page, chars)
    tables = ruled_tables(page, chars, links, location) if chars else []
    free = [c for c in chars if not any(inside(t.bbox, c) for t in tables)]
    found = segments(free)
    tables += aligned_tables(found, links, location)
    free = [c for c in free if not any(inside(t.bbox, c) for t in tables)]
    tables += rule_tables(page, free, links, location, [t.bbox for t in tables])
    found = [s for s in found if not any(inside(t.bbox, s.chars[0]) for t in tables)]
    blocks: list[TextBlock | FoundTable] = [*paragraphs(found), *tables]
    regions = reading_order(blocks, _bbox)
    items = [item for region in regions for item in _region_items(region, links, location)]
    size = (round(float(page.width), 2), round(float(page.height), 2))
    return PageText(location, items, len(page.chars), len(page.images), size)


def _bbox(item: TextBlock | FoundTable) -> tuple[float, float, float, float]:
    return item.bbox


def _region_items(region, links, location: Location) -> list[StyledParagraph | Table]:
    """Each block of one column as what it reads as: a styled paragraph or a table."""
    levels = _levels(sorted({round(b.bullet["x0"]) for b in region if _bulleted(b)}))
    items: list[StyledParagraph | Table] = []
    for block in region:
        if isinstance(block, FoundTable):
            items.append(block.table)
            continue
        level = levels[round(block.bullet["x0"])] if _bulleted(block) else None
        content = rich_from_runs(runs(block.lines, links))
        items.append(StyledParagraph(content, block.size, location, level, Box(*block.bbox)))
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


def _drop_furniture(pages: list[PageText], body: float) -> None:
    """Leave out running headers, footers and page numbers: text at the top or bottom edge that
    is a page number, or that is set no larger than the body text and repeats on most pages."""
    candidates = [
        [
            (index, Placed(item.content.text, item.box, _small(item, body)))
            for index, item in enumerate(page.items)
            if isinstance(item, StyledParagraph)
        ]
        for page in pages
    ]
    found = furniture([[p for _, p in c] for c in candidates], [page.size[1] for page in pages])
    for page, pairs, indexes in zip(pages, candidates, found, strict=True):
        dropped = {pairs[i][0] for i in indexes}
        page.items = [item for index, item in enumerate(page.items) if index not in dropped]


def _small(item: StyledParagraph | Table, body: float) -> bool:
    """Whether an item is a paragraph set no larger than the body text."""
    return isinstance(item, StyledParagraph) and item.size < body * HEADING_RATIO


def _title_candidate(page: PageText, body: float) -> StyledParagraph | None:
    """The topmost paragraph in the largest size, if it starts the page in its top half.

    Only labels may be read before it: small text along the top edge (a running header) and
    one-line headings (a date, an organisation's name over the title). Running text read before
    it means the page does not start with it: its headings then stay where they are.
    """
    read = [item for item in page.items if isinstance(item, StyledParagraph)]
    if not read:
        return None
    largest = max(item.size for item in read)
    item = min((i for i in read if i.size == largest), key=lambda i: i.box.top)
    if item.box.top > page.size[1] * TITLE_ZONE:
        return None
    before = page.items[: next(n for n, i in enumerate(page.items) if i is item)]
    return item if all(_label(i, page, body) for i in before) else None


def _label(item: StyledParagraph | Table, page: PageText, body: float) -> bool:
    """Small text along the top edge, or a one-line heading: what may sit over a title."""
    if not isinstance(item, StyledParagraph) or item.bullet_level is not None:
        return False
    if _small(item, body):
        return item.box.bottom <= page.size[1] * EDGE
    return item.box.height <= ONE_LINE * item.size


def _to_slides(pages: list[PageText], first_body: float) -> list[Slide]:
    candidates = [_title_candidate(page, first_body) for page in pages]
    paragraphs_all = [
        item
        for page, candidate in zip(pages, candidates, strict=True)
        for item in page.items
        if isinstance(item, StyledParagraph) and item is not candidate
    ]
    body = body_size(paragraphs_all)
    levels = heading_levels(paragraphs_all, body)
    slides = []
    for page, candidate in zip(pages, candidates, strict=True):
        title = candidate if candidate and candidate.size >= body * HEADING_RATIO else None
        rest = [i for i in page.items if i is not title]
        blocks: list[Block] = [
            i if isinstance(i, Table) else to_block(i, body, levels) for i in rest
        ]
        heading = Heading(title.content, 1, title.location, title.box) if title else None
        slides.append(Slide(heading, blocks, page.location, page.size))
    return slides
