"""`actionplan extract`: every deck of the sources into edition folders and the store."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import click

from extractor.cli.errors import EXIT_INPUT_ERROR, CommandError
from extractor.cli.options import check_output_folder, profile_options
from extractor.cli.streams import log
from extractor.writers.escape import printable


def parse_formats(value: str) -> tuple[str, ...]:
    """The writers named by --format, checked."""
    from extractor.writers.files import FORMATS

    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (got {value!r})")
    return formats


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder that receives one sub-folder per edition.",
)
@click.option(
    "--format",
    "formats",
    default="json,csv,ics,sqlite",
    show_default=True,
    help="Outputs, comma-separated: json, csv, ics (meetings.ics), parquet (edition folders), "
    "sqlite (the store).",
)
@profile_options
@click.option("--password", default=None, help="Password that opens encrypted PDF inputs.")
@click.option("--workers", type=click.IntRange(min=1), help="Parallel processes [default: cores].")
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds one input may take.",
)
@click.option(
    "--memory-limit",
    default=2048,
    show_default=True,
    type=click.IntRange(min=0),
    help="MiB one input may use (0: no cap).",
)
@click.option(
    "--max-file-size",
    default=256,
    show_default=True,
    type=click.IntRange(min=1),
    help="MiB an input may weigh.",
)
@click.option(
    "--max-unpacked-size",
    default=1024,
    show_default=True,
    type=click.IntRange(min=1),
    help="MiB a .pptx may unpack to.",
)
@click.option(
    "--max-pages",
    default=500,
    show_default=True,
    type=click.IntRange(min=1),
    help="Pages a PDF may have to be read as a slide deck.",
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails.")
@click.option("--force", is_flag=True, help="Extract inputs unchanged since the last run too.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print errors only.")
def extract(sources, outdir, formats, profile_path, alias_files, **batch) -> None:
    """Extract every deck in SOURCES (files or folders) into OUTDIR/<edition id>/."""
    from extractor.batch.signals import Interrupted, stop_on_signals

    try:
        with stop_on_signals():
            _extract(sources, outdir, formats, profile_path, alias_files, batch)
    except Interrupted as stop:
        line = f"actionplan: interrupted by {stop.name}; {outdir / 'manifest.json'} records "
        log(printable(line + "what finished"))
        sys.exit(stop.exit_code)


def _extract(sources, outdir, formats, profile_path, alias_files, batch: dict) -> None:
    from extractor.batch.jobs import files_profile
    from extractor.batch.run import collect_inputs
    from extractor.profile.load import DEFAULT_PROFILE, ProfileError

    writers = parse_formats(formats)
    check_output_folder(outdir)
    if "parquet" in writers and not all(map(importlib.util.find_spec, ("pandas", "pyarrow"))):
        raise CommandError("--format parquet", "needs pandas and pyarrow: "
                           "pip install 'actionplan[data]'")  # fmt: skip
    profile_path = profile_path or DEFAULT_PROFILE
    try:  # loaded once: the batch takes it from the cache
        files_profile(profile_path, tuple(alias_files))
    except ProfileError as err:
        raise CommandError(str(err)) from err
    files = collect_inputs(sources, exclude=outdir)
    if not files:
        raise CommandError(", ".join(map(str, sources)), "no deck found (.md, .html, .pdf, .pptx)")
    manifest = _run_batch(files, outdir, writers, profile_path, alias_files, batch)
    sys.exit(0 if manifest.all_ok() else EXIT_INPUT_ERROR)


def _run_batch(files, outdir: Path, writers, profile_path: Path, alias_files, batch: dict):
    """Run the batch with a progress bar on a terminal; print the closing summary."""
    from extractor.batch.jobs import Settings
    from extractor.batch.manifest import EntryStatus
    from extractor.batch.progress import Progress, on_terminal
    from extractor.batch.run import BatchOptions, OutputError, run_batch
    from extractor.batch.sandbox import MB
    from extractor.writers.store import StoreError
    from parsers.safety import Limits

    limits = Limits(
        max_file_bytes=batch["max_file_size"] * MB,
        max_unpacked_bytes=batch["max_unpacked_size"] * MB,
        max_pages=batch["max_pages"],
    )
    memory = batch["memory_limit"] * MB or None
    settings = Settings(
        profile=profile_path, aliases=tuple(alias_files), limits=limits,
        timeout=batch["timeout"], memory_bytes=memory, password=batch["password"],
    )  # fmt: skip
    options = BatchOptions(
        formats=writers, workers=batch["workers"], fail_fast=batch["fail_fast"],
        force=batch["force"],
    )  # fmt: skip
    progress = Progress(len(files), on_terminal(), batch["quiet"], say=log)
    echo, advance = progress.echo, progress.advance
    try:
        manifest = run_batch(files, outdir, settings, options, echo=echo, advance=advance)
    except KeyboardInterrupt:
        progress.close()
        raise
    except StoreError as err:
        progress.close()
        raise CommandError(str(outdir), str(err)) from err
    except OutputError as err:
        progress.close()
        raise CommandError(str(err.path), err.reason) from err
    progress.close()
    counts = manifest.counts()
    progress.echo(
        f"{len(manifest.entries)} inputs: {counts[EntryStatus.OK]} extracted, "
        f"{counts[EntryStatus.SKIPPED]} unchanged, {counts[EntryStatus.ERROR]} failed "
        f"({manifest.seconds:.1f} s); see {outdir / 'manifest.json'}",
        False,
    )
    return manifest
