"""Opening a PDF with pdfplumber, turning what pdfminer raises into one clear InputError."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from parsers.deck import Location
from parsers.errors import InputError, first_line
from parsers.pdf_rotation import page_turn, turned_text
from parsers.safety import DEFAULT_LIMITS

T = TypeVar("T")
MAX_PAGES = DEFAULT_LIMITS.max_pages
BROKEN = (AssertionError, TypeError, ValueError, KeyError, IndexError, RecursionError, EOFError)


@contextmanager
def open_pdf(path: Path, password: str | None) -> Iterator:
    """pdfplumber's PDF for a file, closed afterwards; InputError when it cannot be opened."""
    import pdfplumber

    # pdfminer logs every oddity it recovers from; the reader reports real failures itself
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pdf = _open(pdfplumber, path, password)
    try:
        yield pdf
    finally:
        _close(pdf)


def _open(pdfplumber, path: Path, password: str | None):
    """Open with the empty password first, as PDF viewers do, then with the one given.

    A PDF with an owner password only opens with the empty one; a --password meant for other
    files of a batch must not stop it from opening.
    """
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    if password:
        try:
            return pdfplumber.open(path, password="")
        except Exception as err:  # pdfplumber wraps whatever pdfminer raises
            if not isinstance(_unwrap(err), PDFPasswordIncorrect):
                raise explain(path, err, password) from err
    try:
        return pdfplumber.open(path, password=password or "")
    except Exception as err:
        raise explain(path, err, password) from err


def _close(pdf) -> None:
    """Close the PDF; a failure here must not hide the error that ended the reading."""
    try:
        pdf.close()  # walks the pages again, which fails on a PDF that failed to read
    except Exception:  # noqa: BLE001 - the reading's own error is the one to report
        if not getattr(pdf, "stream_is_external", True):
            pdf.stream.close()


def read_pages(
    path: Path, pdf, read: Callable[[object, Location], T], max_pages: int = MAX_PAGES
) -> tuple[list[T], list[str]]:
    """Read every page with read(page, location): what each gives, and warnings on the pages.

    Failures become InputError, as does a PDF over max_pages or whose text is all turned.
    """
    try:
        pages = pdf.pages
        if len(pages) > max_pages:
            raise InputError(
                path,
                f"{len(pages)} pages: too many for a slide deck (the limit is {max_pages}); "
                "split the document, or raise the limit with --max-pages if it is one deck",
            )
        read_all, turns = [], []
        for page in pages:
            read_all.append(read(page, Location("page", page.page_number)))
            turns.append(page_turn(page))
            page.close()  # drop the page's parsed layout once it is read
        return read_all, turned_text(path, turns)
    except InputError:
        raise
    except Exception as err:
        raise explain(path, err, None) from err


def explain(path: Path, err: Exception, password: str | None) -> InputError:
    """The InputError for an exception met while opening or reading a PDF."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSEOF

    cause = _unwrap(err)
    if isinstance(cause, PDFPasswordIncorrect):
        if password:
            return InputError(path, "the password given with --password does not open this PDF")
        return InputError(path, "the PDF is encrypted; give its password with --password")
    if isinstance(cause, PDFEncryptionError):
        return InputError(path, f"encrypted in a way that cannot be read ({first_line(cause)})")
    if isinstance(cause, PSEOF):
        return InputError(path, "the PDF is truncated (ends unexpectedly); download it again")
    if isinstance(cause, MemoryError):
        return InputError(
            path, "the PDF needs more memory than is available to read (see --memory-limit)"
        )
    if not isinstance(cause, BROKEN) and type(cause).__module__.split(".")[0] not in (
        "pdfminer",
        "pdfplumber",
    ):
        raise err
    return InputError(
        path, f"the PDF is damaged and cannot be read ({first_line(cause)}); export it again"
    )


def _unwrap(err: BaseException) -> BaseException:
    """The exception pdfplumber wrapped, if any."""
    while err.args and isinstance(err.args[0], BaseException):
        err = err.args[0]
    return err.__cause__ if type(err).__name__ == "PdfminerException" and err.__cause__ else err
