"""The PDF reader on both sample PDFs (two producers), on corpus files, and on bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import sample

from parsers.deck import Heading, Table
from parsers.detect import parse_file
from parsers.errors import InputError
from parsers.pdf import parse_pdf

PRODUCERS = ("office", "a4")


@pytest.fixture(scope="module")
def decks() -> dict:
    return {"office": parse_pdf(sample(".pdf")), "a4": parse_pdf(sample("-a4.pdf"))}


def kinds(slide) -> list[tuple[str, str, int | None]]:
    return [(type(b).__name__, b.text, getattr(b, "level", None)) for b in slide.blocks]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_one_slide_per_page_with_the_largest_text_near_the_top_as_title(decks, producer):
    deck = decks[producer]
    assert len(deck.slides) == 21
    assert [str(s.location) for s in deck.slides[:2]] == ["page 1", "page 2"]
    assert deck.slides[0].title.text == "U4SSC Action Plan"
    assert deck.slides[1].title.text == "Ongoing Thematic Groups"


@pytest.mark.parametrize("producer", PRODUCERS)
def test_title_broken_over_two_lines_is_rejoined(decks, producer):
    assert decks[producer].slides[15].title.text == (
        "New Thematic Group on Sustainable digital transformation in buildings and urban energy"
    )


@pytest.mark.parametrize("producer", PRODUCERS)
def test_bullets_levels_and_weight(decks, producer):
    slide = decks[producer].slides[4]
    assert [b.level for b in slide.blocks] == [0, 0, 1, 1, 1, 1, 1, 2]
    assert (
        slide.blocks[0].text == "Enhancing Urban Economic Resilience and Smart Sustainable Cities"
    )
    assert slide.blocks[0].content.bold
    assert slide.blocks[5].text.startswith("Scope: This thematic group focuses")
    assert slide.blocks[5].text.endswith("and sustainable urban planning.")  # wrapped lines joined


@pytest.mark.parametrize("producer", PRODUCERS)
def test_headings_from_font_size(decks, producer):
    slide = decks[producer].slides[16]
    headings = [(b.text, b.level) for b in slide.blocks if isinstance(b, Heading)]
    assert headings[:3] == [
        ("Working Group 1", 2),
        ("Guiding Principles for Buildings", 3),
        ("Suggested Scope", 4),
    ]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_columns_are_read_one_after_the_other(decks, producer):
    assert kinds(decks[producer].slides[14]) == [
        ("Heading", "Working Group 2", 2),
        ("Paragraph", "2", None),
        ("Paragraph", "Scenario Planning for Cities", None),
        ("Heading", "Working Group 3", 2),
        ("Paragraph", "3", None),
        ("Paragraph", "Horizon Scanning for Cities", None),
        ("Heading", "Working Group 4", 2),
        ("Paragraph", "4", None),
        ("Paragraph", "Mega Trends for Cities", None),
    ]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_a_centred_title_box_is_not_a_column(decks, producer):
    texts = [b.text for b in decks[producer].slides[13].blocks]
    assert texts[:4] == [
        "Working Group 1",
        "1",
        "Building Future Foresight Capability",
        "Suggested Scope",
    ]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_tables_with_and_without_ruling_lines(decks, producer):
    table = decks[producer].slides[2].blocks[0]
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[0].cells] == [
        "City Platforms Working Groups",
        "Leader",
        "Timeline",
        "Expected publication date",
        "Planned e-meetings",
        "Status",
    ]
    assert len(table.rows) == 8  # WG6 and WG7 continue on the next page
    wg4 = table.rows[4].cells[0].text
    assert wg4 == (
        "WG4 - Tourism, Health and Resilience Management from the perspective of a Smart City "
        "Platform"
    )
    assert decks[producer].slides[3].blocks == []


def test_ruled_table_keeps_merged_cells_with_spans(decks):
    city = decks["office"].slides[2].blocks[0]
    assert [(c.text, c.col_span) for c in city.rows[1].cells][2] == ("N/A", 3)
    ai = decks["office"].slides[6].blocks[0]
    assert (ai.rows[1].cells[1].text, ai.rows[1].cells[1].row_span) == (
        "Okan Geray (Digital Dubai)",
        3,
    )


@pytest.mark.parametrize("producer", PRODUCERS)
def test_links_attach_to_their_text(decks, producer):
    city = decks[producer].slides[2].blocks[0]
    status = city.rows[1].cells[-1].content
    assert status.text.startswith("Completed Digital solutions")
    assert [(link.text, link.url) for link in status.links] == [
        (
            "Digital solutions for integrated city management and use cases Compendium of survey "
            "results on integrated digital solutions for city platforms around the world",
            "#",
        )
    ]
    contact = decks[producer].slides[20].blocks[-1].content
    assert [(link.text, link.url) for link in contact.links] == [
        ("https://u4ssc.itu.int/", "https://u4ssc.itu.int/")
    ]


def test_aligned_paragraph_columns_are_not_a_table(decks):
    assert not any(isinstance(b, Table) for b in decks["a4"].slides[14].blocks)
    assert not any(isinstance(b, Table) for b in decks["a4"].slides[18].blocks)


# corpus


def test_corpus_ruled_table_with_merged_header(corpus):
    deck = parse_pdf(corpus / "pdf" / "camelot__column_span_1.pdf")
    table = next(b for b in deck.slides[0].blocks if isinstance(b, Table))
    spans = [(c.text, c.col_span, c.row_span) for c in table.rows[1].cells]
    assert ("Accidental Deaths", 2, 1) in spans
    assert ("Sl. No.", 1, 2) in spans


def test_corpus_row_spans(corpus):
    deck = parse_pdf(corpus / "pdf" / "camelot__row_span_1.pdf")
    table = next(b for b in deck.slides[0].blocks if isinstance(b, Table))
    assert (table.rows[1].cells[0].text, table.rows[1].cells[0].row_span) == ("GMC", 10)


def test_corpus_borderless_table(corpus):
    deck = parse_pdf(corpus / "pdf" / "markitdown__SPARSE-2024-INV-1234_borderless_table.pdf")
    tables = [b for s in deck.slides for b in s.blocks if isinstance(b, Table)]
    assert tables
    header = [c.text for c in tables[-1].rows[0].cells]
    assert header[:3] == ["Product Code", "Category", "Unit Cost"]


@pytest.mark.parametrize(
    ("name", "password", "text"),
    [
        ("pdfplumber__password-example.pdf", "test", "Starting from version 2"),
        ("pdfminer__aes-256-r6.pdf", "usersecret", "Hello World"),
        ("pdfminer__rc4-40.pdf", "baz", "Secret!"),
        ("pdfminer__rc4-40.pdf", "foo", "Secret!"),
        ("camelot__health_protected.pdf", "userpass", "Health Sector Financing"),
    ],
)
def test_encrypted_pdfs(corpus, name, password, text):
    path = corpus / "pdf" / name
    with pytest.raises(InputError, match="encrypted; give its password with --password"):
        parse_file(path)
    with pytest.raises(InputError, match="password given with --password does not open"):
        parse_file(path, "not-the-password")
    deck = parse_file(path, password)
    assert any(text in b.text for s in deck.slides for b in s.blocks if not isinstance(b, Table))


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("hostile/zero-byte.pdf", "the file is empty"),
        ("pdf/pdfplumber__empty.pdf", "the file is empty"),
        ("hostile/truncated-half.pdf", "truncated"),
        ("hostile/png-renamed.pdf", "content is PNG, not pdf"),
        ("hostile/many-pages-20000.pdf", "too many for a slide deck"),
        ("pdf/camelot__image.pdf", "no text layer"),
        ("pdf/pdfminer__pdf-with-jbig2.pdf", "no text layer"),
        ("pdf/markitdown__MEDRPT-2024-PAT-3847_medical_report_scan.pdf", "no text layer"),
        ("pdf/unstructured__pdf-bad-color-space.pdf", "damaged"),
    ],
)
def test_bad_pdfs_fail_with_one_clear_line(corpus, name, words):
    with pytest.raises(InputError) as caught:
        parse_file(corpus / name)
    assert words in caught.value.reason
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "name",
    [
        "hostile/cyclic-page-tree.pdf",
        "hostile/length-past-eof.pdf",
        "pdf/pdfminer__issue-1113-evil-xobjects.pdf",
        "pdf/pdfplumber__malformed-from-issue-932.pdf",
        "pdf/pypdf__issue-297.pdf",
    ],
)
def test_malformed_pdfs_read_or_fail_cleanly(corpus, name):
    try:
        deck = parse_file(corpus / name)
    except InputError as err:
        assert "\n" not in str(err)
    else:
        assert deck.source.format == "pdf"


def test_cli_reports_bad_files_and_goes_on(corpus, tmp_path):
    encrypted = corpus / "pdf" / "pdfplumber__password-example.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(encrypted), str(sample(".pdf"))]
        + ["-o", str(tmp_path), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        f"actionplan: error: {encrypted}: the PDF is encrypted; give its password with --password"
    ]
    assert (tmp_path / "u4ssc-action-plan-2024-2025" / "plan.json").is_file()


def test_cli_password_opens_the_file(corpus, tmp_path):
    encrypted = corpus / "pdf" / "pdfplumber__password-example.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(encrypted), "-o", str(tmp_path)]
        + ["--password", "test"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2  # it opens, but it is not an action plan
    assert "no thematic group found" in run.stderr
    assert "--password" not in run.stderr


@pytest.mark.slow
def test_every_corpus_pdf_and_pptx_reads_or_fails_with_input_error(corpus):
    files = sorted((corpus / "pdf").iterdir()) + sorted((corpus / "pptx").iterdir())
    files += sorted(p for p in (corpus / "hostile").iterdir() if p.suffix in (".pdf", ".pptx"))
    for path in files:
        try:
            parse_file(path)
        except InputError as err:
            assert "\n" not in str(err), path
