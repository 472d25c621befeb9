"""Writing an edition folder: staged beside the old one, swapped in at once."""

from __future__ import annotations

import shutil
from pathlib import Path

from extractor.model.plan import Plan
from extractor.writers.atomic import replace_dir, staging_dir
from extractor.writers.files import WRITERS, render_files


def write_edition(
    plan: Plan,
    outdir: Path,
    formats: tuple[str, ...] = WRITERS,
    folder: str | None = None,
    files: dict[str, str] | None = None,
) -> Path:
    """Write an edition to OUTDIR/<edition id>/, replacing any earlier snapshot in one step.

    files, when given, are the edition's text files already rendered (by a batch worker).
    """
    target = outdir / (folder or plan.edition.id)
    outdir.mkdir(parents=True, exist_ok=True)
    staging = staging_dir(target)
    try:
        for name, text in (render_files(plan, formats) if files is None else files).items():
            (staging / name).write_text(text, encoding="utf-8", newline="")
        if "parquet" in formats:
            from extractor.writers.frames import write_parquet

            write_parquet(plan, staging)
        replace_dir(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
