"""Opening a PowerPoint package: a real Office zip that python-pptx reads, or one clear error."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from parsers.errors import InputError, first_line

MAIN_PART = "[Content_Types].xml"


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
    """Refuse a zip that is not an Office package; sizes and DTDs are checked by parsers.safety."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as err:
        raise InputError(
            path, "not a valid PowerPoint package (the zip is damaged or cut short); save it again"
        ) from err
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    if MAIN_PART not in names:
        raise InputError(path, "a zip file but not an Office package; save the deck as .pptx")
