"""Writing an edition folder: staged beside the old one, swapped in at once, or back again.

What the old folder holds besides the files a run writes (a report.html, the CSVs of an earlier
run with other formats, a user's notes) is carried into the new folder before the swap.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from extractor.model.plan import Plan
from extractor.writers.atomic import carry_over, restore_dir, staging_dir, swap_dir, write_text
from extractor.writers.files import WRITERS, render_files
from extractor.writers.ics import CALENDAR, meetings_ics, previous_calendar, with_previous_calendar


class StagedEdition:
    """An edition folder written beside its target, to be swapped in when the caller says."""

    def __init__(self, staging: Path, target: Path) -> None:
        self.staging, self.target = staging, target
        self.swapped = False
        self.old: Path | None = None
        self.carried: list[str] = []

    def swap_in(self) -> None:
        """Put the new folder in place; the old one is kept until the staging is left."""
        self.old = swap_dir(self.staging, self.target)
        self.swapped = True

    def undo(self) -> None:
        """Put the old folder back (or none, if there was none)."""
        if self.swapped:
            restore_dir(self.old, self.target)
            self.swapped, self.old = False, None


def staged_edition(
    plan: Plan,
    outdir: Path,
    formats: tuple[str, ...] = WRITERS,
    folder: str | None = None,
    files: dict[str, str] | None = None,
    calendar: Callable[[Path], str | None] = previous_calendar,
) -> AbstractContextManager[StagedEdition]:
    """Write an edition's folder beside OUTDIR/<folder>; the block swaps it in.

    calendar gives the meetings.ics the new one carries on (by default, the one the folder holds).

    Entries of the old folder that this run does not write are carried over (staged.carried).
    When the block raises after the swap, the old folder is put back; leftovers are removed.
    """
    target = outdir / (folder or plan.edition.id)

    def fill(staging: Path) -> None:
        rendered = render_files(plan, formats) if files is None else files
        # meetings.ics carries on the SEQUENCE of the one the folder holds (writers/ics.py)
        for name, text in with_previous_calendar(rendered, plan, calendar(target)).items():
            (staging / name).write_text(text, encoding="utf-8", newline="")
        if "parquet" in formats:
            from extractor.writers.frames import write_parquet

            write_parquet(plan, staging)

    return staged_folder(target, fill)


def staged_copy(
    source: Path,
    target: Path,
    plan: Plan | None = None,
    calendar: Callable[[Path], str | None] = previous_calendar,
) -> AbstractContextManager[StagedEdition]:
    """A copy of the folder source staged beside target (a rendition moved aside or in); as above.

    With source's plan, its meetings.ics is made again to carry on calendar(target).
    """

    def fill(staging: Path) -> None:
        carry_over(source, staging)
        ics = staging / CALENDAR
        if plan is not None and ics.is_file():  # a hard link to source's: replaced, not written
            write_text(ics, meetings_ics(plan, calendar(target)))

    return staged_folder(target, fill)


@contextmanager
def staged_folder(target: Path, fill: Callable[[Path], object]) -> Iterator[StagedEdition]:
    """A new version of target, filled beside it; the block swaps it in (see staged_edition)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = StagedEdition(staging_dir(target), target)
    try:
        fill(staged.staging)
        staged.carried = carry_over(target, staged.staging)
        yield staged
    except BaseException:
        staged.undo()
        raise
    finally:
        for leftover in (staged.staging, staged.old):
            if leftover is not None:
                shutil.rmtree(leftover, ignore_errors=True)


def write_edition(
    plan: Plan,
    outdir: Path,
    formats: tuple[str, ...] = WRITERS,
    folder: str | None = None,
    files: dict[str, str] | None = None,
) -> Path:
    """Write an edition to OUTDIR/<edition id>/, replacing any earlier snapshot in one step.

    files, when given, are the edition's text files already rendered (by a batch worker).
    """
    with staged_edition(plan, outdir, formats, folder, files) as staged:
        staged.swap_in()
    return staged.target
