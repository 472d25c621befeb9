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
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.spec import GRAPHIC_DATA_URI_TABLE

from parsers.continued import merge_continued_tables
from parsers.deck import Block, Cell, Deck, Heading, Location, Row, Slide, Table
from parsers.errors import InputError
from parsers.package import open_presentation
from parsers.pptx_style import (
    TITLE_TYPES,
    DeckStyles,
    StyleChain,
    first_child,
    placeholder_kind,
)
from parsers.runs import Run, rich_from_runs
from parsers.source import describe_source
from parsers.styles import StyledParagraph, body_size, heading_levels, to_block

SKIPPED_PLACEHOLDERS = {"dt", "ftr", "sldNum", "hdr", "sldImg"}
TITLE_ZONE = 0.25  # a title-like box starts in the top quarter of the slide
BREAK, RUN, FIELD, GROUP = qn("a:br"), qn("a:r"), qn("a:fld"), qn("p:grpSp")
PARAGRAPH, P_PR, R_PR, TEXT = qn("a:p"), qn("a:pPr"), qn("a:rPr"), qn("a:t")
LINK, REL_ID = qn("a:hlinkClick"), qn("r:id")
TABLE_ROW, TABLE_CELL, TABLE_TEXT = qn("a:tr"), qn("a:tc"), qn("a:txBody")
SHAPE, GRAPHIC_FRAME, TEXT_BODY = qn("p:sp"), qn("p:graphicFrame"), qn("p:txBody")
# The children of a shape tree that python-pptx counts as shapes.
SHAPE_TAGS = {SHAPE, GROUP, GRAPHIC_FRAME, qn("p:cxnSp"), qn("p:pic"), qn("p:contentPart")}
TRUE = ("1", "true")

Item = StyledParagraph | Table


def parse_pptx(path: Path) -> Deck:
    """Read a PowerPoint deck into a Deck."""
    presentation = open_presentation(path)
    styles = DeckStyles(presentation)
    limit = presentation.slide_height * TITLE_ZONE
    pages: list[tuple[Location, StyledParagraph | None, list[Item]]] = []
    warnings: list[str] = []
    for number, slide in enumerate(presentation.slides, start=1):
        if slide._element.get("show") in ("0", "false"):
            warnings.append(f"slide {number} is hidden and was skipped")
            continue
        location = Location("slide", number)
        try:
            title, items = read_slide(slide, styles, location, limit)
        except (KeyError, ValueError, TypeError, AttributeError, etree.LxmlError) as err:
            reason = (
                str(err).strip().splitlines()[0][:120] if str(err).strip() else type(err).__name__
            )
            raise InputError(
                path, f"slide {number} cannot be read ({reason}); save the deck again"
            ) from err
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


def read_slide(
    slide, styles: DeckStyles, location: Location, title_zone: int
) -> tuple[StyledParagraph | None, list[Item]]:
    """A slide's title and its paragraphs and tables in reading order.

    Shapes are read as lxml elements: python-pptx's shape objects cost more than the reading.
    """
    layout, part = slide.slide_layout, slide.part
    shapes = list(_walk(slide._element.cSld.spTree))
    title_shape = _title_shape(slide, shapes, styles, title_zone)
    title: StyledParagraph | None = None
    items: list[Item] = []
    for shape in shapes:
        if _is_table(shape):
            table = read_table(shape.graphic.graphicData.tbl, part, location)
            items += [table] if table.rows else []
        elif shape.tag == SHAPE:
            chain = styles.chain(shape, layout)
            paragraphs = read_paragraphs(first_child(shape, TEXT_BODY), part, chain, location)
            if shape is title_shape and paragraphs:
                title = _joined(paragraphs, location)
            else:
                items += paragraphs
    return title, items


def _walk(tree: etree._Element) -> Iterator[etree._Element]:
    """Shapes in document order, descending into groups; placeholders for dates etc. left out."""
    for shape in tree.iterchildren(*SHAPE_TAGS):
        if shape.tag == GROUP:
            yield from _walk(shape)
        elif placeholder_kind(shape) not in SKIPPED_PLACEHOLDERS:
            yield shape


def _is_table(shape: etree._Element) -> bool:
    return shape.tag == GRAPHIC_FRAME and shape.graphicData_uri == GRAPHIC_DATA_URI_TABLE


def _title_shape(slide, shapes: list[etree._Element], styles: DeckStyles, title_zone: int):
    """The title placeholder, else the text box with the largest text in the top quarter."""
    for shape in shapes:
        if shape.tag == SHAPE and placeholder_kind(shape) in TITLE_TYPES:
            return shape
    best, best_size, best_top, best_lines = None, 0.0, 0, 0
    for shape in shapes:
        body = first_child(shape, TEXT_BODY) if shape.tag == SHAPE else None
        lines = list(body.iterchildren(PARAGRAPH)) if body is not None else []
        # p.text is python-pptx's paragraph text (runs, fields, breaks), as text_frame.text has it
        if not "\n".join(p.text for p in lines).strip() or (top := _top(shape, slide)) is None:
            continue
        chain = styles.chain(shape, slide.slide_layout)
        size = max(chain.size(first_child(r, R_PR), 0) for r in shape.iter(RUN))
        if size > best_size:
            best, best_size, best_top, best_lines = shape, size, top, len(lines)
    if best is not None and best_top <= title_zone and best_lines <= 2:
        return best
    return None


def _top(shape: etree._Element, slide) -> int | None:
    """A shape's top edge in EMU; a placeholder without its own takes its layout's."""
    if shape.getparent().tag == GROUP:
        return shape.y  # python-pptx gives shapes in groups no inherited position
    return SlideShapeFactory(shape, slide.shapes).top


def read_paragraphs(
    body: etree._Element | None, part, chain: StyleChain, location: Location
) -> list[StyledParagraph]:
    """The non-empty paragraphs of a shape's text body, with size and bullet level."""
    paragraphs = []
    for p in body.iterchildren(PARAGRAPH) if body is not None else ():
        props = first_child(p, P_PR)
        level = int(props.get("lvl", "0")) if props is not None else 0
        runs, sizes = _runs(p, part, chain, level)
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
        tag = child.tag
        if tag == BREAK:
            runs.append(Run("\n"))
        elif tag in (RUN, FIELD):
            text = "".join(t.text or "" for t in child.iter(TEXT)).replace("\x0b", "\n")
            props = first_child(child, R_PR)
            bold = chain.bold(props, level) if chain else _explicit_bold(props)
            runs.append(Run(text, bold, _link(props, part)))
            if chain is not None and text.strip():
                size = chain.size(props, level)
                sizes[size] = sizes.get(size, 0) + len(text)
    return runs, sizes


def _explicit_bold(props: etree._Element | None) -> bool:
    return props is not None and props.get("b") in ("1", "true")


def _link(props: etree._Element | None, part) -> str | None:
    click = first_child(props, LINK) if props is not None else None
    rel_id = click.get(REL_ID) if click is not None else None
    if not rel_id or rel_id not in part.rels:
        return None
    return part.rels[rel_id].target_ref


def _joined(paragraphs: list[StyledParagraph], location: Location) -> StyledParagraph:
    runs = [Run(p.content.text + "\n", p.content.bold) for p in paragraphs]
    return StyledParagraph(rich_from_runs(runs), paragraphs[0].size, location)


def read_table(tbl: etree._Element, part, location: Location) -> Table:
    """A table's rows; a merged cell appears once, at its origin, with its spans."""
    rows: list[Row] = []
    for tr in tbl.iterchildren(TABLE_ROW):
        cells, spanned = [], False
        for tc in tr.iterchildren(TABLE_CELL):
            if tc.get("hMerge") in TRUE or tc.get("vMerge") in TRUE:
                spanned = True
                continue
            span = int(tc.get("gridSpan", "1")), int(tc.get("rowSpan", "1"))
            cells.append(Cell(_cell_text(tc, part), *span))
        if spanned or any(c.text for c in cells):
            rows.append(Row(cells, location))
    return Table(rows, location)


def _cell_text(tc: etree._Element, part):
    runs: list[Run] = []
    body = first_child(tc, TABLE_TEXT)
    for p in body.iterchildren(PARAGRAPH) if body is not None else ():
        runs += _runs(p, part, None, 0)[0] + [Run("\n")]
    return rich_from_runs(runs)
