"""The prolog of an XML document read as an XML parser reads it: its encoding and any DOCTYPE.

An XML parser decides the encoding from the byte-order mark, else from the first bytes
(XML 1.0, appendix F: "<?xm" in UTF-16, UTF-32 or EBCDIC), else from the encoding the XML
declaration names. A check that decoded the bytes any other way could be shown "+ADw-!DOCTYPE"
in UTF-7, which a parser reads as "<!DOCTYPE". OOXML parts must be UTF-8 or UTF-16
(ECMA-376 part 2); any other encoding, sniffed or declared, is reported here.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO

CHUNK = 4096
MAX_PROLOG = 1024 * 1024  # characters before the root element; real parts need a few hundred
ALLOWED = frozenset(
    {"utf8", "utf16", "utf16le", "utf16be", "ascii", "usascii"}
)  # "-" and "_" aside
NAMES = {"cp500": "EBCDIC", "utf-32": "UTF-32", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32"}
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: the same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FIRST_BYTES = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp500"),  # "<?xm" in EBCDIC
)
DECLARED = re.compile(r"""<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
SPACE = " \t\r\n\ufeff"
SPACES = re.compile(f"[{SPACE}]*")


@dataclass(frozen=True)
class Prolog:
    """What the start of a document shows: XML or not, a refused encoding, a DOCTYPE, no end."""

    is_xml: bool
    bad_encoding: str | None = None
    doctype: bool = False
    too_long: bool = False


def sniff_encoding(head: bytes) -> str:
    """The encoding an XML parser infers from the first bytes, before any declaration."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    for start, name in FIRST_BYTES:
        if head.startswith(start):
            return name
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
        return "utf-16-le"  # whitespace before the first "<", in UTF-16 without a mark
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
        return "utf-16-be"
    return "utf-8"


def read_prolog(stream: BinaryIO) -> Prolog:
    """Read a document's prolog from a stream, as far as its root element or its DOCTYPE.

    A prolog runs to a few hundred bytes; one past MAX_PROLOG is reported as too long rather
    than searched on. Reads double in size, so that searching again stays linear.
    """
    head = stream.read(CHUNK)
    sniffed = sniff_encoding(head)
    decoder = codecs.getincrementaldecoder(sniffed)("replace")
    text, seen = decoder.decode(head).lstrip(SPACE), len(head)
    while not text:
        chunk = stream.read(CHUNK)
        if not chunk:
            return Prolog(is_xml=False)
        if (seen := seen + len(chunk)) > MAX_PROLOG:
            return Prolog(is_xml=True, too_long=True)
        text = decoder.decode(chunk).lstrip(SPACE)
    if not text.startswith("<"):
        return Prolog(is_xml=False)
    if not _allowed(sniffed):
        return Prolog(is_xml=True, bad_encoding=NAMES.get(sniffed, sniffed))
    position = 0
    while True:
        step = _step(text, position)
        if step is None:
            if len(text) > MAX_PROLOG:
                return Prolog(is_xml=True, too_long=True)
            chunk = stream.read(max(CHUNK, len(text)))
            if not chunk:
                return Prolog(is_xml=True)
            text += decoder.decode(chunk)
        elif isinstance(step, Prolog):
            return step
        else:
            position = step


def _step(text: str, position: int) -> int | Prolog | None:
    """After the prolog item at position: the next position, a verdict, or None for more text."""
    position = SPACES.match(text, position).end()
    rest = text[position : position + 9]
    if len(rest) < 9 and not text[position:].startswith(("<?", "<!--")):
        return None
    if rest.upper().startswith("<!DOCTYPE"):
        return Prolog(is_xml=True, doctype=True)
    for opener, closer in (("<?", "?>"), ("<!--", "-->")):
        if rest.startswith(opener):
            end = text.find(closer, position + len(opener))
            if end < 0:
                return None
            declared = DECLARED.match(text, position)
            if declared and not _allowed(declared.group(1)):
                return Prolog(is_xml=True, bad_encoding=declared.group(1))
            return end + len(closer)
    return Prolog(is_xml=True)


def _allowed(encoding: str) -> bool:
    return encoding.strip().lower().replace("-", "").replace("_", "") in ALLOWED
