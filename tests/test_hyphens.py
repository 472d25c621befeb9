"""Line-end hyphens settled by the deck's own words."""

from __future__ import annotations

from parsers.hyphens import LINE_BREAK as BREAK
from parsers.hyphens import LINE_END_HYPHEN as MARK
from parsers.hyphens import settle


def test_a_word_written_elsewhere_with_its_hyphen_keeps_it() -> None:
    assert settle(f"e{MARK}meetings", {"e-meetings"}) == "e-meetings"


def test_a_word_written_elsewhere_without_a_hyphen_loses_it() -> None:
    assert settle(f"Mailing{MARK}List", {"mailinglist"}) == "MailingList"


def test_without_evidence_a_lower_case_rest_is_hyphenation() -> None:
    assert settle(f"ar{MARK}chitecture of Ku{MARK}masi", set()) == "architecture of Kumasi"


def test_without_evidence_a_capital_rest_keeps_the_hyphen() -> None:
    assert settle(f"Mailing{MARK}List", set()) == "Mailing-List"


def test_a_mark_not_between_letters_becomes_a_hyphen() -> None:
    assert settle(f"2024{MARK}2025", set()) == "2024-2025"


def test_a_word_cut_by_a_narrow_cell_is_joined_when_the_deck_writes_it_whole() -> None:
    words = {"management", "data"}
    assert settle(f"city managemen{BREAK}t and data", words) == "city management and data"


def test_two_words_at_a_line_break_stay_two_even_if_they_make_one() -> None:
    words = {"in", "to", "into"}
    assert settle(f"in{BREAK}to the cities", words) == "in to the cities"
