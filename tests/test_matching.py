"""Text keys, name similarity and the pairing passes behind the diff."""

from __future__ import annotations

import pytest

from extractor.compare.matching import (
    RENAME_THRESHOLD,
    match,
    name_similarity,
    same,
    similar,
    text_key,
)


def test_text_key_ignores_accents_case_punctuation_and_spacing() -> None:
    assert text_key("  “Smart”  Cities – València & Co.") == "smart cities valencia and co"
    assert text_key(None) == ""
    assert text_key("Δήμος Αθηναίων") == text_key("ΔΗΜΟΣ ΑΘΗΝΑΙΩΝ") != ""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Artificial intelligence in cities", "Artificial Intelligence for Cities"),
        ("Sustainable Digital transformation in buildings and urban energy",
         "Sustainable Digital Transformation in Buildings"),
        ("Digital Wellbeing", "Digital Wellbeing in Cities"),
    ],
)  # fmt: skip
def test_renamed_groups_score_at_least_the_threshold(old: str, new: str) -> None:
    assert name_similarity(old, new) >= RENAME_THRESHOLD


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Enhancing Urban Economic Resilience and Smart Sustainable Cities",
         "Cyber Resilience for Cities"),
        ("Data and APIs in Smart City Platforms", "Smart Destination Platforms"),
        ("Scenario Planning for Cities", "Horizon Scanning for Cities"),
        ("Guiding Principles for Buildings", "Emerging Solutions for Buildings"),
        ("Intergenerational Procurement for People-Centred Cities",
         "Digital Inclusion of Older Persons in Cities"),
    ],
)  # fmt: skip
def test_different_groups_score_below_the_threshold(old: str, new: str) -> None:
    assert name_similarity(old, new) < RENAME_THRESHOLD


def test_each_pass_pairs_only_what_earlier_passes_left() -> None:
    old = [("a", 1), ("b", 2), ("c", 3)]
    new = [("c", 9), ("b", 1), ("z", 2)]
    by_name = same(lambda item: item[0])
    by_number = same(lambda item: item[1])
    assert match(old, new, by_name) == {0: 2, 1: 1}
    assert match(old, new, by_name, by_number) == {0: 2, 1: 1}
    assert match(old, new, by_number, by_name) == {1: 0, 2: 1, 0: 2}


def test_similar_pairs_the_best_score_first() -> None:
    old = ["Smart Cities Platforms", "Smart City Platform"]
    new = ["Smart City Platforms"]
    assert match(old, new, similar(str)) == {0: 1}
    assert match(old, ["Water"], similar(str)) == {}
