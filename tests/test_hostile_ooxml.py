"""Hostile and mislabelled OOXML packages: hidden DOCTYPEs, twin entries, other Office files."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from parsers.detect import parse_file
from parsers.errors import InputError
from parsers.safety import MB, check_ooxml_package

SLIDE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
SLIDE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'
)
DOCTYPE = '<!DOCTYPE p:sld [<!ENTITY x "boom">]>'


def package(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def types(*rules: str) -> str:
    namespace = "http://schemas.openxmlformats.org/package/2006/content-types"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{namespace}">{"".join(rules)}</Types>'
    )


def reason(call, *args) -> str:
    with pytest.raises(InputError) as caught:
        call(*args)
    assert "\n" not in caught.value.reason
    return caught.value.reason


# --- a DOCTYPE hidden from the check ---------------------------------------------------------


def test_a_doctype_written_in_utf7_is_refused(tmp_path: Path) -> None:
    # "+ADw-" is "<" in UTF-7: an XML parser honouring the declaration reads "<!DOCTYPE".
    slide = '<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE p:sld +AFs-+ADw-!ENTITY x+AD4-'
    path = package(tmp_path / "utf7.pptx", {"ppt/slides/slide1.xml": slide + "<p:sld/>"})
    message = reason(check_ooxml_package, path)
    assert message.startswith("ppt/slides/slide1.xml is encoded in UTF-7")
    assert "only UTF-8 or UTF-16" in message


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [("utf-32-le", "UTF-32"), ("cp500", "EBCDIC")],
)
def test_a_part_sniffed_as_another_encoding_is_refused(tmp_path, encoding, shown) -> None:
    slide = ('<?xml version="1.0"?>' + DOCTYPE + "<p:sld/>").encode(encoding)
    path = package(tmp_path / "odd.pptx", {"ppt/slides/slide1.xml": slide})
    assert reason(check_ooxml_package, path).startswith(
        f"ppt/slides/slide1.xml is encoded in {shown}"
    )


def test_a_slide_whose_content_type_is_written_with_a_character_reference_is_checked(
    tmp_path: Path,
) -> None:
    # "xm&#108;" is "xml" to any XML parser, so the reader takes slide1.bin for a slide.
    rule = f'<Override PartName="/ppt/slides/slide1.bin" ContentType="{SLIDE_TYPE[:-1]}&#108;"/>'
    parts = {"[Content_Types].xml": types(rule), "ppt/slides/slide1.bin": DOCTYPE + SLIDE}
    path = package(tmp_path / "entity.pptx", parts)
    assert "ppt/slides/slide1.bin declares a DOCTYPE" in reason(check_ooxml_package, path)


def test_content_types_in_utf16_without_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    rule = f'<Override PartName="/ppt/slides/slide1.bin" ContentType="{SLIDE_TYPE}"/>'
    listing = types(rule).replace("UTF-8", "UTF-16").encode("utf-16-le")
    parts = {"[Content_Types].xml": listing, "ppt/slides/slide1.bin": DOCTYPE + SLIDE}
    path = package(tmp_path / "utf16.pptx", parts)
    assert "ppt/slides/slide1.bin declares a DOCTYPE" in reason(check_ooxml_package, path)


def test_an_xml_part_under_any_name_and_type_is_checked(tmp_path: Path) -> None:
    rule = '<Default Extension="dat" ContentType="application/octet-stream"/>'
    parts = {"[Content_Types].xml": types(rule), "ppt/embeddings/thing.dat": "\n " + DOCTYPE}
    path = package(tmp_path / "any.pptx", parts)
    assert "ppt/embeddings/thing.dat declares a DOCTYPE" in reason(check_ooxml_package, path)


def test_an_svg_image_may_keep_its_doctype_also_with_utf16_content_types(tmp_path) -> None:
    svg = '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    rule = '<Default Extension="svg" ContentType="image/svg+xml"/>'
    listing = types(rule).replace("UTF-8", "UTF-16").encode("utf-16")
    parts = {"[Content_Types].xml": listing, "ppt/media/image1.svg": svg, "ppt/x.xml": SLIDE}
    check_ooxml_package(package(tmp_path / "svg.pptx", parts))


def test_an_svg_named_as_xml_is_checked_as_xml(tmp_path: Path) -> None:
    rule = '<Override PartName="/ppt/media/image1.xml" ContentType="image/svg+xml"/>'
    parts = {"[Content_Types].xml": types(rule), "ppt/media/image1.xml": DOCTYPE + "<svg/>"}
    path = package(tmp_path / "named.pptx", parts)
    assert "image1.xml declares a DOCTYPE" in reason(check_ooxml_package, path)


def test_a_prolog_padded_past_a_mebibyte_is_refused_quickly(tmp_path: Path) -> None:
    padded = b" " * (4 * MB) + DOCTYPE.encode() + SLIDE.encode()
    path = package(tmp_path / "padded.pptx", {"ppt/slides/slide1.xml": padded})
    started = time.perf_counter()
    message = reason(check_ooxml_package, path)
    assert time.perf_counter() - started < 3
    assert message.startswith("ppt/slides/slide1.xml has over 1 MiB before its first element")


# --- zip directory -------------------------------------------------------------------------


def test_twin_entry_names_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twins.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ppt/slides/slide1.xml", SLIDE)
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("ppt/slides/slide1.xml", SLIDE.replace("sld", "sld "))
    message = reason(check_ooxml_package, path)
    assert "two entries named 'ppt/slides/slide1.xml' and 'ppt/slides/slide1.xml'" in message


def test_entry_names_differing_in_case_only_are_refused(tmp_path: Path) -> None:
    parts = {"ppt/slides/slide1.xml": SLIDE, "ppt/slides/Slide1.xml": SLIDE}
    message = reason(check_ooxml_package, package(tmp_path / "case.pptx", parts))
    assert "'ppt/slides/slide1.xml' and 'ppt/slides/Slide1.xml'" in message


def test_a_big_legitimate_table_slide_is_not_a_zip_bomb(tmp_path: Path) -> None:
    row = "<a:tr><a:tc><a:txBody><a:p><a:r><a:t>WG{n}</a:t></a:r></a:p></a:txBody></a:tc></a:tr>"
    slide = SLIDE[:-2] + ">" + "".join(row.format(n=n % 10) for n in range(20_000)) + "</p:sld>"
    assert 1.5 * MB < len(slide) < 2 * MB
    path = package(tmp_path / "table.pptx", {"ppt/slides/slide1.xml": slide})
    packed = zipfile.ZipFile(path).infolist()[0].compress_size
    assert len(slide) / packed > 100  # as compressible as the report's 5,000-row table
    check_ooxml_package(path)


def test_a_zip_bomb_message_gives_the_real_sizes(tmp_path: Path) -> None:
    path = package(tmp_path / "bomb.pptx", {"ppt/slides/slide1.xml": b" " * (20 * MB)})
    packed = zipfile.ZipFile(path).infolist()[0].compress_size
    assert packed < 100 * 1024  # so that the message says KiB
    message = reason(check_ooxml_package, path)
    expected = f"unpacks to 20.0 MiB from {packed / 1024:.1f} KiB (ratio {20 * MB / packed:,.0f}:1"
    assert expected in message


# --- other Office files under a .pptx name ----------------------------------------------------

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{target}"/></Relationships>'
)


@pytest.mark.parametrize(
    ("main", "kind", "what"),
    [
        ("word/document.xml", WORD, "a Word document (.docx)"),
        ("xl/workbook.xml", EXCEL, "an Excel workbook (.xlsx)"),
    ],
)
def test_a_renamed_word_or_excel_file_says_what_it_is(tmp_path, main, kind, what) -> None:
    parts = {
        "[Content_Types].xml": types(f'<Override PartName="/{main}" ContentType="{kind}"/>'),
        "_rels/.rels": RELS.format(target=main),
        main: '<?xml version="1.0"?><document/>',
    }
    path = package(tmp_path / "deck.pptx", parts)
    assert (
        reason(parse_file, path)
        == f"{what}, not a PowerPoint deck; export the deck as .pptx or .pdf"
    )


def test_a_renamed_opendocument_presentation_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        archive.writestr("content.xml", "<office:document-content/>")
    assert reason(parse_file, path).startswith(
        "an OpenDocument presentation file, not a PowerPoint"
    )
