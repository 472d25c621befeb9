"""Re-runs keep what they do not write: report.html, CSVs of another --format, a user's notes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import manifest
from sample_paths import OLD_DECK

from extractor.writers.tables import TABLE_COLUMNS

COMMAND = [sys.executable, "-m", "extractor.cli"]
EDITION = "u4ssc-action-plan-2024-2025"
CSVS = [f"{table}.csv" for table in TABLE_COLUMNS]


def actionplan(*args: object) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [*COMMAND, *map(str, args)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_make_runs_sequence_keeps_the_report_and_the_csvs(tmp_path: Path) -> None:
    out = tmp_path / "output"
    folder = out / EDITION
    actionplan("extract", OLD_DECK, "-o", out)
    actionplan("report", folder, "-o", folder / "report.html")
    first = contents(folder)
    assert sorted(first) == sorted(["plan.json", "meetings.ics", "report.html", *CSVS])
    inode = folder.stat().st_ino

    actionplan("extract", OLD_DECK, "-o", out, "--force")
    assert folder.stat().st_ino != inode  # a new folder was swapped in
    assert contents(folder) == first  # report.html came along; the rest was written again

    actionplan("extract", OLD_DECK, "-o", out, "--format", "json")
    assert contents(folder) == first  # the CSVs and meetings.ics of the run before stay
    assert manifest(out)["inputs"][0]["status"] == "ok"


def test_a_users_files_and_folders_in_an_edition_folder_survive_a_rerun(tmp_path: Path) -> None:
    out = tmp_path / "output"
    folder = out / EDITION
    actionplan("extract", OLD_DECK, "-o", out)
    (folder / "notes.txt").write_text("checked by hand\n", encoding="utf-8")
    (folder / "charts").mkdir()
    (folder / "charts" / "one.svg").write_text("<svg/>", encoding="utf-8")
    os.symlink("notes.txt", folder / "latest-notes")
    (folder / "plan.json").write_text("{}", encoding="utf-8")  # a file the run writes: replaced

    actionplan("extract", OLD_DECK, "-o", out, "--force")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "checked by hand\n"
    assert (folder / "charts" / "one.svg").read_text(encoding="utf-8") == "<svg/>"
    assert os.readlink(folder / "latest-notes") == "notes.txt"
    assert (folder / "plan.json").read_text(encoding="utf-8").startswith('{\n  "schema_version"')
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no staging left
