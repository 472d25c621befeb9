"""Calling the normalizers with the profile's vocabulary, collecting what they could not read."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from extractor.model.plan import (
    Deliverable,
    Leader,
    LeaderRole,
    Meeting,
    PlanWarning,
    SourceRef,
    WorkingGroupStatus,
    YearSpan,
)
from extractor.profile.load import Profile
from extractor.profile.phrases import clean
from normalizers.leaders import LeaderParse, parse_leaders
from normalizers.meetings import parse_meetings
from normalizers.problems import Problem
from normalizers.status import PLACEHOLDER_URLS, parse_status
from normalizers.years import parse_years, years_problem
from parsers.deck import Link, Location

# The only link targets a deliverable's url may hold; others (javascript:, data:, file:...) are
# kept as the raw text of a warning.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
UNSAFE_URL = "link target is not an http, https or mailto address; kept as text, not as a url"


@dataclass
class Normalizer:
    """Calls the normalizers with the profile's vocabulary and keeps their problems as warnings."""

    profile: Profile
    warnings: list[PlanWarning] = field(default_factory=list)
    # The same entry comes again when one person leads several working groups.
    _leader_parses: dict[tuple[str, LeaderRole], LeaderParse] = field(
        default_factory=dict, init=False, repr=False
    )

    def warn(self, message: str, raw: str, location: Location | None) -> None:
        """Record text that was not understood, with where it came from."""
        self.warn_at(message, raw, str(location) if location else None)

    def warn_at(self, message: str, raw: str, where: str | None) -> None:
        """Record text that was not understood, with where it came from as written out."""
        self.warnings.append(PlanWarning(message=message, raw=raw, source=SourceRef(where)))

    def _problems(self, problems: list[Problem], location: Location | None) -> None:
        for problem in problems:
            self.warn(problem.message, problem.raw, location)

    def is_blank(self, text: str) -> bool:
        """Whether a value says nothing: empty, "N/A", or a pointer such as "see next slide"."""
        text = clean(text)
        return not text or self.profile.empty.equals(text) or self.profile.pointers.equals(text)

    def years(self, text: str, location: Location, what: str = "timeline") -> YearSpan | None:
        """A year span; text that gives none is kept as the span's raw text, with a warning."""
        text = clean(text)
        if self.is_blank(text):
            return None
        found = parse_years(text)
        if found is None:
            problem = years_problem(text, self.profile.empty.phrases, what)
            if problem is None:
                return None
            self._problems([problem], location)
            return YearSpan(raw=text, start_year=None, end_year=None)
        return found

    def leaders(self, text: str, role: LeaderRole, location: Location) -> list[Leader]:
        """The leaders named in a cell or fact."""
        text = clean(text)
        if self.is_blank(text):
            return []
        key = (text, role)
        if key not in self._leader_parses:
            directory, words = self.profile.directory, self.profile.leaders
            self._leader_parses[key] = parse_leaders(text, role, directory, words)
        parsed = self._leader_parses[key]
        self._problems(parsed.problems, location)
        # Each group gets leaders of its own: a parse met again must not share its records.
        return [_copy(leader) for leader in parsed.leaders]

    def meetings(self, text: str, location: Location) -> tuple[list[Meeting], str | None]:
        """The dated meetings of a cell or fact, and its announcement note."""
        text = clean(text)
        if self.is_blank(text):
            return [], None
        parsed = parse_meetings(text, self.profile.meetings)
        self._problems(parsed.problems, location)
        return list(parsed.meetings), parsed.note

    def status(
        self, text: str, links: list[Link], location: Location
    ) -> tuple[WorkingGroupStatus | None, list[Deliverable]]:
        """The status of a working group and the deliverables its status cell names."""
        text = clean(text)
        if self.is_blank(text):
            return None, []
        pairs = []
        for link in links:
            url = link.url.strip()
            try:
                scheme = urlsplit(url).scheme.lower()
            except ValueError:  # e.g. "http://[::1": not an address at all
                scheme = ""
            if url not in PLACEHOLDER_URLS and scheme not in URL_SCHEMES:
                self.warn(UNSAFE_URL, link.url, location)
                url = ""  # the deliverable stays, without a url
            pairs.append((clean(link.text), url))
        parsed = parse_status(text, pairs, self.profile.status)
        self._problems(parsed.problems, location)
        return parsed.status, parsed.deliverables


def _copy(leader: Leader) -> Leader:
    """A leader record of its own, organisation refs included."""
    return replace(leader, organisations=[replace(ref) for ref in leader.organisations])
