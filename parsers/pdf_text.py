"""PDF characters into line segments and paragraphs, with size, weight, bullets and links.

A segment is a run of characters on one baseline with no wide gap inside: words of one text
box, one table cell or one column. Paragraphs are segments stacked at line spacing in the same
size, so a title or cell broken over several lines reads as one piece of text again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from parsers.hyphens import LINE_BREAK, LINE_END_HYPHEN
from parsers.pdf_rotation import reads_upright
from parsers.runs import Run

BULLETS = frozenset("•◦▪■●○‣⁃–-*·►▸➢✓❖□◆◇")
DASHES = frozenset("-–—‐‑")
SOFT_HYPHEN = "\u00ad"
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold", re.I)
SAME_LINE = 0.35  # baselines closer than this many font sizes are one line
SEGMENT_GAP = 0.8  # a gap wider than this many font sizes ends a segment
WORD_GAP = 0.12  # a gap wider than this many font sizes is a space
LINE_GAP = 0.45  # lines closer than this many font sizes belong to one paragraph
WRAP_SLACK = 1.0  # a line ending closer than this many font sizes to its right edge is full


@dataclass
class Segment:
    """Characters on one baseline with no wide gap; a leading bullet glyph kept apart."""

    chars: list[dict]
    bullet: dict | None = None
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)

    def __post_init__(self) -> None:
        self.x0 = (self.bullet or self.chars[0])["x0"]
        self.x1 = self.chars[-1]["x1"]
        self.top = min(c["top"] for c in self.chars)
        self.bottom = max(c["bottom"] for c in self.chars)
        self.size = dominant_size(self.chars)


@dataclass
class TextBlock:
    """A paragraph as laid out on the page: its segments top to bottom."""

    lines: list[Segment] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The box around all its lines: x0, top, x1, bottom."""
        return (
            min(s.x0 for s in self.lines),
            self.lines[0].top,
            max(s.x1 for s in self.lines),
            self.lines[-1].bottom,
        )

    @property
    def size(self) -> float:
        """The font size most of its characters are set in."""
        return dominant_size([c for s in self.lines for c in s.chars])

    @property
    def bullet(self) -> dict | None:
        """The bullet glyph that opens it, if any."""
        return self.lines[0].bullet


def dominant_size(chars: Iterable[dict]) -> float:
    """The font size most characters are set in."""
    counts: dict[float, int] = {}
    for char in chars:
        size = round(char["size"] * 2) / 2
        counts[size] = counts.get(size, 0) + 1
    return max(counts, key=counts.get) if counts else 0.0


def is_bold(char: dict) -> bool:
    """Whether a character is set in a bold face, judged from its font name."""
    return bool(BOLD_FONT.search(char.get("fontname", "").split("+")[-1]))


def inside(box: tuple[float, float, float, float], char: dict) -> bool:
    """Whether a character's centre lies in a box (x0, top, x1, bottom)."""
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def text_chars(chars: Iterable[dict]) -> list[dict]:
    """Visible, upright characters."""
    return [c for c in chars if reads_upright(c) and c["text"].strip()]


def segments(chars: Sequence[dict]) -> list[Segment]:
    """Cut characters into segments, line by line from the top."""
    found: list[Segment] = []
    for line in _baselines(chars):
        found += _split_line(sorted(line, key=lambda c: c["x0"]))
    return found


def _baselines(chars: Sequence[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    level = None
    for char in sorted(chars, key=lambda c: c["bottom"]):
        if level is None or char["bottom"] - level > SAME_LINE * char["size"]:
            lines.append([])
            level = char["bottom"]
        lines[-1].append(char)
    return lines


def _split_line(line: list[dict]) -> list[Segment]:
    pieces: list[list[dict]] = [[line[0]]]
    for char in line[1:]:
        previous = pieces[-1][-1]
        gap = char["x0"] - previous["x1"]
        if gap > SEGMENT_GAP * max(char["size"], previous["size"]) and not _lone_bullet(pieces[-1]):
            pieces.append([])
        pieces[-1].append(char)
    result = []
    for piece in pieces:
        if _lone_bullet(piece[:1]) and len(piece) > 1 and _detached(piece[0], piece[1]):
            result.append(Segment(piece[1:], bullet=piece[0]))
        else:
            result.append(Segment(piece))
    return result


def _lone_bullet(piece: list[dict]) -> bool:
    return len(piece) == 1 and piece[0]["text"] in BULLETS


def _detached(bullet: dict, following: dict) -> bool:
    return following["x0"] - bullet["x1"] > WORD_GAP * following["size"] * 2


def paragraphs(found: Iterable[Segment], right: float | None = None) -> list[TextBlock]:
    """Stack segments into paragraphs: same size, overlapping, at line spacing, no new bullet,
    not starting left of the bullet that opens the paragraph.

    A line opening with a dash after a full line is the wrapped rest of that line, not a new
    bullet ("2024" / "- 2025" in a narrow cell): full means reaching the right edge the text is
    set to, given for a table cell, else the widest line of the paragraph so far.
    """
    blocks: list[TextBlock] = []
    for segment in sorted(found, key=lambda s: (s.top, s.x0)):
        target = next((b for b in reversed(blocks) if _continues(b, segment, right)), None)
        if target is None:
            blocks.append(TextBlock([segment]))
        elif segment.bullet is not None:
            target.lines.append(Segment([segment.bullet, *segment.chars]))
        else:
            target.lines.append(segment)
    return blocks


def _continues(block: TextBlock, segment: Segment, right: float | None) -> bool:
    last = block.lines[-1]
    size = segment.size
    gap = segment.top - last.bottom
    return (
        (segment.bullet is None or _wrapped_dash(block, segment, right))
        and abs(last.size - size) <= 0.6
        and -SAME_LINE * size < gap <= LINE_GAP * size
        and min(last.x1, segment.x1) > max(last.x0, segment.x0)
        and not _left_of_bullet(block, segment)
        and not _new_style(last, segment)
    )


def _new_style(last: Segment, segment: Segment) -> bool:
    """Whether a line set all in bold follows one set all in regular, or the other way round:
    a paragraph of its own (a title, then "Suggested Scope" in bold), not a wrapped line."""
    weights = [{is_bold(c) for c in line.chars if c["text"].strip()} for line in (last, segment)]
    return len(weights[0]) == len(weights[1]) == 1 and weights[0] != weights[1]


def _left_of_bullet(block: TextBlock, segment: Segment) -> bool:
    """Whether a line starts left of the bullet opening the block: the wrapped lines of an
    item start under its text, or under its bullet, never further left (an unbulleted
    "Timeline: 2025" after a nested item is a paragraph of its own)."""
    bullet = block.bullet
    return bullet is not None and segment.x0 < bullet["x0"] - WORD_GAP * segment.size


def _wrapped_dash(block: TextBlock, segment: Segment, right: float | None) -> bool:
    """Whether a dash-led line continues the full line above it."""
    if segment.bullet["text"] not in DASHES:
        return False
    opening = block.bullet
    if opening is not None and abs(opening["x0"] - segment.bullet["x0"]) <= WORD_GAP * segment.size:
        return False  # a dash under the item's own bullet: the next item of the list
    if right is None and len(block.lines) < 2:
        return False
    edge = right if right is not None else max(line.x1 for line in block.lines)
    return block.lines[-1].x1 >= edge - WRAP_SLACK * segment.size


def runs(lines: Sequence[Segment], links: Sequence[dict]) -> list[Run]:
    """The styled runs of stacked lines, lines joined by a space.

    No space goes between the parts of a word broken with a hyphen (a soft hyphen, put in by
    hyphenation, is dropped too), nor between the parts of a link's address broken over two
    lines (the words on either side of the break, joined, are part of the link's address).
    """
    result: list[Run] = []
    for index, line in enumerate(lines):
        chars = line.chars
        if index:
            before = lines[index - 1].chars
            soft = before[-1]["text"] == SOFT_HYPHEN and len(before) > 1
            joiner = Run("") if soft else _joiner(before, chars, links)
            if joiner.text == "" and not soft and before[-1]["text"] == "-" and result:
                joiner = _mark_line_end_hyphen(result, joiner)
            elif joiner.text == " " and before[-1]["text"].isalpha() and chars[0]["text"].isalpha():
                joiner = Run(LINE_BREAK, joiner.bold, joiner.url)  # a word cut short? see hyphens
            result.append(joiner)
        if index < len(lines) - 1 and chars[-1]["text"] == SOFT_HYPHEN and len(chars) > 1:
            chars = chars[:-1]  # a hyphen put in by hyphenation: the word goes on
        result += _line_runs(chars, links)
    return _bridge_links(result)


def _bridge_links(result: list[Run]) -> list[Run]:
    """Plain text between two parts of one link belongs to it.

    Producers that draw one link rectangle per word or line sometimes misplace those of
    wrapped lines; the words they miss sit between parts that point to the same target.
    """
    linked = [i for i, run in enumerate(result) if run.url is not None]
    for before, after in zip(linked, linked[1:], strict=False):
        url = result[before].url
        if after - before > 1 and result[after].url == url:
            for index in range(before + 1, after):
                result[index] = Run(result[index].text, result[index].bold, url)
    return result


def _mark_line_end_hyphen(result: list[Run], joiner: Run) -> Run:
    """A hyphen ending a line inside a word ("ar-" "chitecture") may be hyphenation or part of
    the word ("e-" "meetings"): the deck as a whole decides (parsers/hyphens.py), so it is
    replaced by a mark, the joiner being empty."""
    last = result[-1]
    if last.text.endswith("-"):
        result[-1] = Run(last.text[:-1] + LINE_END_HYPHEN, last.bold, last.url)
    return joiner


def _joiner(before: Sequence[dict], following: Sequence[dict], links: Sequence[dict]) -> Run:
    last, after = before[-1], following[0]
    url = _url(last, links)
    shared = url if url is not None and _url(after, links) == url else None
    broken = (
        last["text"] == "-"
        and len(before) > 1
        and before[-2]["text"].isalpha()
        and last["x0"] - before[-2]["x1"] <= WORD_GAP * last["size"]
        and after["text"].isalpha()
    )
    if shared is not None and not broken:
        ending = "".join(c["text"] for c in _word(reversed(before))[::-1])
        start = "".join(c["text"] for c in _word(following))
        address = ending + start
        broken = len(address) > 1 and address.casefold() in shared.casefold()
        broken = broken or _cut_in_link_text(ending, start, _link_text(last, links))
    return Run("" if broken else " ", is_bold(last) and is_bold(after), shared)


def _cut_in_link_text(ending: str, start: str, text: str) -> bool:
    """Whether a line break falls inside a word of a link's own text (the annotation's
    Contents, which some producers fill with the linked words): LibreOffice breaks linked text
    anywhere, "Compendi" "um", where the text says "Compendium"."""
    words = text.split()
    return (
        bool(ending and start)
        and (ending + start) in text
        and not any(
            a.endswith(ending) and b.startswith(start)
            for a, b in zip(words, words[1:], strict=False)
        )
    )


def _word(chars: Iterable[dict]) -> list[dict]:
    """The characters up to the first space between them, in the order given."""
    word: list[dict] = []
    for char in chars:
        if word and _spaced(word[-1], char):
            break
        word.append(char)
    return word


def _spaced(one: dict, other: dict) -> bool:
    left, right = (one, other) if one["x0"] <= other["x0"] else (other, one)
    return right["x0"] - left["x1"] > WORD_GAP * right["size"]


def _line_runs(chars: Sequence[dict], links: Sequence[dict]) -> list[Run]:
    result: list[Run] = []
    for index, char in enumerate(chars):
        bold, url = is_bold(char), _url(char, links)
        if index and char["x0"] - chars[index - 1]["x1"] > WORD_GAP * char["size"]:
            result.append(Run(" ", bold, url if url == _url(chars[index - 1], links) else None))
        if result and result[-1].bold == bold and result[-1].url == url:
            result[-1] = Run(result[-1].text + char["text"], bold, url)
        else:
            result.append(Run(char["text"], bold, url))
    return result


def _url(char: dict, links: Sequence[dict]) -> str | None:
    link = _link(char, links)
    return link["uri"] if link is not None else None


def _link_text(char: dict, links: Sequence[dict]) -> str:
    link = _link(char, links)
    return (link.get("contents") or "") if link is not None else ""


def _link(char: dict, links: Sequence[dict]) -> dict | None:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    for link in links:
        if link["x0"] <= x <= link["x1"] and link["top"] <= y <= link["bottom"]:
            return link
    return None
