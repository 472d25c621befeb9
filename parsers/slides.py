"""Grouping a flat stream of blocks into slides, for formats without real slides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from parsers.deck import Block, Heading, Location, Slide


@dataclass
class Rule:
    """A horizontal rule; it marks the heading just before it as a slide title."""

    location: Location


def split_into_slides(stream: Iterable[Block | Rule]) -> list[Slide]:
    """Start a slide at each level-1 heading and at each heading followed by a rule."""
    items = list(stream)
    slides: list[Slide] = []
    current: Slide | None = None
    for index, item in enumerate(items):
        if isinstance(item, Rule):
            continue
        following = items[index + 1] if index + 1 < len(items) else None
        if isinstance(item, Heading) and (item.level == 1 or isinstance(following, Rule)):
            current = Slide(title=item, blocks=[], location=item.location)
            slides.append(current)
            continue
        if current is None:
            current = Slide(title=None, blocks=[], location=item.location)
            slides.append(current)
        current.blocks.append(item)
    return slides
