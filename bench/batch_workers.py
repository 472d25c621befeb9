"""Speed-up of `extract --workers 2` over `--workers 1` on a batch of 40 decks.

The decks are copies of the samples (20 markdown, 20 HTML), each given a period of its own so
that every one is a separate edition written in full (folders, CSVs, store). Each setting runs
three times, alternating, into a fresh output folder; the medians are compared. Wall time counts
the whole command; batch time is the run's own `seconds` from manifest.json.

On a shared machine the second core may be partly taken: the script also measures the
speed-up that two processes of pure CPU work get between the rounds: the ceiling for this run.
"""

from __future__ import annotations

import json
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "samples" / "u4ssc-action-plan-2024-2025.md",
           ROOT / "samples" / "u4ssc-action-plan-2024-2025.html"]  # fmt: skip
SCRIPT = Path(sys.executable).with_name("actionplan")
DECKS, ROUNDS = 40, 3


def make_decks(folder: Path) -> None:
    """40 copies of the samples, each with its own edition period."""
    for n in range(DECKS):
        sample = SAMPLES[n % 2]
        year = 2030 + n
        text = sample.read_text(encoding="utf-8").replace("2024-2025", f"{year}-{year + 1}", 1)
        (folder / f"deck-{n:02d}{sample.suffix}").write_text(text, encoding="utf-8")


def run(decks: Path, out: Path, workers: int) -> tuple[float, float]:
    """Wall seconds of one run, and the batch's own seconds from its manifest."""
    command = [str(SCRIPT), "extract", str(decks), "-o", str(out), "--workers", str(workers), "-q"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    wall = time.perf_counter() - started
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["ok"] == DECKS, manifest["counts"]
    assert len({e["folder"] for e in manifest["inputs"]}) == DECKS  # one edition per deck
    return wall, manifest["seconds"]


def burn(_: object) -> None:
    """A fixed amount of pure CPU work."""
    total = 0
    for number in range(3_000_000):
        total += number * number


def ceiling() -> float:
    """How much faster two processes do eight units of CPU work than one, right now."""
    started = time.perf_counter()
    for unit in range(8):
        burn(unit)
    serial = time.perf_counter() - started
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(burn, range(2))  # start-up, not measured
        started = time.perf_counter()
        pool.map(burn, range(8), chunksize=1)
        return serial / (time.perf_counter() - started)


def measure(scratch: Path) -> tuple[dict[int, list[tuple[float, float]]], list[float]]:
    """Times of each setting, rounds alternating, and the ceiling measured after each round."""
    decks = scratch / "decks"
    decks.mkdir()
    make_decks(decks)
    times: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    ceilings = []
    for round_ in range(ROUNDS):
        for workers in (1, 2):
            times[workers].append(run(decks, scratch / f"out-{workers}-{round_}", workers))
        ceilings.append(ceiling())
    return times, ceilings


def main() -> None:
    """Run the benchmark and print the medians and the speed-up."""
    with tempfile.TemporaryDirectory() as scratch:
        times, ceilings = measure(Path(scratch))
    wall = {w: statistics.median(t[0] for t in runs) for w, runs in times.items()}
    batch = {w: statistics.median(t[1] for t in runs) for w, runs in times.items()}
    print(f"batch of {DECKS} decks, median of {ROUNDS} runs each")
    print(f"{'workers':>8} {'wall s':>8} {'batch s':>8} {'decks/s':>8}")
    for workers in (1, 2):
        rate = DECKS / batch[workers]
        print(f"{workers:>8} {wall[workers]:>8.2f} {batch[workers]:>8.2f} {rate:>8.1f}")
    print(f"speed-up of --workers 2 over --workers 1: {batch[1] / batch[2]:.2f}x "
          f"(batch time), {wall[1] / wall[2]:.2f}x (wall time)")  # fmt: skip
    print(f"ceiling on this machine meanwhile (2 processes of pure CPU work): "
          f"{statistics.median(ceilings):.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
