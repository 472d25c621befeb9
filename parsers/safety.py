"""Checks made before a parser opens a file: file kind and size, zip bombs and DTDs in OOXML."""

from __future__ import annotations

import posixpath
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from parsers.errors import InputError
from parsers.xml_prolog import read_prolog

MB = 1024 * 1024
XML_NAMES = (".xml", ".rels")
CONTENT_TYPES = "[Content_Types].xml"
RATIO_FLOOR = 16 * MB  # entries up to this size may compress as well as they like
TYPES_LIMIT = 16 * MB  # a [Content_Types].xml larger than this is not read for its rules

# What parser libraries raise on malformed input; anything else is left to the caller.
LIBRARY_ERRORS = (
    AssertionError, AttributeError, EOFError, KeyError, IndexError, LookupError, OverflowError,
    RecursionError, TypeError, ValueError, struct.error, zipfile.BadZipFile, zlib.error,
)  # fmt: skip


@dataclass(frozen=True)
class Limits:
    """How much one input may weigh, on disk, unpacked and in pages, before it is refused."""

    max_file_bytes: int = 256 * MB
    max_unpacked_bytes: int = 1024 * MB
    max_entries: int = 10_000
    max_ratio: int = 100
    max_pages: int = 500  # a slide deck; a PDF with more pages is another kind of document


DEFAULT_LIMITS = Limits()
SPECIAL_FILES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_regular_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse, before reading a byte, what is not a regular file and a file over the size limit.

    Symbolic links are followed. A named pipe or a device never ends (or never starts) when
    read, and a huge file takes minutes to hash: both are refused before they are hashed or
    opened. An empty file is left to check_size, which parse_file applies.
    """
    try:
        info = path.stat()
    except FileNotFoundError as err:
        raise InputError(path, "no such file") from err
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in SPECIAL_FILES if test(info.st_mode)), "a special file")
        raise InputError(path, f"not a regular file but {kind}; give the deck's file itself")
    if info.st_size > limits.max_file_bytes:
        _check_size(path, info.st_size, limits.max_file_bytes)


def check_size(path: Path, limit: int) -> None:
    """Refuse an empty file and one larger than limit bytes."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    _check_size(path, size, limit)


def _check_size(path: Path, size: int, limit: int) -> None:
    if size == 0:
        raise InputError(path, "the file is empty (0 bytes); export the deck again")
    if size > limit:
        raise InputError(
            path, f"the file is {_mb(size)}, over the {_mb(limit)} limit (--max-file-size)"
        )


def check_ooxml_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a zip bomb or a part with a DOCTYPE, from the zip directory and the inflated bytes."""
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            _check_declared(path, entries, limits)
            _check_parts(path, package, entries)
    except zipfile.BadZipFile as err:
        raise InputError(path, _bad_zip_reason(path, err)) from err
    except (OSError, EOFError, RuntimeError, ValueError, zlib.error, NotImplementedError) as err:
        raise InputError(path, f"damaged zip package ({err})") from err


def _check_declared(path: Path, entries: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse from the zip directory: too many entries, too much unpacked, a bomb, a twin name.

    The declared sizes bound what any reader can unpack: zipfile never hands out more bytes
    than the directory declares (it stops there and fails the CRC).
    """
    if len(entries) > limits.max_entries:
        raise InputError(
            path, f"zip package has {len(entries)} entries, over the limit of {limits.max_entries}"
        )
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_unpacked_bytes:
        raise InputError(path, _too_big(total, limits))
    seen: dict[str, str] = {}
    for entry in entries:
        _check_ratio(path, entry.filename, entry.file_size, entry.compress_size, limits)
        key = entry.filename.lower()
        if key in seen:
            raise InputError(
                path,
                f"zip package holds two entries named {seen[key]!r} and {entry.filename!r} "
                "(part names ignore case), so readers may not see the same deck; refused",
            )
        seen[key] = entry.filename


def _check_ratio(path: Path, name: str, size: int, packed: int, limits: Limits) -> None:
    """An entry past RATIO_FLOOR that unpacks over max_ratio times its packed size is a bomb.

    Below the floor any ratio is harmless: the total is limited anyway, and a slide holding a
    table of thousands of alike rows compresses several hundred times over.
    """
    ratio = size / max(packed, 1)
    if size > RATIO_FLOOR and ratio > limits.max_ratio:
        raise InputError(
            path,
            f"zip bomb: {name} unpacks to {_mb(size)} from {_mb(packed)} "
            f"(ratio {ratio:,.0f}:1, over {limits.max_ratio}:1); refused",
        )


def _check_parts(path: Path, package: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> None:
    """Look at the prolog of every part that is XML, whatever its name or declared type.

    [Content_Types].xml is looked at first, then read by an XML parser as the reader reads it,
    so that the only parts left alone are those it declares as images: opaque bytes to the
    reader, which may hold a DTD of their own, as SVG images do. Parts that do not start as
    XML (pictures, Mac printer settings with their binary header) are left alone too.
    """
    types = next((e for e in entries if e.filename == CONTENT_TYPES), None)
    if types is not None:
        _check_part(path, package, types)
    defaults, overrides = _content_types(package, types)
    for entry in entries:
        if entry is types or entry.is_dir() or _is_image(entry.filename, defaults, overrides):
            continue
        _check_part(path, package, entry)


def _check_part(path: Path, package: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    with package.open(entry) as stream:
        prolog = read_prolog(stream)
    if prolog.bad_encoding:
        raise InputError(
            path,
            f"{entry.filename} is encoded in {prolog.bad_encoding}, where OOXML allows only "
            "UTF-8 or UTF-16 (a way to hide a DOCTYPE?); refused",
        )
    if prolog.too_long:
        raise InputError(
            path,
            f"{entry.filename} has over 1 MiB before its first element, where OOXML parts "
            "have a few hundred bytes (a way to hide a DOCTYPE?); refused",
        )
    if prolog.doctype:
        raise InputError(
            path,
            f"{entry.filename} declares a DOCTYPE, which OOXML forbids "
            "(XML entity attack?); refused",
        )


def _is_image(name: str, defaults: dict[str, str], overrides: dict[str, str]) -> bool:
    """Whether the package declares a part as an image (and its name does not say XML)."""
    if name.lower().endswith(XML_NAMES):
        return False
    extension = posixpath.splitext(name)[1].removeprefix(".").lower()
    kind = overrides.get("/" + name.lower()) or defaults.get(extension, "")
    return kind.startswith("image/")


def _content_types(
    package: zipfile.ZipFile, entry: zipfile.ZipInfo | None
) -> tuple[dict[str, str], dict[str, str]]:
    """The Default (by extension) and Override (by part name) rules of [Content_Types].xml.

    Read with an XML parser (no DTD, no entities, no network), so that character references
    and any encoding are decoded as the reader decodes them; none when it cannot be read.
    """
    if entry is None or entry.file_size > TYPES_LIMIT:
        return {}, {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(package.read(entry), parser)
    except etree.LxmlError:
        return {}, {}
    defaults, overrides = {}, {}
    for rule in root:
        if not isinstance(rule.tag, str):
            continue
        kind, content_type = etree.QName(rule).localname, rule.get("ContentType", "").lower()
        if kind == "Default":
            defaults[rule.get("Extension", "").lower()] = content_type
        elif kind == "Override":
            overrides[rule.get("PartName", "").lower()] = content_type
    return defaults, overrides


def _bad_zip_reason(path: Path, err: zipfile.BadZipFile) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError:
        head = b""
    if head != b"PK\x03\x04":
        return f"not a zip package, so not a {path.suffix.lower()} file (it may be mislabelled)"
    return f"damaged or truncated zip package ({err})"


def _too_big(total: int, limits: Limits) -> str:
    return (
        f"zip package unpacks to {_mb(total)}, over the {_mb(limits.max_unpacked_bytes)} "
        "limit (--max-unpacked-size); refused"
    )


@contextmanager
def library_errors(path: Path, fmt: str) -> Iterator[None]:
    """Turn what a parser library raises on malformed input into an InputError."""
    try:
        yield
    except InputError:
        raise
    except MemoryError as err:
        raise InputError(path, f"ran out of memory while reading it as {fmt}") from err
    except LIBRARY_ERRORS as err:
        detail = str(err).splitlines()[0][:200] if str(err) else ""
        reason = f"cannot be read as {fmt}: {type(err).__name__}"
        raise InputError(path, f"{reason} ({detail})" if detail else reason) from err


def _mb(size: int) -> str:
    """A size in the unit that shows it best: GiB, MiB, KiB or bytes."""
    for unit, scale in (("GiB", 1024 * MB), ("MiB", MB), ("KiB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
