"""An edition written again in markdown by hand, as a secretariat member would type it.

Two ways of writing it, both from the same values (samples/secondhand_model.py):

- "pipes": a table of contents at the top, the stages as ## and the groups as ### headings,
  facts as "**Label:** value" lines or bullets, working groups as a GitHub pipe table (several
  meetings in one cell split by <br>), proposed working groups as #### headings;
- "bullets": no table at all: groups as ## headings, facts as bullets in other forms
  ("Lead: …", "Leaders - …", "**Status** …"), working groups as nested bullet lists
  ("- **WG 3: title** — Leader: name (org); Status: ongoing" with their details nested);
- "headings": like "bullets", but each working group under a ### heading of its own
  ("### WG 3: title") with its facts as bullets in the group's label form;
- "plain": numbered headings ("## 1. Ongoing Thematic Groups", "### 1.2 City Platforms"),
  facts as lines of one paragraph (no hard breaks: markdown joins them) or as an
  "Item | Details" pipe table, working groups as a pipe table with number and title in one
  column, the status second and meetings split by semicolons.

Labels are words of the profile, never new ones: the renditions must give the markdown's plan.
"""

from __future__ import annotations

import sys

from sample_paths import SAMPLES

sys.path.insert(0, str(SAMPLES))

from parsers.deck import RichText  # noqa: E402

from rendition import link_pieces  # noqa: E402
from secondhand_model import Edition, Group, Proposal, Row  # noqa: E402

STAGES = {"ongoing": "Ongoing Thematic Groups", "new": "New Thematic Groups"}
# Other words for each fact, all of them in the profile, and the forms a label is written in.
LABELS = {
    "leader": ("Lead", "Leaders", "Leader", "Chair"),
    "co-leader": ("Co-leads", "Co-chairs", "Co-leaders", "Co-leaders"),
    "suggested-leader": ("Proposed leaders", "Suggested Leaders", "Suggested leader", "Proposed leader"),
    "timeline": ("Timeframe", "Timeline", "Duration", "Time frame"),
    "expected_publication": ("Publication date", "Expected publication", "Expected publication date", "Target publication date"),
    "secretariat": ("Secretariat",) * 4,
    "scope": ("Scope", "Description", "Scope", "Purpose"),
    "meetings": ("Planned meetings", "E-meetings", "Upcoming meetings", "Planned e-meetings"),
}  # fmt: skip
FORMS = ("**{label}:** {value}", "{label}: {value}", "{label} - {value}", "**{label}** {value}")


def label(name: str, turn: int) -> str:
    """One of the profile's words for a fact."""
    words = LABELS[name]
    return words[turn % len(words)]


def fact_lines(group: Group, turn: int) -> list[str]:
    """The group's facts as (label, value) lines in one of the forms people write them."""
    form = FORMS[turn % len(FORMS)]
    return [form.format(label=label(name, turn), value=value) for name, value in _values(group)]


def inline(content: str | RichText) -> str:
    """A value in markdown: links as [text](url)."""
    if isinstance(content, str):
        return content
    return "".join(f"[{text}]({url})" if url else text for text, url in link_pieces(content))


def build_markdown(edition: Edition, style: str) -> str:
    """The whole edition as one markdown file: "pipes", "bullets", "headings" or "plain"."""
    out = [f"# {edition.label}", ""]
    if style == "pipes":
        out += _contents(edition)
    stage, section, number = None, 0, 0
    for turn, group in enumerate(edition.groups):
        if group.stage != stage:
            stage, section, number = group.stage, section + 1, 0
            heading = STAGES.get(stage or "", "Thematic Groups")
            mark = {"pipes": "##", "plain": f"## {section}."}.get(style, "#")
            out += [f"{mark} {heading}", ""]
            if group.approved:
                out += ["*Approved*", ""]
        number += 1
        if style == "plain":
            out += _plain_group(group, turn, f"{section}.{number}")
        else:
            out += _group(group, turn, style)
    out += ["## Contact", "", "For more information, please contact:", ""]
    out += [f"{email}" for email in edition.emails] + [""]
    out += [f"U4SSC website: <{site}>" for site in edition.websites] + [""]
    return "\n".join(out)


def _contents(edition: Edition) -> list[str]:
    out = ["**Contents**", ""]
    stage = None
    for group in edition.groups:
        if group.stage != stage:
            stage = group.stage
            heading = STAGES.get(stage or "", "Thematic Groups")
            out.append(f"- [{heading}](#{_anchor(heading)})")
        out.append(f"  - [{group.name}](#{_anchor(group.name)})")
    return [*out, "- [Contact](#contact)", ""]


def _anchor(text: str) -> str:
    return "-".join("".join(c for c in text.lower() if c.isalnum() or c == " ").split())


def _group(group: Group, turn: int, style: str) -> list[str]:
    head = "###" if style == "pipes" else "##"
    out = [f"{head} {group.name}", ""]
    facts = fact_lines(group, turn)
    if style == "pipes" and turn % 2:
        out += [f"{line}  " for line in facts[:-1]] + facts[-1:] + [""]
    else:
        out += [f"- {line}" for line in facts] + [""]
    if group.rows and style == "headings":
        out += _row_headings(group.rows, turn)
    elif group.rows:
        out += [f"{head}# Working Groups", ""]
        out += _pipe_table(group.rows) if style == "pipes" else _row_bullets(group.rows, turn)
    labels = list(dict.fromkeys(p.label for p in group.proposals))
    for name in labels:
        out += [f"{head}# {name}", ""]
        for proposal in (p for p in group.proposals if p.label == name):
            out += _proposal(proposal, head + "##")
    if group.objectives or group.deliverables:
        out += _objectives(group, head + "#")
    return out


def _pipe_table(rows: list[Row]) -> list[str]:
    header = ["WG", "Title", "Leader", "Timeline", "Expected publication date"]
    header += ["Planned e-meetings", "Status"]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [f"WG{row.number}", row.title, row.leaders, row.timeline, row.publication]
        cells += ["<br>".join(row.meetings), inline(row.status)]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return [*out, ""]


def _plain_group(group: Group, turn: int, number: str) -> list[str]:
    out = [f"### {number} {group.name}", ""]
    if turn % 2:
        out += ["| Item | Details |", "|---|---|"]
        out += [f"| {label(name, turn)} | {value} |" for name, value in _values(group)] + [""]
    else:
        out += [f"**{label(name, turn)}:** {value}" for name, value in _values(group)] + [""]
    if group.rows:
        out += ["#### Working Groups", ""]
        header = ["Working Group", "Status", "Leader", "Timeline", "Expected publication date"]
        out += ["| " + " | ".join([*header, "Planned e-meetings"]) + " |", "|---" * 6 + "|"]
        for row in group.rows:
            cells = [f"WG{row.number} - {row.title}", inline(row.status), row.leaders]
            cells += [row.timeline, row.publication, "; ".join(row.meetings)]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out.append("")
    for name in dict.fromkeys(p.label for p in group.proposals):
        out += [f"#### {name}", ""]
        for proposal in (p for p in group.proposals if p.label == name):
            out += _proposal(proposal, "#####")
    if group.objectives or group.deliverables:
        out += _objectives(group, "####")
    return out


def _values(group: Group) -> list[tuple[str, str]]:
    values = [
        (name, "; ".join(group.meetings) if name == "meetings" and group.meetings else value)
        for name, value in group.facts
    ]
    if group.meetings and not any(name == "meetings" for name, _ in values):
        values.append(("meetings", "; ".join(group.meetings)))
    return values


def _row_bullets(rows: list[Row], turn: int) -> list[str]:
    out = []
    for row in rows:
        status = inline(row.status)
        out.append(f"- **WG {row.number}: {row.title}** — Leader: {row.leaders}; Status: {status}")
        details = [("timeline", row.timeline), ("expected_publication", row.publication)]
        details.append(("meetings", "; ".join(row.meetings)))
        out += [f"  - {label(name, turn)}: {value}" for name, value in details]
    return [*out, ""]


def _row_headings(rows: list[Row], turn: int) -> list[str]:
    """Each working group under a ### heading of its own, its facts as bullets."""
    out = []
    form = FORMS[turn % len(FORMS)]
    for row in rows:
        out += [f"### WG {row.number}: {row.title}", ""]
        details = [("leader", row.leaders), ("timeline", row.timeline)]
        details += [("expected_publication", row.publication)]
        details.append(("meetings", "; ".join(row.meetings)))
        lines = [form.format(label=label(name, turn), value=value) for name, value in details]
        lines.insert(1, form.format(label="Status", value=inline(row.status)))
        out += [f"- {line}" for line in lines] + [""]
    return out


def _proposal(proposal: Proposal, head: str) -> list[str]:
    out = [f"{head} Working Group {proposal.number}: {proposal.title}", ""]
    if proposal.scope or proposal.deliverables:
        out += ["**Suggested Scope**", ""]
        out += [f"Deliverable: {d}" for d in proposal.deliverables] + [""]
        out += [f"- {line}" for line in proposal.scope] + [""]
    return out


def _objectives(group: Group, head: str) -> list[str]:
    out = [f"{head} Objectives and Expected Deliverables", ""]
    if group.objectives:
        out += ["**Suggested Scope**", ""]
    if group.objectives_intro:
        out += [f"**{group.objectives_intro}:**", ""]
    kind = None
    for objective in group.objectives:
        if objective.kind and objective.kind != kind:
            words = "Primary Objective:" if objective.kind == "primary" else "Secondary Objectives:"
            out += ["", f"**{words}**", ""]
        kind = objective.kind
        text = f"{objective.label}) {objective.text}" if objective.label else objective.text
        out.append(f"- {text}")
    if group.deliverables:
        out += ["", "**Expected deliverables**", ""]
        out += [f"- {d}." for d in group.deliverables]
    return [*out, ""]
