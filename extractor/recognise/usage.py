"""How much of a deck's text recognition put to use: the "text used" figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsers.deck import Block, Table

if TYPE_CHECKING:
    from extractor.recognise.tables import GridRow


@dataclass
class Usage:
    """Characters of text read, and how many of them went into the plan."""

    total: int = 0
    used: int = 0

    def count(self, chars: int, used: bool) -> None:
        """Count a block's or row's characters, used or not."""
        self.total += chars
        self.used += chars if used else 0

    def reuse(self, chars: int) -> None:
        """Count as used characters first counted as unused."""
        self.used = min(self.used + chars, self.total)

    def unuse(self, chars: int) -> None:
        """Take back characters counted as used that, in the end, went nowhere."""
        self.used -= min(chars, self.used)

    @property
    def share(self) -> float:
        """The share of characters used, 0 to 1 (1 for a deck without text)."""
        return round(self.used / self.total, 3) if self.total else 1.0


def block_chars(block: Block) -> int:
    """The characters of a block's text, spaces aside."""
    if isinstance(block, Table):
        return sum(text_chars(cell.text) for row in block.rows for cell in row.cells)
    return text_chars(block.text)


def row_chars(row: GridRow) -> int:
    """The characters of a table row, each merged cell once."""
    return sum(text_chars(cell.text) for cell in row.source.cells)


def text_chars(text: str) -> int:
    """The characters of a text, spaces aside."""
    return len("".join(text.split()))  # split() cuts at exactly the str.isspace() characters
