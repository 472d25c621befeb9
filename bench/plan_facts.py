"""A plan flattened into facts: (record key, field, value) triples that can be counted.

Thematic groups are keyed by their id, working groups by "<group id>/wg<number>". Lists
(leaders, meetings, deliverables, secretariat, objectives, scope lines) give one triple per item,
so a plan that finds three of four meetings scores three of four. Texts have their spacing
squashed; meetings are their UTC instants; years are (start, end).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractor.model.plan import (
    Deliverable,
    Leader,
    Meeting,
    Plan,
    ThematicGroup,
    WorkingGroup,
    YearSpan,
)
from normalizers.text import squash_spaces

Fact = tuple[str, str, Any]


@dataclass(frozen=True)
class Score:
    """How the facts of a rendition's plan compare with the reference plan's."""

    expected: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        """Share of the facts found that are right."""
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        """Share of the reference facts that were found."""
        return self.correct / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def plan_facts(plan: Plan) -> set[Fact]:
    """Every fact of a plan as a triple."""
    facts: set[Fact] = set()
    facts.add(("edition", "id", plan.edition.id))
    facts.add(("edition", "period", _years(plan.edition.period)))
    for group in plan.thematic_groups:
        facts |= set(_group_facts(group))
        for wg in group.working_groups:
            facts |= set(_working_group_facts(f"{group.id}/wg{wg.number}", wg))
    return facts


def score(reference: set[Fact], found: set[Fact]) -> Score:
    """Precision and recall of found facts against the reference."""
    return Score(len(reference), len(found), len(reference & found))


def _group_facts(group: ThematicGroup) -> Iterator[Fact]:
    key = group.id
    yield key, "name", _text(group.name)
    yield key, "stage", group.stage
    yield key, "approved", group.approved
    yield key, "timeline", _years(group.timeline)
    yield key, "expected_publication", _years(group.expected_publication)
    yield key, "scope", _text(group.scope)
    yield key, "meetings_note", _text(group.meetings_note)
    for name in group.secretariat:
        yield key, "secretariat", _text(name)
    for objective in group.objectives:
        yield key, "objective", (objective.kind, objective.label, _text(objective.text))
    yield from _shared(key, group.leaders, group.meetings, group.deliverables)


def _working_group_facts(key: str, wg: WorkingGroup) -> Iterator[Fact]:
    yield key, "title", _text(wg.title)
    yield key, "status", wg.status
    yield key, "timeline", _years(wg.timeline)
    yield key, "expected_publication", _years(wg.expected_publication)
    yield key, "meetings_note", _text(wg.meetings_note)
    for line in wg.scope:
        yield key, "scope", _text(line)
    yield from _shared(key, wg.leaders, wg.meetings, wg.deliverables)


def _shared(
    key: str, leaders: list[Leader], meetings: list[Meeting], deliverables: list[Deliverable]
) -> Iterator[Fact]:
    for leader in leaders:
        organisations = tuple(sorted(o.id for o in leader.organisations))
        yield key, "leader", (leader.person_id, organisations, leader.role)
    for meeting in meetings:
        yield key, "meeting", (meeting.start_utc, meeting.end_utc)
    for deliverable in deliverables:
        item = (_text(deliverable.title), deliverable.url, deliverable.status, deliverable.is_new)
        yield key, "deliverable", item


def _text(value: str | None) -> str | None:
    return squash_spaces(value) if value else None


def _years(span: YearSpan | None) -> tuple[int, int] | None:
    return (span.start_year, span.end_year) if span else None


if __name__ == "__main__":
    print("plan_facts.py flattens plans for recognition.py; it measures nothing by itself")
