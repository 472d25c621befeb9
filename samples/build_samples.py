"""Build the other renditions of a sample deck from its markdown rendering.

Usage: python samples/build_samples.py samples/u4ssc-action-plan-2024-2025.md

Writes next to the markdown, each a rendition of the same content in a different shape so that
every parser is exercised on its own:

- <name>.html: one <section> per slide, real <table> markup with <thead>/<th>, meetings on
  separate lines (<br>), lists nested inside list items;
- <name>.pptx: a 16:9 deck made with python-pptx (see pptx_rendition.py);
- <name>.pdf: that deck exported by LibreOffice Impress (`soffice` must be installed:
  `make samples` installs it);
- <name>-a4.pdf: the same content typeset by reportlab on A4 landscape pages in Times, tables
  without ruling lines (see pdf_rendition.py).
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parsers.deck import Block, Heading, ListItem, Paragraph, RichText, Table  # noqa: E402
from parsers.markdown import parse_markdown  # noqa: E402

from rendition import MEETING_START  # noqa: E402


def rich_html(content: RichText, split_meetings: bool = False) -> str:
    """Escape text, restore links and line breaks, bold when the whole text is bold."""
    text = html.escape(content.text)
    for link in content.links:
        anchor = f'<a href="{html.escape(link.url)}">{html.escape(link.text)}</a>'
        text = text.replace(html.escape(link.text), anchor, 1)
    if split_meetings:
        text = MEETING_START.sub("\n", text)
    text = text.replace("\n", "<br>\n")
    return f"<strong>{text}</strong>" if content.bold else text


def table_html(table: Table) -> str:
    head, *body = table.rows
    out = ["<table>", "<thead><tr>"]
    out += [f"<th>{rich_html(c.content)}</th>" for c in head.cells]
    out += ["</tr></thead>", "<tbody>"]
    for row in body:
        cells = [rich_html(c.content, split_meetings=True) for c in row.cells]
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def blocks_html(blocks: list[Block]) -> str:
    out: list[str] = []
    depth = -1
    for block in blocks:
        if isinstance(block, ListItem):
            while depth < block.level:
                out.append("<ul>")
                depth += 1
            while depth > block.level:
                out.append("</ul>")
                depth -= 1
            out.append(f"<li>{rich_html(block.content)}</li>")
            continue
        while depth >= 0:
            out.append("</ul>")
            depth -= 1
        if isinstance(block, Heading):
            level = min(block.level + 1, 6)
            out.append(f"<h{level}>{rich_html(block.content)}</h{level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{rich_html(block.content)}</p>")
        elif isinstance(block, Table):
            out.append(table_html(block))
    out += ["</ul>"] * (depth + 1)
    return "\n".join(out)


def deck_html(markdown_path: Path) -> str:
    deck = parse_markdown(markdown_path)
    sections = []
    for slide in deck.slides:
        title = f"<h1>{rich_html(slide.title.content)}</h1>\n" if slide.title else ""
        sections.append(f'<section class="slide">\n{title}{blocks_html(slide.blocks)}\n</section>')
    title = html.escape(deck.slides[0].title.text if deck.slides[0].title else markdown_path.stem)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n" + "\n".join(sections) + "\n</body>\n</html>\n"
    )


def export_pdf(pptx: Path, target: Path) -> None:
    """Export a deck to PDF with LibreOffice Impress, headless."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: run `make samples`, which installs LibreOffice Impress")
    with tempfile.TemporaryDirectory() as work:
        command = [soffice, f"-env:UserInstallation=file://{work}/profile", "--headless"]
        command += ["--convert-to", "pdf", "--outdir", work, str(pptx)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        shutil.move(Path(work) / f"{pptx.stem}.pdf", target)


def main(paths: list[str]) -> None:
    from pdf_rendition import build_pdf
    from pptx_rendition import build_pptx

    for name in paths:
        source = Path(name)
        target = source.with_suffix(".html")
        target.write_text(deck_html(source), encoding="utf-8")
        deck = parse_markdown(source)
        build_pptx(deck, source.with_suffix(".pptx"))
        export_pdf(source.with_suffix(".pptx"), source.with_suffix(".pdf"))
        build_pdf(deck, source.with_name(f"{source.stem}-a4.pdf"))
        for suffix in (".html", ".pptx", ".pdf", "-a4.pdf"):
            print(f"wrote {source.with_name(source.stem + suffix)}")


if __name__ == "__main__":
    main(sys.argv[1:])
