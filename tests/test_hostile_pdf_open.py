"""Opening a PDF: a --password meant for other files, and the page limit of a slide deck."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from extractor.cli.main import main
from parsers.detect import parse_file
from parsers.errors import InputError
from parsers.safety import DEFAULT_LIMITS, Limits

canvas_module = pytest.importorskip("reportlab.pdfgen.canvas", reason="pip install reportlab")


def pdf_with_pages(path: Path, count: int) -> Path:
    canvas = canvas_module.Canvas(str(path), pagesize=(842, 595))
    for number in range(1, count + 1):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(60, 500, f"Page number {number}")
        canvas.showPage()
    canvas.save()
    return path


def corpus_pdf(name: str) -> Path:
    path = CORPUS / "pdf" / name
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return path


def texts(path: Path, password: str | None) -> list[str]:
    deck = parse_file(path, password)
    return [b.text for s in deck.slides for b in ([s.title] if s.title else []) + s.blocks]


# --- passwords -------------------------------------------------------------------------------


def test_a_pdf_without_encryption_opens_whatever_password_is_given(tmp_path: Path) -> None:
    path = pdf_with_pages(tmp_path / "plain.pdf", 1)
    assert texts(path, "secret") == texts(path, None) == ["Page number 1"]


def test_a_pdf_with_an_owner_password_only_opens_with_any_password_given() -> None:
    # Encrypted for permissions only: the empty user password opens it, as viewers do.
    path = corpus_pdf("pypdf__r2-owner-password.pdf")
    assert texts(path, "not-this-one") == texts(path, None)
    assert texts(path, None)


def test_a_pdf_with_a_user_password_still_needs_it() -> None:
    path = corpus_pdf("pdfplumber__password-example.pdf")
    assert texts(path, "test")
    with pytest.raises(InputError, match="the PDF is encrypted; give its password with --password"):
        parse_file(path)
    with pytest.raises(InputError, match="the password given with --password does not open"):
        parse_file(path, "wrong")


# --- page limit ------------------------------------------------------------------------------


def test_the_page_limit_is_one_of_the_limits(tmp_path: Path) -> None:
    assert DEFAULT_LIMITS.max_pages == 500
    path = pdf_with_pages(tmp_path / "six.pdf", 6)
    with pytest.raises(InputError) as caught:
        parse_file(path, limits=Limits(max_pages=5))
    assert caught.value.reason.startswith(
        "6 pages: too many for a slide deck (the limit is 5); split the document, or raise "
        "the limit with --max-pages"
    )
    assert len(parse_file(path, limits=Limits(max_pages=6)).slides) == 6


def test_a_pdf_over_the_default_page_limit_reads_with_a_higher_one(tmp_path: Path) -> None:
    path = pdf_with_pages(tmp_path / "long.pdf", 501)
    with pytest.raises(InputError, match="501 pages: too many"):
        parse_file(path)
    deck = parse_file(path, limits=Limits(max_pages=1000))
    assert len(deck.slides) == 501
    assert deck.slides[-1].blocks[0].text == "Page number 501"


def test_the_page_limit_is_an_option_of_extract(tmp_path: Path) -> None:
    path = pdf_with_pages(tmp_path / "six.pdf", 6)
    runner = CliRunner()
    low = runner.invoke(main, ["extract", str(path), "-o", str(tmp_path / "a"), "--max-pages", "5"])
    assert low.exit_code == 2 and "6 pages: too many" in low.output
    high = runner.invoke(
        main, ["extract", str(path), "-o", str(tmp_path / "b"), "--max-pages", "6"]
    )
    assert "too many" not in high.output  # read, then refused only as no plan
