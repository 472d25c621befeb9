"""The history table across the two sample editions."""

from __future__ import annotations

import csv
import io
import json
from copy import deepcopy

import pytest

from extractor.compare.history import History, build_history, history_csv, history_json
from extractor.model.plan import Plan, YearSpan

OLD, NEW = "u4ssc-action-plan-2024-2025", "u4ssc-action-plan-2025-2026"
CENTRED = "enabling-people-centred-cities-through-digital-transformation"


@pytest.fixture(scope="module")
def history(old_plan: Plan, new_plan: Plan, profile) -> History:
    return build_history([new_plan, old_plan], profile.directory)


def rows(history: History, kind: str) -> dict[tuple[str, str], list]:
    return {(r.id, r.name): r.values for r in history.rows if r.kind == kind}


def test_editions_are_ordered_by_period(history: History) -> None:
    assert history.editions == [OLD, NEW]


def test_working_groups_are_followed_through_renumbering_and_renaming(history) -> None:
    statuses = rows(history, "working_group")
    expected = {
        (f"{CENTRED}/wg4", "Intergenerational Procurement for People-Centred Cities"):
            ["kick-off", "ongoing"],
        ("artificial-intelligence-for-cities/wg2", "Autonomous Cities"): ["ongoing", "completed"],
        ("future-foresight-for-cities/wg1", "Building Future Foresight Capability"):
            ["proposed", "completed"],
        ("city-platforms/wg8", "Urban Digital Twin Platforms"): [None, "kick-off"],
        ("future-foresight-for-cities/wg4", "Mega Trends for Cities"): ["proposed", None],
    }  # fmt: skip
    assert {key: statuses[key] for key in expected} == expected
    assert len(statuses) == 22 + 3  # every working group of 2024-2025, and the 3 new ones


def test_rows_of_the_latest_edition_come_first_in_deck_order(history, new_plan) -> None:
    ids = [r.id for r in history.rows if r.kind == "working_group"]
    latest = [wg.id for g in new_plan.thematic_groups for wg in g.working_groups]
    assert ids[: len(latest)] == latest
    assert ids[len(latest) :] == [f"{CENTRED}/wg4", "future-foresight-for-cities/wg4"]


def test_people_rows_list_the_groups_they_lead(history) -> None:
    people = rows(history, "person")
    assert people[("ezequiel-garcia", "Ezequiel García")] == [
        ["city-platforms/wg7"], ["city-platforms/wg7"]
    ]  # fmt: skip
    assert people[("ernesto-faubel", "Ernesto Faubel")] == [["city-platforms"], []]
    assert people[("lina-haddad", "Lina Haddad")] == [
        [], ["digital-public-infrastructure-dpi-for-cities"]
    ]  # fmt: skip
    assert ("ramon-ferri", "Ramón Ferri") in people
    assert [pid for pid, _ in people] == sorted(pid for pid, _ in people)


def test_csv_and_json_hold_the_same_table(history) -> None:
    table = list(csv.DictReader(io.StringIO(history_csv(history))))
    data = json.loads(history_json(history))
    assert list(table[0]) == ["kind", "id", "name", OLD, NEW]
    assert len(table) == len(data["rows"]) == len(history.rows)
    lina = next(r for r in table if r["id"] == "lina-haddad")
    assert (lina[OLD], lina[NEW]) == ("", "digital-public-infrastructure-dpi-for-cities")
    wg8 = next(r for r in data["rows"] if r["id"] == "city-platforms/wg8")
    assert wg8["editions"] == {OLD: None, NEW: "kick-off"}


def test_three_editions_chain_a_working_group(old_plan, new_plan, profile) -> None:
    third = deepcopy(new_plan)
    third.edition.id, third.edition.period = "third", YearSpan("2026-2027", 2026, 2027)
    wg7 = next(g for g in third.thematic_groups if g.id == "city-platforms").working_groups[6]
    wg7.status = "completed"
    table = build_history([third, old_plan, new_plan], profile.directory)
    found = rows(table, "working_group")[("city-platforms/wg7", "Smart Destination Platforms")]
    assert found == ["kick-off", "ongoing", "completed"]
