"""An edition typed into a word processor and saved as a web page, as other people do it.

- build_word: Microsoft Word's "Save as Web Page": <p class=MsoTitle>, headings with <span>s
  and <o:p></o:p>, bullets as <p class=MsoListParagraph> with the bullet glyph inside
  <![if !supportLists]>, conditional comments, &nbsp;, tables whose cells hold <p class=MsoNormal>;
- build_gdocs: Google Docs' "Download as HTML": no <h*> at all (headings are paragraphs whose
  class sets a larger font), bold set by classes of a <style> block, nested bullets as sibling
  <ul class="lst-kix_…-1"> lists, links through https://www.google.com/url?q=….

The same values as the markdown (samples/secondhand_model.py), fact labels from the profile.
"""

from __future__ import annotations

import re
import sys
from html import escape
from urllib.parse import quote

from sample_paths import SAMPLES

sys.path.insert(0, str(SAMPLES))

from textdeck_markdown import STAGES, build_markdown, label  # noqa: E402

from parsers.deck import RichText  # noqa: E402

from rendition import link_pieces  # noqa: E402
from secondhand_model import Edition, Group, Proposal, Row  # noqa: E402

WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Secretariat</o:Author>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
p.MsoNormal, li.MsoNormal {{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}}
p.MsoTitle {{font-size:28.0pt;font-family:"Calibri Light",sans-serif;}}
p.MsoListParagraphCxSpFirst {{margin-left:36.0pt;}}
-->
</style>
</head>
<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<div class=WordSection1>
"""
BULLET = (
    "<![if !supportLists]><span style='font-family:Symbol'>·<span "
    "style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; "
    "</span></span><![endif]>"
)
SUB_BULLET = (
    "<![if !supportLists]><span style='font-family:\"Courier New\"'>o<span "
    "style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>"
)


def _word_text(content: str | RichText) -> str:
    if isinstance(content, str):
        return escape(content)
    return "".join(
        f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)
        for text, url in link_pieces(content)
    )


def _word_p(inner: str, cls: str = "MsoNormal") -> str:
    return f"<p class={cls}><span lang=EN-GB>{inner}<o:p></o:p></span></p>"


def _word_heading(level: int, text: str) -> str:
    return f"<h{level}><span lang=EN-GB>{escape(text)}<o:p></o:p></span></h{level}>"


def _word_bullet(inner: str, level: int = 1) -> str:
    mark = BULLET if level == 1 else SUB_BULLET
    indent = 36 * level
    return (
        f"<p class=MsoListParagraphCxSpMiddle style='margin-left:{indent}.0pt;"
        f"text-indent:-18.0pt;mso-list:l0 level{level} lfo1'>{mark}"
        f"<span lang=EN-GB>{inner}<o:p></o:p></span></p>"
    )


def build_word(edition: Edition, filtered: bool = False) -> str:
    """The edition as Word saves it as a web page; filtered: as "Web Page, Filtered", which
    drops Word's own markup (conditional comments, mso- styles, <o:p>) but keeps the list
    glyphs as plain spans."""
    page = _word_page(edition)
    if not filtered:
        return page
    page = re.sub(r"<!--\[if gte mso 9\]>.*?<!\[endif\]-->\n", "", page, flags=re.S)
    page = re.sub(r"<!\[if !support\w+\]>|<!\[endif\]>", "", page)
    return re.sub(r";?mso-list:[^;']*", "", page).replace("<o:p></o:p>", "")


def _word_page(edition: Edition) -> str:
    out = [WORD_HEAD.format(title=escape(edition.label))]
    out.append(_word_p(escape(edition.label), "MsoTitle"))
    out.append(_word_p("&nbsp;"))
    out += _word_contents(edition)
    stage = None
    for turn, group in enumerate(edition.groups):
        if group.stage != stage:
            stage = group.stage
            out.append(_word_heading(1, STAGES.get(stage or "", "Thematic Groups")))
            if group.approved:
                out.append(_word_p("<i>Approved</i>"))
        out += _word_group(group, turn)
    out.append(_word_heading(1, "Contact"))
    out.append(_word_p("For more information, please contact:"))
    out += [_word_p(f'<a href="mailto:{e}">{e}</a>') for e in edition.emails]
    out += [_word_p(f'U4SSC website: <a href="{w}">{w}</a>') for w in edition.websites]
    out.append("<![if !supportLineBreakNewLine]><br><![endif]>")
    return "\n".join(out) + "\n</div>\n</body>\n</html>\n"


def _word_contents(edition: Edition) -> list[str]:
    """Word's table of contents: MsoToc paragraphs linking to the headings' bookmarks, their
    page numbers hidden on screen."""
    hidden = "<span style='color:windowtext;display:none;mso-hide:screen'>"
    entries, stage = [], None
    for page, group in enumerate(edition.groups, 2):
        if group.stage != stage:
            stage = group.stage
            entries.append((1, STAGES.get(stage or "", "Thematic Groups"), page))
        entries.append((2, group.name, page))
    out = [_word_p("<b>Contents</b>", "MsoTocHeading")]
    for number, (level, text, page) in enumerate(entries, 1):
        out.append(
            f"<p class=MsoToc{level} style='tab-stops:right dotted 451.0pt'>"
            f'<span class=MsoHyperlink><a href="#_Toc1500{number:05d}">{escape(text)}'
            f"{hidden}<span style='mso-tab-count:1 dotted'>. </span></span>{hidden}{page}"
            "</span></a></span></p>"
        )
    return out


def _word_group(group: Group, turn: int) -> list[str]:
    # Some groups' names are typed in bold 16 pt rather than set in the Heading 2 style.
    big = f"<b><span style='font-size:16.0pt'>{escape(group.name)}</span></b>"
    out = [_word_p(big) if turn % 2 else _word_heading(2, group.name)]
    for name, value in _facts(group):
        inner = f"<b>{escape(label(name, turn))}:</b> {escape(value)}"
        out.append(_word_bullet(inner) if turn % 2 else _word_p(inner))
    if group.rows:
        out.append(_word_heading(3, "Working Groups"))
        out.append(_word_table(group.rows))
    for name in dict.fromkeys(p.label for p in group.proposals):
        out.append(_word_heading(3, name))
        for proposal in (p for p in group.proposals if p.label == name):
            out += _word_proposal(proposal)
    if group.objectives or group.deliverables:
        out += _word_objectives(group)
    return out


def _facts(group: Group) -> list[tuple[str, str]]:
    facts = []
    for name, value in group.facts:
        if name == "meetings" and group.meetings:
            value = "; ".join(group.meetings)
        facts.append((name, value))
    if group.meetings and not any(name == "meetings" for name, _ in facts):
        facts.append(("meetings", "; ".join(group.meetings)))
    return facts


def _word_cell(lines: list[str], bold: bool = False) -> str:
    wrap = "<b>{}</b>" if bold else "{}"
    paragraphs = "".join(_word_p(wrap.format(line)) for line in lines)
    return (
        "<td width=110 valign=top style='width:82.5pt;border:solid windowtext 1.0pt;"
        f"padding:0cm 5.4pt 0cm 5.4pt'>\n  {paragraphs}\n  </td>"
    )


def _word_table(rows: list[Row]) -> str:
    header = ["Working Group", "Leader", "Timeline", "Expected publication date"]
    header += ["Planned e-meetings", "Status"]
    out = [
        "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 "
        "style='border-collapse:collapse;border:none'>",
        " <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>"
        + "".join(_word_cell([escape(h)], bold=True) for h in header)
        + "</tr>",
    ]
    for index, row in enumerate(rows, 1):
        cells = [
            [escape(f"WG{row.number} - {row.title}")],
            [escape(row.leaders)],
            [escape(row.timeline)],
            [escape(row.publication)],
            [escape(m) for m in row.meetings],
            [_word_text(row.status)],
        ]
        out.append(
            f" <tr style='mso-yfti-irow:{index}'>" + "".join(_word_cell(c) for c in cells) + "</tr>"
        )
    return "\n".join([*out, "</table>", _word_p("&nbsp;")])


def _word_proposal(proposal: Proposal) -> list[str]:
    out = [_word_heading(4, f"Working Group {proposal.number}")]
    out.append(_word_p(f"<b>{escape(proposal.title)}</b>"))
    if proposal.scope or proposal.deliverables:
        out.append(_word_p("<b>Suggested Scope</b>"))
        out += [_word_p(f"Deliverable: {escape(d)}") for d in proposal.deliverables]
        out += [_word_bullet(escape(line)) for line in proposal.scope]
    return out


def _word_objectives(group: Group) -> list[str]:
    out = [_word_heading(3, "Objectives and Expected Deliverables")]
    if group.objectives:
        out.append(_word_heading(4, "Suggested Scope"))
    if group.objectives_intro:
        out.append(_word_p(f"<b>{escape(group.objectives_intro)}:</b>"))
    kind = None
    for objective in group.objectives:
        if objective.kind and objective.kind != kind:
            words = "Primary Objective:" if objective.kind == "primary" else "Secondary Objectives:"
            out.append(_word_heading(4, words))
        kind = objective.kind
        text = f"{objective.label}) {objective.text}" if objective.label else objective.text
        out.append(_word_bullet(escape(text)))
    if group.deliverables:
        out.append(_word_heading(4, "Expected deliverables"))
        out += [_word_bullet(escape(f"{d}.")) for d in group.deliverables]
    return out


GDOCS_STYLE = (
    '@import url("https://themes.googleusercontent.com/fonts/css?kit=abc");'
    "ul.lst-kix_a1-0{list-style-type:none}ul.lst-kix_a1-1{list-style-type:none}"
    '.lst-kix_a1-0>li:before{content:"\\0025cf   "}.lst-kix_a1-1>li:before{content:"\\0025cb   "}'
    ".lst-kix_a1-0>li{margin-left:36pt}.lst-kix_a1-1>li{margin-left:72pt}"
    "ol{margin:0;padding:0}table td,table th{padding:0}"
    ".c0{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;"
    'font-size:11pt;font-family:"Arial";font-style:normal}'
    ".c1{color:#000000;font-weight:700;text-decoration:none;vertical-align:baseline;"
    'font-size:11pt;font-family:"Arial";font-style:normal}'
    '.c2{font-weight:700;font-size:20pt;font-family:"Arial"}'
    '.c3{font-weight:400;font-size:16pt;font-family:"Arial"}'
    '.c4{font-weight:700;font-size:13pt;font-family:"Arial"}'
    ".c5{padding-top:0pt;padding-bottom:0pt;line-height:1.15;orphans:2;widows:2;text-align:left}"
    ".c6{margin-left:36pt;padding-top:0pt;padding-left:0pt;line-height:1.15;text-align:left}"
    ".c7{color:#1155cc;text-decoration:underline}.c8{color:inherit;text-decoration:inherit}"
    ".c9{border:1pt solid #000000;vertical-align:top;padding:5pt}"
    ".c10{font-style:italic}.c11{background-color:#ffffff;max-width:468pt;padding:72pt}"
    ".title{padding-top:0pt;color:#000000;font-size:26pt;padding-bottom:3pt;"
    'font-family:"Arial";line-height:1.15;page-break-after:avoid;text-align:left}'
    'li{color:#000000;font-size:11pt;font-family:"Arial"}p{margin:0;color:#000000;font-size:11pt}'
)
GDOCS_STYLE += '.c12{font-weight:400;font-size:26pt;font-family:"Arial"}.c13{height:11pt}'


def _g_span(text: str, cls: str = "c0") -> str:
    return f'<span class="{cls}">{text}</span>'


def _g_p(inner: str, cls: str = "c5") -> str:
    return f'<p class="{cls}">{inner}</p>'


def _g_heading(text: str, cls: str) -> str:
    return _g_p(_g_span(escape(text), cls))


def _g_link(text: str, url: str) -> str:
    target = "https://www.google.com/url?q=" + quote(url, safe=":/")
    target += "&sa=D&source=editors&ust=1764000000000000&usg=AOvVaw0Xw1"
    return f'<span class="c7"><a class="c8" href="{escape(target)}">{escape(text)}</a></span>'


def _g_text(content: str | RichText) -> str:
    if isinstance(content, str):
        return _g_span(escape(content))
    return "".join(
        _g_link(text, url) if url else _g_span(escape(text)) for text, url in link_pieces(content)
    )


def _g_list(items: list[str], level: int = 0) -> str:
    lis = "".join(f'<li class="c6 li-bullet-0">{item}</li>' for item in items)
    return f'<ul class="c11 lst-kix_a1-{level} start">{lis}</ul>'


def build_gdocs(edition: Edition, headings: bool = False) -> str:
    """The edition as Google Docs downloads it as a web page; headings: set in the Heading
    styles (<h1 id="h.…">, <h2>, <h3>) rather than typed as larger text."""
    page = _gdocs_page(edition)
    if not headings:
        return page
    for cls, level in (("c2", 1), ("c3", 2), ("c4", 3)):
        page = re.sub(
            rf'<p class="c5">(<span class="{cls}">.*?</span>)</p>',
            rf'<h{level} class="c5" id="h.{cls}">\1</h{level}>',
            page,
        )
    return page


def _gdocs_page(edition: Edition) -> str:
    out = [_g_p(_g_span(escape(edition.label), "c12"), "c5 title")]
    out.append(_g_p(_g_span(""), "c5 c13"))
    stage = None
    for turn, group in enumerate(edition.groups):
        if group.stage != stage:
            stage = group.stage
            out.append(_g_heading(STAGES.get(stage or "", "Thematic Groups"), "c2"))
            if group.approved:
                out.append(_g_p(_g_span("Approved", "c0 c10")))
        out += _g_group(group, turn)
    out.append(_g_heading("Contact", "c2"))
    out.append(_g_p(_g_span("For more information, please contact:")))
    out += [_g_p(_g_link(e, f"mailto:{e}")) for e in edition.emails]
    out += [_g_p(_g_span("U4SSC website: ") + _g_link(w, w)) for w in edition.websites]
    return (
        '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
        f'<style type="text/css">{GDOCS_STYLE}</style></head>'
        f'<body class="c11 doc-content">{"".join(out)}</body></html>'
    )


def _g_group(group: Group, turn: int) -> list[str]:
    out = [_g_heading(group.name, "c3")]
    lines = [
        _g_span(escape(f"{label(name, turn)}:"), "c1") + _g_span(escape(f" {value}"))
        for name, value in _facts(group)
    ]
    out += [_g_list(lines)] if turn % 2 else [_g_p(line) for line in lines]
    if group.rows:
        out.append(_g_heading("Working Groups", "c4"))
        out.append(_g_rows(group.rows) if turn % 3 else _g_table(group.rows))
    for name in dict.fromkeys(p.label for p in group.proposals):
        out.append(_g_heading(name, "c4"))
        for proposal in (p for p in group.proposals if p.label == name):
            out += _g_proposal(proposal)
    if group.objectives or group.deliverables:
        out += _g_objectives(group)
    return out


def _g_cell(lines: list[str]) -> str:
    paragraphs = "".join(_g_p(line) for line in lines)
    return f'<td class="c9" colspan="1" rowspan="1">{paragraphs}</td>'


def _g_table(rows: list[Row]) -> str:
    header = ["Working Group", "Leader", "Timeline", "Expected publication date"]
    header += ["Planned e-meetings", "Status"]
    out = ['<table class="c14"><tr class="c15">']
    out += [_g_cell([_g_span(escape(h), "c1")]) for h in header] + ["</tr>"]
    for row in rows:
        cells = [
            [_g_span(escape(f"WG{row.number} - {row.title}"), "c1")],
            [_g_span(escape(row.leaders))],
            [_g_span(escape(row.timeline))],
            [_g_span(escape(row.publication))],
            [_g_span(escape(m)) for m in row.meetings],
            [_g_text(row.status)],
        ]
        out += ['<tr class="c15">'] + [_g_cell(c) for c in cells] + ["</tr>"]
    return "".join([*out, "</table>"])


def _g_rows(rows: list[Row]) -> str:
    """Working groups as bullets, their details as bullets of the next level (sibling lists)."""
    out = []
    for row in rows:
        head = _g_span(escape(f"WG{row.number} – {row.title}"), "c1")
        out.append(_g_list([head + _g_span(escape(f" (Leader: {row.leaders})"))]))
        details = [
            _g_span(escape(f"Timeline: {row.timeline}")),
            _g_span(escape(f"Expected publication date: {row.publication}")),
            _g_span("Status: ") + _g_text(row.status),
            _g_span(escape(f"Planned e-meetings: {'; '.join(row.meetings)}")),
        ]
        out.append(_g_list(details, 1))
    return "".join(out)


def _g_proposal(proposal: Proposal) -> list[str]:
    out = [_g_heading(f"Working Group {proposal.number}", "c4")]
    out.append(_g_p(_g_span(escape(proposal.title), "c1")))
    if proposal.scope or proposal.deliverables:
        out.append(_g_p(_g_span("Suggested Scope", "c1")))
        out += [_g_p(_g_span(escape(f"Deliverable: {d}"))) for d in proposal.deliverables]
        if proposal.scope:
            out.append(_g_list([_g_span(escape(line)) for line in proposal.scope]))
    return out


def _g_objectives(group: Group) -> list[str]:
    out = [_g_heading("Objectives and Expected Deliverables", "c4")]
    if group.objectives:
        out.append(_g_p(_g_span("Suggested Scope", "c1")))
    if group.objectives_intro:
        out.append(_g_p(_g_span(escape(f"{group.objectives_intro}:"), "c1")))
    kind, items = None, []
    for objective in group.objectives:
        if objective.kind and objective.kind != kind:
            if items:
                out.append(_g_list(items))
                items = []
            words = "Primary Objective:" if objective.kind == "primary" else "Secondary Objectives:"
            out.append(_g_p(_g_span(words, "c1")))
        kind = objective.kind
        text = f"{objective.label}) {objective.text}" if objective.label else objective.text
        items.append(_g_span(escape(text)))
    if items:
        out.append(_g_list(items))
    if group.deliverables:
        out.append(_g_p(_g_span("Expected deliverables", "c1")))
        out.append(_g_list([_g_span(escape(f"{d}.")) for d in group.deliverables]))
    return out


# Every text deck the tests write, by the suffix of its file name.
BUILDERS = {
    "pipes.md": lambda edition: build_markdown(edition, "pipes"),
    "bullets.md": lambda edition: build_markdown(edition, "bullets"),
    "headings.md": lambda edition: build_markdown(edition, "headings"),
    "plain.md": lambda edition: build_markdown(edition, "plain"),
    "word.html": build_word,
    "word-filtered.html": lambda edition: build_word(edition, filtered=True),
    "gdocs.html": build_gdocs,
    "gdocs-headings.html": lambda edition: build_gdocs(edition, headings=True),
}
