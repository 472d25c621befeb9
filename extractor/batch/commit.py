"""Committing results: each good plan's edition folder and store rows, each input's entry."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.batch.jobs import Outcome
from extractor.batch.manifest import Entry, EntryStatus
from extractor.batch.renditions import Rendition, folder_facts, rank, reason
from extractor.batch.sandbox import MB
from extractor.model.load import load_plan
from extractor.model.plan import Plan
from extractor.profile.load import ProfileError
from extractor.writers.edition import staged_copy, staged_edition
from extractor.writers.ics import previous_calendar
from extractor.writers.store import STORE, StoreError, importing, open_store, stored_sources

if TYPE_CHECKING:
    from normalizers.directory import Directory


class Committer:
    """Writes editions one at a time, in the order it is given them, and remembers what it wrote.

    Of the renditions of one edition whose content differs, the best (see renditions.py) holds
    the edition folder and the store rows, whatever order they come in; the others are kept in
    <edition id>--<format>/ folders.
    """

    def __init__(
        self,
        outdir: Path,
        formats: tuple[str, ...],
        echo: Callable[[str, bool], None],
        directory: Callable[[], Directory | None] = lambda: None,
    ):
        """directory gives the run's people and organisations, to match them in the store's
        changes between editions (None: the default profile's)."""
        self.outdir, self.formats, self.echo, self.directory = outdir, formats, echo, directory
        self.folder_formats = tuple(f for f in formats if f != "sqlite")
        self.kept: dict[str, Rendition] = {}  # edition id -> the rendition in its folder
        self.renditions: dict[str, list[Rendition]] = {}  # edition id -> every one written
        self.folders: set[str] = set()
        self._store: sqlite3.Connection | None = None
        self._stored: dict[str, str | None] | None = None
        self.created: set[str] = set()  # folders this run made
        self._calendars: dict[Path, str | None] = {}  # folder -> its meetings.ics before the run

    def has(self, entry: Entry, sources: set[str]) -> bool:
        """Whether the outputs an earlier run made for this entry are in place, unchanged since.

        sources are the input hashes the last run recorded for the entry's folder: the folder's
        plan.json and the store must name one of them as their source. (A run killed after it
        wrote a folder leaves one that its manifest does not describe.) A folder without
        plan.json cannot tell, so its inputs are read again.
        """
        if entry.folder is None or entry.edition_id is None:
            return False
        if self.folder_formats:
            if "json" not in self.folder_formats:
                return False
            if folder_source(self.outdir / entry.folder) not in sources:
                return False
        if "sqlite" not in self.formats or entry.folder != entry.edition_id:
            return True
        if self._stored is None:
            self._stored = stored_sources(self.store())
        return self._stored.get(entry.edition_id) in sources

    def reserve(self, entry: Entry) -> None:
        """Take an input skipped as unchanged, before any result is committed.

        Its folder stays its own, and the renditions of its edition compare with it.
        """
        facts = entry.facts
        if facts is None and entry.folder is not None:
            facts = folder_facts(self.outdir / entry.folder)
        entry.facts = facts
        kept = self.kept.get(entry.edition_id)
        if (
            kept is not None
            and kept.entry.folder == entry.folder
            and kept.entry.content_sha256 == entry.content_sha256
        ):
            kept.copies.append(entry)  # recorded as "same content, not written again"
            return
        self._register(Rendition(entry=entry, facts=-1 if facts is None else facts),
                       main=entry.folder == entry.edition_id)  # fmt: skip

    def keep(self, entry: Entry) -> Entry:
        """Report an input skipped as unchanged, in its turn."""
        self.echo(f"{entry.input}: unchanged since the last run; skipped", False)
        return entry

    def commit(self, outcome: Outcome, entry: Entry) -> Entry:
        """Write a good outcome's edition and fill in its entry; report a bad one."""
        entry.seconds = outcome.seconds
        entry.peak_memory_mb = round(outcome.peak_bytes / MB, 1) if outcome.peak_bytes else None
        if outcome.plan is None:
            entry.error = outcome.error
            self.echo(f"actionplan: error: {entry.input}: {entry.error}", True)
            return entry
        plan = outcome.plan
        entry.format, entry.edition_id = outcome.format, plan.edition.id
        entry.warnings, entry.content_sha256 = len(plan.warnings), outcome.content_sha256
        entry.facts = outcome.facts
        try:
            lines = self._place(plan, entry, outcome.files)
        except (OSError, StoreError, ProfileError) as err:
            entry.error, entry.note = f"could not be saved ({err})", None
            self.echo(f"actionplan: error: {entry.input}: {entry.error}", True)
            return entry
        entry.status = EntryStatus.OK
        for line in lines:
            self.echo(line, False)
        return entry

    def close(self) -> None:
        """Close the store, if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def _place(self, plan: Plan, entry: Entry, files: dict[str, str] | None) -> list[str]:
        """Write a plan where it belongs among its edition's renditions; the lines to print."""
        edition = plan.edition.id
        new = Rendition(entry=entry, facts=entry.facts or 0, plan=self._plan_to_keep(plan))
        kept = self.kept.get(edition)
        same = self._same_content(edition, entry.content_sha256)
        if same is not None and not (same is kept and rank(entry) < rank(kept.entry)):
            return self._agree(plan, entry, same, files)
        if kept is None or new.beats(kept):
            return self._take_edition(plan, new, kept, files)
        folder = rendition_folder(edition, entry.format or "other", self.folders)
        self._save(plan, folder, files)
        entry.folder = folder
        entry.note = (
            f"same edition as {kept.entry.input} but different content; see {folder}/ "
            f"({self._keepers(edition)} keep {kept.entry.input}: {reason(kept, new)})"
        )
        self._register(new, main=False)
        return [f"{entry.input}: {entry.note}", self._written(entry, plan)]

    def _agree(
        self, plan: Plan, entry: Entry, same: Rendition, files: dict[str, str] | None
    ) -> list[str]:
        """Count an input whose plan has the content of a rendition already written.

        The first of them by format and name writes the rendition's folder, whatever the input
        order. A rendition that this agreement makes better than the kept one takes its place.
        """
        if rank(entry) < rank(same.entry):  # same is not the kept one (see _place)
            self._save(plan, same.entry.folder, files)
            entry.folder = same.entry.folder
            same.entry.note = f"same edition and content as {entry.input}, which is written"
            same.copies.insert(0, same.entry)
            same.entry, same.plan = entry, self._plan_to_keep(plan)
            lines = [self._written(entry, plan)]
        else:
            entry.folder = same.entry.folder
            entry.note = f"same edition and content as {same.entry.input}; not written again"
            same.copies.append(entry)
            lines = [f"{entry.input}: {entry.note}"]
        kept = self.kept.get(plan.edition.id)
        if kept is not None and same is not kept and same.beats(kept):
            lines += self._promote(same, kept, plan)
        return lines

    def _promote(self, best: Rendition, kept: Rendition, same_plan: Plan) -> list[str]:
        """Move a rendition's folder into its edition's, and the kept one's aside, with the store.

        The folder of the promoted rendition, if this run made it, holds the kept one or goes.
        same_plan has the rendition's content; the store takes the folder's own plan.json, if any.
        """
        edition, source = kept.entry.edition_id, best.entry.folder
        # a folder this run made for the promoted rendition is free for the one moved aside
        taken = self.folders - {source} if source in self.created else self.folders
        moved = rendition_folder(edition, kept.entry.format or "other", taken)
        plan = best.plan or self._folder_plan(source) or same_plan
        with ExitStack() as stack:
            staged = []
            if self.folder_formats:
                self._note_created(moved)
                moving = staged_copy(self.outdir / edition, self.outdir / moved)
                staged.append(stack.enter_context(moving))
                promoting = staged_copy(
                    self.outdir / source, self.outdir / edition, plan, self._calendar_before
                )
                staged.append(stack.enter_context(promoting))
            if "sqlite" in self.formats:
                stack.enter_context(importing(self.store(), plan, self.directory()))
            for folder_staged in staged:
                folder_staged.swap_in()
        if source in self.created and source != moved:
            shutil.rmtree(self.outdir / source, ignore_errors=True)
            self.folders.discard(source)
        self.renditions[edition].remove(kept)
        for entry in best.entries():
            entry.folder = edition
        for entry in kept.entries():
            entry.folder = moved
        keepers = self._keepers(edition)
        kept.entry.note = (
            f"same edition as {best.entry.input} but different content; moved to {moved}/ "
            f"({keepers} keep {best.entry.input}: {reason(best, kept)})"
        )
        best.entry.note = f"{keepers} keep it over {kept.entry.input}: {reason(best, kept)}"
        self._register(kept, main=False)
        self._register(best, main=True)
        return [f"{best.entry.input}: {best.entry.note}"]

    def _plan_to_keep(self, plan: Plan) -> Plan | None:
        return None if "json" in self.folder_formats else plan

    def _folder_plan(self, folder: str) -> Plan | None:
        """The plan a rendition folder holds, if it holds a plan.json (StoreError if unreadable)."""
        path = self.outdir / folder / "plan.json"
        if not path.is_file():
            return None
        try:
            return load_plan(path)
        except (OSError, ValueError, TypeError, KeyError) as err:
            raise StoreError(f"{path} cannot be read back ({err})") from err

    def _note_created(self, folder: str) -> None:
        if not (self.outdir / folder).exists():
            self.created.add(folder)

    def _take_edition(
        self, plan: Plan, new: Rendition, old: Rendition | None, files: dict[str, str] | None
    ) -> list[str]:
        """Write the best rendition so far to the edition folder and the store.

        A rendition it displaces with other content is moved to a folder of its own in the same
        step; one with the same content becomes a copy of the new one.
        """
        edition = plan.edition.id
        moved = None
        if old is not None and old.entry.content_sha256 != new.entry.content_sha256:
            moved = rendition_folder(edition, old.entry.format or "other", self.folders)
        self._save(plan, edition, files, moved)
        new.entry.folder = edition
        self._register(new, main=True)
        if old is None:
            return [self._written(new.entry, plan)]
        self.renditions[edition].remove(old)
        if moved is None:
            new.copies += old.entries()
            old.entry.note = f"same edition and content as {new.entry.input}, which is kept"
        else:
            for entry in old.entries():
                entry.folder = moved
            old.entry.note = (
                f"same edition as {new.entry.input} but different content; moved to {moved}/ "
                f"({self._keepers(edition)} keep {new.entry.input}: {reason(new, old)})"
            )
            self._register(old, main=False)
        keepers = self._keepers(edition)
        new.entry.note = f"{keepers} keep it over {old.entry.input}: {reason(new, old)}"
        return [f"{new.entry.input}: {new.entry.note}", self._written(new.entry, plan)]

    def _save(
        self, plan: Plan, folder: str, files: dict[str, str] | None, moved: str | None = None
    ) -> None:
        """The folder and the store rows of an edition, changed together or not at all.

        The rows are imported in an open transaction, the folders are swapped in (first the
        copy of the rendition moved aside, if any), then the transaction commits; a failed swap
        rolls it back, a failed commit swaps the folders back.
        """
        to_store = "sqlite" in self.formats and folder == plan.edition.id
        with ExitStack() as stack:
            staged = []
            if self.folder_formats:
                for made in (folder, moved):
                    if made is not None:
                        self._note_created(made)
                current = self.outdir / folder
                if moved is not None and current.is_dir():
                    copying = staged_copy(current, self.outdir / moved)
                    staged.append(stack.enter_context(copying))
                writing = staged_edition(
                    plan, self.outdir, self.folder_formats, folder, files, self._calendar_before
                )
                staged.append(stack.enter_context(writing))
            if to_store:
                stack.enter_context(importing(self.store(), plan, self.directory()))
            for folder_staged in staged:
                folder_staged.swap_in()

    def _calendar_before(self, folder: Path) -> str | None:
        """The meetings.ics a folder held before this run wrote it: a rendition that takes
        the folder from another written in the same run carries on the calendar they both
        replace, so the input order changes no SEQUENCE."""
        if folder not in self._calendars:
            self._calendars[folder] = previous_calendar(folder)
        return self._calendars[folder]

    def _same_content(self, edition: str, content: str | None) -> Rendition | None:
        for rendition in self.renditions.get(edition, ()):
            if rendition.entry.content_sha256 == content:
                return rendition
        return None

    def _register(self, rendition: Rendition, main: bool) -> None:
        edition = rendition.entry.edition_id
        if rendition not in self.renditions.setdefault(edition, []):
            self.renditions[edition].append(rendition)
        self.folders.add(rendition.entry.folder)
        if main:
            self.kept[edition] = rendition

    def _keepers(self, edition: str) -> str:
        """What keeps the edition: its folder, the store, or both."""
        places = [f"{edition}/"] if self.folder_formats else []
        places += ["the store"] if "sqlite" in self.formats else []
        return " and ".join(places)

    def _written(self, entry: Entry, plan: Plan) -> str:
        target = self.outdir / entry.folder if self.folder_formats else self.outdir / STORE
        slash = "/" if self.folder_formats else ""
        return f"{entry.input} -> {target}{slash} ({summary(plan)})"

    def store(self) -> sqlite3.Connection:
        """The store, opened (and created) on first use; StoreError if it cannot be used."""
        if self._store is None:
            self.outdir.mkdir(parents=True, exist_ok=True)
            self._store = open_store(self.outdir / STORE)
        return self._store


def folder_source(folder: Path) -> str | None:
    """The SHA-256 of the input an edition folder was written from, as its plan.json says."""
    try:
        plan = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
        return plan["edition"]["source"]["sha256"]
    except (OSError, ValueError, TypeError, KeyError):
        return None


def rendition_folder(edition_id: str, fmt: str, taken: set[str]) -> str:
    """A folder name for a rendition whose content differs: <edition id>--<format>[-n]."""
    candidate, counter = f"{edition_id}--{fmt}", 2
    while candidate in taken:
        candidate, counter = f"{edition_id}--{fmt}-{counter}", counter + 1
    return candidate


def summary(plan: Plan) -> str:
    """Counts of what was recognised, for the one line a written edition gets."""
    groups = plan.thematic_groups
    wgs = sum(len(g.working_groups) for g in groups)
    meetings = sum(len(g.meetings) + sum(len(w.meetings) for w in g.working_groups) for g in groups)
    used = plan.edition.source.text_used
    return (
        f"{len(groups)} thematic groups, {wgs} working groups, {meetings} meetings, "
        f"{len(plan.people)} people, "
        + (f"{used:.0%} of text used, " if used is not None else "")
        + f"{len(plan.warnings)} warnings"
    )
