"""The diff page marks the words a long text lost and gained, instead of showing it twice."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from page_helpers import soup
from sample_paths import NEW_DECK, OLD_DECK

from extractor.cli.main import main
from extractor.report.words import CONTEXT, marked_words

OPENING = "This Thematic Group provides a global platform to explore how ICTs help cities."


def test_changed_words_are_marked_and_the_rest_cut_to_their_context() -> None:
    old = f"{OPENING} Continuing the work in WG6 and starting work in WG7 on tourism."
    new = f"{OPENING} Continuing the work in WG7 and starting work in WG8 on tourism."
    marked = str(marked_words(old, new))
    # the first 17 words are unchanged: only the 8 before the change are kept
    assert CONTEXT == 8
    assert marked == (
        '<span class="cut">…</span> how ICTs help cities. Continuing the work in <del>WG6</del> <ins>WG7</ins> and starting work in '
        "<del>WG7</del> <ins>WG8</ins> on tourism."
    )


def test_a_long_unchanged_run_between_two_changes_keeps_its_ends() -> None:
    middle = [f"w{n}" for n in range(30)]
    old = " ".join(["alpha", *middle, "omega"])
    new = " ".join(["ALPHA", *middle, "OMEGA"])
    marked = str(marked_words(old, new))
    assert marked == (
        "<del>alpha</del> <ins>ALPHA</ins> w0 w1 w2 w3 w4 w5 w6 w7 "
        '<span class="cut">…</span> w22 w23 w24 w25 w26 w27 w28 w29 <del>omega</del> <ins>OMEGA</ins>'
    )


def test_the_words_are_escaped() -> None:
    marked = str(marked_words("Use <b>bold</b> & stay", "Use <i>bold</i> & stay"))
    assert (
        marked
        == "Use <del>&lt;b&gt;bold&lt;/b&gt;</del> <ins>&lt;i&gt;bold&lt;/i&gt;</ins> &amp; stay"
    )


def test_texts_with_little_in_common_or_only_other_spacing_are_not_marked() -> None:
    assert marked_words("one two three four", "five six seven eight") is None
    assert marked_words("one  two three", "one two\nthree") is None


def test_the_sample_diff_marks_the_changed_scope(tmp_path: Path) -> None:
    page = tmp_path / "diff.html"
    result = CliRunner().invoke(main, ["report", str(OLD_DECK), str(NEW_DECK), "-o", str(page)])
    assert result.exit_code == 0, result.output
    (item,) = [li for li in soup(page).select("li.change") if li.select(".words")]
    assert item["data-key"] == "city-platforms"
    words = item.select_one(".words")
    # 2024-2025: WG6 "Data and APIs in Smart City Platforms", then WG7 "Smart Destination
    # Platforms"; 2025-2026: WG7 "Smart Destination Platforms", then WG8 "Urban Digital Twin
    # Platforms".
    assert [d.get_text() for d in words.select("del")] == [
        "WG6 “Data and APIs in Smart City",
        "WG7",
        "“Smart Destination",
    ]
    assert [i.get_text() for i in words.select("ins")] == [
        "WG7 “Smart Destination",
        "WG8",
        "“Urban Digital Twin",
    ]
    assert words.get_text().startswith("… element of this evolution.")
    assert "was:" not in item.get_text()
