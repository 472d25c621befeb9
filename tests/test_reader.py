"""The extractor on made-up decks: other orders, other wording, and text it cannot place."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.model.plan import Plan
from extractor.profile.load import load_profile
from extractor.recognise.extract import NoPlanError, extract_plan
from parsers.markdown import parse_markdown

PROFILE = load_profile()

FACTS = """# Ongoing Thematic Groups

---

## ■ Smart Water

- **Co-leaders:** Jane Roe (ITU) and Ramon Ferri (Valencia)
- **Timeline:** 2025-2026
- **Expected publication date:** 2026
- **Secretariat:** ITU & UNECE
- **Scope:** Water in cities.
- **Planned e-meetings:** see next slide
"""

TABLE = """# Thematic Group on Smart Water

Smart Water Working Groups\tLeader\tTimeline\tExpected publication date\tPlanned e-meetings\tStatus
<b>WG1 - Leak detection</b>\tJane Roe (ITU)\t2025\t2025\t3 March 2025, 10:00-11:00 hours, Geneva time\tOngoing
"""


def extract(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "plan-2025-2026.md"  # the period, when a test deck has no title
    path.write_text(text, encoding="utf-8")
    return extract_plan(parse_markdown(path), PROFILE)


def test_reference_deck(tmp_path: Path) -> None:
    plan = extract(tmp_path, "# Water Action Plan\n\n2025-2026\n\n" + FACTS + "\n" + TABLE)
    assert plan.edition.id == "water-action-plan-2025-2026"
    (group,) = plan.thematic_groups
    assert (group.id, group.stage, group.secretariat) == (
        "smart-water",
        "ongoing",
        ["ITU", "UNECE"],
    )
    assert [x.person_id for x in group.leaders] == ["jane-roe", "ramon-ferri"]
    (wg,) = group.working_groups
    assert (wg.id, wg.title, wg.status) == ("smart-water/wg1", "Leak detection", "ongoing")
    assert [m.start_utc for m in wg.meetings] == ["2025-03-03T09:00:00Z"]
    assert plan.warnings == []


def test_table_slide_before_the_fact_slide(tmp_path: Path) -> None:
    plan = extract(tmp_path, TABLE + "\n" + FACTS)
    (group,) = plan.thematic_groups
    assert group.name == "Smart Water"
    assert [w.id for w in group.working_groups] == ["smart-water/wg1"]
    assert group.timeline.raw == "2025-2026"
    assert [w.message for w in plan.warnings] == [
        "working-group table of a group with no fact list"
    ]


def test_columns_found_by_header_text_not_position(tmp_path: Path) -> None:
    table = (
        "# Thematic Group on Smart Water\n\n"
        "Status\tPlanned e-meetings\tWorking Group\tLeader\tBudget\n"
        "Kick off\tN/A\t<b>WG2 - Sensors</b>\tJane Roe (ITU)\t5000\n"
    )
    plan = extract(tmp_path, FACTS + "\n" + table)
    (wg,) = plan.thematic_groups[0].working_groups
    assert (wg.number, wg.title, wg.status) == (2, "Sensors", "kick-off")
    assert [x.name for x in wg.leaders] == ["Jane Roe"]
    assert [(w.message, w.raw) for w in plan.warnings] == [
        ("table column not understood", "Budget")
    ]


def test_other_wording_of_titles_and_labels(tmp_path: Path) -> None:
    text = (
        "# Thematic Groups (ongoing)\n\n- **Smart Water**\n"
        "- **Co-leads:** Jane Roe (ITU)\n- **Timeframe:** 2025\n- **Planned meetings:** TBD\n"
    )
    plan = extract(tmp_path, text)
    (group,) = plan.thematic_groups
    assert group.stage == "ongoing"
    assert [x.role for x in group.leaders] == ["co-leader"]
    assert group.timeline.raw == "2025"
    assert group.meetings == [] and group.meetings_note == "TBD"


def test_continued_table_on_the_next_slide_joins_the_same_group(tmp_path: Path) -> None:
    second = TABLE.replace("WG1 - Leak detection", "WG2 - Metering")
    plan = extract(tmp_path, FACTS + "\n" + TABLE + "\n" + second)
    assert [w.id for w in plan.thematic_groups[0].working_groups] == [
        "smart-water/wg1",
        "smart-water/wg2",
    ]


def test_text_not_understood_is_kept_with_its_line(tmp_path: Path) -> None:
    plan = extract(tmp_path, FACTS + "\nThe budget was discussed at length.\n")
    assert [(w.message, w.raw, w.source.location) for w in plan.warnings] == [
        ("text not understood", "The budget was discussed at length.", "line 14")
    ]


def test_values_not_understood_are_warned_not_dropped(tmp_path: Path) -> None:
    text = FACTS.replace("2025-2026", "next year").replace(
        "see next slide", "every other Tuesday, 10:00-11:00 hours, Geneva time"
    )
    plan = extract(tmp_path, text)
    raws = [w.raw for w in plan.warnings]
    assert "next year" in raws
    assert any("every other Tuesday" in raw for raw in raws)
    timeline = plan.thematic_groups[0].timeline  # the words kept, with no years
    assert (timeline.raw, timeline.start_year, timeline.end_year) == ("next year", None, None)


def test_new_groups_after_an_approved_line(tmp_path: Path) -> None:
    text = (
        "# New Thematic Groups\n\n*Approved*\n\n"
        "# New Thematic Group on Smart Water\n\n- **Smart Water**\n- **Leader:** Jane Roe (ITU)\n"
        "- **Timeline:** 2025\n"
    )
    (group,) = extract(tmp_path, text).thematic_groups
    assert (group.stage, group.approved) == ("new", True)


def test_a_deck_without_groups_is_no_plan(tmp_path: Path) -> None:
    with pytest.raises(NoPlanError, match="no thematic group found"):
        extract(tmp_path, "# Minutes\n\nNothing to see.\n")


def test_a_heading_that_names_nothing_is_reported(tmp_path: Path) -> None:
    plan = extract(tmp_path, FACTS + "\n## Budget and staffing\n\n# Other business\n")
    assert [(w.message, w.raw) for w in plan.warnings] == [
        ("heading not understood", "Budget and staffing"),
        ("heading not understood", "Other business"),
    ]


def test_a_heading_above_a_table_names_its_group(tmp_path: Path) -> None:
    table = TABLE.replace("# Thematic Group on Smart Water", "## Smart Water").replace(
        "Smart Water Working Groups", "Working Groups"
    )
    plan = extract(tmp_path, FACTS + "\n" + table)
    assert [w.id for w in plan.thematic_groups[0].working_groups] == ["smart-water/wg1"]
    assert plan.warnings == []


def test_a_lone_fact_under_a_heading_is_not_a_group(tmp_path: Path) -> None:
    text = FACTS + "\n# Side effects\n\n## Biopsy\n\n- **Duration:** about an hour\n"
    plan = extract(tmp_path, text)
    assert [g.id for g in plan.thematic_groups] == ["smart-water"]
    assert (
        "too few facts for a thematic group; kept as text",
        "Biopsy: timeline: about an hour",
    ) in [(w.message, w.raw) for w in plan.warnings]


def test_a_document_with_only_lone_facts_is_no_plan(tmp_path: Path) -> None:
    with pytest.raises(NoPlanError):
        extract(tmp_path, "# Biopsy\n\n- **Duration:** about an hour\n")
