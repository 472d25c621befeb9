"""Reading order of boxes on a page from their layout alone, column by column.

PDF producers write text in whatever order shapes were drawn, not in reading order. Boxes are
ordered by recursive cuts: a region is cut first into columns at vertical gutters that no box
crosses, else into horizontal bands; consecutive bands are read together as columns when they
share gutters (three working groups side by side are read one column after the other).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom
MIN_GUTTER = 12.0  # points; a narrower vertical gap between boxes is not a column gutter
MIN_ROW_CELLS = 3
ROW_ALIGN = 0.5  # boxes whose tops differ by less than half the lowest one's height are a row


def reading_order(items: Sequence[T], bbox: Callable[[T], BBox]) -> list[list[T]]:
    """Items in reading order, grouped by the column each was read in."""
    return _order(list(items), bbox)


def _order(items: list[T], bbox: Callable[[T], BBox]) -> list[list[T]]:
    if len(items) <= 1:
        return [items] if items else []
    columns = _columns(items, bbox)
    if len(columns) > 1:
        row = _row_of_cells(columns, bbox)
        if row:
            rest = [item for item in items if not any(item is cell for cell in row)]
            return [row, *_order(rest, bbox)]
        return [region for column in columns for region in _order(column, bbox)]
    bands = _bands(items, bbox)
    if len(bands) == 1:
        return [sorted(items, key=lambda i: (bbox(i)[1], bbox(i)[0]))]
    regions: list[list[T]] = []
    for group in _group_bands(bands, bbox):
        if len(group) == len(items):
            regions.append(sorted(items, key=lambda i: (bbox(i)[1], bbox(i)[0])))
        else:
            regions += _order(group, bbox)
    return _merge_single(regions, bbox)


def _columns(items: list[T], bbox: Callable[[T], BBox]) -> list[list[T]]:
    """Split at vertical gutters that no item crosses, left to right.

    Neighbouring columns must sit side by side (some of their items share a height); a line
    that is merely short or centred does not make a column.
    """
    ordered = sorted(items, key=lambda i: bbox(i)[0])
    gutters = _gutters(ordered, bbox)
    # Every gutter first; else only the widest: tiles side by side whose own parts are not
    # aligned (a title set right of its label) still split at the wide gap between tiles.
    widest = [max(gutters, key=lambda g: g[1])] if len(gutters) > 1 else []
    for cuts in (gutters, widest):
        columns = _cut(ordered, [index for index, _ in cuts])
        if len(columns) > 1 and all(
            _side_by_side(a, b, bbox) for a, b in zip(columns, columns[1:], strict=False)
        ):
            return columns
    return [items]


def _gutters(ordered: list[T], bbox: Callable[[T], BBox]) -> list[tuple[int, float]]:
    """Where, in items sorted by left edge, a gap no item crosses opens: (index, width)."""
    gutters = []
    right = bbox(ordered[0])[2]
    for index, item in enumerate(ordered[1:], start=1):
        x0, _, x1, _ = bbox(item)
        if x0 - right >= MIN_GUTTER:
            gutters.append((index, x0 - right))
        right = max(right, x1)
    return gutters


def _cut(ordered: list[T], at: list[int]) -> list[list[T]]:
    """Items sorted by left edge, cut before the given indexes."""
    bounds = [0, *at, len(ordered)]
    return [ordered[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _row_of_cells(columns: list[list[T]], bbox: Callable[[T], BBox]) -> list[T]:
    """The top items of columns that are one row of cells, to be read before the rest.

    Three or more columns of one item each but one, all starting on one line, are a row of
    cells with text under one of them (the last row of a table, text under its first cell): the
    row is read first, the text under it after. Two columns are two columns, however short the
    one on the right. Returns [] for other columns.
    """
    if len(columns) < MIN_ROW_CELLS or sum(1 for column in columns if len(column) > 1) > 1:
        return []
    tops = [min(column, key=lambda i: bbox(i)[1]) for column in columns]
    lowest = min(bbox(i)[3] - bbox(i)[1] for i in tops) * ROW_ALIGN
    if max(bbox(i)[1] for i in tops) - min(bbox(i)[1] for i in tops) > lowest:
        return []
    return tops if any(len(column) > 1 for column in columns) else []


def _side_by_side(left: list[T], right: list[T], bbox: Callable[[T], BBox]) -> bool:
    return any(
        min(bbox(a)[3], bbox(b)[3]) > max(bbox(a)[1], bbox(b)[1]) for a in left for b in right
    )


def _bands(items: list[T], bbox: Callable[[T], BBox]) -> list[list[T]]:
    """Split at horizontal gaps that no item crosses, top to bottom."""
    ordered = sorted(items, key=lambda i: bbox(i)[1])
    bands: list[list[T]] = [[ordered[0]]]
    bottom = bbox(ordered[0])[3]
    for item in ordered[1:]:
        _, top, _, item_bottom = bbox(item)
        if top >= bottom:
            bands.append([])
        bands[-1].append(item)
        bottom = max(bottom, item_bottom)
    return bands


def _group_bands(bands: list[list[T]], bbox: Callable[[T], BBox]) -> list[list[T]]:
    """Join consecutive bands that still split into the same columns when read together."""
    groups: list[list[T]] = []
    for band in bands:
        if groups:
            joined = groups[-1] + band
            split = len(_columns(groups[-1], bbox)) > 1 or len(_columns(band, bbox)) > 1
            if split and len(_columns(joined, bbox)) > 1:
                groups[-1] = joined
                continue
        groups.append(list(band))
    return groups


def _merge_single(regions: list[list[T]], bbox: Callable[[T], BBox]) -> list[list[T]]:
    """Consecutive one-column regions stacked top to bottom are one region."""
    merged: list[list[T]] = []
    for region in regions:
        if merged and _stacked(merged[-1], region, bbox):
            merged[-1] = merged[-1] + region
        else:
            merged.append(region)
    return merged


def _stacked(upper: list[T], lower: list[T], bbox: Callable[[T], BBox]) -> bool:
    """Whether lower continues the column that upper ends in."""
    last = max(upper, key=lambda i: bbox(i)[3])
    x0, x1 = min(bbox(i)[0] for i in lower), max(bbox(i)[2] for i in lower)
    return min(bbox(last)[2], x1) > max(bbox(last)[0], x0)
