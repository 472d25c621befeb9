"""How much of each sample rendition's plan is recognised: precision, recall and F1 of its facts.

Usage: python bench/recognition.py

For every rendition in samples/ (ours from build_samples.py and the second-hand ones from
secondhand.py) the plan is compared with the plan of the markdown of the same edition, as sets
of (record key, field, value) facts (bench/plan_facts.py); the table also gives the number of
changes `actionplan diff` finds between the two (0 when the rendition reads as the markdown
does) and the number of warnings. A rendition the tool cannot read at all scores 0 and says why.
Then the same for the text decks tests/test_textdecks.py writes (hand-typed markdown, Word's
and Google Docs' web pages of the 2025-2026 and 2026-2027 editions), written to a temporary
folder by the tests' own builders.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_facts import Score, plan_facts, score  # noqa: E402

from extractor.compare.diff import diff_plans  # noqa: E402
from extractor.model.plan import Plan  # noqa: E402
from extractor.profile.load import DEFAULT_PROFILE, Profile, load_profile  # noqa: E402
from extractor.recognise.extract import extract_plan  # noqa: E402
from parsers.detect import parse_file  # noqa: E402

SAMPLES = ROOT / "samples"
SUFFIXES = (
    ".html", ".pptx", ".pdf", "-a4.pdf",
    "-handmade.pptx", "-handmade.pdf", "-report.pdf", "-site.html",
)  # fmt: skip


@dataclass(frozen=True)
class Result:
    """One rendition's figures."""

    path: Path
    score: Score
    changes: int | None
    warnings: int | None
    error: str | None = None


def renditions() -> list[tuple[Path, Path]]:
    """(markdown, rendition) for every rendition of every markdown edition in samples/."""
    pairs = []
    for markdown in sorted(SAMPLES.glob("*.md")):
        for suffix in SUFFIXES:
            other = markdown.with_name(markdown.stem + suffix)
            if other.exists():
                pairs.append((markdown, other))
    return pairs


def text_renditions(folder: Path) -> list[tuple[Path, Path]]:
    """(markdown, text deck) for every deck tests/textdeck_html.py builds, written in folder."""
    sys.path[:0] = [str(ROOT / "tests"), str(SAMPLES)]
    from textdeck_html import BUILDERS

    from secondhand_model import read_edition

    pairs = []
    for markdown in sorted(SAMPLES.glob("*.md")):
        if "2024-2025" in markdown.name:
            continue  # the seed edition: the text decks are made of the others
        edition = read_edition(markdown)
        for kind, build in BUILDERS.items():
            path = folder / f"{markdown.stem}-{kind}"
            path.write_text(build(edition), encoding="utf-8")
            pairs.append((markdown, path))
    return pairs


def measure(reference: Plan, path: Path, profile: Profile) -> Result:
    """Score one rendition against the reference plan."""
    facts = plan_facts(reference)
    try:
        plan = extract_plan(parse_file(path), profile)
    except Exception as err:  # a rendition the tool aborts on scores 0; the reason is printed
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        return Result(path, score(facts, set()), None, None, reason.replace(f"{path}: ", "")[:70])
    changes = len(diff_plans(reference, plan, profile.directory).changes)
    return Result(path, score(facts, plan_facts(plan)), changes, len(plan.warnings))


def main() -> None:
    started = time.perf_counter()
    profile = load_profile(DEFAULT_PROFILE, ())
    references: dict[Path, Plan] = {}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for markdown, path in renditions() + text_renditions(Path(folder)):
            if markdown not in references:
                references[markdown] = extract_plan(parse_file(markdown), profile)
            results.append(measure(references[markdown], path, profile))
    print(
        f"{'rendition':<48} {'facts':>5} {'prec':>6} {'recall':>6} {'F1':>6} "
        f"{'diff':>5} {'warn':>5}"
    )
    for r in results:
        name = r.path.name.removeprefix("u4ssc-action-plan-")
        s = r.score
        changes = "-" if r.changes is None else str(r.changes)
        warnings = "-" if r.warnings is None else str(r.warnings)
        line = f"{name:<48} {s.expected:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
        print(f"{line} {changes:>5} {warnings:>5}" + (f"  aborted: {r.error}" if r.error else ""))
    mean = sum(r.score.f1 for r in results) / len(results) if results else 0.0
    print(f"{len(results)} renditions, mean F1 {mean:.3f}, {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
