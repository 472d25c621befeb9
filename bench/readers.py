"""Time the PDF and PPTX pipelines against the bare libraries they read with.

Usage: python bench/readers.py [PDF] [PPTX]   (defaults: the sample decks)

What is timed, for each deck:

- bare: the bare library doing the least a reader must do (pdfplumber: open, extract_text and
  extract_tables on every page; python-pptx: open and read every shape's text, in group
  shapes and table cells too);
- reader: our reader alone (file to Deck);
- pipeline: read the deck, recognise the plan, and render plan.json and the CSVs in memory,
  with the profile as `actionplan extract` gives it to every input of a run (loaded once per
  process and file version). This is the extraction snapshot the targets (TARGETS) are set for;
- pipeline with meetings.ics: the same plus the calendar, printed for information only (most
  of its cost is icalendar's serialisation; no target is set for it).

Warm figures: in one process, rounds of the four timings taken in turn, after one untimed run
of each; the medians are divided by the bare median, and the pipeline's ratio is checked against
its target. Cold figures: caches that earlier rounds filled (compiled patterns, memoised
lookups, loaded data) could flatter the warm ratio, so each run is also timed once in a fresh
Python process, after importing the modules it uses (import time, which includes loading the
profile as a batch worker does, is printed apart); the medians
of COLD_RUNS processes are divided in the same way, and the pipeline's cold ratio is shown
against the same target for comparison. Last come the peak traced memory of one
pipeline run and the peak resident memory of the whole benchmark.
"""

from __future__ import annotations

import importlib
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "samples"
# A PPTX run is short, so more of them are taken to steady its medians.
ROUNDS = {"pdf": 9, "pptx": 31}
COLD_RUNS = {"pdf": 5, "pptx": 11}
TARGETS = {"pdf": 1.5, "pptx": 2.0}
# `actionplan extract` of one deck against a bare script, both timed as whole processes.
PROCESS_RUNS = 7
PROCESS_TARGET = 1.5
PIPELINE_FORMATS = ("json", "csv")


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


def pipeline(path: Path, formats: tuple[str, ...] = PIPELINE_FORMATS) -> None:
    from extractor.batch.jobs import Job, job_profile
    from extractor.recognise.extract import extract_plan
    from extractor.writers.files import render_files
    from parsers.detect import parse_file

    # the profile as every input of a run gets it: loaded once per process and file version
    plan = extract_plan(parse_file(path), job_profile(Job(path)))
    render_files(plan, formats)


def pipeline_with_ics(path: Path) -> None:
    pipeline(path, (*PIPELINE_FORMATS, "ics"))


BARE = {"pdf": bare_pdfplumber, "pptx": bare_python_pptx}
RUNS: dict[str, Callable[[Path], None]] = {
    "bare_pdfplumber": bare_pdfplumber,
    "bare_python_pptx": bare_python_pptx,
    "pipeline": pipeline,
    "pipeline_with_ics": pipeline_with_ics,
}
# What each run imports, so that a cold run is timed after its imports.
LIBRARY_MODULES = {"pdf": ("pdfplumber",), "pptx": ("pptx", "pptx.enum.shapes")}
READER_MODULES = {"pdf": ("parsers.pdf",), "pptx": ("parsers.pptx",)}
# extractor.batch.jobs loads the default profile when imported, as every worker of a batch does
PIPELINE_MODULES = (
    "extractor.recognise.extract", "extractor.batch.jobs", "extractor.profile.load",
    "extractor.writers.files", "parsers.detect",
)  # fmt: skip
ICS_MODULES = ("extractor.writers.ics", "icalendar")


def modules_of(run: str, kind: str) -> tuple[str, ...]:
    """The modules a run imports on a deck of this kind."""
    if run.startswith("bare"):
        return LIBRARY_MODULES[kind]
    extra = ICS_MODULES if run == "pipeline_with_ics" else ()
    return LIBRARY_MODULES[kind] + READER_MODULES[kind] + PIPELINE_MODULES + extra


def median_times(runs, kind: str, path: Path) -> list[float]:
    """The median time of each run, the runs taken in turn so that load drifts hit all alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(ROUNDS[kind]):
        for index, run in enumerate(runs):
            start = time.perf_counter()
            run(path)
            times[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def cold_child(run: str, kind: str, path: Path) -> None:
    """In a fresh process: import, then time one run; print both times and late imports."""
    start = time.perf_counter()
    for module in modules_of(run, kind):
        importlib.import_module(module)
    imported = time.perf_counter()
    before = {name.split(".")[0] for name in sys.modules}
    RUNS[run](path)
    done = time.perf_counter()
    late = sorted({name.split(".")[0] for name in sys.modules} - before)
    print(json.dumps({"imports": imported - start, "run": done - imported, "late": late}))


def cold_times(runs: list[str], kind: str, path: Path) -> dict[str, dict]:
    """Per run: median run and import times over fresh processes, and any late imports."""
    samples: dict[str, list[dict]] = {run: [] for run in runs}
    for _ in range(COLD_RUNS[kind]):
        for run in runs:
            command = [sys.executable, __file__, "--cold", run, kind, str(path)]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            samples[run].append(json.loads(output))
    return {
        run: {
            "run": statistics.median(s["run"] for s in found),
            "imports": statistics.median(s["imports"] for s in found),
            "late": sorted({name for s in found for name in s["late"]}),
        }
        for run, found in samples.items()
    }


def peak_memory(path: Path) -> float:
    """The peak traced memory of one pipeline run, in MiB."""
    tracemalloc.start()
    pipeline(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def verdict(ratio: float, kind: str) -> str:
    """The ratio against the target of this kind of deck."""
    target = TARGETS[kind]
    return f"x{ratio:.2f}, target <= {target}: {'ok' if ratio <= target else 'MISSED'}"


def ms(seconds: float) -> str:
    """Seconds as whole milliseconds."""
    return f"{seconds * 1000:.0f} ms"


def report(kind: str, path: Path) -> None:
    """Print the warm and cold figures and the peak memory of one deck."""
    print(f"{kind} {path.name}")
    report_warm(kind, path)
    report_cold(kind, path)
    report_process(kind, path)
    print(f"  peak traced memory of one pipeline run: {peak_memory(path):.1f} MiB")


def report_warm(kind: str, path: Path) -> None:
    """Print the in-process medians: bare, reader, pipeline, and pipeline with meetings.ics."""
    bare = BARE[kind]
    runs = [bare, reader, pipeline, pipeline_with_ics]
    for run in runs:
        run(path)  # imports and first-run costs out of the way before timing
    base, read, whole, with_ics = median_times(runs, kind, path)
    print(
        f"  warm, medians of {ROUNDS[kind]} rounds: bare {ms(base)}, reader {ms(read)} "
        f"(x{read / base:.2f}), pipeline {ms(whole)} ({verdict(whole / base, kind)})"
    )
    print(
        f"  with meetings.ics, for information (no target): pipeline {ms(with_ics)} "
        f"(x{with_ics / base:.2f})"
    )


def report_cold(kind: str, path: Path) -> None:
    """Print the fresh-process medians of one run each, and their import times."""
    runs = [BARE[kind].__name__, "pipeline", "pipeline_with_ics"]
    cold = cold_times(runs, kind, path)
    bare, whole, with_ics = (cold[run] for run in runs)
    print(
        f"  cold, one run in a fresh process, medians of {COLD_RUNS[kind]}: "
        f"bare {ms(bare['run'])}, pipeline {ms(whole['run'])} "
        f"({verdict(whole['run'] / bare['run'], kind)}); "
        f"with meetings.ics {ms(with_ics['run'])} (x{with_ics['run'] / bare['run']:.2f})"
    )
    print(
        f"  cold imports, not counted above: bare {ms(bare['imports'])}, "
        f"pipeline {ms(whole['imports'])}, with meetings.ics {ms(with_ics['imports'])}"
    )
    late = sorted({name for found in cold.values() for name in found["late"]})
    if late:
        print(f"  imported during a cold run (so counted in it): {', '.join(late)}")


def process_seconds(command: list[str]) -> float:
    """The wall time of one whole process, start-up and imports included."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def report_process(kind: str, path: Path) -> None:
    """Print `actionplan extract` of the deck against the bare script, as whole processes."""
    import tempfile

    program = Path(sys.executable).with_name("actionplan")
    bare, extract = [], []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(PROCESS_RUNS):
            bare.append(process_seconds([sys.executable, __file__, "--bare", kind, str(path)]))
            extract.append(process_seconds(
                [str(program), "extract", str(path), "-o", out, "--force", "-q", "--workers", "1"]
            ))  # fmt: skip
    base, whole = statistics.median(bare), statistics.median(extract)
    ratio = whole / base
    print(
        f"  whole process, medians of {PROCESS_RUNS}: bare script {ms(base)}, "
        f"actionplan extract {ms(whole)} (x{ratio:.2f}, target <= {PROCESS_TARGET}: "
        f"{'ok' if ratio <= PROCESS_TARGET else 'MISSED'})"
    )


def main(args: list[str]) -> int:
    if args[:1] == ["--cold"]:
        cold_child(args[1], args[2], Path(args[3]))
        return 0
    if args[:1] == ["--bare"]:
        BARE[args[1]](Path(args[2]))
        return 0
    pdf = Path(args[0]) if args else SAMPLES / "u4ssc-action-plan-2024-2025.pdf"
    pptx = Path(args[1]) if len(args) > 1 else SAMPLES / "u4ssc-action-plan-2024-2025.pptx"
    report("pdf", pdf)
    if not args:
        report("pdf", SAMPLES / "u4ssc-action-plan-2024-2025-a4.pdf")
    report("pptx", pptx)
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this whole run: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
