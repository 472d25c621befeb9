"""Write the PDF a word processor makes of the 2025-2026 edition typed in Word.

Usage: python tests/data/make_word_pdf.py   (needs LibreOffice Writer)

tests/textdeck_html.py writes the edition as Word's "Save as Web Page" does; LibreOffice Writer
opens that page and exports it as a PDF, as a secretariat's "Save as PDF" would: A4 pages,
narrow table columns, rows broken across pages. tests/test_word_pdf.py reads the committed file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "samples")]

from textdeck_html import build_word  # noqa: E402

from secondhand_model import read_edition  # noqa: E402

EDITION = ROOT / "samples" / "u4ssc-action-plan-2025-2026.md"
TARGET = Path(__file__).parent / f"{EDITION.stem}-word.pdf"


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / f"{EDITION.stem}-word.html"
        page.write_text(build_word(read_edition(EDITION)), encoding="utf-8")
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf:writer_web_pdf_Export",
             "--outdir", work, str(page)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        shutil.copyfile(page.with_suffix(".pdf"), TARGET)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
