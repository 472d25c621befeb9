"""The report's charts, drawn by matplotlib as inline SVG: no script, text kept as text."""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from extractor.compare.kinds import ChangeKind
from extractor.writers.escape import visible_controls

WIDTH_IN = 4.2  # about a phone's width at 12 pt, so the text keeps its size when it is shown
ROW_IN = 0.34
LABELLED_ROW_IN = 0.5
BAR_HEIGHT = 0.45
NAME_WIDTH = 34  # characters of a group's name per line, over its bars on the timeline
NAME_ROW = 0.62  # rows that one line of a group's name takes
NAME_PAD = 0.3  # rows between a group's name and the line above it
BLOCK_GAP = 0.4  # rows between two groups on the timeline
STYLE = {
    "font.size": 12,
    "text.parse_math": False,  # names are text: "US$ 5% of $ 10 bn" is not mathtext
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "svg.fonttype": "none",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#8a94a6",
    "xtick.color": "#3a4353",
    "ytick.color": "#3a4353",
}
# The colours of working groups' statuses come from the profile ([report.status]).
GROUP_COLOUR = "#1f3b73"  # a thematic group's own bar
NO_STATUS_COLOUR = "#c6ccd6"  # a working group whose status the deck does not give
CHANGE_COLOURS = {
    ChangeKind.ADDED: "#2a9d6f",
    ChangeKind.REMOVED: "#c4423a",
    ChangeKind.RENAMED: "#7a5cc7",
    ChangeKind.MODIFIED: "#b7791f",
}
BAR_COLOUR = "#2f7fd1"
XML_PROLOGUE = re.compile(r"\A.*?(?=<svg)", re.DOTALL)
METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
# matplotlib names every group "figure_1", "text_3"...: the same ids in every chart of a page.
# Nothing refers to them (clip paths and markers have hashed ids), so they are dropped.
NUMBERED_ID = re.compile(r'\s+id="[\w.]+_\d+"')
# matplotlib opens every link in a new tab; links within the page stay in it.
NEW_TAB = re.compile(r'(xlink:href="#[^"]*") target="_blank"')


@dataclass(frozen=True)
class Span:
    """One row of a timeline: a label, its years (or None), its colour and its group's id."""

    label: str
    years: tuple[int, int] | None
    colour: str
    owner_id: str


@dataclass(frozen=True)
class Block:
    """A thematic group on the timeline: its name, then its own row and its working groups'."""

    name: str
    group_id: str
    rows: list[Span]


@contextmanager
def _figure(
    rows: float, salt: str, row_in: float = ROW_IN
) -> Iterator[tuple[Any, Callable[[], str]]]:
    """A one-axes figure sized for `rows` rows, and a function that returns it as SVG."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context({**STYLE, "svg.hashsalt": salt}):
        fig = Figure(figsize=(WIDTH_IN, 0.9 + row_in * max(rows, 1)), layout="constrained")
        yield fig.add_subplot(), lambda: _svg(fig)


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = XML_PROLOGUE.sub("", buffer.getvalue())
    return NEW_TAB.sub(r"\1", NUMBERED_ID.sub("", METADATA.sub("", text))).strip()


def timeline_svg(blocks: Sequence[Block], years: tuple[int, int], salt: str) -> str:
    """One chart of every group: each group's name over its own bar and its working groups'.

    The years run along the top and the bottom; a row without years says so; a group's name
    links to its card on the page (#group-<id>).
    """
    first, last = years
    tops, height = _block_tops(blocks)
    with _figure(height, salt) as (ax, svg):
        ticks: list[tuple[float, str]] = []
        for block, top in zip(blocks, tops, strict=True):
            lines = _name_lines(block.name)
            rows_top = top + NAME_PAD + NAME_ROW * len(lines)
            if top:
                ax.axhline(top - BLOCK_GAP / 2, color="#c6ccd6", linewidth=0.8)
            ax.text(first, rows_top - 0.1, "\n".join(lines), va="bottom", ha="left",
                    fontweight="bold", color=GROUP_COLOUR, url=f"#group-{block.group_id}",
                    gid=f"name-{block.group_id}")  # fmt: skip
            for row, span in enumerate(block.rows):
                centre = rows_top + row + 0.5
                ticks.append((centre, visible_controls(span.label)))
                _draw_span(ax, span, centre, first)
        ax.set_yticks([y for y, _ in ticks], [label for _, label in ticks])
        ax.set_ylim(height, 0)
        _year_axis(ax, first, last)
        return svg()


def _draw_span(ax: Any, span: Span, centre: float, first: int) -> None:
    if span.years is None:
        ax.text(first + 0.05, centre, "no years given", va="center", style="italic",
                color="#6b7485", gid=f"no-years-{span.owner_id}")  # fmt: skip
        return
    start, end = span.years
    ax.barh(centre, end - start + 1, left=start, height=0.62, color=span.colour,
            gid=f"timeline-{span.owner_id}")  # fmt: skip


def _year_axis(ax: Any, first: int, last: int) -> None:
    """Years as tick labels at the top and the bottom, with a faint line between two years."""
    ax.set_xlim(first, last + 1)
    ax.set_xticks([y + 0.5 for y in range(first, last + 1)], map(str, range(first, last + 1)))
    ax.tick_params(axis="x", length=0, labeltop=True)
    ax.tick_params(axis="y", length=0)
    for year in range(first + 1, last + 1):
        ax.axvline(year, color="#e3e7ee", linewidth=0.8, zorder=0)


def _name_lines(name: str) -> list[str]:
    return textwrap.wrap(visible_controls(name), NAME_WIDTH, max_lines=3, placeholder=" …") or [""]


def _block_tops(blocks: Sequence[Block]) -> tuple[list[float], float]:
    """Where each block starts, in rows from the top, and the height of them all."""
    tops, y = [], 0.0
    for block in blocks:
        tops.append(y)
        y += NAME_PAD + NAME_ROW * len(_name_lines(block.name)) + len(block.rows) + BLOCK_GAP
    return tops, max(y - BLOCK_GAP, 1)


def counts_svg(labels: Sequence[str], counts: Sequence[int], gids: Sequence[str], salt: str) -> str:
    """Horizontal bars, one per label, each with its count written at its end."""
    with _figure(len(labels), salt, LABELLED_ROW_IN) as (ax, svg):
        bars = ax.barh(range(len(labels)), counts, height=BAR_HEIGHT, color=BAR_COLOUR)
        for bar, gid in zip(bars, gids, strict=True):
            bar.set_gid(gid)
        ax.bar_label(bars, padding=3)
        _label_rows(ax, labels, max(counts, default=0))
        return svg()


def stacked_svg(
    labels: Sequence[str], series: dict[str, Sequence[int]], colours: dict[str, str], salt: str
) -> str:
    """Horizontal stacked bars: one row per label, one segment per series key (legend: HTML)."""
    with _figure(len(labels), salt, LABELLED_ROW_IN) as (ax, svg):
        left = [0] * len(labels)
        for key, values in series.items():
            ax.barh(range(len(labels)), values, left=left, height=BAR_HEIGHT, color=colours[key],
                    label=key, gid=f"series-{key}")  # fmt: skip
            left = [a + b for a, b in zip(left, values, strict=True)]
        _label_rows(ax, labels, max(left, default=0))
        return svg()


def _label_rows(ax: Any, labels: Sequence[str], top: int) -> None:
    """Each label above its bar, so that long names do not squeeze the bars on a narrow page."""
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    for row, label in enumerate(labels):
        ax.text(0, row - BAR_HEIGHT / 2 - 0.04, visible_controls(label), va="bottom", ha="left")
    ax.set_ylim(len(labels) - 0.5, -0.75)
    ax.set_xlim(0, max(top, 1) * 1.12)
    ax.xaxis.set_major_locator(_integer_locator())


def _integer_locator() -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)
