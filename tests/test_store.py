"""The SQLite store: tables mirroring the CSVs, keys, indexes, views, one transaction per edition."""

from __future__ import annotations

import copy
import csv
import io
import os
import sqlite3
from pathlib import Path

import pytest
from helpers import SEED, run_cli

from extractor.api import extract_deck
from extractor.batch.manifest import Manifest, write_manifest
from extractor.writers.columns import BOOLEAN_COLUMNS
from extractor.writers.files import render_files
from extractor.writers.store import StoreError, import_plan, open_store
from extractor.writers.tables import TABLE_COLUMNS

EDITION = "u4ssc-action-plan-2024-2025"


@pytest.fixture(scope="module")
def plan():
    return extract_deck(SEED)


@pytest.fixture
def store(tmp_path: Path, plan):
    conn = open_store(tmp_path / "actionplans.sqlite")
    import_plan(conn, plan)
    yield conn
    conn.close()


def as_csv(conn: sqlite3.Connection, table: str) -> str:
    """A table's rows rendered back with the CSV writer's rules."""
    columns = TABLE_COLUMNS[table]
    names = ", ".join(f'"{c}"' for c in columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in conn.execute(f"SELECT {names} FROM {table} ORDER BY rowid"):
        writer.writerow(
            ""
            if value is None
            else ("true" if value else "false")
            if column in BOOLEAN_COLUMNS
            else value
            for column, value in zip(columns, row, strict=True)
        )
    return buffer.getvalue()


def test_every_table_mirrors_its_csv_exactly(store, plan) -> None:
    files = render_files(plan, ("csv",))
    for table in TABLE_COLUMNS:
        assert as_csv(store, table) == files[f"{table}.csv"], table


def test_keys_foreign_keys_and_indexes(store) -> None:
    def primary_key(table: str) -> list[str]:
        info = store.execute(f"PRAGMA table_info({table})").fetchall()
        return [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]

    assert primary_key("editions") == ["edition_id"]
    assert primary_key("working_groups") == ["working_group_key"]
    assert primary_key("leaders") == ["leader_key"]
    assert primary_key("meetings") == ["edition_id", "seq"]
    unique = {
        tuple(row[2] for row in store.execute(f"PRAGMA index_info('{index[1]}')"))
        for index in store.execute("PRAGMA index_list(working_groups)")
        if index[2]
    }
    assert ("edition_id", "working_group_id") in unique
    references = {
        (row[2], row[3], row[4])
        for row in store.execute("PRAGMA foreign_key_list(leaders)").fetchall()
    }
    assert references == {
        ("editions", "edition_id", "edition_id"),
        ("thematic_groups", "group_key", "group_key"),
        ("working_groups", "working_group_key", "working_group_key"),
        ("people", "person_key", "person_key"),
    }
    indexes = {row[1] for row in store.execute("PRAGMA index_list(meetings)").fetchall()}
    assert {"meetings_group_id", "meetings_working_group_id", "meetings_group_key"} <= indexes
    assert store.execute("PRAGMA foreign_key_check").fetchall() == []
    plan_row = store.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM leaders WHERE person_id = 'leonidas-anthopoulos'"
    ).fetchall()
    assert "leaders_person_id" in str(plan_row)


def test_views_for_dashboards(store) -> None:
    schedule = store.execute(
        "SELECT group_name, working_group_title, leaders, start_utc FROM meeting_schedule "
        "WHERE working_group_id = 'city-platforms/wg6' ORDER BY start_utc"
    ).fetchall()
    assert len(schedule) == 4
    assert schedule[0] == (
        "City Platforms", "Data and APIs in Smart City Platforms", "Leonidas Anthopoulos",
        "2024-09-27T08:30:00Z",
    )  # fmt: skip
    assert store.execute("SELECT count(*) FROM meeting_schedule").fetchone() == (27,)
    statuses = dict(
        store.execute("SELECT status, count(*) FROM working_group_status GROUP BY status")
    )
    assert sum(statuses.values()) == 22 and statuses["completed"] > 0
    summary = store.execute("SELECT * FROM edition_summary").fetchone()
    assert summary[0] == EDITION and summary[-5:] == (9, 22, 27, 23, 0)
    assert store.execute("SELECT count(*) FROM leadership").fetchone() == (38,)


def test_reimporting_replaces_the_edition(store, plan) -> None:
    import_plan(store, plan)
    assert store.execute("SELECT count(*) FROM meetings").fetchone() == (27,)
    fewer = copy.deepcopy(plan)
    fewer.thematic_groups[0].working_groups[5].meetings = []
    import_plan(store, fewer)
    assert store.execute("SELECT count(*) FROM meetings").fetchone() == (23,)
    assert store.execute("SELECT count(*) FROM editions").fetchone() == (1,)


def test_a_failed_import_changes_nothing(store, plan) -> None:
    before = {t: as_csv(store, t) for t in TABLE_COLUMNS}
    broken = copy.deepcopy(plan)
    broken.thematic_groups[0].meetings = []  # the delete of the old rows would go through first
    duplicate = (
        broken.thematic_groups[-1].working_groups or broken.thematic_groups[0].working_groups
    )
    duplicate.append(copy.deepcopy(duplicate[0]))
    with pytest.raises(StoreError, match="not stored.*UNIQUE constraint failed"):
        import_plan(store, broken)
    assert {t: as_csv(store, t) for t in TABLE_COLUMNS} == before


def test_a_file_that_is_not_a_store_is_one_error_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "actionplans.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot be used as the store"):
        open_store(out / "actionplans.sqlite")
    code, _, err = run_cli("extract", SEED, "-o", out)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "actionplans.sqlite: cannot be used as the store" in err


def test_the_manifest_is_replaced_in_one_step(tmp_path: Path, monkeypatch) -> None:
    write_manifest(Manifest({"fingerprint": "a"}, "then"), tmp_path)
    before = (tmp_path / "manifest.json").read_bytes()

    def crash(fd: int) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="disk gone"):
        write_manifest(Manifest({"fingerprint": "b"}, "now"), tmp_path)
    assert (tmp_path / "manifest.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]
