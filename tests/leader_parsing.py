"""The leader parser with the u4ssc profile's vocabulary and alias tables, for the tests."""

from __future__ import annotations

from extractor.profile.load import load_profile
from normalizers.directory import Organisation
from normalizers.leaders import LeaderParse, parse_leaders
from normalizers.values import Leader, LeaderRole

PROFILE = load_profile()
DIRECTORY = PROFILE.directory
VOCABULARY = PROFILE.leaders

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
