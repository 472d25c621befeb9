"""`actionplan report EDITION`: the edition page, read back as HTML (no browser needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from page_helpers import content_policy, outside_references, shown_counts, soup

from extractor.cli.main import main
from extractor.model.load import load_plan
from extractor.model.plan import PlanWarning, SourceRef
from extractor.report.edition import edition_report


def _report(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["report", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def edition_page(sample_edition: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("report") / "report.html"
    code, output = _report(str(sample_edition), "-o", str(page))
    assert code == 0, output
    return page


def test_edition_counts_match_plan_json(edition_page: Path, sample_edition: Path) -> None:
    data = json.loads((sample_edition / "plan.json").read_text(encoding="utf-8"))
    groups = data["thematic_groups"]
    wgs = [wg for g in groups for wg in g["working_groups"]]
    meetings = [m for owner in groups + wgs for m in owner["meetings"]]
    assert shown_counts(soup(edition_page)) == {
        "thematic_groups": len(groups), "working_groups": len(wgs), "meetings": len(meetings),
        "people": len(data["people"]), "organisations": len(data["organisations"]),
        "warnings": len(data["warnings"]),
    }  # fmt: skip
    page = soup(edition_page)
    listed = sorted(li["data-start-utc"] for li in page.select("li.meeting"))
    assert listed == sorted(m["start_utc"] for m in meetings)
    assert len(page.select("[data-working-group]")) == len(wgs)


def test_organisations_are_counted_once_per_group_led(edition_page: Path) -> None:
    page = soup(edition_page)
    listed = page.select("[data-organisation]")
    roles = {li["data-organisation"]: int(li["data-roles"]) for li in listed}
    # Valencia leads City Platforms, WG1 (named twice there) and WG5.
    assert roles["city-of-valencia"] == 3
    assert roles["digital-dubai-authority"] == max(roles.values())
    assert "united-kingdom-government" not in roles  # a parent body, leads nothing itself
    assert listed[0]["data-organisation"] == "digital-dubai-authority"


def test_page_is_self_contained(edition_page: Path) -> None:
    html = edition_page.read_text(encoding="utf-8")
    assert outside_references(html) == []
    assert content_policy(html).startswith("default-src 'none'")
    page = soup(edition_page)
    assert page.select_one('meta[name="viewport"]') is not None
    assert page.select_one('meta[name="generator"]')["content"] == "actionplan"
    assert len(page.select("figure.chart svg")) == 3  # one timeline of all groups, two bar charts


def test_timeline_has_a_bar_for_every_group_with_years(
    edition_page: Path, sample_edition: Path
) -> None:
    page = soup(edition_page)
    plan = load_plan(sample_edition)
    for group in plan.thematic_groups:
        for owner in (group, *group.working_groups):
            prefix = "timeline" if owner.timeline else "no-years"
            assert page.find(id=f"{prefix}-{owner.id}") is not None, owner.id


def test_calendar_download_is_the_ics_of_the_edition(
    edition_page: Path, sample_edition: Path
) -> None:
    import base64

    link = soup(edition_page).select_one("a[download]")["href"]
    assert link.startswith("data:text/calendar")
    ics = base64.b64decode(link.split("base64,", 1)[1])
    assert ics == (sample_edition / "meetings.ics").read_bytes()


def test_warnings_are_listed_with_where_they_came_from(sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    warning = PlanWarning(
        message="'budget' fact not understood", raw="EUR 10k", source=SourceRef("line 7")
    )
    plan.warnings.append(warning)
    page = BeautifulSoup(edition_report(plan), "html.parser")
    assert shown_counts(page)["warnings"] == 1
    (item,) = page.select("li.warning")
    assert item.get_text(" ", strip=True) == "'budget' fact not understood line 7: “EUR 10k”"


def test_report_is_byte_identical_across_runs(edition_page: Path, sample_edition: Path,
                                              tmp_path: Path) -> None:  # fmt: skip
    code, output = _report(str(sample_edition / "plan.json"), "-o", str(tmp_path / "again.html"))
    assert code == 0, output
    assert (tmp_path / "again.html").read_bytes() == edition_page.read_bytes()


def test_missing_or_broken_edition_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, output = _report(str(tmp_path / "nowhere"), "-o", str(tmp_path / "r.html"))
    assert code == 2 and output.count("\n") == 1
    assert "nowhere: cannot be read" in output and "actionplan extract" in output
    (tmp_path / "plan.json").write_text('{"edition": {}}', encoding="utf-8")
    code, output = _report(str(tmp_path), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "not a plan.json of this tool" in output


def test_more_than_two_editions_or_options_of_two_are_usage_errors(
    sample_edition: Path, tmp_path: Path
) -> None:
    code, output = _report(*[str(sample_edition)] * 3, "-o", str(tmp_path / "r.html"))
    assert code == 2 and "give one EDITION, or OLD NEW; got 3" in output
    code, output = _report(
        str(sample_edition), "--aliases", "x.csv", "-o", str(tmp_path / "r.html")
    )
    assert code == 2 and "--aliases applies to OLD NEW only" in output
    assert not (tmp_path / "r.html").exists()
