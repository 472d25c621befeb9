"""The diff page: the changes of a PlanDiff on one HTML page, in the sections of changes.md."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from extractor.compare.changes import CHANGE_KINDS, Told, changed_groups, kind_counts, tell
from extractor.compare.diff import GroupChanges, PlanDiff
from extractor.report.charts import CHANGE_COLOURS, stacked_svg
from extractor.report.pages import render_page


@dataclass(frozen=True)
class Section:
    """One changed thematic group as the page shows it: the group, its counts, its changes."""

    group: GroupChanges
    counts: dict[str, int]
    changes: list[tuple[str, Told]]  # where under the group ("" for the group itself), the change


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
    told = [tell(change) for change in group.changes]
    places = [t.where.removeprefix(group.group_id).lstrip("/") for t in told]
    return Section(group, kind_counts(group.changes), list(zip(places, told, strict=True)))


def _chart(sections: list[Section]) -> str | None:
    if not sections:
        return None
    labels = [textwrap.shorten(s.group.name, 40, placeholder="…") for s in sections]
    series = {kind: [s.counts[kind] for s in sections] for kind in CHANGE_KINDS}
    return stacked_svg(labels, series, CHANGE_COLOURS, "changes")
