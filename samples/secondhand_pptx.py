"""A deck made by hand in PowerPoint: blank slides, text boxes, tables and cards placed freely.

Each thematic group gets one of several layouts, so one file exercises many:

- facts as bullets in one text box under a title placeholder; as a two-column table
  "Label | value" under a title text box added last; as label boxes ("Leader:") with value boxes
  to their right, the group's name in a box added after them;
- working groups as a table with the number in a column of its own ("WG3" | title, or "No." |
  "3"), as a table with our columns in another order, or as a list "WG3 – title (Leader: …)"
  with nested details; a "Working Groups" sub-heading;
- proposed working groups as cards (label, big number, title over several lines), in turn as
  loose shapes and as a group shape;
- furniture on every slide (footer text, a date, a slide-number field in plain text boxes),
  speaker notes, a hidden slide, an empty text box, a picture-only slide, a field-only slide;
  the period in the subtitle of the title slide.
"""

from __future__ import annotations

import random
from pathlib import Path

from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches

from secondhand_model import Edition, Group, Proposal, Row, fact_label
from secondhand_shapes import (
    SLIDE_H,
    SLIDE_W,
    Para,
    band,
    fixed_zip,
    furniture,
    hide,
    labelled,
    logo_png,
    notes,
    para,
    raise_to_top,
    rounded,
    table,
    text_box,
)

TITLE_ONLY, BLANK, TITLE_SLIDE = 5, 6, 0
LEFT, TOP = Inches(0.5), Inches(0.35)
BODY_TOP = Inches(1.45)
WIDTH = SLIDE_W - 2 * LEFT
ROWS_PER_SLIDE = 5
NOTE = (
    "Speaker notes, not for the slide: Leader: Placeholder Person (Notes Office). "
    "Timeline: 1990-1991."
)
STAGE_TITLES = {"ongoing": "Ongoing Thematic Groups", "new": "New Thematic Groups"}
FACT_LAYOUTS = ("bullets", "table", "boxes")
TABLE_LAYOUTS = ("reordered", "wg-column", "list", "number-column")


def build_handmade_pptx(edition: Edition, target: Path) -> None:
    """Write the edition as a hand-made deck."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    builder = HandmadeDeck(prs, edition)
    builder.build()
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = edition.label, "Secretariat", "Secretariat"
    prs.save(target)
    fixed_zip(target)


class HandmadeDeck:
    """The slides of one edition, laid out group by group."""

    def __init__(self, prs, edition: Edition) -> None:
        self.prs, self.edition = prs, edition
        self.rng = random.Random(edition.stem)
        start = int(edition.period[:4]) if edition.period[:4].isdigit() else 2024
        self.footer = f"Action Plan {edition.period} | U4SSC"
        self.date = f"November {start}"
        self.table_turn = start - 2024
        self.card_turn = 0

    def build(self) -> None:
        self.title_slide()
        self.picture_slide()
        stage = None
        for index, group in enumerate(self.edition.groups):
            if group.stage != stage:
                self.divider(group)
                stage = group.stage
            self.facts_slide(index, group)
            if group.rows:
                self.working_groups(group)
            labels = list(dict.fromkeys(p.label for p in group.proposals))
            for label in labels:
                self.proposals(label, [p for p in group.proposals if p.label == label])
            if group.objectives or group.deliverables:
                self.objectives(group)
            if index == 1:
                self.hidden_slide()
            if index == 2:
                self.field_only_slide()
        self.contacts()

    # slides

    def slide(self, layout: int, title: str | None = None, furnished: bool = True):
        out = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        if title is not None:
            shape = out.shapes.title
            shape.left, shape.top, shape.width, shape.height = LEFT, TOP, WIDTH, Inches(0.9)
            shape.text_frame.text = title
            shape.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
            shape.text_frame.word_wrap = True
        if furnished and self.rng.random() < 0.5:
            furniture(out, self.footer, self.date)  # drawn first on some slides, last on others
            furnished = False
        self._pending = out if furnished else None
        return out

    def done(self, slide) -> None:
        if self._pending is slide:
            furniture(slide, self.footer, self.date)
        notes(slide, NOTE)

    def title_slide(self) -> None:
        out = self.prs.slides.add_slide(self.prs.slide_layouts[TITLE_SLIDE])
        out.shapes.title.text = self.edition.title
        out.placeholders[1].text = f"Period covered: {self.edition.period}"
        text_box(out.shapes, Inches(9), Inches(0.4), Inches(3), Inches(0.6), [])  # left empty
        furniture(out, self.footer, self.date)
        notes(out, NOTE)

    def picture_slide(self) -> None:
        import io

        out = self.prs.slides.add_slide(self.prs.slide_layouts[BLANK])
        out.shapes.add_picture(io.BytesIO(logo_png()), Inches(4.7), Inches(2.3), Inches(4))

    def divider(self, group: Group) -> None:
        out = self.slide(BLANK)
        band(out.shapes, 0, Inches(2.2), SLIDE_W, Inches(2.6), (0x2F, 0x55, 0x97))
        title = para(STAGE_TITLES.get(group.stage or "", "Thematic Groups"), 40, bold=True)
        text_box(out.shapes, Inches(1), Inches(2.5), Inches(11), Inches(1.1), [title])
        if group.approved:
            text_box(
                out.shapes, Inches(1), Inches(3.7), Inches(6), Inches(0.6), [para("Approved", 20)]
            )
        self.done(out)

    def hidden_slide(self) -> None:
        out = self.slide(TITLE_ONLY, "DRAFT – do not present")
        junk = [
            para("Leader: Placeholder Person (Draft Office)", 14),
            para("Timeline: 1999-2000", 14),
        ]
        text_box(out.shapes, LEFT, BODY_TOP, WIDTH, Inches(2), junk)
        hide(out)
        self.done(out)

    def field_only_slide(self) -> None:
        out = self.prs.slides.add_slide(self.prs.slide_layouts[BLANK])
        index = str(len(self.prs.slides))
        number = Para([], 18, align=PP_ALIGN.CENTER, fields=["slidenum"], field_text=index)
        text_box(out.shapes, Inches(6), Inches(3.4), Inches(1.3), Inches(0.6), [number])

    def contacts(self) -> None:
        out = self.slide(TITLE_ONLY, "For more information")
        lines = [para(f"Please contact: {e}", 16) for e in self.edition.emails]
        lines += [
            Para([("U4SSC website: ", None, False), (w, w, False)], 16)
            for w in self.edition.websites
        ]
        text_box(out.shapes, LEFT, BODY_TOP, WIDTH, Inches(2), lines)
        self.done(out)

    # a group's facts

    def facts_slide(self, index: int, group: Group) -> None:
        layout = FACT_LAYOUTS[index % len(FACT_LAYOUTS)]
        {"bullets": self._fact_bullets, "table": self._fact_table, "boxes": self._fact_boxes}[
            layout
        ](group)

    def _values(self, group: Group) -> list[tuple[str, str]]:
        values = []
        for name, value in group.facts:
            if name == "meetings" and group.meetings:
                value = "\n".join(group.meetings)
            values.append((fact_label(name), value))
        return values

    def _fact_bullets(self, group: Group) -> None:
        out = self.slide(TITLE_ONLY, group.name)
        lines = [labelled(label, value, 14, bullet="•") for label, value in self._values(group)]
        text_box(out.shapes, LEFT, BODY_TOP, WIDTH, SLIDE_H - BODY_TOP - Inches(0.7), lines)
        self.done(out)

    def _fact_table(self, group: Group) -> None:
        out = self.slide(BLANK)
        rows = [[label, value] for label, value in self._values(group)]
        table(out.shapes, rows, LEFT, BODY_TOP, [2.6, 9.7], size=11)
        title = text_box(
            out.shapes, LEFT, TOP, WIDTH, Inches(0.9), [para(group.name, 30, bold=True)]
        )
        raise_to_top(out, title)  # typed last, after the table
        self.done(out)

    def _fact_boxes(self, group: Group) -> None:
        out = self.slide(TITLE_ONLY, STAGE_TITLES.get(group.stage or "", "Thematic Groups"))
        top = BODY_TOP + Inches(0.6)
        for label, value in self._values(group):
            lines = max(1, value.count("\n") + 1, len(value) // 95 + 1)
            height = Inches(0.28 * lines + 0.12)
            text_box(
                out.shapes, LEFT, top, Inches(2.6), Inches(0.4), [para(f"{label}:", 12, bold=True)]
            )
            text_box(out.shapes, LEFT + Inches(2.7), top, Inches(9.5), height, [para(value, 12)])
            top += height
        name = text_box(
            out.shapes, LEFT, BODY_TOP, WIDTH, Inches(0.5), [para(group.name, 20, bold=True)]
        )
        raise_to_top(out, name)  # the name box was added after its facts
        self.done(out)

    # working groups

    def working_groups(self, group: Group) -> None:
        layout = TABLE_LAYOUTS[self.table_turn % len(TABLE_LAYOUTS)]
        self.table_turn += 1
        if layout == "list":
            self._list(group)
            return
        header, cells = {
            "reordered": (REORDERED, _reordered),
            "wg-column": (WG_COLUMN, _wg_column),
            "number-column": (NUMBER_COLUMN, _number_column),
        }[layout]
        widths = COLUMN_WIDTHS[layout]
        for part, start in enumerate(range(0, len(group.rows), ROWS_PER_SLIDE)):
            title = f"{group.name}: Working Groups" + (" (cont.)" if part else "")
            out = self.slide(TITLE_ONLY, title)
            rows = [list(header)] + [cells(r) for r in group.rows[start : start + ROWS_PER_SLIDE]]
            table(out.shapes, rows, LEFT, BODY_TOP, widths, size=10)
            self.done(out)

    def _list(self, group: Group) -> None:
        for part, start in enumerate(range(0, len(group.rows), 3)):
            out = self.slide(TITLE_ONLY, group.name + (" (continued)" if part else ""))
            heading = [para("Working Groups", 20, bold=True)]
            text_box(out.shapes, LEFT, Inches(1.3), WIDTH, Inches(0.5), heading)
            lines: list[Para] = []
            for row in group.rows[start : start + 3]:
                lines.append(
                    para(f"WG{row.number} – {row.title} (Leader: {row.leaders})", 13, bullet="•")
                )
                for label, value in (
                    ("Timeline", row.timeline),
                    ("Expected publication date", row.publication),
                    ("Status", row.status),
                    ("Planned e-meetings", "; ".join(row.meetings)),
                ):
                    lines.append(labelled(label, value, 11, bullet="–", level=1))
            text_box(out.shapes, LEFT, Inches(1.85), WIDTH, SLIDE_H - Inches(2.5), lines)
            self.done(out)

    # proposed working groups

    def proposals(self, label: str, proposals: list[Proposal]) -> None:
        out = self.slide(TITLE_ONLY, label)
        count = max(len(proposals), 2)
        width = (WIDTH - Inches(0.3) * (count - 1)) // count
        for index, proposal in enumerate(proposals):
            left = LEFT + index * (width + Inches(0.3))
            grouped = self.card_turn % 2 == 1  # cards in turn loose and grouped
            self.card_turn += 1
            shapes = out.shapes.add_group_shape().shapes if grouped else out.shapes
            _card(shapes, proposal, left, width)
        self.done(out)

    # objectives and deliverables

    def objectives(self, group: Group) -> None:
        title = (
            "Objectives and Expected Deliverables" if group.objectives else "Expected Deliverables"
        )
        out = self.slide(TITLE_ONLY, title)
        lines: list[Para] = []
        if group.objectives:
            lines.append(para("Suggested Scope", 20, bold=True))
        if group.objectives_intro:
            lines.append(para(f"{group.objectives_intro}:", 17, bold=True))
        kind = None
        for objective in group.objectives:
            if objective.kind != kind and objective.kind:
                heading = (
                    "Primary Objective:" if objective.kind == "primary" else "Secondary Objectives:"
                )
                lines.append(para(heading, 17, bold=True))
            kind = objective.kind
            text = f"{objective.label}) {objective.text}" if objective.label else objective.text
            lines.append(para(text, 13, bullet="•"))
        if group.deliverables:
            lines.append(para("Expected deliverables", 20, bold=True))
            lines += [para(f"{title}.", 13, bullet="•") for title in group.deliverables]
        text_box(out.shapes, LEFT, BODY_TOP, WIDTH, SLIDE_H - BODY_TOP - Inches(0.6), lines)
        self.done(out)


def _card(shapes, proposal: Proposal, left: int, width: int) -> None:
    """Label, big number, the title broken over lines in a tile, then its scope."""
    text_box(
        shapes,
        left,
        BODY_TOP,
        width,
        Inches(0.4),
        [para(f"Working Group {proposal.number}", 14, bold=True)],
    )
    number = para(str(proposal.number), 40, bold=True, align=PP_ALIGN.CENTER)
    text_box(shapes, left, BODY_TOP + Inches(0.45), Inches(1.0), Inches(0.9), [number])
    words = proposal.title.split()
    broken = "\n".join(" ".join(words[i : i + 2]) for i in range(0, len(words), 2))
    tile = rounded(shapes, left, BODY_TOP + Inches(1.45), width, Inches(1.3), [para(broken, 15)])
    tile.text_frame.word_wrap = True
    if not (proposal.scope or proposal.deliverables):
        return
    lines = [para("Suggested Scope", 13, bold=True)]
    lines += [para(f"Deliverable: {d}", 11, bold=True) for d in proposal.deliverables]
    lines += [para(s, 10, bullet="•") for s in proposal.scope]
    text_box(shapes, left, BODY_TOP + Inches(2.9), width, Inches(2.6), lines)


REORDERED = (
    "Working Group",
    "Status",
    "Leader",
    "Planned e-meetings",
    "Timeline",
    "Expected publication date",
)
WG_COLUMN = ("WG", "Title", "Status", "Lead", "Timeframe", "Publication", "E-meetings")
NUMBER_COLUMN = (
    "No.",
    "Working group",
    "Leader(s)",
    "Status",
    "Duration",
    "Target publication",
    "Next meetings",
)
COLUMN_WIDTHS = {
    "reordered": [3.0, 2.9, 2.2, 2.4, 0.9, 1.0],
    "wg-column": [0.6, 2.8, 3.0, 2.1, 1.0, 1.0, 1.8],
    "number-column": [0.5, 2.8, 2.2, 3.0, 1.0, 1.1, 1.7],
}


def _reordered(row: Row) -> list:
    meetings = "\n".join(row.meetings)
    return [
        f"WG{row.number} - {row.title}",
        row.status,
        row.leaders,
        meetings,
        row.timeline,
        row.publication,
    ]


def _wg_column(row: Row) -> list:
    meetings = "\n".join(row.meetings)
    return [
        f"WG{row.number}",
        row.title,
        row.status,
        row.leaders,
        row.timeline,
        row.publication,
        meetings,
    ]


def _number_column(row: Row) -> list:
    meetings = "\n".join(row.meetings)
    return [
        str(row.number),
        row.title,
        row.leaders,
        row.status,
        row.timeline,
        row.publication,
        meetings,
    ]
