"""Build second-hand renditions of an edition: laid out the way other people make decks.

Usage: python samples/secondhand.py samples/u4ssc-action-plan-2024-2025.md [...]

Our own renditions (build_samples.py) share one layout. Next year's deck may be made by other
people, so these renditions carry the same words for every value in other layouts, to check
that every rendition of one plan gives the same plan. Written next to the markdown:

- <name>-handmade.pptx: a deck made by hand in PowerPoint (see secondhand_pptx.py);
- <name>-handmade.pdf: that deck exported by LibreOffice Impress;
- <name>-report.pdf: an A4 portrait report as a secretariat writes one (secondhand_report.py);
- <name>-site.html: a page as a web CMS exports it (secondhand_site.py).

The output is deterministic as far as the tools allow (fixed seeds, fixed package times; the
LibreOffice export carries its own creation time).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_samples import export_pdf  # noqa: E402
from secondhand_model import read_edition  # noqa: E402
from secondhand_pptx import build_handmade_pptx  # noqa: E402
from secondhand_report import build_report  # noqa: E402
from secondhand_site import build_site  # noqa: E402

SUFFIXES = ("-handmade.pptx", "-handmade.pdf", "-report.pdf", "-site.html")


def main(paths: list[str]) -> None:
    """Write the four second-hand renditions of each markdown edition."""
    for name in paths:
        source = Path(name)
        edition = read_edition(source)
        target = {suffix: source.with_name(source.stem + suffix) for suffix in SUFFIXES}
        build_handmade_pptx(edition, target["-handmade.pptx"])
        export_pdf(target["-handmade.pptx"], target["-handmade.pdf"])
        build_report(edition, target["-report.pdf"])
        target["-site.html"].write_text(build_site(edition), encoding="utf-8")
        for path in target.values():
            print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
