"""One input's work: read the deck and recognise its plan, sandboxed, wherever it runs."""

from __future__ import annotations

import functools
import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from extractor.batch.renditions import fact_count
from extractor.batch.sandbox import MB, SandboxError, describe_crash, run_limited
from extractor.model.dump import plan_to_dict, without_sources
from extractor.model.plan import Plan
from extractor.profile.load import DEFAULT_PROFILE, Profile, load_profile
from extractor.recognise.extract import NoPlanError, extract_plan
from extractor.writers.files import WRITERS, render_files
from parsers.detect import EXTENSIONS, parse_file, parser_for
from parsers.errors import InputError
from parsers.safety import DEFAULT_LIMITS, Limits


@dataclass(frozen=True, kw_only=True)
class Settings:
    """How every input of a run is read: vocabulary, alias tables and limits."""

    profile: Path = DEFAULT_PROFILE
    aliases: tuple[Path, ...] = ()
    limits: Limits = DEFAULT_LIMITS
    timeout: float = 60.0
    memory_bytes: int | None = 2048 * MB
    password: str | None = None


@dataclass(frozen=True)
class Job:
    """One input to read, how, and the text files to render from its plan."""

    path: Path
    settings: Settings = field(default_factory=Settings)
    formats: tuple[str, ...] = WRITERS


@dataclass(kw_only=True)
class Outcome:
    """What reading one input gave: a plan, or the one-line reason it failed."""

    path: Path
    plan: Plan | None = None
    error: str | None = None
    format: str | None = None
    content_sha256: str | None = None
    facts: int | None = None
    files: dict[str, str] | None = None
    seconds: float = 0.0
    peak_bytes: int | None = None

    @property
    def ok(self) -> bool:
        """Whether a plan came out."""
        return self.plan is not None


def run_job(job: Job) -> Outcome:
    """Read one input in a sandbox; every failure, even a crash or a hang, becomes an Outcome."""
    started = time.perf_counter()
    settings = job.settings
    # loaded here, so that sandboxes forked from this process inherit them
    job_profile(job)
    warm_parser(job.path)
    warm_writers(job.formats)
    try:
        finished = run_limited(read_plan, job, settings.timeout, settings.memory_bytes)
        outcome, peak = finished.value, finished.peak_bytes
    except SandboxError as err:
        outcome, peak = Outcome(path=job.path, error=str(err)), None
    except Exception as err:  # noqa: BLE001 - without a sandbox, a crash is still one input's
        outcome, peak = Outcome(path=job.path, error=describe_crash(err)), None
    outcome.seconds = round(time.perf_counter() - started, 3)
    outcome.peak_bytes = peak
    return outcome


def read_plan(job: Job) -> Outcome:
    """Parse the deck and extract its plan; input problems become the Outcome's error."""
    profile = job_profile(job)
    try:
        deck = parse_file(job.path, job.settings.password, job.settings.limits)
        plan = extract_plan(deck, profile)
    except InputError as err:
        return Outcome(path=job.path, error=err.reason)
    except NoPlanError as err:
        return Outcome(path=job.path, error=str(err))
    except RecursionError:
        return Outcome(path=job.path, error="nested too deeply to be read")
    if (refusal := too_little_plan(plan, profile)) is not None:
        return Outcome(path=job.path, error=refusal)
    content = without_sources(plan_to_dict(plan))
    return Outcome(
        path=job.path, plan=plan, format=deck.source.format,
        content_sha256=content_sha256(plan, content), facts=fact_count(content),
        files=render_files(plan, job.formats),
    )  # fmt: skip


def too_little_plan(plan: Plan, profile: Profile) -> str | None:
    """Why a plan is refused as too thin a share of its deck (under min_text_to_accept); None."""
    used, least = plan.edition.source.text_used, profile.min_text_to_accept
    if used is None or used >= least:
        return None
    return (
        f"too little of it reads as an action plan ({used:.0%} of its text used, at least "
        f"{least:.0%} expected by profile '{profile.name}'); is this an action plan of this family?"
    )


def job_profile(job: Job) -> Profile:
    """The job's profile, from this process's cache while its files are unchanged."""
    return files_profile(job.settings.profile, job.settings.aliases)


def files_profile(path: Path, aliases: tuple[Path, ...] = ()) -> Profile:
    """The profile of these files, from this process's cache while they are unchanged.

    ProfileError as load_profile raises it: a file that cannot be read is named.
    """
    try:
        stamp = tuple((s.st_mtime_ns, s.st_size) for s in (f.stat() for f in (path, *aliases)))
    except OSError:
        return load_profile(path, aliases)  # says which file cannot be read, and why
    return cached_profile(path, aliases, stamp)


def content_sha256(plan: Plan, content: dict | None = None) -> str:
    """A hash of what must agree between renditions of one deck: the plan without its sources.

    content, when given, is that plan data already made.
    """
    if content is None:
        content = without_sources(plan_to_dict(plan))
    text = json.dumps(content, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def warm_parser(path: Path) -> None:
    """Import the reader of a deck's format, once per process; unknown formats are left."""
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is not None:
        parser_for(fmt)


def warm_writers(formats: tuple[str, ...]) -> None:
    """Import the calendar writer's library before a sandbox is forked, once per process:
    imported in the sandbox, it would be imported again for every deck."""
    if "ics" in formats:
        import icalendar  # noqa: F401


@functools.lru_cache(maxsize=4)
def cached_profile(path: Path, aliases: tuple[Path, ...], stamp: tuple = ()) -> Profile:
    """The profile, loaded once per process and file version."""
    return load_profile(path, aliases)
