"""Batch runs: every input read in isolation through an executor, committed in input order."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from extractor.batch.commit import Committer
from extractor.batch.jobs import Job, Outcome, Settings, files_profile, run_job
from extractor.batch.manifest import (
    MANIFEST,
    Entry,
    EntryStatus,
    Manifest,
    previous_entries,
    settings_fingerprint,
    write_manifest,
)
from extractor.batch.outputs import is_output_folder, is_report_page
from extractor.batch.sandbox import MB
from extractor.profile.load import DEFAULT_PROFILE
from extractor.writers.atomic import check_writable, remove_leftovers
from extractor.writers.files import DEFAULT_FORMATS
from extractor.writers.store import STORE
from parsers.detect import EXTENSIONS, rendition_order, supported
from parsers.errors import InputError
from parsers.safety import check_regular_file
from parsers.source import file_sha256

# Files a folder scan picks up besides the supported ones, so that a deck no parser reads yet
# is reported rather than passed over in silence.
DECK_SUFFIXES = frozenset({".pdf", ".pptx", ".pptm", ".ppsx", ".potx", ".ppt", ".odp", ".key"})
NOT_RUN = "not run: the batch stopped at the first error (--fail-fast)"
INTERRUPTED = "not run: the batch was interrupted"
REPORT_PAGE = "a report page written by actionplan, not a deck; give the deck it was made from"

Echo = Callable[[str, bool], None]


class OutputError(Exception):
    """OUTDIR, or the manifest in it, cannot be written; the message says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


@dataclass(kw_only=True)
class BatchOptions:
    """What a run writes and how it schedules: formats, workers, --fail-fast, --force."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    workers: int | None = None
    fail_fast: bool = False
    force: bool = False
    window: int | None = None


def collect_inputs(sources: Iterable[Path | str], exclude: Path | str | None = None) -> list[Path]:
    """Files named directly, and the deck files under each folder, renditions of a deck together.

    Hidden files and folders, anything under exclude (the output folder), and the tool's own
    outputs (output folders and report pages, see outputs.py) are left out; a symlink loop is
    kept, so that the run reports it instead of stopping.
    """
    found: list[Path] = []
    exclude = Path(exclude) if exclude is not None else None
    for source in map(Path, sources):
        if not source.is_dir():
            found.append(source)
            continue
        in_folder = []
        outputs: dict[Path, bool] = {}
        for path in source.rglob("*"):
            parts = path.relative_to(source).parts
            if any(part.startswith(".") for part in parts):
                continue
            try:
                if _inside(path, exclude):
                    continue
            except (OSError, RuntimeError):  # a symlink loop: one error line when it is read
                in_folder.append(path)
                continue
            if _in_output_folder(source, parts, outputs) or is_report_page(path):
                continue
            if path.is_file() and (supported(path) or path.suffix.lower() in DECK_SUFFIXES):
                in_folder.append(path)
        found += sorted(in_folder, key=rendition_order)
    return found


def _in_output_folder(source: Path, parts: tuple[str, ...], known: dict[Path, bool]) -> bool:
    """Whether a path under source lies in a folder this tool wrote (known caches the answers)."""
    folder = source
    for part in ("", *parts[:-1]):
        folder = folder / part if part else folder
        if folder not in known:
            known[folder] = is_output_folder(folder)
        if known[folder]:
            return True
    return False


def run_batch(
    inputs: Sequence[Path | str],
    outdir: Path | str,
    settings: Settings | None = None,
    options: BatchOptions | None = None,
    executor: Executor | None = None,
    echo: Echo | None = None,
    advance: Callable[[], None] | None = None,
) -> Manifest:
    """Read every input through executor (a local pool by default) and write OUTDIR.

    Editions are written and stored in input order as their results arrive; manifest.json is
    written at the end, also when the run is interrupted. OutputError when OUTDIR cannot be
    written (checked first) or the manifest cannot be.
    """
    settings, options = settings or Settings(), options or BatchOptions()
    inputs, outdir = [Path(p) for p in inputs], Path(outdir)
    fingerprint = settings_fingerprint(settings.profile, settings.aliases, options.formats)
    manifest = Manifest(_settings_record(settings, options, fingerprint), _now())
    started = time.perf_counter()
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(outdir, "is a file, not a folder")
    try:
        check_writable(outdir)
    except OSError as err:
        raise OutputError(outdir, f"cannot be written ({_strerror(err)})") from err
    remove_leftovers(outdir)
    committer = Committer(
        outdir,
        options.formats,
        echo or (lambda text, err: None),
        lambda: files_profile(settings.profile, settings.aliases).directory,
    )
    if "sqlite" in options.formats and (outdir / STORE).exists():
        committer.store()  # a store that cannot be used stops the run before it starts
    run = _Run(inputs, settings, options, committer, advance or (lambda: None))
    try:
        run.plan(previous_entries(outdir, fingerprint) if not options.force else {})
        run.execute(executor)
        manifest.complete = True
    finally:
        manifest.entries = run.entries(INTERRUPTED)
        manifest.finished, manifest.seconds = _now(), round(time.perf_counter() - started, 3)
        committer.close()
        try:
            write_manifest(manifest, outdir)
        except OSError as err:
            reason = f"could not be written ({_strerror(err)}); the editions saved are in place"
            raise OutputError(outdir / MANIFEST, reason) from err
    return manifest


class _Run:
    """One run's state: the inputs, their queued jobs, results waiting for their turn, entries."""

    def __init__(self, inputs, settings: Settings, options: BatchOptions, committer, advance):
        self.inputs = list(inputs)
        self.settings, self.options, self.committer = settings, options, committer
        self.advance = advance
        self.base = [
            Entry(input=p.as_posix(), status=EntryStatus.ERROR, format=input_format(p))
            for p in self.inputs
        ]
        self.arrived: dict[int, Outcome | Entry] = {}
        self.final: dict[int, Entry] = {}
        self.jobs: list[tuple[int, Job]] = []
        self.next_commit = 0
        self.stopped = False

    def plan(self, previous: dict[str, Entry]) -> None:
        """Hash every input; settle the unreadable and the unchanged ones, queue the rest."""
        sources: dict[str | None, set[str]] = {}
        for earlier in previous.values():
            sources.setdefault(earlier.folder, set()).add(earlier.sha256)
        for index, path in enumerate(self.inputs):
            entry = self.base[index]
            try:
                check_regular_file(path, self.settings.limits)  # a FIFO would hang the hashing
                entry.sha256 = file_sha256(path)
            except InputError as err:
                self._arrive(index, Outcome(path=path, error=err.reason))
                continue
            except OSError as err:
                reason = "no such file" if isinstance(err, FileNotFoundError) else _os_reason(err)
                self._arrive(index, Outcome(path=path, error=reason))
                continue
            if is_report_page(path):
                self._arrive(index, Outcome(path=path, error=REPORT_PAGE))
                continue
            earlier = previous.get(entry.input)
            if (
                earlier
                and earlier.sha256 == entry.sha256
                and self.committer.has(earlier, sources[earlier.folder])
            ):
                skipped = _skipped(earlier)
                self.committer.reserve(skipped)  # before any result is committed
                self._arrive(index, skipped)
            else:
                job = Job(path=path, settings=self.settings, formats=self.options.formats)
                self.jobs.append((index, job))
        self._commit_ready()

    def execute(self, executor: Executor | None) -> None:
        """Run the queued jobs, committing each result once those before it are committed.

        On KeyboardInterrupt (Ctrl-C, or a signal turned into Interrupted) the local pool's
        workers are killed at once, with the decks they were reading.
        """
        if not self.jobs or self.stopped:
            return
        own = executor is None
        workers = min(self.options.workers or os.cpu_count() or 1, len(self.jobs))
        executor = executor or local_executor(workers)
        # in-process, a job runs as it is submitted: one at a time, so that each is committed
        # before the next starts and an interrupt loses none that finished
        inline = isinstance(executor, InlineExecutor)
        window = 1 if inline else self.options.window or (2 * workers if own else 1024)
        try:
            self._schedule(executor, window)
        except KeyboardInterrupt:
            kill_workers = getattr(executor, "kill_workers", None)  # a LocalPool's (pool.py)
            if kill_workers is not None:
                kill_workers()
            raise
        finally:
            if own:
                executor.shutdown(wait=True, cancel_futures=True)

    def entries(self, missing: str) -> list[Entry]:
        """Every input's entry in input order; inputs never reached get the missing reason."""
        self._commit_ready()
        for index in sorted(self.arrived):  # after a --fail-fast stop, past the first gap
            self.next_commit = index
            self._commit_ready()
        reason = NOT_RUN if self.stopped else missing
        return [self.final.get(i) or self._not_run(i, reason) for i in range(len(self.inputs))]

    def _schedule(self, executor: Executor, window: int) -> None:
        queue = iter(self.jobs)
        running: dict[Future, tuple[int, Job]] = {}
        try:
            while True:
                while not self.stopped and len(running) < window and (item := next(queue, None)):
                    running[executor.submit(run_job, item[1])] = item
                if not running:
                    return
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    index, job = running.pop(future)
                    self._arrive(index, _outcome(future, job))
                self._commit_ready()
        except KeyboardInterrupt:
            self._keep_finished(running)
            raise

    def _keep_finished(self, running: dict[Future, tuple[int, Job]]) -> None:
        """On an interrupt: take the results that came in; cancel the rest."""
        for future, (index, _job) in running.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                self._arrive(index, future.result())
            else:
                future.cancel()

    def _arrive(self, index: int, result: Outcome | Entry) -> None:
        self.arrived[index] = result
        self.advance()
        if isinstance(result, Outcome) and not result.ok and self.options.fail_fast:
            self.stopped = True

    def _commit_ready(self) -> None:
        while self.next_commit in self.arrived:
            index = self.next_commit
            result = self.arrived.pop(index)
            if isinstance(result, Entry):
                self.final[index] = self.committer.keep(result)
            else:
                self.final[index] = self.committer.commit(result, self.base[index])
            self.next_commit += 1

    def _not_run(self, index: int, reason: str) -> Entry:
        entry = self.base[index]
        entry.error = reason
        return entry


def local_executor(workers: int) -> Executor:
    """A pool of worker processes; in-process for one worker. Every input is sandboxed anyway."""
    if workers <= 1:
        return InlineExecutor()
    from extractor.batch.pool import local_pool

    return local_pool(workers)


class InlineExecutor(Executor):
    """Runs each call at once in this process; the sandbox still isolates every input."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        """Call fn now and return its finished future."""
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as err:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(err)
        return future


def input_format(path: Path) -> str | None:
    """The format a file's extension names: a parser's name, else the bare extension."""
    suffix = path.suffix.lower()
    return EXTENSIONS.get(suffix) or suffix.lstrip(".") or None


def _outcome(future: Future, job: Job) -> Outcome:
    try:
        return future.result()
    except Exception as err:  # noqa: BLE001 - a lost worker costs one input, not the batch
        detail = f"{type(err).__name__}: {err}".splitlines()[0][:300]
        return Outcome(path=job.path, error=f"its worker failed ({detail})")


def _skipped(earlier: Entry) -> Entry:
    return Entry(
        input=earlier.input, status=EntryStatus.SKIPPED, sha256=earlier.sha256,
        format=earlier.format, edition_id=earlier.edition_id, folder=earlier.folder,
        warnings=earlier.warnings, facts=earlier.facts, note="unchanged since the last run",
        content_sha256=earlier.content_sha256,
    )  # fmt: skip


def _settings_record(settings: Settings, options: BatchOptions, fingerprint: str) -> dict:
    limits = settings.limits
    return {
        "formats": list(options.formats), "workers": options.workers or os.cpu_count(),
        "timeout_seconds": settings.timeout,
        "memory_limit_mb": settings.memory_bytes // MB if settings.memory_bytes else None,
        "max_file_size_mb": limits.max_file_bytes // MB,
        "max_unpacked_size_mb": limits.max_unpacked_bytes // MB,
        "profile": None if settings.profile == DEFAULT_PROFILE else settings.profile.as_posix(),
        "aliases": [p.as_posix() for p in settings.aliases], "force": options.force,
        "fail_fast": options.fail_fast, "fingerprint": fingerprint,
    }  # fmt: skip


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    return path.resolve().is_relative_to(folder.resolve())


def _os_reason(err: OSError) -> str:
    return f"cannot be read ({_strerror(err)})"


def _strerror(err: OSError) -> str:
    return err.strerror or str(err)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
