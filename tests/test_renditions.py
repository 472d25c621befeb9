"""Every rendition of the 2024-2025 deck gives the same plan, located in its own terms."""

from __future__ import annotations

import difflib
import itertools
import json
import re
import subprocess
import sys

import pytest
from conftest import sample

from extractor.model.dump import plan_to_dict, without_sources
from extractor.profile.load import DEFAULT_PROFILE, load_profile
from extractor.recognise.extract import extract_plan
from parsers.detect import parse_file

RENDITIONS = (".md", ".html", ".pptx", ".pdf", "-a4.pdf")
LOCATION = {".md": "line", ".html": "line", ".pptx": "slide", ".pdf": "page", "-a4.pdf": "page"}


@pytest.fixture(scope="module")
def plans() -> dict:
    profile = load_profile(DEFAULT_PROFILE, ())
    return {suffix: extract_plan(parse_file(sample(suffix)), profile) for suffix in RENDITIONS}


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(RENDITIONS, 2)))
def test_every_pair_of_renditions_gives_the_same_plan(plans, first, second):
    a = json.dumps(without_sources(plan_to_dict(plans[first])), indent=1, ensure_ascii=False)
    b = json.dumps(without_sources(plan_to_dict(plans[second])), indent=1, ensure_ascii=False)
    diff = "\n".join(difflib.unified_diff(a.splitlines(), b.splitlines(), first, second, n=1))
    assert a == b, diff[:4000]


@pytest.mark.parametrize("suffix", RENDITIONS)
def test_counts_checked_by_hand(plans, suffix):
    plan = plans[suffix]
    groups = plan.thematic_groups
    assert len(groups) == 9
    assert sum(len(g.working_groups) for g in groups) == 22
    meetings = sum(len(g.meetings) + sum(len(w.meetings) for w in g.working_groups) for g in groups)
    assert meetings == 27
    assert len(plan.people) == 23
    assert plan.warnings == []


@pytest.mark.parametrize("suffix", [".pptx", ".pdf", "-a4.pdf"])
def test_every_group_carries_its_slide_or_page(plans, suffix):
    kind = LOCATION[suffix]
    plan = plans[suffix]
    records = [*plan.thematic_groups, *(w for g in plan.thematic_groups for w in g.working_groups)]
    assert all(re.fullmatch(rf"{kind} \d+", r.source.location) for r in records)
    where = {r.id: int(r.source.location.split()[1]) for r in records}
    # checked against the deck: the facts slide of each group, the table slides of its groups
    assert where["city-platforms"] == 2
    assert where["city-platforms/wg5"] == 3
    assert where["city-platforms/wg6"] == 4  # a continued table keeps each row's own slide
    assert where["enabling-people-centred-cities-through-digital-transformation/wg5"] == 10
    assert where["future-foresight-for-cities/wg1"] == 14
    assert where["future-foresight-for-cities/wg4"] == 15
    assert where["digital-public-infrastructure-dpi-for-cities"] == 20


@pytest.mark.parametrize("suffix", RENDITIONS)
def test_edition_source_names_the_format(plans, suffix):
    expected = {".md": "markdown", ".html": "html", ".pptx": "pptx"}.get(suffix, "pdf")
    assert plans[suffix].edition.source.format == expected
    assert plans[suffix].edition.id == "u4ssc-action-plan-2024-2025"


def test_cli_writes_the_edition_once_for_all_renditions(tmp_path):
    files = [str(sample(s)) for s in RENDITIONS]
    run = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", *files, "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "actionplans.sqlite", "manifest.json", "u4ssc-action-plan-2024-2025",
    ]  # fmt: skip
    assert run.stderr.count("same edition and content") == len(RENDITIONS) - 1
