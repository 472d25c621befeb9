"""From inputs to pages: the edition report from its plan.json, the diff page from a diff."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from extractor.model.load import PlanFileError, load_plan
from extractor.report.pages import write_page

if TYPE_CHECKING:
    from extractor.compare.diff import PlanDiff

EDITION_HINT = "give an edition folder written by `actionplan extract` (it holds plan.json)"


class ReportInputError(Exception):
    """An input or output file of a report that cannot be used; the message says which and why."""


def write_report(edition: Path, output: Path, profile: Path | None = None) -> str:
    """Write the report of one edition (its folder or plan.json); say what was written.

    The profile (the default one when not given) names the statuses' labels and colours.
    """
    from extractor.profile.load import DEFAULT_PROFILE, ProfileError, load_status_styles
    from extractor.report.edition import edition_report
    from extractor.writers.ics import previous_calendar

    try:
        plan = load_plan(edition)
    except PlanFileError as err:
        raise ReportInputError(f"{err}; {EDITION_HINT}") from err
    try:
        statuses = load_status_styles(profile or DEFAULT_PROFILE)
    except ProfileError as err:
        raise ReportInputError(str(err)) from err
    folder = edition if edition.is_dir() else edition.parent
    page = edition_report(plan, statuses, previous_calendar(folder))
    return _write(page, output, plan.edition.label)


def write_diff_report(diff: PlanDiff, output: Path) -> str:
    """Write the diff page of two editions; say what was written."""
    from extractor.report.diff_page import diff_page

    what = f"{len(diff.changes)} changes, {diff.old.id} -> {diff.new.id}"
    return _write(diff_page(diff), output, what)


def _write(text: str, output: Path, what: str) -> str:
    try:
        write_page(text, output)
    except OSError as err:
        raise ReportInputError(f"{output}: cannot be written ({err.strerror or err})") from err
    return f"{output} ({what}, {len(text.encode('utf-8')) // 1024} KiB)"
