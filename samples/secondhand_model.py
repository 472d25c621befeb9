"""An edition as the second-hand renditions lay it out: every value in the deck's own words.

The project reads the markdown (parse_markdown, DeckReader, extract_plan); this module keeps what
a person retyping the deck would keep: the raw text of every fact and table cell, the links of
status cells, and the structure the plan gives (stages, proposals, objectives, deliverables).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extractor.model.plan import Objective
from extractor.profile.load import DEFAULT_PROFILE, Profile, load_profile
from extractor.recognise.extract import extract_plan
from extractor.recognise.reader import DeckReader
from extractor.recognise.records import Normalizer
from extractor.recognise.tables import cell_at, cell_text, find_header, table_grid
from normalizers.text import squash_spaces
from parsers.deck import Deck, Link, RichText, Table
from parsers.markdown import parse_markdown

FACT_LABELS = {
    "leader": "Leader",
    "co-leader": "Co-leaders",
    "suggested-leader": "Suggested Leader",
    "timeline": "Timeline",
    "expected_publication": "Expected publication date",
    "secretariat": "Secretariat",
    "scope": "Scope",
    "meetings": "Planned e-meetings",
}


@dataclass
class Row:
    """A working group of a table, its cells as written."""

    number: int
    title: str
    leaders: str
    timeline: str
    publication: str
    meetings: list[str]
    status: RichText


@dataclass
class Proposal:
    """A proposed working group: number, title, planned deliverables and scope lines."""

    number: int
    title: str
    label: str
    deliverables: list[str]
    scope: list[str]


@dataclass
class Group:
    """A thematic group with its facts (field, raw value) in deck order."""

    name: str
    stage: str | None
    approved: bool | None
    facts: list[tuple[str, str]]
    meetings: list[str]
    rows: list[Row] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    objectives_intro: str | None = None
    deliverables: list[str] = field(default_factory=list)

    def fact(self, name: str) -> str | None:
        """The raw value of one fact, or None."""
        return next((value for key, value in self.facts if key == name), None)


@dataclass
class Edition:
    """An edition: title, period as written, groups, contacts."""

    stem: str
    title: str
    period: str
    groups: list[Group]
    emails: list[str]
    websites: list[str]

    @property
    def label(self) -> str:
        """ "U4SSC Action Plan 2024-2025"."""
        return f"{self.title} {self.period}"


def read_edition(path: Path) -> Edition:
    """Read a markdown edition with the project and keep its values as written."""
    profile = load_profile(DEFAULT_PROFILE, ())
    deck = parse_markdown(path)
    plan = extract_plan(deck, profile)
    reader = DeckReader(Normalizer(profile))
    reader.read(deck)
    facts = {draft.group.id: draft.facts for draft in reader.drafts}
    rows = _table_rows(deck, profile)
    groups = [_group(g, facts[g.id], rows) for g in plan.thematic_groups]
    return Edition(
        stem=path.stem,
        title=plan.edition.title,
        period=plan.edition.period.raw if plan.edition.period else "",
        groups=groups,
        emails=list(plan.contacts.emails),
        websites=list(plan.contacts.websites),
    )


def _group(group, facts, rows: dict[str, Row]) -> Group:
    kept = [
        (name, squash_spaces(" ".join(values)))
        for name, (values, _) in facts.items()
        if name in FACT_LABELS
    ]
    out = Group(
        name=group.name,
        stage=group.stage,
        approved=group.approved,
        facts=[(name, value) for name, value in kept if value and not _pointer(value)],
        meetings=_meeting_lines(group.meetings, group.meetings_note),
        objectives=list(group.objectives),
        objectives_intro=group.objectives_intro,
        deliverables=[d.title for d in group.deliverables],
    )
    for wg in group.working_groups:
        if wg.status == "proposed":
            out.proposals.append(
                Proposal(
                    wg.number,
                    wg.title,
                    wg.status_raw or "",
                    [d.title for d in wg.deliverables],
                    list(wg.scope),
                )
            )
        else:
            row = rows[str(wg.source.location)]
            row.meetings = _meeting_lines(wg.meetings, wg.meetings_note) or row.meetings
            out.rows.append(row)
    return out


def _pointer(value: str) -> bool:
    return value.lower().startswith("see ")


def _meeting_lines(meetings, note: str | None) -> list[str]:
    """One line per meeting as written, then the announcement."""
    return [m.raw for m in meetings] + ([note] if note else [])


def _table_rows(deck: Deck, profile: Profile) -> dict[str, Row]:
    """Every working-group row of the deck's tables by its location, cells as written."""
    normalizer = Normalizer(profile)
    found: dict[str, Row] = {}
    for slide in deck.slides:
        for table in (b for b in slide.blocks if isinstance(b, Table)):
            grid = table_grid(table)
            header = find_header(grid, normalizer)
            if header is None:
                continue
            index, columns = header
            for row in grid[index + 1 :]:
                head = squash_spaces(cell_text(row, columns.number))
                match = profile.working_group_cell.match(head)
                if not match:
                    continue
                status = cell_at(row, columns.fields.get("status"))
                found[str(row.source.location)] = Row(
                    number=int(match["number"]),
                    title=head[match.start("title") :].strip(),
                    leaders=cell_text(row, columns.fields.get("leaders")),
                    timeline=cell_text(row, columns.fields.get("timeline")),
                    publication=cell_text(row, columns.fields.get("expected_publication")),
                    meetings=[cell_text(row, columns.fields.get("meetings"))],
                    status=_clean_status(status.content) if status else RichText("", False, []),
                )
    return found


def _clean_status(content: RichText) -> RichText:
    links = [Link(squash_spaces(link.text), link.url) for link in content.links]
    return RichText(squash_spaces(content.text), False, links)


def fact_label(name: str) -> str:
    """The deck's own label of a fact."""
    return FACT_LABELS[name]
