"""Reading a Deck block by block into a plan: groups, facts, tables, proposals and contacts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractor.model.plan import (
    Contacts,
    Deliverable,
    DeliverableStatus,
    Objective,
    SourceRef,
    ThematicGroup,
    WorkingGroup,
    WorkingGroupStatus,
    YearSpan,
)
from extractor.profile.phrases import clean
from extractor.recognise.records import Normalizer
from extractor.recognise.tables import (
    WORKING_GROUP,
    cell_text,
    find_header,
    read_working_group,
    table_grid,
    unknown_columns,
)
from normalizers.text import fold, slugify, squash_spaces
from normalizers.years import parse_years
from parsers.deck import Block, Deck, Heading, ListItem, Location, Paragraph, Table

SYMBOLS = " \t■▪□●•◦‣▸►–-*·:"
LABEL = re.compile(r"^(?P<label>[^:]{1,60}?)\s*:\s*(?P<value>.*)$", re.S)
OBJECTIVE_LABEL = re.compile(r"^\(?(?P<label>[a-z]|\d{1,2}|[ivx]{1,4})[).]\s+(?P<text>.+)$", re.S)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:]")
NAME_MATCH = 90


@dataclass
class GroupDraft:
    """A thematic group being read: its raw facts until the deck is done."""

    group: ThematicGroup
    facts: dict[str, tuple[list[str], Location]] = field(default_factory=dict)
    last_fact: tuple[str, int] | None = None


@dataclass
class EditionDraft:
    """The edition's title and period as met in the deck."""

    title: str | None = None
    period: YearSpan | None = None


def items(deck: Deck) -> Iterator[tuple[Block, bool]]:
    """Every block of the deck in order, with whether it is a slide title."""
    for slide in deck.slides:
        if slide.title is not None:
            yield slide.title, True
        for block in slide.blocks:
            yield block, False


def strip_symbols(text: str) -> str:
    """A heading without its bullet symbols and trailing colon."""
    return squash_spaces(text.replace("\n", " ")).strip(SYMBOLS)


class DeckReader:
    """A single pass over the blocks of a deck, keeping the context a reader would keep."""

    def __init__(self, normalizer: Normalizer) -> None:
        self.n = normalizer
        self.p = normalizer.profile
        self.drafts: list[GroupDraft] = []
        self.edition = EditionDraft()
        self.contacts = Contacts()
        self.stage: str | None = None
        self.approved: bool | None = None
        self.mode: str | None = None
        self.owner: GroupDraft | None = None
        self.name_candidate: tuple[str, Location] | None = None
        self.title_ref: tuple[str, Location] | None = None
        self.proposed: WorkingGroup | None = None
        self.proposed_label: str | None = None
        self.objective_kind: str | None = None

    @property
    def current(self) -> GroupDraft | None:
        return self.owner or (self.drafts[-1] if self.drafts else None)

    def read(self, deck: Deck) -> None:
        """Read every block of the deck."""
        for block, _ in items(deck):
            if isinstance(block, Table):
                self.read_table(block)
            elif isinstance(block, Heading):
                self.read_heading(block)
            else:
                self.read_line(block)
        self._candidate(None)

    # headings

    def read_heading(self, heading: Heading) -> None:
        text = strip_symbols(heading.text)
        if not text:
            return
        for handler in (
            self._edition_title,
            self._stage_title,
            self._group_reference,
            self._proposed_title,
            self._section_title,
            self._proposed_title_line,
        ):
            if handler(text, heading.location):
                return
        if self.mode == "objectives" and heading.text.rstrip().endswith(":"):
            if self.current:
                self.current.group.objectives_intro = text
            return
        self._candidate((text, heading.location))
        self.mode = None

    def _edition_title(self, text: str, location: Location) -> bool:
        if self.edition.title or self.drafts or not self.p.edition_title.contained(text):
            return False
        years = re.search(r"\b(19|20)\d{2}(\s*[-/]\s*(19|20)?\d{2})?\b", clean(text))
        if years and (span := parse_years(years.group(0))):
            self.edition.period = span
            text = squash_spaces(clean(text).replace(years.group(0), "")).strip(SYMBOLS)
        self.edition.title = text
        return True

    def _stage_title(self, text: str, location: Location) -> bool:
        stage = next((s for s, patterns in self.p.stages.items() if patterns.search(text)), None)
        if stage is None:
            return False
        if stage != self.stage:
            self.approved = None
        self.stage = stage
        reference = self.p.sections["group_reference"].search(text)
        self._reset_context(reference.group("name").strip(SYMBOLS) if reference else None, location)
        return True

    def _group_reference(self, text: str, location: Location) -> bool:
        reference = self.p.sections["group_reference"].search(text)
        if reference is None:
            return False
        self._reset_context(reference.group("name").strip(SYMBOLS), location)
        return True

    def _reset_context(self, reference: str | None, location: Location) -> None:
        self.title_ref = (reference, location) if reference else None
        self._candidate(None)
        self.mode = None
        self.proposed = None

    def _proposed_title(self, text: str, location: Location) -> bool:
        if not self.p.sections["proposed_working_groups"].search(text):
            return False
        self.mode, self.proposed_label, self.proposed = "proposed", text, None
        self._candidate(None)
        return True

    def _section_title(self, text: str, location: Location) -> bool:
        sections = self.p.sections
        if self.mode == "proposed" and (number := self._working_group_number(text)) is not None:
            self._open_proposed(number, location)
            return True
        if self.mode == "proposed" and sections["scope"].search(text):
            return True
        for key, kind in (("primary_objectives", "primary"), ("secondary_objectives", "secondary")):
            if sections[key].search(text):
                self.mode, self.objective_kind = "objectives", kind
                return True
        if sections["objectives"].search(text) or sections["scope"].search(text):
            self.mode, self.objective_kind = "objectives", None
            return True
        if sections["deliverables"].search(text):
            self.mode = "deliverables"
            return True
        if sections["contact"].search(text):
            self.mode = "contact"
            return True
        return False

    def _proposed_title_line(self, text: str, location: Location) -> bool:
        if self.mode != "proposed" or self.proposed is None or self.proposed.title:
            return False
        self.proposed.title = text
        return True

    def _working_group_number(self, text: str) -> int | None:
        found = self.p.sections["working_group_heading"].match(text)
        return int(found.group("number")) if found else None

    # lines

    def read_line(self, block: Paragraph | ListItem) -> None:
        text = squash_spaces(block.text.replace("\n", " "))
        if self._fact(block, text) or self._continues_fact(block, text):
            return
        if self._edition_period(text) or self._approval(text):
            return
        if self.p.sections["contact"].search(text):
            self.mode = "contact"
            self._contact(text, block)
            return
        handler = {
            "proposed": self._proposed_line,
            "objectives": self._objective_line,
            "deliverables": self._deliverable_line,
            "contact": self._contact_line,
        }.get(self.mode or "", self._loose_line)
        handler(block, text)

    def _fact(self, block: Paragraph | ListItem, text: str) -> bool:
        found = LABEL.match(text)
        if not found:
            return False
        name = next((f for f, ps in self.p.facts.items() if ps.equals(found["label"])), None)
        if name is None:
            return False
        draft = self._fact_owner(name, block.location)
        value = found["value"].strip()
        draft.facts[name] = ([value] if value else [], block.location)
        level = block.level if isinstance(block, ListItem) else -1
        draft.last_fact = (name, level)
        self.mode = "facts"
        return True

    def _candidate(self, candidate: tuple[str, Location] | None) -> None:
        """Note a possible group name; one that no fact list took is reported, not lost."""
        if self.name_candidate is not None:
            self.n.warn("heading not understood", *self.name_candidate)
        self.name_candidate = candidate

    def _fact_owner(self, field_name: str, location: Location) -> GroupDraft:
        owner = self.owner
        renamed = self.title_ref and owner and not _same_name(self.title_ref[0], owner.group.name)
        if owner is None or self.name_candidate or renamed or field_name in owner.facts:
            name, where = self.name_candidate or self.title_ref or (None, location)
            self.name_candidate = None
            self.owner = self._group(name, where)
        return self.owner

    def _continues_fact(self, block: Paragraph | ListItem, text: str) -> bool:
        """An item nested under a fact continues its value, e.g. under "Planned e-meetings:"."""
        draft = self.owner
        if self.mode != "facts" or draft is None or draft.last_fact is None:
            return False
        name, level = draft.last_fact
        if not isinstance(block, ListItem) or block.level <= level:
            return False
        draft.facts[name][0].append(text)
        return True

    def _edition_period(self, text: str) -> bool:
        if self.edition.period or not self.edition.title or self.drafts:
            return False
        span = parse_years(clean(text))
        if span is None:
            return False
        self.edition.period = span
        return True

    def _approval(self, text: str) -> bool:
        if not self.p.approved.equals(text):
            return False
        self.approved = True
        return True

    def _loose_line(self, block: Paragraph | ListItem, text: str) -> None:
        if self._deliverable_prefix(text, block.location):
            return
        if block.content.bold and not LABEL.match(text):
            self._candidate((strip_symbols(text), block.location))
            self.mode = None
            return
        if self._contact(text, block):
            return
        self.n.warn("text not understood", text, block.location)

    def _proposed_line(self, block: Paragraph | ListItem, text: str) -> None:
        number = self._working_group_number(text)
        if number is not None and not isinstance(block, ListItem):
            self._open_proposed(number, block.location)
            return
        wg = self.proposed
        if wg is None:
            self.n.warn("text before any proposed working group", text, block.location)
            return
        if text == str(wg.number):
            return
        if self._deliverable_prefix(text, block.location):
            return
        if not wg.title and isinstance(block, Paragraph):
            wg.title = text
            return
        wg.scope.append(text)

    def _open_proposed(self, number: int, location: Location) -> None:
        draft = self.current
        if draft is None:
            self.n.warn("proposed working group before any thematic group", str(number), location)
            return
        self.proposed = WorkingGroup(
            id=f"{draft.group.id}/wg{number}",
            number=number,
            title="",
            status=WorkingGroupStatus.PROPOSED,
            status_raw=self.proposed_label,
            source=SourceRef(str(location)),
        )
        draft.group.working_groups.append(self.proposed)

    def _objective_line(self, block: Paragraph | ListItem, text: str) -> None:
        if self._deliverable_prefix(text, block.location):
            return
        draft = self.current
        if draft is None:
            self.n.warn("objective before any thematic group", text, block.location)
            return
        labelled = OBJECTIVE_LABEL.match(text)
        objective = Objective(text, self.objective_kind)
        if labelled:
            objective = Objective(labelled["text"], self.objective_kind, labelled["label"])
        draft.group.objectives.append(objective)

    def _deliverable_line(self, block: Paragraph | ListItem, text: str) -> None:
        if self._deliverable_prefix(text, block.location):
            return
        self._add_deliverable(text, block.location)

    def _deliverable_prefix(self, text: str, location: Location) -> bool:
        found = self.p.sections["deliverable_prefixes"].match(text)
        if not found:
            return False
        self._add_deliverable(text[found.end() :], location)
        return True

    def _add_deliverable(self, title: str, location: Location) -> None:
        title = title.strip(" :")
        title = (title[:-1] if title.endswith(".") else title).strip()
        title = title[:1].upper() + title[1:]
        deliverable = Deliverable(
            title=title, url=None, status=DeliverableStatus.PLANNED, is_new=False
        )
        if self.mode == "proposed" and self.proposed is not None:
            self.proposed.deliverables.append(deliverable)
        elif self.current is not None:
            self.current.group.deliverables.append(deliverable)
        else:
            self.n.warn("deliverable before any thematic group", title, location)

    def _contact_line(self, block: Paragraph | ListItem, text: str) -> None:
        if not self._contact(text, block) and not text.endswith(":"):
            self.n.warn("contact text not understood", text, block.location)

    def _contact(self, text: str, block: Paragraph | ListItem) -> bool:
        emails = EMAIL.findall(text)
        urls = [u for u in URL.findall(text) if not any(u in e for e in emails)]
        urls += [link.url for link in block.content.links if link.url.startswith("http")]
        for email in emails:
            _add_unique(self.contacts.emails, email)
        for url in urls:
            _add_unique(self.contacts.websites, url)
        return bool(emails or urls) or (self.mode == "contact" and text.endswith(":"))

    # tables

    def read_table(self, table: Table) -> None:
        grid = table_grid(table)
        header = find_header(grid, self.n)
        if header is None:
            raw = " | ".join(c.text for c in table.rows[0].cells) if table.rows else ""
            self.n.warn("table not understood (no working-group columns)", raw, table.location)
            return
        index, columns = header
        draft = self._table_owner(cell_text(grid[index], columns[WORKING_GROUP]), table.location)
        for column in unknown_columns(grid[index], columns):
            self.n.warn(
                "table column not understood", cell_text(grid[index], column), table.location
            )
        for row in grid[index + 1 :]:
            wg = read_working_group(row, columns, draft.group.id, self.n)
            if wg is not None:
                draft.group.working_groups.append(wg)
            elif not _repeats_header(row, grid[index]):
                raw = " | ".join(c.text for c in row.source.cells)
                self.n.warn("table row not understood", raw, row.source.location)
        self.mode = None

    def _table_owner(self, first_header: str, location: Location) -> GroupDraft:
        candidates = [ref[0] for ref in (self.title_ref, self.name_candidate) if ref]
        candidates += [strip_symbols(first_header), self._without_column_words(first_header)]
        self.name_candidate = None
        for name in candidates:
            found = self._find_group(name)
            if found:
                return found
        if self.current is not None and not self.title_ref:
            return self.current
        name = candidates[0]
        self.n.warn("working-group table of a group with no fact list", name, location)
        return self._group(name, location)

    def _without_column_words(self, header: str) -> str:
        """ "City Platforms Working Groups" -> "City Platforms"."""
        text = clean(header)
        for phrase in self.p.columns[WORKING_GROUP].phrases:
            text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text, flags=re.I)
        return strip_symbols(text)

    # groups

    def _find_group(self, name: str) -> GroupDraft | None:
        return next((d for d in self.drafts if _same_name(name, d.group.name)), None)

    def _group(self, name: str | None, location: Location) -> GroupDraft:
        if name is None:
            name = f"Unnamed group {len(self.drafts) + 1}"
            self.n.warn("thematic group without a name", name, location)
        existing = self._find_group(name)
        if existing is not None:
            return existing
        group = ThematicGroup(
            id=slugify(name),
            name=name,
            stage=self.stage,
            approved=self.approved if self.stage else None,
            source=SourceRef(str(location)),
        )
        draft = GroupDraft(group)
        self.drafts.append(draft)
        return draft


def _same_name(a: str, b: str) -> bool:
    return fold(a) == fold(b) or fuzz.token_sort_ratio(fold(a), fold(b)) >= NAME_MATCH


def _repeats_header(row, header) -> bool:
    return [fold(c.text) if c else "" for c in row.cells] == [
        fold(c.text) if c else "" for c in header.cells
    ]


def _add_unique(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)
