"""The store for dashboards: keys Datasette can follow, labels, organisations, latest edition,
times that sort, and the README's SQL and Datasette examples."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from helpers import edition_id, run_cli
from sample_paths import ROOT

from extractor.writers.store import STORE

SAMPLES = [ROOT / "samples" / f"u4ssc-action-plan-{y}-{y + 1}.md" for y in (2024, 2025)]
METADATA = ROOT / "extractor" / "writers" / "datasette.json"
README = (ROOT / "README.md").read_text(encoding="utf-8")
WG6 = "city-platforms/wg6"
ENABLING = "enabling-people-centred-cities-through-digital-transformation"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> sqlite3.Connection:
    """The two sample editions, the newer one extracted first."""
    out = tmp_path_factory.mktemp("dashboard") / "output"
    for deck in reversed(SAMPLES):
        code, _, err = run_cli("extract", deck, "-o", out)
        assert code == 0, err
    conn = sqlite3.connect(out / STORE)
    yield conn
    conn.close()


def datasette_foreign_keys(conn: sqlite3.Connection, table: str) -> set[tuple[str, str, str]]:
    """The foreign keys Datasette follows: those of one column (it drops compound ones)."""
    rows = conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
    counts = Counter(row[0] for row in rows)
    return {(row[3], row[2], row[4]) for row in rows if counts[row[0]] == 1}


def primary_key(conn: sqlite3.Connection, table: str) -> list[str]:
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    return [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]


def test_datasette_style_single_column_foreign_keys(store) -> None:
    edition = ("edition_id", "editions", "edition_id")
    group = ("group_key", "thematic_groups", "group_key")
    wg = ("working_group_key", "working_groups", "working_group_key")
    expected = {
        "thematic_groups": {edition},
        "working_groups": {edition, group},
        "leaders": {edition, group, wg, ("person_key", "people", "person_key")},
        "meetings": {edition, group, wg},
        "deliverables": {edition, group, wg},
        "organisations": {edition, ("parent_key", "organisations", "organisation_key")},
        "leader_organisations": {
            edition,
            ("leader_key", "leaders", "leader_key"),
            ("organisation_key", "organisations", "organisation_key"),
        },
        "changes": {
            ("old_edition_id", "editions", "edition_id"),
            ("new_edition_id", "editions", "edition_id"),
        },
    }
    for table, keys in expected.items():
        assert datasette_foreign_keys(store, table) == keys, table
        for _, target, column in keys:  # a link lands on the target's row page
            assert primary_key(store, target) == [column], (table, target)
    assert store.execute("PRAGMA foreign_key_check").fetchall() == []


def test_following_a_key_reaches_the_row_it_names(store) -> None:
    old = edition_id(2024)
    found = store.execute(
        "SELECT m.group_key, g.name, w.title FROM meetings AS m "
        "JOIN thematic_groups AS g ON g.group_key = m.group_key "
        "JOIN working_groups AS w ON w.working_group_key = m.working_group_key "
        "WHERE m.working_group_key = ? ORDER BY m.seq LIMIT 1",
        (f"{old}/{WG6}",),
    ).fetchone()
    assert found == (
        f"{old}/city-platforms",
        "City Platforms",
        "Data and APIs in Smart City Platforms",
    )
    person = store.execute(
        "SELECT p.name FROM leaders AS l JOIN people AS p ON p.person_key = l.person_key "
        "WHERE l.leader_key = ?",
        (f"{old}/31",),
    ).fetchone()
    assert person == ("Warren Smith",)


def test_editions_carry_their_period_in_the_label(store) -> None:
    labels = store.execute("SELECT edition_id, label, title FROM editions ORDER BY 1").fetchall()
    assert labels == [
        (edition_id(2024), "U4SSC Action Plan 2024-2025", "U4SSC Action Plan"),
        (edition_id(2025), "U4SSC Action Plan 2025-2026", "U4SSC Action Plan"),
    ]
    views = store.execute(
        "SELECT DISTINCT edition_label FROM working_group_status ORDER BY 1"
    ).fetchall()
    assert views == [("U4SSC Action Plan 2024-2025",), ("U4SSC Action Plan 2025-2026",)]


def test_leader_organisations_has_a_row_per_organisation_of_a_leader(store) -> None:
    # "Warren Smith (Dangersmith SARL & CURSHAW)", the 31st leader entry of 2024-2025
    rows = store.execute(
        "SELECT position, organisation_id, organisation_name, group_id, working_group_id "
        "FROM leader_organisations WHERE leader_key = ? ORDER BY position",
        (f"{edition_id(2024)}/31",),
    ).fetchall()
    assert rows == [
        (1, "dangersmith-sarl", "Dangersmith SARL", ENABLING, f"{ENABLING}/wg5"),
        (2, "curshaw", "CURSHAW", ENABLING, f"{ENABLING}/wg5"),
    ]
    listed = store.execute(
        "SELECT edition_id, organisation_ids FROM leaders WHERE organisation_ids IS NOT NULL"
    ).fetchall()
    per_edition = Counter()
    for edition, ids in listed:
        per_edition[edition] += len(ids.split("; "))
    linked = dict(store.execute("SELECT edition_id, count(*) FROM leader_organisations GROUP BY 1"))
    assert linked == dict(per_edition)


def test_the_latest_edition_and_its_groups(store) -> None:
    latest = store.execute("SELECT edition_id, label FROM latest_edition").fetchall()
    assert latest == [(edition_id(2025), "U4SSC Action Plan 2025-2026")]
    # 2025-2026 has 9 thematic groups and 23 working groups (22 of 2024-2025, +3, -2)
    assert store.execute("SELECT count(*) FROM latest_thematic_groups").fetchone() == (9,)
    assert store.execute("SELECT count(*) FROM latest_working_groups").fetchone() == (23,)
    assert store.execute(
        "SELECT count(DISTINCT edition_id) FROM latest_working_groups"
    ).fetchone() == (1,)


def test_meeting_times_are_iso_text_that_sorts(store) -> None:
    first = store.execute(
        "SELECT start, start_utc, start_local, end_local, timezone FROM meetings "
        "WHERE working_group_id = ? AND edition_id = ? ORDER BY seq LIMIT 1",
        (WG6, edition_id(2024)),
    ).fetchone()
    assert first == (
        "2024-09-27T10:30:00+02:00", "2024-09-27T08:30:00Z", "2024-09-27T10:30:00",
        "2024-09-27T11:30:00", "Europe/Zurich",
    )  # fmt: skip
    rows = store.execute("SELECT start, start_utc, start_local FROM meetings").fetchall()
    by_utc = sorted(rows, key=lambda r: r[1])
    assert [datetime.fromisoformat(r[0]) for r in by_utc] == sorted(
        datetime.fromisoformat(r[0]) for r in rows
    )
    by_local = sorted(rows, key=lambda r: r[2])
    assert [datetime.fromisoformat(r[0]).replace(tzinfo=None) for r in by_local] == sorted(
        datetime.fromisoformat(r[0]).replace(tzinfo=None) for r in rows
    )
    assert store.execute(
        "SELECT date(start_utc), strftime('%H', start_local) FROM meetings "
        "WHERE start_utc = '2024-09-27T08:30:00Z'"
    ).fetchone() == ("2024-09-27", "10")


def test_the_readme_sql_examples_run(store) -> None:
    section = README[README.index("## The SQLite store") : README.index("## Python API")]
    queries = re.findall(r'sqlite3 output/actionplans\.sqlite \\\n\s+"(.*?)"', section, re.S)
    assert len(queries) == 3
    for query in queries:
        assert store.execute(query).fetchall(), query
    by_lineage = dict(store.execute(queries[1]).fetchall())
    assert by_lineage["artificial-intelligence-in-cities/wg2"] == "ongoing > completed"


def test_the_datasette_metadata_names_columns_the_store_has(store) -> None:
    section = README[README.index("## The SQLite store") : README.index("## Python API")]
    commands = re.findall(r"^datasette (\S+) -m (\S+)", section, re.M)
    assert commands and {c for c in commands} == {
        ("output/actionplans.sqlite", str(METADATA.relative_to(ROOT)))
    }
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    (database,) = metadata["databases"]
    assert database == Path(STORE).stem  # Datasette names a database after its file
    tables = metadata["databases"][database]["tables"]
    assert tables["editions"]["label_column"] == "label"
    for table, settings in tables.items():
        columns = [row[1] for row in store.execute(f"PRAGMA table_info({table})")]
        assert columns, table
        if "label_column" in settings:
            assert settings["label_column"] in columns, table
