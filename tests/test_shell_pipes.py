"""Pipes: logs on stderr, data on stdout, and a reader that goes away stops neither the work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import edition_deck, edition_id, manifest
from sample_paths import NEW_DECK, OLD_DECK

COMMAND = [sys.executable, "-m", "extractor.cli"]
YEARS = (2030, 2031, 2032, 2033)


def decks(folder: Path) -> list[Path]:
    return [edition_deck(folder, year) for year in YEARS]


def run_closed(args: list, stdout: bool = True, stderr: bool = True) -> tuple[int, str]:
    """Run the command with the read end of stdout and/or stderr closed before it prints."""
    process = subprocess.Popen(
        [*COMMAND, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    kept = []
    for stream, close in ((process.stdout, stdout), (process.stderr, stderr)):
        if close:
            stream.close()
        else:
            kept.append(stream)
    shown = b"".join(stream.read() for stream in kept).decode("utf-8")
    return process.wait(timeout=120), shown


def assert_every_edition_written(out: Path) -> None:
    record = manifest(out)
    assert record["complete"] is True
    assert record["counts"] == {"ok": len(YEARS), "error": 0, "skipped-unchanged": 0}
    assert "Broken pipe" not in json.dumps(record)
    for year in YEARS:
        assert (out / edition_id(year) / "plan.json").is_file()
        assert (out / edition_id(year) / "meetings.csv").is_file()


def test_extract_logs_on_stderr_and_leaves_stdout_empty(tmp_path: Path) -> None:
    inputs = decks(tmp_path / "in")
    out = tmp_path / "out"
    result = subprocess.run(
        [*COMMAND, "extract", *inputs, "-o", out, "--workers", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == len(YEARS) + 1  # one per deck, then the summary
    assert lines[0].startswith(f"{inputs[0]} -> {out / edition_id(YEARS[0])}/ (9 thematic groups")
    assert lines[-1].startswith(f"{len(YEARS)} inputs: {len(YEARS)} extracted")


def test_extract_with_stdout_and_stderr_closed_writes_every_edition(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _ = run_closed(["extract", *decks(tmp_path / "in"), "-o", out, "--workers", "1"])
    assert code == 0
    assert_every_edition_written(out)


def test_extract_piped_into_head_writes_every_edition(tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = " ".join(f"'{p}'" for p in decks(tmp_path / "in"))
    command = " ".join(COMMAND) + f" extract {inputs} -o '{out}' --workers 1"
    script = f"{command} 2>&1 | head -1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == ""
    assert_every_edition_written(out)


def test_a_failing_deck_keeps_exit_code_2_with_its_log_closed(tmp_path: Path) -> None:
    inputs = decks(tmp_path / "in")
    broken = tmp_path / "in" / "broken.pptx"
    broken.write_bytes(b"not a zip")
    out = tmp_path / "out"
    code, _ = run_closed(["extract", *inputs, broken, "-o", out, "--workers", "1"])
    assert code == 2
    record = manifest(out)
    assert record["counts"] == {"ok": len(YEARS), "error": 1, "skipped-unchanged": 0}
    assert "Broken pipe" not in json.dumps(record)


def test_diff_with_stdout_closed_writes_its_files_and_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "diff"
    code, errors = run_closed(["diff", OLD_DECK, NEW_DECK, "-o", out], stderr=False)
    assert code == 1  # the editions differ, whoever reads the summary
    assert errors == ""  # no traceback, no "Exception ignored" at exit
    changes = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    assert len(changes["changes"]) == 102
    assert (out / "report.html").is_file()


def test_diff_of_two_renditions_with_stdout_closed_exits_0(tmp_path: Path) -> None:
    code, errors = run_closed(["diff", OLD_DECK, OLD_DECK.with_suffix(".html")], stderr=False)
    assert code == 0  # nothing changed; the closed pipe is no error
    assert errors == ""


def test_diff_piped_into_head_prints_the_first_line_only(tmp_path: Path) -> None:
    script = (
        " ".join(COMMAND) + f" diff '{OLD_DECK}' '{NEW_DECK}' | head -1; exit ${{PIPESTATUS[0]}}"
    )
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout == (
        "# Changes from U4SSC Action Plan 2024-2025 to U4SSC Action Plan 2025-2026\n"
    )
    assert result.stderr == ""


def test_history_with_stdout_closed_exits_0(tmp_path: Path) -> None:
    code, errors = run_closed(["history", OLD_DECK, NEW_DECK], stderr=False)
    assert code == 0
    assert errors == ""
