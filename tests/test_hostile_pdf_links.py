"""A link annotation applies to the text it covers, not to everything on its page."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES, sample

from extractor.model.dump import plan_to_dict, without_sources
from extractor.profile.load import DEFAULT_PROFILE, load_profile
from extractor.recognise.extract import extract_plan
from parsers.deck import Link
from parsers.pdf import parse_pdf

canvas_module = pytest.importorskip("reportlab.pdfgen.canvas", reason="pip install reportlab")

PAGE = (842.0, 595.0)  # A4 landscape, in points
SMALL = "https://example.org/small"
EVERYWHERE = "https://example.org/click-anywhere"


def page_with_links(path: Path, page_link: tuple[float, float, float, float] | None) -> Path:
    """One page: a title, three lines of 12-point text, a link on the word "portal" only."""
    canvas = canvas_module.Canvas(str(path), pagesize=PAGE)
    if page_link:
        canvas.linkURL(EVERYWHERE, page_link, relative=0, thickness=0)
    canvas.setFont("Helvetica-Bold", 24)
    canvas.drawString(60, 520, "Working group on data")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(60, 440, "Status: ongoing")
    canvas.drawString(60, 420, "Deliverable: a portal for cities")
    canvas.drawString(60, 400, "Chair: Ana Silva")
    start = 60 + canvas.stringWidth("Deliverable: a ", "Helvetica", 12)
    end = start + canvas.stringWidth("portal", "Helvetica", 12)
    canvas.linkURL(SMALL, (start, 417, end, 431), relative=0, thickness=0)
    canvas.showPage()
    canvas.save()
    return path


def links_by_text(path: Path) -> dict[str, list[Link]]:
    deck = parse_pdf(path)
    found = {deck.slides[0].title.text: deck.slides[0].title.content.links}
    found |= {block.text: block.content.links for block in deck.slides[0].blocks}
    return found


EXPECTED = {
    "Working group on data": [],
    "Status: ongoing": [],
    "Deliverable: a portal for cities": [Link("portal", SMALL)],
    "Chair: Ana Silva": [],
}


def test_a_phrase_link_covers_its_phrase_only(tmp_path: Path) -> None:
    assert links_by_text(page_with_links(tmp_path / "plain.pdf", None)) == EXPECTED


@pytest.mark.parametrize(
    "rect",
    [
        (0, 0, PAGE[0], PAGE[1]),  # "click anywhere": the whole page
        (40, 380, 400, 550),  # a linked picture behind the title and the three lines
        (30, 30, 812, 565),  # most of the page inside its margins
    ],
)
def test_a_link_over_a_whole_page_or_many_lines_links_nothing(tmp_path: Path, rect) -> None:
    assert links_by_text(page_with_links(tmp_path / "linked.pdf", rect)) == EXPECTED


def test_a_link_over_two_wrapped_lines_still_links_both(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.pdf"
    canvas = canvas_module.Canvas(str(path), pagesize=PAGE)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(60, 440, "See the report on")
    canvas.drawString(60, 426, "smart sustainable cities")
    canvas.linkURL(SMALL, (58, 423, 300, 452), relative=0, thickness=0)
    canvas.showPage()
    canvas.save()
    [block] = parse_pdf(path).slides[0].blocks
    assert block.content.links == [Link("See the report on smart sustainable cities", SMALL)]


def test_the_sample_deck_with_a_click_anywhere_link_on_every_page_reads_as_without(
    tmp_path: Path,
) -> None:
    sys.path.insert(0, str(SAMPLES))
    try:
        import pdf_rendition
        from pdf_rendition import build_pdf
    finally:
        sys.path.remove(str(SAMPLES))

    class LinkedCanvas(canvas_module.Canvas):
        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            width, height = self._pagesize
            self.linkURL(EVERYWHERE, (0, 0, width, height), relative=0, thickness=0)
            super().showPage()

    from parsers.markdown import parse_markdown

    try:
        pdf_rendition._register_fonts()
    except SystemExit:
        pytest.skip("DejaVu Serif not installed")
    linked = tmp_path / "linked.pdf"
    original, pdf_rendition.Canvas = pdf_rendition.Canvas, LinkedCanvas
    try:
        build_pdf(parse_markdown(sample(".md")), linked)
    finally:
        pdf_rendition.Canvas = original
    profile = load_profile(DEFAULT_PROFILE, ())
    plans = [extract_plan(parse_pdf(p), profile) for p in (linked, sample("-a4.pdf"))]
    texts = [json.dumps(without_sources(plan_to_dict(p)), sort_keys=True) for p in plans]
    assert EVERYWHERE not in texts[0]
    assert texts[0] == texts[1]
