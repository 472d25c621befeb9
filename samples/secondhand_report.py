"""An A4 portrait report as a secretariat writes one in a word processor, typeset by reportlab.

Numbered headings ("1.2 City Platforms"), a running header and a footer with the page number on
every page, facts as a two-column table or as "Label: value" paragraphs, working groups in a
table of narrow columns whose text wraps (meeting times break before "-"), a long table that
runs on to the next page without repeating its header, words and links hyphenated or broken
over lines (pyphen), proposed working groups in a two-column section. Carlito stands in for
Calibri.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from parsers.deck import RichText

from rendition import link_pieces
from secondhand_model import Edition, Group, Proposal, Row, fact_label

PAGE_W, PAGE_H = A4
MARGIN = 2.2 * cm
FONT_DIRS = (Path("/usr/share/fonts/truetype/crosextra"), Path("/usr/share/fonts/crosextra"))
STAGES = {"ongoing": "Ongoing Thematic Groups", "new": "New Thematic Groups"}
HEADER = (
    "Working Group",
    "Leader",
    "Timeline",
    "Expected publication date",
    "Planned e-meetings",
    "Status",
)
WIDTHS = [3.5 * cm, 3.0 * cm, 1.75 * cm, 1.9 * cm, 3.0 * cm, 3.45 * cm]


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName="Body", fontSize=10.5, leading=13.5, alignment=TA_LEFT,
        hyphenationLang="en_GB", embeddedHyphenation=1, uriWasteReduce=0.3, spaceAfter=4,
    )  # fmt: skip
    cell = ParagraphStyle("cell", base, fontSize=8.5, leading=10.2, spaceAfter=0)
    bold = ParagraphStyle("bold", base, fontName="Body-Bold")
    return {
        "body": base,
        "cell": cell,
        "head": ParagraphStyle("head", cell, fontName="Body-Bold"),
        "h1": ParagraphStyle("h1", bold, fontSize=17, leading=21, spaceBefore=10, spaceAfter=8),
        "h2": ParagraphStyle("h2", bold, fontSize=14, leading=17, spaceBefore=10, spaceAfter=6),
        "h3": ParagraphStyle("h3", bold, fontSize=12, leading=15, spaceBefore=6, spaceAfter=4),
        "title": ParagraphStyle("title", bold, fontSize=26, leading=31, spaceAfter=10),
        "bullet": ParagraphStyle(
            "bullet", base, leftIndent=14, bulletIndent=4, bulletFontName="Body"
        ),
    }


def build_report(edition: Edition, target: Path) -> None:
    """Write the edition as an A4 portrait report."""
    _register_fonts()
    doc = BaseDocTemplate(
        str(target), pagesize=A4, invariant=1, title=f"{edition.label} – report",
        author="Secretariat", leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=2.6 * cm, bottomMargin=2.4 * cm,
    )  # fmt: skip
    width, height = PAGE_W - 2 * MARGIN, PAGE_H - 5.0 * cm
    half = (width - 0.8 * cm) / 2
    one = Frame(MARGIN, 2.4 * cm, width, height, id="one")
    left = Frame(MARGIN, 2.4 * cm, half, height, id="left")
    right = Frame(MARGIN + half + 0.8 * cm, 2.4 * cm, half, height, id="right")
    running = _running(edition)
    doc.addPageTemplates(
        [
            PageTemplate("one", [one], onPage=running),
            PageTemplate("two", [left, right], onPage=running),
        ]
    )
    doc.build(Story(edition, _styles()).flowables())


def _register_fonts() -> None:
    folder = next((d for d in FONT_DIRS if (d / "Carlito-Regular.ttf").exists()), None)
    if folder is None:
        raise SystemExit("Carlito not found: run `make samples`, which installs it")
    pdfmetrics.registerFont(TTFont("Body", str(folder / "Carlito-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Body-Bold", str(folder / "Carlito-Bold.ttf")))


def _running(edition: Edition):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Body", 8.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN, PAGE_H - 1.5 * cm, f"{edition.label} – Secretariat report")
        canvas.drawRightString(
            PAGE_W - MARGIN, PAGE_H - 1.5 * cm, "United for Smart Sustainable Cities"
        )
        canvas.line(MARGIN, PAGE_H - 1.65 * cm, PAGE_W - MARGIN, PAGE_H - 1.65 * cm)
        canvas.drawString(MARGIN, 1.4 * cm, "Prepared by the U4SSC secretariat")
        canvas.drawRightString(PAGE_W - MARGIN, 1.4 * cm, f"Page {doc.page}")
        canvas.restoreState()

    return draw


def rich(content: str | RichText) -> str:
    """Paragraph markup for a value: escaped, links as <a>, line breaks kept."""
    if isinstance(content, str):
        return escape(content).replace("\n", "<br/>")
    out = []
    for text, url in link_pieces(content):
        url = "about:blank" if url == "#" else url  # reportlab reads "#" as a page anchor
        piece = escape(text).replace("\n", "<br/>")
        out.append(f'<a href="{escape(url)}" color="#1f4e9c">{piece}</a>' if url else piece)
    return "".join(out)


class Story:
    """The report's flowables, numbered section by section."""

    def __init__(self, edition: Edition, styles: dict[str, ParagraphStyle]) -> None:
        self.edition, self.s = edition, styles
        self.out: list = []

    def p(self, markup: str, style: str = "body") -> None:
        self.out.append(Paragraph(markup, self.s[style]))

    def flowables(self) -> list:
        self.p(escape(self.edition.title), "title")
        self.p(escape(self.edition.period), "h2")
        self.p(
            "This report sets out the thematic groups of the programme and their working groups."
        )
        chapter, section, stage = 0, 0, None
        for index, group in enumerate(self.edition.groups):
            if group.stage != stage:
                chapter, section, stage = chapter + 1, 0, group.stage
                self.out.append(CondPageBreak(8 * cm))
                self.p(f"{chapter} {STAGES.get(stage or '', 'Thematic Groups')}", "h1")
                if group.approved:
                    self.p("Approved")
            section += 1
            self.group(f"{chapter}.{section}", index, group)
        self.p("For more information, please contact:", "h3")
        for email in self.edition.emails:
            self.p(escape(email))
        for site in self.edition.websites:
            self.p(f'U4SSC website: <a href="{escape(site)}">{escape(site)}</a>')
        return self.out

    def group(self, number: str, index: int, group: Group) -> None:
        self.out.append(CondPageBreak(5 * cm))
        self.p(f"{number} {escape(group.name)}", "h2")
        facts = [
            (fact_label(n), "\n".join(group.meetings) if n == "meetings" and group.meetings else v)
            for n, v in group.facts
        ]
        if index % 2:
            for label, value in facts:
                self.p(f"<b>{escape(label)}:</b> {rich(value)}")
        else:
            rows = [
                [
                    Paragraph(f"<b>{escape(label)}</b>", self.s["cell"]),
                    Paragraph(rich(v), self.s["cell"]),
                ]
                for label, v in facts
            ]
            self.out.append(_grid(rows, [3.6 * cm, PAGE_W - 2 * MARGIN - 3.6 * cm], header=False))
            self.out.append(Spacer(1, 6))
        if group.rows:
            self.p(f"{number}.1 Working Groups", "h3")
            self.rows(group.rows)
        if group.proposals:
            self.proposals(number, group.proposals)
        if group.objectives or group.deliverables:
            self.objectives(number, group)

    def rows(self, rows: list[Row]) -> None:
        cell = self.s["cell"]
        body = [[Paragraph(escape(h), self.s["head"]) for h in HEADER]]
        for row in rows:
            values = [
                f"WG{row.number} - {row.title}",
                row.leaders,
                row.timeline,
                row.publication,
                "\n".join(row.meetings),
            ]
            body.append(
                [Paragraph(rich(v), cell) for v in values] + [Paragraph(rich(row.status), cell)]
            )
        self.out.append(_grid(body, WIDTHS, header=True))
        self.out.append(Spacer(1, 8))

    def proposals(self, number: str, proposals: list[Proposal]) -> None:
        self.out += [NextPageTemplate("two"), PageBreak()]
        label = None
        for proposal in proposals:
            if proposal.label != label:
                label = proposal.label
                self.p(f"{number}.2 {escape(label)}", "h3")
            self.p(f"<b>Working Group {proposal.number}</b>")
            self.p(escape(proposal.title), "h3")
            if proposal.scope or proposal.deliverables:
                self.p("<b>Suggested Scope</b>")
            for deliverable in proposal.deliverables:
                self.p(f"Deliverable: {escape(deliverable)}")
            for line in proposal.scope:
                self.out.append(Paragraph(escape(line), self.s["bullet"], bulletText="•"))
        self.out += [NextPageTemplate("one"), PageBreak()]

    def objectives(self, number: str, group: Group) -> None:
        self.p(f"{number}.3 Objectives and Expected Deliverables", "h3")
        if group.objectives:
            self.p("<b>Suggested Scope</b>")
        if group.objectives_intro:
            self.p(f"{escape(group.objectives_intro)}:", "h3")
        kind = None
        for objective in group.objectives:
            if objective.kind and objective.kind != kind:
                self.p(
                    "Primary Objective:"
                    if objective.kind == "primary"
                    else "Secondary Objectives:",
                    "h3",
                )
            kind = objective.kind
            text = f"{objective.label}) {objective.text}" if objective.label else objective.text
            self.out.append(Paragraph(escape(text), self.s["bullet"], bulletText="•"))
        if group.deliverables:
            self.p("Expected deliverables", "h3")
            for title in group.deliverables:
                self.out.append(Paragraph(escape(f"{title}."), self.s["bullet"], bulletText="•"))


def _grid(rows: list[list], widths: list[float], header: bool) -> Table:
    """A ruled table; a long one runs on to the next page without repeating its header."""
    grid = Table(rows, colWidths=widths, repeatRows=0, splitByRow=1, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8a8a8a")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2f3")))
    grid.setStyle(TableStyle(style))
    return grid
