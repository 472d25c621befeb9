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
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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


def read_text(path: Path) -> tuple[str, list[str]]:
    """Read a text file as UTF-8 (UTF-16/32 with a BOM); bad bytes are replaced with a warning."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), "utf-8-sig")
    if not data.strip():
        raise InputError(path, "the file is empty; export the deck again")
    if encoding == "utf-8-sig" and _looks_binary(data[:4096]):
        raise InputError(path, "binary content, not a text document; check the file type")
    try:
        text, warnings = data.decode(encoding), []
    except UnicodeDecodeError as err:
        text = data.decode(encoding, errors="replace")
        warnings = [
            f"the file is not valid {encoding.removesuffix('-sig').upper()} (first bad byte at "
            f"offset {err.start}); {text.count(REPLACEMENT)} undecodable byte(s) were replaced "
            "with U+FFFD"
        ]
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) were replaced with U+FFFD")
        text = text.replace("\x00", REPLACEMENT)
    return text.removeprefix("\ufeff"), warnings


def _looks_binary(head: bytes) -> bool:
    """NUL bytes in over 1% of the head: binary, not text with a stray NUL."""
    return head.count(0) * 100 > len(head)
