"""Checks made before a parser opens a file: size limits, zip bombs and DTDs in OOXML packages."""

from __future__ import annotations

import codecs
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from parsers.errors import InputError

MB = 1024 * 1024
XML_NAMES = (".xml", ".rels")
CONTENT_TYPES = "[Content_Types].xml"
TYPE_RULE = re.compile(r"<(?:\w+:)?(Default|Override)\b([^>]*)>")
ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
RATIO_FLOOR = MB  # entries smaller than this may compress as well as they like
PROLOG_CHUNK = 4096
DOCTYPE_FOUND, ROOT_FOUND = "doctype", "root"

# What parser libraries raise on malformed input; anything else is left to the caller.
LIBRARY_ERRORS = (
    AssertionError, AttributeError, EOFError, KeyError, IndexError, LookupError, OverflowError,
    RecursionError, TypeError, ValueError, struct.error, zipfile.BadZipFile, zlib.error,
)  # fmt: skip


@dataclass(frozen=True)
class Limits:
    """How much one input may weigh, on disk and unpacked, before it is refused."""

    max_file_bytes: int = 256 * MB
    max_unpacked_bytes: int = 1024 * MB
    max_entries: int = 10_000
    max_ratio: int = 100


DEFAULT_LIMITS = Limits()


def check_size(path: Path, limit: int) -> None:
    """Refuse an empty file and one larger than limit bytes."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
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
            _check_actual(path, package, entries, _xml_parts(package, entries), limits)
    except zipfile.BadZipFile as err:
        raise InputError(path, _bad_zip_reason(path, err)) from err
    except (OSError, EOFError, RuntimeError, ValueError, zlib.error, NotImplementedError) as err:
        raise InputError(path, f"damaged zip package ({err})") from err


def _check_declared(path: Path, entries: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(entries) > limits.max_entries:
        raise InputError(
            path, f"zip package has {len(entries)} entries, over the limit of {limits.max_entries}"
        )
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_unpacked_bytes:
        raise InputError(path, _too_big(total, limits))
    for entry in entries:
        _check_ratio(path, entry.filename, entry.file_size, entry.compress_size, limits)


def _check_ratio(path: Path, name: str, size: int, packed: int, limits: Limits) -> None:
    if size > RATIO_FLOOR and size > limits.max_ratio * max(packed, 1):
        raise InputError(
            path,
            f"zip bomb: {name} unpacks to {_mb(size)} from {_mb(packed)} "
            f"(ratio over {limits.max_ratio}:1); refused",
        )


def _xml_parts(package: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> set[str]:
    """Parts a reader parses as XML: by name, or by the content type the package gives them.

    Other parts (images, printer settings, embedded files) are opaque bytes to the reader and
    may legitimately hold a DTD of their own, as SVG images and Mac printer settings do.
    """
    defaults, overrides = _content_types(package, entries)
    found = set()
    for entry in entries:
        name = entry.filename
        kind = overrides.get("/" + name.lower()) or defaults.get(name.rpartition(".")[2].lower())
        is_xml = kind is not None and kind.endswith("xml") and not kind.startswith("image/")
        if is_xml or name.lower().endswith(XML_NAMES):
            found.add(name)
    return found


def _content_types(
    package: zipfile.ZipFile, entries: list[zipfile.ZipInfo]
) -> tuple[dict[str, str], dict[str, str]]:
    """The Default (by extension) and Override (by part name) rules of [Content_Types].xml."""
    entry = next((e for e in entries if e.filename == CONTENT_TYPES), None)
    if entry is None:
        return {}, {}
    data = package.read(entry)
    text = data.decode("utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8", "replace")
    defaults, overrides = {}, {}
    for kind, body in TYPE_RULE.findall(text):
        attributes = {m[0]: m[1] or m[2] for m in ATTRIBUTE.findall(body)}
        content_type = attributes.get("ContentType", "").lower()
        if kind == "Default":
            defaults[attributes.get("Extension", "").lower()] = content_type
        else:
            overrides[attributes.get("PartName", "").lower()] = content_type
    return defaults, overrides


def _check_actual(
    path: Path,
    package: zipfile.ZipFile,
    entries: list[zipfile.ZipInfo],
    xml_parts: set[str],
    limits: Limits,
) -> None:
    """Look for a DOCTYPE in the prolog of every XML part.

    Inflated sizes need no second look: zipfile never hands out more bytes than the directory
    declares (it stops there and fails the CRC), so the declared sizes checked above bound what
    any reader of the package can unpack.
    """
    for entry in entries:
        if entry.filename in xml_parts and _prolog_has_doctype(package, entry):
            raise InputError(
                path,
                f"{entry.filename} declares a DOCTYPE, which OOXML forbids "
                "(XML entity attack?); refused",
            )


def _prolog_has_doctype(package: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    """Whether the part declares a DOCTYPE before its root element (the only place for one)."""
    position = 0
    with package.open(entry) as stream:
        head = stream.read(PROLOG_CHUNK)
        encoding = _xml_encoding(head)
        decoder = codecs.getincrementaldecoder(encoding)("replace")
        text = decoder.decode(head)
        while True:
            step = _prolog_step(text, position)
            if step is None:
                chunk = stream.read(PROLOG_CHUNK)
                if not chunk:
                    return False
                text += decoder.decode(chunk)
                continue
            if step == DOCTYPE_FOUND:
                return True
            if step == ROOT_FOUND:
                return False
            position = step


def _prolog_step(text: str, position: int) -> int | str | None:
    """After the prolog item at position: the next position, a verdict, or None for more text."""
    while position < len(text) and text[position] in " \t\r\n\ufeff":
        position += 1
    rest = text[position : position + 9]
    if len(rest) < 9 and not text[position:].startswith(("<?", "<!--")):
        return None
    if rest.upper().startswith("<!DOCTYPE"):
        return DOCTYPE_FOUND
    for opener, closer in (("<?", "?>"), ("<!--", "-->")):
        if rest.startswith(opener):
            end = text.find(closer, position + len(opener))
            return None if end < 0 else end + len(closer)
    return ROOT_FOUND


def _xml_encoding(head: bytes) -> str:
    """The encoding of an XML part from its byte-order mark or first bytes."""
    for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        if head.startswith(bom):
            return "utf-32"
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            return "utf-16"
    if head[:2] == b"<\x00":
        return "utf-16-le"
    if head[:2] == b"\x00<":
        return "utf-16-be"
    return "utf-8"


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
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.1f} GiB"
    return f"{size / MB:.1f} MiB"
