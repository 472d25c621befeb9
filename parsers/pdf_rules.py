"""Tables drawn with horizontal rules only, as word processors' table styles often draw them.

Rules of one width stacked on a page cut it into bands; consecutive bands whose text leaves
the same vertical gutters free, each with a short cell (a label, a name), are rows of one
table, its columns split at those gutters.
Without any vertical line, pdfplumber's table finder sees no cells there.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.pdf_text import inside, segments

BBox = tuple[float, float, float, float]
MIN_RULE = 36.0  # points: a shorter horizontal line is not a table rule
SAME_RULE = 2.0  # points: rule ends or heights this close are the same
MIN_BANDS = 2
MAX_CELL_LINES = 3  # a row has a cell of at most this many lines (its label)


def rule_grids(page, chars: Sequence[dict], taken: Sequence[BBox]) -> list[tuple[list, list]]:
    """The column and row edges (xs, ys) of each table drawn with horizontal rules only."""
    grids = []
    for left, right, ys in _rule_stacks(page, taken):
        bands = [(top, bottom) for top, bottom in zip(ys, ys[1:], strict=False)]
        texts = [[c for c in chars if inside((left, t, right, b), c)] for t, b in bands]
        run: list[int] = []
        for index, band_chars in enumerate([*texts, []]):
            gutters = _gutters(band_chars, left, right) if band_chars else []
            gutters = gutters if _row_like(band_chars, gutters) else []
            shared = _shared([_gutters(texts[i], left, right) for i in run] + [gutters])
            if band_chars and gutters and (not run or shared):
                run.append(index)
                continue
            grid = _grid(run, bands, texts, left, right)
            if grid and not any(_overlap(grid, box) for box in taken):
                grids.append(grid)
            run = [index] if band_chars and gutters else []
    return grids


def _rule_stacks(page, taken: Sequence[BBox]) -> list[tuple[float, float, list[float]]]:
    """Horizontal rules grouped by their ends: (left, right, heights top to bottom)."""
    stacks: list[tuple[float, float, list[float]]] = []
    for edge in sorted(page.horizontal_edges, key=lambda e: e["top"]):
        x0, x1, y = edge["x0"], edge["x1"], edge["top"]
        if x1 - x0 < MIN_RULE or any(_within(t, x0, x1, y) for t in taken):
            continue
        stack = next(
            (s for s in stacks if abs(s[0] - x0) <= SAME_RULE and abs(s[1] - x1) <= SAME_RULE),
            None,
        )
        if stack is None:
            stacks.append((x0, x1, [y]))
        elif y - stack[2][-1] > SAME_RULE:
            stack[2].append(y)
    return [s for s in stacks if len(s[2]) > MIN_BANDS]


def _overlap(grid: tuple[list, list], box: BBox) -> bool:
    """Whether a grid overlaps a table already found (it would hold what is left around it)."""
    xs, ys = grid
    return min(xs[-1], box[2]) > max(xs[0], box[0]) and min(ys[-1], box[3]) > max(ys[0], box[1])


def _within(box: BBox, x0: float, x1: float, y: float) -> bool:
    return box[0] - SAME_RULE <= x0 and x1 <= box[2] + SAME_RULE and box[1] - 1 <= y <= box[3] + 1


def _gutters(chars: list[dict], left: float, right: float) -> list[tuple[float, float]]:
    """The gaps between the text of a band that run from its top to its bottom."""
    spans = sorted((s.x0, s.x1) for s in segments(chars))
    gaps: list[tuple[float, float]] = []
    reach = None
    for x0, x1 in spans:
        if reach is not None and x0 > reach:
            gaps.append((reach, x0))
        reach = x1 if reach is None else max(reach, x1)
    return [(a, b) for a, b in gaps if left < a and b < right]


def _row_like(chars: list[dict], gutters: list[tuple[float, float]]) -> bool:
    """Whether a band reads as one table row: some cell of it holds a few lines at most.

    A band between two rules that holds columns of long text in every column is a section of
    the page, not a row.
    """
    edges = [(a + b) / 2 for a, b in gutters]
    lines: dict[int, set[float]] = {}
    for segment in segments(chars):
        column = sum(1 for edge in edges if edge < segment.x0)
        lines.setdefault(column, set()).add(round(segment.bottom))
    return bool(lines) and min(len(found) for found in lines.values()) <= MAX_CELL_LINES


def _shared(gutter_sets: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """The gutters free in every band."""
    shared = gutter_sets[0]
    for gutters in gutter_sets[1:]:
        shared = [
            (max(a0, b0), min(a1, b1))
            for a0, a1 in shared
            for b0, b1 in gutters
            if min(a1, b1) > max(a0, b0)
        ]
    return shared


def _grid(run, bands, texts, left: float, right: float) -> tuple[list, list] | None:
    if len(run) < MIN_BANDS:
        return None
    shared = _shared([_gutters(texts[i], left, right) for i in run])
    if not shared:
        return None
    xs = [left, *((a + b) / 2 for a, b in shared), right]
    ys = [bands[run[0]][0], *(bands[i][1] for i in run)]
    return xs, ys
