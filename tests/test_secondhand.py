"""Second-hand renditions: the same plan laid out as other people lay decks out.

samples/secondhand.py writes, for each markdown edition, a deck made by hand in PowerPoint, its
PDF export by LibreOffice, an A4 report and a CMS-style web page, all with the same words for
every value. Each must give the markdown's plan. The cases the tool does not read yet are
marked xfail(strict=True) with what breaks: they are the recognition to-do list, and a case
that starts to pass turns into an error until its marker is removed.
"""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from sample_paths import ROOT, SAMPLES

from extractor.model.dump import plan_to_dict, without_sources
from extractor.model.plan import Plan
from extractor.profile.load import DEFAULT_PROFILE, load_profile
from extractor.recognise.extract import extract_plan
from parsers.detect import parse_file

EDITIONS = ("2024-2025", "2025-2026", "2026-2027")
RENDITIONS = ("-handmade.pptx", "-handmade.pdf", "-report.pdf", "-site.html")
HIDDEN = "is hidden and was skipped"
REPORT_INTRO = "This report sets out the thematic groups of the programme and their working groups."

SLIDES = (
    "LibreOffice clips text that overflows a fixed-height table row and draws the rest over "
    "the next row (a link's lines over the status 'Completed' below it: 'nCoinmtepglertaetedd'), "
    "wraps long words of narrow cells with no hyphen ('stag' 'e'), and links only a link's "
    "first line"
)
# Renditions whose plan differs from the markdown's today, and why.
NOT_UNDERSTOOD = {"-handmade.pdf": SLIDES}
# Renditions that `actionplan diff` finds changes in today (it ignores warnings).
DIFFERS = NOT_UNDERSTOOD
NO_PLAN: dict[str, str] = {}
# Renditions of those kinds read right all the same (their cells are wide enough).
UNDERSTOOD = {"2026-2027-handmade.pdf"}


def deck(edition: str, suffix: str = ".md") -> Path:
    return SAMPLES / f"u4ssc-action-plan-{edition}{suffix}"


def cases(reasons: dict[str, str]) -> list:
    """Every edition × rendition, marked xfail with the reason where the tool fails today."""
    params = []
    for edition in EDITIONS:
        for suffix in RENDITIONS:
            failing = suffix in reasons and f"{edition}{suffix}" not in UNDERSTOOD
            marks = [pytest.mark.xfail(reason=reasons[suffix], strict=True)] if failing else []
            params.append(pytest.param(edition, suffix, marks=marks, id=f"{edition}{suffix}"))
    return params


@cache
def plan(path: Path) -> Plan:
    return extract_plan(parse_file(path), load_profile(DEFAULT_PROFILE, ()))


def comparable(found: Plan) -> str:
    """The plan as JSON without sources, without the note that a hidden slide was skipped and
    the warning on the report's own introduction (text the markdown does not have)."""
    data = without_sources(plan_to_dict(found))
    data["warnings"] = [
        w for w in data["warnings"] if HIDDEN not in w["message"] and w["raw"] != REPORT_INTRO
    ]
    return json.dumps(data, indent=1, ensure_ascii=False)


def test_every_rendition_was_generated() -> None:
    for edition in EDITIONS:
        for suffix in RENDITIONS:
            path = deck(edition, suffix)
            assert path.exists(), f"{path.name} missing: run `make samples`"
            assert path.stat().st_size < 1024 * 1024


@pytest.mark.parametrize(("edition", "suffix"), cases(NO_PLAN))
def test_no_rendition_makes_the_tool_abort(edition: str, suffix: str) -> None:
    found = plan(deck(edition, suffix))
    assert found.thematic_groups


@pytest.mark.parametrize(("edition", "suffix"), cases(NOT_UNDERSTOOD))
def test_rendition_gives_the_markdown_plan(edition: str, suffix: str) -> None:
    expected = comparable(plan(deck(edition)))
    found = comparable(plan(deck(edition, suffix)))
    diff = "\n".join(
        difflib.unified_diff(expected.splitlines(), found.splitlines(), ".md", suffix, n=1)
    )
    assert found == expected, diff[:6000]


@pytest.mark.slow
@pytest.mark.parametrize(("edition", "suffix"), cases(DIFFERS))
def test_cli_diff_finds_no_change(edition: str, suffix: str) -> None:
    command = [
        sys.executable,
        "-m",
        "extractor.cli",
        "diff",
        str(deck(edition)),
        str(deck(edition, suffix)),
    ]
    run = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode == 0, (run.stdout + run.stderr)[-4000:]
