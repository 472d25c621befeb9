"""Renditions of one edition that differ: the best one holds the edition folder and the store."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from helpers import folder_bytes, manifest, run_cli
from sample_paths import OLD_DECK

from extractor.batch.manifest import Entry, EntryStatus
from extractor.batch.renditions import Rendition, reason

COMMAND = [sys.executable, "-m", "extractor.cli"]
EDITION = "u4ssc-action-plan-2024-2025"
# One fact fewer: the Economic Resilience group loses its secretariat line.
DROPPED = "  - **Secretariat:** UNECE\n"


def decks(folder: Path) -> tuple[Path, Path]:
    """The seed deck, and a copy with a fact fewer whose name sorts first."""
    folder.mkdir(parents=True, exist_ok=True)
    text = OLD_DECK.read_text(encoding="utf-8")
    assert text.count(DROPPED) == 1
    worse = folder / "a-worse.md"
    worse.write_text(text.replace(DROPPED, ""), encoding="utf-8")
    best = folder / "b-best.md"
    best.write_text(text, encoding="utf-8")
    return worse, best


def extract(*args: object) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [*COMMAND, "extract", *map(str, args)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result


def stored_source(out: Path) -> str:
    with sqlite3.connect(out / "actionplans.sqlite") as conn:
        return conn.execute("SELECT source_path FROM editions").fetchone()[0]


def secretariat(out: Path, folder: str) -> str:
    rows = (out / folder / "thematic_groups.csv").read_text(encoding="utf-8").splitlines()
    [row] = [r for r in rows if ",enhancing-urban-economic-resilience" in r]
    return row


def test_the_best_rendition_wins_whatever_the_input_order(tmp_path: Path) -> None:
    worse, best = decks(tmp_path / "decks")
    first, second = tmp_path / "first", tmp_path / "second"
    extract(worse, best, "-o", first, "--workers", "1")
    extract(best, worse, "-o", second, "--workers", "1")
    for out in (first, second):
        assert sorted(p.name for p in out.iterdir() if p.is_dir()) == [
            EDITION, f"{EDITION}--markdown",
        ]  # fmt: skip
        assert stored_source(out) == best.as_posix()
        assert ",UNECE," in secretariat(out, EDITION)
        assert ",UNECE," not in secretariat(out, f"{EDITION}--markdown")
        notes = {Path(e["input"]).name: e for e in manifest(out)["inputs"]}
        assert notes["b-best.md"]["folder"] == EDITION
        assert notes["a-worse.md"]["folder"] == f"{EDITION}--markdown"
        assert notes["b-best.md"]["facts"] == notes["a-worse.md"]["facts"] + 1
    assert folder_bytes(first / EDITION) == folder_bytes(second / EDITION)
    moved = {Path(e["input"]).name: e["note"] for e in manifest(first)["inputs"]}
    facts = manifest(first)["inputs"][1]["facts"]
    assert moved["a-worse.md"] == (
        f"same edition as {best.as_posix()} but different content; moved to {EDITION}--markdown/ "
        f"({EDITION}/ and the store keep {best.as_posix()}: more facts ({facts} against "
        f"{facts - 1}))"
    )
    assert moved["b-best.md"] == (
        f"{EDITION}/ and the store keep it over {worse.as_posix()}: more facts ({facts} against "
        f"{facts - 1})"
    )


def test_a_better_rendition_displaces_one_kept_from_an_earlier_run(tmp_path: Path) -> None:
    worse, best = decks(tmp_path / "decks")
    out = tmp_path / "out"
    extract(worse, "-o", out)
    (out / EDITION / "report.html").write_text("<p>report of a-worse</p>", encoding="utf-8")
    extract(worse, best, "-o", out)
    entries = {Path(e["input"]).name: e for e in manifest(out)["inputs"]}
    assert entries["a-worse.md"]["status"] == EntryStatus.SKIPPED
    assert entries["a-worse.md"]["folder"] == f"{EDITION}--markdown"
    assert entries["b-best.md"]["folder"] == EDITION
    assert stored_source(out) == best.as_posix()
    assert ",UNECE," not in secretariat(out, f"{EDITION}--markdown")
    for folder in (EDITION, f"{EDITION}--markdown"):  # the page is carried along, not lost
        assert (out / folder / "report.html").read_text(encoding="utf-8") == (
            "<p>report of a-worse</p>"
        )
    third = extract(worse, best, "-o", out)  # nothing changed: both are skipped
    assert {e["status"] for e in manifest(out)["inputs"]} == {EntryStatus.SKIPPED}
    assert third.stderr.count("unchanged since the last run") == 2


def entry(name: str, fmt: str, warnings: int) -> Entry:
    return Entry(input=name, status=EntryStatus.OK, format=fmt, warnings=warnings)


def test_ranking_formats_then_facts_then_warnings_then_format_then_name() -> None:
    agreed = Rendition(entry=entry("w.pdf", "pdf", 9), facts=90,
                       copies=[entry("w.html", "html", 9), entry("w2.pdf", "pdf", 9)])  # fmt: skip
    more = Rendition(entry=entry("z.pdf", "pdf", 9), facts=101)
    fewer_warnings = Rendition(entry=entry("y.pdf", "pdf", 1), facts=100)
    markdown = Rendition(entry=entry("x.md", "markdown", 2), facts=100)
    pdf = Rendition(entry=entry("a.pdf", "pdf", 2), facts=100)
    other_pdf = Rendition(
        entry=entry("b.pdf", "pdf", 2), facts=100, copies=[entry("c.pdf", "pdf", 2)]
    )
    ranked = sorted([other_pdf, pdf, markdown, fewer_warnings, more, agreed], key=lambda r: r.key)
    assert ranked == [agreed, more, fewer_warnings, markdown, pdf, other_pdf]
    assert agreed.formats == 2 and other_pdf.formats == 1
    assert more.beats(fewer_warnings) and not fewer_warnings.beats(more)
    assert reason(agreed, more) == "read alike from more formats (2 against 1)"
    assert reason(more, pdf) == "more facts (101 against 100)"
    assert reason(fewer_warnings, pdf) == "fewer warnings (1 against 2)"
    assert reason(markdown, pdf) == "as many facts and warnings; first by format and name"


def test_a_failed_commit_of_the_better_rendition_leaves_the_kept_one_in_place(
    tmp_path: Path, monkeypatch
) -> None:
    worse, best = decks(tmp_path / "decks")
    out = tmp_path / "out"
    extract(worse, "-o", out)
    before = folder_bytes(out / EDITION)
    connect = sqlite3.connect

    class Failing(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql == "COMMIT":
                raise sqlite3.OperationalError("disk I/O error")
            return super().execute(sql, *args)

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connect(*a, factory=Failing, **k))
    code, _, stderr = run_cli("extract", worse, best, "-o", out, "--workers", "1", "--quiet")
    assert code == 2
    assert stderr.startswith(f"actionplan: error: {best}: could not be saved (edition {EDITION}")
    monkeypatch.undo()
    assert folder_bytes(out / EDITION) == before  # the one kept before, as it was
    # no folder for the copy that would have moved aside, and no staging left
    assert sorted(p.name for p in out.iterdir()) == ["actionplans.sqlite", "manifest.json", EDITION]
    assert stored_source(out) == worse.as_posix()
    entries = {Path(e["input"]).name: e for e in manifest(out)["inputs"]}
    assert entries["a-worse.md"]["folder"] == EDITION and entries["a-worse.md"]["note"] == (
        "unchanged since the last run"
    )
    assert entries["b-best.md"]["status"] == "error" and entries["b-best.md"]["note"] is None


def test_a_reading_more_formats_agree_on_outvotes_more_facts(tmp_path: Path) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    text = OLD_DECK.read_text(encoding="utf-8")
    markdown = folder / "plan.md"
    markdown.write_text(text, encoding="utf-8")
    page = folder / "plan.html"
    page.write_bytes(OLD_DECK.with_suffix(".html").read_bytes())
    misread = folder / "misread.md"  # one "fact" more, as a misread narrow cell gives
    misread.write_text(text.replace(DROPPED, DROPPED.replace("UNECE", "UNECE, UNDP")), "utf-8")
    outs = []
    for number, order in enumerate([(misread, markdown, page), (page, misread, markdown),
                                    (markdown, page, misread)]):  # fmt: skip
        out = tmp_path / f"out{number}"
        extract(*order, "-o", out, "--workers", "1")
        notes = {Path(e["input"]).name: e for e in manifest(out)["inputs"]}
        assert notes["misread.md"]["facts"] == notes["plan.md"]["facts"] + 1
        assert {name: e["folder"] for name, e in notes.items()} == {
            "plan.md": EDITION, "plan.html": EDITION, "misread.md": f"{EDITION}--markdown",
        }  # fmt: skip
        assert stored_source(out) == markdown.as_posix()
        assert "UNDP" in secretariat(out, f"{EDITION}--markdown")
        assert "UNDP" not in secretariat(out, EDITION)
        assert sorted(p.name for p in out.iterdir()) == [
            "actionplans.sqlite", "manifest.json", EDITION, f"{EDITION}--markdown",
        ]  # fmt: skip
        outs.append(out)
    for out in outs[1:]:
        for name in (EDITION, f"{EDITION}--markdown"):
            assert folder_bytes(out / name) == folder_bytes(outs[0] / name)


def test_the_agreed_reading_wins_the_store_without_edition_folders(tmp_path: Path) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    text = OLD_DECK.read_text(encoding="utf-8")
    misread = folder / "misread.md"
    misread.write_text(text.replace(DROPPED, DROPPED.replace("UNECE", "UNECE, UNDP")), "utf-8")
    page = folder / "plan.html"
    page.write_bytes(OLD_DECK.with_suffix(".html").read_bytes())
    markdown = folder / "plan.md"
    markdown.write_text(text, encoding="utf-8")
    for formats in ("sqlite", "csv,sqlite"):
        out = tmp_path / formats
        extract(misread, markdown, page, "-o", out, "--format", formats, "--workers", "1")
        assert stored_source(out) == markdown.as_posix()
        with sqlite3.connect(out / "actionplans.sqlite") as conn:
            [(secretariat_text,)] = conn.execute(
                "SELECT secretariat FROM thematic_groups WHERE group_id LIKE 'enhancing-urban%'"
            ).fetchall()
        assert "UNECE" in secretariat_text and "UNDP" not in secretariat_text
