"""Lines of text: facts, objectives, deliverables, contacts, and names of groups in bold."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from extractor.model.plan import Deliverable, DeliverableStatus, Objective
from extractor.recognise.text import (
    EMAIL,
    OBJECTIVE_LABEL,
    URL,
    split_dash_label,
    split_label,
    strip_symbols,
)
from normalizers.text import squash_spaces
from parsers.deck import Link, ListItem, Location, Paragraph, RichText

if TYPE_CHECKING:
    from extractor.recognise.reader import DeckReader


MAX_LABEL = 40  # a longer line is not a label standing alone
MAX_NAME = 120  # a longer line, or one ending a sentence, does not name a group


class LineRules:
    """What a paragraph or list item means, from its shape and the section it is in."""

    def read_line(self: DeckReader, block: Paragraph | ListItem) -> bool:
        """Read a paragraph or list item; whether it was put to use."""
        block = self._run_in_facts(block)
        parts = self._fact_lines(block)
        if len(parts) > 1:
            return all([self.read_line(part) for part in parts])
        text = squash_spaces(block.text.replace("\n", " "))
        level = block.level if isinstance(block, ListItem) else None
        links = block.content.links
        if self.fact_line(text, block.location, level, links) or self.continue_fact(level, text):
            return True
        if self.bare_label(text, block.location, level) or self.value_line(text):
            return True
        if self.edition_period(text) or self.approval(text) or self._names_current(block, text):
            return True
        if self.p.sections["contact"].search(text):
            self.close_working_group()
            self.mode = "contact"
            self._contact(text, block)
            return True
        if self._sub_heading(block, text) and self.section_title(text):
            return True  # a line used as a sub-heading: "Suggested Scope"
        if self.working_group_line(block, text) or self.page_number(text, block.location):
            return True
        handler = {
            "proposed": self._proposed_line,
            "objectives": self._objective_line,
            "deliverables": self._deliverable_line,
            "contact": self._contact_line,
        }.get(self.mode or "", self._loose_line)
        return handler(block, text)

    def _run_in_facts(self: DeckReader, block: Paragraph | ListItem) -> Paragraph | ListItem:
        """ "**Leader** Jane Roe" read as "Leader: Jane Roe" where the bold words name a fact."""
        labels = [label for label in block.content.labels if self.fact_name(label)]
        if not labels:
            return block
        text, cursor, out = block.text, 0, []
        for label in labels:
            found = re.compile(rf"(?:^|(?<=\s)){re.escape(label)}(?=\s)").search(text, cursor)
            if found is None:
                continue
            separated = text[found.end() :].lstrip(" ").startswith((":", "-", "–", "—"))
            out.append(text[cursor : found.end()] + ("" if separated else ":"))
            cursor = found.end()
        out.append(text[cursor:])
        return replace(block, content=replace(block.content, text="".join(out), labels=[]))

    def _names_current(self: DeckReader, block: Paragraph | ListItem, text: str) -> bool:
        """A line that only names the group being read (a small header over each of its
        slides): it places what follows, which stays where it is."""
        draft = self.current
        return isinstance(block, Paragraph) and draft is not None and draft is self.find_group(text)

    def _fact_lines(self: DeckReader, block: Paragraph | ListItem) -> list[Paragraph | ListItem]:
        """A block holding two or more "Label: value" facts, one block per fact: lines of a
        text box, or lines a PDF joined into one paragraph."""
        text = block.text
        if self.p.sections["working_group_heading"].match(text):
            return [block]  # "WG1: Title - Leader: X - Status: Y" is read as one working group
        deliverables = [found.start() for found in self.deliverable_label.finditer(text)]
        found = [f.start() for f in self.label_pattern.finditer(text)] + deliverables
        starts = sorted({at for at in found if at == 0 or text[at].isupper()})
        if len(starts) < 2 and not (starts and starts[0] > 0 and deliverables):
            return [block]  # one label: only "Deliverable: X" is cut from the line before it
        cuts = ([0] if starts[0] else []) + starts + [len(text)]
        parts = [squash_spaces(text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]
        links = block.content.links
        return [
            replace(
                block,
                content=RichText(part, block.content.bold, [x for x in links if x.text in part]),
            )
            for part in parts
            if part
        ]

    @cached_property
    def deliverable_label(self: DeckReader) -> re.Pattern[str]:
        """Where a "Deliverable:" label starts after a space: a line of its own that a PDF
        joined to the bold line above it ("Suggested Scope Deliverable: A guide")."""
        patterns = self.p.sections["deliverable_prefixes"].patterns
        colons = "|".join(p.pattern for p in patterns if p.pattern.endswith(":"))
        return re.compile(rf"(?<=\s)(?:{colons})" if colons else r"(?!)", re.I)

    @cached_property
    def label_pattern(self: DeckReader) -> re.Pattern[str]:
        """Where a fact's label starts a line or follows a space: "... Timeline: 2025"."""
        phrases = sorted(
            {p for s in self.p.facts.values() for p in s.phrases}, key=len, reverse=True
        )
        alternatives = "|".join(re.escape(p) for p in phrases)
        return re.compile(rf"(?:^|(?<=\s))(?:{alternatives})\s*:", re.I)

    def _sub_heading(self: DeckReader, block: Paragraph | ListItem, text: str) -> bool:
        """A bold line, or a short one that no list item holds, may be a section's title
        ("Suggested Scope", "Primary Objective:"); one with a labelled value may not."""
        short = len(text) <= MAX_LABEL and not isinstance(block, ListItem)
        labelled = split_label(text)
        return (block.content.bold or short) and not (labelled and labelled[1])

    def fact_name(self: DeckReader, label: str) -> str | None:
        """The field a label names ("Co-leads" -> "co-leader"), or None."""
        return next((f for f, phrases in self.p.facts.items() if phrases.equals(label)), None)

    def fact_line(
        self: DeckReader, text: str, location: Location, level: int | None, links: list[Link]
    ) -> bool:
        """A "Label: value" (or "Label - value") line whose label names a fact."""
        name, labelled = None, None
        for split in (split_label, split_dash_label):
            labelled = split(text)
            name = self.fact_name(labelled[0]) if labelled else None
            if name is not None:
                break
        if name is None or labelled is None:
            return False
        self.take_fact(name, labelled[1], location, level, links)
        return True

    def bare_label(self: DeckReader, text: str, location: Location, level: int | None) -> bool:
        """A fact's label on a line of its own ("Leader", "Leaders -"): its value is the next
        line or the items nested under it."""
        text = text.rstrip(" -\u2013\u2014")
        name = self.fact_name(text)
        section = self.mode != "facts" and self.section_title_like(text)
        if name is None or len(text) > MAX_LABEL or section:
            return False
        self.take_fact(name, "", location, level)
        return True

    def _loose_line(self: DeckReader, block: Paragraph | ListItem, text: str) -> bool:
        if self.deliverable_prefix(text, block.location):
            return True
        if block.content.bold and not split_label(text):
            self._candidate((strip_symbols(text), block.location))
            self.mode = None
            return True
        if self._contact(text, block):
            return True
        self.n.warn("text not understood", text, block.location)
        if len(text) <= MAX_NAME and not text.endswith("."):
            self.loose = (self.index, text, block.location, self.n.warnings[-1])
        return False

    def _proposed_line(self: DeckReader, block: Paragraph | ListItem, text: str) -> bool:
        self.n.warn("text before any proposed working group", text, block.location)
        return False

    def _objective_line(self: DeckReader, block: Paragraph | ListItem, text: str) -> bool:
        if self.deliverable_prefix(text, block.location):
            return True
        draft = self.current
        if draft is None:
            self.n.warn("objective before any thematic group", text, block.location)
            return False
        if block.content.bold and text.endswith(":") and not isinstance(block, ListItem):
            draft.group.objectives_intro = strip_symbols(text)  # "Working Group X would:"
            return True
        labelled = OBJECTIVE_LABEL.match(text)
        objective = Objective(text, self.objective_kind)
        if labelled:
            objective = Objective(labelled["text"], self.objective_kind, labelled["label"])
        draft.group.objectives.append(objective)
        return True

    def _deliverable_line(self: DeckReader, block: Paragraph | ListItem, text: str) -> bool:
        if self.deliverable_prefix(text, block.location):
            return True
        return self._add_deliverable(text, block.location)

    def deliverable_prefix(self: DeckReader, text: str, location: Location) -> bool:
        """ "Deliverable: A guide to ..." names a deliverable of the open group or proposal."""
        found = self.p.sections["deliverable_prefixes"].match(text)
        if not found:
            return False
        return self._add_deliverable(text[found.end() :], location)

    def _add_deliverable(self: DeckReader, title: str, location: Location) -> bool:
        title = title.strip(" :")
        title = (title[:-1] if title.endswith(".") else title).strip()
        title = title[:1].upper() + title[1:]
        deliverable = Deliverable(
            title=title, url=None, status=DeliverableStatus.PLANNED, is_new=False
        )
        if self.working is not None:
            self.working.wg.deliverables.append(deliverable)
        elif self.current is not None:
            self.current.group.deliverables.append(deliverable)
        else:
            self.n.warn("deliverable before any thematic group", title, location)
            return False
        return True

    def _contact_line(self: DeckReader, block: Paragraph | ListItem, text: str) -> bool:
        if self._contact(text, block) or text.endswith(":"):
            return True
        self.n.warn("contact text not understood", text, block.location)
        return False

    def _contact(self: DeckReader, text: str, block: Paragraph | ListItem) -> bool:
        emails = EMAIL.findall(text)
        urls = [u for u in URL.findall(text) if not any(u in e for e in emails)]
        urls += [
            link.url
            for link in block.content.links
            if link.url.lower().startswith(("http://", "https://"))
        ]
        for email in emails:
            _add_unique(self.contacts.emails, email)
        for url in urls:
            _add_unique(self.contacts.websites, url)
        return bool(emails or urls) or (self.mode == "contact" and text.endswith(":"))


def _add_unique(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)
