"""Status cells: a working group's status and the deliverables the cell names."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from normalizers.status import parse_status, status_vocabulary, status_word
from normalizers.values import Deliverable, DeliverableStatus, WorkingGroupStatus

PROFILE = Path(__file__).resolve().parents[1] / "extractor/profile/data/profiles/u4ssc.toml"
VOCABULARY = status_vocabulary(tomllib.loads(PROFILE.read_text(encoding="utf-8"))["status"])
COMPLETED, PLANNED = DeliverableStatus.COMPLETED, DeliverableStatus.PLANNED


def deliverable(
    title: str, url: str | None, status: DeliverableStatus, is_new: bool
) -> Deliverable:
    return Deliverable(title=title, url=url, status=status, is_new=is_new)


@pytest.mark.parametrize(
    ("text", "status"),
    [("Completed", "completed"), ("Ongoing", "ongoing"), ("Kick off", "kick-off"),
     ("Kick-off", "kick-off"), ("kickoff", "kick-off"), ("In progress", "ongoing"),
     ("Proposed", "proposed"), ("Sometime", None)],
)  # fmt: skip
def test_status_words(text: str, status: str | None) -> None:
    assert status_word(text, VOCABULARY) == status
    if status:
        assert parse_status(text, [], VOCABULARY).status == status


def test_completed_with_linked_deliverable() -> None:
    text = "Completed Smart public health emergency management and ICT implementations"
    parsed = parse_status(text, [(text[10:], "#")], VOCABULARY)
    assert parsed.status == "completed"
    assert parsed.deliverables == [deliverable(text[10:], None, COMPLETED, False)]
    assert parsed.problems == []


def test_deliverable_marked_completed_gives_a_completed_status() -> None:
    title = "Guiding principles for artificial intelligence in cities"
    parsed = parse_status(f"{title} (completed)", [(title, "#")], VOCABULARY)
    assert parsed.status == "completed"
    assert parsed.deliverables == [deliverable(title, None, COMPLETED, False)]


def test_ongoing_with_new_completed_deliverable_after_the_link() -> None:
    title = "Data and API requirements for centralized smart city platforms"
    text = f"Ongoing  Completed deliverable under WG6: {title} (new)"
    parsed = parse_status(text, [(title, "https://u4ssc.itu.int/data-api")], VOCABULARY)
    assert parsed.status == "ongoing"
    assert parsed.deliverables == [
        deliverable(title, "https://u4ssc.itu.int/data-api", COMPLETED, True)
    ]


def test_new_marker_inside_the_link_text() -> None:
    title = "Policy benchmarks for digital transformation of people-centred cities"
    text = f"Ongoing  Completed deliverable under WG2: {title} (new)"
    parsed = parse_status(text, [(f"{title} (new)", "#")], VOCABULARY)
    assert parsed.status == "ongoing"
    assert parsed.deliverables == [deliverable(title, None, COMPLETED, True)]


def test_deliverable_without_a_link() -> None:
    parsed = parse_status("Completed: Annual report on city data", [], VOCABULARY)
    assert parsed.status == "completed"
    assert parsed.deliverables == [
        deliverable("Annual report on city data", None, COMPLETED, False)
    ]


def test_two_linked_deliverables() -> None:
    text = "Completed First report and Second report"
    links = [("First report", "https://a.org/1"), ("Second report", "https://a.org/2")]
    parsed = parse_status(text, links, VOCABULARY)
    assert [d.title for d in parsed.deliverables] == ["First report", "Second report"]
    assert parsed.deliverables[0].status == COMPLETED
    assert parsed.problems == []


def test_text_that_names_no_status_is_other_and_kept_as_a_problem() -> None:
    parsed = parse_status("Waiting for the chair", [], VOCABULARY)
    assert parsed.status == "other"
    assert [(p.message, p.raw) for p in parsed.problems] == [
        ("status not understood; kept as 'other'", "Waiting for the chair")
    ]


def test_every_deliverable_after_completed_is_completed() -> None:
    text = "Completed First report Second report"
    links = [("First report", "https://a.org/1"), ("Second report", "https://a.org/2")]
    parsed = parse_status(text, links, VOCABULARY)
    assert [(d.title, d.status) for d in parsed.deliverables] == [
        ("First report", COMPLETED),
        ("Second report", COMPLETED),
    ]


def test_deliverable_after_ongoing_is_planned() -> None:
    parsed = parse_status("Ongoing Draft guidelines", [("Draft guidelines", "#")], VOCABULARY)
    assert parsed.status == "ongoing"
    assert parsed.deliverables == [deliverable("Draft guidelines", None, PLANNED, False)]


def test_statuses_are_working_group_statuses() -> None:
    assert status_word("Kick off", VOCABULARY) is WorkingGroupStatus.KICK_OFF
    assert set(VOCABULARY.words) <= set(WorkingGroupStatus)


def test_a_status_key_outside_the_vocabulary_is_an_error() -> None:
    with pytest.raises(ValueError, match="'paused' is not a working-group status"):
        status_vocabulary({"paused": ["on hold"]})
