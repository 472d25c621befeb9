"""Only http(s) and mailto link targets become a url; javascript:, data: and the rest are text.

A deliverable whose link points elsewhere keeps its title, gets no url, and the plan carries a
warning holding the raw target; a contact link is kept only when it is a web address.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from helpers import SEED, run_cli

EDITION = "u4ssc-action-plan-2024-2025"
JAVASCRIPT = "javascript:alert(document.cookie)"
DATA = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="
SHOUTED = "JavaScript:alert(1)"
MAILTO = "mailto:wg@u4ssc.example.org"
HTTPS = "https://u4ssc.example.org/wg3"
# (working group, deliverable title as read, link target written in the deck)
LINKS = [
    ("city-platforms/wg1", "Digital solutions for integrated city management", JAVASCRIPT),
    ("city-platforms/wg2", "Smart public health emergency management", DATA),
    ("city-platforms/wg4", "Smart tourism", SHOUTED),
    ("city-platforms/wg5", "Reference framework for integrated management", MAILTO),
    ("city-platforms/wg3", "Redefining smart city platforms", HTTPS),
]
KEPT = {MAILTO, HTTPS}


def linked_deck(folder: Path) -> Path:
    """The seed deck with the five links above, and a javascript: link among the contacts."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for wg, title, target in LINKS:
        number = wg.rsplit("wg", 1)[1]  # City Platforms' table comes first in the deck
        index = next(i for i, line in enumerate(lines) if line.startswith(f"<b>WG{number} - "))
        assert f'<a href="#">{title}' in lines[index]
        lines[index] = lines[index].replace('<a href="#">', f'<a href="{target}">', 1)
    text = "\n".join(lines)
    assert "<https://u4ssc.itu.int/>" in text
    text = text.replace(
        "<https://u4ssc.itu.int/>",
        f'<https://u4ssc.itu.int/>\n\n<a href="{JAVASCRIPT}">Our portal</a>',
    )
    folder.mkdir(parents=True, exist_ok=True)
    deck = folder / f"{EDITION}.md"
    deck.write_text(text, encoding="utf-8")
    return deck


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("urls")
    code, _, stderr = run_cli("extract", linked_deck(root / "decks"), "-o", root / "out")
    assert code == 0, stderr
    return root / "out"


def plan(out: Path) -> dict:
    return json.loads((out / EDITION / "plan.json").read_text(encoding="utf-8"))


def test_only_http_and_mailto_targets_become_urls(out: Path) -> None:
    wgs = {w["id"]: w for g in plan(out)["thematic_groups"] for w in g["working_groups"]}
    for wg, title, target in LINKS:
        (deliverable,) = [d for d in wgs[wg]["deliverables"] if d["title"].startswith(title)]
        assert deliverable["url"] == (target if target in KEPT else None), wg


def test_other_targets_are_kept_as_the_raw_text_of_a_warning(out: Path) -> None:
    warned = [w for w in plan(out)["warnings"] if "not an http, https or mailto" in w["message"]]
    assert sorted(w["raw"] for w in warned) == sorted([DATA, JAVASCRIPT, SHOUTED])
    assert all(w["source"]["location"].startswith("line ") for w in warned)


def test_csv_and_store_hold_no_other_targets(out: Path) -> None:
    with (out / EDITION / "deliverables.csv").open(encoding="utf-8", newline="") as handle:
        urls = {row["url"] for row in csv.DictReader(handle)}
    assert urls == {"", MAILTO, HTTPS}
    with sqlite3.connect(out / "actionplans.sqlite") as conn:
        stored = {row[0] for row in conn.execute("SELECT url FROM deliverables")}
    assert stored == {None, MAILTO, HTTPS}


def test_a_contact_link_is_kept_only_when_it_is_a_web_address(out: Path) -> None:
    contacts = plan(out)["contacts"]
    assert contacts["websites"] == ["https://u4ssc.itu.int/"]
    assert contacts["emails"] == ["u4ssc@itu.int"]
