"""Helpers shared by the batch, store and API tests: decks of several editions, CLI runs."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sample_paths import OLD_DECK, ROOT

from extractor.cli.main import main

SEED = OLD_DECK
__all__ = ["ROOT", "SEED"]  # ROOT re-exported for the tests that take it from here
SEED_HTML = OLD_DECK.with_suffix(".html")
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCRIPT = Path(sys.executable).with_name("actionplan")


def edition_deck(folder: Path, start_year: int, name: str | None = None) -> Path:
    """A copy of the seed deck whose title period (and so edition id) is start_year-start_year+1."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    path = folder / (name or f"plan-{start_year}.md")
    path.write_text(text.replace("2024-2025", f"{start_year}-{start_year + 1}", 1), "utf-8")
    return path


def edition_id(start_year: int) -> str:
    return f"u4ssc-action-plan-{start_year}-{start_year + 1}"


def run_cli(*args: str) -> tuple[int, str, str]:
    """The extract command through click's runner, in this process."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def run_script(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The installed console script in a process of its own."""
    command = [str(SCRIPT), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def manifest(outdir: Path) -> dict[str, Any]:
    return json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def statuses(outdir: Path) -> dict[str, str]:
    return {Path(e["input"]).name: e["status"] for e in manifest(outdir)["inputs"]}


def csv_rows(outdir: Path, table: str) -> int:
    """Rows of a table over every edition folder of outdir."""
    total = 0
    for path in sorted(outdir.glob(f"*/{table}.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            total += sum(1 for _ in csv.DictReader(handle))
    return total


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
