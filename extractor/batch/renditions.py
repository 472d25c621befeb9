"""Renditions of one edition in a run: which one the edition folder and the store keep.

The best rendition wins whatever the input order: the most facts, then the fewest warnings,
then the text formats before the slide formats, then the input path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.batch.manifest import Entry
from extractor.model.dump import without_sources
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

    @property
    def key(self) -> tuple[int, int, int, str]:
        """Sort key of the renditions of one edition: the best first."""
        fmt = self.entry.format
        order = FORMATS.index(fmt) if fmt in FORMATS else len(FORMATS)
        return (-self.facts, self.entry.warnings, order, self.entry.input)

    def beats(self, other: Rendition) -> bool:
        """Whether this rendition should take the edition folder and the store from other."""
        return self.key < other.key

    def entries(self) -> list[Entry]:
        """This rendition's entry and those of its copies."""
        return [self.entry, *self.copies]


def reason(best: Rendition, other: Rendition) -> str:
    """Why best is kept over other, in a few words."""
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
