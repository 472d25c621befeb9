"""The store's changes between editions match people through the run's own alias tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sample_paths import NEW_DECK, OLD_DECK
from test_shell_renditions import extract

NAME, VARIANT = "Sandra Carvao", "Sandra M. Carvao"


def leader_changes(out: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(out / "actionplans.sqlite") as conn:
        rows = conn.execute(
            "SELECT change, key FROM changes WHERE entity = 'leader' AND key LIKE '%carvao%'"
        ).fetchall()
    return sorted(rows)


def test_changes_in_the_store_use_the_runs_alias_table(tmp_path: Path) -> None:
    old = tmp_path / "decks" / OLD_DECK.name
    old.parent.mkdir()
    text = OLD_DECK.read_text(encoding="utf-8")
    assert text.count(NAME) == 1
    old.write_text(text.replace(NAME, VARIANT), encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text(f"id,name,aliases\nsandra-carvao,{NAME},{VARIANT}\n", encoding="utf-8")
    without, with_aliases = tmp_path / "without", tmp_path / "with"
    for out, options in ((without, []), (with_aliases, ["--aliases", people])):
        extract(old, "-o", out)  # stored as written, the variant a person of its own
        extract(NEW_DECK, "-o", out, *options)
    assert leader_changes(without) == [
        ("added", "city-platforms/wg7/sandra-carvao"),
        ("removed", "city-platforms/wg7/sandra-m-carvao"),
    ]
    assert leader_changes(with_aliases) == []
