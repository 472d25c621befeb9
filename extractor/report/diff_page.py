"""The diff page: the changes of a PlanDiff on one HTML page, in the sections of changes.md."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from extractor.compare.changes import CHANGE_KINDS, Told, changed_groups, kind_counts, tell
from extractor.compare.diff import GroupChanges, PlanDiff
from extractor.compare.kinds import ChangeKind
from extractor.report.charts import CHANGE_COLOURS, stacked_svg
from extractor.report.pages import render_page
from extractor.report.words import marked_words


@dataclass(frozen=True, kw_only=True)
class Shown:
    """One change as the page shows it: where under its group, as told, its words marked."""

    place: str  # "" for the group itself
    told: Told
    words: Markup | None  # a long text's changed words marked, when the texts share enough


@dataclass(frozen=True)
class Section:
    """One changed thematic group as the page shows it: the group, its counts, its changes."""

    group: GroupChanges
    counts: dict[str, int]
    changes: list[Shown]


def diff_page(diff: PlanDiff) -> str:
    """The self-contained HTML page of the changes from one edition to the next."""
    sections = [_section(group) for group in changed_groups(diff)]
    return render_page(
        "diff.html.j2",
        diff=diff,
        total=len(diff.changes),
        counts=kind_counts(diff.changes),
        sections=sections,
        chart=_chart(sections),
        legend=[(CHANGE_COLOURS[kind], kind) for kind in CHANGE_KINDS],
    )


def _section(group: GroupChanges) -> Section:
    shown = [_shown(tell(change), group.group_id) for change in group.changes]
    return Section(group, kind_counts(group.changes), shown)


def _shown(told: Told, group_id: str) -> Shown:
    place = told.where.removeprefix(group_id).lstrip("/")
    long_text = told.long and told.added is None and told.change.change == ChangeKind.MODIFIED
    words = marked_words(told.old, told.new) if long_text else None
    return Shown(place=place, told=told, words=words)


def _chart(sections: list[Section]) -> str | None:
    if not sections:
        return None
    labels = [textwrap.shorten(s.group.name, 40, placeholder="…") for s in sections]
    series = {kind: [s.counts[kind] for s in sections] for kind in CHANGE_KINDS}
    return stacked_svg(labels, series, CHANGE_COLOURS, "changes")
