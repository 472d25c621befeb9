"""manifest.json: what a run did with every input, and what the next run may skip."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from extractor import __version__
from extractor.profile.load import COUNTRIES, LEADER_WORDS, ORGANISATIONS, PEOPLE
from extractor.writers.atomic import write_text

MANIFEST = "manifest.json"


class EntryStatus(StrEnum):
    """What a run did with an input, in the order manifest.json counts them."""

    OK = "ok"
    ERROR = "error"
    SKIPPED = "skipped-unchanged"


@dataclass(kw_only=True)
class Entry:
    """One input of a run: its status, what it became, and what it cost."""

    input: str
    status: EntryStatus
    sha256: str | None = None
    format: str | None = None
    edition_id: str | None = None
    folder: str | None = None
    seconds: float = 0.0
    warnings: int = 0
    facts: int | None = None
    error: str | None = None
    note: str | None = None
    peak_memory_mb: float | None = None
    content_sha256: str | None = None


@dataclass
class Manifest:
    """A run: its settings, its counts and one entry per input, in input order."""

    settings: dict[str, Any]
    started: str
    finished: str | None = None
    seconds: float = 0.0
    complete: bool = False
    entries: list[Entry] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many inputs ended in each status."""
        return {s.value: sum(e.status == s for e in self.entries) for s in EntryStatus}

    def all_ok(self) -> bool:
        """Whether every input was extracted now or unchanged since an earlier good run."""
        return all(e.status != EntryStatus.ERROR for e in self.entries)

    def to_dict(self) -> dict[str, Any]:
        """The manifest as written to manifest.json."""
        return {
            "tool": "actionplan", "version": __version__, "started": self.started,
            "finished": self.finished, "seconds": self.seconds, "complete": self.complete,
            "settings": self.settings, "counts": self.counts(),
            "inputs": [asdict(entry) for entry in self.entries],
        }  # fmt: skip


def write_manifest(manifest: Manifest, outdir: Path) -> Path:
    """Write OUTDIR/manifest.json in one step: a reader sees the old file or the new one."""
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / MANIFEST
    text = json.dumps(manifest.to_dict(), ensure_ascii=False, indent=2) + "\n"
    # A file name that is not UTF-8 holds surrogates: written as JSON escapes ("\udcff"),
    # they read back as the same name.
    write_text(target, text.encode("utf-8", "backslashreplace").decode("utf-8"))
    return target


def previous_entries(outdir: Path, fingerprint: str) -> dict[str, Entry]:
    """The good entries of the last run made with the same settings, by input."""
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
        if data["settings"]["fingerprint"] != fingerprint:
            return {}
        entries = [
            Entry(**{**item, "status": EntryStatus(item["status"])}) for item in data["inputs"]
        ]
    except (OSError, ValueError, TypeError, KeyError):
        return {}
    return {e.input: e for e in entries if e.status in (EntryStatus.OK, EntryStatus.SKIPPED)}


def settings_fingerprint(profile: Path, aliases: Iterable[Path], formats: Iterable[str]) -> str:
    """What else decides the output of an unchanged input: tool version, vocabulary, aliases."""
    files = [profile, LEADER_WORDS, ORGANISATIONS, PEOPLE, COUNTRIES, *aliases]
    parts = {
        "version": __version__,
        "files": [hashlib.sha256(f.read_bytes()).hexdigest() for f in files],
        "formats": sorted(formats),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
