"""Text decks made by other people: markdown typed by hand, Word and Google Docs web pages.

tests/textdeck_markdown.py and tests/textdeck_html.py write the 2025-2026 and 2026-2027 editions
again from their values, the way a secretariat member would: a GitHub pipe table or nested
bullets instead of the deck's tables, other label words and forms, a table of contents; Word's
"Save as Web Page" and Google Docs' HTML export. Each must give the markdown's plan: the same
facts (bench/plan_facts.py) and no change found by `actionplan diff`. The cases not read yet are
xfail(strict=True) with what breaks.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest
from sample_paths import ROOT, SAMPLES
from textdeck_html import BUILDERS, build_gdocs, build_word
from textdeck_markdown import build_markdown

from extractor.compare.diff import diff_plans
from extractor.model.plan import Plan
from extractor.profile.load import DEFAULT_PROFILE, load_profile
from extractor.recognise.extract import extract_plan
from parsers.detect import parse_file

sys.path.insert(0, str(ROOT / "bench"))
from plan_facts import plan_facts  # noqa: E402

from secondhand_model import Edition, read_edition  # noqa: E402

EDITIONS = ("2025-2026", "2026-2027")
# Renditions whose plan differs from the markdown's today, and why.
NOT_UNDERSTOOD: dict[str, str] = {}


@cache
def profile():
    return load_profile(DEFAULT_PROFILE, ())


@cache
def edition(name: str) -> Edition:
    return read_edition(SAMPLES / f"u4ssc-action-plan-{name}.md")


@cache
def reference(name: str) -> Plan:
    return extract_plan(parse_file(SAMPLES / f"u4ssc-action-plan-{name}.md"), profile())


def rendition(name: str, kind: str, folder: Path) -> Plan:
    path = folder / f"u4ssc-action-plan-{name}-{kind}"
    path.write_text(BUILDERS[kind](edition(name)), encoding="utf-8")
    return extract_plan(parse_file(path), profile())


def cases() -> list:
    params = []
    for name in EDITIONS:
        for kind in BUILDERS:
            marks = []
            if kind in NOT_UNDERSTOOD:
                marks = [pytest.mark.xfail(reason=NOT_UNDERSTOOD[kind], strict=True)]
            params.append(pytest.param(name, kind, marks=marks, id=f"{name}-{kind}"))
    return params


@pytest.mark.parametrize(("name", "kind"), cases())
def test_text_deck_gives_the_markdown_plan(name: str, kind: str, tmp_path: Path) -> None:
    found = rendition(name, kind, tmp_path)
    expected = plan_facts(reference(name))
    facts = plan_facts(found)
    missing = sorted(map(str, expected - facts))[:20]
    extra = sorted(map(str, facts - expected))[:20]
    assert facts == expected, f"missing {missing}\nextra {extra}"
    assert not diff_plans(reference(name), found, profile().directory).changes
    # Nothing else is left unread: only the table of contents' own title is.
    contents = ["Contents"] if kind == "pipes.md" else []
    assert [w.raw for w in found.warnings] == contents, found.warnings


def test_the_renditions_are_written_as_their_tools_write_them(tmp_path: Path) -> None:
    """The builders write what the tests claim to read, not a tidied version of it."""
    word = build_word(edition("2026-2027"))
    assert "<p class=MsoTitle>" in word and "<![if !supportLists]>" in word
    assert "<o:p></o:p>" in word and "<!--[if gte mso 9]>" in word
    assert (
        "<p class=MsoToc2 style='tab-stops:right dotted 451.0pt'><span class=MsoHyperlink>" in word
    )
    gdocs = build_gdocs(edition("2026-2027"))
    assert "<h1" not in gdocs and "<h2" not in gdocs and "lst-kix_a1-1 start" in gdocs
    assert "https://www.google.com/url?q=https://u4ssc.example.org" in gdocs
    pipes = build_markdown(edition("2026-2027"), "pipes")
    assert "| WG1 | Mobility Data Space Reference Architecture |" in pipes
    assert "- [Ongoing Thematic Groups](#ongoing-thematic-groups)" in pipes
    filtered = build_word(edition("2026-2027"), filtered=True)
    assert "<![if" not in filtered and "mso-list" not in filtered
    assert "<span style='font-family:Symbol'>·<span" in filtered
    assert "<p class=MsoNormal><span lang=EN-GB><b><span style='font-size:16.0pt'>" in word
    headed = build_gdocs(edition("2026-2027"), headings=True)
    assert '<h2 class="c5" id="h.c3"><span class="c3">Urban Mobility Data Spaces' in headed
    headings = build_markdown(edition("2026-2027"), "headings")
    assert "### WG 2: Chatbots for Resident Services\n\n- Leader - Okan Geray" in headings
    plain = build_markdown(edition("2026-2027"), "plain")
    assert "### 1.2 Climate-Resilient Water Management\n\n| Item | Details |" in plain
    assert "| WG1 - Mobility Data Space Reference Architecture | Published [" in plain
    assert "**Timeframe:** 2025-2027\n**Publication date:** 2027\n" in plain  # no hard breaks
    bullets = build_markdown(edition("2026-2027"), "bullets")
    assert "- **WG 3: Evaluating AI Services with Residents** — Leader: Jonas Weber" in bullets
    assert "<table" not in bullets and "|" not in bullets
