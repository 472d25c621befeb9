"""Leader entries of other shapes: separators, shared affiliations, unknown organisations, problems."""

from __future__ import annotations

import pytest
from leader_parsing import (
    BOMA,
    ITU,
    OASC,
    UNEP,
    VALENCIA,
    leaders,
    organisations,
    parse,
    summary,
)

# -- other shapes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Jane Doe (ITU) & John Roe (UNEP)", "Jane Doe (ITU); John Roe (UNEP)"]
)
def test_separators_between_leaders(text: str) -> None:
    assert summary(text) == [("Jane Doe", [ITU]), ("John Roe", [UNEP])]


def test_people_listed_before_an_affiliation_share_it() -> None:
    assert summary("Jane Doe and John Roe (ITU)") == [("Jane Doe", [ITU]), ("John Roe", [ITU])]
    found = leaders("Jane Doe, John Roe & Max Mustermann (ITU, Greece)")
    assert [(f.name, [o.id for o in f.organisations], f.country) for f in found] == [
        ("Jane Doe", [ITU], "Greece"),
        ("John Roe", [ITU], "Greece"),
        ("Max Mustermann", [ITU], "Greece"),
    ]


def test_a_semicolon_stops_sharing() -> None:
    assert summary("Jane Doe; John Roe (ITU)") == [("Jane Doe", []), ("John Roe", [ITU])]


def test_a_person_with_an_affiliation_keeps_their_own() -> None:
    assert summary("Jane Doe (UNEP) and John Roe (ITU)") == [
        ("Jane Doe", [UNEP]),
        ("John Roe", [ITU]),
    ]


def test_unknown_organisations_are_kept_apart() -> None:
    parsed = parse("Jane Doe (World Health Organization) and John Roe (Acme GmbH)")
    assert parsed.problems == []
    assert [(o.id, o.name, o.known) for o in organisations(parsed)] == [
        ("world-health-organization", "World Health Organization", False),
        ("acme-gmbh", "Acme GmbH", False),
    ]


def test_and_inside_unknown_organisation_names() -> None:
    text = "Jane Doe (Ministry of Trade and Industry) and John Roe (Acme Ltd & Foo Partners)"
    assert summary(text) == [
        ("Jane Doe", ["ministry-of-trade-and-industry"]),
        ("John Roe", ["acme-ltd", "foo-partners"]),
    ]


def test_an_unknown_organisation_with_its_acronym() -> None:
    parsed = parse("Jane Doe, Acme Builders and Surveyors Union (ABSU)")
    assert parsed.problems == [] and len(parsed.leaders) == 1
    [org] = organisations(parsed)
    assert (org.id, org.acronym, org.known) == ("acme-builders-and-surveyors-union", "ABSU", False)


def test_an_unknown_spelling_resolves_through_its_known_acronym() -> None:
    [found] = leaders("Jane Doe, Building Owners & Managers Assoc. (BOMA)")
    assert [o.id for o in found.organisations] == [BOMA]


def test_initials_of_a_person_are_not_an_acronym_of_their_name() -> None:
    [found] = leaders("Jane Doe (JD)")
    assert found.name == "Jane Doe" and [o.id for o in found.organisations] == ["jd"]


def test_organisation_only_leaders() -> None:
    assert summary("City of Valencia") == [(None, [VALENCIA])]
    assert summary("Open & Agile Smart Cities") == [(None, [OASC])]
    assert summary("Building Owners and Managers Association (BOMA)") == [(None, [BOMA])]
    assert summary("Siemens") == [(None, ["siemens"])]


def test_positions_and_appositions() -> None:
    [found] = leaders("Jane Doe, Director, Acme Institute")
    assert (found.name, found.position) == ("Jane Doe", "Director")
    assert [o.id for o in found.organisations] == ["acme-institute"]
    [found] = leaders("Jane Doe (Head of Smart City Office at Acme City Council, Spain)")
    assert (found.position, found.country) == ("Head of Smart City Office", "Spain")
    assert [o.id for o in found.organisations] == ["acme-city-council"]


def test_titles_are_left_out_of_names() -> None:
    [found] = leaders("Prof. Jane Doe (ITU)")
    assert (found.name, found.person_id, found.raw) == (
        "Jane Doe",
        "jane-doe",
        "Prof. Jane Doe (ITU)",
    )


def test_nested_parentheses() -> None:
    assert summary("Jane Doe (International Telecommunication Union (ITU))") == [
        ("Jane Doe", [ITU])
    ]
    [found] = leaders("Jane Doe (Acme (Greece))")
    assert ([o.id for o in found.organisations], found.country) == (["acme"], "Greece")


def test_accents_and_spacing_in_names() -> None:
    [found] = leaders("  Daniel   Vega Díaz\n(FEMP) ")
    assert (found.name, found.person_id, found.raw) == (
        "Daniel Vega Díaz",
        "daniel-vega-diaz",
        "Daniel Vega Díaz (FEMP)",
    )


# -- problems: reported, never dropped ---------------------------------------------------------


def test_an_unclosed_parenthesis_gives_a_leader_and_a_problem() -> None:
    parsed = parse("Jane Doe (ITU")
    assert [(f.name, [o.id for o in f.organisations]) for f in parsed.leaders] == [
        ("Jane Doe", [ITU])
    ]
    assert [p.raw for p in parsed.problems] == ["(ITU"]


def test_a_stray_closing_parenthesis_is_reported() -> None:
    parsed = parse("Jane Doe) and John Roe (ITU)")
    assert [f.name for f in parsed.leaders] == ["Jane Doe", "John Roe"]
    assert [p.raw for p in parsed.problems] == ["Jane Doe) and John Roe (ITU)"]


@pytest.mark.parametrize("text", ["???", "N/A", "TBD", "and", "", "  "])
def test_entries_naming_nobody_are_problems(text: str) -> None:
    parsed = parse(text)
    assert parsed.leaders == []
    assert [p.raw.strip() for p in parsed.problems] == [text.strip()]


def test_junk_next_to_an_affiliation_keeps_the_affiliation() -> None:
    parsed = parse("??? (ITU)")
    assert [(f.name, [o.id for o in f.organisations]) for f in parsed.leaders] == [(None, [ITU])]
    assert [p.raw for p in parsed.problems] == ["???"]


@pytest.mark.parametrize(
    ("text", "raw"),
    [("Jane Doe (TBD)", "TBD"), ("Jane Doe ()", "()"), ("Jane Doe (???)", "???")],
)
def test_bad_affiliations_are_problems(text: str, raw: str) -> None:
    parsed = parse(text)
    assert [f.name for f in parsed.leaders] == ["Jane Doe"]
    assert [p.raw for p in parsed.problems] == [raw]


def test_a_second_country_is_a_problem() -> None:
    parsed = parse("Jane Doe (Spain, Italy)")
    assert parsed.leaders[0].country == "Spain"
    assert [p.raw for p in parsed.problems] == ["Italy"]


def test_a_position_alone_is_a_problem() -> None:
    parsed = parse("Jane Doe (ITU), Director")
    assert [f.name for f in parsed.leaders] == ["Jane Doe"]
    assert [p.raw for p in parsed.problems] == ["Director"]


def test_names_without_latin_letters() -> None:
    [found] = leaders("Λεωνίδας Ανθόπουλος (Greece)")
    assert found.name == "Λεωνίδας Ανθόπουλος" and found.person_id
