"""Leader entries, checked by hand against the 2024-2025 U4SSC action plan."""

from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.directory import Directory, Organisation
from normalizers.leaders import LeaderParse, leader_vocabulary, parse_leaders
from normalizers.values import Leader, LeaderRole

DATA = Path(__file__).resolve().parents[1] / "extractor" / "profile" / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


DIRECTORY = Directory.from_rows(read_rows("organisations.csv"), read_rows("people.csv"))
with (DATA / "leader_words.toml").open("rb") as words_file:
    WORDS = tomllib.load(words_file)
VOCABULARY = leader_vocabulary(WORDS)

VALENCIA = "city-of-valencia"
FEMP = "federacion-espanola-de-municipios-y-provincias"
OASC = "open-and-agile-smart-cities"
DUBAI = "digital-dubai-authority"
HABITAT = "united-nations-human-settlements-programme"
ITU = "international-telecommunication-union"
BOMA = "building-owners-and-managers-association"
UNEP = "united-nations-environment-programme"
NTRA = "national-telecom-regulatory-authority"
UNECE = "united-nations-economic-commission-for-europe"
EGOV = "united-nations-university-operating-unit-on-policy-driven-electronic-governance"


def parse(text: str, role: str = "leader") -> LeaderParse:
    return parse_leaders(text, LeaderRole(role), DIRECTORY, VOCABULARY)


def organisations(parsed: LeaderParse) -> list[Organisation]:
    """The organisation records behind the refs of every leader of a parse, in order."""
    return [
        parsed.organisations[ref.id] for leader in parsed.leaders for ref in leader.organisations
    ]


def leaders(text: str) -> list[Leader]:
    parsed = parse(text)
    assert parsed.problems == []
    return parsed.leaders


def summary(text: str) -> list[tuple[str | None, list[str]]]:
    """(name, organisation ids) of each leader of an entry that parses without problems."""
    return [(leader.name, [org.id for org in leader.organisations]) for leader in leaders(text)]


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


# -- the vocabulary ----------------------------------------------------------------------------


def test_the_vocabulary_holds_the_file_words() -> None:
    assert "," in VOCABULARY.hard_separators and "and" in VOCABULARY.conjunctions
    assert "SARL" in VOCABULARY.legal_forms and "Faculty" in VOCABULARY.position_words
    assert "City of" in VOCABULARY.organisation_words


def test_a_missing_table_is_an_error() -> None:
    data = {key: value for key, value in WORDS.items() if key != "position"}
    with pytest.raises(ValueError, match="position"):
        leader_vocabulary(data)


@pytest.mark.parametrize("value", ["and", [""], [1], None])
def test_a_malformed_list_is_an_error(value: object) -> None:
    data = {**WORDS, "separators": {**WORDS["separators"], "conjunctions": value}}
    with pytest.raises(ValueError, match="conjunctions"):
        leader_vocabulary(data)


def test_apposition_separators_must_be_hard() -> None:
    data = {**WORDS, "separators": {**WORDS["separators"], "apposition": ["/"]}}
    with pytest.raises(ValueError, match="apposition"):
        leader_vocabulary(data)


def test_words_come_from_the_vocabulary() -> None:
    words = {**WORDS, "separators": {**WORDS["separators"], "conjunctions": ["und"]}}
    vocabulary = leader_vocabulary(words)
    parsed = parse_leaders("Jane Doe (ITU) und John Roe (UNEP)", "leader", DIRECTORY, vocabulary)
    assert [f.name for f in parsed.leaders] == ["Jane Doe", "John Roe"]


# -- properties --------------------------------------------------------------------------------

PIECES = [
    "Jane", "Doe", "Roe", "ITU", "Acme", "Ltd", "Valencia", "Greece", "Director", "at",
    "City of", "and", "&", ",", ";", "(", ")", " ", " ", "???", "Díaz", "TBD", "x1",
]  # fmt: skip
CONJUNCTION_WORDS = {"and"}


@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_no_word_is_ever_lost(text: str) -> None:
    parsed = parse(text)
    raws = [leader.raw for leader in parsed.leaders] + [p.raw for p in parsed.problems]
    for word in re.findall(r"\w+", text):
        if word.lower() not in CONJUNCTION_WORDS:
            assert any(word in raw for raw in raws), (word, parsed)


@given(st.text(max_size=30))
def test_any_text_parses(text: str) -> None:
    parsed = parse(text)
    for leader in parsed.leaders:
        assert leader.name or leader.organisations or leader.country
        assert (leader.person_id is None) == (leader.name is None)
