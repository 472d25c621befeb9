"""The meeting parser with the u4ssc profile's vocabulary, for the meeting tests."""

from __future__ import annotations

from extractor.profile.load import load_profile
from normalizers.meetings import Meeting, MeetingParse, parse_meetings

VOCABULARY = load_profile().meetings
ASSUMED = "no time zone stated; assumed Europe/Zurich"


def parse(text: str) -> MeetingParse:
    return parse_meetings(text, VOCABULARY)


def only(text: str) -> Meeting:
    """The single meeting of a text that parses without problems."""
    result = parse(text)
    assert result.problems == []
    assert len(result.meetings) == 1
    return result.meetings[0]


def messages(result: MeetingParse) -> list[str]:
    return [problem.message for problem in result.problems]
