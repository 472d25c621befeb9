"""Batch mode through the real command: manifest, isolation, skipping, workers, executors."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import sqlite3
import struct
import subprocess
import termios
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path

from helpers import (
    SCRIPT,
    SEED,
    SEED_HTML,
    csv_rows,
    edition_deck,
    edition_id,
    folder_bytes,
    manifest,
    run_cli,
    run_script,
    statuses,
)

from extractor.batch.jobs import Settings
from extractor.batch.run import BatchOptions, collect_inputs, run_batch
from extractor.writers.tables import TABLE_COLUMNS

EDITION = edition_id(2024)


def mixed_folder(tmp_path: Path) -> Path:
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(SEED, decks)
    shutil.copy(SEED_HTML, decks)
    edition_deck(decks, 2025)
    (decks / "empty.md").write_bytes(b"")
    (decks / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (decks / "slides.pptx").write_text("not a zip", encoding="utf-8")
    (decks / "README.txt").write_text("notes, not a deck", encoding="utf-8")
    return decks


def test_every_input_is_in_the_manifest_and_failures_set_the_exit_code(tmp_path: Path) -> None:
    decks, out = mixed_folder(tmp_path), tmp_path / "out"
    code, stdout, stderr = run_cli("extract", decks, "-o", out, "--workers", "2")
    assert code == 2
    entries = manifest(out)["inputs"]
    assert [Path(e["input"]).name for e in entries] == [
        "empty.md", "plan-2025.md", "scan.pdf", "slides.pptx",
        "u4ssc-action-plan-2024-2025.md", "u4ssc-action-plan-2024-2025.html",
    ]  # fmt: skip
    by_name = {Path(e["input"]).name: e for e in entries}
    assert [e["status"] for e in entries] == ["error", "ok", "error", "error", "ok", "ok"]
    good = by_name["plan-2025.md"]
    assert good["edition_id"] == good["folder"] == edition_id(2025)
    assert good["format"] == "markdown" and good["warnings"] == 0 and good["seconds"] > 0
    assert re.fullmatch(r"[0-9a-f]{64}", good["sha256"])
    assert "same edition and content" in by_name["u4ssc-action-plan-2024-2025.html"]["note"]
    assert by_name["scan.pdf"]["format"] == "pdf"
    assert "PDF is damaged" in by_name["scan.pdf"]["error"]
    assert manifest(out)["counts"] == {"ok": 3, "error": 3, "skipped-unchanged": 0}
    lines = stderr.strip().splitlines()  # the log: a line per input, then the summary
    assert stdout == "" and len(lines) == 7
    assert len([line for line in lines if line.startswith("actionplan: error: ")]) == 3
    assert "Traceback" not in stderr
    assert "6 inputs: 3 extracted, 0 unchanged, 3 failed" in lines[-1]


def test_unchanged_inputs_are_skipped_until_forced_or_changed(tmp_path: Path) -> None:
    decks, out = tmp_path / "decks", tmp_path / "out"
    first, second = edition_deck(decks, 2024), edition_deck(decks, 2025)
    assert run_cli("extract", decks, "-o", out)[0] == 0
    inode = (out / EDITION).stat().st_ino
    code, _, stderr = run_cli("extract", decks, "-o", out)
    assert code == 0 and "unchanged since the last run; skipped" in stderr
    assert set(statuses(out).values()) == {"skipped-unchanged"}
    assert (out / EDITION).stat().st_ino == inode
    assert manifest(out)["inputs"][0]["edition_id"] == EDITION
    second.write_text(second.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run_cli("extract", decks, "-o", out)
    assert statuses(out) == {first.name: "skipped-unchanged", second.name: "ok"}
    run_cli("extract", decks, "-o", out, "--force")
    assert set(statuses(out).values()) == {"ok"}
    assert (out / EDITION).stat().st_ino != inode


def test_other_aliases_or_missing_outputs_mean_extracting_again(tmp_path: Path) -> None:
    decks, out = tmp_path / "decks", tmp_path / "out"
    edition_deck(decks, 2024)
    run_cli("extract", decks, "-o", out)
    aliases = tmp_path / "people.csv"
    aliases.write_text("id,name,aliases\nleo-a,Leo A,\n", encoding="utf-8")
    run_cli("extract", decks, "-o", out, "--aliases", aliases)
    assert statuses(out) == {"plan-2024.md": "ok"}
    shutil.rmtree(out / EDITION)
    run_cli("extract", decks, "-o", out, "--aliases", aliases)
    assert statuses(out) == {"plan-2024.md": "ok"} and (out / EDITION).is_dir()


def test_store_counts_equal_the_csv_rows_and_reruns_add_nothing(tmp_path: Path) -> None:
    decks, out = mixed_folder(tmp_path), tmp_path / "out"
    edition_deck(decks, 2026)
    for extra in ([], [], ["--force"]):
        run_cli("extract", decks, "-o", out, *extra)
        with sqlite3.connect(out / "actionplans.sqlite") as conn:
            for table in TABLE_COLUMNS:
                stored = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                assert stored == csv_rows(out, table), table
            assert conn.execute("SELECT count(*) FROM editions").fetchone()[0] == 3
    assert csv_rows(out, "meetings") == 3 * 27
    if shutil.which("sqlite3"):
        command = ["sqlite3", str(out / "actionplans.sqlite"), "select count(*) from meetings"]
        assert subprocess.run(command, capture_output=True, text=True).stdout.strip() == "81"


def test_two_workers_write_what_one_worker_writes(tmp_path: Path) -> None:
    decks = mixed_folder(tmp_path)
    text = SEED.read_text(encoding="utf-8").replace("Kick off", "Ongoing")
    (decks / "variant.md").write_text(text, encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    _, out_one, err_one = run_cli("extract", decks, "-o", one, "--workers", "1")
    _, out_two, err_two = run_cli("extract", decks, "-o", two, "--workers", "2")
    strip = lambda text: text.replace(str(one), "OUT").replace(str(two), "OUT")  # noqa: E731
    assert out_one == out_two == ""
    assert strip(err_one).splitlines()[:-1] == strip(err_two).splitlines()[:-1]
    folders = sorted(p.name for p in one.iterdir() if p.is_dir())
    assert folders == [EDITION, f"{EDITION}--markdown", edition_id(2025)]
    for folder in folders:
        assert folder_bytes(one / folder) == folder_bytes(two / folder)


def test_fail_fast_stops_at_the_first_error(tmp_path: Path) -> None:
    decks, out = tmp_path / "decks", tmp_path / "out"
    edition_deck(decks, 2024, "a.md")
    (decks / "b.md").write_bytes(b"")
    edition_deck(decks, 2025, "c.md")
    code, _, stderr = run_cli(
        "extract", decks, "-o", out, "--fail-fast", "--workers", "1", "--quiet"
    )
    assert code == 2 and len(stderr.strip().splitlines()) == 1
    entries = manifest(out)["inputs"]
    assert [e["status"] for e in entries] == ["ok", "error", "error"]
    assert entries[2]["error"].startswith("not run: the batch stopped at the first error")
    assert not (out / edition_id(2025)).exists()


def test_a_hang_is_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    decks, out = tmp_path / "decks", tmp_path / "out"
    edition_deck(decks, 2024, "a.md")
    (decks / "b.md").write_text("# Title\n\n" + "[" * 400_000 + "x\n", encoding="utf-8")
    edition_deck(decks, 2025, "c.md")
    code, _, stderr = run_cli("extract", decks, "-o", out, "--timeout", "2", "--quiet")
    assert code == 2
    entries = {Path(e["input"]).name: e for e in manifest(out)["inputs"]}
    assert entries["b.md"]["error"] == "took longer than 2 s and was stopped (see --timeout)"
    assert 2 <= entries["b.md"]["seconds"] < 10
    assert entries["a.md"]["status"] == entries["c.md"]["status"] == "ok"
    assert stderr.count("\n") == 1


def test_a_memory_blow_up_is_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    decks, out = tmp_path / "decks", tmp_path / "out"
    edition_deck(decks, 2024, "a.md")
    row = "<tr><td>cell text here</td><td>more</td></tr>"
    (decks / "b.html").write_text(f"<html><body><table>{row * 150_000}</table></body></html>")
    result = run_script("extract", decks, "-o", out, "--memory-limit", "200")
    assert result.returncode == 2, result.stderr
    entries = {Path(e["input"]).name: e for e in manifest(out)["inputs"]}
    assert "ran out of memory" in entries["b.html"]["error"]
    assert entries["a.md"]["status"] == "ok"
    assert "Traceback" not in result.stderr


class LosingExecutor(Executor):
    """Runs calls in threads but loses the worker of every second one."""

    def __init__(self) -> None:
        self.pool, self.calls = ThreadPoolExecutor(2), 0

    def submit(self, fn, /, *args, **kwargs) -> Future:
        self.calls += 1
        if self.calls % 2 == 0:
            lost: Future = Future()
            lost.set_exception(ConnectionError("worker at 10.0.0.7 lost"))
            return lost
        return self.pool.submit(fn, *args, **kwargs)


def test_any_executor_can_run_the_batch_and_lost_workers_cost_one_input(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    inputs = [edition_deck(decks, 2024 + n) for n in range(4)]
    with ThreadPoolExecutor(2) as threads:
        done = run_batch(inputs, tmp_path / "threads", Settings(), BatchOptions(), threads)
    assert [e.status for e in done.entries] == ["ok"] * 4
    losing = LosingExecutor()
    done = run_batch(inputs, tmp_path / "losing", Settings(), BatchOptions(force=True), losing)
    losing.pool.shutdown()
    assert [e.status for e in done.entries] == ["ok", "error", "ok", "error"]
    assert done.entries[1].error == "its worker failed (ConnectionError: worker at 10.0.0.7 lost)"
    assert folder_bytes(tmp_path / "threads" / EDITION) == folder_bytes(
        tmp_path / "losing" / EDITION
    )


def test_folder_scan_skips_hidden_files_and_the_output_folder(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    edition_deck(decks, 2024, "a.md")
    edition_deck(decks / ".drafts", 2025, "b.md")
    edition_deck(decks / "out" / "old", 2026, "c.md")
    edition_deck(decks / "more", 2027, "d.pptx")
    found = collect_inputs([decks], exclude=decks / "out")
    assert [p.relative_to(decks).as_posix() for p in found] == ["a.md", "more/d.pptx"]


def bar_output(*args: str) -> str:
    """stderr of the command run with a terminal as its stderr."""
    reader, writer = pty.openpty()
    fcntl.ioctl(writer, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen([str(SCRIPT), *args], stdout=subprocess.DEVNULL, stderr=writer)
    os.close(writer)
    chunks = []
    while True:
        ready, _, _ = select.select([reader], [], [], 60)
        try:
            chunk = os.read(reader, 4096) if ready else b""
        except OSError:
            chunk = b""
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(reader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_progress_bar_only_on_a_terminal_and_not_with_quiet(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    edition_deck(decks, 2024)
    edition_deck(decks, 2025)
    assert "2/2" in bar_output("extract", str(decks), "-o", str(tmp_path / "a"))
    assert bar_output("extract", str(decks), "-o", str(tmp_path / "b"), "--quiet") == ""
    piped = run_script("extract", decks, "-o", tmp_path / "c")
    assert piped.returncode == 0 and piped.stdout == ""
    assert "\r" not in piped.stderr and len(piped.stderr.splitlines()) == 3  # 2 decks, summary


def test_a_run_reads_its_profile_once(tmp_path: Path, monkeypatch) -> None:
    # The command checks the profile before the batch starts; the batch takes it from the cache.
    import extractor.batch.jobs as jobs
    import extractor.profile.load as profiles

    loads = []

    def counted(*args):
        loads.append(args)
        return load_profile(*args)

    load_profile = profiles.load_profile
    monkeypatch.setattr(profiles, "load_profile", counted)
    monkeypatch.setattr(jobs, "load_profile", counted)
    jobs.cached_profile.cache_clear()
    code, _, stderr = run_cli("extract", SEED, SEED_HTML, "-o", tmp_path / "out", "--workers", "1")
    assert code == 0, stderr
    assert len(loads) == 1
    jobs.cached_profile.cache_clear()
