"""The format-neutral Deck that every parser produces and the extractor reads."""

from __future__ import annotations

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
class Link:
    """A hyperlink: the text it covers and its target."""

    text: str
    url: str


@dataclass
class RichText:
    """Text with line breaks kept as newlines, whether all of it is bold, and its links."""

    text: str
    bold: bool = False
    links: list[Link] = field(default_factory=list)


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


@dataclass
class Paragraph(_Text):
    """A paragraph of running text."""

    content: RichText
    location: Location


@dataclass
class ListItem(_Text):
    """A bullet or numbered item; level 0 is the outermost."""

    content: RichText
    level: int
    location: Location


@dataclass
class Cell(_Text):
    """A table cell; a merged cell appears once, at its origin, with its spans."""

    content: RichText
    col_span: int = 1
    row_span: int = 1


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


Block = Heading | Paragraph | ListItem | Table


@dataclass
class Slide:
    """One slide, page or markdown section: its title and its blocks in reading order."""

    title: Heading | None
    blocks: list[Block]
    location: Location


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
