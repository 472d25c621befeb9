"""The diff and history commands through the real entry point, on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sample_paths import NEW_DECK, OLD_DECK, ROOT

from extractor.cli.main import main

OLD_ID, NEW_ID = "u4ssc-action-plan-2024-2025", "u4ssc-action-plan-2025-2026"


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """Both sample editions extracted by the extract command."""
    out = tmp_path_factory.mktemp("editions")
    assert run("extract", OLD_DECK, NEW_DECK, "-o", out).exit_code == 0
    return out


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "diff " in result.output and "history " in result.output


def test_one_deck_in_two_renditions_has_no_change_and_exits_0() -> None:
    result = run("diff", OLD_DECK, OLD_DECK.with_suffix(".html"))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("\n\nNo changes.\n")


def test_diff_writes_json_csv_markdown_and_page_and_exits_1(tmp_path, expected_changes) -> None:
    result = run("diff", OLD_DECK, NEW_DECK, "-o", tmp_path / "diff")
    assert result.exit_code == 1, result.output
    written = sorted(p.name for p in (tmp_path / "diff").iterdir())
    assert written == ["changes.csv", "changes.json", "changes.md", "report.html"]
    data = json.loads((tmp_path / "diff" / "changes.json").read_text(encoding="utf-8"))
    assert data["changes"] == expected_changes
    assert (tmp_path / "diff" / "changes.md").read_text(encoding="utf-8") == result.stdout
    csv_lines = (tmp_path / "diff" / "changes.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0] == "entity,change,key,field,old,new"


@pytest.mark.parametrize("form", ["folder", "plan.json"])
def test_extracted_editions_diff_like_their_decks(extracted, tmp_path, form, expected_changes):
    new = extracted / NEW_ID if form == "folder" else extracted / NEW_ID / "plan.json"
    result = run("diff", extracted / OLD_ID, new, "-o", tmp_path)
    assert result.exit_code == 1, result.output
    data = json.loads((tmp_path / "changes.json").read_text(encoding="utf-8"))
    assert data["changes"] == expected_changes


def test_report_of_extracted_editions_is_the_page_of_their_decks(extracted, tmp_path) -> None:
    from_decks = run("report", OLD_DECK, NEW_DECK, "-o", tmp_path / "decks.html")
    new = extracted / NEW_ID / "plan.json"
    from_editions = run("report", extracted / OLD_ID, new, "-o", tmp_path / "editions.html")
    assert from_decks.exit_code == from_editions.exit_code == 0, from_editions.output
    decks, editions = tmp_path / "decks.html", tmp_path / "editions.html"
    assert editions.read_bytes() == decks.read_bytes()


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    (tmp / "empty").mkdir()
    (tmp / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp / "broken.json").write_text("{", encoding="utf-8")
    (tmp / "other.json").write_text('{"a": 1}', encoding="utf-8")
    (tmp / "recipe.md").write_text("# Pancakes\n\nMix flour and milk.\n", encoding="utf-8")
    return {
        "missing": tmp / "missing.md",
        "folder without plan.json": tmp / "empty",
        "unsupported file": tmp / "notes.txt",
        "invalid json": tmp / "broken.json",
        "json of something else": tmp / "other.json",
        "deck without a plan": tmp / "recipe.md",
    }


@pytest.mark.parametrize(
    "case",
    ["missing", "folder without plan.json", "unsupported file", "invalid json",
     "json of something else", "deck without a plan"],
)  # fmt: skip
def test_bad_input_is_one_line_naming_the_file_and_exit_2(tmp_path, case) -> None:
    bad = _bad_inputs(tmp_path)[case]
    result = run("diff", OLD_DECK, bad)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"actionplan: error: {bad}: ")


def test_history_of_a_folder_of_editions(extracted, tmp_path) -> None:
    printed = run("history", extracted)
    assert printed.exit_code == 0, printed.output
    header, *rows = printed.stdout.splitlines()
    assert header == f"kind,id,name,{OLD_ID},{NEW_ID}"
    assert "working_group,city-platforms/wg7,Smart Destination Platforms,kick-off,ongoing" in rows
    written = run("history", extracted / NEW_ID, extracted / OLD_ID, "-o", tmp_path)
    assert written.exit_code == 0, written.output
    assert (tmp_path / "history.csv").read_text(encoding="utf-8") == printed.stdout
    data = json.loads((tmp_path / "history.json").read_text(encoding="utf-8"))
    assert data["editions"] == [OLD_ID, NEW_ID]


def test_history_skips_a_second_copy_of_an_edition() -> None:
    result = run("history", OLD_DECK, OLD_DECK.with_suffix(".html"))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"kind,id,name,{OLD_ID}"
    html = OLD_DECK.with_suffix(".html")
    assert result.stderr == f"{html}: same edition as {OLD_DECK}; skipped\n"


def test_history_of_a_folder_without_editions_exits_2(tmp_path) -> None:
    result = run("history", tmp_path)
    assert result.exit_code == 2
    reason = "no plan.json here or in its sub-folders"
    assert result.stderr == f"actionplan: error: {tmp_path}: {reason}\n"


def test_exit_codes_of_the_installed_program(tmp_path) -> None:
    def code(*args: object) -> int:
        command = [sys.executable, "-m", "extractor.cli", *map(str, args)]
        return subprocess.run(command, cwd=ROOT, capture_output=True, check=False).returncode

    assert code("diff", OLD_DECK, OLD_DECK.with_suffix(".html")) == 0
    assert code("diff", OLD_DECK, NEW_DECK) == 1
    assert code("diff", OLD_DECK, tmp_path / "nothing.md") == 2


def test_unwritable_output_folder_is_one_line_and_exit_2(tmp_path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    target = tmp_path / "a-file" / "diff"
    result = run("diff", OLD_DECK, OLD_DECK, "-o", target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"actionplan: error: {target}: cannot be written")
    assert len(result.stderr.splitlines()) == 1
