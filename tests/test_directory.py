"""The organisation and people directory, built from the real alias tables."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.profile.load import ProfileError, load_countries, load_directory
from normalizers.directory import ORGANISATION_KINDS, Countries, Directory, Organisation
from normalizers.text import slugify

DATA = Path(__file__).resolve().parents[1] / "extractor" / "profile" / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ORGANISATIONS = read_rows("organisations.csv")
PEOPLE = read_rows("people.csv")
DIRECTORY = load_directory()
country_name = DIRECTORY.country


@pytest.fixture(scope="module")
def directory() -> Directory:
    return DIRECTORY


def org_row(name: str, **cells: str) -> dict[str, str]:
    return {"id": "", "name": name, "acronym": "", "aliases": "", "kind": "", "parent": "", **cells}


# -- the data files ----------------------------------------------------------------------------


def test_organisation_columns_are_exactly_the_documented_ones() -> None:
    with (DATA / "organisations.csv").open(encoding="utf-8") as handle:
        header = handle.readline().strip()
    assert header == "id,name,acronym,aliases,kind,parent,country"


def test_people_columns_are_exactly_the_documented_ones() -> None:
    with (DATA / "people.csv").open(encoding="utf-8") as handle:
        assert handle.readline().strip() == "id,name,aliases"


@pytest.mark.parametrize("row", ORGANISATIONS, ids=lambda row: row["id"])
def test_organisation_rows_are_tidy(row: dict[str, str]) -> None:
    ids = {r["id"] for r in ORGANISATIONS}
    assert row["id"] == slugify(row["name"])
    assert row["kind"] in ORGANISATION_KINDS
    assert row["parent"] == "" or row["parent"] in ids
    assert row["country"] == "" or country_name(row["country"]) == row["country"]
    assert all(
        alias == alias.strip() and alias for alias in row["aliases"].split("|") if row["aliases"]
    )


def test_people_rows_are_tidy() -> None:
    for row in PEOPLE:
        assert row["id"] == slugify(row["name"])
        assert row["aliases"], "people.csv only holds people who need an alias"


def test_organisation_ids_are_unique() -> None:
    ids = [row["id"] for row in ORGANISATIONS]
    assert len(ids) == len(set(ids))


FEMP_ID = "federacion-espanola-de-municipios-y-provincias"
SEED_ORGANISATIONS = {
    "City of Valencia": "city-of-valencia",
    "Valencia": "city-of-valencia",
    "FEMP": FEMP_ID,
    "Federación Española de Municipios y Provincias": FEMP_ID,
    "OASC": "open-and-agile-smart-cities",
    "Open & Agile Smart Cities": "open-and-agile-smart-cities",
    "Indra Minsait": "indra-minsait",
    "UN Tourism": "un-tourism",
    "SEGITTUR": "segittur",
    "UNECE": "united-nations-economic-commission-for-europe",
    "Digital Dubai": "digital-dubai-authority",
    "Digital Dubai Authority": "digital-dubai-authority",
    "UNU-EGOV": "united-nations-university-operating-unit-on-policy-driven-electronic-governance",
    "Austrian Economics Centre": "austrian-economics-center",
    "UN-Habitat": "united-nations-human-settlements-programme",
    "ITU": "international-telecommunication-union",
    "BOMA": "building-owners-and-managers-association",
    "Building Owners and Managers Association": "building-owners-and-managers-association",
    "Gartner": "gartner",
    "JD Global Sustainability Associates": "jd-global-sustainability-associates",
    "Middlesex University Dubai": "middlesex-university-dubai",
    "Dangersmith SARL": "dangersmith-sarl",
    "CURSHAW": "curshaw",
    "Department for Business and Trade": "department-for-business-and-trade",
    "United Kingdom Government": "united-kingdom-government",
    "UNEP": "united-nations-environment-programme",
    "City of Kristiansund": "city-of-kristiansund",
    "NTRA": "national-telecom-regulatory-authority",
}


@pytest.mark.parametrize(("text", "org_id"), SEED_ORGANISATIONS.items())
def test_every_organisation_of_the_seed_deck_is_known(
    directory: Directory, text: str, org_id: str
) -> None:
    found = directory.organisation(text)
    assert found is not None and found.id == org_id and found.known


def test_records_carry_the_table_columns(directory: Directory) -> None:
    assert directory.organisation("NTRA") == Organisation(
        id="national-telecom-regulatory-authority",
        name="National Telecom Regulatory Authority",
        acronym="NTRA",
        kind="government",
        parent_id=None,
        country="Egypt",
        known=True,
    )
    dbt = directory.organisation("Department for Business and Trade")
    assert dbt is not None and dbt.parent_id == "united-kingdom-government"


# -- exact lookups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org_id"),
    [
        ("itu", "international-telecommunication-union"),
        ("the International Telecommunication Union", "international-telecommunication-union"),
        ("The ITU", "international-telecommunication-union"),
        ("UN\u2013Habitat", "united-nations-human-settlements-programme"),
        ("UN Habitat", "united-nations-human-settlements-programme"),
        ("  un-habitat. ", "united-nations-human-settlements-programme"),
        (
            "Federacion Espanola de Municipios y Provincias",
            "federacion-espanola-de-municipios-y-provincias",
        ),
        ("Open and Agile Smart Cities", "open-and-agile-smart-cities"),
        ("VALÈNCIA", "city-of-valencia"),
        ("U.N.E.P.", "united-nations-environment-programme"),
        ("Gartner, Inc.", "gartner"),
        ("UK Government", "united-kingdom-government"),
    ],
)
def test_lookup_ignores_case_accents_dashes_punctuation_and_the(
    directory: Directory, text: str, org_id: str
) -> None:
    found = directory.organisation(text)
    assert found is not None and found.id == org_id


def test_every_known_name_resolves_to_its_own_row(directory: Directory) -> None:
    for row in ORGANISATIONS:
        names = [row["name"], row["acronym"], *row["aliases"].split("|")]
        for name in filter(None, names):
            found = directory.organisation(name)
            assert found is not None and found.id == row["id"], name


def test_organisation_by_id(directory: Directory) -> None:
    found = directory.organisation_by_id("digital-dubai-authority")
    assert found is not None and found.name == "Digital Dubai Authority"
    assert directory.organisation_by_id("digital-dubai") is None


def test_ancestor_ids(directory: Directory) -> None:
    assert directory.ancestor_ids("department-for-business-and-trade") == (
        "united-kingdom-government",
    )
    assert directory.ancestor_ids("united-kingdom-government") == ()
    assert directory.ancestor_ids("not-there") == ()


# -- fuzzy lookups and unknown organisations ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "org_id"),
    [
        ("Middlesex Universty Dubai", "middlesex-university-dubai"),
        ("Department of Business and Trade", "department-for-business-and-trade"),
        ("Austrian Economic Centre", "austrian-economics-center"),
    ],
)
def test_near_spellings_resolve(directory: Directory, text: str, org_id: str) -> None:
    found = directory.organisation(text)
    assert found is not None and found.id == org_id


@pytest.mark.parametrize(
    "text",
    [
        "UNESCO",
        "World Health Organization",
        "ITU-T",
        "City of Valencia Port Authority",
        "Middlesex University London",
        "Digital Abu Dhabi",
        "Greece",
        "Ramon Ferri",
        "",
        "???",
    ],
)
def test_unknown_organisations_are_none(directory: Directory, text: str) -> None:
    assert directory.organisation(text) is None


def test_a_near_spelling_between_two_organisations_stays_unresolved() -> None:
    rows = [org_row("Northern Data Centre"), org_row("Southern Data Centre")]
    directory = Directory.from_rows(rows, [])
    assert directory.organisation("Nouthern Data Centre") is None
    found = directory.organisation("Northern Data Centr")
    assert found is not None and found.id == "northern-data-centre"


def test_names_differing_in_a_number_never_merge() -> None:
    directory = Directory.from_rows([org_row("Smart Cities Agenda 2030")], [])
    assert directory.organisation("Smart Cities Agenda 2050") is None


def test_fuzzy_matching_follows_the_cutoff() -> None:
    strict = Directory.from_rows(ORGANISATIONS, PEOPLE, load_countries(), fuzzy_cutoff=100.0)
    assert strict.organisation("Middlesex Universty Dubai") is None
    assert strict.organisation("Middlesex University Dubai") is not None


def test_organisation_or_new_keeps_unknown_names_apart(directory: Directory) -> None:
    found = directory.organisation_or_new("  World Health   Organization ")
    assert found == Organisation(
        id="world-health-organization",
        name="World Health Organization",
        acronym=None,
        kind=None,
        parent_id=None,
        country=None,
        known=False,
    )
    assert directory.organisation_or_new("Valencia").id == "city-of-valencia"


def test_organisation_or_new_rejects_text_without_a_name(directory: Directory) -> None:
    with pytest.raises(ValueError):
        directory.organisation_or_new("???")


def test_names_without_latin_letters_get_an_id(directory: Directory) -> None:
    assert directory.organisation_or_new("Δήμος Αθηναίων").id == "δημοσ-αθηναιων"


# -- building the directory --------------------------------------------------------------------


def test_a_name_given_to_two_organisations_is_an_error() -> None:
    rows = [
        org_row("City of Valencia", aliases="Valencia"),
        org_row("Valencia Province", aliases="valència"),
    ]
    with pytest.raises(ValueError, match="city-of-valencia"):
        Directory.from_rows(rows, [])


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"kind": "club"}, "kind"),
        ({"parent": "nowhere"}, "parent"),
        ({"country": "Atlantis"}, "country"),
        ({"country": "GR"}, "country"),
    ],
)
def test_bad_cells_are_errors(cells: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Directory.from_rows([org_row("Acme", **cells)], [])


def test_a_loop_of_parents_is_an_error() -> None:
    rows = [org_row("Alpha", parent="beta"), org_row("Beta", parent="alpha")]
    with pytest.raises(ValueError, match="loop"):
        Directory.from_rows(rows, [])


def test_rows_without_a_name_are_errors() -> None:
    with pytest.raises(ValueError):
        Directory.from_rows([org_row("")], [])
    with pytest.raises(ValueError):
        Directory.from_rows([], [{"id": "x", "name": "", "aliases": ""}])


def test_missing_cells_and_ids_are_filled_in() -> None:
    directory = Directory.from_rows([{"name": "Acme Labs", "acronym": "AL"}], [])
    found = directory.organisation("AL")
    assert found is not None and found.id == "acme-labs" and found.kind is None


def test_a_later_row_with_the_same_id_replaces_the_earlier() -> None:
    rows = [
        org_row("Acme", aliases="Acme Old"),
        org_row("Acme", aliases="Acme New", kind="company"),
    ]
    directory = Directory.from_rows(rows, [])
    assert directory.organisation("Acme Old") is None
    found = directory.organisation("Acme New")
    assert found is not None and found.kind == "company"


def test_country_cells_are_canonical(directory: Directory) -> None:
    rows = [org_row("Acme", country="UK")]
    found = Directory.from_rows(rows, [], directory.countries).organisation("Acme")
    assert found is not None and found.country == "United Kingdom"


# -- people ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Ezequiel García", "Ezequiel Garcia", "EZEQUIEL GARCIA", "ezequiel  garcía"]
)
def test_people_ignore_accents_and_case(directory: Directory, name: str) -> None:
    person = directory.person(name)
    assert person.id == "ezequiel-garcia" and person.name == "Ezequiel García"


def test_unknown_people_keep_their_name(directory: Directory) -> None:
    person = directory.person(" Daniel  Vega Díaz ")
    assert (person.id, person.name) == ("daniel-vega-diaz", "Daniel Vega Díaz")
    assert directory.person("Daniel Vega Diaz").id == person.id


def test_people_aliases_may_differ_beyond_accents() -> None:
    rows = [{"id": "", "name": "Okan Geray", "aliases": "O. Geray|Dr Okan Geray"}]
    directory = Directory.from_rows([], rows)
    assert directory.person("O. Geray").id == "okan-geray"
    assert directory.person("Dr Okan Geray").name == "Okan Geray"


def test_a_person_without_a_name_is_an_error(directory: Directory) -> None:
    with pytest.raises(ValueError):
        directory.person("  ")


# -- countries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Greece", "Greece"),
        ("Egypt", "Egypt"),
        ("egypt", "Egypt"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("United Kingdom", "United Kingdom"),
        ("the United Kingdom", "United Kingdom"),
        ("United Kingdom of Great Britain and Northern Ireland", "United Kingdom"),
        ("Hellenic Republic", "Greece"),
        ("Arab Republic of Egypt", "Egypt"),
        ("South Korea", "South Korea"),
        ("Türkiye", "Türkiye"),
        ("United Arab Emirates", "United Arab Emirates"),
    ],
)
def test_country_names(text: str, country: str) -> None:
    assert country_name(text) == country


@pytest.mark.parametrize(
    "text", ["ITU", "GR", "GRC", "EG", "us", "United Kingdom Government", "Valencia", "", "Greek"]
)
def test_not_country_names(text: str) -> None:
    assert country_name(text) is None


def test_country_aliases_come_from_the_data_file() -> None:
    with (DATA / "countries.csv").open(encoding="utf-8") as handle:
        assert handle.readline().strip() == "alias,country"
    assert Countries().name("UK") is None  # pycountry alone does not know it
    assert Countries({"Hellas": "Hellenic Republic"}).name("hellas") == "Greece"


def test_a_country_alias_must_name_a_country(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'Atlantis' is not a country name"):
        Countries({"Atl": "Atlantis"})
    table = tmp_path / "countries.csv"
    table.write_text("alias,country\nAtl,Atlantis\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="countries.csv: not a table of country aliases"):
        load_countries(table)


def test_without_the_aliases_an_everyday_name_is_no_country() -> None:
    with pytest.raises(ValueError, match="unknown country 'UK'"):
        Directory.from_rows([org_row("Acme Ltd", country="UK")], [])


# -- properties --------------------------------------------------------------------------------

KNOWN_NAMES = sorted(
    {
        name
        for row in ORGANISATIONS
        for name in [row["name"], row["acronym"], *row["aliases"].split("|")]
        if name
    }
)


@given(
    name=st.sampled_from(KNOWN_NAMES),
    uppers=st.lists(st.booleans(), min_size=1),
    dash=st.sampled_from(["-", "\u2010", "\u2013", "\u2014", "\u2212"]),
    space=st.sampled_from([" ", "  ", "\u00a0", " \t "]),
)
def test_spelling_noise_never_changes_the_organisation(
    name: str, uppers: list[bool], dash: str, space: str
) -> None:
    expected = DIRECTORY.organisation(name)
    cased = (ch.upper() if uppers[i % len(uppers)] else ch.lower() for i, ch in enumerate(name))
    noisy = "".join(cased).replace("-", dash).replace(" ", space)
    found = DIRECTORY.organisation(f"{space}{noisy}{space}")
    assert expected is not None and found == expected


@given(st.text(max_size=40))
def test_lookups_never_fail_and_only_return_known_organisations(text: str) -> None:
    found = DIRECTORY.organisation(text)
    assert found is None or DIRECTORY.organisation_by_id(found.id) == found
    assert country_name(text) is None or isinstance(country_name(text), str)
