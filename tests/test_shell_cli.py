"""Command-line conventions: diff --json/--stat/--quiet, one-line -o errors, alias table errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sample_paths import NEW_DECK, OLD_DECK

COMMAND = [sys.executable, "-m", "extractor.cli"]
RENDITION = OLD_DECK.with_suffix(".html")

# Counted by hand from tests/data/changes-2024-2025-to-2025-2026.json, the hand-written list.
STAT = """\
thematic_group |  23  1 added, 1 removed, 2 renamed, 19 modified
working_group  |  31  3 added, 2 removed, 1 renamed, 25 modified
leader         |  10  4 added, 2 removed, 4 modified
meeting        |  35  10 added, 23 removed, 2 modified
deliverable    |   3  2 added, 1 modified
102 changes: 20 added, 28 removed, 3 renamed, 51 modified
"""


def actionplan(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    command = [*COMMAND, *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


def test_diff_json_prints_the_change_records(tmp_path: Path, expected_changes) -> None:
    result = actionplan("diff", OLD_DECK, NEW_DECK, "--json", "-o", tmp_path / "diff")
    assert result.returncode == 1 and result.stderr == ""
    printed = json.loads(result.stdout)
    assert printed["old_edition"] == "u4ssc-action-plan-2024-2025"
    assert printed["new_edition"] == "u4ssc-action-plan-2025-2026"
    assert printed["changes"] == expected_changes
    assert result.stdout == (tmp_path / "diff" / "changes.json").read_text(encoding="utf-8")


def test_diff_json_of_two_renditions_has_no_changes() -> None:
    result = actionplan("diff", OLD_DECK, RENDITION, "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["changes"] == []


def test_diff_stat_counts_changes_per_entity_and_kind() -> None:
    result = actionplan("diff", OLD_DECK, NEW_DECK, "--stat")
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout == STAT
    same = actionplan("diff", OLD_DECK, RENDITION, "--stat")
    assert same.returncode == 0 and same.stdout == "No changes.\n"


def test_diff_quiet_says_it_with_the_exit_code_only(tmp_path: Path) -> None:
    changed = actionplan("diff", OLD_DECK, NEW_DECK, "--quiet", "-o", tmp_path / "diff")
    assert (changed.returncode, changed.stdout, changed.stderr) == (1, "", "")
    assert (tmp_path / "diff" / "changes.json").is_file()  # -o still writes the files
    same = actionplan("diff", OLD_DECK, RENDITION, "-q")
    assert (same.returncode, same.stdout, same.stderr) == (0, "", "")


def test_diff_output_modes_exclude_each_other() -> None:
    result = actionplan("diff", OLD_DECK, NEW_DECK, "--json", "--stat")
    assert result.returncode == 2 and result.stdout == ""
    assert "choose one of --json, --stat and --quiet" in result.stderr


def commands(existing_file: Path, folder: Path) -> list[tuple[str, list, Path]]:
    """Every command whose -o names a folder, and report, whose -o names a file."""
    return [
        ("extract", ["extract", OLD_DECK], existing_file),
        ("diff", ["diff", OLD_DECK, NEW_DECK], existing_file),
        ("history", ["history", OLD_DECK, NEW_DECK], existing_file),
        ("report", ["report", OLD_DECK, NEW_DECK], folder),
    ]


@pytest.mark.parametrize("command", ["extract", "diff", "history", "report"])
def test_an_unusable_output_is_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    existing = tmp_path / "taken.txt"
    existing.write_text("mine\n", encoding="utf-8")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    name, args, wrong = next(c for c in commands(existing, folder) if c[0] == command)
    result = actionplan(*args, "-o", wrong)
    assert result.returncode == 2, result.stderr
    what = (
        "is a folder; give the name of the file to write"
        if name == "report"
        else "is a file, not a folder"
    )
    assert result.stderr == f"actionplan: error: {wrong}: {what}\n"
    under = existing / "sub" / ("page.html" if name == "report" else "out")
    result = actionplan(*args, "-o", under)
    assert result.returncode == 2
    assert result.stderr == (
        f"actionplan: error: {under}: cannot be written ({existing} is a file, not a folder)\n"
    )
    assert existing.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "taken.txt"]


def test_a_missing_alias_table_is_named_as_such(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    for args in (["extract", OLD_DECK, "-o", tmp_path / "out"], ["diff", OLD_DECK, NEW_DECK]):
        result = actionplan(*args, "--aliases", missing)
        assert result.returncode == 2
        assert result.stderr == (
            f"actionplan: error: aliases {missing}: cannot be read (No such file or directory)\n"
        )


def test_a_csv_without_the_alias_columns_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_text("foo,bar\n1,2\n", encoding="utf-8")
    result = actionplan("extract", OLD_DECK, "-o", tmp_path / "out", "--aliases", junk)
    assert result.returncode == 2
    assert result.stderr == (
        f"actionplan: error: aliases {junk}: not an alias table: no 'name' column (found 'foo', "
        "'bar'); expected a table of people (id,name,aliases)\n"
    )
    assert not (tmp_path / "out").exists()
    typo = tmp_path / "orgs.csv"
    typo.write_text("id,name,acronym,alias,kind\nacme,Acme,ACME,,company\n", encoding="utf-8")
    result = actionplan("diff", OLD_DECK, NEW_DECK, "--aliases", typo)
    assert result.returncode == 2
    assert result.stderr == (
        f"actionplan: error: aliases {typo}: unknown columns 'alias' for a table of "
        "organisations (id,name,acronym,aliases,kind,parent,country)\n"
    )


def test_a_good_people_table_with_only_some_columns_is_read(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("name,aliases\nOkan Geray,Dr. Okan Geray\n", encoding="utf-8")
    result = actionplan("diff", OLD_DECK, RENDITION, "--aliases", people, "--quiet")
    assert (result.returncode, result.stderr) == (0, "")
