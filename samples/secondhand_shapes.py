"""Shapes as people place them by hand in PowerPoint: text boxes, tables, fields, furniture."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from PIL import Image, ImageDraw
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from parsers.deck import RichText

from rendition import link_pieces

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


@dataclass
class Para:
    """One paragraph: runs of (text, url or None, bold), a size, and an optional bullet."""

    runs: list[tuple[str, str | None, bool]]
    size: float = 14
    bullet: str | None = None
    level: int = 0
    align: PP_ALIGN | None = None
    fields: list[str] = field(default_factory=list)
    field_text: str = "‹#›"


def para(text: str | RichText, size: float = 14, bold: bool = False, **kw) -> Para:
    """A paragraph of one text, hyperlinked where a RichText has links; \\n are soft breaks."""
    if isinstance(text, RichText):
        return Para([(t, u, bold) for t, u in link_pieces(text)], size, **kw)
    return Para([(text, None, bold)], size, **kw)


def labelled(label: str, value: str | RichText, size: float = 14, **kw) -> Para:
    """ "Label: value" with the label in bold, as people type it."""
    first = Para([(f"{label}: ", None, True)], size, **kw)
    first.runs += para(value, size).runs
    return first


def fill(frame, paragraphs: list[Para]) -> None:
    """Write paragraphs into a text frame."""
    frame.word_wrap = True
    for index, p in enumerate(paragraphs):
        out = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        for text, url, bold in p.runs:
            for number, line in enumerate(text.split("\n")):
                if number:
                    out.add_line_break()
                if not line:
                    continue
                run = out.add_run()
                run.text = line
                run.font.size = Pt(p.size)
                run.font.bold = bold or None
                if url is not None:
                    run.hyperlink.address = url
        for kind in p.fields:
            add_field(out, kind, p.size, p.field_text)
        if p.align is not None:
            out.alignment = p.align
        _bullet(out, p)


def _bullet(paragraph, p: Para) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if p.bullet is None:
        etree.SubElement(ppr, qn("a:buNone"))
        return
    paragraph.level = p.level
    ppr.set("marL", str(Inches(0.3 + 0.3 * p.level)))
    ppr.set("indent", str(-Inches(0.22)))
    etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
    etree.SubElement(ppr, qn("a:buChar"), char=p.bullet)


def add_field(paragraph, kind: str, size: float, text: str = "‹#›") -> None:
    """An inserted field (a:fld), e.g. the slide number, with the text PowerPoint caches."""
    fld = etree.SubElement(paragraph._p, qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
    fld.set("type", kind)
    rpr = etree.SubElement(fld, qn("a:rPr"), lang="en-GB", sz=str(int(size * 100)))
    rpr.set("dirty", "0")
    etree.SubElement(fld, qn("a:t")).text = text
    end = paragraph._p.find(qn("a:endParaRPr"))
    if end is not None:
        paragraph._p.remove(end)
        paragraph._p.append(end)


def text_box(shapes, left, top, width, height, paragraphs: list[Para], name: str | None = None):
    """A plain text box (no placeholder), text not resized."""
    box = shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    fill(box.text_frame, paragraphs)
    if name:
        box.name = name
    return box


def rounded(shapes, left, top, width, height, paragraphs: list[Para]):
    """A rounded rectangle holding text, as a card or tile."""
    shape = shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor(0xDC, 0xE8, 0xF4)
    shape.line.color.rgb = RGBColor(0x2F, 0x55, 0x97)
    fill(shape.text_frame, paragraphs)
    for p in shape.text_frame.paragraphs:
        for run in p.runs:
            run.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
    return shape


def band(shapes, left, top, width, height, rgb: tuple[int, int, int]):
    """A filled rectangle without text (a divider's background)."""
    shape = shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor(*rgb)
    shape.line.fill.background()
    return shape


def table(shapes, rows: list[list[str | RichText]], left, top, widths: list[float], size=11):
    """A real table; widths in inches; cells with soft line breaks kept."""
    frame = shapes.add_table(len(rows), len(widths), left, top, Inches(sum(widths)), Inches(0.4))
    grid = frame.table
    for column, width in enumerate(widths):
        grid.columns[column].width = Inches(width)
    for r, row in enumerate(rows):
        grid.rows[r].height = Inches(0.3)
        for c, value in enumerate(row):
            frame_ = grid.cell(r, c).text_frame
            fill(frame_, [para(value, size, bold=r == 0)])
    return frame


def raise_to_top(slide, shape) -> None:
    """Move a shape to the end of the shape tree: drawn last, read last."""
    tree = slide.shapes._spTree
    tree.remove(shape._element)
    tree.append(shape._element)


def logo_png() -> bytes:
    """A small logo drawn in memory: rings and a bar."""
    image = Image.new("RGB", (240, 120), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for index, colour in enumerate([(0, 114, 188), (0, 158, 115), (230, 159, 0)]):
        draw.ellipse((10 + 60 * index, 20, 90 + 60 * index, 100), outline=colour, width=8)
    draw.rectangle((10, 108, 230, 114), fill=(47, 85, 151))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def furniture(slide, footer: str, date: str) -> None:
    """Footer text, a date and a slide-number field in plain text boxes, as on every slide."""
    shapes = slide.shapes
    top, height = SLIDE_H - Inches(0.45), Inches(0.35)
    text_box(shapes, Inches(0.4), top, Inches(4.5), height, [para(footer, 10)], "Footer text")
    text_box(shapes, Inches(5.9), top, Inches(2.0), height, [para(date, 10)], "Date text")
    index = str(len(slide.part.package.presentation_part.presentation.slides))
    number = Para([], 10, align=PP_ALIGN.RIGHT, fields=["slidenum"], field_text=index)
    text_box(shapes, SLIDE_W - Inches(1.4), top, Inches(1.0), height, [number], "Slide number")


def notes(slide, text: str) -> None:
    """Speaker notes."""
    slide.notes_slide.notes_text_frame.text = text


def hide(slide) -> None:
    """Mark a slide hidden (show="0"), as "Hide Slide" does."""
    slide._element.set("show", "0")


def fixed_zip(path: Path) -> None:
    """Rewrite a package with fixed entry times, so the same input gives the same bytes."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
