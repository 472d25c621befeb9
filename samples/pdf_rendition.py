"""A PDF rendition of a Deck typeset directly with reportlab: another producer than PowerPoint.

A4 landscape pages in DejaVu Serif, one page per slide; tables drawn without any ruling line or
fill (aligned text only); links as link annotations. Each page is drawn out of reading order
(content first, the title last, columns right to left), as many producers do, so the reader
has to put it back in order from the layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from parsers.deck import Block, Deck, Heading, ListItem, RichText, Slide, Table

from rendition import (
    is_boxed_title,
    is_number,
    link_pieces,
    meetings_on_lines,
    sections,
    slide_kind,
)

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 40.0
TOP = 110.0  # content starts this far below the top edge
BODY, TITLE, TABLE = 11.0, 22.0, 8.0
HEADING = {2: 16.0, 3: 14.5, 4: 13.0}
BULLETS = ("•", "–", "▪")
COLUMN_WEIGHTS = (2.4, 2.2, 1.0, 1.2, 2.7, 2.63)
GUTTER, ROW_GAP = 9.0, 8.0
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


@dataclass
class Word:
    """A word to set: its text, weight and link target."""

    text: str
    bold: bool
    url: str | None


def build_pdf(deck: Deck, target: Path) -> None:
    """Write the deck as an A4 landscape PDF."""
    _register_fonts()
    canvas = Canvas(str(target), pagesize=(PAGE_W, PAGE_H), invariant=1)
    canvas.setTitle(deck.slides[0].title.text if deck.slides[0].title else "")
    canvas.setProducer("reportlab")
    for index, slide in enumerate(deck.slides):
        kind = slide_kind(slide, index)
        if kind == "table":
            _table_page(canvas, slide)
        elif kind == "columns":
            _columns_page(canvas, slide)
        else:
            _flow(canvas, slide.blocks, MARGIN, PAGE_W - 2 * MARGIN, _top(kind))
        _title(canvas, slide, kind)
        canvas.showPage()
    canvas.save()


def _register_fonts() -> None:
    folder = next((d for d in FONT_DIRS if (d / "DejaVuSerif.ttf").exists()), None)
    if folder is None:
        raise SystemExit("DejaVu Serif not found: run `make samples`, which installs it")
    pdfmetrics.registerFont(TTFont("Serif", str(folder / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("Serif-Bold", str(folder / "DejaVuSerif-Bold.ttf")))


def _top(kind: str) -> float:
    return PAGE_H * 0.55 if kind == "title" else TOP


def _title(canvas: Canvas, slide: Slide, kind: str) -> None:
    if slide.title is None:
        return
    size = 30.0 if kind == "title" else TITLE
    top = PAGE_H * 0.4 if kind == "title" else 40.0
    words = _words(slide.title.content, bold=True)
    _set(canvas, words, MARGIN, PAGE_W - 2 * MARGIN, top, size)


# text


def _words(content: RichText, bold: bool = False) -> list[Word]:
    words: list[Word] = []
    for text, url in link_pieces(content):
        for number, line in enumerate(text.split("\n")):
            if number:
                words.append(Word("\n", False, None))
            words += [Word(w, bold or content.bold, url) for w in line.split()]
    return words


def _set(canvas, words: list[Word], left: float, width: float, top: float, size: float) -> float:
    """Set words in lines from top (distance from the page top); returns the bottom."""
    for line in _lines(words, width, size):
        top += size * 1.2
        x = left
        for word in line:
            font = "Serif-Bold" if word.bold else "Serif"
            canvas.setFont(font, size)
            canvas.drawString(x, PAGE_H - top, word.text)
            advance = pdfmetrics.stringWidth(word.text, font, size)
            if word.url is not None:
                box = (x, PAGE_H - top - size * 0.25, x + advance, PAGE_H - top + size * 0.9)
                canvas.linkURL(word.url, box, relative=0, thickness=0)
            x += advance + pdfmetrics.stringWidth(" ", font, size)
    return top + size * 0.3


def _lines(words: list[Word], width: float, size: float) -> list[list[Word]]:
    lines: list[list[Word]] = [[]]
    used = 0.0
    for word in words:
        if word.text == "\n":
            lines.append([])
            used = 0.0
            continue
        font = "Serif-Bold" if word.bold else "Serif"
        advance = pdfmetrics.stringWidth(word.text + " ", font, size)
        if lines[-1] and used + advance > width:
            lines.append([])
            used = 0.0
        lines[-1].append(word)
        used += advance
    return [line for line in lines if line]


def _flow(canvas, blocks: list[Block], left: float, width: float, top: float) -> float:
    for block in blocks:
        if isinstance(block, Heading):
            size = HEADING.get(block.level, 13.0)
            top = _set(canvas, _words(block.content, True), left, width, top, size)
        elif isinstance(block, ListItem):
            indent = left + 18 * block.level
            canvas.setFont("Serif", BODY)
            canvas.drawString(indent, PAGE_H - top - BODY * 1.2, BULLETS[min(block.level, 2)])
            text_left = indent + 14
            room = left + width - text_left
            top = _set(canvas, _words(block.content), text_left, room, top, BODY)
        else:
            top = _set(canvas, _words(block.content), left, width, top, BODY)
        top += 5
    return top


# columns


def _columns_page(canvas, slide: Slide) -> None:
    parts = sections(slide.blocks)
    gap = 30.0
    width = (PAGE_W - 2 * MARGIN - gap * (len(parts) - 1)) / len(parts)
    for index in reversed(range(len(parts))):
        _column(canvas, parts[index], MARGIN + index * (width + gap), width)


def _column(canvas, blocks: list[Block], left: float, width: float) -> None:
    top = TOP
    rest: list[Block] = []
    for block in blocks:
        if is_number(block) and not rest:
            canvas.circle(left + 20, PAGE_H - top - 20, 18, stroke=1, fill=0)
            canvas.setFont("Serif", BODY)
            canvas.drawCentredString(left + 20, PAGE_H - top - 24, block.text)
            top += 50
        elif is_boxed_title(block) and not rest:
            lines = block.text.split("\n")
            height = len(lines) * BODY * 1.2 + 14
            canvas.roundRect(left, PAGE_H - top - height, width, height, 8, stroke=1, fill=0)
            for number, line in enumerate(lines):
                canvas.drawCentredString(
                    left + width / 2, PAGE_H - top - 7 - BODY * 1.2 * (number + 1) + 2, line
                )
            top += height + 12
        elif isinstance(block, Heading) and not rest and top == TOP:
            top = _flow(canvas, [block], left, width, top) + 6
        else:
            rest.append(block)
    _flow(canvas, rest, left, width, top)


# tables


def _table_page(canvas, slide: Slide) -> None:
    top = TOP
    for block in slide.blocks:
        if isinstance(block, Table):
            top = _table(canvas, block, top)


def _table(canvas, table: Table, top: float) -> float:
    total = PAGE_W - 2 * MARGIN
    widths = [total * w / sum(COLUMN_WEIGHTS) for w in COLUMN_WEIGHTS]
    for number, row in enumerate(table.rows):
        bottom = top
        x = MARGIN
        for column, cell in enumerate(row.cells):
            content = meetings_on_lines(cell.content) if number else cell.content
            words = _words(content, bold=number == 0)
            end = _set(canvas, words, x, widths[column] - GUTTER, top, TABLE)
            bottom = max(bottom, end)
            x += widths[column]
        top = bottom + ROW_GAP
    return top
