"""The facts a plan is flattened into for the recognition score (bench/plan_facts.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from plan_facts import plan_facts, score  # noqa: E402

from extractor.model.plan import (  # noqa: E402
    Contacts,
    Deliverable,
    Edition,
    EditionSource,
    Leader,
    Meeting,
    Objective,
    OrganisationRef,
    Plan,
    ThematicGroup,
    WorkingGroup,
    YearSpan,
)


def tiny_plan(status: str = "ongoing") -> Plan:
    meeting = Meeting(
        start="2024-10-30T14:00:00+01:00", end=None, start_utc="2024-10-30T13:00:00Z",
        end_utc=None, timezone="Europe/Zurich", raw="raw",
    )  # fmt: skip
    leader = Leader(
        name="Jane Doe", person_id="jane-doe", organisations=[OrganisationRef("acme", "Acme")],
        country=None, role="leader", raw="raw",
    )  # fmt: skip
    wg = WorkingGroup(
        id="g/wg2", number=2, title="Data  Spaces", status=status, status_raw="Ongoing",
        leaders=[leader], timeline=YearSpan("2024/2025", 2024, 2025), meetings=[meeting],
        deliverables=[
            Deliverable(title="Guide", url="https://x.org/g", status="completed", is_new=True)
        ],
    )  # fmt: skip
    group = ThematicGroup(
        id="g", name="G", stage="new", approved=True, secretariat=["ITU"], scope="Scope.",
        objectives=[Objective("Do it.", "primary")], working_groups=[wg],
    )  # fmt: skip
    edition = Edition(
        "plan-2024-2025", "Plan", YearSpan("2024-2025", 2024, 2025), EditionSource("p", "", "md")
    )
    return Plan(edition, [group], [], [], Contacts(), [])


def test_a_tiny_plan_gives_one_fact_per_field_and_list_item() -> None:
    assert plan_facts(tiny_plan()) == {
        ("edition", "id", "plan-2024-2025"),
        ("edition", "period", (2024, 2025)),
        ("g", "name", "G"),
        ("g", "stage", "new"),
        ("g", "approved", True),
        ("g", "timeline", None),
        ("g", "expected_publication", None),
        ("g", "scope", "Scope."),
        ("g", "meetings_note", None),
        ("g", "secretariat", "ITU"),
        ("g", "objective", ("primary", None, "Do it.")),
        ("g/wg2", "title", "Data Spaces"),  # spacing squashed
        ("g/wg2", "status", "ongoing"),
        ("g/wg2", "timeline", (2024, 2025)),
        ("g/wg2", "expected_publication", None),
        ("g/wg2", "meetings_note", None),
        ("g/wg2", "leader", ("jane-doe", ("acme",), "leader")),
        ("g/wg2", "meeting", ("2024-10-30T13:00:00Z", None)),
        ("g/wg2", "deliverable", ("Guide", "https://x.org/g", "completed", True)),
    }


def test_score_counts_the_facts_in_common() -> None:
    reference = plan_facts(tiny_plan())
    found = plan_facts(tiny_plan(status="completed"))
    result = score(reference, found)
    assert (result.expected, result.found, result.correct) == (19, 19, 18)
    assert round(result.f1, 4) == round(18 / 19, 4)
    assert score(reference, set()).f1 == 0.0
