"""Write the LibreOffice PDF exports of the decks made as others make them (decks_by_others.py).

Usage: python tests/data/make_decks_by_others.py   (needs LibreOffice Impress: `make samples`)

The exports take seconds each, so tests/test_decks_by_others.py reads the committed PDFs of the
2026-2027 edition; run this again when a builder changes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "samples")]

from decks_by_others import BUILDERS  # noqa: E402

from build_samples import export_pdf  # noqa: E402

EDITION = ROOT / "samples" / "u4ssc-action-plan-2026-2027.md"


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        for name, build in BUILDERS.items():
            pptx = build(EDITION, Path(work) / f"{EDITION.stem}-{name}.pptx")
            target = Path(__file__).parent / f"{EDITION.stem}-{name}.pdf"
            export_pdf(pptx, target)
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
