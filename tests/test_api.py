"""The Python API: a deck to a plan, output folders and the store to DataFrames, Parquet files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import SEED, edition_deck, edition_id, run_cli

from extractor.api import extract_deck, load_store, load_tables, plan_tables
from extractor.recognise.extract import NoPlanError
from extractor.writers.columns import DERIVED_COLUMNS
from extractor.writers.tables import TABLE_COLUMNS
from parsers.errors import InputError


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    """Two editions and a rendition kept apart, written in every format."""
    root = tmp_path_factory.mktemp("api")
    decks = root / "decks"
    edition_deck(decks, 2024, "a.md")
    edition_deck(decks, 2025, "b.md")
    variant = edition_deck(decks, 2024, "c.md")
    variant.write_text(variant.read_text("utf-8").replace("Kick off", "Ongoing"), "utf-8")
    code, _, err = run_cli(
        "extract", decks, "-o", root / "out", "--format", "json,csv,parquet,sqlite"
    )
    assert code == 0, err
    return root / "out"


def test_extract_deck_gives_a_plan_or_the_tool_s_errors(tmp_path: Path) -> None:
    plan = extract_deck(SEED)
    assert plan.edition.id == edition_id(2024) and len(plan.thematic_groups) == 9
    essay = tmp_path / "essay.md"
    essay.write_text("# Minutes\n\nWe talked about the weather.\n", encoding="utf-8")
    with pytest.raises(NoPlanError, match="no thematic group found"):
        extract_deck(essay)
    with pytest.raises(InputError, match="unsupported file type"):
        extract_deck(tmp_path / "deck.key")


def test_load_tables_reads_every_edition_with_the_csv_columns(output: Path) -> None:
    tables = load_tables(output)
    assert list(tables) == list(TABLE_COLUMNS)
    for table, frame in tables.items():
        assert tuple(frame.columns) == TABLE_COLUMNS[table] + DERIVED_COLUMNS.get(table, ())
    meetings = tables["meetings"]
    assert sorted(meetings["edition_id"].unique()) == [edition_id(2024), edition_id(2025)]
    assert len(meetings) == 2 * 27
    groups = tables["working_groups"]
    assert str(groups["number"].dtype) == "Int64" and str(groups["title"].dtype) == "string"
    assert groups["timeline_start"].isna().sum() > 0


def test_the_store_folders_parquet_and_a_fresh_plan_agree(output: Path) -> None:
    from_folders, from_store = load_tables(output), load_store(output)
    fresh = plan_tables(extract_deck(output.parent / "decks" / "b.md"))
    for table in TABLE_COLUMNS:
        columns = list(from_folders[table].columns)  # the store adds lineage_id to some
        pd.testing.assert_frame_equal(from_folders[table], from_store[table][columns])
        parquet = pd.read_parquet(output / edition_id(2025) / f"{table}.parquet")
        mine = from_folders[table][from_folders[table]["edition_id"] == edition_id(2025)]
        pd.testing.assert_frame_equal(parquet, mine.reset_index(drop=True))
        fresh_rows = fresh[table].drop(columns=["source_location"], errors="ignore")
        pd.testing.assert_frame_equal(
            fresh_rows, parquet.drop(columns=["source_location"], errors="ignore")
        )


def test_parquet_files_are_byte_identical_across_runs(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert run_cli("extract", SEED, "-o", tmp_path / name, "--format", "parquet")[0] == 0
    folder = edition_id(2024)
    names = sorted(p.name for p in (tmp_path / "a" / folder).iterdir())
    assert names == sorted(f"{t}.parquet" for t in TABLE_COLUMNS)
    for name in names:
        first = (tmp_path / "a" / folder / name).read_bytes()
        assert first == (tmp_path / "b" / folder / name).read_bytes()


def test_extracting_does_not_import_pandas_unless_parquet_is_asked_for(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from extractor.cli.main import main\n"
        f"try:\n    main(['extract', {str(SEED)!r}, '-o', {str(tmp_path)!r}, '--workers', '1'])\n"
        "except SystemExit:\n    pass\n"
        "print('pandas' in sys.modules, 'pyarrow' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "False False"
