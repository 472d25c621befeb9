"""The diff page: the changes between two editions, by thematic group, on one HTML page."""

from __future__ import annotations

import textwrap
from typing import Any

from extractor.changes import (
    CHANGE_KINDS,
    ENTITY_LABELS,
    GroupChanges,
    group_changes,
    show_value,
    subject,
)
from extractor.charts import CHANGE_COLOURS, stacked_svg
from extractor.pages import render_page
from extractor.plan import Plan


def diff_report(records: list[dict[str, Any]], old: Plan, new: Plan) -> str:
    """The self-contained HTML report of the change records from the old to the new edition."""
    sections = group_changes(records, old, new)
    return render_page(
        "diff.html.j2",
        old=old,
        new=new,
        total=len(records),
        kinds=[(kind, sum(1 for r in records if r["change"] == kind)) for kind in CHANGE_KINDS],
        sections=sections,
        chart=_chart(sections),
        legend=[(CHANGE_COLOURS[kind], kind) for kind in CHANGE_KINDS],
        entity_labels=ENTITY_LABELS,
        subject=lambda record: subject(record, old, new),
        show=show_value,
    )


def _chart(sections: list[GroupChanges]) -> str | None:
    if not sections:
        return None
    labels = [textwrap.shorten(s.name, 40, placeholder="…") for s in sections]
    series = {kind: [s.count(kind) for s in sections] for kind in CHANGE_KINDS}
    return stacked_svg(labels, series, CHANGE_COLOURS, "changes")
