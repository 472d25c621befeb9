"""HTML pages read in the charset they declare, as browsers read them."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from parsers.detect import parse_file

NAMES = "José Müller (Zürich) – Ana Conceição, Søren Ærø"


def page(tmp_path: Path, head: str, body: str, encoding: str, bom: bytes = b"") -> Path:
    path = tmp_path / "page.html"
    html = f"<html><head>{head}<title>Plan</title></head><body><p>{body}</p></body></html>"
    path.write_bytes(bom + html.encode(encoding))
    return path


def read(path: Path) -> tuple[list[str], list[str]]:
    deck = parse_file(path)
    return [b.text for s in deck.slides for b in s.blocks], deck.warnings


@pytest.mark.parametrize(
    "head",
    [
        "<meta charset=windows-1252>",
        '<meta charset="WINDOWS-1252" />',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        "<meta http-equiv='content-type' content='text/html;charset=cp1252'>",
    ],
)
def test_a_windows_1252_page_reads_right_without_a_warning(tmp_path: Path, head: str) -> None:
    assert read(page(tmp_path, head, NAMES, "cp1252")) == ([NAMES], [])


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do(tmp_path: Path) -> None:
    # The en dash is byte 0x96: a C1 control in ISO-8859-1, "–" in windows-1252.
    head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    assert read(page(tmp_path, head, NAMES, "cp1252")) == ([NAMES], [])


def test_other_declared_charsets_are_honoured(tmp_path: Path) -> None:
    text = "Москва, Київ"
    assert read(page(tmp_path, "<meta charset=koi8-u>", text, "koi8-u")) == ([text], [])
    text = "Łódź, Gdańsk"
    assert read(page(tmp_path, '<meta charset="iso-8859-2">', text, "iso8859-2")) == ([text], [])


def test_a_byte_order_mark_comes_before_the_declaration(tmp_path: Path) -> None:
    path = page(tmp_path, "<meta charset=windows-1252>", NAMES, "utf-8", codecs.BOM_UTF8)
    assert read(path) == ([NAMES], [])


def test_a_page_in_utf8_without_a_declaration_is_still_utf8(tmp_path: Path) -> None:
    assert read(page(tmp_path, "", NAMES, "utf-8")) == ([NAMES], [])


def test_a_declaration_past_the_first_1024_bytes_is_not_looked_for(tmp_path: Path) -> None:
    head = "<!-- " + "x" * 1100 + " --><meta charset=windows-1252>"
    texts, warnings = read(page(tmp_path, head, "café", "cp1252"))
    assert texts == ["caf\ufffd"]
    assert len(warnings) == 1 and warnings[0].startswith("the file is not valid UTF-8")


@pytest.mark.parametrize("label", ["utf-7", "no-such-charset"])
def test_a_charset_browsers_do_not_read_is_passed_over_with_a_warning(tmp_path, label) -> None:
    texts, warnings = read(page(tmp_path, f"<meta charset={label}>", "+AKM-1 café", "utf-8"))
    assert texts == ["+AKM-1 café"]
    assert warnings == [
        f"the page declares the charset '{label}', which browsers do not read; it was read as UTF-8"
    ]


def test_a_utf16_label_on_ascii_bytes_means_utf8(tmp_path: Path) -> None:
    assert read(page(tmp_path, "<meta charset=utf-16>", NAMES, "utf-8")) == ([NAMES], [])
