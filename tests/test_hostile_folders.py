"""Odd entries in an input folder cost one error line each, never the run."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

from helpers import edition_deck, edition_id, manifest


def test_a_symlink_loop_is_one_error_line_and_the_run_goes_on(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    edition_deck(decks, 2024, "a.md")
    edition_deck(decks / "sub", 2025, "b.md")
    os.symlink("loop2", decks / "loop1")
    os.symlink("loop1", decks / "loop2")
    os.symlink("self.md", decks / "sub" / "self.md")
    os.symlink("..", decks / "sub" / "up")  # a folder cycle: not followed, not an error
    command = [sys.executable, "-m", "extractor.cli", "extract", "decks", "-o", "out", "--quiet"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    reason = f"cannot be read ({os.strerror(errno.ELOOP)})"
    assert result.stderr.splitlines() == [
        f"actionplan: error: decks/loop1: {reason}",
        f"actionplan: error: decks/loop2: {reason}",
        f"actionplan: error: decks/sub/self.md: {reason}",
    ]
    entries = {e["input"]: e for e in manifest(tmp_path / "out")["inputs"]}
    assert entries["decks/a.md"]["status"] == entries["decks/sub/b.md"]["status"] == "ok"
    assert entries["decks/loop1"]["error"] == reason
    assert len(entries) == 5
    assert (tmp_path / "out" / edition_id(2025) / "plan.json").is_file()
