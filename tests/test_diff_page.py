"""The diff page of the two sample editions: the PlanDiff of `actionplan diff`, read back as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from page_helpers import content_policy, outside_references, shown_counts, soup
from sample_paths import NEW_DECK, OLD_DECK

from extractor.cli.main import main
from extractor.compare.changes import changed_groups, changes_md, kind_counts
from extractor.compare.diff import PlanDiff

REMOVED = "enhancing-urban-economic-resilience-and-smart-sustainable-cities"
RENAMED = {
    "sustainable-digital-transformation-in-buildings": (
        "Sustainable Digital Transformation in Buildings",
        "Sustainable Digital transformation in buildings and urban energy",
    ),
    "artificial-intelligence-for-cities": (
        "Artificial Intelligence for Cities",
        "Artificial intelligence in cities",
    ),
}


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page `actionplan report OLD NEW` writes for the two sample decks."""
    path = tmp_path_factory.mktemp("diff") / "diff.html"
    result = run("report", OLD_DECK, NEW_DECK, "-o", path)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"{path} (102 changes, u4ssc-action-plan-2024-2025 -> ")
    return path


def _lines(page: Path) -> list[str]:
    return [" ".join(li.get_text(" ", strip=True).split()) for li in soup(page).select("li.change")]


def test_page_shows_the_102_hand_written_changes(page: Path, expected_changes: list[dict]) -> None:
    assert shown_counts(soup(page)) == {
        "changes": 102, "added": 20, "removed": 28, "renamed": 3, "modified": 51
    }  # fmt: skip
    items = soup(page).select("li.change")
    shown = sorted((li["data-entity"], li["data-change"], li["data-key"]) for li in items)
    assert shown == sorted((r["entity"], r["change"], r["key"]) for r in expected_changes)


def test_sections_are_the_groups_of_the_diff_in_its_order(page: Path, sample_diff: PlanDiff):
    sections = soup(page).select("section[data-group]")
    groups = changed_groups(sample_diff)
    assert [s["data-group"] for s in sections] == [g.group_id for g in groups]
    for section, group in zip(sections, groups, strict=True):
        assert section.h3.find(string=True).strip() == group.name
        assert section["data-presence"] == group.presence
        assert int(section.select_one("[data-group-count]").get_text()) == len(group.changes)
        kinds = {b["data-kind-count"]: b.get_text() for b in section.select("[data-kind-count]")}
        assert kinds == {k: f"{n} {k}" for k, n in kind_counts(group.changes).items() if n}
        items = [(li["data-change"], li["data-key"]) for li in section.select("li.change")]
        assert items == [(c.change, c.key) for c in group.changes]


def test_sections_are_the_sections_of_changes_md_and_marked(page: Path, sample_diff: PlanDiff):
    headings = [line[3:] for line in changes_md(sample_diff).splitlines() if line[:3] == "## "]
    shown, marked = [], []
    for section in soup(page).select("section[data-group]"):
        name, presence = section.h3.find(string=True).strip(), section["data-presence"]
        shown.append(name if presence == "kept" else f"{name} ({presence})")
        if mark := section.h3.select_one(".badge[class*=change-]"):
            marked.append((section["data-group"], mark.get_text()))
    assert shown == headings and shown[0] == "Cyber Resilience for Cities (added)"
    assert marked == [("cyber-resilience-for-cities", "group added"), (REMOVED, "group removed")]


def test_renamed_groups_show_their_old_and_new_names(page: Path) -> None:
    renamed = {}
    for section in soup(page).select("section[data-group]"):
        old = section.h3.select_one(".old")
        if old is not None:
            new = section.h3.find(string=True).strip()
            renamed[section["data-group"]] = (new, old.get_text())
    assert renamed == RENAMED
    lines = _lines(page)
    for new, old in RENAMED.values():
        assert f"renamed thematic group renamed: {old} → {new}" in lines


def test_each_change_says_its_kind_what_and_where(page: Path) -> None:
    for item in soup(page).select("li.change"):
        assert item.span["class"] == ["badge", f"change-{item['data-change']}"]
    lines = _lines(page)
    rescheduled = "2025-06-19 14:00–15:00 +02:00 → 2025-06-26 14:00–15:00 +02:00"
    assert f"modified meeting wg4 rescheduled: {rescheduled}" in lines
    assert "renamed working group wg4 renumbered: 5 → 4" in lines
    assert "removed leader ernesto-faubel Ernesto Faubel (City of Valencia)" in lines
    assert "modified thematic group secretariat: added: UNECE" in lines
    assert "added leader wg4/sara-lindqvist Sara Lindqvist (City of Umeå)" in lines


def test_page_is_self_contained_with_one_chart(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert outside_references(html) == []
    assert content_policy(html).startswith("default-src 'none'")
    assert len(soup(page).select("figure.chart svg")) == 1


def test_page_is_byte_identical_across_runs_and_commands(page: Path, tmp_path: Path) -> None:
    again = run("report", OLD_DECK, NEW_DECK, "-o", tmp_path / "again.html")
    assert again.exit_code == 0, again.output
    written = run("diff", OLD_DECK, NEW_DECK, "-o", tmp_path / "diff")
    assert written.exit_code == 1, written.output
    assert (tmp_path / "again.html").read_bytes() == page.read_bytes()
    assert (tmp_path / "diff" / "report.html").read_bytes() == page.read_bytes()


def test_editions_without_changes_give_a_page_that_says_so(tmp_path: Path) -> None:
    result = run("report", OLD_DECK, OLD_DECK.with_suffix(".html"), "-o", tmp_path / "same.html")
    assert result.exit_code == 0, result.output
    page = soup(tmp_path / "same.html")
    assert set(shown_counts(page).values()) == {0}
    assert not page.select("section[data-group], figure.chart")
    assert "No changes" in page.main.get_text()


def test_a_bad_edition_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.md"
    result = run("report", OLD_DECK, missing, "-o", tmp_path / "d.html")
    assert result.exit_code == 2
    assert result.stderr == f"actionplan: error: {missing}: no such file or folder\n"
    assert not (tmp_path / "d.html").exists()


def test_changes_files_are_not_read_any_more(tmp_path: Path) -> None:
    result = run("report", "--changes", tmp_path / "c.json", OLD_DECK, NEW_DECK, "-o", tmp_path)
    assert result.exit_code == 2 and "No such option '--changes'" in result.output
