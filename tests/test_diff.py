"""Change records between editions: one focused edit of the real 2024-2025 plan per test."""

from __future__ import annotations

from copy import deepcopy
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sample_paths import SAMPLES

from extractor.compare.changes import record
from extractor.compare.diff import Change, diff_plans
from extractor.compare.editions import load_edition
from extractor.model.plan import (
    Deliverable,
    DeliverableStatus,
    Leader,
    LeaderRole,
    Meeting,
    OrganisationRef,
    Plan,
    YearSpan,
)
from extractor.profile.load import DEFAULT_PROFILE, Profile, load_profile
from parsers.detect import supported

AI = "artificial-intelligence-in-cities"
PEOPLE_CENTRED = "enabling-people-centred-cities-through-digital-transformation"


def changes(old: Plan, new: Plan, profile: Profile) -> list[Change]:
    return diff_plans(old, new, profile.directory).changes


def group(plan: Plan, group_id: str):
    return next(g for g in plan.thematic_groups if g.id == group_id)


def working_group(plan: Plan, wg_id: str):
    return next(wg for wg in group(plan, wg_id.split("/")[0]).working_groups if wg.id == wg_id)


def meeting(start: str, end: str) -> Meeting:
    def utc(text: str) -> str:
        return datetime.fromisoformat(text).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    return Meeting(
        start=start, end=end, start_utc=utc(start), end_utc=utc(end), timezone="Europe/Zurich",
        raw=f"{start} - {end}",
    )  # fmt: skip


@pytest.fixture
def new(old_plan: Plan) -> Plan:
    """A copy of the 2024-2025 plan for one test to edit."""
    return deepcopy(old_plan)


# -- the samples -------------------------------------------------------------------------------


def test_sample_editions_give_exactly_the_hand_written_changes(
    old_plan: Plan, new_plan: Plan, profile: Profile, expected_changes: list[dict]
) -> None:
    found = [record(change) for change in changes(old_plan, new_plan, profile)]
    assert found == expected_changes


def _renditions() -> list[tuple[Path, Path]]:
    decks = sorted(p for p in SAMPLES.iterdir() if supported(p))
    markdown = [p for p in decks if p.suffix == ".md"]
    return [
        (md, other) for md in markdown for other in decks if other.stem == md.stem and other != md
    ]


@pytest.mark.parametrize(
    ("first", "second"), _renditions(), ids=lambda p: p.name if isinstance(p, Path) else p
)
def test_renditions_of_one_deck_have_no_change(first: Path, second: Path, profile) -> None:
    assert changes(load_edition(first, profile), load_edition(second, profile), profile) == []


def test_every_sample_deck_has_another_rendition_to_compare() -> None:
    assert {md.stem for md, _ in _renditions()} == {
        "u4ssc-action-plan-2024-2025",
        "u4ssc-action-plan-2025-2026",
    }


def test_a_plan_has_no_change_against_itself(old_plan: Plan, new: Plan, profile) -> None:
    assert changes(old_plan, new, profile) == []


# -- thematic groups ---------------------------------------------------------------------------


def test_stage_new_to_ongoing_is_one_record(old_plan: Plan, new: Plan, profile) -> None:
    foresight = group(new, "future-foresight-for-cities")
    foresight.stage, foresight.approved = "ongoing", None
    assert changes(old_plan, new, profile) == [
        Change("thematic_group", "modified", foresight.id, "stage", "new", "ongoing")
    ]


def test_approval_within_a_stage_is_reported(old_plan: Plan, new: Plan, profile) -> None:
    group(new, "future-foresight-for-cities").approved = None
    assert changes(old_plan, new, profile) == [
        Change("thematic_group", "modified", "future-foresight-for-cities", "approved", True, None)
    ]


def test_renamed_group_is_a_rename_and_its_contents_follow(old_plan, new, profile) -> None:
    wellbeing = group(new, "digital-wellbeing")
    wellbeing.id, wellbeing.name = "digital-wellbeing-in-cities", "Digital Wellbeing in Cities"
    wellbeing.secretariat = ["ITU", "UNDP"]
    assert changes(old_plan, new, profile) == [
        Change("thematic_group", "renamed", "digital-wellbeing-in-cities", "name",
               "Digital Wellbeing", "Digital Wellbeing in Cities"),
        Change("thematic_group", "modified", "digital-wellbeing-in-cities", "secretariat",
               ["ITU"], ["ITU", "UNDP"]),
    ]  # fmt: skip


def test_group_under_an_unrelated_name_is_removed_and_added(old_plan, new, profile) -> None:
    wellbeing = group(new, "digital-wellbeing")
    wellbeing.id, wellbeing.name = "smart-water-management", "Smart Water Management"
    assert changes(old_plan, new, profile) == [
        Change("thematic_group", "added", "smart-water-management", new="Smart Water Management"),
        Change("thematic_group", "removed", "digital-wellbeing", old="Digital Wellbeing"),
    ]


def test_removed_and_added_groups_are_one_record_each(old_plan, new, profile) -> None:
    new.thematic_groups = [g for g in new.thematic_groups if g.id != "city-platforms"]
    removed = Change("thematic_group", "removed", "city-platforms", old="City Platforms")
    assert changes(old_plan, new, profile) == [removed]
    added = Change("thematic_group", "added", "city-platforms", new="City Platforms")
    assert changes(new, old_plan, profile) == [added]


def test_timeline_and_publication_compare_years_not_spelling(old_plan, new, profile) -> None:
    centred = group(new, PEOPLE_CENTRED)
    assert centred.expected_publication.raw == "2024/2025"
    centred.expected_publication = YearSpan("2024-2025", 2024, 2025)
    assert changes(old_plan, new, profile) == []
    centred.timeline = YearSpan("2024 - 2026", 2024, 2026)
    working_group(new, "city-platforms/wg6").expected_publication = None
    assert changes(old_plan, new, profile) == [
        Change("working_group", "modified", "city-platforms/wg6", "expected_publication",
               "2025", None),
        Change("thematic_group", "modified", PEOPLE_CENTRED, "timeline", "2024-2025", "2024-2026"),
    ]  # fmt: skip


def test_secretariat_order_and_aliases_are_not_change(old_plan, new, profile) -> None:
    buildings = group(new, "sustainable-digital-transformation-in-buildings-and-urban-energy")
    assert buildings.secretariat == ["UNEP", "ITU"]
    buildings.secretariat = ["International Telecommunication Union", "UN Environment"]
    assert changes(old_plan, new, profile) == []
    buildings.secretariat.append("UNECE")
    assert [(c.field, c.new) for c in changes(old_plan, new, profile)] == [
        ("secretariat", ["International Telecommunication Union", "UN Environment", "UNECE"])
    ]


def test_rewritten_scope_is_one_record_with_both_texts(old_plan, new, profile) -> None:
    before = group(old_plan, AI).scope
    group(new, AI).scope = "AI for city services, from pilots to procurement."
    assert changes(old_plan, new, profile) == [
        Change("thematic_group", "modified", AI, "scope", before,
               "AI for city services, from pilots to procurement."),
    ]  # fmt: skip


def test_spacing_quotes_case_and_sources_are_not_change(old_plan, new, profile) -> None:
    centred = group(new, PEOPLE_CENTRED)
    centred.scope = centred.scope.replace("“", '"').replace("”", '"').replace(" ", "  ")
    centred.name = centred.name.upper()
    wg6 = working_group(new, "city-platforms/wg6")
    wg6.title = wg6.title.lower() + " "
    wg6.deliverables[0].title = wg6.deliverables[0].title.replace(" ", "\u00a0")
    wg6.source.location = "slide 4"
    new.edition.source.path, new.edition.source.format = "elsewhere/deck.pptx", "pptx"
    assert changes(old_plan, new, profile) == []


def test_objectives_are_compared_as_one_list(old_plan, new, profile) -> None:
    dpi = group(new, "digital-public-infrastructure-dpi-for-cities")
    before = [o.text for o in dpi.objectives]
    del dpi.objectives[-1]
    assert changes(old_plan, new, profile) == [
        Change("thematic_group", "modified", dpi.id, "objectives", before, before[:-1])
    ]


# -- working groups ----------------------------------------------------------------------------


def test_status_transitions_kick_off_ongoing_completed(old_plan, profile) -> None:
    plans = [old_plan, deepcopy(old_plan), deepcopy(old_plan)]
    working_group(plans[1], "city-platforms/wg7").status = "ongoing"
    working_group(plans[2], "city-platforms/wg7").status = "completed"
    transitions = [changes(a, b, profile) for a, b in zip(plans, plans[1:], strict=False)]
    wg7 = "city-platforms/wg7"
    assert transitions == [
        [Change("working_group", "modified", wg7, "status", "kick-off", "ongoing")],
        [Change("working_group", "modified", wg7, "status", "ongoing", "completed")],
    ]


def test_renumbered_working_group_is_matched_by_title(old_plan, new, profile) -> None:
    ai = group(new, AI)
    del ai.working_groups[2]
    fair = ai.working_groups[2]
    fair.number, fair.id = 3, f"{AI}/wg3"
    assert changes(old_plan, new, profile) == [
        Change("working_group", "renamed", f"{AI}/wg3", "number", 4, 3),
        Change("working_group", "removed", f"{AI}/wg3", old="AI-Driven KPIs Measurement"),
    ]


def test_retitled_working_group_keeps_its_number(old_plan, new, profile) -> None:
    working_group(new, "city-platforms/wg7").title = "Visitor Economy Data Spaces"
    assert changes(old_plan, new, profile) == [
        Change("working_group", "renamed", "city-platforms/wg7", "title",
               "Smart Destination Platforms", "Visitor Economy Data Spaces"),
    ]  # fmt: skip


# -- leaders -----------------------------------------------------------------------------------


def test_people_match_whatever_the_accents_and_case(old_plan, new, profile) -> None:
    garcia = working_group(new, "city-platforms/wg7").leaders[1]
    assert garcia.name == "Ezequiel García"
    garcia.name, garcia.person_id = "EZEQUIEL GARCIA", "ezequiel-garcia-2"
    assert changes(old_plan, new, profile) == []


def test_people_match_through_the_alias_table(old_plan, new, profile, tmp_path) -> None:
    for leader in group(new, "digital-wellbeing").leaders:
        leader.name, leader.person_id = "Dr. Okan Geray", "dr-okan-geray"
    assert [c.change for c in changes(old_plan, new, profile)] == ["added", "removed"]
    aliases = tmp_path / "people.csv"
    aliases.write_text("id,name,aliases\nokan-geray,Okan Geray,Dr. Okan Geray\n", encoding="utf-8")
    with_alias = load_profile(DEFAULT_PROFILE, [aliases])
    assert changes(old_plan, new, with_alias) == []


def test_organisations_match_through_aliases(old_plan, new, profile) -> None:
    okan = group(new, AI).leaders[0]
    assert [ref.id for ref in okan.organisations] == ["digital-dubai-authority"]
    okan.organisations = [OrganisationRef("digital-dubai", "Digital Dubai")]
    assert changes(old_plan, new, profile) == []


def test_leader_changing_organisation(old_plan, new, profile) -> None:
    sandra = working_group(new, "city-platforms/wg7").leaders[0]
    sandra.organisations = [OrganisationRef("segittur", "SEGITTUR")]
    assert changes(old_plan, new, profile) == [
        Change("leader", "modified", "city-platforms/wg7/sandra-carvao", "organisations",
               ["UN Tourism"], ["SEGITTUR"]),
    ]  # fmt: skip


def test_leaders_added_and_removed(old_plan, new, profile) -> None:
    wg7 = working_group(new, "city-platforms/wg7")
    maria = Leader(name="María López", person_id="maria-lopez",
                   organisations=[OrganisationRef("un-tourism", "UN Tourism")], country=None,
                   role=LeaderRole.LEADER, raw="María López (UN Tourism)")  # fmt: skip
    wg7.leaders = [wg7.leaders[1], maria]
    assert changes(old_plan, new, profile) == [
        Change("leader", "added", "city-platforms/wg7/maria-lopez", new="María López (UN Tourism)"),
        Change("leader", "removed", "city-platforms/wg7/sandra-carvao",
               old="Sandra Carvao (UN Tourism)"),
    ]  # fmt: skip


def test_leader_role_change(old_plan, new, profile) -> None:
    group(new, "digital-wellbeing").leaders[0].role = "co-leader"
    assert changes(old_plan, new, profile) == [
        Change("leader", "modified", "digital-wellbeing/okan-geray", "role", "leader", "co-leader")
    ]


# -- deliverables ------------------------------------------------------------------------------


def test_deliverable_completed_and_added(old_plan, new, profile) -> None:
    guide = working_group(new, "future-foresight-for-cities/wg1").deliverables[0]
    guide.status, guide.is_new = "completed", True
    report = Deliverable(title="Smart destination platforms: a reference model", url=None,
                         status=DeliverableStatus.COMPLETED, is_new=True)  # fmt: skip
    working_group(new, "city-platforms/wg7").deliverables.append(report)
    assert changes(old_plan, new, profile) == [
        Change("deliverable", "added",
               "city-platforms/wg7/smart-destination-platforms-a-reference-model",
               new="Smart destination platforms: a reference model"),
        Change("deliverable", "modified",
               "future-foresight-for-cities/wg1/a-guide-to-future-foresight-in-cities",
               "status", "planned", "completed"),
    ]  # fmt: skip


def test_deliverable_renamed_and_removed(old_plan, new, profile) -> None:
    working_group(new, "city-platforms/wg6").deliverables[
        0
    ].title = "Data and API requirements for centralised smart city platforms"
    working_group(new, "city-platforms/wg2").deliverables.clear()
    key = "city-platforms/wg6/data-and-api-requirements-for-centralised-smart-city-platforms"
    assert changes(old_plan, new, profile) == [
        Change("deliverable", "removed",
               "city-platforms/wg2/smart-public-health-emergency-management-and-ict-implementations",
               old="Smart public health emergency management and ICT implementations"),
        Change("deliverable", "renamed", key, "title",
               "Data and API requirements for centralized smart city platforms",
               "Data and API requirements for centralised smart city platforms"),
    ]  # fmt: skip


# -- meetings ----------------------------------------------------------------------------------


def test_meetings_are_matched_by_start_instant(old_plan, new, profile) -> None:
    wellbeing = group(new, "digital-wellbeing")
    same_instant = meeting("2024-10-30T12:30:00+00:00", "2024-10-30T13:30:00+00:00")
    assert same_instant.start_utc == wellbeing.meetings[0].start_utc
    wellbeing.meetings = [same_instant]
    assert changes(old_plan, new, profile) == []


def test_meetings_added_and_removed(old_plan, new, profile) -> None:
    wellbeing = group(new, "digital-wellbeing")
    wellbeing.meetings = [meeting("2025-03-12T13:30:00+01:00", "2025-03-12T14:30:00+01:00")]
    assert changes(old_plan, new, profile) == [
        Change("meeting", "added", "digital-wellbeing/2025-03-12T13:30:00+01:00",
               new="2025-03-12T13:30:00+01:00/2025-03-12T14:30:00+01:00"),
        Change("meeting", "removed", "digital-wellbeing/2024-10-30T13:30:00+01:00",
               old="2024-10-30T13:30:00+01:00/2024-10-30T14:30:00+01:00"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("wg", "old_time", "new_time"),
    [
        ("wg2", "2024-10-30T14:30:00+01:00/2024-10-30T15:00:00+01:00",
         "2024-11-06T14:30:00+01:00/2024-11-06T15:00:00+01:00"),
        ("wg3", "2024-10-30T15:00:00+01:00/2024-10-30T15:45:00+01:00",
         "2024-10-30T15:00:00+01:00/2024-10-30T16:00:00+01:00"),
    ],
    ids=["moved a week", "ends later"],
)  # fmt: skip
def test_rescheduled_meeting_is_one_time_record(old_plan, new, profile, wg, old_time, new_time):
    working_group(new, f"{AI}/{wg}").meetings = [meeting(*new_time.split("/"))]
    key = f"{AI}/{wg}/{new_time.split('/')[0]}"
    assert changes(old_plan, new, profile) == [
        Change("meeting", "modified", key, "time", old_time, new_time)
    ]


def test_meeting_moved_further_is_removed_and_added(old_plan, new, profile) -> None:
    wg2 = working_group(new, f"{AI}/wg2")
    wg2.meetings = [meeting("2024-11-20T14:30:00+01:00", "2024-11-20T15:00:00+01:00")]
    assert [c.change for c in changes(old_plan, new, profile)] == ["added", "removed"]
