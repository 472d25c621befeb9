"""PowerPoint decks (.pptx) into a Deck: one Slide per slide, located as "slide N".

Titles come from the title placeholder, or from a title-like text box (the largest text near
the top); text frames give paragraphs with their bullet levels, read inside group shapes too;
tables keep merged cells once, with their spans. Shapes are read in reading order from their
positions on the slide, not in the order they were added: columns left to right, bands top to
bottom (parsers.reading_order), a group shape read as one piece, its shapes in their own
reading order. Each block carries its shape's box and each slide its size (parsers.deck).

Furniture is left out: date, footer, header and slide-number placeholders, inserted slide-number
and date fields wherever they are, and text boxes repeating the same text at the same place near
the edge of most slides (parsers.furniture). Pictures, charts, media and notes are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from pptx.oxml.ns import qn
from pptx.spec import GRAPHIC_DATA_URI_TABLE

from parsers.box_grid import GridCell, box_grids
from parsers.continued import merge_continued_tables
from parsers.deck import Block, Box, Cell, Deck, Heading, Location, RichText, Row, Slide, Table
from parsers.errors import InputError
from parsers.furniture import Placed, furniture
from parsers.package import open_presentation
from parsers.pptx_geometry import (
    EMU_PER_POINT,
    SLIDE,
    Transform,
    cell_boxes,
    group_transform,
    shape_box,
)
from parsers.pptx_style import (
    TITLE_TYPES,
    DeckStyles,
    StyleChain,
    first_child,
    placeholder_kind,
    xml,
)
from parsers.reading_order import reading_order
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
P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
SECTION, SECTION_SLIDE = f"{P14}section", f"{P14}sldId"
# The children of a shape tree that python-pptx counts as shapes.
SHAPE_TAGS = {SHAPE, GROUP, GRAPHIC_FRAME, qn("p:cxnSp"), qn("p:pic"), qn("p:contentPart")}
TRUE = ("1", "true")
# what is left of a paragraph once its slide-number or date field is taken out
FIELD_LABEL = re.compile(r"(?:page|slide|p\.|s\.|no\.|#)?\s*(?:(?:of|/)\s*\d*)?", re.I)

Item = StyledParagraph | Table


@dataclass
class ShapeText:
    """What one shape reads as, where it sits, and whether it is a placeholder."""

    items: list[Item]
    box: Box | None
    placeholder: bool


@dataclass
class SlideText:
    """One slide read: its title and its shapes' text in reading order."""

    location: Location
    title: StyledParagraph | None
    shapes: list[ShapeText]


@dataclass
class _Unit:
    """A shape or group shape to put in reading order; a group holds its shapes."""

    shape: etree._Element
    box: Box | None
    children: list[_Unit] = field(default_factory=list)


def parse_pptx(path: Path) -> Deck:
    """Read a PowerPoint deck into a Deck."""
    presentation = open_presentation(path)
    styles = DeckStyles(presentation)
    size = (_points(presentation.slide_width, 720.0), _points(presentation.slide_height, 540.0))
    limit = size[1] * TITLE_ZONE
    pages: list[SlideText] = []
    warnings: list[str] = []
    sections = _sections(presentation)
    for number, slide in enumerate(presentation.slides, start=1):
        if xml(slide).get("show") in ("0", "false"):
            warnings.append(f"slide {number} is hidden and was skipped")
            continue
        location = Location("slide", number)
        try:
            pages.append(read_slide(slide, styles, location, limit))
        except (KeyError, ValueError, TypeError, AttributeError, etree.LxmlError) as err:
            reason = (
                str(err).strip().splitlines()[0][:120] if str(err).strip() else type(err).__name__
            )
            raise InputError(
                path, f"slide {number} cannot be read ({reason}); save the deck again"
            ) from err
    _drop_repeated_boxes(pages, size[1])
    slides = _to_slides(pages, size)
    ids = [slide.slide_id for slide in presentation.slides]
    for slide in slides:
        slide.section = sections.get(ids[slide.location.number - 1])
    merge_continued_tables(slides)
    return Deck(slides, describe_source(path, "pptx"), warnings)


def _sections(presentation) -> dict[int, str]:
    """The name of the section each slide is filed under, by slide id (p14:sectionLst)."""
    found: dict[int, str] = {}
    for section in xml(presentation).iter(SECTION):
        for slide in section.iter(SECTION_SLIDE):
            if slide.get("id", "").isdigit() and section.get("name", "").strip():
                found[int(slide.get("id"))] = section.get("name").strip()
    return found


def _points(emu: int | None, default: float) -> float:
    """EMU in points; a deck that gives no slide size has PowerPoint's 4:3 default."""
    return round(emu / EMU_PER_POINT, 2) if emu else default


def _drop_repeated_boxes(pages: list[SlideText], height: float) -> None:
    """Leave out text boxes that repeat at one place near the edge of most slides."""
    candidates = [
        [(shape, Placed(_shape_text(shape), shape.box)) for shape in page.shapes if _plain(shape)]
        for page in pages
    ]
    found = furniture([[p for _, p in c] for c in candidates], [height] * len(pages))
    for page, pairs, indexes in zip(pages, candidates, found, strict=True):
        dropped = {id(pairs[i][0]) for i in indexes}
        page.shapes = [shape for shape in page.shapes if id(shape) not in dropped]


def _plain(shape: ShapeText) -> bool:
    """A text box or shape holding paragraphs only, with a known position."""
    if shape.placeholder or shape.box is None:
        return False
    return all(isinstance(item, StyledParagraph) for item in shape.items)


def _shape_text(shape: ShapeText) -> str:
    return "\n".join(item.content.text for item in shape.items)


def _to_slides(pages: list[SlideText], size: tuple[float, float]) -> list[Slide]:
    items_all = [i for page in pages for shape in page.shapes for i in shape.items]
    paragraphs = [i for i in items_all if isinstance(i, StyledParagraph)]
    body = body_size(paragraphs)
    levels = heading_levels(paragraphs, body)
    slides = []
    for page in pages:
        title = page.title
        heading = Heading(title.content, 1, title.location, title.box) if title else None
        blocks: list[Block] = [
            i if isinstance(i, Table) else to_block(i, body, levels)
            for shape in page.shapes
            for i in shape.items
        ]
        slides.append(Slide(heading, blocks, page.location, size))
    return slides


def read_slide(slide, styles: DeckStyles, location: Location, title_zone: float) -> SlideText:
    """A slide's title and its shapes' paragraphs and tables in reading order.

    Shapes are read as lxml elements: python-pptx's shape objects cost more than the reading.
    """
    layout, part = slide.slide_layout, slide.part
    units = list(_units(xml(slide).cSld.spTree, SLIDE, layout))
    read: dict[int, ShapeText] = {}
    for unit in _leaves(units):
        shape = unit.shape
        placeholder = placeholder_kind(shape) is not None
        if _is_table(shape):
            table = read_table(shape.graphic.graphicData.tbl, part, location, unit.box)
            read[id(shape)] = ShapeText([table] if table.rows else [], unit.box, placeholder)
        elif shape.tag == SHAPE:
            chain = styles.chain(shape, layout)
            body = first_child(shape, TEXT_BODY)
            paragraphs = read_paragraphs(body, part, chain, location, unit.box)
            read[id(shape)] = ShapeText(paragraphs, unit.box, placeholder)
    title_unit = _title_unit(units, read, styles, layout, title_zone)
    title = None
    if title_unit is not None:
        title = _joined(read.pop(id(title_unit.shape)).items, location, title_unit.box)
    kept = _pruned(units, {key for key, shape in read.items() if shape.items})
    shapes = [read[id(unit.shape)] for unit in _ordered(kept)]
    return SlideText(location, title, _grid_tables(shapes, location))


def _grid_tables(shapes: list[ShapeText], location: Location) -> list[ShapeText]:
    """Shapes laid edge to edge as a table's cells (parsers.box_grid) read as one table."""
    grids = box_grids([_grid_box(shape) for shape in shapes])
    replaced: dict[int, ShapeText | None] = {}
    for grid in grids:
        cells = [c.index for row in grid for c in row if c.index is not None]
        rows = [Row([_grid_cell(shapes, cell) for cell in row], location) for row in grid]
        box = Box.around(shapes[i].box for i in cells)
        replaced |= dict.fromkeys(cells)  # a cell's shape is read in its table only
        replaced[min(cells)] = ShapeText([Table(rows, location, box)], box, False)
    read = (replaced.get(i, shape) for i, shape in enumerate(shapes))
    return [shape for shape in read if shape is not None]


def _grid_box(shape: ShapeText) -> Box | None:
    """Where a shape sits, if it is a text box with some text that may be a table's cell."""
    return shape.box if shape.items and _plain(shape) else None


def _grid_cell(shapes: list[ShapeText], cell: GridCell) -> Cell:
    if cell.index is None:
        return Cell(RichText(""), cell.span)
    texts = [item.content for item in shapes[cell.index].items]
    bold = all(text.bold for text in texts)
    links = [link for text in texts for link in text.links]
    content = RichText("\n".join(text.text for text in texts), bold, links)
    return Cell(content, cell.span, 1, shapes[cell.index].box)


def _units(tree: etree._Element, transform: Transform, layout) -> Iterator[_Unit]:
    """Shapes in document order with their boxes, groups holding theirs; furniture left out."""
    for shape in tree.iterchildren(*SHAPE_TAGS):
        box = shape_box(shape, transform, layout)
        if shape.tag == GROUP:
            inner = group_transform(shape, transform)
            yield _Unit(shape, box, list(_units(shape, inner, layout)))
        elif placeholder_kind(shape) not in SKIPPED_PLACEHOLDERS:
            yield _Unit(shape, box)


def _leaves(units: list[_Unit]) -> Iterator[_Unit]:
    for unit in units:
        if unit.shape.tag == GROUP:
            yield from _leaves(unit.children)
        else:
            yield unit


def _pruned(units: list[_Unit], kept: set[int]) -> list[_Unit]:
    """The units that read as something; a group's box shrinks to what is read in it."""
    result = []
    for unit in units:
        if unit.shape.tag != GROUP:
            if id(unit.shape) in kept:
                result.append(unit)
            continue
        children = _pruned(unit.children, kept)
        if children:
            box = Box.around(child.box for child in children) or unit.box
            result.append(_Unit(unit.shape, box, children))
    return result


def _ordered(units: list[_Unit]) -> list[_Unit]:
    """Shapes in reading order by position; those with no known position last, as they come."""
    placed = [unit for unit in units if unit.box is not None]
    regions = reading_order(placed, _bbox)
    ordered = [unit for region in regions for unit in region]
    ordered += [unit for unit in units if unit.box is None]
    result: list[_Unit] = []
    for unit in ordered:
        result += _ordered(unit.children) if unit.shape.tag == GROUP else [unit]
    return result


def _bbox(unit: _Unit) -> tuple[float, float, float, float]:
    box = unit.box
    return (box.x0, box.top, box.x1, box.bottom)


def _is_table(shape: etree._Element) -> bool:
    return shape.tag == GRAPHIC_FRAME and shape.graphicData_uri == GRAPHIC_DATA_URI_TABLE


def _title_unit(units, read: dict[int, ShapeText], styles, layout, title_zone: float):
    """The title placeholder with text, else the text box with the largest text near the top."""
    leaves = [unit for unit in _leaves(units) if unit.shape.tag == SHAPE]
    for unit in leaves:
        if placeholder_kind(unit.shape) in TITLE_TYPES and read[id(unit.shape)].items:
            return unit
    shapes = [read[id(unit.shape)] for unit in leaves]
    cells = {c.index for g in box_grids([_grid_box(s) for s in shapes]) for r in g for c in r}
    leaves = [unit for index, unit in enumerate(leaves) if index not in cells]  # no table's
    best, best_size = None, 0.0
    for unit in leaves:
        shape = unit.shape
        if not read[id(shape)].items or unit.box is None:
            continue
        chain = styles.chain(shape, layout)
        size = max((chain.size(first_child(r, R_PR), 0) for r in shape.iter(RUN)), default=0.0)
        if size > best_size:
            best, best_size = unit, size
    if best is None or best.box.top > title_zone:
        return None
    lines = first_child(best.shape, TEXT_BODY).iterchildren(PARAGRAPH)
    return best if sum(1 for _ in lines) <= 2 else None


def read_paragraphs(
    body: etree._Element | None,
    part,
    chain: StyleChain,
    location: Location,
    box: Box | None = None,
) -> list[StyledParagraph]:
    """The non-empty paragraphs of a shape's text body, with size, bullet level and box."""
    paragraphs = []
    for p in body.iterchildren(PARAGRAPH) if body is not None else ():
        props = first_child(p, P_PR)
        level = int(props.get("lvl", "0")) if props is not None else 0
        runs, sizes = _runs(p, part, chain, level)
        content = rich_from_runs(runs)
        if not content.text or (_has_furniture_field(p) and FIELD_LABEL.fullmatch(content.text)):
            continue
        bullet = level if chain.bulleted(props, level) else None
        size = max(sizes, key=sizes.get) if sizes else chain.size(None, level)
        paragraphs.append(StyledParagraph(content, size, location, bullet, box))
    return paragraphs


def _is_furniture_field(element: etree._Element) -> bool:
    """An inserted slide-number or date field: it shows the page, not content."""
    kind = (element.get("type") or "").casefold()
    return element.tag == FIELD and (kind == "slidenum" or kind.startswith("datetime"))


def _has_furniture_field(p: etree._Element) -> bool:
    return any(_is_furniture_field(child) for child in p.iterchildren(FIELD))


def _runs(p: etree._Element, part, chain: StyleChain | None, level: int):
    """The runs of a paragraph, and how many characters are set in each size."""
    runs: list[Run] = []
    sizes: dict[float, int] = {}
    for child in p:
        tag = child.tag
        if tag == BREAK:
            runs.append(Run("\n"))
        elif tag == RUN or (tag == FIELD and not _is_furniture_field(child)):
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


def _joined(paragraphs: list[Item], location: Location, box: Box | None) -> StyledParagraph:
    runs = [Run(p.content.text + "\n", p.content.bold) for p in paragraphs]
    return StyledParagraph(rich_from_runs(runs), paragraphs[0].size, location, None, box)


def read_table(tbl: etree._Element, part, location: Location, box: Box | None = None) -> Table:
    """A table's rows; a merged cell appears once, at its origin, with its spans and box."""
    grid = cell_boxes(tbl, box) if box is not None else {}
    rows: list[Row] = []
    for r, tr in enumerate(tbl.iterchildren(TABLE_ROW)):
        cells, spanned = [], False
        for c, tc in enumerate(tr.iterchildren(TABLE_CELL)):
            if tc.get("hMerge") in TRUE or tc.get("vMerge") in TRUE:
                spanned = True
                continue
            span = int(tc.get("gridSpan", "1")), int(tc.get("rowSpan", "1"))
            covered = (grid.get((r + i, c + j)) for i in range(span[1]) for j in range(span[0]))
            cells.append(Cell(_cell_text(tc, part), *span, Box.around(covered)))
        if spanned or any(c.text for c in cells):
            rows.append(Row(cells, location))
    frame = Box.around([box, *grid.values()]) if box is not None else None
    return Table(rows, location, frame)


def _cell_text(tc: etree._Element, part):
    runs: list[Run] = []
    body = first_child(tc, TABLE_TEXT)
    for p in body.iterchildren(PARAGRAPH) if body is not None else ():
        runs += _runs(p, part, None, 0)[0] + [Run("\n")]
    return rich_from_runs(runs)
