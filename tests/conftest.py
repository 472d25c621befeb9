"""Shared fixtures: the default profile and the two sample editions, read once per test run."""

from __future__ import annotations

import json

import pytest
from sample_paths import EXPECTED_CHANGES, NEW_DECK, OLD_DECK

from extractor.editions import load_edition
from extractor.plan import Plan
from extractor.profile import Profile, load_profile


@pytest.fixture(scope="session")
def profile() -> Profile:
    return load_profile()


@pytest.fixture(scope="session")
def old_plan(profile: Profile) -> Plan:
    return load_edition(OLD_DECK, profile)


@pytest.fixture(scope="session")
def new_plan(profile: Profile) -> Plan:
    return load_edition(NEW_DECK, profile)


@pytest.fixture(scope="session")
def expected_changes() -> list[dict]:
    return json.loads(EXPECTED_CHANGES.read_text(encoding="utf-8"))
