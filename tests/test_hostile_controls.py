"""Control characters never reach a CSV, a report page or the terminal raw.

ESC, BEL, NUL and the other C0/C1 characters (tab and newline inside values excepted) are
written as visible escapes such as \\x1b; a newline in a file name cannot forge a log line.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import SEED, run_cli

from extractor.writers.escape import printable, visible_controls
from extractor.writers.files import csv_text

EDITION = "u4ssc-action-plan-2024-2025"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORGED = "deck\nactionplan: error: other.md: forged\x1b[2J\x07"


def test_visible_controls_keeps_tab_and_newline_and_escapes_the_rest() -> None:
    assert visible_controls("a\tb\nc\x1b[31md\x07e\x00f\x7fg\x85h\rI") == (
        "a\tb\nc\\x1b[31md\\x07e\\x00f\\x7fg\\x85h\\x0dI"
    )
    assert printable("a\tb\nc\x1b\u202eevil") == "a\\x09b\\x0ac\\x1b\\u202eevil"
    assert printable("bad-\udcff.md") == "bad-\\xff.md"  # an undecodable byte, as that byte


def test_csv_cells_hold_escapes_not_control_characters() -> None:
    text = csv_text(("name", "note"), [{"name": "Red\x1b[31m\x07", "note": "two\nlines\tand\x00"}])
    rows = list(csv.reader(text.splitlines(keepends=True)))
    assert rows[1] == ["Red\\x1b[31m\\x07", "two\nlines\tand\\x00"]
    assert not RAW_CONTROL.search(text)


def test_report_pages_hold_escapes_not_control_characters(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, stderr = run_cli("extract", SEED, "-o", out, "--format", "json")
    assert code == 0, stderr
    plan = out / EDITION / "plan.json"
    text = plan.read_text(encoding="utf-8")
    assert text.count("Digital Dubai") > 3
    # JSON escapes put the raw characters into the values the report reads
    text = text.replace("Digital Dubai", "Digital\\u001b[31m Dubai\\u0007\\u0000\\u009b")
    plan.write_text(text, encoding="utf-8")
    names = [o["name"] for o in json.loads(text)["organisations"]]
    assert any("Digital\x1b[31m Dubai\x07\x00\x9b" in name for name in names)
    page = tmp_path / "report.html"
    code, _, stderr = run_cli("report", out / EDITION, "-o", page)
    assert code == 0, stderr
    html = page.read_text(encoding="utf-8")
    assert not RAW_CONTROL.search(html.replace("\r", ""))
    assert "Digital\\x1b[31m Dubai\\x07\\x00\\x9b" in html


def test_a_file_name_cannot_forge_a_line_or_drive_the_terminal(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(SEED, decks / f"{FORGED}.md")
    (decks / f"{FORGED}-empty.md").write_bytes(b"")
    command = [sys.executable, "-m", "extractor.cli", "extract", "decks", "-o", "out"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120)
    assert result.returncode == 2
    stdout, stderr = result.stdout.decode(), result.stderr.decode()
    assert "\x1b" not in stdout + stderr and "\x07" not in stdout + stderr
    # the log on stderr: a line for the deck, one error line, the summary; nothing on stdout
    lines = stderr.splitlines()
    assert stdout == "" and len(lines) == 3
    assert lines[1].startswith("actionplan: error: decks/deck\\x0aactionplan: error: other.md")
    assert "forged\\x1b[2J\\x07-empty.md: the file is empty" in lines[1]
    assert lines[0].startswith("decks/deck\\x0aactionplan: error: other.md: forged\\x1b[2J\\x07.md")
    assert lines[2].startswith("2 inputs: 1 extracted")
