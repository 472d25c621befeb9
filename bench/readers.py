"""Time the PDF and PPTX pipelines against the bare libraries they read with.

Usage: python bench/readers.py [PDF] [PPTX]   (defaults: the sample decks)

For each deck, in one run, rounds of three timings taken in turn: the bare library doing the
least a reader must do (pdfplumber: open, extract_text and extract_tables on every page;
python-pptx: open and read every shape's text), the reader alone (file to Deck), and the whole
pipeline (read the deck, recognise the plan, render plan.json and the CSVs in memory). The
ratios of the medians are printed, the pipeline's against its target, then the peak memory of
one pipeline run.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "samples"
ROUNDS = 9
TARGETS = {"pdf": 1.5, "pptx": 2.0}


def bare_pdfplumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def bare_python_pptx(path: Path) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    def read(shapes) -> None:
        for shape in shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
                read(shape.shapes)
            elif shape.has_text_frame:
                _ = shape.text_frame.text
            elif getattr(shape, "has_table", False):
                _ = [cell.text for row in shape.table.rows for cell in row.cells]

    for slide in Presentation(str(path)).slides:
        read(slide.shapes)


def reader(path: Path) -> None:
    from parsers.detect import parse_file

    parse_file(path)


def pipeline(path: Path) -> None:
    from extractor.extract import extract_plan
    from extractor.profile import DEFAULT_PROFILE, load_profile
    from extractor.writers import render_files
    from parsers.detect import parse_file

    plan = extract_plan(parse_file(path), load_profile(DEFAULT_PROFILE, ()))
    render_files(plan)


def median_times(runs, path: Path) -> list[float]:
    """The median time of each run, the runs taken in turn so that load drifts hit all alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(ROUNDS):
        for index, run in enumerate(runs):
            start = time.perf_counter()
            run(path)
            times[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def peak_memory(path: Path) -> float:
    tracemalloc.start()
    pipeline(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def report(kind: str, path: Path, bare) -> bool:
    pipeline(path)
    bare(path)  # imports done for both before timing
    base, read, whole = median_times([bare, reader, pipeline], path)
    ok = whole / base <= TARGETS[kind]
    print(
        f"{kind:4} {path.name}: bare {base * 1000:.0f} ms, reader {read * 1000:.0f} ms "
        f"(x{read / base:.2f}), pipeline {whole * 1000:.0f} ms (x{whole / base:.2f}, target "
        f"<= {TARGETS[kind]}: {'ok' if ok else 'MISSED'}); peak traced memory "
        f"{peak_memory(path):.1f} MiB"
    )
    return ok


def main(args: list[str]) -> int:
    pdf = Path(args[0]) if args else SAMPLES / "u4ssc-action-plan-2024-2025.pdf"
    pptx = Path(args[1]) if len(args) > 1 else SAMPLES / "u4ssc-action-plan-2024-2025.pptx"
    results = [report("pdf", pdf, bare_pdfplumber)]
    if not args:
        results.append(
            report("pdf", SAMPLES / "u4ssc-action-plan-2024-2025-a4.pdf", bare_pdfplumber)
        )
    results.append(report("pptx", pptx, bare_python_pptx))
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this whole run: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
