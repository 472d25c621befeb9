"""`actionplan report`: the edition and diff pages, read back as HTML (no browser needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from extractor.changes import group_changes, load_changes
from extractor.cli import main
from extractor.load import load_plan
from extractor.plan import PlanWarning, SourceRef
from extractor.report import edition_report


def _report(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["report", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def edition_page(sample_edition: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("report") / "report.html"
    code, output = _report(str(sample_edition), "-o", str(page))
    assert code == 0, output
    return page


@pytest.fixture(scope="module")
def diff_page(
    sample_edition: Path, newer_edition: Path, changes_file: Path, tmp_path_factory
) -> Path:
    page = tmp_path_factory.mktemp("diff") / "diff.html"
    editions = [str(sample_edition), str(newer_edition)]
    args = ["--changes", str(changes_file), *editions, "-o", str(page)]
    code, output = _report(*args)
    assert code == 0, output
    return page


def _soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _counts(soup: BeautifulSoup) -> dict[str, int]:
    return {li["data-count"]: int(li.b.get_text()) for li in soup.select("[data-count]")}


def test_edition_counts_match_plan_json(edition_page: Path, sample_edition: Path) -> None:
    data = json.loads((sample_edition / "plan.json").read_text(encoding="utf-8"))
    groups = data["thematic_groups"]
    wgs = [wg for g in groups for wg in g["working_groups"]]
    meetings = [m for owner in groups + wgs for m in owner["meetings"]]
    assert _counts(_soup(edition_page)) == {
        "thematic_groups": len(groups), "working_groups": len(wgs), "meetings": len(meetings),
        "people": len(data["people"]), "organisations": len(data["organisations"]),
        "warnings": len(data["warnings"]),
    }  # fmt: skip
    soup = _soup(edition_page)
    listed = sorted(li["data-start-utc"] for li in soup.select("li.meeting"))
    assert listed == sorted(m["start_utc"] for m in meetings)
    assert len(soup.select("[data-working-group]")) == len(wgs)


def test_organisations_are_counted_once_per_group_led(edition_page: Path) -> None:
    soup = _soup(edition_page)
    listed = soup.select("[data-organisation]")
    roles = {li["data-organisation"]: int(li["data-roles"]) for li in listed}
    # Valencia leads City Platforms, WG1 (named twice there) and WG5.
    assert roles["city-of-valencia"] == 3
    assert roles["digital-dubai-authority"] == max(roles.values())
    assert "united-kingdom-government" not in roles  # a parent body, leads nothing itself
    assert listed[0]["data-organisation"] == "digital-dubai-authority"


def test_page_is_self_contained(edition_page: Path) -> None:
    html = edition_page.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("script[src], link, img[src^=http], iframe, object, embed")
    assert not re.search(r"""(?:src|href)=["']https?:""", html)
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert policy.startswith("default-src 'none'")
    assert soup.select_one('meta[name="viewport"]') is not None
    assert len(soup.select("figure.chart svg")) == 9 + 2  # a timeline per group, two bar charts


def test_timeline_has_a_bar_for_every_group_with_years(
    edition_page: Path, sample_edition: Path
) -> None:
    soup = _soup(edition_page)
    plan = load_plan(sample_edition)
    for group in plan.thematic_groups:
        for owner in (group, *group.working_groups):
            prefix = "timeline" if owner.timeline else "no-years"
            assert soup.find(id=f"{prefix}-{owner.id}") is not None, owner.id


def test_calendar_download_is_the_ics_of_the_edition(
    edition_page: Path, sample_edition: Path
) -> None:
    import base64

    link = _soup(edition_page).select_one("a[download]")["href"]
    assert link.startswith("data:text/calendar")
    ics = base64.b64decode(link.split("base64,", 1)[1])
    assert ics == (sample_edition / "meetings.ics").read_bytes()


def test_warnings_are_listed_with_where_they_came_from(sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    warning = PlanWarning("'budget' fact not understood", "EUR 10k", SourceRef("line 7"))
    plan.warnings.append(warning)
    soup = BeautifulSoup(edition_report(plan), "html.parser")
    assert _counts(soup)["warnings"] == 1
    (item,) = soup.select("li.warning")
    assert item.get_text(" ", strip=True) == "'budget' fact not understood line 7: “EUR 10k”"


def test_report_is_byte_identical_across_runs(edition_page: Path, sample_edition: Path,
                                              tmp_path: Path) -> None:  # fmt: skip
    code, output = _report(str(sample_edition / "plan.json"), "-o", str(tmp_path / "again.html"))
    assert code == 0, output
    assert (tmp_path / "again.html").read_bytes() == edition_page.read_bytes()


def test_diff_counts_and_sections(diff_page: Path) -> None:
    soup = _soup(diff_page)
    assert _counts(soup) == {"changes": 11, "added": 3, "removed": 3, "renamed": 2, "modified": 3}
    sections = {s["data-group"]: len(s.select("li.change")) for s in soup.select("[data-group]")}
    assert sections == {
        "city-platforms": 4, "artificial-intelligence-in-cities": 2,
        "enhancing-urban-economic-resilience-and-smart-sustainable-cities": 1,
        "digital-wellbeing-and-health": 1, "future-foresight-for-cities": 1,
        "social-cultural-sustainability-in-people-centred-city-governance": 1, "": 1,
    }  # fmt: skip
    renamed = soup.select_one('[data-group="digital-wellbeing-and-health"] h3').get_text(
        " ", strip=True
    )
    assert "Digital Wellbeing and Health" in renamed and "was Digital Wellbeing" in renamed


def test_diff_marks_each_change_with_its_kind_and_subject(diff_page: Path) -> None:
    soup = _soup(diff_page)
    items = {li.b.get_text(): li for li in soup.select("li.change")}
    added = items["WG8 Open Data Spaces for Cities"]
    assert added["data-change"] == "added" and "change-added" in added.span["class"]
    removed = items["WG4 Mega Trends for Cities"]
    assert removed["data-change"] == "removed"
    leader = items[
        "WG3 Smart City Platforms - Transitioning to a new architecture · michael-mulquin"
    ]
    assert leader.select_one(".old").get_text() == "Michael Mulquin (OASC)"
    status = items["WG7 Smart Destination Platforms"].get_text(" ", strip=True)
    assert "status: kick-off → ongoing" in re.sub(r"\s+", " ", status)
    assert items["u4ssc-annual-report"]["data-change"] == "modified"


def test_keys_are_matched_to_a_whole_group_id(sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    records = [{"entity": "working_group", "change": "added", "key": "city-platforms-2/wg1"},
               {"entity": "meeting", "change": "added", "key": "city-platforms#2025"}]  # fmt: skip
    sections = group_changes(records, plan, plan)
    assert [(s.group_id, len(s.records)) for s in sections] == [("city-platforms", 1), (None, 1)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"changes": 3}', "expected a list of change records"),
        ('[{"entity": "meeting", "change": "moved", "key": "x"}]', "change record 1 has change"),
        ('[{"entity": "meeting", "change": "added"}]', "change record 1 has no text 'key'"),
    ],
)
def test_bad_changes_file_is_one_line_and_exit_2(
    content: str, message: str, sample_edition: Path, tmp_path: Path
) -> None:
    changes = tmp_path / "changes.json"
    changes.write_text(content, encoding="utf-8")
    edition = str(sample_edition)
    code, output = _report("--changes", str(changes), edition, edition, "-o", str(tmp_path / "d"))
    assert code == 2
    assert output.count("\n") == 1 and output.startswith(f"actionplan: error: {changes}: ")
    assert message in output
    assert not (tmp_path / "d").exists()


def test_missing_or_broken_edition_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, output = _report(str(tmp_path / "nowhere"), "-o", str(tmp_path / "r.html"))
    assert code == 2 and output.count("\n") == 1
    assert "nowhere: cannot be read" in output and "actionplan extract" in output
    (tmp_path / "plan.json").write_text('{"edition": {}}', encoding="utf-8")
    code, output = _report(str(tmp_path), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "not a plan.json of this tool" in output


def test_wrong_number_of_editions_is_a_usage_error(
    sample_edition: Path, changes_file: Path, tmp_path: Path
) -> None:
    code, output = _report(str(sample_edition), str(sample_edition), "-o", str(tmp_path / "r"))
    assert code == 2 and "give one EDITION" in output
    code, output = _report(
        "--changes", str(changes_file), str(sample_edition), "-o", str(tmp_path / "d.html")
    )
    assert code == 2 and "OLD NEW" in output


def test_changes_may_come_wrapped_in_an_object(changes_file: Path, tmp_path: Path) -> None:
    records = json.loads(changes_file.read_text(encoding="utf-8"))
    wrapped = tmp_path / "changes.json"
    wrapped.write_text(json.dumps({"old": "a", "new": "b", "changes": records}), encoding="utf-8")
    assert load_changes(wrapped) == records
