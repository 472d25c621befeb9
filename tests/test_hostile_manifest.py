"""An output folder that cannot be written, or a manifest that cannot be, is one line and exit 2.

Read-only folders and full disks are simulated in-process (the tests may run as root, whom
permissions do not stop); file names that are not UTF-8 are real.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SEED, edition_deck, edition_id, run_cli

import extractor.batch.manifest

EDITION = edition_id(2024)
BAD_NAME = b"bad-\xff\xfe.md"  # not UTF-8


def refuse(code: int, inside: Path):
    """An os.open that fails with code for every path in the folder inside."""
    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):
        if Path(os.fsdecode(path)).parent == inside:
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    return fake_open


def one_error_line(result: tuple[int, str, str], expected: str) -> None:
    code, _, stderr = result
    assert code == 2
    assert stderr.splitlines() == [expected]


def test_outdir_an_existing_file(tmp_path: Path) -> None:
    taken = tmp_path / "taken.txt"
    taken.write_text("the user's file\n", encoding="utf-8")
    command = [sys.executable, "-m", "extractor.cli", "extract", str(SEED), "-o", "taken.txt"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["actionplan: error: taken.txt: is a file, not a folder"]
    assert taken.read_text(encoding="utf-8") == "the user's file\n"


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_outdir_read_only(tmp_path: Path, monkeypatch, code: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, "open", refuse(code, out))
    result = run_cli("extract", SEED, "-o", out)
    one_error_line(result, f"actionplan: error: {out}: cannot be written ({os.strerror(code)})")
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_outdir_read_only_for_real(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o555)
    result = run_cli("extract", SEED, "-o", out)
    reason = os.strerror(errno.EACCES)
    one_error_line(result, f"actionplan: error: {out}: cannot be written ({reason})")


def test_a_full_disk_from_the_start(tmp_path: Path, monkeypatch) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "out"
    result = run_cli("extract", SEED, "-o", out)
    reason = os.strerror(errno.ENOSPC)
    one_error_line(result, f"actionplan: error: {out}: cannot be written ({reason})")
    assert list(out.iterdir()) == []  # the probe is gone


def test_a_disk_full_when_the_manifest_is_written(tmp_path: Path, monkeypatch) -> None:
    def full(target: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(extractor.batch.manifest, "write_text", full)
    decks, out = tmp_path / "decks", tmp_path / "out"
    edition_deck(decks, 2024)
    code, stdout, stderr = run_cli("extract", decks, "-o", out)
    assert code == 2
    deck_line, error_line = stderr.splitlines()  # no summary: the run could not be recorded
    assert error_line == (
        f"actionplan: error: {out / 'manifest.json'}: could not be written "
        f"({os.strerror(errno.ENOSPC)}); the editions saved are in place"
    )
    assert stdout == "" and deck_line.startswith(f"{decks / 'plan-2024.md'} -> {out / EDITION}/")
    assert (out / EDITION / "plan.json").is_file() and not (out / "manifest.json").exists()


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    with open(os.path.join(os.fsencode(decks), BAD_NAME), "wb") as handle:
        handle.write(SEED.read_bytes())
    command = [sys.executable, "-m", "extractor.cli", "extract", "decks", "-o", "out"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    shown = "decks/bad-\\xff\\xfe.md"  # the bytes that are not UTF-8, as escapes
    assert result.stderr.decode("utf-8").startswith(f"{shown} -> out/{EDITION}/")
    data = (tmp_path / "out" / "manifest.json").read_bytes().decode("utf-8")  # valid UTF-8
    (entry,) = json.loads(data)["inputs"]
    assert entry["input"] == os.fsdecode(b"decks/" + BAD_NAME)  # the very name, read back
    plan = json.loads((tmp_path / "out" / EDITION / "plan.json").read_text(encoding="utf-8"))
    assert plan["edition"]["source"]["path"] == shown
    with sqlite3.connect(tmp_path / "out" / "actionplans.sqlite") as conn:
        assert conn.execute("SELECT source_path FROM editions").fetchall() == [(shown,)]
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120)
    assert again.returncode == 0
    assert again.stderr.decode("utf-8").startswith(f"{shown}: unchanged since the last run")
