"""Leader entries, checked by hand against the 2024-2025 U4SSC action plan."""

from __future__ import annotations

import pytest
from leader_parsing import (
    BOMA,
    DUBAI,
    EGOV,
    FEMP,
    HABITAT,
    ITU,
    NTRA,
    OASC,
    UNECE,
    UNEP,
    VALENCIA,
    leaders,
    organisations,
    parse,
    summary,
)

from normalizers.leaders import LeaderParse
from normalizers.values import Leader

# -- the entries of the seed deck --------------------------------------------------------------


def test_1_three_co_leaders() -> None:
    text = "Ramon Ferri (Valencia), Ernesto Faubel (Valencia) and Daniel Vega Díaz (FEMP)"
    assert summary(text) == [
        ("Ramon Ferri", [VALENCIA]),
        ("Ernesto Faubel", [VALENCIA]),
        ("Daniel Vega Díaz", [FEMP]),
    ]


def test_1_roles_and_raw_texts_are_kept() -> None:
    text = "Ramon Ferri (Valencia), Ernesto Faubel (Valencia) and Daniel Vega Díaz (FEMP)"
    found = parse(text, "co-leader").leaders
    assert {leader.role for leader in found} == {"co-leader"}
    assert [leader.raw for leader in found] == [
        "Ramon Ferri (Valencia)",
        "Ernesto Faubel (Valencia)",
        "Daniel Vega Díaz (FEMP)",
    ]
    assert [leader.person_id for leader in found] == [
        "ramon-ferri",
        "ernesto-faubel",
        "daniel-vega-diaz",
    ]


def test_2_a_person_and_an_organisation_only_leader() -> None:
    found = leaders("Ramon Ferri (Valencia) and City of Valencia")
    assert [(f.name, f.person_id, [o.id for o in f.organisations]) for f in found] == [
        ("Ramon Ferri", "ramon-ferri", [VALENCIA]),
        (None, None, [VALENCIA]),
    ]
    assert found[1].raw == "City of Valencia"


def test_3_a_country_in_parentheses() -> None:
    [found] = leaders("Leonidas Anthopoulos (Greece)")
    assert (found.name, found.organisations, found.country) == (
        "Leonidas Anthopoulos",
        [],
        "Greece",
    )


def test_4_leaders_without_a_separator() -> None:
    text = "Martin Brynskov (OASC) Michael Mulquin (OASC)"
    assert summary(text) == [("Martin Brynskov", [OASC]), ("Michael Mulquin", [OASC])]


def test_5_accented_names_share_the_unaccented_id() -> None:
    found = leaders("Sandra Carvao (UN Tourism) and Ezequiel García (SEGITTUR)")
    assert [(f.name, [o.id for o in f.organisations]) for f in found] == [
        ("Sandra Carvao", ["un-tourism"]),
        ("Ezequiel García", ["segittur"]),
    ]
    assert found[1].person_id == "ezequiel-garcia"
    assert leaders("Ezequiel Garcia (SEGITTUR)")[0].person_id == "ezequiel-garcia"


def test_6_an_alias_and_the_full_name_give_one_organisation() -> None:
    [short] = leaders("Okan Geray (Digital Dubai)")
    [full] = leaders("Okan Geray (Digital Dubai Authority)")
    assert short.person_id == full.person_id == "okan-geray"
    assert short.organisations == full.organisations
    assert [org.id for org in short.organisations] == [DUBAI]


def test_7_an_organisation_only_leader_between_people() -> None:
    text = (
        "Barbara Kolm (Austrian Economics Centre), Okan Geray (Digital Dubai Authority), "
        "(UN-Habitat) and Cristina Bueti (ITU)"
    )
    found = leaders(text)
    assert [(f.name, [o.id for o in f.organisations]) for f in found] == [
        ("Barbara Kolm", ["austrian-economics-center"]),
        ("Okan Geray", [DUBAI]),
        (None, [HABITAT]),
        ("Cristina Bueti", [ITU]),
    ]
    assert (found[2].person_id, found[2].raw) == (None, "(UN-Habitat)")


def test_8_ampersand_between_leaders_and_an_acronym() -> None:
    text = "Okan Geray (Digital Dubai) & Victoria Papp (BOMA)"
    assert summary(text) == [("Okan Geray", [DUBAI]), ("Victoria Papp", [BOMA])]


def test_9_a_position_at_an_organisation() -> None:
    text = (
        "John Smiciklas (JD Global Sustainability Associates) and "
        "Gamze Geray (Adjunct Faculty at Middlesex University Dubai)"
    )
    john, gamze = leaders(text)
    assert [o.id for o in john.organisations] == ["jd-global-sustainability-associates"]
    assert john.position is None
    assert gamze.position == "Adjunct Faculty"
    assert [o.id for o in gamze.organisations] == ["middlesex-university-dubai"]


def test_10_two_organisations_and_a_parent() -> None:
    text = (
        "Warren Smith (Dangersmith SARL & CURSHAW) and John Davies "
        "(Department for Business and Trade, United Kingdom Government)"
    )
    parsed = parse(text)
    assert parsed.problems == []
    warren, john = parsed.leaders
    assert [o.id for o in warren.organisations] == ["dangersmith-sarl", "curshaw"]
    assert [o.id for o in john.organisations] == ["department-for-business-and-trade"]
    assert parsed.organisations[john.organisations[0].id].parent_id == "united-kingdom-government"
    assert john.country is None


def test_11_an_apposition_with_and_inside_the_organisation_name() -> None:
    text = "Victoria Papp, Building Owners and Managers Association (BOMA) and Gulnara Roll (UNEP)"
    found = parse(text, "suggested-leader").leaders
    assert [(f.name, [o.id for o in f.organisations]) for f in found] == [
        ("Victoria Papp", [BOMA]),
        ("Gulnara Roll", [UNEP]),
    ]
    assert found[0].raw == "Victoria Papp, Building Owners and Managers Association (BOMA)"
    assert {f.role for f in found} == {"suggested-leader"}


def test_12_an_organisation_and_a_country() -> None:
    [found] = leaders("Ramy Ahmed Fathy (NTRA, Egypt)")
    assert (found.name, [o.id for o in found.organisations]) == ("Ramy Ahmed Fathy", [NTRA])
    assert found.country == "Egypt"


@pytest.mark.parametrize(
    ("text", "name", "org_id"),
    [
        ("Arne Ingebrigtsen (City of Kristiansund)", "Arne Ingebrigtsen", "city-of-kristiansund"),
        ("Soumaya Ben Dhaou (UNU-EGOV)", "Soumaya Ben Dhaou", EGOV),
        ("Bettina Tratz-Ryan (Gartner)", "Bettina Tratz-Ryan", "gartner"),
        ("Alberto Bernal (Indra Minsait)", "Alberto Bernal", "indra-minsait"),
        ("Vahid Khatami (UNECE)", "Vahid Khatami", UNECE),
    ],
)
def test_13_single_leaders(text: str, name: str, org_id: str) -> None:
    assert summary(text) == [(name, [org_id])]


def test_14_an_organisation_alone() -> None:
    [found] = leaders("(UN-Habitat)")
    assert (found.name, found.person_id, [o.id for o in found.organisations]) == (
        None,
        None,
        [HABITAT],
    )


# -- the whole deck ----------------------------------------------------------------------------

# Every leader string of u4ssc-action-plan-2024-2025, with its role, in deck order.
DECK_ENTRIES = [
    ("co-leader", "Ramon Ferri (Valencia), Ernesto Faubel (Valencia) and Daniel Vega Díaz (FEMP)"),
    ("leader", "Ramon Ferri (Valencia) and City of Valencia"),
    ("leader", "Leonidas Anthopoulos (Greece)"),
    ("leader", "Martin Brynskov (OASC) Michael Mulquin (OASC)"),
    ("leader", "Alberto Bernal (Indra Minsait)"),
    ("leader", "Ramon Ferri (Valencia) and City of Valencia"),
    ("leader", "Leonidas Anthopoulos (Greece)"),
    ("leader", "Sandra Carvao (UN Tourism) and Ezequiel García (SEGITTUR)"),
    ("leader", "Vahid Khatami (UNECE)"),
    ("leader", "Okan Geray (Digital Dubai)"),
    ("leader", "Okan Geray (Digital Dubai)"),
    ("leader", "Okan Geray (Digital Dubai)"),
    ("leader", "Okan Geray (Digital Dubai)"),
    ("leader", "Soumaya Ben Dhaou (UNU-EGOV)"),
    (
        "co-leader",
        "Barbara Kolm (Austrian Economics Centre), Okan Geray (Digital Dubai Authority), "
        "(UN-Habitat) and Cristina Bueti (ITU)",
    ),
    ("leader", "Okan Geray (Digital Dubai) & Victoria Papp (BOMA)"),
    ("leader", "Bettina Tratz-Ryan (Gartner)"),
    (
        "leader",
        "John Smiciklas (JD Global Sustainability Associates) and Gamze Geray "
        "(Adjunct Faculty at Middlesex University Dubai)",
    ),
    ("leader", "Leonidas Anthopoulos (Greece)"),
    (
        "leader",
        "Warren Smith (Dangersmith SARL & CURSHAW) and John Davies "
        "(Department for Business and Trade, United Kingdom Government)",
    ),
    ("leader", "Okan Geray (Digital Dubai)"),
    ("leader", "Okan Geray (Digital Dubai)"),
    (
        "suggested-leader",
        "Victoria Papp, Building Owners and Managers Association (BOMA) and Gulnara Roll (UNEP)",
    ),
    ("leader", "Arne Ingebrigtsen (City of Kristiansund)"),
    ("leader", "Ramy Ahmed Fathy (NTRA, Egypt)"),
]


def deck_parses() -> list[LeaderParse]:
    found = []
    for role, text in DECK_ENTRIES:
        parsed = parse(text, role)
        assert parsed.problems == [], text
        found.append(parsed)
    return found


def deck_leaders() -> list[Leader]:
    return [leader for parsed in deck_parses() for leader in parsed.leaders]


def test_the_deck_names_23_people() -> None:
    people = {leader.person_id for leader in deck_leaders() if leader.person_id}
    assert len(people) == 23


def test_okan_geray_has_one_organisation_across_the_deck() -> None:
    okan = [leader for leader in deck_leaders() if leader.person_id == "okan-geray"]
    assert len(okan) == 8
    assert {org.id for leader in okan for org in leader.organisations} == {DUBAI}


def test_every_organisation_of_the_deck_is_known() -> None:
    assert all(org.known for parsed in deck_parses() for org in organisations(parsed))
