"""Choosing the parser for a file from its extension, checked against its first bytes."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from parsers.deck import Deck
from parsers.errors import InputError
from parsers.safety import (
    DEFAULT_LIMITS,
    Limits,
    check_ooxml_package,
    check_regular_file,
    check_size,
    library_errors,
)

EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pptx": "pptx",
    ".pdf": "pdf",
}
SIGNATURES = {
    b"%PDF": "pdf",
    b"PK\x03\x04": "pptx",
    b"\xd0\xcf\x11\xe0": "ole2",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
}
BINARY_FORMATS = {"pdf", "pptx"}
# The reader of each format, imported only when a deck of that format is met.
PARSERS = {
    "markdown": ("parsers.markdown", "parse_markdown"),
    "html": ("parsers.html", "parse_html"),
    "pptx": ("parsers.pptx", "parse_pptx"),
    "pdf": ("parsers.pdf", "parse_pdf"),
}
# Options a reader takes besides the path.
PARSER_OPTIONS = {"pdf": ("password", "max_pages")}
HINTS = {
    ".ppt": "a PowerPoint 97-2003 file; save it as .pptx",
    ".pptm": "a macro-enabled deck; save it as .pptx",
    ".key": "a Keynote deck; export it as .pptx or .pdf",
    ".odp": "an OpenDocument deck; save it as .pptx or export it as .pdf",
}
OLE2_HINT = "an OLE2 container (a PowerPoint 97-2003 file, or a password-protected .pptx)"


def rendition_order(path: Path) -> tuple[str, str, int, str]:
    """Sort key keeping renditions of one deck together, the text renditions first."""
    formats = list(dict.fromkeys(EXTENSIONS.values()))
    fmt = EXTENSIONS.get(path.suffix.lower())
    rank = formats.index(fmt) if fmt in formats else len(formats)
    return (str(path.parent), path.stem, rank, path.suffix)


def supported(path: Path) -> bool:
    """Whether the file's extension is one a parser reads."""
    return path.suffix.lower() in EXTENSIONS


def parse_file(path: Path, password: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Deck:
    """Read any supported file into a Deck, or raise InputError saying why it cannot be read."""
    suffix = path.suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None:
        known = ", ".join(sorted(EXTENSIONS))
        hint = f": {HINTS[suffix]}" if suffix in HINTS else f" (supported: {known})"
        raise InputError(path, f"unsupported file type '{path.suffix or '(none)'}'{hint}")
    check_regular_file(path, limits)
    check_size(path, limits.max_file_bytes)
    _check_signature(path, fmt)
    if fmt == "pptx":
        check_ooxml_package(path, limits)
    options = {"password": password, "max_pages": limits.max_pages}
    wanted = {name: options[name] for name in PARSER_OPTIONS.get(fmt, ())}
    with library_errors(path, fmt):
        return parser_for(fmt)(path, **wanted)


def sniff(head: bytes) -> str | None:
    """The format the first bytes of a file announce, if any."""
    for signature, actual in SIGNATURES.items():
        if head.startswith(signature):
            return actual
    return "pdf" if b"%PDF-" in head else None


def _check_signature(path: Path, fmt: str) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    actual = sniff(head)
    if actual == fmt or (actual is None and fmt not in BINARY_FORMATS):
        return
    if actual == "ole2" and fmt == "pptx":
        raise InputError(path, f"content is {OLE2_HINT}; save it as .pptx without a password")
    if actual is None:
        what = "not a zip package" if fmt == "pptx" else "no %PDF header"
        raise InputError(
            path, f"not a {fmt.upper()} file ({what}); check the file or export it again"
        )
    raise InputError(path, f"content is {actual.upper()}, not {fmt}; rename it to match")


def parser_for(fmt: str) -> Callable[..., Deck]:
    """The function that reads decks of a format, its module imported on first use."""
    module, function = PARSERS[fmt]
    return getattr(importlib.import_module(module), function)
