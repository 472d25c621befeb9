"""Turned PDF pages: stored turned but shown upright reads as usual; turned text is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS

from parsers.deck import Link, Table
from parsers.detect import parse_file
from parsers.errors import InputError

canvas_module = pytest.importorskip("reportlab.pdfgen.canvas", reason="pip install reportlab")

SHOWN = (842.0, 595.0)  # A4 landscape as shown
URL = "https://example.org/portal"
ROWS = [["Name", "Status", "Chair"], ["Portal", "ongoing", "Ana Silva"], ["Guide", "done", "Bo Li"]]


def draw_page(canvas) -> None:
    """A title, a ruled three-by-three table, and a link on the cell "Portal"."""
    canvas.setFont("Helvetica-Bold", 24)
    canvas.drawString(60, 500, "Working group on data")
    canvas.setFont("Helvetica", 12)
    xs, ys = [60, 200, 340, 480], [450, 420, 390, 360]
    canvas.grid(xs, ys)
    for r, row in enumerate(ROWS):
        for k, text in enumerate(row):
            canvas.drawString(xs[k] + 4, ys[r] - 20, text)
    canvas.linkURL(URL, (64, 395, 64 + canvas.stringWidth("Portal"), 409), relative=1)


def build(path: Path, pages: list[tuple[int, int]]) -> Path:
    """One page per (rotate, turn): /Rotate rotate, content turned anticlockwise by turn."""
    canvas = canvas_module.Canvas(str(path), pagesize=SHOWN)
    for rotate, turn in pages:
        stored = SHOWN if rotate in (0, 180) else SHOWN[::-1]
        canvas.setPageSize(stored)
        canvas.setPageRotation(rotate)
        canvas.saveState()
        if turn == 90:
            canvas.translate(stored[0], 0)
        elif turn == 180:
            canvas.translate(*stored)
        elif turn == 270:
            canvas.translate(0, stored[1])
        canvas.rotate(turn)
        draw_page(canvas)
        canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return path


def reading(path: Path) -> list:
    deck = parse_file(path)
    read = []
    for slide in deck.slides:
        read.append(slide.title.text if slide.title else None)
        for block in slide.blocks:
            if isinstance(block, Table):
                read.append([[cell.text for cell in row.cells] for row in block.rows])
                read.append(
                    [link for row in block.rows for c in row.cells for link in c.content.links]
                )
            else:
                read.append(block.text)
    return read


UPRIGHT = ["Working group on data", ROWS, [Link("Portal", URL)]]


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_page_stored_turned_and_shown_upright_reads_as_usual(tmp_path: Path, rotate) -> None:
    assert reading(build(tmp_path / "plain.pdf", [(0, 0)])) == UPRIGHT
    assert reading(build(tmp_path / "turned.pdf", [(rotate, rotate)])) == UPRIGHT


@pytest.mark.parametrize(
    ("rotate", "turn", "how"),
    [
        (90, 0, "runs sideways"),  # a /Rotate the content does not undo
        (270, 0, "runs sideways"),
        (0, 90, "runs sideways"),  # text set turned on an unturned page
        (180, 0, "is upside down"),
        (90, 270, "is upside down"),
    ],
)
def test_text_turned_as_shown_is_refused_with_what_to_do(tmp_path, rotate, turn, how) -> None:
    with pytest.raises(InputError) as caught:
        parse_file(build(tmp_path / "turned.pdf", [(rotate, turn)] * 2))
    message = caught.value.reason
    assert message.startswith(f"the text {how} on every page")
    assert "turn the pages upright" in message
    if rotate:
        assert f"marked to be shown turned {rotate}°" in message


def test_upside_down_text_is_not_read_backwards(tmp_path: Path) -> None:
    path = build(tmp_path / "mixed.pdf", [(0, 0), (180, 0), (0, 0)])
    deck = parse_file(path)
    texts = [b.text for s in deck.slides for b in ([s.title] if s.title else []) if b]
    assert texts == ["Working group on data", "Working group on data"]
    assert not any("atad no puorg" in repr(s) for s in deck.slides)
    assert deck.warnings == [
        "the text is upside down on page 2 (its pages are marked to be shown turned 180°) and was"
        " not read; turn the pages upright (rotate them in a PDF editor) and export the PDF again"
    ]


def test_a_sideways_page_among_upright_ones_is_named_in_a_warning(tmp_path: Path) -> None:
    path = build(tmp_path / "mixed.pdf", [(0, 0), (0, 90), (0, 0), (0, 270)])
    deck = parse_file(path)
    assert [s.title.text if s.title else None for s in deck.slides] == [
        "Working group on data",
        None,
        "Working group on data",
        None,
    ]
    assert len(deck.warnings) == 1
    assert deck.warnings[0].startswith("the text runs sideways on pages 2, 4 and was not read;")


def test_the_rotated_corpus_table_is_named_sideways() -> None:
    path = CORPUS / "pdf" / "pdfplumber__nics-background-checks-rotated.pdf"
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert caught.value.reason.startswith(
        "the text runs sideways on every page (its pages are marked to be shown turned 90°)"
    )
