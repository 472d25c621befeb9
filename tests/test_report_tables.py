"""The edition report's one timeline, its organisations chart and table, who leads what."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from page_helpers import soup

from extractor.cli.main import main
from extractor.model.load import load_plan
from extractor.report.edition import edition_report, organisations_note

AI = "artificial-intelligence-in-cities"
PEOPLE_CENTRED = "enabling-people-centred-cities-through-digital-transformation"


@pytest.fixture(scope="module")
def page(sample_edition: Path, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(main, ["report", str(sample_edition), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return soup(path)


def test_one_timeline_holds_every_group_and_working_group(page, sample_edition: Path) -> None:
    plan = load_plan(sample_edition)
    (timeline,) = page.select("#timeline figure.chart svg")
    drawn = [g["id"] for g in timeline.select("g[id^=timeline-], g[id^=no-years-]")]
    owners = [owner for g in plan.thematic_groups for owner in (g, *g.working_groups)]
    # matplotlib writes the bars before the texts: the rows are compared as a set
    assert sorted(drawn) == sorted(
        ("timeline-" if o.timeline else "no-years-") + o.id for o in owners
    )
    assert len(owners) == 9 + 22
    # each group's name is drawn once, in deck order (a link per line), linking to its card
    links = list(dict.fromkeys(a["xlink:href"] for a in timeline.select("a")))
    assert links == [f"#group-{g.id}" for g in plan.thematic_groups]
    assert all(page.select_one(link) is not None for link in links)
    assert "target" not in str(timeline.select_one("a").attrs)
    # the years run along the top and the bottom: 2021 (City Platforms WG5) to 2026 (Social-
    # cultural sustainability, 2024-2026)
    years = [t.get_text() for t in timeline.select("text") if re.fullmatch(r"20\d\d", t.get_text())]
    assert sorted(years) == sorted([str(y) for y in range(2021, 2027)] * 2)


def test_the_organisations_chart_says_what_it_leaves_out(page) -> None:
    # Digital Dubai leads 8 (Okan Geray: AI and its WG1-3, Digital Wellbeing, Future Foresight,
    # People-Centred and its WG1), Valencia 3, BOMA 2 (Victoria Papp: People-Centred WG1 and
    # Buildings); the other 19 of the 22 leading organisations lead one each.
    chart = page.select("#leaders figure.chart svg")[0]
    bars = [g["id"].removeprefix("organisation-") for g in chart.select("g[id^=organisation-]")]
    assert bars == [
        "digital-dubai-authority",
        "city-of-valencia",
        "building-owners-and-managers-association",
    ]
    note = " ".join(page.select_one("#leaders p.muted").get_text().split())
    assert "3 of 22 organisations shown, those that lead more than one" in note
    assert "all are in the table below" in note
    rows = page.select("table.organisations tbody tr")
    assert len(rows) == 22
    assert [int(r.select("td")[-1].get_text()) for r in rows[:4]] == [8, 3, 2, 1]


def test_the_note_of_a_chart_cut_at_a_dozen_or_left_out() -> None:
    assert organisations_note(12, 30) == (
        "12 of 30 organisations shown, the 12 that lead most; all are in the table below."
    )
    assert (
        organisations_note(0, 5) == "Each of the 5 organisations leads one group or working group."
    )
    assert organisations_note(4, 4) is None


def test_who_leads_what_is_a_table_of_roles(page) -> None:
    bodies = page.select("table.leaders tbody")
    names = [body.th.find(string=True).strip() for body in bodies]
    assert names[:3] == ["Alberto Bernal", "Arne Ingebrigtsen", "Barbara Kolm"]
    assert names == sorted(names, key=str.casefold)
    (okan,) = page.select('table.leaders tbody[data-person="okan-geray"]')
    assert (
        okan.th["rowspan"] == "8"
        and okan.th.select_one(".who").get_text() == "Digital Dubai Authority"
    )
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in okan.select("tr")]
    assert rows[0] == ["leader", "Artificial intelligence in cities", "the group itself"]
    assert rows[1] == ["leader", "Artificial intelligence in cities",
                       "WG1 Guiding principles for artificial intelligence in cities"]  # fmt: skip
    assert [r[0] for r in rows] == ["leader"] * 4 + ["co-leader"] + ["leader"] * 3
    assert [tr["data-owner"] for tr in okan.select("tr")] == [
        AI, f"{AI}/wg1", f"{AI}/wg2", f"{AI}/wg3", PEOPLE_CENTRED, f"{PEOPLE_CENTRED}/wg1",
        "digital-wellbeing", "future-foresight-for-cities",
    ]  # fmt: skip
    assert okan.select_one("a")["href"] == f"#group-{AI}"
    # "(UN-Habitat)" co-leads People-Centred with no person named: the organisation is who
    (habitat,) = [body for body in bodies if body.th.find(string=True).strip() == "UN-Habitat"]
    assert not habitat.has_attr("data-person")
    assert [td.get_text(" ", strip=True) for td in habitat.select("td")][:2] == [
        "co-leader",
        "Enabling People-Centred Cities through Digital Transformation",
    ]


def test_the_footer_sentences_are_apart_and_the_generator_named(page, sample_edition) -> None:
    footer = " ".join(page.footer.get_text().split())
    assert "). Written by actionplan; open offline" in footer
    assert page.select_one('meta[name="generator"]')["content"] == "actionplan"
    html = edition_report(load_plan(sample_edition))
    assert html.count('<meta name="generator" content="actionplan">') == 1
    assert "<script" not in html


def test_a_plan_without_years_has_no_timeline_and_its_cards_take_the_width(sample_edition) -> None:
    plan = load_plan(sample_edition)
    plan.edition.period = None
    for group in plan.thematic_groups:
        group.timeline = None
        for wg in group.working_groups:
            wg.timeline = None
    page = BeautifulSoup(edition_report(plan), "html.parser")
    assert page.select("#timeline figure") == []
    assert page.select("#timeline .split") == []
    assert len(page.select("#timeline article.card")) == 9
