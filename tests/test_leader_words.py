"""The leader parser's vocabulary (leader_words.toml), and properties that hold for any entry."""

from __future__ import annotations

import re
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st
from leader_parsing import DIRECTORY, VOCABULARY, parse

from extractor.profile.load import LEADER_WORDS
from normalizers.leader_words import leader_vocabulary
from normalizers.leaders import parse_leaders
from normalizers.values import LeaderRole

with LEADER_WORDS.open("rb") as words_file:
    WORDS = tomllib.load(words_file)


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
    text = "Jane Doe (ITU) und John Roe (UNEP)"
    parsed = parse_leaders(text, LeaderRole.LEADER, DIRECTORY, vocabulary)
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
