"""changes.json, changes.csv and changes.md for the diff of the two sample editions."""

from __future__ import annotations

import csv
import io
import json
from copy import deepcopy

from extractor.compare.changes import changes_csv, changes_json, changes_md, report_files
from extractor.compare.diff import diff_plans


def test_json_holds_the_edition_ids_and_six_field_records(sample_diff, expected_changes) -> None:
    data = json.loads(changes_json(sample_diff))
    assert data["old_edition"] == "u4ssc-action-plan-2024-2025"
    assert data["new_edition"] == "u4ssc-action-plan-2025-2026"
    assert data["changes"] == expected_changes
    fields = ("entity", "change", "key", "field", "old", "new")
    assert {tuple(r) for r in data["changes"]} == {fields}


def test_csv_has_one_row_per_change_with_lists_joined(sample_diff, expected_changes) -> None:
    rows = list(csv.DictReader(io.StringIO(changes_csv(sample_diff))))
    assert len(rows) == len(expected_changes)
    secretariat = next(r for r in rows if r["field"] == "secretariat")
    assert secretariat == {
        "entity": "thematic_group", "change": "modified", "key": "digital-wellbeing",
        "field": "secretariat", "old": "ITU", "new": "ITU; UNECE",
    }  # fmt: skip
    renumbered = next(r for r in rows if r["field"] == "number")
    assert (renumbered["old"], renumbered["new"]) == ("5", "4")


def test_markdown_sections_come_newest_first(sample_diff) -> None:
    headings = [line for line in changes_md(sample_diff).splitlines() if line.startswith("## ")]
    assert headings == [
        "## Cyber Resilience for Cities (added)",
        "## Sustainable Digital Transformation in Buildings",
        "## Digital Public Infrastructure (DPI) for cities",
        "## City Platforms",
        "## Artificial Intelligence for Cities",
        "## Enabling People-Centred Cities through Digital Transformation",
        "## Digital Wellbeing",
        "## Future Foresight for Cities",
        "## Enhancing Urban Economic Resilience and Smart Sustainable Cities (removed)",
    ]


def test_markdown_counts_and_lines(sample_diff) -> None:
    text = changes_md(sample_diff)
    wg4 = "enabling-people-centred-cities-through-digital-transformation/wg4"
    assert "102 changes: 20 added, 28 removed, 3 renamed, 51 modified." in text
    assert f"- working group `{wg4}` renumbered: 5 → 4" in text
    moved = "2025-06-19 14:00–15:00 +02:00 → 2025-06-26 14:00–15:00 +02:00"
    assert f"- meeting `{wg4}` rescheduled: {moved}" in text
    assert "- thematic group `digital-wellbeing` secretariat:\n  - added: UNECE" in text
    faubel = "`city-platforms/ernesto-faubel` removed: Ernesto Faubel (City of Valencia)"
    assert f"- leader {faubel}" in text


def test_markdown_without_changes_says_so(old_plan, profile) -> None:
    text = changes_md(diff_plans(old_plan, old_plan, profile.directory))
    assert text == (
        "# Changes from U4SSC Action Plan 2024-2025 to U4SSC Action Plan 2024-2025\n\nNo changes.\n"
    )


def test_reports_are_identical_for_the_same_inputs(old_plan, new_plan, profile) -> None:
    first = report_files(diff_plans(old_plan, new_plan, profile.directory))
    second = report_files(diff_plans(deepcopy(old_plan), deepcopy(new_plan), profile.directory))
    assert list(first) == ["changes.json", "changes.csv", "changes.md"]
    assert first == second
