"""A page as a web CMS exports it: menus, breadcrumbs, a sidebar, cards and definition lists.

Around the content: a <header> with the site name and a <nav> menu, breadcrumbs, an <aside>
sidebar and a <footer> with the copyright line. Each thematic group is an <article>; its facts
are a <dl> (<dt>Leader</dt><dd>…</dd>) for some groups and <p><strong>Leader:</strong> …</p>
for others; working groups are cards (<div class="card"> with a "Working Group 3" label, the
number and the title), a nested list ("WG3 – title (Leader: …)" with its details), or a table
with <thead> whose columns come in another order; proposed working groups are cards.
"""

from __future__ import annotations

from html import escape

from parsers.deck import RichText

from rendition import link_pieces
from secondhand_model import Edition, Group, Proposal, Row, fact_label

STAGES = {"ongoing": "Ongoing Thematic Groups", "new": "New Thematic Groups"}
STYLE = """
body { font-family: "Segoe UI", Arial, sans-serif; margin: 0; color: #1f2a44; }
header, footer { background: #1f4e9c; color: #fff; padding: 0.6em 2em; }
nav ul, .crumbs ol { list-style: none; display: flex; gap: 1.5em; margin: 0; padding: 0; }
nav a, footer a { color: #fff; }
.page { display: flex; gap: 2em; padding: 1em 2em; }
main { flex: 3; } aside { flex: 1; background: #f2f5fa; padding: 1em; }
.cards { display: flex; flex-wrap: wrap; gap: 1em; }
.card { border: 1px solid #9fb3d1; border-radius: 8px; padding: 0.8em; width: 14em; }
.card .number { font-size: 2.4em; font-weight: bold; display: block; }
dl { display: grid; grid-template-columns: 12em 1fr; } dt { font-weight: bold; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px; }
"""
TABLE_HEADER = (
    "Working Group",
    "Status",
    "Leader",
    "Timeline",
    "Expected publication date",
    "Planned e-meetings",
)
LAYOUTS = ("table", "cards", "list")


def rich(content: str | RichText) -> str:
    """HTML for a value: escaped, links as <a>, line breaks as <br>."""
    if isinstance(content, str):
        return escape(content).replace("\n", "<br>\n")
    out = []
    for text, url in link_pieces(content):
        piece = escape(text).replace("\n", "<br>\n")
        out.append(f'<a href="{escape(url)}">{piece}</a>' if url else piece)
    return "".join(out)


def build_site(edition: Edition) -> str:
    """The whole page."""
    year = edition.period[:4]
    body = [_header(edition), '<div class="page">', "<main>"]
    body += [f"<h1>{escape(edition.title)}</h1>", f'<p class="period">{escape(edition.period)}</p>']
    stage, turn = None, 0
    for index, group in enumerate(edition.groups):
        if group.stage != stage:
            stage = group.stage
            body.append(f"<h2>{escape(STAGES.get(stage or '', 'Thematic Groups'))}</h2>")
            if group.approved:
                body.append('<p class="badge">Approved</p>')
        body.append(_group(index, group, LAYOUTS[turn % len(LAYOUTS)]))
        turn += bool(group.rows)
    body.append(_contacts(edition))
    body += ["</main>", _sidebar(), "</div>", _footer(year)]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(edition.label)} | U4SSC</title>\n<style>{STYLE}</style>\n</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _header(edition: Edition) -> str:
    menu = ["Home", "About", "Thematic Groups", "Publications", "Events", "Contact"]
    items = "".join(f'<li><a href="/{m.lower().replace(" ", "-")}">{m}</a></li>' for m in menu)
    crumbs = ["Home", "Thematic Groups", escape(edition.label)]
    trail = "".join(f"<li>{c}</li>" for c in crumbs)
    return (
        f'<header><a class="site" href="/">U4SSC – United for Smart Sustainable Cities</a>\n'
        f"<nav><ul>{items}</ul></nav></header>\n"
        f'<nav class="crumbs" aria-label="Breadcrumb"><ol>{trail}</ol></nav>'
    )


def _sidebar() -> str:
    return (
        '<aside><h3>Related</h3><ul><li><a href="/publications">All publications</a></li>'
        '<li><a href="/events">Upcoming events</a></li></ul>'
        "<h3>Newsletter</h3><p>Subscribe to receive news of the programme.</p></aside>"
    )


def _footer(year: str) -> str:
    return (
        f"<footer><p>© {escape(year)} U4SSC. All rights reserved.</p>"
        '<p><a href="/privacy">Privacy</a> · <a href="/terms">Terms of use</a></p></footer>'
    )


def _facts(index: int, group: Group) -> str:
    facts = [
        (
            fact_label(name),
            "\n".join(group.meetings) if name == "meetings" and group.meetings else value,
        )
        for name, value in group.facts
    ]
    if index % 2 == 0:
        rows = "".join(f"<dt>{escape(label)}</dt><dd>{rich(value)}</dd>" for label, value in facts)
        return f"<dl>{rows}</dl>"
    return "\n".join(
        f"<p><strong>{escape(label)}:</strong> {rich(value)}</p>" for label, value in facts
    )


def _group(index: int, group: Group, layout: str) -> str:
    out = [f'<article class="group">\n<h3>{escape(group.name)}</h3>', _facts(index, group)]
    if group.rows:
        out.append("<h4>Working Groups</h4>")
        out.append({"table": _table, "cards": _row_cards, "list": _list}[layout](group.rows))
    labels = list(dict.fromkeys(p.label for p in group.proposals))
    for label in labels:
        out.append(f"<h4>{escape(label)}</h4>")
        out.append(_proposal_cards([p for p in group.proposals if p.label == label]))
    if group.objectives or group.deliverables:
        out.append(_objectives(group))
    out.append("</article>")
    return "\n".join(out)


def _table(rows: list[Row]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in TABLE_HEADER)
    body = []
    for row in rows:
        cells = [
            f"WG{row.number} - {row.title}",
            row.status,
            row.leaders,
            row.timeline,
            row.publication,
        ]
        cells.append("\n".join(row.meetings))
        body.append("<tr>" + "".join(f"<td>{rich(c)}</td>" for c in cells) + "</tr>")
    return (
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table>"
    )


def _row_cards(rows: list[Row]) -> str:
    cards = []
    for row in rows:
        details = [("Leader", row.leaders), ("Timeline", row.timeline)]
        details += [("Expected publication date", row.publication), ("Status", row.status)]
        details.append(("Planned e-meetings", "\n".join(row.meetings)))
        lines = "".join(
            f"<p><strong>{label}:</strong> {rich(value)}</p>" for label, value in details
        )
        cards.append(
            f'<div class="card">\n<span class="label">Working Group {row.number}</span>\n'
            f'<span class="number">{row.number}</span>\n<h5>{escape(row.title)}</h5>\n'
            f"{lines}\n</div>"
        )
    return '<div class="cards">\n' + "\n".join(cards) + "\n</div>"


def _list(rows: list[Row]) -> str:
    items = []
    for row in rows:
        details = [("Timeline", row.timeline), ("Expected publication date", row.publication)]
        details += [("Status", row.status), ("Planned e-meetings", "; ".join(row.meetings))]
        inner = "".join(f"<li>{label}: {rich(value)}</li>" for label, value in details)
        head = escape(f"WG{row.number} – {row.title} (Leader: {row.leaders})")
        items.append(f"<li>{head}<ul>{inner}</ul></li>")
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def _proposal_cards(proposals: list[Proposal]) -> str:
    cards = []
    for p in proposals:
        scope = ""
        if p.scope or p.deliverables:
            scope = "<p><strong>Suggested Scope</strong></p>"
            scope += "".join(f"<p>Deliverable: {escape(d)}</p>" for d in p.deliverables)
            scope += (
                "<ul>" + "".join(f"<li>{escape(s)}</li>" for s in p.scope) + "</ul>"
                if p.scope
                else ""
            )
        cards.append(
            f'<div class="card">\n<span class="label">Working Group {p.number}</span>\n'
            f'<span class="number">{p.number}</span>\n<p class="title">{escape(p.title)}</p>\n'
            f"{scope}\n</div>"
        )
    return '<div class="cards">\n' + "\n".join(cards) + "\n</div>"


def _objectives(group: Group) -> str:
    out = ["<h4>Objectives and Expected Deliverables</h4>"]
    if group.objectives:
        out.append("<h5>Suggested Scope</h5>")
    if group.objectives_intro:
        out.append(f"<h5>{escape(group.objectives_intro)}:</h5>")
    kind, items = None, []
    for objective in group.objectives:
        if objective.kind and objective.kind != kind:
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
                items = []
            out.append(
                "<h5>Primary Objective:</h5>"
                if objective.kind == "primary"
                else "<h5>Secondary Objectives:</h5>"
            )
        kind = objective.kind
        text = f"{objective.label}) {objective.text}" if objective.label else objective.text
        items.append(f"<li>{escape(text)}</li>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    if group.deliverables:
        out.append("<h5>Expected deliverables</h5>")
        out.append("<ul>" + "".join(f"<li>{escape(d)}.</li>" for d in group.deliverables) + "</ul>")
    return "\n".join(out)


def _contacts(edition: Edition) -> str:
    lines = ['<section class="contact"><h2>For more information, please contact:</h2>']
    lines += [f'<p><a href="mailto:{escape(e)}">{escape(e)}</a></p>' for e in edition.emails]
    lines += [
        f'<p>U4SSC website: <a href="{escape(w)}">{escape(w)}</a></p>' for w in edition.websites
    ]
    return "\n".join(lines) + "</section>"
