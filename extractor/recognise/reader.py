"""Reading a Deck block by block into drafts of groups, keeping the context a reader keeps.

The rules for each kind of block live beside this module: headings, lines (facts, objectives,
deliverables, contacts), working groups (list items, headings, tiles) and tables (fact tables
and working-group tables). Every block is counted, with whether any rule put it to use.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from extractor.model.plan import Contacts, PlanWarning, SourceRef, ThematicGroup
from extractor.recognise.drafts import EditionDraft, FactList, GroupDraft, WorkingGroupDraft
from extractor.recognise.headings import HeadingRules
from extractor.recognise.lines import LineRules
from extractor.recognise.records import Normalizer
from extractor.recognise.table_reader import TableRules
from extractor.recognise.usage import Usage, block_chars, text_chars
from extractor.recognise.working_groups import WorkingGroupRules
from normalizers.text import fold, slugify
from parsers.deck import Block, Deck, Heading, Link, ListItem, Location, Paragraph, Table

NAME_MATCH = 90
GROUP_NAME = "group_name"  # the fact that names the group of the facts that follow
WORKING_GROUPS = "working_groups"  # the fact over a group's working groups


def items(deck: Deck) -> Iterator[Block | tuple[str, Location]]:
    """Every block of the deck in order, each slide's title first, and the name of each
    section of the deck where it starts."""
    section = None
    for slide in deck.slides:
        if slide.section != section and slide.section:
            yield slide.section, slide.location
        section = slide.section
        if slide.title is not None:
            yield slide.title
        yield from slide.blocks


class DeckReader(HeadingRules, LineRules, WorkingGroupRules, TableRules):
    """A single pass over the blocks of a deck."""

    def __init__(self, normalizer: Normalizer) -> None:
        self.n = normalizer
        self.p = normalizer.profile
        self.drafts: list[GroupDraft] = []
        self.edition = EditionDraft()
        self.contacts = Contacts()
        self.usage = Usage()
        self.stage: str | None = None
        self.approved: bool | None = None
        self.approved_at = 0  # the block that said so
        self.mode: str | None = None
        self.owner: GroupDraft | None = None
        self.name_candidate: tuple[str, Location] | None = None
        self.title_ref: tuple[str, Location] | None = None
        self.working: WorkingGroupDraft | None = None
        self.proposed_label: str | None = None
        self.objective_kind: str | None = None
        self.index = 0  # the block being read, counted from 1
        # The last line nothing placed, kept in case facts follow it: then it names their group.
        self.loose: tuple[int, str, Location, PlanWarning] | None = None
        # Facts whose label stood alone ("Leader:"), waiting for the lines that give values.
        self.pending: list[tuple[FactList, str]] = []

    @property
    def current(self) -> GroupDraft | None:
        """The group the text being read belongs to."""
        return self.owner or (self.drafts[-1] if self.drafts else None)

    def read(self, deck: Deck) -> None:
        """Read every block of the deck."""
        for block in items(deck):
            if isinstance(block, tuple):
                self.enter_section(*block)
                continue
            self.index += 1
            if not isinstance(block, Paragraph | ListItem):
                self.pending.clear()
            if isinstance(block, Table):
                self.read_table(block)
                continue
            used = self.read_heading(block) if isinstance(block, Heading) else self.read_line(block)
            self.usage.count(block_chars(block), used)
        self._candidate(None)

    # facts

    def take_fact(
        self, name: str, value: str, location: Location, level: int | None, links: list[Link] = ()
    ) -> None:
        """File a "Label: value" fact with the open working group or with its group."""
        if name == GROUP_NAME:
            self._candidate((value, location))  # the facts that follow are this group's
            return
        if name == WORKING_GROUPS and not value:
            self.close_working_group()  # "Working groups:" over a list of them
            self.mode = "working_groups"
            return
        target: FactList
        working = self.working
        if working is not None and working.holds(level) and name not in working.facts:
            target = working
        else:
            self.close_working_group()
            target = self._fact_owner(name, location)
            self.mode = "facts"
        target.add(name, value, location, -1 if level is None else level, links)
        if not value:
            self.pending.append((target, name))

    def value_line(self, text: str) -> bool:
        """The value of the oldest fact whose label stood alone: "Leader:" then "Jane Roe"."""
        while self.pending:
            target, name = self.pending.pop(0)
            values = target.facts[name][0] if name in target.facts else None
            if values is not None and not values:
                values.append(text)
                return True
        return False

    def continue_fact(self, level: int | None, text: str) -> bool:
        """An item nested under a fact continues its value, e.g. under "Planned e-meetings:"."""
        target = self.working or (self.owner if self.mode == "facts" else None)
        name = target.continues(level) if target is not None and level is not None else None
        if name is None:
            return False
        target.facts[name][0].append(text)
        return True

    def _fact_owner(self, field_name: str, location: Location) -> GroupDraft:
        owner = self.owner
        renamed = self.title_ref and owner and not same_name(self.title_ref[0], owner.group.name)
        if owner is None or self.name_candidate or renamed or field_name in owner.facts:
            if self.name_candidate is not None:
                self.title_ref = None  # a group named under a title: the title names no more
            name, where = self.name_candidate or self.title_ref or self._loose_name(location)
            self.name_candidate = None
            self.owner = self.group(name, where)
        return self.owner

    def _loose_name(self, location: Location) -> tuple[str | None, Location]:
        """The line just above the first fact of a group, when nothing else names it."""
        if self.loose is None or self.loose[0] != self.index - 1:
            return None, location
        _, text, where, warning = self.loose
        self.n.warnings.remove(warning)
        self.usage.reuse(text_chars(text))
        self.loose = None
        return text, where

    # context

    def _candidate(self, candidate: tuple[str, Location] | None) -> None:
        """Note a possible group name; one that no fact list took is reported, not lost."""
        if self.name_candidate is not None:
            self.n.warn("heading not understood", *self.name_candidate)
            self.usage.unuse(text_chars(self.name_candidate[0]))
        self.name_candidate = candidate
        if candidate is not None:
            self.close_working_group()

    def enter_section(self, name: str, location: Location) -> None:
        """A section of the deck named after a group read before holds that group's slides
        (its working groups, one slide each, after every group's facts); other section names
        ("Introduction", "Annex") say nothing."""
        known = self.find_group(name)
        if known is not None and known is not self.current:
            self.reset_context(None, location)
            self.owner = known

    def reset_context(self, reference: str | None, location: Location) -> None:
        """A new section of the deck: forget the open group name, mode and working group."""
        self.title_ref = (reference, location) if reference else None
        self._candidate(None)
        self.mode = None
        self.proposed_label = None
        self.close_working_group()

    # groups

    def find_group(self, name: str) -> GroupDraft | None:
        """The group read so far with this name, or one spelled nearly alike."""
        return next((d for d in self.drafts if same_name(name, d.group.name)), None)

    def group(self, name: str | None, location: Location) -> GroupDraft:
        """The group of this name, created at this location when it is new."""
        if name is None:
            name = f"Unnamed group {len(self.drafts) + 1}"
            self.n.warn("thematic group without a name", name, location)
        existing = self.find_group(name)
        if existing is not None:
            return existing
        group = ThematicGroup(
            id=slugify(name) or f"group-{len(self.drafts) + 1}",
            name=name,
            stage=self.stage,
            approved=self.approved if self.stage else None,
            source=SourceRef(str(location)),
        )
        draft = GroupDraft(group=group)
        self.drafts.append(draft)
        return draft


def same_name(a: str, b: str) -> bool:
    """Whether two names are one, spelling and small differences aside."""
    return fold(a) == fold(b) or fuzz.token_sort_ratio(fold(a), fold(b)) >= NAME_MATCH


def level_of(block: Block) -> int | None:
    """A list item's level; None for any other block."""
    return block.level if isinstance(block, ListItem) else None
