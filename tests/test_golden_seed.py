"""The whole seed edition against a hand-checked expected plan."""

from __future__ import annotations

import json

import pytest
from sample_paths import OLD_DECK, ROOT

from extractor.model.plan import Deliverable, Leader, Meeting, Objective, Plan, YearSpan
from extractor.profile.load import load_profile
from extractor.recognise.extract import extract_plan
from parsers.detect import parse_file

SEED = OLD_DECK
EXPECTED = json.loads((ROOT / "tests/data/u4ssc-action-plan-2024-2025.expected.json").read_text())


@pytest.fixture(scope="module")
def plan() -> Plan:
    return extract_plan(parse_file(SEED), load_profile())


def leader_line(leader: Leader) -> str:
    orgs = ", ".join(o.id for o in leader.organisations)
    line = f"{leader.role}: {leader.name or '-'} [{orgs}]"
    line += f" ({leader.country})" if leader.country else ""
    return line + (f" {{{leader.position}}}" if leader.position else "")


def meeting_line(meeting: Meeting) -> str:
    return f"{meeting.start} / {meeting.end_utc}"


def deliverable_line(deliverable: Deliverable) -> str:
    return f"{deliverable.status}{', new' if deliverable.is_new else ''}: {deliverable.title}"


def objective_line(objective: Objective) -> str:
    return (
        f"{objective.label}) {objective.text}"
        if objective.label
        else (f"{objective.kind}: {objective.text}")
    )


def years(span: YearSpan | None) -> str | None:
    return span.raw if span else None


def working_group_view(wg) -> dict:
    view = {
        "number": wg.number, "title": wg.title, "status": wg.status,
        "leaders": [leader_line(x) for x in wg.leaders], "timeline": years(wg.timeline),
        "expected_publication": years(wg.expected_publication),
        "meetings": [meeting_line(m) for m in wg.meetings], "meetings_note": wg.meetings_note,
        "deliverables": [deliverable_line(d) for d in wg.deliverables],
    }  # fmt: skip
    return view


def group_view(group, expected: dict) -> dict:
    view = {
        "id": group.id, "name": group.name, "stage": group.stage, "approved": group.approved,
        "timeline": years(group.timeline),
        "expected_publication": years(group.expected_publication),
        "secretariat": group.secretariat, "leaders": [leader_line(x) for x in group.leaders],
        "meetings": [meeting_line(m) for m in group.meetings], "meetings_note": group.meetings_note,
        "deliverables": [deliverable_line(d) for d in group.deliverables],
        "objectives": [objective_line(o) for o in group.objectives],
        "scope_starts": expected["scope_starts"] if group.scope.startswith(expected["scope_starts"])
        else group.scope,
        "working_groups": [],
    }  # fmt: skip
    for wg, expected_wg in zip(group.working_groups, expected["working_groups"], strict=False):
        wg_view = working_group_view(wg)
        if "scope" in expected_wg:
            wg_view["scope"] = wg.scope
        view["working_groups"].append(wg_view)
    view["working_groups"] += [
        working_group_view(w) for w in group.working_groups[len(view["working_groups"]) :]
    ]
    return view


def test_edition(plan: Plan) -> None:
    edition = EXPECTED["edition"]
    assert plan.edition.id == edition["id"]
    assert plan.edition.title == edition["title"]
    assert plan.edition.period.raw == edition["period"]
    assert (plan.edition.period.start_year, plan.edition.period.end_year) == (2024, 2025)
    assert plan.edition.source.format == "markdown"


def test_group_order_and_ids(plan: Plan) -> None:
    assert [g.id for g in plan.thematic_groups] == [g["id"] for g in EXPECTED["thematic_groups"]]


@pytest.mark.parametrize("index", range(len(EXPECTED["thematic_groups"])))
def test_thematic_group(plan: Plan, index: int) -> None:
    expected = EXPECTED["thematic_groups"][index]
    assert group_view(plan.thematic_groups[index], expected) == expected


def test_contacts(plan: Plan) -> None:
    assert plan.contacts.emails == EXPECTED["contacts"]["emails"]
    assert plan.contacts.websites == EXPECTED["contacts"]["websites"]


def test_counts_of_the_done_criteria(plan: Plan) -> None:
    groups = plan.thematic_groups
    assert len(groups) == 9
    assert sorted(g.stage for g in groups).count("ongoing") == 5
    assert [len(g.working_groups) for g in groups if g.working_groups] == [7, 4, 5, 4, 2]
    assert (
        sum(len(g.meetings) + sum(len(w.meetings) for w in g.working_groups) for g in groups) == 27
    )
    assert len(plan.people) == 23


def test_procurement_meetings_in_utc(plan: Plan) -> None:
    group = next(g for g in plan.thematic_groups if g.id.startswith("enabling-people-centred"))
    wg = next(w for w in group.working_groups if w.title.startswith("Intergenerational"))
    starts = {m.start_utc for m in wg.meetings}
    assert "2025-03-20T13:00:00Z" in starts
    assert "2025-04-17T12:00:00Z" in starts


def test_okan_geray_is_one_person_of_one_organisation(plan: Plan) -> None:
    okan = [p for p in plan.people if p.name == "Okan Geray"]
    assert len(okan) == 1
    assert okan[0].organisations == ["digital-dubai-authority"]


def test_un_habitat_co_leader_has_no_person(plan: Plan) -> None:
    group = next(g for g in plan.thematic_groups if g.id.startswith("enabling-people-centred"))
    habitat = [x for x in group.leaders if x.raw == "(UN-Habitat)"]
    assert len(habitat) == 1
    assert habitat[0].name is None and habitat[0].person_id is None
    assert habitat[0].organisations[0].name == "United Nations Human Settlements Programme"


def test_accented_spelling_is_kept(plan: Plan) -> None:
    names = {p.id: p.name for p in plan.people}
    assert names["ezequiel-garcia"] == "Ezequiel García"
    assert names["daniel-vega-diaz"] == "Daniel Vega Díaz"


def test_every_group_and_working_group_has_a_location(plan: Plan) -> None:
    for group in plan.thematic_groups:
        assert group.source.location and group.source.location.startswith("line ")
        for wg in group.working_groups:
            assert wg.source.location and wg.source.location.startswith("line ")


def test_locations_point_at_the_right_lines(plan: Plan) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for group in plan.thematic_groups:
        line = lines[int(group.source.location.split()[1]) - 1]
        assert group.name in line
        for wg in group.working_groups:
            line = lines[int(wg.source.location.split()[1]) - 1]
            assert f"{wg.number}" in line


def test_seed_has_no_warnings(plan: Plan) -> None:
    assert plan.warnings == []
