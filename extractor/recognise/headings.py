"""Headings: the edition's title, stage titles, group references, sections, group names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractor.model.plan import YearSpan
from extractor.profile.phrases import clean
from extractor.recognise.text import (
    BARE_NUMBER,
    EMAIL,
    SYMBOLS,
    URL,
    heading_text,
    split_label,
    strip_symbols,
)
from normalizers.text import squash_spaces
from normalizers.years import parse_years
from parsers.deck import Heading, Location

if TYPE_CHECKING:
    from extractor.recognise.reader import DeckReader

YEAR_SPAN = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?\b")
# Section titles whose content belongs to the group being read, by the mode they set.
SECTION_MODES = (
    ("primary_objectives", "objectives", "primary"),
    ("secondary_objectives", "objectives", "secondary"),
    ("objectives", "objectives", None),
    ("scope", "objectives", None),
    ("deliverables", "deliverables", None),
    ("contact", "contact", None),
)


def period_in(text: str) -> YearSpan | None:
    """The first year or span of years written in a text."""
    found = YEAR_SPAN.search(clean(text))
    return parse_years(found.group(0)) if found else None


class HeadingRules:
    """What a heading means, tried in order; the first rule that takes it wins."""

    def read_heading(self: DeckReader, heading: Heading) -> bool:
        """Read a heading; whether it was put to use."""
        text = heading_text(heading.text)
        if not text:
            return True
        if EMAIL.search(text) or URL.search(text):
            return self.read_line(heading)  # "Please contact: ...": an address, not a title
        if self.page_number(text, heading.location):
            return True
        rules = (
            lambda text, _: self._fact_heading(heading, text),
            self._edition_title,
            lambda text, _: self.edition_period(text),
            self._stage_title,
            self._group_reference,
            self._approval_title,
            self.working_group_heading,
            self.section_title,
            self.working_group_title,
        )
        if any(rule(text, heading.location) for rule in rules):
            return True
        if self.mode == "objectives" and heading.text.rstrip().endswith(":") and self.current:
            self.current.group.objectives_intro = strip_symbols(heading.text)
            return True
        known = self.find_group(text) or self.find_group(self.without_column_words(text))
        if known is not None:  # a title naming a group read before: "X: Working Groups"
            self.reset_context(known.group.name, heading.location)
            return True
        self._candidate((text, heading.location))
        self.mode = None
        return True

    def _edition_title(self: DeckReader, text: str, location: Location) -> bool:
        if self.edition.title or self.drafts or not self.p.edition_title.contained(text):
            return False
        period = period_in(text)
        if period is not None:
            self.edition.period = period
            text = squash_spaces(clean(text).replace(period.raw, "")).strip(SYMBOLS)
        self.edition.title = text
        return True

    def _stage_title(self: DeckReader, text: str, location: Location) -> bool:
        stage = next((s for s, patterns in self.p.stages.items() if patterns.search(text)), None)
        if stage is None:
            return False
        if stage != self.stage and self.approved_at != self.index - 1:
            self.approved = None  # unless "Approved" was written just over this title
        self.stage = stage
        reference = self.p.sections["group_reference"].search(text)
        self.reset_context(reference.group("name").strip(SYMBOLS) if reference else None, location)
        return True

    def _group_reference(self: DeckReader, text: str, location: Location) -> bool:
        reference = self.p.sections["group_reference"].search(text)
        if reference is None:
            return False
        self.reset_context(reference.group("name").strip(SYMBOLS), location)
        return True

    def _approval_title(self: DeckReader, text: str, location: Location) -> bool:
        return self.approval(text)

    def _fact_heading(self: DeckReader, heading: Heading, text: str) -> bool:
        """ "Leader: X" or "Deliverable: X" set larger than the deck's body text (a slide less
        crowded than the rest, its text not shrunk to fit) is a line all the same."""
        labelled = split_label(text)
        if labelled is None or not labelled[1]:
            return False
        deliverable = self.p.sections["deliverable_prefixes"].match(text)
        lines = len(self._fact_lines(heading)) > 1  # "Suggested Scope Deliverable: X" joined
        if not (deliverable or lines) and self.fact_name(labelled[0]) in (None, "group_name"):
            return False
        self.read_line(heading)
        return True

    def section_title(self: DeckReader, text: str, location: Location | None = None) -> bool:
        """A section of the group being read: objectives, deliverables, working groups..."""
        sections = self.p.sections
        if sections["proposed_working_groups"].search(text):
            self.close_working_group()
            self.mode, self.proposed_label = "proposed", text
            self._candidate(None)
            return True
        if self.working is not None and sections["scope"].search(text):
            return True  # "Suggested scope" of a proposed working group: its lines follow
        if sections["working_groups"].search(text):
            self.close_working_group()
            self.mode = "working_groups"
            self._candidate(None)
            return True
        for key, mode, kind in SECTION_MODES:
            if sections[key].search(text):
                self.close_working_group()
                self.mode, self.objective_kind = mode, kind
                return True
        return False

    def section_title_like(self: DeckReader, text: str) -> bool:
        """Whether a text names a section ("Scope", "Objectives") rather than a fact."""
        sections = self.p.sections
        return any(sections[key].search(text) for key, _, _ in SECTION_MODES)

    def page_number(self: DeckReader, text: str, location: Location) -> bool:
        """A bare number near the slide's or page's own: its number, set as text (slides
        hidden from an export shift it by one or two)."""
        if not BARE_NUMBER.match(text) or location.kind == "line" or self.working is not None:
            return False
        return abs(int(text) - location.number) <= PAGE_SHIFT

    def approval(self: DeckReader, text: str) -> bool:
        """A line or heading that only says the groups that follow are approved."""
        if not self.p.approved.equals(text):
            return False
        self.approved, self.approved_at = True, self.index
        return True

    def edition_period(self: DeckReader, text: str) -> bool:
        """A year span on the first slides, before any group: the edition's period."""
        whole = parse_years(clean(text))
        if whole is not None and self.edition.period and whole.raw == self.edition.period.raw:
            return not self.drafts  # the period written again on the title slide
        if self.edition.period or self.drafts or self.current is not None:
            return False
        span = whole or (period_in(text) if len(text) <= PERIOD_LINE else None)
        if span is None or not (whole or span.start_year != span.end_year):
            return False
        self.edition.period = span
        return True


PAGE_SHIFT = 2
PERIOD_LINE = 80  # a longer line is running text, not a subtitle giving the period
