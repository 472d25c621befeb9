"""The edition's identity: its title, its period, and an id no other edition can take."""

from __future__ import annotations

import re
from pathlib import Path

from extractor.model.plan import Edition, EditionSource
from extractor.recognise.drafts import EditionDraft
from extractor.recognise.headings import period_in
from extractor.recognise.records import Normalizer
from normalizers.text import slugify, squash_spaces
from parsers.deck import Source

NO_PERIOD = (
    "no period (such as 2024-2025) found in the title, the first slides or the file name; "
    "the edition id ends with a digest of the file so that it cannot replace another edition"
)
DIGEST = 8
DIGIT_UNDERSCORE = re.compile(r"(?<=\d)_(?=\d)")  # "plan_2024_25": the years are 2024-25


def edition_of(
    draft: EditionDraft, source: Source, normalizer: Normalizer, text_used: float
) -> Edition:
    """The edition as read, its period taken from the file name when the deck gives none."""
    stem = Path(source.path).stem
    period = draft.period or period_in(DIGIT_UNDERSCORE.sub("-", stem).replace("_", " "))
    title = draft.title or _title_from(stem, period.raw if period else None)
    slug = slugify(f"{title} {period.raw}" if period else title)
    if period is None:
        normalizer.warn(NO_PERIOD, title, None)
        slug = f"{slug or 'edition'}-{source.sha256[:DIGEST]}"
    elif not slugify(title):
        slug = f"edition-{slug}" if slug else f"edition-{source.sha256[:DIGEST]}"
    return Edition(
        id=slug,
        title=title,
        period=period,
        source=EditionSource(source.path, source.sha256, source.format, text_used),
    )


def _title_from(stem: str, period: str | None) -> str:
    """A title made of a file name: "action_plan-2024-2025" -> "action plan"."""
    if period:
        stem = stem.replace(period, " ")
    title = squash_spaces(re.sub(r"[-_.]+", " ", stem))
    return title or stem or "Action plan"
