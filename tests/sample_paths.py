"""Where the sample decks and the hand-written expectations live."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
OLD_DECK = SAMPLES / "u4ssc-action-plan-2024-2025.md"
NEW_DECK = SAMPLES / "u4ssc-action-plan-2025-2026.md"
EXPECTED_CHANGES = Path(__file__).parent / "data" / "changes-2024-2025-to-2025-2026.json"
