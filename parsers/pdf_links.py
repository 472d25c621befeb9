"""Which link annotations of a PDF page mark a phrase of its text.

A link in a deck marks a phrase: a word, a line or the few lines of a wrapped item. Producers
also draw links that are not about text at all: a "click anywhere" rectangle over the whole
page, or a page-sized picture with a hyperlink. Such a rectangle covers every character of the
page, and taking it as a text link would link every line of the page to one target. So a link
is kept only when its rectangle is no taller than a few lines of the text it covers and covers
well under half of the page; the others do not apply to the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.pdf_text import inside

MAX_LINES = 4  # a wrapped link spans a few lines; a taller rectangle is not a phrase link
LINE_PITCH = 1.5  # font sizes from one baseline to the next, generous
MAX_PAGE_SHARE = 0.5  # a rectangle over half of the page or more is the page's, not a phrase's


def page_links(page, chars: Sequence[dict]) -> list[dict]:
    """The page's URI links that mark text: each one with the characters under it in view."""
    page_area = max(float(page.width) * float(page.height), 1.0)
    return [
        link for link in page.hyperlinks if link.get("uri") and marks_text(link, chars, page_area)
    ]


def marks_text(link: dict, chars: Sequence[dict], page_area: float) -> bool:
    """Whether a link rectangle marks a phrase: some text under it, a few lines tall at most."""
    box = (link["x0"], link["top"], link["x1"], link["bottom"])
    covered = [char for char in chars if inside(box, char)]
    if not covered:
        return False
    width, height = box[2] - box[0], box[3] - box[1]
    if width * height >= MAX_PAGE_SHARE * page_area:
        return False
    largest = max(char["size"] for char in covered)
    return height <= MAX_LINES * LINE_PITCH * largest
