"""The tool's own outputs, which a folder scan leaves out: they are not decks.

An output folder holds a manifest.json written by this tool, a store or a plan.json (an
`extract` OUTDIR, an edition folder, a diff or history folder beside them); a report page
carries the generator mark of the report templates.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractor.writers.store import STORE

GENERATOR = re.compile(rb"""<meta\s+name=["']?generator["']?\s+content=["']?actionplan\b""", re.I)
TOOL = re.compile(rb'"tool"\s*:\s*"actionplan"')
PLAN = re.compile(rb'"schema_version"\s*:')
CHANGES = re.compile(rb'"old_edition"\s*:')
HEAD_BYTES = 4096
PAGE_SUFFIXES = frozenset({".html", ".htm"})


def is_output_folder(folder: Path) -> bool:
    """Whether a folder is one this tool wrote: an OUTDIR, an edition, a diff or history folder."""
    if (folder / STORE).is_file():
        return True
    if _head_matches(folder / "manifest.json", TOOL):
        return True
    return _head_matches(folder / "plan.json", PLAN) or _head_matches(
        folder / "changes.json", CHANGES
    )


def is_report_page(path: Path) -> bool:
    """Whether a file is an HTML page this tool's report command wrote."""
    return path.suffix.lower() in PAGE_SUFFIXES and _head_matches(path, GENERATOR)


def _head_matches(path: Path, pattern: re.Pattern[bytes]) -> bool:
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            return pattern.search(handle.read(HEAD_BYTES)) is not None
    except OSError:
        return False
