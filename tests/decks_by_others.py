"""Decks of one markdown edition laid out as other people and other tools make them.

Each builder writes, with python-pptx, the same plan with the same words for every value in a
layout of its own (samples/secondhand_pptx.py makes the "hand-made" one):

- `google`: a Google Slides export: no placeholder at all, every text in a plain text box (the
  title a big bold one, text shrunk to fit), the working-group table drawn as a grid of
  rectangles, one per cell;
- `per_wg`: one slide per working group ("WG 4 — title" in the title placeholder, its facts as
  bullets in the body placeholder, every leader on a bullet line of its own), the thematic
  group named in a small header text box or only by the slides before; `sections`: the same,
  every group's facts first and each group's working groups in a PowerPoint section named
  after the group, with no other mention of it;
- `two_content`: the "Two Content" layout (the group's facts left, its working groups listed
  right), working groups as rounded rectangles inside group shapes, one group's table turned
  (working groups as columns) and drawn before the slide's title.
"""

from __future__ import annotations

import sys
from functools import cache, partial
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
sys.path.insert(0, str(SAMPLES))
from secondhand_model import Edition, Group, Row, fact_label, read_edition  # noqa: E402
from secondhand_shapes import (  # noqa: E402
    SLIDE_H,
    SLIDE_W,
    Para,
    fill,
    fixed_zip,
    labelled,
    para,
    rounded,
    table,
    text_box,
)

sys.path.remove(str(SAMPLES))

from extractor.profile.load import DEFAULT_PROFILE, load_profile  # noqa: E402
from extractor.recognise.extract import extract_plan  # noqa: E402
from parsers.detect import parse_file  # noqa: E402

TITLE_SLIDE, TITLE_CONTENT, SECTION, TWO_CONTENT, TITLE_ONLY, BLANK = 0, 1, 2, 3, 5, 6
LEFT, TOP, WIDTH = Inches(0.5), Inches(0.35), SLIDE_W - Inches(1.0)
STAGES = {"ongoing": "Ongoing Thematic Groups", "new": "New Thematic Groups"}
WG_FIELDS = ("Timeline", "Expected publication date", "Planned e-meetings", "Status")


@cache
def edition(markdown: Path) -> Edition:
    """The edition's values as written."""
    return read_edition(markdown)


@cache
def leader_lines(markdown: Path) -> dict[tuple[str, int], list[str]]:
    """Each working group's leaders as the markdown names them, one entry each."""
    plan = extract_plan(parse_file(markdown), load_profile(DEFAULT_PROFILE, ()))
    return {
        (group.name, wg.number): [leader.raw for leader in wg.leaders]
        for group in plan.thematic_groups
        for wg in group.working_groups
    }


def new_deck():
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    return prs


def save(prs, target: Path, title: str) -> Path:
    prs.core_properties.title = title
    prs.save(target)
    fixed_zip(target)
    return target


def values(group: Group) -> list[tuple[str, str]]:
    """(label, value) of a group's facts, meetings one per line."""
    out = []
    for name, value in group.facts:
        if name == "meetings" and group.meetings:
            value = "\n".join(group.meetings)
        out.append((fact_label(name), value))
    return out


def status_para(row: Row, size: float, **kw) -> Para:
    return labelled("Status", row.status, size, **kw)


def objective_lines(group: Group, size: float) -> list[Para]:
    """Objectives under their kind, then deliverables, as bullets under bold headings."""
    lines: list[Para] = []
    kind = None
    if group.objectives_intro:
        lines.append(para(f"{group.objectives_intro}:", size + 2, bold=True))
    for objective in group.objectives:
        if objective.kind != kind and objective.kind:
            word = "Primary Objective:" if objective.kind == "primary" else "Secondary Objectives:"
            lines.append(para(word, size + 2, bold=True))
        kind = objective.kind
        text = f"{objective.label}) {objective.text}" if objective.label else objective.text
        lines.append(para(text, size, bullet="•"))
    if group.deliverables:
        lines.append(para("Expected deliverables", size + 2, bold=True))
        lines += [para(f"{title}.", size, bullet="•") for title in group.deliverables]
    return lines


def contact_lines(ed: Edition, size: float) -> list[Para]:
    lines = [para(f"Please contact: {e}", size) for e in ed.emails]
    return lines + [
        Para([("U4SSC website: ", None, False), (w, w, False)], size) for w in ed.websites
    ]


def proposal_lines(group: Group, size: float) -> list[Para]:
    """Each proposed working group: "Working Group 3", its title, deliverables, scope."""
    lines: list[Para] = []
    for p in group.proposals:
        lines.append(para(f"Working Group {p.number}", size + 4, bold=True))
        lines.append(para(p.title, size))
        if p.scope or p.deliverables:
            lines.append(para("Suggested Scope", size, bold=True))
            lines += [para(f"Deliverable: {d}", size, bold=True) for d in p.deliverables]
            lines += [para(s, size, bullet="•") for s in p.scope]
    return lines


# 1. Google Slides export


def build_google(markdown: Path, target: Path) -> Path:
    """Every text in plain text boxes, the working-group table as a grid of rectangles."""
    ed, prs = edition(markdown), new_deck()

    def slide(title: str | None):
        out = prs.slides.add_slide(prs.slide_layouts[BLANK])
        if title:
            _google_box(out.shapes, LEFT, TOP, WIDTH, Inches(0.9), [para(title, 30, bold=True)])
        return out

    first = slide(None)
    _google_box(first.shapes, LEFT, Inches(2.3), WIDTH, Inches(1.2), [para(ed.title, 44, True)])
    _google_box(first.shapes, LEFT, Inches(3.6), WIDTH, Inches(0.8), [para(ed.period, 24)])
    stage = None
    for group in ed.groups:
        if group.stage != stage:
            stage = group.stage
            divider = slide(STAGES.get(stage or "", "Thematic Groups"))
            if group.approved:
                box = [para("Approved", 18)]
                _google_box(divider.shapes, LEFT, Inches(1.4), WIDTH, Inches(0.6), box)
        facts = slide(group.name)
        lines = [labelled(label, value, 14) for label, value in values(group)]
        _google_box(facts.shapes, LEFT, Inches(1.4), WIDTH, Inches(5.6), lines, shrink=True)
        for rows in _grid_pages(group.rows):
            grid = slide(f"Thematic Group on {group.name}")
            _cell_grid(grid.shapes, rows)
        if group.proposals:
            cards = slide(group.proposals[0].label)
            lines = proposal_lines(group, 14)
            _google_box(cards.shapes, LEFT, Inches(1.4), WIDTH, Inches(5.6), lines, shrink=True)
        if group.objectives or group.deliverables:
            scope = slide("Objectives and Expected Deliverables")
            lines = objective_lines(group, 13)
            _google_box(scope.shapes, LEFT, Inches(1.4), WIDTH, Inches(5.6), lines, shrink=True)
    last = slide("For more information")
    _google_box(last.shapes, LEFT, Inches(1.4), WIDTH, Inches(2), contact_lines(ed, 16))
    return save(prs, target, ed.label)


def _google_box(shapes, left, top, width, height, lines: list[Para], shrink: bool = False):
    """A text box as Google Slides writes it: named "Google Shape;N;pM", text shrunk to fit."""
    box = text_box(shapes, left, top, width, height, lines)
    box.name = f"Google Shape;{len(shapes) + 50};p{len(shapes)}"
    body = box.text_frame._txBody.find(qn("a:bodyPr"))
    for child in list(body):
        body.remove(child)
    if shrink:
        etree.SubElement(body, qn("a:normAutofit"), fontScale="85000", lnSpcReduction="10000")
    return box


GRID_HEADER = (
    "Working Group",
    "Leader",
    "Timeline",
    "Expected publication date",
    "Planned e-meetings",
    "Status",
)
GRID_WIDTHS = (3.0, 2.4, 1.1, 1.3, 2.4, 2.1)


def _grid_texts(rows: list[Row]) -> list[list]:
    """The cells of the grid: its header, then one row per working group."""
    return [list(GRID_HEADER)] + [
        [
            f"WG{r.number} - {r.title}",
            r.leaders,
            r.timeline,
            r.publication,
            "\n".join(r.meetings),
            r.status,
        ]
        for r in rows
    ]


def _height(texts: list) -> int:
    """A row as tall as its longest cell needs, at about 11 characters an inch of width."""
    lines = max(
        len(str(t)) // int(w * 11) + 1 + str(t).count("\n")
        for t, w in zip(texts, GRID_WIDTHS, strict=True)
    )
    return Inches(0.2 * lines + 0.15)


def _grid_pages(rows: list[Row]) -> list[list[Row]]:
    """The rows cut into slides, each grid ending above the foot of its slide."""
    pages: list[list[Row]] = [[]]
    for row in rows:
        if pages[-1] and sum(map(_height, _grid_texts([*pages[-1], row]))) > Inches(5.6):
            pages.append([])
        pages[-1].append(row)
    return pages if rows else []


def _cell_grid(shapes, rows: list[Row]) -> None:
    """One rectangle per cell, row after row, each row as tall as its longest cell."""
    top = Inches(1.4)
    for index, texts in enumerate(_grid_texts(rows)):
        height, left = _height(texts), LEFT
        for value, width in zip(texts, GRID_WIDTHS, strict=True):
            shape = shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, Inches(width), height)
            shape.fill.background()
            shape.line.color.rgb = _grey()
            fill(shape.text_frame, [para(value, 9, bold=index == 0 or value == texts[0])])
            for paragraph in shape.text_frame.paragraphs:
                paragraph.alignment = PP_ALIGN.LEFT
                for run in paragraph.runs:
                    run.font.color.rgb = _grey(0x20)
            left += Inches(width)
        top += height


def _grey(level: int = 0x99):
    from pptx.dml.color import RGBColor

    return RGBColor(level, level, level)


# 2. One slide per working group


def build_per_wg(markdown: Path, target: Path, overview: bool = False) -> Path:
    """Title and Content slides: a group's facts, then one slide per working group.

    With overview, every group's facts come first, in a section of their own, and each group's
    working groups follow in a section named after the group, with no other mention of it."""
    ed, prs = edition(markdown), new_deck()
    first = prs.slides.add_slide(prs.slide_layouts[TITLE_SLIDE])
    first.shapes.title.text = ed.title
    first.placeholders[1].text = ed.period
    sections: list[tuple[str, list]] = [("Overview", [first])]
    stage = None
    for group in ed.groups:
        if group.stage != stage:
            stage = group.stage
            divider = prs.slides.add_slide(prs.slide_layouts[SECTION])
            divider.shapes.title.text = STAGES.get(stage or "", "Thematic Groups")
            divider.placeholders[1].text = "Approved" if group.approved else ""
            sections[-1][1].append(divider)
        facts = _body_slide(prs, group.name, _fact_bullets(group))
        if overview:
            sections[-1][1].append(facts)
        else:
            sections.append((group.name, [facts, *_group_slides(prs, markdown, group)]))
    if overview:
        sections += [(g.name, _group_slides(prs, markdown, g, False)) for g in ed.groups]
    sections.append(("Contacts", [_body_slide(prs, "For more information", contact_lines(ed, 18))]))
    _sections(prs, [(name, slides) for name, slides in sections if slides])
    return save(prs, target, ed.label)


def _group_slides(prs, markdown: Path, group: Group, headers: bool = True) -> list:
    """One slide per working group (every other group named in a small header box), then
    its proposed working groups and its objectives."""
    leaders = leader_lines(markdown)
    named = headers and edition(markdown).groups.index(group) % 2 == 0
    slides = []
    for row in group.rows:
        wg = _wg_bullets(row, leaders.get((group.name, row.number), [row.leaders]))
        out = _body_slide(prs, f"WG {row.number} — {row.title}", wg)
        if named:
            header = [para(group.name, 11, bold=True)]
            text_box(out.shapes, LEFT, Inches(0.05), WIDTH, Inches(0.35), header)
        slides.append(out)
    if group.proposals:
        slides.append(_body_slide(prs, group.proposals[0].label, proposal_lines(group, 16)))
    if group.objectives or group.deliverables:
        body = objective_lines(group, 14)
        slides.append(_body_slide(prs, "Objectives and Expected Deliverables", body))
    return slides


def _body_slide(prs, title: str, lines: list[Para]):
    out = prs.slides.add_slide(prs.slide_layouts[TITLE_CONTENT])
    out.shapes.title.text = title
    for run in out.shapes.title.text_frame.paragraphs[0].runs:
        run.font.size = Pt(30)
    body = out.placeholders[1]
    body.left, body.top, body.width, body.height = LEFT, Inches(1.5), WIDTH, Inches(5.6)
    title_box = out.shapes.title
    title_box.left, title_box.top, title_box.width, title_box.height = LEFT, TOP, WIDTH, Inches(1.0)
    _fill_placeholder(body.text_frame, lines)
    return out


def _fill_placeholder(frame, lines: list[Para]) -> None:
    """Paragraphs in a body placeholder: its own bullets at their levels, runs as given."""
    for index, line in enumerate(lines):
        out = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        out.level = line.level
        for text, url, bold in line.runs:
            for number, piece in enumerate(text.split("\n")):
                if number:
                    out.add_line_break()
                if piece:
                    run = out.add_run()
                    run.text, run.font.size, run.font.bold = piece, Pt(line.size), bold or None
                    if url:
                        run.hyperlink.address = url
        if line.bullet is None and line.level == 0 and line.runs and line.runs[0][2]:
            etree.SubElement(out._p.get_or_add_pPr(), qn("a:buNone"))


def _fact_bullets(group: Group) -> list[Para]:
    return [labelled(label, value, 18) for label, value in values(group)]


def _wg_bullets(row: Row, leaders: list[str]) -> list[Para]:
    label = "Leaders:" if len(leaders) > 1 else "Leader:"
    lines = [para(label, 16, bold=True)]
    lines += [para(name, 16, level=1) for name in leaders]
    lines.append(labelled("Timeline", row.timeline, 16))
    lines.append(labelled("Expected publication date", row.publication, 16))
    if len(row.meetings) > 1 or "\n" in row.meetings[0]:
        lines.append(para("Planned e-meetings:", 16, bold=True))
        meetings = [m for block in row.meetings for m in block.split("\n")]
        lines += [para(m, 16, level=1) for m in meetings]
    else:
        lines.append(labelled("Planned e-meetings", row.meetings[0], 16))
    lines.append(status_para(row, 16))
    return lines


def _sections(prs, sections: list[tuple[str, list]]) -> None:
    """The deck's sections (PowerPoint's p14:sectionLst), one per thematic group."""
    p14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
    root = prs.part._element
    ext_list = root.find(qn("p:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(root, qn("p:extLst"))
    ext = etree.SubElement(ext_list, qn("p:ext"), uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}")
    section_list = etree.SubElement(ext, f"{{{p14}}}sectionLst", nsmap={"p14": p14})
    ids = {slide.slide_id: slide for slide in prs.slides}
    for number, (name, slides) in enumerate(sections):
        section = etree.SubElement(
            section_list,
            f"{{{p14}}}section",
            name=name,
            id=f"{{{number:08X}-0000-0000-0000-000000000000}}",
        )
        listed = etree.SubElement(section, f"{{{p14}}}sldIdLst")
        for slide in slides:
            assert slide.slide_id in ids
            etree.SubElement(listed, f"{{{p14}}}sldId", id=str(slide.slide_id))


# 3. Two content, shapes and a turned table


def build_two_content(markdown: Path, target: Path) -> Path:
    """Facts left and working groups right; cards in group shapes; one table turned."""
    ed, prs = edition(markdown), new_deck()
    first = prs.slides.add_slide(prs.slide_layouts[TITLE_SLIDE])
    first.shapes.title.text = f"{ed.title} {ed.period}"
    first.placeholders[1].text = "Thematic groups and working groups"
    stage, turned = None, False
    for group in ed.groups:
        if group.stage != stage:
            stage = group.stage
            divider = prs.slides.add_slide(prs.slide_layouts[SECTION])
            divider.shapes.title.text = STAGES.get(stage or "", "Thematic Groups")
            divider.placeholders[1].text = "Approved" if group.approved else ""
        right = [para("Working Groups", 16, bold=True)] + [
            para(f"WG{r.number} – {r.title}", 14, level=1) for r in group.rows
        ]
        _two_content(prs, group.name, _fact_lines(group), right if group.rows else [])
        if group.rows and not turned and len(group.rows) <= 4:
            _turned_table(prs, group)
            turned = True
        elif group.rows:
            for start in range(0, len(group.rows), 4):
                _card_slide(prs, group, group.rows[start : start + 4])
        if group.proposals:
            out = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
            out.shapes.title.text = group.proposals[0].label
            grouped = out.shapes.add_group_shape()
            lines = proposal_lines(group, 14)
            rounded(grouped.shapes, LEFT, Inches(1.6), WIDTH, Inches(5.0), lines)
        if group.objectives or group.deliverables:
            lines = objective_lines(group, 13)
            split = next(
                i
                for i, p in enumerate(lines + [para("Expected deliverables")])
                if p.runs[0][0] == "Expected deliverables"
            )
            _two_content(prs, "Objectives and Expected Deliverables", lines[:split], lines[split:])
    out = prs.slides.add_slide(prs.slide_layouts[TITLE_CONTENT])
    out.shapes.title.text = "For more information"
    _fill_placeholder(out.placeholders[1].text_frame, contact_lines(ed, 18))
    return save(prs, target, ed.label)


def _fact_lines(group: Group) -> list[Para]:
    return [labelled(label, value, 12) for label, value in values(group)]


def _two_content(prs, title: str, left: list[Para], right: list[Para]):
    out = prs.slides.add_slide(prs.slide_layouts[TWO_CONTENT])
    out.shapes.title.text = title
    for run in out.shapes.title.text_frame.paragraphs[0].runs:
        run.font.size = Pt(30)
    _fill_placeholder(out.placeholders[1].text_frame, left)
    if right:
        _fill_placeholder(out.placeholders[2].text_frame, right)
    return out


def _card_slide(prs, group: Group, rows: list[Row]) -> None:
    """Each working group a rounded rectangle with a number circle, grouped, two by two."""
    out = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    out.shapes.title.text = f"{group.name}: Working Groups"
    width, height = (WIDTH - Inches(0.3)) // 2, Inches(2.5)
    for index, row in enumerate(rows):
        left = LEFT + (index % 2) * (width + Inches(0.3))
        top = Inches(1.9) + (index // 2) * (height + Inches(0.2))
        card = out.shapes.add_group_shape()
        lines = [para(f"WG{row.number} – {row.title}", 12, bold=True)]
        lines += [labelled("Leader", row.leaders, 10)]
        lines += [
            labelled(f, v, 10)
            for f, v in zip(
                WG_FIELDS, (row.timeline, row.publication, "\n".join(row.meetings)), strict=False
            )
        ]
        lines.append(status_para(row, 10))
        shape = rounded(card.shapes, left + Inches(0.6), top, width - Inches(0.6), height, lines)
        shape.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        circle = card.shapes.add_shape(MSO_SHAPE.OVAL, left, top, Inches(0.5), Inches(0.5))
        circle.text_frame.text = str(row.number)


def _turned_table(prs, group: Group) -> None:
    """Fields as rows, working groups as columns; the table drawn first, the title last."""
    out = prs.slides.add_slide(prs.slide_layouts[BLANK])
    rows = [
        ["Working Group", *(f"WG{r.number} - {r.title}" for r in group.rows)],
        ["Leader", *(r.leaders for r in group.rows)],
        ["Timeline", *(r.timeline for r in group.rows)],
        ["Expected publication date", *(r.publication for r in group.rows)],
        ["Planned e-meetings", *("\n".join(r.meetings) for r in group.rows)],
        ["Status", *(r.status for r in group.rows)],
    ]
    width = (12.3 - 2.0) / len(group.rows)
    table(out.shapes, rows, LEFT, Inches(1.4), [2.0] + [width] * len(group.rows), size=10)
    text_box(
        out.shapes,
        LEFT,
        TOP,
        WIDTH,
        Inches(0.9),
        [para(f"Thematic Group on {group.name}", 28, True)],
    )


BUILDERS = {
    "google": build_google,
    "per-wg": build_per_wg,
    "sections": partial(build_per_wg, overview=True),
    "two-content": build_two_content,
}
