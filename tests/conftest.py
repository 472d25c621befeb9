"""Shared paths: the committed sample renditions and the shared corpus beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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
