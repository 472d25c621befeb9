"""Working groups outside tables: list items, headings and tiles, and the lines that follow.

"WG3 - Title (Leader: Name (Org))" opens a working group, its nested items are its facts;
"Working Group 3" (a heading, a line or a tile's label), then its number and its title broken
over lines, opens one too. Under a "Proposed working groups" title they are proposed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractor.model.plan import SourceRef, WorkingGroup, WorkingGroupStatus
from extractor.profile.phrases import clean
from extractor.recognise.drafts import WorkingGroupDraft
from extractor.recognise.text import BARE_NUMBER, split_label, trailing_parenthesis
from extractor.recognise.usage import text_chars
from parsers.deck import ListItem, Location, Paragraph

if TYPE_CHECKING:
    from extractor.recognise.reader import DeckReader

# What may follow a working group's number when a line opens it: nothing, or a separator.
OPENING_REST = re.compile(r"^(?:$|[-:.)]|\s*-)")
FACT_SEPARATOR = re.compile(r"\s*[;|]\s*")
# Between a title and facts on one line: a spaced dash, a bar or a semicolon.
INLINE_SEPARATOR = re.compile(r"\s+[-\u2013\u2014|]\s+|\s*[;|]\s*")
LEADING_SEPARATORS = re.compile(r"^[\s\-\u2010-\u2015:.)]+")


class WorkingGroupRules:
    """Opening working groups, and reading the lines that belong to the open one."""

    def working_group_heading(self: DeckReader, text: str, location: Location) -> bool:
        """ "Working Group 3" or "WG3: Title" as a heading opens a working group."""
        found = self.p.sections["working_group_heading"].match(text)
        if found is None or self.current is None:
            return False
        return self._open_from(text, found, location, None)

    def working_group_title(self: DeckReader, text: str, location: Location) -> bool:
        """A heading right after an untitled working group's label is its title."""
        working = self.working
        if working is None:
            return False
        if BARE_NUMBER.match(text):
            return self._number_line(int(text), location)
        if working.wg.title:
            return False
        working.wg.title = text
        return True

    def working_group_line(self: DeckReader, block: Paragraph | ListItem, text: str) -> bool:
        """A line that opens a working group or belongs to the open one."""
        level = block.level if isinstance(block, ListItem) else None
        found = self.p.sections["working_group_heading"].match(text)
        if found and self.current is not None and _opens(clean(text)[found.end() :], found):
            return self._open_from(text, found, block.location, level, block.content.links)
        if BARE_NUMBER.match(text) and (self.working or self.mode in WG_MODES):
            return self._number_line(int(text), block.location)
        working = self.working
        if working is None or not working.holds(level):
            return False
        if self.deliverable_prefix(text, block.location):
            return True
        if not working.wg.title and (isinstance(block, Paragraph) or _first_line(working)):
            working.wg.title = text
        else:
            working.wg.scope.append(text)
        return True

    def _number_line(self: DeckReader, number: int, location: Location) -> bool:
        """A tile's big number: the open working group's, or, among proposals, the next one's
        (a slide number or a stray figure opens none)."""
        if self.working is not None and self.working.wg.number == number:
            return True
        draft = self.current
        if draft is None or self.mode != "proposed":
            return False
        numbers = [wg.number for wg in draft.group.working_groups]
        if number != (max(numbers) + 1 if numbers else 1):
            return False
        self.open_working_group(number, "", location, None)
        return True

    def _open_from(
        self: DeckReader, text, found, location: Location, level: int | None, links=()
    ) -> bool:
        number = int(found.group("number"))
        self._badge(number)
        rest = LEADING_SEPARATORS.sub("", text[found.end() :]).strip()
        if rest == found.group("number"):
            rest = ""  # a tile's label and number read as one line
        title, facts = _title_and_facts(rest, self)
        working = self.working
        if working and working.wg.number == number and not working.wg.title and not working.facts:
            working.wg.title = title  # the label of a tile whose number came first
        else:
            working = self.open_working_group(number, title, location, level)
        for name, value in facts:
            own = [link for link in links if link.text in value]  # "Status: Done <link>"
            working.add(name, value, location, -1 if level is None else level, own)
        return True

    def _badge(self: DeckReader, number: int) -> None:
        """The working group's number in a badge just before it (a circle beside its card) was
        not understood alone: it is now, and its warning goes."""
        candidate = self.name_candidate
        if candidate is not None and candidate[0] == str(number):
            self.name_candidate = None
        loose = self.loose
        if loose is not None and loose[0] == self.index - 1 and loose[1] == str(number):
            self.n.warnings.remove(loose[3])
            self.usage.reuse(text_chars(loose[1]))
            self.loose = None

    def open_working_group(
        self: DeckReader, number: int, title: str, location: Location, level: int | None
    ) -> WorkingGroupDraft:
        """Start a working group of the current group."""
        draft = self.current
        assert draft is not None  # callers check that a group is being read
        proposed = self.mode == "proposed"
        wg = WorkingGroup(
            id=f"{draft.group.id}/wg{number}",
            number=number,
            title=title,
            status=WorkingGroupStatus.PROPOSED if proposed else None,
            status_raw=self.proposed_label if proposed else None,
            source=SourceRef(str(location)),
        )
        draft.group.working_groups.append(wg)
        self.working = WorkingGroupDraft(wg=wg, level=-1 if level is None else level)
        draft.working.append(self.working)
        return self.working

    def close_working_group(self: DeckReader) -> None:
        """Lines that follow no longer belong to a working group."""
        self.working = None


WG_MODES = ("proposed", "working_groups")


def _first_line(working: WorkingGroupDraft) -> bool:
    """Whether nothing was read yet under a working group a heading or a line opened: its
    first line, bulleted or not, is its title ("Working Group 3" then "• Port Data")."""
    wg = working.wg
    return working.level < 0 and not (wg.scope or wg.deliverables or working.facts)


def _opens(rest: str, found: re.Match) -> bool:
    """Whether a line naming a working group opens it: "WG3 - Title", "Working Group 3 3"."""
    return bool(OPENING_REST.match(rest)) or rest.strip() == found.group("number")


def _title_and_facts(rest: str, reader: DeckReader) -> tuple[str, list[tuple[str, str]]]:
    """The title and the facts written after it: "Title (Leader: X; Status: Ongoing)",
    "Title - Leader: X - Status: Ongoing", "Title | Leader: X"."""
    split = trailing_parenthesis(rest)
    if split is not None:
        facts = _facts(split[1], FACT_SEPARATOR, reader)
        if facts is not None:
            return split[0], facts
    for cut in INLINE_SEPARATOR.finditer(rest):
        facts = _facts(rest[cut.end() :], INLINE_SEPARATOR, reader)
        if facts is not None:
            return rest[: cut.start()].strip(), facts
    return rest, []


def _facts(text: str, separator: re.Pattern, reader: DeckReader) -> list[tuple[str, str]] | None:
    """The facts of a text that opens with one ("Leader: X - Status: Ongoing"); a piece that
    names none continues the value before it ("10:00 - 11:00"). None when it opens with none."""
    pieces = re.split(f"({separator.pattern})", text)
    facts: list[list[str]] = []
    for index in range(0, len(pieces), 2):
        labelled = split_label(pieces[index])
        name = reader.fact_name(labelled[0]) if labelled else None
        if name is not None:
            facts.append([name, labelled[1]])
        elif facts:
            facts[-1][1] += pieces[index - 1] + pieces[index]
        else:
            return None
    return [(name, value.strip()) for name, value in facts]
