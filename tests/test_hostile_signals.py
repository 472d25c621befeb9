"""SIGINT and SIGTERM stop a batch within seconds, keep what finished and write the manifest.

The command exits 130 on SIGINT and 143 on SIGTERM, whether the signal goes to its process
alone or to its whole process group (Ctrl-C on a terminal), and leaves no process behind.
A deck named "hang*" never finishes: the harness below makes its parser sleep.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import edition_deck, edition_id

INTERRUPTED = "not run: the batch was interrupted"
HARNESS = """
import sys, time
from pathlib import Path
import extractor.batch.jobs as jobs

real_parse = jobs.parse_file

def parse_file(path, *args, **kwargs):
    if path.name.startswith("hang"):
        time.sleep(600)
    deck = real_parse(path, *args, **kwargs)
    Path(f"{path}.parsed").touch()
    return deck

jobs.parse_file = parse_file
from extractor.cli.main import main
main(sys.argv[1:])
"""


def start(folder: Path, names: list[str], workers: int) -> subprocess.Popen:
    """The extract command on the named decks, in a session (a process group) of its own."""
    command = [sys.executable, "-c", HARNESS, "extract", *names, "-o", "out", "--timeout", "300",
               "--workers", str(workers)]  # fmt: skip
    return subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)  # fmt: skip


def wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def live_processes(group: int) -> list[str]:
    """Processes of the process group that are still running (zombies aside)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(stat.parent.name)
    return found


def stop(process: subprocess.Popen, signum: int, group: bool) -> tuple[str, str, float]:
    """Send the signal; the command's output and how long it took to exit."""
    started = time.monotonic()
    if group:
        os.killpg(process.pid, signum)
    else:
        os.kill(process.pid, signum)
    stdout, stderr = process.communicate(timeout=60)
    return stdout, stderr, time.monotonic() - started


def decks(tmp_path: Path) -> Path:
    edition_deck(tmp_path, 2024, "a.md")
    edition_deck(tmp_path, 2025, "c.md")
    edition_deck(tmp_path, 2026, "hang.md")
    return tmp_path


def check_stopped(folder: Path, process, signum: int, output: tuple[str, str, float]) -> dict:
    stdout, stderr, seconds = output
    assert process.returncode == 128 + signum
    assert seconds < 10
    name = signal.Signals(signum).name
    assert stderr.splitlines()[-1] == (
        f"actionplan: interrupted by {name}; out/manifest.json records what finished"
    )
    assert "Traceback" not in stderr and "Aborted" not in stderr
    assert "KeyboardInterrupt" not in stdout + stderr
    time.sleep(0.5)  # killed sandboxes may take a moment to go
    assert live_processes(process.pid) == []
    manifest = json.loads((folder / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False
    return {e["input"]: e for e in manifest["inputs"]}


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_one_worker_a_finished_deck_is_kept(tmp_path: Path, signum: int) -> None:
    folder = decks(tmp_path)
    process = start(folder, ["a.md", "hang.md", "c.md"], workers=1)
    wait_for(folder / "out" / edition_id(2024) / "plan.json")
    time.sleep(0.3)  # hang.md is being read
    entries = check_stopped(folder, process, signum, stop(process, signum, group=False))
    assert entries["a.md"]["status"] == "ok"
    assert entries["hang.md"]["error"] == entries["c.md"]["error"] == INTERRUPTED
    assert not (folder / "out" / edition_id(2025)).exists()


@pytest.mark.parametrize(
    ("signum", "group"),
    [
        (signal.SIGINT, False),
        (signal.SIGTERM, False),
        (signal.SIGINT, True),
        (signal.SIGTERM, True),
    ],
)
def test_two_workers_stop_at_once_and_keep_what_finished(
    tmp_path: Path, signum: int, group: bool
) -> None:
    folder = decks(tmp_path)
    # a.md finishes while hang.md, before it in input order, never does: a.md's result waits
    process = start(folder, ["hang.md", "a.md"], workers=2)
    wait_for(folder / "a.md.parsed")
    time.sleep(1)  # its result reaches the command
    entries = check_stopped(folder, process, signum, stop(process, signum, group))
    assert entries["hang.md"]["error"] == INTERRUPTED
    assert entries["a.md"]["status"] == "ok"
    assert (folder / "out" / edition_id(2024) / "plan.json").is_file()
