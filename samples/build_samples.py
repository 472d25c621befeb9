"""Build the other renditions of a sample deck from its markdown rendering.

Usage: python samples/build_samples.py samples/u4ssc-action-plan-2024-2025.md

Writes <name>.html next to the markdown: one <section> per slide, real <table> markup with
<thead>/<th>, meetings on separate lines (<br>), lists nested inside list items. The HTML is a
rendition of the same content in a different shape, so the HTML parser is exercised on its own.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parsers.deck import Block, Heading, ListItem, Paragraph, RichText, Table  # noqa: E402
from parsers.markdown import parse_markdown  # noqa: E402

MEETING_START = re.compile(r"\s(?=\d{1,2} [A-Z][a-z]+ \d{4},)")


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


def main(paths: list[str]) -> None:
    for name in paths:
        source = Path(name)
        target = source.with_suffix(".html")
        target.write_text(deck_html(source), encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
