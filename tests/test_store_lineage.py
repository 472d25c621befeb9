"""Ids across renames: lineages, changes and history in the store, recomputed on every import."""

from __future__ import annotations

import copy
import csv
import json
import sqlite3
from pathlib import Path

import pytest
from helpers import edition_deck, edition_id, run_cli
from sample_paths import ROOT

from extractor.api import changes, extract_deck, history, load_store
from extractor.model.plan import WorkingGroupStatus, YearSpan
from extractor.writers.escape import csv_value
from extractor.writers.store import StoreError, import_plan, open_store

AI_OLD, AI_NEW = "Artificial intelligence in cities", "Artificial Intelligence for Cities"
WG2_ONGOING = "14:30 – 15:00 hours, Geneva time\tOngoing"
SAMPLES = [ROOT / "samples" / f"u4ssc-action-plan-{y}-{y + 1}.md" for y in (2024, 2025, 2026)]
DERIVED = ("edition_order", "entity_lineage", "changes", "history")


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> Path:
    """Two editions of the seed deck, the second with the AI group renamed and its WG2 done."""
    root = tmp_path_factory.mktemp("renamed")
    edition_deck(root / "decks", 2024)
    deck = edition_deck(root / "decks", 2025)
    text = deck.read_text(encoding="utf-8")
    assert text.count(WG2_ONGOING) == 1
    text = text.replace(AI_OLD, AI_NEW).replace(WG2_ONGOING, WG2_ONGOING[:-7] + "Completed")
    deck.write_text(text, encoding="utf-8")
    code, _, err = run_cli("extract", root / "decks", "-o", root / "out")
    assert code == 0, err
    return root / "out"


@pytest.fixture(scope="module")
def samples() -> list:
    return [extract_deck(path) for path in SAMPLES]


def derived(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    order = {
        "edition_order": "1",
        "entity_lineage": "1, 2, 3",
        "changes": "2, 3",
        "history": "1, 5",
    }
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY {order[t]}").fetchall() for t in DERIVED}


def test_a_renamed_group_has_a_lineage_row(renamed: Path) -> None:
    with sqlite3.connect(renamed / "actionplans.sqlite") as conn:
        rows = conn.execute(
            "SELECT edition_id, id, previous_id, lineage_id FROM entity_lineage "
            "WHERE entity = 'thematic_group' AND lineage_id = 'artificial-intelligence-in-cities'"
        ).fetchall()
        assert rows == [
            (edition_id(2024), "artificial-intelligence-in-cities", None,
             "artificial-intelligence-in-cities"),
            (edition_id(2025), "artificial-intelligence-for-cities",
             "artificial-intelligence-in-cities", "artificial-intelligence-in-cities"),
        ]  # fmt: skip
        group = conn.execute(
            "SELECT lineage_id FROM thematic_groups WHERE group_key = ?",
            (f"{edition_id(2025)}/artificial-intelligence-for-cities",),
        ).fetchone()
        assert group == ("artificial-intelligence-in-cities",)
        wg = conn.execute(
            "SELECT lineage_id FROM working_groups WHERE working_group_id = ?",
            ("artificial-intelligence-for-cities/wg2",),
        ).fetchone()
        assert wg == ("artificial-intelligence-in-cities/wg2",)
        # a group that kept its name keeps its id as lineage id
        same = conn.execute(
            "SELECT count(*) FROM entity_lineage WHERE id = 'city-platforms/wg6' "
            "AND lineage_id = 'city-platforms/wg6'"
        ).fetchone()
        assert same == (2,)


def test_a_pivot_by_lineage_sees_the_status_change_across_the_rename(renamed: Path) -> None:
    groups = load_store(renamed)["working_groups"]
    old, new = edition_id(2024), edition_id(2025)
    for key, expected in (("working_group_id", 0), ("lineage_id", 1)):
        table = groups.pivot(index=key, columns="edition_id", values="status")
        both = table[old].notna() & table[new].notna()
        assert int((both & (table[old] != table[new])).sum()) == expected, key
    found = changes(renamed)
    status = found[(found["entity"] == "working_group") & (found["field"] == "status")]
    assert status[["key", "old", "new"]].values.tolist() == [
        ["artificial-intelligence-for-cities/wg2", "ongoing", "completed"]
    ]


def test_the_sample_editions_pivot_to_the_ten_status_changes_of_the_diff(tmp_path: Path) -> None:
    code, _, err = run_cli("extract", *SAMPLES[:2], "-o", tmp_path)
    assert code == 0, err
    groups = load_store(tmp_path)["working_groups"]
    table = groups.pivot(index="lineage_id", columns="edition_id", values="status")
    old, new = edition_id(2024), edition_id(2025)
    both = table[old].notna() & table[new].notna()
    # tests/data lists, by hand, 10 working_group status records among the 102 changes
    assert int((both & (table[old] != table[new])).sum()) == 10
    expected = json.loads((ROOT / "tests/data/changes-2024-2025-to-2025-2026.json").read_text())
    found = changes(tmp_path)
    assert (found["old_edition_id"] == old).all() and len(found) == len(expected) == 102
    as_text = [{k: found_value(v) for k, v in record.items()} for record in expected]
    rows = found.drop(columns=["old_edition_id", "new_edition_id"]).astype(object)
    assert rows.where(rows.notna(), None).to_dict("records") == as_text


def found_value(value):
    """A change value of the hand-written JSON as the store holds it (changes.csv's text)."""
    if value is None or value == []:
        return None
    if isinstance(value, list):
        return "; ".join(value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def test_changes_and_history_are_what_the_commands_give(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("extract", *SAMPLES, "-o", out)[0] == 0
    found = changes(out)
    for old, new in ((2024, 2025), (2025, 2026)):
        code, _, _ = run_cli("diff", out / edition_id(old), out / edition_id(new), "-o", tmp_path)
        assert code == 1
        with (tmp_path / "changes.csv").open(encoding="utf-8", newline="") as f:
            expected = [{k: csv_value(v) or None for k, v in r.items()} for r in csv.DictReader(f)]
        mine = found[found["new_edition_id"] == edition_id(new)].drop(
            columns=["old_edition_id", "new_edition_id"]
        )
        mine = mine.astype(object).where(mine.notna(), None)
        assert mine.to_dict("records") == expected, (old, new)
    assert run_cli("history", out, "-o", tmp_path)[0] == 0
    with (tmp_path / "history.csv").open(encoding="utf-8", newline="") as f:
        expected = [{k: v or None for k, v in r.items()} for r in csv.DictReader(f)]
    table = history(out)
    assert list(table.columns) == [
        "kind",
        "id",
        "name",
        *(edition_id(y) for y in (2024, 2025, 2026)),
    ]
    assert table.astype(object).where(table.notna(), None).to_dict("records") == expected


def test_any_import_order_gives_the_same_derived_tables(tmp_path: Path, samples) -> None:
    stores = {}
    for name, order in (("in order", (0, 1, 2)), ("middle last", (2, 0, 1))):
        conn = open_store(tmp_path / f"{name}.sqlite")
        for index in order:
            import_plan(conn, samples[index])
        stores[name] = conn
    assert derived(stores["in order"]) == derived(stores["middle last"])
    positions = (
        stores["middle last"]
        .execute(
            "SELECT edition_id, position, previous_edition_id FROM edition_order ORDER BY position"
        )
        .fetchall()
    )
    assert positions == [
        (edition_id(2024), 1, None),
        (edition_id(2025), 2, edition_id(2024)),
        (edition_id(2026), 3, edition_id(2025)),
    ]
    # no change records are left of the pair 2024 -> 2026 compared before 2025 came
    pairs = stores["middle last"].execute(
        "SELECT DISTINCT old_edition_id, new_edition_id FROM changes"
    )
    assert sorted(pairs) == [
        (edition_id(2024), edition_id(2025)),
        (edition_id(2025), edition_id(2026)),
    ]
    for conn in stores.values():
        conn.close()


def status_of(plan, wg_id: str):
    return next(
        wg.status for g in plan.thematic_groups for wg in g.working_groups if wg.id == wg_id
    )


def test_a_reimported_edition_is_compared_again_with_both_neighbours(
    tmp_path: Path, samples
) -> None:
    third = copy.deepcopy(samples[1])  # 2025-2026 once more, as a third edition
    third.edition.id, third.edition.period = "third", YearSpan("2026-2027", 2026, 2027)
    conn = open_store(tmp_path / "a.sqlite")
    for plan in (samples[0], samples[1], third):
        import_plan(conn, plan)
    changed = copy.deepcopy(samples[1])
    wg6 = next(wg for g in changed.thematic_groups for wg in g.working_groups if wg.number == 6)
    wg6.status = WorkingGroupStatus.PROPOSED
    import_plan(conn, changed)
    fresh = open_store(tmp_path / "b.sqlite")
    for plan in (samples[0], changed, third):
        import_plan(fresh, plan)
    assert derived(conn) == derived(fresh)
    statuses = conn.execute(
        "SELECT new_edition_id, old, new FROM changes WHERE key = ? AND field = 'status'",
        (wg6.id,),
    ).fetchall()
    assert statuses == [
        (edition_id(2025), status_of(samples[0], wg6.id), "proposed"),
        ("third", "proposed", status_of(samples[1], wg6.id)),
    ]
    lineage = conn.execute(
        "SELECT edition_id, lineage_id FROM entity_lineage WHERE id = ? ORDER BY edition_id",
        ("artificial-intelligence-for-cities/wg2",),
    ).fetchall()
    assert lineage == [
        ("third", "artificial-intelligence-in-cities/wg2"),
        (edition_id(2025), "artificial-intelligence-in-cities/wg2"),
    ]
    conn.close()
    fresh.close()


def test_a_failure_while_deriving_changes_nothing(tmp_path: Path, samples, monkeypatch) -> None:
    conn = open_store(tmp_path / "a.sqlite")
    import_plan(conn, samples[0])
    before = derived(conn), conn.execute("SELECT count(*) FROM meetings").fetchone()

    def broken(*args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("extractor.writers.store_derived._history", broken)
    with pytest.raises(StoreError, match="not stored.*disk I/O error"):
        import_plan(conn, samples[1])
    assert (derived(conn), conn.execute("SELECT count(*) FROM meetings").fetchone()) == before
    assert conn.execute("SELECT count(*) FROM editions").fetchone() == (1,)
    conn.close()


def test_a_store_of_the_previous_schema_is_refused_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with sqlite3.connect(out / "actionplans.sqlite") as old:
        old.execute("CREATE TABLE editions (edition_id TEXT PRIMARY KEY)")
        old.execute("PRAGMA user_version = 1")
    code, _, err = run_cli("extract", SAMPLES[0], "-o", out)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "made by an older version of the tool (store schema 1, now 2)" in err
    assert "delete it and run extract again" in err
    assert not (out / edition_id(2024)).exists()


def test_a_store_of_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "actionplans.sqlite"
    with sqlite3.connect(path) as newer:
        newer.execute("PRAGMA user_version = 3")
    with pytest.raises(StoreError, match="made by a newer version of the tool"):
        open_store(path)
