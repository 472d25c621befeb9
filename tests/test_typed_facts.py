"""Facts as people type them: run-in bold labels, labels set off by a dash, bold sub-headings."""

from __future__ import annotations

from pathlib import Path

from extractor.profile.load import load_profile
from extractor.recognise.extract import extract_plan
from parsers.markdown import parse_markdown
from parsers.runs import Run, rich_from_runs, run_in_labels

PROFILE = load_profile()


def test_run_in_labels_are_bold_words_followed_by_plain_words() -> None:
    pieces = [("Chair", True), (" ", True), ("Jane Roe", False), ("\n", False)]
    pieces += [("Timeline:", True), (" 2031", False), ("\n", False), ("All bold", True)]
    assert run_in_labels(pieces) == ["Chair"]  # a colon already marks "Timeline:"
    assert run_in_labels([("A bold line", True), ("\n", False), ("plain", False)]) == []
    runs = [Run("Status", bold=True), Run(" ongoing"), Run(" (see "), Run("note", bold=True)]
    assert rich_from_runs(runs).labels == ["Status"]  # "note" is followed by nothing


DECK = """# Ocean Work Plan 2031-2032

# Ongoing Thematic Groups

## Tidal Cities

**Chair** Jane Roe (City of Bergen)\\
**Timeframe** 2031-2032

- Secretariat - ITU and UNEP

### Working Groups

- **WG 1: Tide Data** — Leader: Jane Roe (City of Bergen); Status: Completed [Tide data guide](https://example.org/tide) (new)
- **WG 2: Sea Walls** — Leader: Okan Geray (Digital Dubai); Status: Ongoing
  - **Timeline** 2031-2032

### Objectives

**Primary Objective:**

- To map the tides of every port city.

**Secondary Objectives:**

- To share the maps.

## Sea Cities

- Leaders -
  - Jane Roe (City of Bergen)
  - Okan Geray (Digital Dubai)
- **Timeline**
  - 2031–2032
"""


def test_typed_facts_give_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "ocean-work-plan-2031-2032.md"
    path.write_text(DECK, encoding="utf-8")
    plan = extract_plan(parse_markdown(path), PROFILE)
    group, sea = plan.thematic_groups
    assert (group.name, group.stage) == ("Tidal Cities", "ongoing")
    assert [(x.name, x.role) for x in group.leaders] == [("Jane Roe", "leader")]
    assert (group.timeline.start_year, group.timeline.end_year) == (2031, 2032)
    assert group.secretariat == ["ITU", "UNEP"]
    tide, walls = group.working_groups
    assert (tide.number, tide.title, tide.status) == (1, "Tide Data", "completed")
    assert [(d.title, d.url, d.status, d.is_new) for d in tide.deliverables] == [
        ("Tide data guide", "https://example.org/tide", "completed", True)
    ]
    assert (walls.title, walls.status, walls.timeline.end_year) == ("Sea Walls", "ongoing", 2032)
    assert [(o.kind, o.text) for o in group.objectives] == [
        ("primary", "To map the tides of every port city."),
        ("secondary", "To share the maps."),
    ]
    assert sea.name == "Sea Cities"  # a label ending with a dash, its values nested under it
    assert [(x.name, x.role) for x in sea.leaders] == [
        ("Jane Roe", "leader"),
        ("Okan Geray", "leader"),
    ]
    assert (sea.timeline.start_year, sea.timeline.end_year) == (2031, 2032)
    assert plan.warnings == []
