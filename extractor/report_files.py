"""From files to report: read the editions (and change records), write the HTML page."""

from __future__ import annotations

from pathlib import Path

from extractor.changes import ChangesFileError, load_changes
from extractor.load import PlanFileError, load_plan
from extractor.pages import write_page

EDITION_HINT = "give an edition folder written by `actionplan extract` (it holds plan.json)"


class ReportInputError(Exception):
    """An input or output file of a report that cannot be used; the message says which and why."""


def write_report(editions: list[Path], output: Path, changes_path: Path | None = None) -> str:
    """Write the edition report (or, with change records, the diff report); say what was written."""
    try:
        plans = [load_plan(path) for path in editions]
    except PlanFileError as err:
        raise ReportInputError(f"{err}; {EDITION_HINT}") from err
    if changes_path is None:
        from extractor.report import edition_report

        text, what = edition_report(plans[0]), plans[0].edition.label
    else:
        from extractor.diff_page import diff_report

        try:
            records = load_changes(changes_path)
        except ChangesFileError as err:
            raise ReportInputError(str(err)) from err
        text = diff_report(records, *plans)
        what = f"{len(records)} changes, {plans[0].edition.id} -> {plans[1].edition.id}"
    try:
        write_page(text, output)
    except OSError as err:
        raise ReportInputError(f"{output}: cannot be written ({err.strerror or err})") from err
    return f"{output} ({what}, {len(text.encode('utf-8')) // 1024} KiB)"
