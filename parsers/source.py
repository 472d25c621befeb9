"""Reading source files: bytes, text decoding and the source description."""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

from parsers.deck import Source, SourceFormat
from parsers.errors import InputError

REPLACEMENT = "\ufffd"
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
PRESCAN = 1024  # browsers look for a charset declaration in the first 1024 bytes
# Labels browsers resolve to another encoding than Python does (WHATWG Encoding Standard).
BROWSER_LABELS = {
    **dict.fromkeys(
        ("iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii", "iso_8859-1", "cp819"),
        "cp1252",
    ),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5"), "cp1254"),
    **dict.fromkeys(("tis-620", "iso-8859-11", "windows-874"), "cp874"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis"), "cp932"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "korean"), "cp949"),
    **dict.fromkeys(("gb2312", "chinese", "x-gbk"), "gbk"),
    "big5": "big5hkscs",
    "x-mac-roman": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
}
REFUSED_CODECS = frozenset({"utf-7", "utf_7"})


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def describe_source(path: Path, fmt: SourceFormat) -> Source:
    """The source record of a deck: its path as given, its hash and its format."""
    return Source(path=path_text(path), sha256=file_sha256(path), format=fmt)


def path_text(path: Path) -> str:
    """A path as UTF-8 text: bytes of a name that are not UTF-8 written as escapes (\\xff)."""
    return os.fsencode(path.as_posix()).decode("utf-8", "backslashreplace")


def read_text(path: Path, html: bool = False) -> tuple[str, list[str]]:
    """Read a text file as UTF-8, or as its byte-order mark or (HTML) its charset declaration say.

    Bad bytes are replaced, with a warning.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    warnings: list[str] = []
    if encoding is None and html:
        encoding, warnings = declared_charset(data[:PRESCAN])
    encoding = encoding or "utf-8-sig"
    if not data.strip():
        raise InputError(path, "the file is empty; export the deck again")
    if encoding not in ("utf-16", "utf-32") and _looks_binary(data[:4096]):
        raise InputError(path, "binary content, not a text document; check the file type")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        text = data.decode(encoding, errors="replace")
        warnings.append(
            f"the file is not valid {_label(encoding)} (first bad byte at "
            f"offset {err.start}); {text.count(REPLACEMENT)} undecodable byte(s) were replaced "
            "with U+FFFD"
        )
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) were replaced with U+FFFD")
        text = text.replace("\x00", REPLACEMENT)
    return text.removeprefix("\ufeff"), warnings


def declared_charset(head: bytes) -> tuple[str | None, list[str]]:
    """The encoding an HTML page declares in its first bytes, as a browser resolves its label.

    The XML declaration of an XHTML page, else `<meta charset>` or `<meta http-equiv
    content="...; charset=...">`. As in browsers, ISO-8859-1 and ASCII mean windows-1252, a
    UTF-16 label on bytes that spell it in ASCII means UTF-8, and an unknown label or one
    browsers refuse (UTF-7) is passed over, with a warning.
    """
    from bs4.dammit import EncodingDetector

    label = EncodingDetector.find_declared_encoding(head, is_html=True, search_entire_document=True)
    if not label:
        return None, []
    label = label.strip().lower()
    try:
        name = codecs.lookup(BROWSER_LABELS.get(label, label)).name
    except LookupError:
        name = None
    if name is not None and name.startswith(("utf-16", "utf-32")):
        return "utf-8-sig", []
    if name is None or name in REFUSED_CODECS or not _is_text_codec(name):
        return None, [f"the page declares the charset {label!r}, which browsers do not read; "
                      "it was read as UTF-8"]  # fmt: skip
    return name, []


def _is_text_codec(name: str) -> bool:
    try:
        b"<".decode(name)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def _label(encoding: str) -> str:
    return encoding.removesuffix("-sig").upper()


def _looks_binary(head: bytes) -> bool:
    """NUL bytes in over 1% of the head: binary, not text with a stray NUL."""
    return head.count(0) * 100 > len(head)
