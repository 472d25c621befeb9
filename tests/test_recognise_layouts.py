"""One small plan laid out as other people lay out decks: every layout gives the same plan.

tests/data/layouts/smart-rivers-2026-2027.md is the plan in our own conventions; the other
files hold the same words in other shapes: fact tables, a separate number column, numbered
headings, a "Working Groups" sub-heading, an "Approved" heading, the period in a subtitle,
working groups as list items with nested facts, tiles as blocks.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from extractor.model.dump import plan_to_dict, without_sources
from extractor.model.plan import Plan
from extractor.profile.load import load_profile
from extractor.recognise.extract import extract_plan
from parsers.detect import parse_file

LAYOUTS = Path(__file__).parent / "data" / "layouts"
CANONICAL = LAYOUTS / "smart-rivers-2026-2027.md"
OTHERS = sorted(p for p in LAYOUTS.iterdir() if p != CANONICAL)
PROFILE = load_profile()


def extract(path: Path) -> Plan:
    return extract_plan(parse_file(path), PROFILE)


def text_of(plan: Plan) -> str:
    return json.dumps(without_sources(plan_to_dict(plan)), indent=1, ensure_ascii=False)


def test_the_canonical_layout_as_read_by_hand() -> None:
    plan = extract(CANONICAL)
    assert plan.edition.id == "smart-rivers-action-plan-2026-2027"
    water, coast = plan.thematic_groups
    assert (water.id, water.stage, water.approved) == ("urban-water-resilience", "ongoing", None)
    assert (coast.id, coast.stage, coast.approved) == ("coastal-cities", "new", True)
    assert [(w.number, w.title, w.status) for w in water.working_groups] == [
        (1, "Leak detection in city networks", "ongoing"),
        (2, "Flood sensors", "kick-off"),
    ]
    # 14 April 2026 is summer time in Geneva: 13:00 local is 11:00 UTC
    assert [m.start_utc for m in water.working_groups[0].meetings] == ["2026-04-14T11:00:00Z"]
    assert [m.start_utc for m in water.meetings] == ["2026-03-12T09:00:00Z"]
    assert [(w.number, w.title, w.status, w.status_raw) for w in coast.working_groups] == [
        (1, "Rain Harvesting", "proposed", "Proposed Working Groups"),
        (2, "Green Roofs for Coastal Cities", "proposed", "Proposed Working Groups"),
    ]
    assert [x.person_id for x in water.working_groups[1].leaders] == ["okan-geray"]
    assert plan.warnings == []
    assert plan.edition.source.text_used == 1.0


@pytest.mark.parametrize("path", OTHERS, ids=[p.name for p in OTHERS])
def test_every_layout_gives_the_same_plan(path: Path) -> None:
    expected, found = text_of(extract(CANONICAL)), text_of(extract(path))
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), found.splitlines(), n=1))
    assert found == expected, diff[:3000]


@pytest.mark.parametrize("path", OTHERS, ids=[p.name for p in OTHERS])
def test_every_layout_uses_nearly_all_its_text(path: Path) -> None:
    assert extract(path).edition.source.text_used >= 0.95
