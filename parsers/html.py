"""HTML pages into a Deck: headings, paragraphs, nested lists and tables with spans.

A definition list is a table of label/value pairs: each group of <dt> terms and their <dd>
definitions is a row of two cells (term | definition), several terms or definitions of one
group joined with newlines; a <dl> without any <dt> is read as paragraphs.

Site chrome is left out, following the roles HTML gives these elements: <nav> (and
role="navigation" or "search") everywhere; <aside> (or role="complementary") unless it sits
in an <article> or <section>, where it is a call-out of that content; the page's own <header>
and <footer> (role="banner", "contentinfo"), that is those not inside an <article>, <aside>,
<main>, <nav> or <section>, of which only the headings of the header are read (they may name
the document); and whatever is hidden (the hidden attribute, aria-hidden="true",
display:none), blocks and words inside a paragraph alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import lxml.html
from lxml import etree

from parsers.deck import (
    Block,
    Cell,
    Deck,
    Heading,
    Link,
    ListItem,
    Location,
    Paragraph,
    RichText,
    Row,
    Table,
)
from parsers.errors import InputError
from parsers.office_html import LEVEL_ATTRIBUTE, tidy_office_html, without_list_glyphs
from parsers.runs import WHITESPACE, clean_url, run_in_labels, tidy
from parsers.slides import Rule, split_into_slides
from parsers.source import describe_source, read_text

HEADINGS = {f"h{n}": n for n in range(1, 7)}
LISTS = {"ul", "ol", "menu"}
SKIPPED = {"script", "style", "head", "template", "noscript", "svg", "math", "iframe", "object"}
BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "details",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "html",
    "li",
    "main",
    "nav",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "hr",
    *HEADINGS,
    *LISTS,
}
BOLD_TAGS = {"b", "strong"}
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
SCOPES = {"article", "aside", "main", "nav", "section"}
ASIDE_SCOPES = {"article", "section"}
LANDMARK_ROLES = {
    "navigation": "nav",
    "search": "nav",
    "complementary": "aside",
    "banner": "header",
    "contentinfo": "footer",
}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# XHTML pages open with one; lxml refuses an encoding declaration in text already decoded.
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

LocateFn = Callable[[etree._Element], Location]


def parse_html(path: Path) -> Deck:
    """Read an HTML page into a Deck; locations are source line numbers."""
    text, warnings = read_text(path, html=True)
    root = parse_document(text, path)
    blocks = list(walk_blocks(root, lambda el: Location("line", el.sourceline or 1)))
    return Deck(split_into_slides(blocks), describe_source(path, "html"), warnings)


def parse_document(text: str, path: Path) -> etree._Element:
    """Parse HTML text with a parser that never touches the network."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        text = without_list_glyphs(XML_DECLARATION.sub("", text, count=1))
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise InputError(path, f"not readable as HTML ({err or 'empty document'})") from err
    tidy_office_html(root)
    return root


def walk_blocks(root: etree._Element, locate: LocateFn) -> Iterator[Block | Rule]:
    """Yield the blocks under root in document order."""
    body = root.find("body")
    yield from _walk_container(body if body is not None else root, locate, 0)


def _walk_container(el: etree._Element, locate: LocateFn, level: int) -> Iterator[Block | Rule]:
    pending: list[etree._Element | str] = []
    anchor = el
    if el.text:
        pending.append(el.text)
    for child in el:
        chrome = _chrome(child) if isinstance(child.tag, str) else None
        if not isinstance(child.tag, str) or child.tag in SKIPPED or chrome:
            if chrome == "header":
                yield from _inline_paragraph(pending, anchor, locate)
                pending = []
                for heading in _banner_headings(child):
                    yield from _walk_block(heading, locate, level)
            if child.tail:
                pending.append(child.tail)
            continue
        if child.tag in BLOCKS:
            yield from _inline_paragraph(pending, anchor, locate)
            pending = []
            yield from _walk_block(child, locate, level)
            anchor = child
        else:
            pending.append(child)
        if child.tail and child.tag in BLOCKS:
            pending.append(child.tail)
    yield from _inline_paragraph(pending, anchor, locate)


def _inline_paragraph(
    parts: list[etree._Element | str], anchor: etree._Element, locate: LocateFn
) -> Iterator[Paragraph]:
    builder = _RichBuilder()
    for part in parts:
        if isinstance(part, str):
            builder.add_text(part, False)
        else:
            builder.add_element(part, False, with_tail=True)
    content = builder.build()
    if content.text:
        element = next((p for p in parts if not isinstance(p, str)), anchor)
        yield Paragraph(content, locate(element))


def _walk_block(el: etree._Element, locate: LocateFn, level: int) -> Iterator[Block | Rule]:
    tag = el.tag
    if tag in HEADINGS:
        content = rich_text(el)
        if content.text:
            yield Heading(content, HEADINGS[tag], locate(el))
    elif tag in LISTS:
        for item in el:
            if isinstance(item.tag, str) and item.tag == "li":
                yield from _walk_item(item, locate, _item_level(item, level))
            elif isinstance(item.tag, str):
                nested = level + 1 if item.tag in LISTS else level
                yield from _walk_block(item, locate, nested)
    elif tag == "li":
        yield from _walk_item(el, locate, _item_level(el, level))
    elif tag == "table":
        table = read_table(el, locate)
        if table.rows:
            yield table
    elif tag == "dl" and any(_is_tag(c, "dt") for c in _definition_items(el)):
        table = read_definitions(el, locate)
        if table.rows:
            yield table
    elif tag == "hr":
        yield Rule(locate(el))
    elif tag in {"p", "pre", "dt", "dd", "summary", "figcaption"} and not _has_block_child(el):
        content = rich_text(el, keep_whitespace=tag == "pre")
        if content.text:
            yield Paragraph(content, locate(el))
    else:
        yield from _walk_container(el, locate, level)


def _item_level(item: etree._Element, level: int) -> int:
    """A list item's level: the one a word processor's export gave it, else its nesting."""
    try:
        return max(0, min(int(item.get(LEVEL_ATTRIBUTE) or level), 8))
    except ValueError:
        return level


def _has_block_child(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el)


def _walk_item(item: etree._Element, locate: LocateFn, level: int) -> Iterator[Block | Rule]:
    """A list item: its own text at this level, nested lists one level deeper."""
    builder = _RichBuilder()
    nested: list[etree._Element] = []
    builder.add_text(item.text or "", False)
    for child in item:
        if not isinstance(child.tag, str) or child.tag in SKIPPED:
            builder.add_text(child.tail or "", False)
        elif child.tag in LISTS or child.tag == "table" or child.tag in HEADINGS:
            nested.append(child)
            builder.add_text(child.tail or "", False)
        elif child.tag in BLOCKS:
            builder.add_break()
            builder.add_element(child, False, with_tail=False)
            builder.add_break()
            builder.add_text(child.tail or "", False)
        else:
            builder.add_element(child, False, with_tail=True)
    content = builder.build()
    if content.text:
        yield ListItem(content, level, locate(item))
    for child in nested:
        yield from _walk_block(child, locate, level + 1)


def read_table(table: etree._Element, locate: LocateFn) -> Table:
    """Read a table's rows; merged cells appear once with their spans."""
    rows: list[Row] = []
    for tr in _table_rows(table):
        cells = [
            Cell(rich_text(td), _span(td.get("colspan")), _span(td.get("rowspan")))
            for td in tr
            if isinstance(td.tag, str) and td.tag in {"td", "th"}
        ]
        if cells and any(c.text for c in cells):
            rows.append(Row(cells, locate(tr)))
    return Table(rows, locate(table))


def read_definitions(dl: etree._Element, locate: LocateFn) -> Table:
    """A definition list as a two-column table: terms | definitions, one row per group."""
    groups: list[tuple[list[etree._Element], list[etree._Element]]] = []
    for item in _definition_items(dl):
        if _is_tag(item, "dt"):
            if not groups or groups[-1][1]:
                groups.append(([], []))
            groups[-1][0].append(item)
        else:
            if not groups:
                groups.append(([], []))
            groups[-1][1].append(item)
    rows = []
    for terms, definitions in groups:
        cells = [Cell(_joined_text(terms)), Cell(_joined_text(definitions))]
        if any(cell.text for cell in cells):
            rows.append(Row(cells, locate((terms or definitions)[0])))
    return Table(rows, locate(dl))


def _definition_items(dl: etree._Element) -> Iterator[etree._Element]:
    """The <dt> and <dd> of a list, also those wrapped in a <div> each."""
    for child in dl:
        if _is_tag(child, "dt") or _is_tag(child, "dd"):
            yield child
        elif _is_tag(child, "div"):
            yield from (c for c in child if _is_tag(c, "dt") or _is_tag(c, "dd"))


def _is_tag(el: etree._Element, tag: str) -> bool:
    return isinstance(el.tag, str) and el.tag == tag


def _joined_text(elements: list[etree._Element]) -> RichText:
    builder = _RichBuilder()
    for element in elements:
        builder.add_element(element, False, with_tail=False)
        builder.add_break()
    return builder.build()


def _hidden(el: etree._Element) -> bool:
    """Hidden by the hidden attribute, aria-hidden="true" or display:none in its style."""
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip() == "true":
        return True
    return bool(HIDDEN_STYLE.search(el.get("style") or ""))


def _chrome(el: etree._Element) -> str | None:
    """What site chrome an element is ("nav", "aside", "header", "footer", "hidden"), or None."""
    if _hidden(el):
        return "hidden"
    role = LANDMARK_ROLES.get((el.get("role") or "").strip().lower())
    if role is not None:
        return role
    if el.tag == "nav" or (el.tag in LISTS and _table_of_contents(el)):
        return "nav"
    if el.tag == "aside":
        return None if _inside(el, ASIDE_SCOPES) else "aside"
    if el.tag in {"header", "footer"}:
        return None if _inside(el, SCOPES) else el.tag
    return None


def _table_of_contents(list_el: etree._Element) -> bool:
    """A list whose every item is only a link within the page: a table of contents."""
    items = list(list_el.iter("li"))
    return bool(items) and all(_only_anchor_link(item) for item in items)


def _only_anchor_link(item: etree._Element) -> bool:
    links = [c for c in item if isinstance(c.tag, str) and c.tag == "a"]
    own = (item.text or "") + "".join(c.tail or "" for c in item if isinstance(c.tag, str))
    rest = [c for c in item if isinstance(c.tag, str) and c.tag not in {"a", *LISTS}]
    href = links[0].get("href") or "" if len(links) == 1 else ""
    return len(href) > 1 and href.startswith("#") and not own.strip() and not rest


def _banner_headings(header: etree._Element) -> Iterator[etree._Element]:
    """The headings of a page's banner, leaving out those of its navigation and hidden parts."""
    for heading in header.iter(*HEADINGS):
        between = []
        for ancestor in heading.iterancestors():
            if ancestor is header:
                break
            between.append(ancestor)
        if not any(_chrome(a) for a in [heading, *between]):
            yield heading


def _inside(el: etree._Element, tags: set[str]) -> bool:
    return any(isinstance(a.tag, str) and a.tag in tags for a in el.iterancestors())


def _table_rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in {"thead", "tbody", "tfoot"}:
            yield from (tr for tr in child if isinstance(tr.tag, str) and tr.tag == "tr")


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def rich_text(el: etree._Element, keep_whitespace: bool = False) -> RichText:
    """The text of an element with line breaks, boldness and links."""
    builder = _RichBuilder(keep_whitespace)
    builder.add_element(el, False, with_tail=False)
    return builder.build()


class _RichBuilder:
    """Collects text pieces with a bold flag each, and the links met on the way."""

    def __init__(self, keep_whitespace: bool = False) -> None:
        self.pieces: list[tuple[str, bool]] = []
        self.links: list[tuple[int, int, str]] = []
        self.keep_whitespace = keep_whitespace

    def add_text(self, text: str, bold: bool) -> None:
        if text:
            if not self.keep_whitespace:
                text = WHITESPACE.sub(" ", text)
            self.pieces.append((text, bold))

    def add_break(self) -> None:
        self.pieces.append(("\n", False))

    def add_element(self, el: etree._Element, bold: bool, with_tail: bool) -> None:
        outer_bold = bold
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and tag not in SKIPPED and not _hidden(el):
            bold = bold or tag in BOLD_TAGS or bool(BOLD_STYLE.search(el.get("style") or ""))
            if tag == "br":
                self.add_break()
            start = len(self.pieces)
            self.add_text(el.text or "", bold)
            for child in el:
                self.add_element(child, bold, with_tail=True)
            if tag in BLOCKS and tag != "br":
                self.add_break()
            if tag == "a" and el.get("href"):
                self.links.append((start, len(self.pieces), clean_url(el.get("href"))))
        if with_tail:
            self.add_text(el.tail or "", outer_bold)

    def build(self) -> RichText:
        text = tidy("".join(p for p, _ in self.pieces))
        letters = [(p, b) for p, b in self.pieces if p.strip()]
        bold = bool(letters) and all(b for _, b in letters)
        links = []
        for start, end, url in self.links:
            link_text = tidy("".join(p for p, _ in self.pieces[start:end]))
            if link_text and url:
                links.append(Link(link_text, url))
        return RichText(text, bold, links, [] if bold else run_in_labels(self.pieces))
