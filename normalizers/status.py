"""Status cells: "Completed <link>", "Ongoing Completed deliverable under WG6: <link> (new)"."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from normalizers.problems import Problem
from normalizers.text import fold, normalize_dashes, squash_spaces
from normalizers.values import Deliverable, DeliverableStatus, WorkingGroupStatus

PLACEHOLDER_URLS = {"", "#", "about:blank"}
CONNECTOR = re.compile(r"^(?:and|&|\+)(?=\s|$)", re.I)


@dataclass(frozen=True)
class StatusVocabulary:
    """Status words by status, deliverable markers and deliverable introductions."""

    words: Mapping[WorkingGroupStatus, tuple[str, ...]]
    new_markers: tuple[str, ...]
    completed_markers: tuple[str, ...]
    deliverable_intros: tuple[str, ...]

    @cached_property
    def status_by_word(self) -> dict[str, WorkingGroupStatus]:
        """The status each folded word names; a word listed twice names its first status."""
        found: dict[str, WorkingGroupStatus] = {}
        for status, phrases in self.words.items():
            for phrase in phrases:
                found.setdefault(fold(phrase), status)
        return found

    @cached_property
    def word_re(self) -> re.Pattern[str]:
        """Any status word at the start of a text, the longest first."""
        phrases = sorted((p for ps in self.words.values() for p in ps), key=len, reverse=True)
        word = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
        return re.compile(rf"^(?:{word})\b", re.I)

    @cached_property
    def intro_re(self) -> re.Pattern[str] | None:
        """Any deliverable introduction at the start of a text; None when there are none."""
        intro = "|".join(self.deliverable_intros)
        return re.compile(rf"^(?:{intro})", re.I) if intro else None

    @cached_property
    def marker_re(self) -> re.Pattern[str]:
        """A parenthesised marker, "(new)", at the start of a text."""
        return re.compile(rf"^\((?:{self._markers})\)", re.I)

    @cached_property
    def trailing_marker_re(self) -> re.Pattern[str]:
        """A parenthesised marker at the end of a title."""
        return re.compile(rf"\s*\((?:{self._markers})\)$", re.I)

    @cached_property
    def new_keys(self) -> frozenset[str]:
        """The folded markers of a new deliverable."""
        return frozenset(map(fold, self.new_markers))

    @cached_property
    def completed_keys(self) -> frozenset[str]:
        """The folded markers of a completed deliverable."""
        return frozenset(map(fold, self.completed_markers))

    @property
    def _markers(self) -> str:
        return "|".join(re.escape(m) for m in (*self.new_markers, *self.completed_markers))


@dataclass(frozen=True)
class StatusParse:
    """The status a cell gives, the deliverables it names, and what was not understood."""

    status: WorkingGroupStatus | None
    deliverables: list[Deliverable]
    problems: list[Problem]


def status_vocabulary(section: Mapping[str, Any]) -> StatusVocabulary:
    """Build the vocabulary from the profile's [status] table; its keys must name statuses."""
    special = {"new_marker", "completed_marker", "deliverable_intro"}
    words = {_status(key): tuple(value) for key, value in section.items() if key not in special}
    return StatusVocabulary(
        words=words,
        new_markers=tuple(section.get("new_marker", ())),
        completed_markers=tuple(section.get("completed_marker", ())),
        deliverable_intros=tuple(section.get("deliverable_intro", ())),
    )


def _status(key: str) -> WorkingGroupStatus:
    """The status a [status] key names; another key is an error naming the choices."""
    try:
        return WorkingGroupStatus(key)
    except ValueError:
        choices = ", ".join(WorkingGroupStatus)
        raise ValueError(f"[status] {key!r} is not a working-group status ({choices})") from None


def status_word(text: str, vocabulary: StatusVocabulary) -> WorkingGroupStatus | None:
    """The status a whole text names, e.g. "Kick off" -> "kick-off"; None when it names none."""
    return vocabulary.status_by_word.get(fold(text).strip(" .:;"))


def parse_status(
    text: str, links: Sequence[tuple[str, str]], vocabulary: StatusVocabulary
) -> StatusParse:
    """Read a status cell with the (text, url) links it holds."""
    reader = _StatusReader(vocabulary)
    for piece, url in _pieces(squash_spaces(text), links):
        if url is None:
            reader.read_plain(piece)
        else:
            reader.add_deliverable(piece, url)
    return reader.result()


def _pieces(text: str, links: Sequence[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """Split text into plain runs and link runs, in order."""
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    for link_text, url in links:
        link_text = squash_spaces(link_text)
        at = text.find(link_text, cursor) if link_text else -1
        if at < 0:
            continue
        pieces.append((text[cursor:at], None))
        pieces.append((link_text, url))
        cursor = at + len(link_text)
    pieces.append((text[cursor:], None))
    return [(p, u) for p, u in pieces if p.strip() or u is not None]


class _StatusReader:
    def __init__(self, vocabulary: StatusVocabulary) -> None:
        self.vocabulary = vocabulary
        self.status: WorkingGroupStatus | None = None
        self.deliverables: list[Deliverable] = []
        self.problems: list[Problem] = []
        self.in_completed_run = False

    def read_plain(self, piece: str) -> None:
        rest = normalize_dashes(piece).lstrip(" ,;:")
        while rest.rstrip(" ,;:"):
            consumed = self._consume(rest)
            if consumed == 0:
                self._plain_leftover(rest.rstrip(" ,;:"))
                return
            rest = rest[consumed:].lstrip(" ,;:")

    def _consume(self, rest: str) -> int:
        connector = CONNECTOR.match(rest)
        if connector:
            return connector.end()
        marker = self.vocabulary.marker_re.match(rest)
        if marker:
            self._apply_marker(marker.group(0)[1:-1])
            return marker.end()
        intro_re = self.vocabulary.intro_re
        intro = intro_re.match(rest) if intro_re else None
        if intro:
            self.in_completed_run = True
            return intro.end()
        word = self.vocabulary.word_re.match(rest)
        if word:
            status = status_word(word.group(0), self.vocabulary)
            if self.status in (None, WorkingGroupStatus.OTHER):
                self.status = status
            self.in_completed_run = status == WorkingGroupStatus.COMPLETED
            return word.end()
        return 0

    def _plain_leftover(self, rest: str) -> None:
        if self.in_completed_run or self.status is not None:
            self.add_deliverable(rest, "")
        else:
            self.status = WorkingGroupStatus.OTHER
            self.problems.append(Problem("status not understood; kept as 'other'", rest))

    def _apply_marker(self, marker: str) -> None:
        if not self.deliverables:
            self.problems.append(Problem("marker without a deliverable", f"({marker})"))
            return
        last = self.deliverables[-1]
        key = fold(marker)
        done = key in self.vocabulary.completed_keys
        status = DeliverableStatus.COMPLETED if done else last.status
        is_new = last.is_new or key in self.vocabulary.new_keys
        self.deliverables[-1] = replace(last, status=status, is_new=is_new)

    def add_deliverable(self, title: str, url: str) -> None:
        markers: list[str] = []
        while found := self.vocabulary.trailing_marker_re.search(title):
            markers.append(found.group(0).strip()[1:-1])
            title = title[: found.start()]
        clean_url = None if url.strip() in PLACEHOLDER_URLS else url.strip()
        status = DeliverableStatus.COMPLETED if self.in_completed_run else DeliverableStatus.PLANNED
        self.deliverables.append(
            Deliverable(title=title.strip(), url=clean_url, status=status, is_new=False)
        )
        for marker in reversed(markers):
            self._apply_marker(marker)

    def result(self) -> StatusParse:
        status = self.status
        done = [d.status == DeliverableStatus.COMPLETED for d in self.deliverables]
        if status is None and done and all(done):
            status = WorkingGroupStatus.COMPLETED
        return StatusParse(status, self.deliverables, self.problems)
