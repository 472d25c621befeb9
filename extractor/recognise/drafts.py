"""What the reader builds while it reads: groups and working groups with their raw facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.model.plan import ThematicGroup, WorkingGroup, YearSpan
from parsers.deck import Link, Location

Facts = dict[str, tuple[list[str], Location]]


@dataclass
class FactList:
    """Raw "Label: value" facts by field, and the last one met (which nested items continue)."""

    facts: Facts = field(default_factory=dict)
    links: dict[str, list[Link]] = field(default_factory=dict)
    last_fact: tuple[str, int] | None = None

    def add(
        self, name: str, value: str, location: Location, level: int, links: list[Link] = ()
    ) -> None:
        """Record a fact; level is its list level (-1 outside lists)."""
        self.facts[name] = ([value] if value else [], location)
        self.links[name] = list(links)
        self.last_fact = (name, level)

    def continues(self, level: int) -> str | None:
        """The fact an item at this list level continues, if it is nested under one."""
        if self.last_fact is None or level <= self.last_fact[1]:
            return None
        return self.last_fact[0]


@dataclass
class WorkingGroupDraft(FactList):
    """A working group read from a list item, a heading or a tile, and its facts."""

    wg: WorkingGroup = field(kw_only=True)
    # The list level of the item that opened it; -1 when a heading, a line or a tile did.
    level: int = field(default=-1, kw_only=True)

    def holds(self, level: int | None) -> bool:
        """Whether a line at this list level (None: not a list item) belongs to it."""
        return self.level < 0 or (level is not None and level > self.level)


@dataclass
class GroupDraft(FactList):
    """A thematic group being read: its raw facts until the deck is done."""

    group: ThematicGroup = field(kw_only=True)
    working: list[WorkingGroupDraft] = field(default_factory=list, kw_only=True)


@dataclass
class EditionDraft:
    """The edition's title and period as met in the deck."""

    title: str | None = None
    period: YearSpan | None = None
