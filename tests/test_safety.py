"""Checks made before any parser runs, and hostile text and markup, on real and made-up files."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from parsers.detect import parse_file
from parsers.errors import InputError
from parsers.safety import MB, Limits, check_ooxml_package, check_size, library_errors

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS} (../shared/corpus)"
)
SLIDE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'
)


def package(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def reason(call, *args) -> str:
    with pytest.raises(InputError) as caught:
        call(*args)
    return caught.value.reason


# --- size -------------------------------------------------------------------------------------


def test_zero_byte_and_oversized_files_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "deck.md"
    empty.write_bytes(b"")
    assert "empty (0 bytes)" in reason(check_size, empty, MB)
    big = tmp_path / "big.md"
    big.write_bytes(b"# x\n" * (MB // 2))
    assert "over the 1.0 MiB limit" in reason(check_size, big, MB)
    check_size(big, 4 * MB)


def test_parse_file_applies_the_size_limit_before_reading(tmp_path: Path) -> None:
    deck = tmp_path / "deck.md"
    deck.write_text("# Title\n\n" + "text " * 300_000, encoding="utf-8")
    assert "--max-file-size" in reason(parse_file, deck, None, Limits(max_file_bytes=MB))
    assert parse_file(deck, limits=Limits(max_file_bytes=4 * MB)).slides


# --- OOXML packages ----------------------------------------------------------------------------


def test_a_plain_package_passes(tmp_path: Path) -> None:
    check_ooxml_package(package(tmp_path / "ok.pptx", {"ppt/slides/slide1.xml": SLIDE}))


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    bomb = package(tmp_path / "bomb.pptx", {"ppt/slides/slide1.xml": b" " * (40 * MB)})
    message = reason(check_ooxml_package, bomb, Limits())
    assert "zip bomb: ppt/slides/slide1.xml unpacks to 40.0 MiB" in message
    assert "over 100:1" in message


def test_total_unpacked_size_and_entry_count_are_limited(tmp_path: Path) -> None:
    parts = {f"ppt/media/image{n}.bin": bytes(range(256)) * 4096 for n in range(3)}
    wide = package(tmp_path / "wide.pptx", parts)
    assert "--max-unpacked-size" in reason(
        check_ooxml_package, wide, Limits(max_unpacked_bytes=2 * MB)
    )
    assert "3 entries, over the limit of 2" in reason(
        check_ooxml_package, wide, Limits(max_entries=2)
    )


def liar(tmp_path: Path) -> Path:
    """A package whose zip directory says 1000 bytes for a part of 8 MiB."""
    path = package(tmp_path / "liar.pptx", {"ppt/slides/slide1.xml": b"<a/>" * (2 * MB)})
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.index(signature)
        struct.pack_into("<I", data, at + offset, 1000)  # declared uncompressed size
    path.write_bytes(bytes(data))
    return path


def test_zipfile_never_unpacks_past_the_declared_size(tmp_path: Path) -> None:
    # The package checks trust the declared sizes because of this.
    delivered = 0
    with zipfile.ZipFile(liar(tmp_path)) as archive:
        assert archive.infolist()[0].file_size == 1000
        with (
            archive.open("ppt/slides/slide1.xml") as stream,
            pytest.raises(zipfile.BadZipFile, match="CRC"),
        ):
            while chunk := stream.read(100):
                delivered += len(chunk)
    assert delivered <= 1000


def test_a_directory_that_understates_sizes_is_refused_as_damaged(tmp_path: Path) -> None:
    message = reason(parse_file, liar(tmp_path))
    assert "damaged" in message and "CRC" in message and "\n" not in message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_part_with_a_doctype_is_refused(tmp_path: Path, encoding: str) -> None:
    xml = '<?xml version="1.0"?>\n<!DOCTYPE p:sld [<!ENTITY x "y">]>\n<p:sld>&x;</p:sld>'
    path = package(tmp_path / "dtd.pptx", {"ppt/slides/slide7.xml": xml.encode(encoding)})
    assert "ppt/slides/slide7.xml declares a DOCTYPE" in reason(check_ooxml_package, path)


def test_a_doctype_in_an_xml_part_with_another_name_is_refused(tmp_path: Path) -> None:
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/ppt/slides/slide1.bin" ContentType="application/'
        'vnd.openxmlformats-officedocument.presentationml.slide+xml"/></Types>'
    )
    parts = {"[Content_Types].xml": types, "ppt/slides/slide1.bin": "<!DOCTYPE x>" + SLIDE}
    path = package(tmp_path / "odd.pptx", parts)
    assert "slide1.bin declares a DOCTYPE" in reason(check_ooxml_package, path)


def test_opaque_parts_may_carry_a_doctype_of_their_own(tmp_path: Path) -> None:
    types = (
        "<Types><Default Extension='svg' ContentType='image/svg+xml'/>"
        "<Default Extension='bin' ContentType='application/vnd.openxmlformats-officedocument."
        "presentationml.printerSettings'/></Types>"
    )
    plist = b'\x02\x00<?xml version="1.0"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN">'
    svg = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    parts = {
        "[Content_Types].xml": types,
        "ppt/media/image1.svg": svg,
        "ppt/printerSettings/printerSettings1.bin": plist,
    }
    check_ooxml_package(package(tmp_path / "mac.pptx", parts))


def test_not_a_zip_and_a_truncated_zip_are_named_as_such(tmp_path: Path) -> None:
    text = tmp_path / "text.pptx"
    text.write_text("just some words", encoding="utf-8")
    assert "not a zip package" in reason(check_ooxml_package, text)
    whole = package(tmp_path / "whole.pptx", {"ppt/slides/slide1.xml": SLIDE * 200})
    cut = tmp_path / "cut.pptx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert "damaged or truncated zip package" in reason(check_ooxml_package, cut)


@needs_corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zip-bomb.pptx", "zip package unpacks to 1.0 GiB"),
        ("xxe-etc-passwd.pptx", "ppt/slides/slide1.xml declares a DOCTYPE"),
        ("billion-laughs.pptx", "ppt/slides/slide1.xml declares a DOCTYPE"),
        ("truncated-zip.pptx", "damaged or truncated zip package"),
        ("not-a-zip.pptx", "not a zip package"),
    ],
)
def test_hostile_packages_of_the_corpus(name: str, expected: str) -> None:
    assert expected in reason(check_ooxml_package, CORPUS / "hostile" / name)


@needs_corpus
def test_real_presentations_of_the_corpus_pass() -> None:
    decks = sorted((CORPUS / "pptx").glob("*.ppt[xm]"))
    assert len(decks) >= 10
    for deck in decks:
        check_ooxml_package(deck)


# --- library errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error", [AssertionError("bad xref"), TypeError("NoneType"), ValueError("x"), KeyError("k")]
)
def test_library_errors_become_input_errors(tmp_path: Path, error: Exception) -> None:
    with pytest.raises(InputError) as caught, library_errors(tmp_path / "a.pdf", "pdf"):
        raise error
    assert caught.value.reason.startswith(f"cannot be read as pdf: {type(error).__name__}")
    assert "\n" not in caught.value.reason


def test_memory_errors_become_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="ran out of memory"), library_errors(tmp_path, "html"):
        raise MemoryError


# --- hostile text and markup ----------------------------------------------------------------


def test_invalid_utf8_with_a_nul_is_read_with_warnings(tmp_path: Path) -> None:
    deck = tmp_path / "deck.md"
    intro = b"Some words before the list, as a real deck would have them. " * 3
    deck.write_bytes(
        b"# Title \xff\xfe ok\n\n" + intro + b"\n\n* caf\xe9 \x00 here\n* cut \xe2\x82"
    )
    parsed = parse_file(deck)
    assert any("not valid UTF-8" in w for w in parsed.warnings)
    assert any("1 NUL character" in w for w in parsed.warnings)
    texts = [b.content.text for s in parsed.slides for b in s.blocks]
    assert texts[-2:] == ["caf\ufffd \ufffd here", "cut \ufffd"]


def test_utf16_with_a_bom_and_an_xhtml_declaration_are_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(
        '<?xml version="1.0" encoding="utf-16"?><html><body><p>Grüße</p></body></html>'.encode(
            "utf-16"
        )
    )
    parsed = parse_file(page)
    assert [b.content.text for s in parsed.slides for b in s.blocks] == ["Grüße"]
    assert parsed.warnings == []


def test_entities_are_never_expanded_nor_fetched(tmp_path: Path) -> None:
    page = tmp_path / "xxe.html"
    page.write_text(
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>'
        "<html><body><p>A &xxe; B &lol; C</p></body></html>",
        encoding="utf-8",
    )
    texts = [b.content.text for s in parse_file(page).slides for b in s.blocks]
    assert "A &xxe; B &lol; C" in texts
    assert not any("root:" in t for t in texts)


@pytest.mark.parametrize("tag", ["div", "ul", "b", "blockquote"])
def test_deeply_nested_html_is_read_without_crashing(tmp_path: Path, tag: str) -> None:
    inner = "<li>x" if tag == "ul" else "x"
    page = tmp_path / "deep.html"
    page.write_text(f"<html><body>{f'<{tag}>{inner}' * 20_000}</body></html>", encoding="utf-8")
    assert parse_file(page).slides is not None
