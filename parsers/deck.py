"""The format-neutral Deck that every parser produces and the extractor reads.

Geometry: for slides and pages (PPTX, PDF) each block carries its `box`, where it sits on its
slide or page, and each slide its `size`; both are in points (1/72 inch) with the origin at the
top-left corner, y growing downwards. Formats without a layout (markdown, HTML) leave them None,
and so may a PowerPoint shape whose position is given nowhere. A block's box is the box of what
it was read from: the text box or placeholder of a PowerPoint paragraph (the paragraphs of one
text box share it), the lines of a PDF paragraph, the frame of a table; table cells carry their
cell's box when the format gives one. Boxes are for grouping by layout (cards, label and value
side by side, columns); the plan does not carry them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

LocationKind = Literal["slide", "page", "line"]
SourceFormat = Literal["markdown", "html", "pdf", "pptx"]


@dataclass(frozen=True)
class Location:
    """Where a block sits in its source: a slide, a page or a line number."""

    kind: LocationKind
    number: int

    def __str__(self) -> str:
        return f"{self.kind} {self.number}"


@dataclass(frozen=True)
class Box:
    """Where something sits on its slide or page, in points from the top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        """Its width in points."""
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        """Its height in points."""
        return self.bottom - self.top

    @staticmethod
    def around(boxes: Iterable[Box | None]) -> Box | None:
        """The smallest box holding all the given boxes (None ones ignored); None if none."""
        found = [b for b in boxes if b is not None]
        if not found:
            return None
        return Box(
            min(b.x0 for b in found),
            min(b.top for b in found),
            max(b.x1 for b in found),
            max(b.bottom for b in found),
        )


@dataclass(frozen=True)
class Link:
    """A hyperlink: the text it covers and its target."""

    text: str
    url: str


@dataclass
class RichText:
    """Text with line breaks kept as newlines, whether all of it is bold, and its links.

    labels are the run-in labels of a text not all bold, in order: words set in bold and
    followed by plain words ("**Leader** Jane Roe" gives ["Leader"]).
    """

    text: str
    bold: bool = False
    links: list[Link] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


class _Text:
    """A block whose words are its content's text."""

    content: RichText

    @property
    def text(self) -> str:
        """The block's plain text, line breaks kept as newlines."""
        return self.content.text


@dataclass
class Heading(_Text):
    """A heading; level 1 is the largest."""

    content: RichText
    level: int
    location: Location
    box: Box | None = None


@dataclass
class Paragraph(_Text):
    """A paragraph of running text."""

    content: RichText
    location: Location
    box: Box | None = None


@dataclass
class ListItem(_Text):
    """A bullet or numbered item; level 0 is the outermost."""

    content: RichText
    level: int
    location: Location
    box: Box | None = None


@dataclass
class Cell(_Text):
    """A table cell; a merged cell appears once, at its origin, with its spans."""

    content: RichText
    col_span: int = 1
    row_span: int = 1
    box: Box | None = None


@dataclass
class Row:
    """A table row and where it sits."""

    cells: list[Cell]
    location: Location


@dataclass
class Table:
    """A table as rows of cells; the first row is usually the header."""

    rows: list[Row]
    location: Location
    box: Box | None = None


Block = Heading | Paragraph | ListItem | Table


@dataclass
class Slide:
    """One slide, page or markdown section: its title and its blocks in reading order.

    size is the slide's or page's (width, height) in points; None for formats without pages.
    section is the name of the part of the deck the slide is filed under (PowerPoint's
    sections), if the format has them.
    """

    title: Heading | None
    blocks: list[Block]
    location: Location
    size: tuple[float, float] | None = None
    section: str | None = None


@dataclass(frozen=True)
class Source:
    """The file a deck was read from."""

    path: str
    sha256: str
    format: SourceFormat


@dataclass
class Deck:
    """An ordered list of slides read from one file."""

    slides: list[Slide]
    source: Source
    warnings: list[str] = field(default_factory=list)
