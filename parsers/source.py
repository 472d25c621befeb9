"""Reading source files: bytes, text decoding and the source description."""

from __future__ import annotations

import hashlib
from pathlib import Path

from parsers.deck import Source, SourceFormat
from parsers.errors import InputError


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def describe_source(path: Path, fmt: SourceFormat) -> Source:
    """The source record of a deck: its path as given, its hash and its format."""
    return Source(path=path.as_posix(), sha256=file_sha256(path), format=fmt)


def read_text(path: Path) -> tuple[str, list[str]]:
    """Read a text file as UTF-8 (BOM allowed); undecodable bytes are replaced with a warning."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    if not data.strip():
        raise InputError(path, "the file is empty; export the deck again")
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary content, not a text document; check the file type")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        warning = (
            f"the file is not valid UTF-8 (first bad byte at offset {err.start}); "
            f"{bad} undecodable byte(s) were replaced with U+FFFD"
        )
        return text, [warning]
