"""An edition's folder and its store rows change together or not at all, and skipping trusts them.

An input is skipped as unchanged only when its folder's plan.json and the store name the input's
bytes as their source; a failed store import or commit leaves the old folder, a failed folder
swap leaves the old rows.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from hashlib import sha256
from pathlib import Path

import pytest
from helpers import edition_deck, edition_id, folder_bytes, manifest, run_cli

import extractor.writers.atomic
from extractor.writers.tables import TABLE_COLUMNS

KILL_AT = Path(__file__).with_name("kill_at.py")
STORE = "actionplans.sqlite"
FIRST = edition_id(2001)


def change(deck: Path) -> None:
    """A changed deck of the same edition: one status differs."""
    text = deck.read_text(encoding="utf-8")
    assert "Kick off" in text
    deck.write_text(text.replace("Kick off", "Ongoing", 1), encoding="utf-8")


def digest(path: Path) -> str:
    return sha256(path.read_bytes()).hexdigest()


def folder_source(out: Path, edition: str) -> str:
    plan = json.loads((out / edition / "plan.json").read_text(encoding="utf-8"))
    return plan["edition"]["source"]["sha256"]


def store_rows(out: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(out / STORE) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = ("editions", *TABLE_COLUMNS)
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, rowid").fetchall() for t in tables}


def store_source(out: Path, edition: str) -> str | None:
    with sqlite3.connect(out / STORE) as conn:
        row = conn.execute(
            "SELECT source_sha256 FROM editions WHERE edition_id = ?", (edition,)
        ).fetchone()
    return row[0] if row else None


def agree(out: Path) -> None:
    """Every table of the store has as many rows per edition as that edition's CSV."""
    with sqlite3.connect(out / STORE) as conn:
        editions = [row[0] for row in conn.execute("SELECT edition_id FROM editions")]
        assert sorted(editions) == sorted(
            p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")
        )
        for edition in editions:
            for table in TABLE_COLUMNS:
                with (out / edition / f"{table}.csv").open(encoding="utf-8", newline="") as f:
                    in_csv = sum(1 for _ in csv.DictReader(f))
                query = f"SELECT count(*) FROM {table} WHERE edition_id = ?"
                assert conn.execute(query, (edition,)).fetchone()[0] == in_csv, (edition, table)


def hidden(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(".")]


# --- skipping compares what the folder and the store hold ----------------------------------


def test_kill_9_after_a_changed_deck_is_saved_then_the_original_restored(tmp_path: Path) -> None:
    decks, out = tmp_path / "decks", tmp_path / "out"
    deck = edition_deck(decks, 2001, "a.md")
    original = deck.read_bytes()
    assert run_cli("extract", decks, "-o", out)[0] == 0
    change(deck)
    edition_deck(decks, 2003, "c.md")
    # 16 SQL batches for the import of the only edition (12 for its rows, 4 for the derived
    # tables): killed at the first batch of c.md's import, when the changed a.md is in its
    # folder and in the store but the manifest still has the original
    command = [sys.executable, str(KILL_AT), "sql", "17", "extract", str(decks), "-o", str(out)]
    killed = subprocess.run([*command, "--workers", "1"], capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    changed = digest(deck)
    assert folder_source(out, FIRST) == store_source(out, FIRST) == changed
    deck.write_bytes(original)
    code, _, stderr = run_cli("extract", decks, "-o", out)
    assert code == 0, stderr
    assert "a.md -> " in stderr and "a.md: unchanged" not in stderr
    assert {Path(e["input"]).name: e["status"] for e in manifest(out)["inputs"]} == {
        "a.md": "ok", "c.md": "ok",
    }  # fmt: skip
    assert folder_source(out, FIRST) == store_source(out, FIRST) == digest(deck)
    agree(out)
    assert not hidden(out)


@pytest.mark.parametrize("replaced", [("folder",), (STORE,), ("folder", STORE)])
def test_a_folder_or_store_the_manifest_does_not_describe_is_written_again(
    tmp_path: Path, replaced: tuple[str, ...]
) -> None:
    decks, out, other = tmp_path / "decks", tmp_path / "out", tmp_path / "other"
    deck = edition_deck(decks, 2001, "a.md")
    original = deck.read_bytes()
    assert run_cli("extract", decks, "-o", out)[0] == 0
    expected = (folder_bytes(out / FIRST), store_rows(out))
    change(deck)
    assert run_cli("extract", decks, "-o", other)[0] == 0
    # what a killed run leaves: the changed edition saved, the manifest of the run before
    if "folder" in replaced:
        shutil.rmtree(out / FIRST)
        shutil.copytree(other / FIRST, out / FIRST)
    if STORE in replaced:
        shutil.copy(other / STORE, out / STORE)
    deck.write_bytes(original)
    code, _, stderr = run_cli("extract", decks, "-o", out)
    assert code == 0 and "a.md -> " in stderr and "unchanged since the last run" not in stderr
    assert (folder_bytes(out / FIRST), store_rows(out)) == expected
    again = run_cli("extract", decks, "-o", out)  # now the outputs are the input's: skipped
    assert again[0] == 0 and "a.md: unchanged since the last run; skipped" in again[2]


def test_a_folder_without_plan_json_cannot_vouch_for_its_input(tmp_path: Path) -> None:
    decks, out = tmp_path / "decks", tmp_path / "out"
    edition_deck(decks, 2001, "a.md")
    for _ in range(2):
        code, _, stderr = run_cli("extract", decks, "-o", out, "--format", "csv")
        assert code == 0 and "a.md -> " in stderr and "unchanged since the last run" not in stderr
    code, _, stderr = run_cli("extract", decks, "-o", out, "--format", "json,csv")
    code, _, stderr = run_cli("extract", decks, "-o", out, "--format", "json,csv")
    assert code == 0 and "unchanged since the last run" in stderr


# --- the folder and the store change together -----------------------------------------------


class FailingConnection(sqlite3.Connection):
    """A store connection whose statements containing `fail_on` raise a disk I/O error."""

    fail_on = "COMMIT"

    def execute(self, sql, *args):
        if self.fail_on in sql:
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)

    def executemany(self, sql, *args):
        if self.fail_on in sql:
            raise sqlite3.OperationalError("disk I/O error")
        return super().executemany(sql, *args)


def failing_store(monkeypatch, fail_on: str) -> None:
    connect = sqlite3.connect
    monkeypatch.setattr(FailingConnection, "fail_on", fail_on)
    monkeypatch.setattr(
        sqlite3, "connect", lambda *a, **k: connect(*a, factory=FailingConnection, **k)
    )


def two_runs(tmp_path: Path) -> tuple[Path, Path, tuple]:
    """A first run of a.md; then a.md changed and b.md new, for the second run to fail on."""
    decks, out = tmp_path / "decks", tmp_path / "out"
    deck = edition_deck(decks, 2001, "a.md")
    assert run_cli("extract", decks, "-o", out)[0] == 0
    before = (folder_bytes(out / FIRST), store_rows(out), digest(deck))
    change(deck)
    edition_deck(decks, 2002, "b.md")
    return decks, out, before


def check_unchanged(out: Path, before: tuple, stderr: str, reason: str) -> None:
    folder, rows, source = before
    assert folder_bytes(out / FIRST) == folder and store_rows(out) == rows
    assert folder_source(out, FIRST) == store_source(out, FIRST) == source
    assert not (out / edition_id(2002)).exists()  # the new edition is in neither
    lines = stderr.splitlines()[:-1]  # the summary line closes the log
    assert len(lines) == 2 and all(reason in line for line in lines), stderr
    assert lines[0].startswith(f"actionplan: error: {out.parent / 'decks' / 'a.md'}: ")
    errors = [e["error"] for e in manifest(out)["inputs"]]
    assert all(error and "could not be saved" in error for error in errors)
    assert not hidden(out)
    agree(out)


@pytest.mark.parametrize("can_exchange", [True, False])
def test_a_failed_commit_puts_the_old_folder_back(
    tmp_path: Path, monkeypatch, can_exchange
) -> None:
    decks, out, before = two_runs(tmp_path)
    if not can_exchange:  # the rename path taken where renameat2 is missing
        monkeypatch.setattr(extractor.writers.atomic, "exchange", lambda a, b: False)
    failing_store(monkeypatch, "COMMIT")
    code, _, stderr = run_cli("extract", decks, "-o", out, "--workers", "1")
    assert code == 2
    check_unchanged(out, before, stderr, "not stored (disk I/O error)")


def test_a_failed_import_leaves_the_old_folder(tmp_path: Path, monkeypatch) -> None:
    decks, out, before = two_runs(tmp_path)
    failing_store(monkeypatch, "INSERT INTO meetings")
    code, _, stderr = run_cli("extract", decks, "-o", out, "--workers", "1")
    assert code == 2
    check_unchanged(out, before, stderr, "not stored (disk I/O error)")


def test_a_failed_folder_swap_leaves_the_old_rows(tmp_path: Path, monkeypatch) -> None:
    decks, out, before = two_runs(tmp_path)
    rename = os.replace

    def failing_rename(source, target):
        if Path(source).name.startswith(".actionplan-new-"):  # a staged folder moving in
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        rename(source, target)

    monkeypatch.setattr(os, "replace", failing_rename)
    # without renameat2 the swap is two renames; the second one fails
    monkeypatch.setattr(extractor.writers.atomic, "exchange", lambda a, b: False)
    code, _, stderr = run_cli("extract", decks, "-o", out, "--workers", "1")
    assert code == 2
    check_unchanged(out, before, stderr, os.strerror(errno.EXDEV))
