"""The small plan of tests/data/layouts as PowerPoint decks made the way people make them.

Each deck is built here with python-pptx, in a layout of its own, and must give the plan of
the markdown rendition: a title slide with the period in the subtitle, one slide per group
with its name in the title and its facts in a two-column table or in text boxes, working
groups in a table with a number column or as a bulleted list, proposals as tiles, footers and
slide numbers on every slide, speaker notes and a hidden slide.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from extractor.model.dump import plan_to_dict, without_sources
from extractor.profile.load import load_profile
from extractor.recognise.extract import extract_plan
from parsers.detect import parse_file

CANONICAL = Path(__file__).parent / "data" / "layouts" / "smart-rivers-2026-2027.md"
PROFILE = load_profile()
FACTS = {
    "water": [
        ("Leader", "Jane Roe (ITU)"),
        ("Timeline", "2026-2027"),
        ("Expected publication date", "2027"),
        ("Secretariat", "ITU"),
        ("Scope", "Water in cities and how data helps them cope with floods and droughts."),
        ("Planned e-meetings", "12 March 2026, 10:00-11:00 hours, Geneva time"),
    ],
    "coast": [
        ("Leader", "Victoria Papp (BOMA)"),
        ("Timeline", "2026-2027"),
        ("Expected publication date", "2027"),
        ("Secretariat", "ITU"),
        ("Scope", "Cities by the sea."),
        ("Planned e-meetings", "Information on the upcoming e-meetings will be disseminated "
                               "through the U4SSC Mailing-List."),
    ],
}  # fmt: skip
WORKING_GROUPS = [
    ("WG1", "Leak detection in city networks", "Ongoing", "Ramon Ferri (Valencia)", "2026",
     "2026", "14 April 2026, 13:00-14:00 hours, Geneva time"),
    ("WG2", "Flood sensors", "Kick off", "Okan Geray (Digital Dubai)", "2026-2027", "2027", "N/A"),
]  # fmt: skip
TILES = [("1", "Rain\vHarvesting"), ("2", "Green Roofs for\vCoastal Cities")]


def box(slide, text: str, left: float, top: float, width: float = 8, size: int = 14):
    """A plain text box (not a placeholder): a paragraph per line, \v a line break."""
    frame = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(0.5))
    frame.text_frame.text = text
    for paragraph in frame.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
    return frame


def furniture(slide, number: int) -> None:
    box(slide, "Smart Rivers Action Plan 2026-2027 | Secretariat", 0.4, 7.0, 6, 9)
    box(slide, str(number), 12.6, 7.0, 0.5, 9)
    slide.notes_slide.notes_text_frame.text = "Speaker notes: Timeline: 1999-2000"


def table(slide, rows: list[tuple[str, ...]], top: float) -> None:
    shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.5), Inches(top),
                                   Inches(12), Inches(0.4 * len(rows)))  # fmt: skip
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            shape.table.cell(r, c).text = text


def blank(prs, number: int):
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    furniture(slide, number)
    return slide


def build(target: Path, facts_as_table: bool, groups_as_list: bool) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = "Smart Rivers Action Plan"
    title.placeholders[1].text = "Period covered: 2026–2027"
    slide = blank(prs, 2)
    box(slide, "Ongoing Thematic Groups", 0.5, 3, 12, 36)
    slide = blank(prs, 3)
    facts(slide, FACTS["water"], facts_as_table)
    box(slide, "Urban Water Resilience", 0.5, 0.3, 12, 28)  # the title box added last
    slide = blank(prs, 4)
    box(slide, "Urban Water Resilience: Working Groups", 0.5, 0.3, 12, 28)
    working_groups(slide, groups_as_list)
    hidden = blank(prs, 5)
    box(hidden, "Draft - do not read\nTimeline: 1990", 0.5, 1, 8, 20)
    hidden._element.set("show", "0")
    slide = blank(prs, 6)
    box(slide, "New Thematic Groups", 0.5, 2.5, 12, 36)
    box(slide, "Approved", 0.5, 4, 12, 24)
    slide = blank(prs, 7)
    box(slide, "Coastal Cities", 0.5, 0.3, 12, 28)
    facts(slide, FACTS["coast"], facts_as_table)
    slide = blank(prs, 8)
    box(slide, "Proposed Working Groups", 0.5, 0.3, 12, 28)
    for index, (number, name) in enumerate(TILES):
        left = 1 + index * 4
        box(slide, f"Working Group {number}", left, 1.6, 3, 12)
        box(slide, number, left, 2.2, 3, 40)
        box(slide, name, left, 3.3, 3, 16)
    prs.save(target)
    return target


def facts(slide, pairs: list[tuple[str, str]], as_table: bool) -> None:
    if as_table:
        table(slide, pairs, 1.4)
        return
    for index, (label, value) in enumerate(pairs):  # label and value boxes side by side
        box(slide, f"{label}:", 0.5, 1.4 + index * 0.8, 3, 14)
        box(slide, value, 3.8, 1.4 + index * 0.8, 9, 14)


def working_groups(slide, as_list: bool) -> None:
    if not as_list:
        header = ("No.", "Title", "Status", "Leader", "Timeline", "Expected publication date",
                  "Planned e-meetings")  # fmt: skip
        table(slide, [header, *WORKING_GROUPS], 1.4)
        return
    lines = []
    for number, name, status, leader, timeline, publication, meetings in WORKING_GROUPS:
        lines += [f"{number} – {name} (Leader: {leader})", f"\tStatus: {status}",
                  f"\tTimeline: {timeline}", f"\tExpected publication date: {publication}",
                  f"\tPlanned e-meetings: {meetings}"]  # fmt: skip
    frame = box(slide, "\n".join(line.lstrip("\t") for line in lines), 0.5, 1.4, 12, 14)
    for paragraph, line in zip(frame.text_frame.paragraphs, lines, strict=True):
        paragraph.level = 1 if line.startswith("\t") else 0
        properties = paragraph._p.get_or_add_pPr()
        properties.insert(0, properties.makeelement(qn("a:buChar"), {"char": "•"}))


def text_of(path: Path) -> str:
    plan = extract_plan(parse_file(path), PROFILE)
    data = without_sources(plan_to_dict(plan))
    data["warnings"] = [w for w in data["warnings"] if "hidden" not in w["message"]]
    return json.dumps(data, indent=1, ensure_ascii=False)


def check(path: Path) -> None:
    expected, found = text_of(CANONICAL), text_of(path)
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), found.splitlines(), n=1))
    assert found == expected, diff[:3000]


def test_facts_in_tables_and_a_working_group_table(tmp_path: Path) -> None:
    check(build(tmp_path / "rivers-a.pptx", facts_as_table=True, groups_as_list=False))


def test_facts_in_boxes_side_by_side_and_a_working_group_list(tmp_path: Path) -> None:
    check(build(tmp_path / "rivers-b.pptx", facts_as_table=False, groups_as_list=True))
