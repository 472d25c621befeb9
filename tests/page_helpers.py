"""Reading the HTML reports back: parsed pages, the counts they show, what they would fetch."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

OUTSIDE = re.compile(r"""(?:src|href)=["']https?:[^"']*""")


def soup(page: Path) -> BeautifulSoup:
    """The page parsed."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def shown_counts(page: BeautifulSoup) -> dict[str, int]:
    """The headline numbers, by their data-count key."""
    return {li["data-count"]: int(li.b.get_text()) for li in page.select("[data-count]")}


def outside_references(html: str) -> list[str]:
    """Whatever in the page would fetch or embed from outside it; an empty list when nothing."""
    page = BeautifulSoup(html, "html.parser")
    tags = page.select("script[src], link, img[src^=http], iframe, object, embed")
    return [str(tag) for tag in tags] + OUTSIDE.findall(html)


def content_policy(html: str) -> str:
    """The page's Content-Security-Policy."""
    page = BeautifulSoup(html, "html.parser")
    return page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
