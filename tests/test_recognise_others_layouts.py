"""Recognition of the layouts other people's decks use, one rule at a time, on hand-built decks.

Each deck is a list of slides of blocks as a PPTX or PDF reader gives them: a title, then
headings (text set larger than the body text), paragraphs, list items and tables.
"""

from __future__ import annotations

from extractor.model.plan import Plan
from extractor.profile.load import load_profile
from extractor.recognise.extract import extract_plan
from parsers.deck import (
    Cell,
    Deck,
    Heading,
    ListItem,
    Location,
    Paragraph,
    RichText,
    Row,
    Slide,
    Source,
    Table,
)

PROFILE = load_profile()
COVER = ("Water Action Plan 2025-2026", [])


def heading(text: str, level: int = 3) -> Heading:
    return Heading(RichText(text), level, Location("slide", 0))


def line(text: str, bold: bool = False) -> Paragraph:
    return Paragraph(RichText(text, bold), Location("slide", 0))


def item(text: str, level: int = 0) -> ListItem:
    return ListItem(RichText(text), level, Location("slide", 0))


def table(*rows: list[str]) -> Table:
    return Table(
        [Row([Cell(RichText(t)) for t in r], Location("slide", 0)) for r in rows],
        Location("slide", 0),
    )


def read(*slides: tuple[str | None, list]) -> Plan:
    """The plan of a deck of (title, blocks) slides, numbered from 1."""
    built = []
    for number, (title, blocks) in enumerate([COVER, *slides], start=1):
        where = Location("slide", number)
        for block in blocks:
            block.location = where
            for row in getattr(block, "rows", []):
                row.location = where
        top = Heading(RichText(title), 1, where) if title else None
        built.append(Slide(top, blocks, where))
    return extract_plan(Deck(built, Source("deck.pptx", "0" * 64, "pptx")), PROFILE)


FACTS = [line("Leader: Jane Roe (ITU)"), line("Timeline: 2025-2026")]


def test_facts_set_larger_than_the_body_text_are_facts_not_headings() -> None:
    plan = read(("Smart Water", [heading("Leader: Jane Roe (ITU)"), heading("Timeline: 2025")]))
    [group] = plan.thematic_groups
    assert [leader.person_id for leader in group.leaders] == ["jane-roe"]
    assert (group.timeline.start_year, group.timeline.end_year) == (2025, 2025)
    assert plan.warnings == []


def test_a_table_with_a_working_group_per_column_is_read_turned() -> None:
    grid = table(
        ["Working Group", "WG1 - Leak detection", "WG2 - Smart meters"],
        ["Leader", "Jane Roe (ITU)", "John Doe (UNECE)"],
        ["Timeline", "2025", "2025-2026"],
        ["Status", "Completed", "Ongoing"],
    )
    plan = read(("Smart Water", FACTS), ("Thematic Group on Smart Water", [grid]))
    [group] = plan.thematic_groups
    found = [(wg.number, wg.title, wg.status, wg.timeline.end_year) for wg in group.working_groups]
    assert found == [(1, "Leak detection", "completed", 2025), (2, "Smart meters", "ongoing", 2026)]
    assert [group.working_groups[1].leaders[0].person_id] == ["john-doe"]
    assert group.timeline.start_year == 2025  # the group's own facts stay its own


def test_a_turned_table_may_give_numbers_and_titles_in_rows_of_their_own() -> None:
    grid = table(
        ["No.", "1", "2"],
        ["Title", "Leak detection", "Smart meters"],
        ["Lead", "Jane Roe (ITU)", "John Doe (UNECE)"],
        ["Progress", "Completed", "Ongoing"],
    )
    plan = read(("Smart Water", FACTS), ("Thematic Group on Smart Water", [grid]))
    found = [(wg.number, wg.title, wg.status) for wg in plan.thematic_groups[0].working_groups]
    assert found == [(1, "Leak detection", "completed"), (2, "Smart meters", "ongoing")]


def test_a_two_column_fact_table_is_not_turned() -> None:
    facts = table(["Leader", "Jane Roe (ITU)"], ["Timeline", "2025-2026"], ["Secretariat", "ITU"])
    plan = read(("Smart Water", [facts]))
    [group] = plan.thematic_groups
    assert ([leader.person_id for leader in group.leaders], group.secretariat) == (
        ["jane-roe"],
        ["ITU"],
    )
    assert group.working_groups == []


def test_a_small_header_naming_the_group_over_each_working_group_slide_is_no_scope() -> None:
    wg1 = [line("Smart Water", bold=True), line("Leader:", bold=True), item("Jane Roe (ITU)", 1)]
    wg2 = [line("Smart Water", bold=True), line("Status: Ongoing")]
    plan = read(("Smart Water", FACTS), ("WG 1 — Leak detection", wg1), ("WG 2 — Meters", wg2))
    [group] = plan.thematic_groups
    assert [(wg.number, wg.title, wg.scope) for wg in group.working_groups] == [
        (1, "Leak detection", []),
        (2, "Meters", []),
    ]
    assert group.working_groups[0].leaders[0].person_id == "jane-roe"
    assert group.working_groups[1].status == "ongoing"
    assert plan.warnings == []


def test_the_number_badge_beside_a_working_group_card_is_understood() -> None:
    cards = [heading("1"), line("WG1 – Leak detection", bold=True), line("Status: Ongoing")]
    cards += [heading("2"), line("WG2 – Smart meters", bold=True), line("Status: Completed")]
    plan = read(("Smart Water", FACTS), ("Smart Water: Working Groups", cards))
    assert [wg.number for wg in plan.thematic_groups[0].working_groups] == [1, 2]
    assert plan.warnings == []
    assert plan.edition.source.text_used == 1.0


def test_approved_written_over_the_stage_title_approves_the_groups_under_it() -> None:
    divider = [line("Approved"), heading("New Thematic Groups", 2)]  # the title below it
    plan = read((None, divider), ("Smart Water", FACTS))
    [group] = plan.thematic_groups
    assert (group.stage, group.approved) == ("new", True)


def test_a_proposed_working_group_title_may_be_a_bullet_and_its_deliverable_a_heading() -> None:
    proposal = [
        heading("Working Group 1", 2),
        item("Port data exchange"),
        heading("Suggested Scope Deliverable: Guidelines for port data"),  # two lines joined
        item("Mapping the data ports hold"),
    ]
    plan = read(("Smart Water", FACTS), ("Proposed Working Groups", proposal))
    [wg] = plan.thematic_groups[0].working_groups
    assert (wg.number, wg.title, wg.status) == (1, "Port data exchange", "proposed")
    assert [d.title for d in wg.deliverables] == ["Guidelines for port data"]
    assert wg.scope == ["Mapping the data ports hold"]


def test_bold_lines_ending_in_a_colon_head_the_objectives() -> None:
    scope = [
        line("The group would:", bold=True),
        line("Primary Objective:", bold=True),
        item("To map leaks."),
        line("Secondary Objectives:", bold=True),
        item("To share data."),
    ]
    plan = read(("Smart Water", FACTS), ("Objectives and Expected Deliverables", scope))
    [group] = plan.thematic_groups
    assert group.objectives_intro == "The group would"
    found = [(o.kind, o.text) for o in group.objectives]
    assert found == [("primary", "To map leaks."), ("secondary", "To share data.")]
