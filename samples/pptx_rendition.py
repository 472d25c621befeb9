"""A PowerPoint rendition of a Deck, laid out the way action-plan decks are.

Slide titles go in title placeholders; fact lists in the body placeholder with bullet levels;
working-group tables as real tables (identical neighbouring cells merged, meetings on soft line
breaks, deliverables as hyperlinks); proposed working groups as group shapes side by side, each
with its number in a circle and its title in a box.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from parsers.deck import Block, Deck, Heading, ListItem, Paragraph, RichText, Slide, Table

from rendition import (
    is_boxed_title,
    is_number,
    link_pieces,
    meetings_on_lines,
    sections,
    slide_kind,
)

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
CONTENT_TOP = Inches(1.55)
BODY_PT = 14
TABLE_PT = 10
TITLE_PT = 28
HEADING_PT = {2: 22, 3: 19, 4: 17}
BULLETS = ("•", "–", "▪")
COLUMN_WIDTHS = (2.4, 2.2, 1.0, 1.2, 2.7, 2.63)


@dataclass
class Box:
    """A rectangle in EMU."""

    left: int
    top: int
    width: int
    height: int


def build_pptx(deck: Deck, target) -> None:
    """Write the deck as a 16:9 presentation."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    builders = {"title": _title_slide, "table": _table_slide, "columns": _column_slide}
    for index, slide in enumerate(deck.slides):
        builders.get(slide_kind(slide, index), _body_slide)(prs, slide)
    prs.core_properties.title = deck.slides[0].title.text if deck.slides[0].title else ""
    prs.save(target)


def _title_slide(prs, slide: Slide) -> None:
    out = prs.slides.add_slide(prs.slide_layouts[0])
    title, subtitle = out.placeholders[0], out.placeholders[1]
    _place(title, Box(MARGIN, Inches(2.2), SLIDE_W - 2 * MARGIN, Inches(1.4)))
    _place(subtitle, Box(MARGIN, Inches(3.8), SLIDE_W - 2 * MARGIN, Inches(1.0)))
    _write(title.text_frame.paragraphs[0], slide.title.content, 40)
    frame = subtitle.text_frame
    for index, block in enumerate(slide.blocks):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _write(paragraph, block.content, BODY_PT)


def _titled(prs, slide: Slide, layout: int):
    out = prs.slides.add_slide(prs.slide_layouts[layout])
    title = out.shapes.title
    _place(title, Box(MARGIN, Inches(0.3), SLIDE_W - 2 * MARGIN, Inches(1.1)))
    title.text_frame.word_wrap = True
    if slide.title is not None:
        _write(title.text_frame.paragraphs[0], slide.title.content, TITLE_PT)
        title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    return out


def _body_slide(prs, slide: Slide) -> None:
    out = _titled(prs, slide, 1)
    body = out.placeholders[1]
    _place(body, Box(MARGIN, CONTENT_TOP, SLIDE_W - 2 * MARGIN, SLIDE_H - CONTENT_TOP - MARGIN))
    _fill(body.text_frame, slide.blocks, placeholder=True)


def _fill(frame, blocks: list[Block], placeholder: bool) -> None:
    frame.word_wrap = True
    for index, block in enumerate(blocks):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if isinstance(block, Heading):
            _write(paragraph, block.content, HEADING_PT.get(block.level, 17), bold=True)
            _no_bullet(paragraph)
        elif isinstance(block, ListItem):
            _write(paragraph, block.content, BODY_PT)
            paragraph.level = block.level
            if not placeholder:
                _bullet(paragraph, block.level)
        else:
            _write(paragraph, block.content, BODY_PT)
            _no_bullet(paragraph)
        if index:
            paragraph.space_before = Pt(6)


def _write(paragraph, content: RichText, size: float, bold: bool = False) -> None:
    """Runs for the text, hyperlinked where the content has links; \\n as soft breaks."""
    for text, url in link_pieces(content):
        lines = text.split("\n")
        for number, line in enumerate(lines):
            if number:
                paragraph.add_line_break()
            # LibreOffice lays a hyperlinked run out as one unbreakable field: a run per word
            # lets a long link wrap between words as it does in PowerPoint.
            words = re.findall(r"\S+\s*|\s+", line) if url is not None else [line]
            for word in words:
                run = paragraph.add_run()
                run.text = word
                run.font.size = Pt(size)
                run.font.bold = True if (bold or content.bold) else None
                if url is not None:
                    run.hyperlink.address = url


def _no_bullet(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    etree.SubElement(ppr, qn("a:buNone"))


def _bullet(paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", str(Inches(0.3 + 0.35 * level)))
    ppr.set("indent", str(-Inches(0.25)))
    etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
    etree.SubElement(ppr, qn("a:buChar"), char=BULLETS[min(level, len(BULLETS) - 1)])


def _place(shape, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = box.left, box.top, box.width, box.height


# tables


def _table_slide(prs, slide: Slide) -> None:
    out = _titled(prs, slide, 5)
    for block in slide.blocks:
        if isinstance(block, Table):
            _table(out, block)


def _table(out, table: Table) -> None:
    rows, columns = len(table.rows), max(len(r.cells) for r in table.rows)
    widths = [Inches(w) for w in COLUMN_WIDTHS[:columns]]
    frame = out.shapes.add_table(rows, columns, MARGIN, CONTENT_TOP, sum(widths), Inches(0.4))
    grid = frame.table
    for column, width in enumerate(widths):
        grid.columns[column].width = Emu(width)
    for r, row in enumerate(table.rows):
        grid.rows[r].height = Inches(0.3)
        for c, cell in enumerate(row.cells):
            content = cell.content
            if r:
                content = meetings_on_lines(content)
            target = grid.cell(r, c)
            target.text_frame.word_wrap = True
            _write(target.text_frame.paragraphs[0], content, TABLE_PT)
    _merge_repeats(grid, table)


def _merge_repeats(grid, table: Table) -> None:
    """Merge runs of identical body cells: across a row first, then down a column."""
    texts = [[c.text for c in row.cells] for row in table.rows]
    merged: set[tuple[int, int]] = set()
    for r in range(1, len(texts)):
        c = 1
        while c < len(texts[r]):
            end = c
            while end + 1 < len(texts[r]) and texts[r][end + 1] == texts[r][c]:
                end += 1
            if end > c:
                _merge(grid, (r, c), (r, end))
                merged.update((r, x) for x in range(c, end + 1))
            c = end + 1
    for c in range(1, len(texts[0])):
        r = 1
        while r < len(texts):
            end = r
            while (
                end + 1 < len(texts)
                and texts[end + 1][c] == texts[r][c]
                and not {(end + 1, c), (r, c)} & merged
            ):
                end += 1
            if end > r:
                _merge(grid, (r, c), (end, c))
            r = end + 1


def _merge(grid, first: tuple[int, int], last: tuple[int, int]) -> None:
    origin = grid.cell(*first)
    kept = origin.text_frame.paragraphs[0]._p
    origin.merge(grid.cell(*last))
    body = origin._tc.txBody
    for paragraph in list(body.findall(qn("a:p"))):
        if paragraph is not kept:
            body.remove(paragraph)


# columns of shapes


def _column_slide(prs, slide: Slide) -> None:
    out = _titled(prs, slide, 5)
    parts = sections(slide.blocks)
    gap = Inches(0.4)
    width = (SLIDE_W - 2 * MARGIN - gap * (len(parts) - 1)) // len(parts)
    for index, section in enumerate(parts):
        left = MARGIN + index * (width + gap)
        group = out.shapes.add_group_shape()
        _column(group.shapes, section, left, width)


def _column(shapes, blocks: list[Block], left: int, width: int) -> None:
    top = CONTENT_TOP
    rest: list[Block] = []
    for block in blocks:
        if is_number(block) and not rest:
            top = _number(shapes, block, left, top)
        elif is_boxed_title(block) and not rest:
            top = _title_box(shapes, block, left, top, width)
        elif isinstance(block, Heading) and not rest and top == CONTENT_TOP:
            top = _text_box(shapes, [block], left, top, width)
        else:
            rest.append(block)
    if rest:
        _text_box(shapes, rest, left, top, width)


def _number(shapes, block: Paragraph, left: int, top: int) -> int:
    size = Inches(0.8)
    oval = shapes.add_shape(MSO_SHAPE.OVAL, left, top, size, size)
    _write(oval.text_frame.paragraphs[0], block.content, BODY_PT)
    return top + size + Inches(0.15)


def _title_box(shapes, block: Paragraph, left: int, top: int, width: int) -> int:
    height = Inches(0.3) * (block.text.count("\n") + 1) + Inches(0.2)
    box = shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
    box.text_frame.word_wrap = True
    _write(box.text_frame.paragraphs[0], block.content, BODY_PT)
    return top + height + Inches(0.2)


def _text_box(shapes, blocks: list[Block], left: int, top: int, width: int) -> int:
    height = _estimate_height(blocks, width)
    box = shapes.add_textbox(left, top, width, height)
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    _fill(box.text_frame, blocks, placeholder=False)
    return top + height + Inches(0.1)


def _estimate_height(blocks: list[Block], width: int) -> int:
    """Lines each block needs at an average glyph width of half its size, plus spacing."""
    points = 8.0
    for block in blocks:
        size = HEADING_PT.get(block.level, 17) if isinstance(block, Heading) else BODY_PT
        per_line = max(1, int(width / 12700 / (size * 0.5)))
        lines = sum(math.ceil(max(len(line), 1) / per_line) for line in block.text.split("\n"))
        points += lines * size * 1.2 + 6
    return Pt(points)
