"""Opening a PowerPoint package: a real Office zip that python-pptx reads, or one clear error."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from parsers.errors import InputError, first_line

MAIN_PART = "[Content_Types].xml"
OTHER_OFFICE = (  # the folder of the main part: what the package is when it holds no ppt/
    ("word/", "a Word document (.docx)"),
    ("xl/", "an Excel workbook (.xlsx)"),
    ("visio/", "a Visio drawing (.vsdx)"),
)
OPENDOCUMENT = "application/vnd.oasis.opendocument."


def open_presentation(path: Path):
    """python-pptx's Presentation for a file, or InputError saying what is wrong with it."""
    check_package(path)
    from pptx import Presentation
    from pptx.exc import PythonPptxError

    try:
        return Presentation(str(path))
    except (PythonPptxError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise InputError(path, f"not a valid PowerPoint package ({first_line(err)})") from err
    except etree.LxmlError as err:
        raise InputError(path, f"a slide's XML cannot be read ({first_line(err)})") from err


def check_package(path: Path) -> None:
    """Refuse a zip that is not a PowerPoint package, saying what it is; see also parsers.safety."""
    try:
        with zipfile.ZipFile(path) as archive:
            what = _what_else(archive, set(archive.namelist()))
    except zipfile.BadZipFile as err:
        raise InputError(
            path, "not a valid PowerPoint package (the zip is damaged or cut short); save it again"
        ) from err
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    if what:
        raise InputError(path, f"{what}, not a PowerPoint deck; export the deck as .pptx or .pdf")


def _what_else(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """What a zip package is when it is not a presentation; None when it is one."""
    if MAIN_PART in names:
        if any(name.startswith("ppt/") for name in names):
            return None
        folders = (
            what for folder, what in OTHER_OFFICE if any(n.startswith(folder) for n in names)
        )
        return next(folders, "an Office package with no presentation in it")
    if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
        kind = archive.read("mimetype").decode("ascii", "replace").strip()
        if kind.startswith(OPENDOCUMENT):
            return f"an OpenDocument {kind.removeprefix(OPENDOCUMENT)} file"
    return "a zip file but not an Office package"
