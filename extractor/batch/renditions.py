"""Renditions of one edition in a run: which one the edition folder and the store keep.

The best rendition wins whatever the input order: the reading that inputs of the most formats
agree on (a markdown, a web page and a PDF that give one plan outvote a PDF whose narrow
cells were misread into extra "facts"), then the most facts, then the fewest warnings, then
the text formats before the slide formats, then the input path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.batch.manifest import Entry
from extractor.model.dump import without_sources
from extractor.model.plan import Plan
from parsers.detect import EXTENSIONS

FORMATS = list(dict.fromkeys(EXTENSIONS.values()))  # markdown, html, pptx, pdf


def fact_count(data: Any) -> int:
    """The values a plan holds (names, dates, statuses, leaders...): its warnings aside.

    data is the plan as plan.json holds it, with or without its source fields.
    """
    if isinstance(data, dict):
        data = {k: v for k, v in without_sources(data).items() if k != "warnings"}
    return _leaves(data)


def folder_facts(folder: Path) -> int | None:
    """The facts of the plan.json in an edition folder; None without a readable one."""
    try:
        return fact_count(json.loads((folder / "plan.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


@dataclass(kw_only=True, eq=False)
class Rendition:
    """An input whose plan went into a folder of its edition, with the inputs of equal content."""

    entry: Entry
    facts: int
    copies: list[Entry] = field(default_factory=list)
    # the plan, kept only where no plan.json can give it back (a run without the json format)
    plan: Plan | None = None

    @property
    def formats(self) -> int:
        """How many formats give this reading (copies of one file in one format count once)."""
        return len({entry.format for entry in self.entries()})

    @property
    def key(self) -> tuple[int, int, int, int, str]:
        """Sort key of the renditions of one edition: the best first."""
        first = min(rank(entry) for entry in self.entries())
        return (-self.formats, -self.facts, self.entry.warnings, *first)

    def beats(self, other: Rendition) -> bool:
        """Whether this rendition should take the edition folder and the store from other."""
        return self.key < other.key

    def entries(self) -> list[Entry]:
        """This rendition's entry and those of its copies."""
        return [self.entry, *self.copies]


def rank(entry: Entry) -> tuple[int, str]:
    """Order of the inputs of one content: text formats before slide formats, then the path."""
    fmt = entry.format
    return (FORMATS.index(fmt) if fmt in FORMATS else len(FORMATS), entry.input)


def reason(best: Rendition, other: Rendition) -> str:
    """Why best is kept over other, in a few words."""
    if best.formats != other.formats:
        return f"read alike from more formats ({best.formats} against {other.formats})"
    if best.facts != other.facts:
        return f"more facts ({best.facts} against {other.facts})"
    if best.entry.warnings != other.entry.warnings:
        return f"fewer warnings ({best.entry.warnings} against {other.entry.warnings})"
    return "as many facts and warnings; first by format and name"


def _leaves(data: Any) -> int:
    if isinstance(data, dict):
        return sum(_leaves(v) for v in data.values())
    if isinstance(data, list | tuple):
        return sum(_leaves(v) for v in data)
    return 0 if data is None or data == "" else 1
