"""Where PowerPoint shapes sit on their slide, in points from the slide's top-left corner.

A shape's position is its own a:xfrm (offset and extent in EMU); a placeholder without one
takes its layout placeholder's (same idx, else same type), and that one its master's (same base
type). A shape inside a group is positioned in the group's child coordinates: the group's xfrm
maps its child box (chOff, chExt) onto its box on the slide (off, ext), groups within groups
compose. A shape turned by a quarter turn occupies its extent turned about its centre.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.oxml.ns import qn

from parsers.deck import Box
from parsers.pptx_style import (
    first_child,
    matching_placeholder,
    placeholder_idx,
    placeholder_kind,
    xml,
)

EMU_PER_POINT = 12700
XFRM, P_XFRM, OFF, EXT = qn("a:xfrm"), qn("p:xfrm"), qn("a:off"), qn("a:ext")
CH_OFF, CH_EXT = qn("a:chOff"), qn("a:chExt")
PROPERTY_TAGS = (qn("p:spPr"), qn("p:grpSpPr"))
GRID, GRID_COL, ROW = qn("a:tblGrid"), qn("a:gridCol"), qn("a:tr")
# the master placeholder a layout placeholder of each type takes its position from
MASTER_TYPES = {"title": "title", "ctrTitle": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}


@dataclass(frozen=True)
class Transform:
    """Maps a group's child coordinates (EMU) onto the slide: x' = x * sx + dx."""

    sx: float = 1.0
    sy: float = 1.0
    dx: float = 0.0
    dy: float = 0.0

    def box(self, x: float, y: float, cx: float, cy: float) -> Box:
        """A rectangle in child coordinates as a Box on the slide, in points."""
        left, top = x * self.sx + self.dx, y * self.sy + self.dy
        right, bottom = left + cx * self.sx, top + cy * self.sy
        return Box(*(round(v / EMU_PER_POINT, 2) for v in (left, top, right, bottom)))

    def then(self, outer: Transform) -> Transform:
        """This transform followed by the outer one."""
        return Transform(
            self.sx * outer.sx,
            self.sy * outer.sy,
            self.dx * outer.sx + outer.dx,
            self.dy * outer.sy + outer.dy,
        )


SLIDE = Transform()


def group_transform(group: etree._Element, outer: Transform) -> Transform:
    """The transform of a group's children: its child box onto its box, then the outer one."""
    xfrm = _xfrm(group)
    if xfrm is None:
        return outer
    off, ext = _pair(xfrm, OFF, "x", "y"), _pair(xfrm, EXT, "cx", "cy")
    ch_off, ch_ext = _pair(xfrm, CH_OFF, "x", "y"), _pair(xfrm, CH_EXT, "cx", "cy")
    if None in (off, ext):
        return outer
    ch_off = ch_off or off
    ch_ext = ch_ext or ext
    sx = ext[0] / ch_ext[0] if ch_ext[0] else 1.0
    sy = ext[1] / ch_ext[1] if ch_ext[1] else 1.0
    local = Transform(sx, sy, off[0] - ch_off[0] * sx, off[1] - ch_off[1] * sy)
    return local.then(outer)


def shape_box(shape: etree._Element, transform: Transform, layout) -> Box | None:
    """A shape's box on the slide; a placeholder without a position takes the inherited one."""
    xfrm = _xfrm(shape)
    if xfrm is None and transform is SLIDE and placeholder_kind(shape) is not None:
        xfrm = _inherited_xfrm(shape, layout)
    if xfrm is None:
        return None
    off, ext = _pair(xfrm, OFF, "x", "y"), _pair(xfrm, EXT, "cx", "cy")
    if off is None or ext is None:
        return None
    x, y, cx, cy = *off, *ext
    if _quarter_turned(xfrm):
        x, y, cx, cy = x + (cx - cy) / 2, y + (cy - cx) / 2, cy, cx
    return transform.box(x, y, cx, cy)


def cell_boxes(tbl: etree._Element, frame: Box) -> dict[tuple[int, int], Box]:
    """The box of each grid cell of a table (row, column), from column widths and row heights."""
    grid = first_child(tbl, GRID)
    widths = [_emu(col.get("w")) for col in grid.iterchildren(GRID_COL)] if grid is not None else []
    heights = [_emu(tr.get("h")) for tr in tbl.iterchildren(ROW)]
    xs = _edges(frame.x0, widths)
    ys = _edges(frame.top, heights)
    return {
        (row, column): Box(xs[column], ys[row], xs[column + 1], ys[row + 1])
        for row in range(len(heights))
        for column in range(len(widths))
    }


def _edges(start: float, lengths: list[int]) -> list[float]:
    edges = [start]
    for length in lengths:
        edges.append(round(edges[-1] + length / EMU_PER_POINT, 2))
    return edges


def _inherited_xfrm(shape: etree._Element, layout) -> etree._Element | None:
    """The position a placeholder inherits: its layout placeholder's, else the master's."""
    kind = placeholder_kind(shape)
    on_layout = matching_placeholder(xml(layout), placeholder_idx(shape), kind)
    xfrm = _xfrm(on_layout) if on_layout is not None else None
    if xfrm is not None:
        return xfrm
    base = placeholder_kind(on_layout) if on_layout is not None else kind
    on_master = matching_placeholder(xml(layout.slide_master), None, MASTER_TYPES.get(base, "body"))
    return _xfrm(on_master) if on_master is not None else None


def _xfrm(shape: etree._Element) -> etree._Element | None:
    """The a:xfrm in a shape's properties, or a graphic frame's p:xfrm."""
    for child in shape:
        if child.tag in PROPERTY_TAGS:
            return first_child(child, XFRM)
        if child.tag == P_XFRM:
            return child
    return None


def _pair(xfrm: etree._Element, tag: str, first: str, second: str) -> tuple[int, int] | None:
    element = first_child(xfrm, tag)
    if element is None:
        return None
    return _emu(element.get(first)), _emu(element.get(second))


def _emu(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _quarter_turned(xfrm: etree._Element) -> bool:
    degrees = (_emu(xfrm.get("rot")) / 60000) % 180
    return 45 <= degrees < 135
