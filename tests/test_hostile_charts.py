"""Names with dollar signs are text in the charts, not matplotlib mathtext."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from helpers import SEED, run_cli

EDITION = "u4ssc-action-plan-2024-2025"
FUND = "US$ 5% of $ 10 bn Fund"
GROUP = "AI for US$ 5% of $ 10 bn"
SVG_TEXT = re.compile(r"<text\b[^>]*>([^<]*)</text>")


def dollar_deck(folder: Path) -> Path:
    """The seed deck with an organisation and a thematic group whose names hold two $ signs."""
    text = SEED.read_text(encoding="utf-8")
    assert "Okan Geray (Digital Dubai)" in text and "Artificial intelligence in cities" in text
    text = text.replace("Okan Geray (Digital Dubai)", f"Okan Geray ({FUND})")
    text = text.replace("Artificial intelligence in cities", GROUP)
    folder.mkdir(parents=True, exist_ok=True)
    deck = folder / f"{EDITION}.md"
    deck.write_text(text, encoding="utf-8")
    return deck


def chart_texts(page: Path) -> list[str]:
    return [unescape(t) for t in SVG_TEXT.findall(page.read_text(encoding="utf-8"))]


def test_the_edition_report_draws_dollar_names_as_they_are(tmp_path: Path) -> None:
    deck = dollar_deck(tmp_path / "decks")
    code, _, stderr = run_cli("extract", deck, "-o", tmp_path / "out")
    assert code == 0, stderr
    page = tmp_path / "report.html"
    code, stdout, stderr = run_cli("report", tmp_path / "out" / EDITION, "-o", page)
    assert code == 0, stderr
    assert stdout == "" and stderr.startswith(str(page))
    assert FUND in chart_texts(page)


def test_the_diff_report_draws_dollar_names_as_they_are(tmp_path: Path) -> None:
    deck = dollar_deck(tmp_path / "decks")
    code, stdout, stderr = run_cli("diff", SEED, deck, "-o", tmp_path / "diff")
    assert code == 1, stderr  # 1: the editions differ
    assert "Traceback" not in stderr and f"## {GROUP}" in stdout
    assert GROUP in chart_texts(tmp_path / "diff" / "report.html")
