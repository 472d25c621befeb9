"""Headings, paragraphs and list items from text that carries only its font size and bullets.

Slides and PDF pages have no heading markup: a heading is a paragraph without a bullet set in
a font clearly larger than the deck's body text. The body size is the size most of the deck's
running text is set in; heading levels follow the sizes, the largest first, and at one size a
bold heading ranks above a regular one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from parsers.deck import Block, Box, Heading, ListItem, Location, Paragraph, RichText

HEADING_RATIO = 1.1
FIRST_LEVEL = 2  # level 1 is the slide title
DEFAULT_BODY_SIZE = 18.0


@dataclass
class StyledParagraph:
    """A paragraph as laid out: its text, font size in points, bullet level if any, and box."""

    content: RichText
    size: float
    location: Location
    bullet_level: int | None = None
    box: Box | None = None


def body_size(paragraphs: Iterable[StyledParagraph]) -> float:
    """The font size that most characters of running text are set in."""
    weights: Counter[float] = Counter()
    for paragraph in paragraphs:
        weights[round(paragraph.size * 2) / 2] += len(paragraph.content.text)
    return weights.most_common(1)[0][0] if weights else DEFAULT_BODY_SIZE


def heading_levels(paragraphs: Iterable[StyledParagraph], body: float) -> dict[tuple, int]:
    """Heading level by (size, bold): every size clearly above the body size, largest first."""
    styles = {_style(p) for p in paragraphs if _is_heading(p, body)}
    return {style: FIRST_LEVEL + rank for rank, style in enumerate(sorted(styles, reverse=True))}


def to_block(paragraph: StyledParagraph, body: float, levels: dict[tuple, int]) -> Block:
    """One styled paragraph as a Heading, ListItem or Paragraph."""
    if paragraph.bullet_level is not None:
        return ListItem(
            paragraph.content, paragraph.bullet_level, paragraph.location, paragraph.box
        )
    if _is_heading(paragraph, body):
        level = levels.get(_style(paragraph), FIRST_LEVEL)
        return Heading(paragraph.content, level, paragraph.location, paragraph.box)
    return Paragraph(paragraph.content, paragraph.location, paragraph.box)


def _style(paragraph: StyledParagraph) -> tuple[float, bool]:
    return (round(paragraph.size * 2) / 2, paragraph.content.bold)


def _is_heading(paragraph: StyledParagraph, body: float) -> bool:
    return paragraph.bullet_level is None and paragraph.size >= body * HEADING_RATIO
