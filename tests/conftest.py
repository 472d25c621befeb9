"""Shared fixtures: the profile, the sample editions and renditions, the shared corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sample_paths import EXPECTED_CHANGES, NEW_DECK, OLD_DECK

from extractor.cli import main
from extractor.editions import load_edition
from extractor.plan import Plan
from extractor.profile import Profile, load_profile

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DECK = ROOT / "samples" / "u4ssc-action-plan-2024-2025.md"
SAMPLE_ID = "u4ssc-action-plan-2024-2025"
CHANGES = Path(__file__).parent / "data" / "changes.json"
SAMPLES = ROOT / "samples"
STEM = "u4ssc-action-plan-2024-2025"
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
    return SAMPLES / f"{STEM}{suffix}"


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


@pytest.fixture(scope="session")
def sample_deck() -> Path:
    """The sample deck in markdown."""
    return SAMPLE_DECK


@pytest.fixture(scope="session")
def changes_file() -> Path:
    """Hand-made change records between the sample edition and `newer_edition`."""
    return CHANGES


@pytest.fixture(scope="session")
def sample_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample deck extracted through the command line (plan.json, CSVs, meetings.ics)."""
    outdir = tmp_path_factory.mktemp("extract")
    result = CliRunner().invoke(main, ["extract", str(SAMPLE_DECK), "-o", str(outdir)])
    assert result.exit_code == 0, result.output
    return outdir / SAMPLE_ID


@pytest.fixture(scope="session")
def newer_edition(sample_edition: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample edited by hand into a 2025-2026 edition: the changes of data/changes.json."""
    data = json.loads((sample_edition / "plan.json").read_text(encoding="utf-8"))
    data["edition"]["id"] = "u4ssc-action-plan-2025-2026"
    data["edition"]["period"] = {"raw": "2025-2026", "start_year": 2025, "end_year": 2026}
    _apply_changes({g["id"]: g for g in data["thematic_groups"]})
    folder = tmp_path_factory.mktemp("newer") / data["edition"]["id"]
    folder.mkdir()
    (folder / "plan.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def _apply_changes(groups: dict) -> None:
    groups["digital-wellbeing"].update(id="digital-wellbeing-and-health",
                                       name="Digital Wellbeing and Health")  # fmt: skip
    platforms = {wg["number"]: wg for wg in groups["city-platforms"]["working_groups"]}
    platforms[7]["status"] = "ongoing"
    platforms[3]["leaders"] = [x for x in platforms[3]["leaders"] if x["name"] != "Michael Mulquin"]
    platforms[6]["meetings"].append(
        {"start": "2025-01-30T10:30:00+01:00", "end": "2025-01-30T11:30:00+01:00",
         "start_utc": "2025-01-30T09:30:00Z", "end_utc": "2025-01-30T10:30:00Z",
         "timezone": "Europe/Zurich", "raw": "30 January 2025, 10:30-11:30 hours, Geneva time"}
    )  # fmt: skip
    wg8 = {**platforms[7], "id": "city-platforms/wg8", "number": 8, "leaders": [], "meetings": []}
    wg8.update(title="Open Data Spaces for Cities", status="proposed", timeline=None)
    groups["city-platforms"]["working_groups"].append(wg8)
    ai_wg2 = groups["artificial-intelligence-in-cities"]["working_groups"][1]
    ai_wg2.update(title="Autonomous and Agentic Cities", meetings=[])
    groups["future-foresight-for-cities"]["working_groups"].pop()
    groups["enhancing-urban-economic-resilience-and-smart-sustainable-cities"][
        "expected_publication"] = {"raw": "2026", "start_year": 2026, "end_year": 2026}  # fmt: skip
    groups["social-cultural-sustainability-in-people-centred-city-governance"]["deliverables"].append(
        {"title": "Toolkit for socially sustainable city governance", "url": None,
         "status": "planned", "is_new": True}
    )  # fmt: skip
