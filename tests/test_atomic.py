"""A batch killed with SIGKILL while it writes leaves every earlier edition and the store intact."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SCRIPT, edition_deck, edition_id, folder_bytes, run_script

from extractor.writers.tables import TABLE_COLUMNS

STORE = "actionplans.sqlite"
TABLES = ("editions", *TABLE_COLUMNS)
KILL_AT = Path(__file__).with_name("kill_at.py")


def snapshot(out: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    """Every edition folder's bytes, and every edition's rows in the store."""
    folders = {
        p.name: folder_bytes(p) for p in sorted(out.iterdir()) if p.is_dir() and p.name[0] != "."
    }
    rows: dict[str, dict] = {}
    with sqlite3.connect(out / STORE) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in TABLES:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY edition_id, rowid"):
                rows.setdefault(row[0], {}).setdefault(table, []).append(row)
    return folders, rows


def fired(trigger: str, out: Path, before: dict[str, int]) -> bool:
    """Whether the batch writing into out is at the moment the trigger names."""
    names = os.listdir(out)
    if trigger == "staging":  # an edition folder is being written next to the old one
        return any(n.startswith(".u4ssc") for n in names)
    if trigger == "journal":  # an edition is being imported into the store
        return f"{STORE}-journal" in names
    if trigger == "new folder":  # a new edition folder has just appeared
        return any(n not in before and (out / n).is_dir() for n in names)
    # an existing edition folder has just been swapped for its new version (or gone missing)
    return any(_inode(out / n) != inode for n, inode in before.items())


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return None


def kill_while_writing(out: Path, decks: Path, trigger: str) -> bool:
    """Start the batch, SIGKILL it as soon as the trigger fires; whether it was still running."""
    before = {n: os.stat(out / n).st_ino for n in os.listdir(out) if (out / n).is_dir()}
    process = subprocess.Popen(
        [str(SCRIPT), "extract", str(decks), "-o", str(out), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if fired(trigger, out, before):
            break
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return process.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    """A first batch of three editions, and the decks and full result of a second batch."""
    root = tmp_path_factory.mktemp("runs")
    first, second = root / "first", root / "second"
    for year in (2001, 2002, 2003):
        edition_deck(first, year)
    changed = edition_deck(second, 2001)
    changed.write_text(changed.read_text("utf-8").replace("Kick off", "Ongoing"), "utf-8")
    for year in range(2010, 2022):
        edition_deck(second, year)
    pristine, reference = root / "pristine", root / "reference"
    assert run_script("extract", first, "-o", pristine).returncode == 0
    shutil.copytree(pristine, reference)
    assert run_script("extract", second, "-o", reference).returncode == 0
    old, new = snapshot(pristine), snapshot(reference)
    assert new[0][edition_id(2001)] != old[0][edition_id(2001)]
    return {"pristine": pristine, "second": second, "old": old, "new": new}


def check_after_kill(out: Path, runs: dict, killed: bool) -> None:
    """Earlier editions whole and unchanged; the rest old or new, never a mix; then a rerun."""
    (old_folders, old_rows), (new_folders, new_rows) = runs["old"], runs["new"]
    folders, rows = snapshot(out)
    assert set(old_folders) <= set(folders) and set(old_rows) <= set(rows)
    for year in (2002, 2003):
        assert folders[edition_id(year)] == old_folders[edition_id(year)]
        assert rows[edition_id(year)] == old_rows[edition_id(year)]
    for name, files in folders.items():
        assert files in (old_folders.get(name), new_folders.get(name)), name
    for edition, tables in rows.items():
        assert tables in (old_rows.get(edition), new_rows.get(edition)), edition
    if killed:  # the manifest is written at the end of a run, in one step
        assert (out / "manifest.json").read_bytes() == (
            runs["pristine"] / "manifest.json"
        ).read_bytes()
    rerun = run_script("extract", runs["second"], "-o", out)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(out) == (new_folders, new_rows)
    assert not [n for n in os.listdir(out) if n.startswith(".")]


@pytest.mark.parametrize("trigger", ["staging", "journal", "new folder", "swapped folder"])
def test_kill_9_from_outside_mid_write(tmp_path: Path, runs: dict, trigger: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(runs["pristine"], out)
    killed = kill_while_writing(out, runs["second"], trigger)
    assert killed or trigger in ("staging", "journal")  # those two may come and go unseen
    check_after_kill(out, runs, killed)


# 9 files per edition folder, then 10 SQL batches per edition import, edition after edition.
@pytest.mark.parametrize(
    ("kind", "count"), [("file", 1), ("file", 5), ("file", 14), ("sql", 1),
                        ("sql", 2), ("sql", 10), ("sql", 15)],
)  # fmt: skip
def test_kill_9_right_after_a_write(tmp_path: Path, runs: dict, kind: str, count: int) -> None:
    out = tmp_path / "out"
    shutil.copytree(runs["pristine"], out)
    command = [sys.executable, str(KILL_AT), kind, str(count), "extract", str(runs["second"])]
    result = subprocess.run([*command, "-o", str(out), "--workers", "1"], capture_output=True)
    assert result.returncode == -signal.SIGKILL
    check_after_kill(out, runs, killed=True)
