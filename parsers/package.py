"""Opening a PowerPoint package safely: a real zip of sane inflated size that python-pptx reads."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from parsers.errors import InputError, first_line

MAX_PART_BYTES = 256 << 20  # one XML part inflating past this is a zip bomb, not a slide
MAX_TOTAL_BYTES = 2 << 30
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
    """Refuse files that are not zip packages, are cut short, or inflate absurdly."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as err:
        raise InputError(
            path, "not a valid PowerPoint package (the zip is damaged or cut short); save it again"
        ) from err
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err
    names = {entry.filename for entry in entries}
    if MAIN_PART not in names:
        raise InputError(path, "a zip file but not an Office package; save the deck as .pptx")
    total = sum(entry.file_size for entry in entries)
    bomb = next((e for e in entries if e.file_size > MAX_PART_BYTES and _is_xml(e)), None)
    if bomb is not None or total > MAX_TOTAL_BYTES:
        name = bomb.filename if bomb else "the package"
        raise InputError(path, f"{name} inflates to an implausible size; refusing to read it")


def _is_xml(entry: zipfile.ZipInfo) -> bool:
    return entry.filename.endswith((".xml", ".rels"))
