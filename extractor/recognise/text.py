"""Text shapes recognition looks for: labels, headings without their decoration, contacts."""

from __future__ import annotations

import re

from normalizers.text import squash_spaces

SYMBOLS = " \t■▪□●•◦‣▸►–-*·:"
LABEL = re.compile(r"^(?P<label>[^:]{1,60}?)\s*:\s*(?P<value>.*)$", re.S)
# "Leader - Jane Roe": a label set off by a spaced dash (the first one) instead of a colon.
DASH_LABEL = re.compile(r"^(?P<label>[^:]{1,60}?)\s+[-–—]\s+(?P<value>.*\S.*)$", re.S)
OBJECTIVE_LABEL = re.compile(r"^\(?(?P<label>[a-z]|\d{1,2}|[ivx]{1,4})[).]\s+(?P<text>.+)$", re.S)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:]")
# "3.2 City Platforms", "2. New Thematic Groups", "IV. Annex": the number is not the name.
SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+(?=\S)")
# "(cont.)", "(continued)", "- continued", "(2/3)" at the end of a title.
CONTINUED = re.compile(
    r"\s*(?:[-:,]\s*)?(?:[(\[]\s*(?:cont(?:'d|inued|\.)?|\d{1,2}\s*/\s*\d{1,2})\s*[)\]]"
    r"|\bcont(?:'d|inued|\.))\s*$",
    re.I,
)
BARE_NUMBER = re.compile(r"^\d{1,2}$")


def strip_symbols(text: str) -> str:
    """One line without its bullet symbols and trailing colon."""
    return squash_spaces(text.replace("\n", " ")).strip(SYMBOLS)


def heading_text(text: str) -> str:
    """A heading as a name: no bullets, section number or continuation mark."""
    text = strip_symbols(text)
    text = strip_symbols(SECTION_NUMBER.sub("", text))
    return strip_symbols(CONTINUED.sub("", text))


def split_label(text: str) -> tuple[str, str] | None:
    """ "Leader: Jane Roe" -> ("Leader", "Jane Roe"); None without a short label."""
    found = LABEL.match(text)
    return (found["label"].strip(), found["value"].strip()) if found else None


def split_dash_label(text: str) -> tuple[str, str] | None:
    """ "Leader - Jane Roe" -> ("Leader", "Jane Roe"); None without a spaced dash."""
    found = DASH_LABEL.match(text)
    return (found["label"].strip(), found["value"].strip()) if found else None


def trailing_parenthesis(text: str) -> tuple[str, str] | None:
    """ "Title (Leader: X (Y))" -> ("Title", "Leader: X (Y)"); None without one at the end."""
    text = text.rstrip()
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            return text[:index].rstrip(" -,;"), text[index + 1 : -1].strip()
    return None
