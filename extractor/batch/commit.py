"""Committing results: each good plan's edition folder and store rows, each input's entry."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from extractor.batch.jobs import Outcome
from extractor.batch.manifest import Entry, EntryStatus
from extractor.batch.sandbox import MB
from extractor.model.plan import Plan
from extractor.writers.edition import staged_edition
from extractor.writers.store import STORE, StoreError, importing, open_store, stored_sources


class Committer:
    """Writes editions one at a time, in the order it is given them, and remembers what it wrote."""

    def __init__(self, outdir: Path, formats: tuple[str, ...], echo: Callable[[str, bool], None]):
        self.outdir, self.formats, self.echo = outdir, formats, echo
        self.folder_formats = tuple(f for f in formats if f != "sqlite")
        self.written: dict[str, tuple[str, str | None]] = {}
        self._store: sqlite3.Connection | None = None
        self._stored: dict[str, str | None] | None = None

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

    def keep(self, entry: Entry) -> Entry:
        """Take an input skipped as unchanged: later renditions of its edition compare with it."""
        self.written.setdefault(entry.folder, (entry.input, entry.content_sha256))
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
        try:
            self._write(plan, entry, outcome.files)
        except (OSError, StoreError) as err:
            entry.error = f"could not be saved ({err})"
            self.echo(f"actionplan: error: {entry.input}: {entry.error}", True)
            return entry
        entry.status = EntryStatus.OK
        return entry

    def close(self) -> None:
        """Close the store, if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def _write(self, plan: Plan, entry: Entry, files: dict[str, str] | None) -> None:
        folder = plan.edition.id
        if folder in self.written:
            first, first_content = self.written[folder]
            if first_content == entry.content_sha256:
                entry.folder = folder
                entry.note = f"same edition and content as {first}; not written again"
                self.echo(f"{entry.input}: {entry.note}", False)
                return
            folder = rendition_folder(folder, plan.edition.source.format, self.written)
            entry.note = f"same edition as {first} but different content; see {folder}/"
            if "sqlite" in self.formats:
                entry.note += f" (the store keeps the edition from {first})"
            self.echo(f"{entry.input}: {entry.note}", False)
        self.written[folder] = (entry.input, entry.content_sha256)
        entry.folder = folder
        target = self.outdir / folder if self.folder_formats else self.outdir / STORE
        self._save(plan, folder, files)
        self.echo(f"{entry.input} -> {target}{'/' if self.folder_formats else ''} "
                  f"({summary(plan)})", False)  # fmt: skip

    def _save(self, plan: Plan, folder: str, files: dict[str, str] | None) -> None:
        """The folder and the store rows of an edition, changed together or not at all.

        The rows are imported in an open transaction, the folder is swapped in, then the
        transaction commits; a failed swap rolls it back, a failed commit swaps the folder back.
        """
        to_store = "sqlite" in self.formats and folder == plan.edition.id
        with ExitStack() as stack:
            staged = None
            if self.folder_formats:
                writing = staged_edition(plan, self.outdir, self.folder_formats, folder, files)
                staged = stack.enter_context(writing)
            if to_store:
                stack.enter_context(importing(self.store(), plan))
            if staged is not None:
                staged.swap_in()

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


def rendition_folder(edition_id: str, fmt: str, taken: dict) -> str:
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
