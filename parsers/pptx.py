"""PowerPoint decks (.pptx) into a Deck: one Slide per slide, located as "slide N".

Titles come from the title placeholder, or from a title-like text box (the largest text near
the top); text frames give paragraphs with their bullet levels, read inside group shapes too;
tables keep merged cells once, with their spans. Pictures, charts, media and notes are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from pptx.oxml.ns import qn

from parsers.continued import merge_continued_tables
from parsers.deck import Block, Cell, Deck, Heading, Location, Row, Slide, Table
from parsers.package import open_presentation
from parsers.pptx_style import TITLE_TYPES, StyleChain, placeholder_type
from parsers.runs import Run, rich_from_runs
from parsers.source import describe_source
from parsers.styles import StyledParagraph, body_size, heading_levels, to_block

SKIPPED_PLACEHOLDERS = {"dt", "ftr", "sldNum", "hdr", "sldImg"}
TITLE_ZONE = 0.25  # a title-like box starts in the top quarter of the slide
BREAK, RUN, FIELD, GROUP = qn("a:br"), qn("a:r"), qn("a:fld"), qn("p:grpSp")

Item = StyledParagraph | Table


def parse_pptx(path: Path) -> Deck:
    """Read a PowerPoint deck into a Deck."""
    presentation = open_presentation(path)
    pages: list[tuple[Location, StyledParagraph | None, list[Item]]] = []
    warnings: list[str] = []
    for number, slide in enumerate(presentation.slides, start=1):
        if slide._element.get("show") in ("0", "false"):
            warnings.append(f"slide {number} is hidden and was skipped")
            continue
        location = Location("slide", number)
        title, items = read_slide(slide, presentation, location)
        pages.append((location, title, items))
    slides = _to_slides(pages)
    merge_continued_tables(slides)
    return Deck(slides, describe_source(path, "pptx"), warnings)


def _to_slides(pages: list[tuple[Location, StyledParagraph | None, list[Item]]]) -> list[Slide]:
    paragraphs = [i for _, _, items in pages for i in items if isinstance(i, StyledParagraph)]
    body = body_size(paragraphs)
    levels = heading_levels(paragraphs, body)
    slides = []
    for location, title, items in pages:
        heading = Heading(title.content, 1, title.location) if title else None
        blocks: list[Block] = [
            i if isinstance(i, Table) else to_block(i, body, levels) for i in items
        ]
        slides.append(Slide(heading, blocks, location))
    return slides


def read_slide(slide, presentation, location: Location) -> tuple[StyledParagraph | None, list]:
    """A slide's title and its paragraphs and tables in reading order."""
    shapes = list(_walk(slide.shapes))
    title_shape = _title_shape(slide, shapes, presentation)
    title: StyledParagraph | None = None
    items: list[Item] = []
    for shape in shapes:
        if getattr(shape, "has_table", False):
            items.append(read_table(shape.table, location))
        elif shape.has_text_frame:
            paragraphs = read_paragraphs(shape, slide, presentation, location)
            if shape is title_shape and paragraphs:
                title = _joined(paragraphs, location)
            else:
                items += paragraphs
    return title, items


def _walk(shapes) -> Iterator:
    """Shapes in document order, descending into groups; placeholders for dates etc. left out."""
    for shape in shapes:
        if shape._element.tag == GROUP:
            yield from _walk(shape.shapes)
        elif placeholder_type(shape) not in SKIPPED_PLACEHOLDERS:
            yield shape


def _title_shape(slide, shapes: list, presentation):
    """The title placeholder, else the text box with the largest text in the top quarter."""
    for shape in shapes:
        if placeholder_type(shape) in TITLE_TYPES and shape.has_text_frame:
            return shape
    best, best_size = None, 0.0
    for shape in shapes:
        if not shape.has_text_frame or not shape.text_frame.text.strip() or shape.top is None:
            continue
        chain = StyleChain(shape, slide, presentation)
        size = max(chain.size(r.find(qn("a:rPr")), 0) for r in shape._element.iter(RUN))
        if size > best_size:
            best, best_size = shape, size
    limit = presentation.slide_height * TITLE_ZONE
    if best is not None and best.top <= limit and len(best.text_frame.paragraphs) <= 2:
        return best
    return None


def read_paragraphs(shape, slide, presentation, location: Location) -> list[StyledParagraph]:
    """The non-empty paragraphs of a shape's text, with size and bullet level."""
    chain = StyleChain(shape, slide, presentation)
    paragraphs = []
    for p in shape.text_frame._txBody.iterchildren(qn("a:p")):
        props = p.find(qn("a:pPr"))
        level = int(props.get("lvl", "0")) if props is not None else 0
        runs, sizes = _runs(p, shape.part, chain, level)
        content = rich_from_runs(runs)
        if not content.text:
            continue
        bullet = level if chain.bulleted(props, level) else None
        size = max(sizes, key=sizes.get) if sizes else chain.size(None, level)
        paragraphs.append(StyledParagraph(content, size, location, bullet))
    return paragraphs


def _runs(p: etree._Element, part, chain: StyleChain | None, level: int):
    """The runs of a paragraph, and how many characters are set in each size."""
    runs: list[Run] = []
    sizes: dict[float, int] = {}
    for child in p:
        if child.tag == BREAK:
            runs.append(Run("\n"))
        elif child.tag in (RUN, FIELD):
            text = "".join(t.text or "" for t in child.iter(qn("a:t"))).replace("\x0b", "\n")
            props = child.find(qn("a:rPr"))
            bold = chain.bold(props, level) if chain else _explicit_bold(props)
            runs.append(Run(text, bold, _link(props, part)))
            if chain is not None and text.strip():
                size = chain.size(props, level)
                sizes[size] = sizes.get(size, 0) + len(text)
    return runs, sizes


def _explicit_bold(props: etree._Element | None) -> bool:
    return props is not None and props.get("b") in ("1", "true")


def _link(props: etree._Element | None, part) -> str | None:
    click = props.find(qn("a:hlinkClick")) if props is not None else None
    rel_id = click.get(qn("r:id")) if click is not None else None
    if not rel_id or rel_id not in part.rels:
        return None
    return part.rels[rel_id].target_ref


def _joined(paragraphs: list[StyledParagraph], location: Location) -> StyledParagraph:
    runs = [Run(p.content.text + "\n", p.content.bold) for p in paragraphs]
    return StyledParagraph(rich_from_runs(runs), paragraphs[0].size, location)


def read_table(table, location: Location) -> Table:
    """A table's rows; a merged cell appears once, at its origin, with its spans."""
    rows: list[Row] = []
    for row in table.rows:
        cells = [
            Cell(_cell_text(cell), cell.span_width, cell.span_height)
            if cell.is_merge_origin
            else Cell(_cell_text(cell))
            for cell in row.cells
            if not cell.is_spanned
        ]
        if any(c.text for c in cells) or any(c.is_spanned for c in row.cells):
            rows.append(Row(cells, location))
    return Table(rows, location)


def _cell_text(cell):
    runs: list[Run] = []
    for p in cell.text_frame._txBody.iterchildren(qn("a:p")):
        runs += _runs(p, cell.part, None, 0)[0] + [Run("\n")]
    return rich_from_runs(runs)
