"""Shared fixtures: the profile, the sample editions and renditions, the shared corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sample_paths import EXPECTED_CHANGES, NEW_DECK, OLD_DECK, SAMPLES

from extractor.cli.main import main
from extractor.compare.diff import PlanDiff, diff_plans
from extractor.compare.editions import load_edition
from extractor.model.plan import Plan
from extractor.profile.load import Profile, load_profile

SAMPLE_ID = "u4ssc-action-plan-2024-2025"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared corpus of real and malformed files; skips when it is not beside the checkout."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS


def sample(suffix: str) -> Path:
    """A committed rendition of the sample deck, by its suffix (".pptx", "-a4.pdf", ...)."""
    return SAMPLES / f"{OLD_DECK.stem}{suffix}"


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
def sample_diff(old_plan: Plan, new_plan: Plan, profile: Profile) -> PlanDiff:
    """The diff of the two sample editions."""
    return diff_plans(old_plan, new_plan, profile.directory)


@pytest.fixture(scope="session")
def expected_changes() -> list[dict]:
    return json.loads(EXPECTED_CHANGES.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_deck() -> Path:
    """The sample deck in markdown."""
    return OLD_DECK


@pytest.fixture(scope="session")
def sample_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample deck extracted through the command line (plan.json, CSVs, meetings.ics)."""
    outdir = tmp_path_factory.mktemp("extract")
    result = CliRunner().invoke(main, ["extract", str(OLD_DECK), "-o", str(outdir)])
    assert result.exit_code == 0, result.output
    return outdir / SAMPLE_ID
