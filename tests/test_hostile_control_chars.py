"""Control characters never reach a Deck, its outputs or an error line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractor.model.dump import plan_to_dict, without_sources
from extractor.profile.load import load_profile
from extractor.recognise.extract import extract_plan
from extractor.writers.files import render_files
from parsers.deck import Link
from parsers.detect import parse_file
from parsers.errors import InputError, printable

SEED = Path(__file__).resolve().parents[1] / "samples" / "u4ssc-action-plan-2024-2025.md"
# Every C0 control but tab, line feed, vertical tab, form feed and carriage return; DEL; C1.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
NASTY = "\x1b[31m\x07\x01\x7f\x9b"


def all_texts(deck) -> list[str]:
    found = []
    for slide in deck.slides:
        blocks = ([slide.title] if slide.title else []) + slide.blocks
        for block in blocks:
            rows = getattr(block, "rows", None)
            cells = [c for row in rows for c in row.cells] if rows else [block]
            for item in cells:
                found.append(item.content.text)
                found += [f"{link.text} {link.url}" for link in item.content.links]
    return found


def test_control_characters_are_dropped_from_markdown_text(tmp_path: Path) -> None:
    deck = tmp_path / "deck.md"
    deck.write_text(
        f"# Plan{NASTY}\n\n- **Leader:** Ana\x1b Silva\x07 (Lisbon)\n- Bell\x07 and\x01 end\x9f\n",
        encoding="utf-8",
    )
    texts = all_texts(parse_file(deck))
    assert texts == ["Plan[31m", "Leader: Ana Silva (Lisbon)", "Bell and end"]


def test_control_characters_are_dropped_from_html_text_and_links(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><h1>Plan\x1b</h1><p>See <a href='\x01 https://example.org/\x1bx \x07'>"
        "the\x07 report\x1b</a>.</p></body></html>",
        encoding="utf-8",
    )
    deck = parse_file(page)
    paragraph = deck.slides[0].blocks[0]
    assert deck.slides[0].title.text == "Plan"
    assert paragraph.content.text == "See the report."
    assert paragraph.content.links == [Link("the report", "https://example.org/x")]


def test_a_deck_sown_with_control_characters_gives_the_plan_of_the_clean_deck(tmp_path) -> None:
    text = SEED.read_text(encoding="utf-8")
    sown = re.sub(r"(Ramon|Completed|Valencia|WG\d)", lambda m: m.group(1) + "\x1b\x07", text)
    sown = sown.replace("Ongoing", "On\x01going\x9b")
    assert sown.count("\x1b") > 20
    deck = tmp_path / "u4ssc-action-plan-2024-2025.md"
    deck.write_text(sown, encoding="utf-8")
    profile = load_profile()
    dirty, clean = (extract_plan(parse_file(p), profile) for p in (deck, SEED))
    as_json = [json.dumps(without_sources(plan_to_dict(p)), sort_keys=True) for p in (dirty, clean)]
    assert as_json[0] == as_json[1]
    for name, content in render_files(dirty).items():
        assert not CONTROL.search(content), name


def test_the_rotated_corpus_table_has_no_control_characters_left() -> None:
    path = SEED.parents[2] / "shared" / "corpus" / "pdf" / "camelot__anticlockwise_table_2.pdf"
    if not path.is_file():
        pytest.skip("shared corpus not found")
    texts = all_texts(parse_file(path))
    assert texts and not any(CONTROL.search(t) for t in texts)


# --- error lines ---------------------------------------------------------------------------


def test_an_error_on_a_file_name_with_a_newline_stays_one_line(tmp_path: Path) -> None:
    name = "deck.md\nactionplan: error: forged.md: \x1b[2Jgone"
    error = InputError(tmp_path / name, "the file is empty")
    assert "\n" not in str(error) and not CONTROL.search(str(error))
    assert str(error) == (
        f"{tmp_path}/deck.md\\nactionplan: error: forged.md: \\x1b[2Jgone: the file is empty"
    )
    assert error.path == f"{tmp_path}/deck.md\\nactionplan: error: forged.md: \\x1b[2Jgone"


def test_a_name_that_is_not_utf8_is_shown_with_its_bytes(tmp_path: Path) -> None:
    path = Path(tmp_path.as_posix() + "/caf\udce9.md")  # b"caf\xe9.md" as os.fsdecode gives it
    error = InputError(path, "no such file")
    assert str(error).endswith("/caf\\xe9.md: no such file")
    str(error).encode("utf-8")  # printable on any UTF-8 terminal


def test_a_reason_quoting_a_part_name_is_escaped_too(tmp_path: Path) -> None:
    error = InputError(tmp_path / "deck.pptx", "ppt/slides/x\ny.xml declares a DOCTYPE")
    assert error.reason == "ppt/slides/x\\ny.xml declares a DOCTYPE"
    assert printable("tab\there\r") == "tab\\there\\r"
