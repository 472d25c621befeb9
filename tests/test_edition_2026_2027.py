"""The fictional 2026-2027 edition, checked against values worked out by reading its markdown.

UTC instants follow the zone rules of the dates: Geneva is at UTC+2 until the last Sunday of
October 2026 (25 October) and from the last Sunday of March 2027 (28 March), at UTC+1 between;
New York is at UTC-4 until the first Sunday of November 2026 (1 November); Dubai, Nairobi and
Singapore keep UTC+4, UTC+3 and UTC+8 all year.
"""

from __future__ import annotations

import pytest
from sample_paths import SAMPLES

from extractor.compare.editions import load_edition
from extractor.model.plan import Plan, ThematicGroup, WorkingGroup

DECK = SAMPLES / "u4ssc-action-plan-2026-2027.md"


@pytest.fixture(scope="module")
def plan(profile) -> Plan:
    return load_edition(DECK, profile)


def group(plan: Plan, group_id: str) -> ThematicGroup:
    return next(g for g in plan.thematic_groups if g.id == group_id)


def working_group(plan: Plan, wg_id: str) -> WorkingGroup:
    return next(w for g in plan.thematic_groups for w in g.working_groups if w.id == wg_id)


def test_edition_and_counts(plan: Plan) -> None:
    assert plan.edition.id == "u4ssc-action-plan-2026-2027"
    assert (plan.edition.period.start_year, plan.edition.period.end_year) == (2026, 2027)
    assert plan.warnings == []
    assert [len(g.working_groups) for g in plan.thematic_groups] == [8, 0, 3, 2, 2, 0]
    assert [g.stage for g in plan.thematic_groups] == ["ongoing"] * 4 + ["new"] * 2
    assert [g.approved for g in plan.thematic_groups[4:]] == [True, True]
    meetings = [m for g in plan.thematic_groups for m in g.meetings] + [
        m for g in plan.thematic_groups for w in g.working_groups for m in w.meetings
    ]
    assert len(meetings) == 11
    assert len(plan.people) == 16
    proposed = [
        w.id for g in plan.thematic_groups for w in g.working_groups if w.status == "proposed"
    ]
    assert proposed == ["smart-ports-and-coastal-cities/wg1", "smart-ports-and-coastal-cities/wg2"]


def test_status_words_of_the_profile(plan: Plan) -> None:
    statuses = {
        w.number: w.status for w in group(plan, "urban-mobility-data-spaces").working_groups
    }
    # Published, Concluded, Finished, Done; In progress, On-going; Starting, Launched
    assert statuses == {
        1: "completed", 2: "completed", 3: "completed", 4: "completed",
        5: "ongoing", 6: "ongoing", 7: "kick-off", 8: "kick-off",
    }  # fmt: skip
    assert working_group(plan, "generative-ai-in-municipal-services/wg3").status == "kick-off"


@pytest.mark.parametrize(
    ("owner", "starts_utc"),
    [
        ("urban-mobility-data-spaces/wg5", ["2027-01-14T09:00:00Z", "2027-02-11T09:00:00Z"]),
        ("urban-mobility-data-spaces/wg6", ["2026-10-07T18:30:00Z"]),  # 2:30 pm EDT
        ("urban-mobility-data-spaces/wg7", ["2026-11-12T12:00:00Z"]),  # 16:00 Dubai
        (
            "generative-ai-in-municipal-services/wg2",
            ["2026-11-05T07:00:00Z", "2026-12-03T00:00:00Z"],
        ),
        ("digital-twins-for-heritage-cities/wg1", ["2026-10-21T12:30:00Z", "2026-11-04T08:00:00Z"]),
    ],
)
def test_working_group_meetings_in_utc(plan: Plan, owner: str, starts_utc: list[str]) -> None:
    assert [m.start_utc for m in working_group(plan, owner).meetings] == starts_utc


def test_group_meetings_across_the_spring_switch(plan: Plan) -> None:
    water = group(plan, "climate-resilient-water-management")
    # 18 March 2027 is before the switch (CET), 29 April after it (CEST)
    assert [(m.start, m.start_utc) for m in water.meetings] == [
        ("2027-03-18T14:00:00+01:00", "2027-03-18T13:00:00Z"),
        ("2027-04-29T14:00:00+02:00", "2027-04-29T12:00:00Z"),
    ]
    ports = group(plan, "smart-ports-and-coastal-cities")
    assert [m.start_utc for m in ports.meetings] == ["2026-12-09T12:00:00Z"]
    assert (
        ports.meetings_note
        == "Further information will be circulated through the U4SSC Mailing-List."
    )


def test_end_of_a_ninety_minute_meeting(plan: Plan) -> None:
    second = working_group(plan, "digital-twins-for-heritage-cities/wg1").meetings[1]
    assert (second.start, second.end_utc) == ("2026-11-04T09:00:00+01:00", "2026-11-04T09:30:00Z")


def test_deliverable_links_and_markers(plan: Plan) -> None:
    wg6 = working_group(plan, "urban-mobility-data-spaces/wg6")
    assert [(d.title, d.url, d.status, d.is_new) for d in wg6.deliverables] == [
        (
            "Survey of curb data standards",
            "https://u4ssc.example.org/mobility/wg6-survey",
            "completed",
            True,
        )
    ]
    wg1 = working_group(plan, "generative-ai-in-municipal-services/wg1")
    assert wg1.status == "completed"
    assert wg1.deliverables[0].url == "https://u4ssc.example.org/genai/wg1"
    assert wg1.deliverables[0].is_new is False


def test_leaders_and_unknown_organisations(plan: Plan) -> None:
    mobility = group(plan, "urban-mobility-data-spaces")
    assert [(leader.person_id, leader.role) for leader in mobility.leaders] == [
        ("ingrid-solberg", "co-leader"), ("tomas-aranda", "co-leader"),
    ]  # fmt: skip
    femp = mobility.leaders[1].organisations[0]
    assert femp.id == "federacion-espanola-de-municipios-y-provincias"  # FEMP is an acronym row
    known = {o.id: o.known for o in plan.organisations}
    assert known["city-of-bergen"] is False
    assert known["lagos-state-water-corporation"] is False
    assert known["digital-dubai-authority"] is True
    ports = group(plan, "smart-ports-and-coastal-cities")
    assert [leader.role for leader in ports.leaders] == ["suggested-leader"] * 2
    assert working_group(plan, "generative-ai-in-municipal-services/wg2").leaders[1].country == (
        "Singapore"
    )


def test_years_notes_and_proposals(plan: Plan) -> None:
    genai = group(plan, "generative-ai-in-municipal-services")
    assert genai.expected_publication.raw == "2026/2027"
    assert genai.secretariat == ["ITU"]
    assert group(plan, "digital-twins-for-heritage-cities").secretariat == ["ITU", "UNESCO"]
    assert working_group(plan, "urban-mobility-data-spaces/wg2").timeline.raw == "2024"
    wg1 = working_group(plan, "smart-ports-and-coastal-cities/wg1")
    assert wg1.title == "Port-City Data Exchange"
    assert [d.title for d in wg1.deliverables] == ["Guidelines for port-city data exchange"]
    assert len(wg1.scope) == 2
    heat = group(plan, "inclusive-urban-heat-action")
    assert [o.kind for o in heat.objectives] == ["primary", "secondary", "secondary"]
    assert [d.title for d in heat.deliverables] == [
        "Heat exposure data guide", "Case studies of heat alert services",
    ]  # fmt: skip
    assert heat.meetings_note == "To be announced."
