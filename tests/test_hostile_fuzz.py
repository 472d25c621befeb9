"""Mutated sample decks: every outcome is a plan or one clear error line, and folder and store agree.

A seeded mutator drops, duplicates, shuffles and swaps lines, cuts table rows short, duplicates
working-group rows, inserts control characters and truncates files, over the markdown and HTML
samples. Every case is read by one batch run (through run_batch, in this process, as the
command does); crashes caught by the sandbox count as failures.
"""

from __future__ import annotations

import csv
import random
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ROOT

from extractor.batch.jobs import Settings
from extractor.batch.run import BatchOptions, run_batch
from extractor.writers.tables import TABLE_COLUMNS

SEED = 20_261_129
CASES = 300
SAMPLES = sorted(
    p for p in (ROOT / "samples").iterdir() if p.suffix in (".md", ".html") and p.is_file()
)
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b"
HTML_CELL = re.compile(r"<t[dh]\b.*?</t[dh]>", re.DOTALL)
# An error line the tool means to give, versus one a crash or a lost process left.
CRASHES = ("crashed (", "its process died", "its process exited", "its worker failed")

Mutation = Callable[[random.Random, list[str]], None]


def drop_line(rng: random.Random, lines: list[str]) -> None:
    del lines[rng.randrange(len(lines))]


def duplicate_line(rng: random.Random, lines: list[str]) -> None:
    at = rng.randrange(len(lines))
    lines.insert(at, lines[at])


def shuffle_lines(rng: random.Random, lines: list[str]) -> None:
    at = rng.randrange(len(lines))
    window = lines[at : at + rng.randint(2, 6)]
    rng.shuffle(window)
    lines[at : at + len(window)] = window


def swap_lines(rng: random.Random, lines: list[str]) -> None:
    first, second = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[first], lines[second] = lines[second], lines[first]


def table_rows(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if "\t" in line or "<td" in line]


def cut_row_short(rng: random.Random, lines: list[str]) -> None:
    rows = table_rows(lines)
    if not rows:
        return
    at = rng.choice(rows)
    if "\t" in lines[at]:
        cells = lines[at].split("\t")
        lines[at] = "\t".join(cells[: rng.randrange(1, len(cells))])
    else:
        cells = HTML_CELL.findall(lines[at])
        keep = cells[: rng.randrange(0, len(cells))] if cells else []
        lines[at] = "<tr>" + "".join(keep) + "</tr>"


def duplicate_wg_row(rng: random.Random, lines: list[str]) -> None:
    rows = [i for i in table_rows(lines) if "WG" in lines[i]]
    if rows:
        at = rng.choice(rows)
        lines.insert(at + rng.randint(1, 3), lines[at])


def insert_controls(rng: random.Random, lines: list[str]) -> None:
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(lines))
        cut = rng.randrange(len(lines[at]) + 1)
        lines[at] = lines[at][:cut] + rng.choice(CONTROLS) + lines[at][cut:]


def truncate(rng: random.Random, lines: list[str]) -> None:
    del lines[rng.randrange(1, len(lines)) :]


MUTATIONS: tuple[Mutation, ...] = (
    drop_line, duplicate_line, shuffle_lines, swap_lines, cut_row_short, cut_row_short,
    duplicate_wg_row, duplicate_wg_row, insert_controls, truncate,
)  # fmt: skip


def mutated_decks(folder: Path, count: int, seed: int) -> list[Path]:
    """count decks, each a sample with its title made unique and one to three mutations."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    decks = []
    for case in range(count):
        sample = SAMPLES[case % len(SAMPLES)]
        text = sample.read_text(encoding="utf-8")
        code = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
        text = text.replace("U4SSC Action Plan", f"U4SSC Action Plan {code}")
        lines = text.split("\n")
        for mutation in rng.sample(MUTATIONS, rng.randint(1, 3)):
            if lines:
                mutation(rng, lines)
        deck = folder / f"case-{case:03d}{sample.suffix}"
        deck.write_text("\n".join(lines), encoding="utf-8")
        decks.append(deck)
    return decks


def csv_count(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def check_folders_and_store_agree(out: Path) -> int:
    """Each stored edition's rows per table equal its CSVs' rows; the number of editions."""
    with sqlite3.connect(out / "actionplans.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = [row[0] for row in conn.execute("SELECT edition_id FROM editions")]
        folders = {p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")}
        assert set(stored) == {name for name in folders if "--" not in name}
        for edition in stored:
            for table in TABLE_COLUMNS:
                query = f"SELECT count(*) FROM {table} WHERE edition_id = ?"
                in_store = conn.execute(query, (edition,)).fetchone()[0]
                assert in_store == csv_count(out / edition / f"{table}.csv"), (edition, table)
    return len(stored)


@pytest.mark.slow
def test_mutated_decks_give_a_plan_or_one_clear_error_line(tmp_path: Path) -> None:
    decks = mutated_decks(tmp_path / "decks", CASES, SEED)
    out = tmp_path / "out"
    manifest = run_batch(decks, out, Settings(timeout=120), BatchOptions(workers=2))
    assert manifest.complete and len(manifest.entries) == CASES
    crashes = []
    for entry in manifest.entries:
        if entry.status == "ok":
            assert (out / entry.folder / "plan.json").is_file()
            continue
        assert entry.error and "\n" not in entry.error and len(entry.error) < 400, entry
        if entry.error.startswith(CRASHES):
            crashes.append(f"{Path(entry.input).name}: {entry.error}")
    assert crashes == []
    assert check_folders_and_store_agree(out) > CASES * 3 // 4  # titles keep most ids apart
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    raw_controls = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    assert not [p for p in out.glob("*/*.csv") if raw_controls.search(p.read_text("utf-8"))]
