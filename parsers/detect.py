"""Choosing the parser for a file from its extension, checked against its first bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parsers.deck import Deck
from parsers.errors import InputError
from parsers.safety import DEFAULT_LIMITS, Limits, check_input, library_errors

EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
SIGNATURES = {b"%PDF": "pdf", b"PK\x03\x04": "pptx (zip package)", b"\xd0\xcf\x11\xe0": "ole2"}


def supported(path: Path) -> bool:
    """Whether the file's extension is one a parser reads."""
    return path.suffix.lower() in EXTENSIONS


def parse_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Deck:
    """Read any supported file into a Deck, or raise InputError saying why it cannot be read."""
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(EXTENSIONS))
        raise InputError(
            path, f"unsupported file type '{path.suffix or '(none)'}' (supported: {known})"
        )
    if not path.is_file():
        raise InputError(path, "no such file")
    check_input(path, limits)
    _check_signature(path, fmt)
    with library_errors(path, fmt):
        return _parser(fmt)(path)


def _check_signature(path: Path, fmt: str) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    for signature, actual in SIGNATURES.items():
        if head.startswith(signature) and not actual.startswith(fmt):
            raise InputError(
                path, f"content is {actual.split()[0].upper()}, not {fmt}; rename it to match"
            )


def _parser(fmt: str) -> Callable[[Path], Deck]:
    if fmt == "markdown":
        from parsers.markdown import parse_markdown

        return parse_markdown
    from parsers.html import parse_html

    return parse_html
