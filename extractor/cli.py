"""The actionplan command line."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import click

from extractor import __version__
from extractor.compare_cli import diff_command, diff_editions, history_command, profile_options

EXIT_INPUT_ERROR = 2


def fail_line(path: str, reason: str) -> None:
    """Print one error line naming the file and the reason."""
    click.echo(f"actionplan: error: {path}: {reason}", err=True)


def parse_formats(value: str) -> tuple[str, ...]:
    """The writers named by --format, checked."""
    from extractor.writers import FORMATS

    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (got {value!r})")
    return formats


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="actionplan")
def main() -> None:
    """Turn action-plan decks into normalised JSON and CSV snapshots."""


@main.command()
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
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Vocabulary profile (TOML) for another family of plans.",
)
@click.option(
    "--aliases",
    "alias_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Extra organisation or people alias table (CSV); repeatable.",
)
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
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails.")
@click.option("--force", is_flag=True, help="Extract inputs unchanged since the last run too.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print errors only.")
def extract(sources, outdir, formats, profile_path, alias_files, **batch) -> None:
    """Extract every deck in SOURCES (files or folders) into OUTDIR/<edition id>/."""
    from extractor.batch import collect_inputs
    from extractor.profile import DEFAULT_PROFILE, ProfileError, load_profile

    writers = parse_formats(formats)
    if "parquet" in writers and not all(map(importlib.util.find_spec, ("pandas", "pyarrow"))):
        click.echo("actionplan: error: parquet needs pandas and pyarrow: "
                   "pip install 'actionplan[data]'", err=True)  # fmt: skip
        sys.exit(EXIT_INPUT_ERROR)
    profile_path = profile_path or DEFAULT_PROFILE
    try:
        load_profile(profile_path, alias_files)
    except ProfileError as err:
        click.echo(f"actionplan: error: {err}", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    files = collect_inputs(sources, exclude=outdir)
    if not files:
        fail_line(", ".join(map(str, sources)), "no deck found (.md, .html, .pdf, .pptx)")
        sys.exit(EXIT_INPUT_ERROR)
    manifest = _run_batch(files, outdir, writers, profile_path, alias_files, batch)
    sys.exit(0 if manifest.all_ok() else EXIT_INPUT_ERROR)


def _run_batch(files, outdir: Path, writers, profile_path: Path, alias_files, batch: dict):
    """Run the batch with a progress bar on a terminal; print the closing summary."""
    from extractor.batch import BatchOptions, run_batch
    from extractor.jobs import Settings
    from extractor.progress import Progress, on_terminal
    from extractor.sandbox import MB
    from extractor.store import StoreError
    from parsers.safety import Limits

    limits = Limits(batch["max_file_size"] * MB, batch["max_unpacked_size"] * MB)
    memory = batch["memory_limit"] * MB or None
    settings = Settings(
        profile_path, tuple(alias_files), limits, batch["timeout"], memory, batch["password"]
    )
    options = BatchOptions(writers, batch["workers"], batch["fail_fast"], batch["force"])
    progress = Progress(len(files), on_terminal(), batch["quiet"])
    echo, advance = progress.echo, progress.advance
    try:
        manifest = run_batch(files, outdir, settings, options, None, echo, advance)
    except StoreError as err:
        progress.close()
        fail_line(str(outdir), str(err))
        sys.exit(EXIT_INPUT_ERROR)
    progress.close()
    counts = manifest.counts()
    progress.echo(
        f"{len(manifest.entries)} inputs: {counts['ok']} extracted, "
        f"{counts['skipped-unchanged']} unchanged, {counts['error']} failed "
        f"({manifest.seconds:.1f} s); see {outdir / 'manifest.json'}",
        False,
    )
    return manifest


@main.command()
@click.argument("editions", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="EDITION | OLD NEW")  # fmt: skip
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="HTML file to write.")  # fmt: skip
@profile_options
def report(editions, output, profile_path, alias_files) -> None:
    """Write the HTML report of EDITION, or the diff page of OLD -> NEW.

    EDITION is an edition folder or its plan.json; OLD and NEW may also be decks, and the
    profile and alias options apply to them as in `actionplan diff`."""
    from extractor.report_files import ReportInputError, write_diff_report, write_report

    if len(editions) > 2:
        raise click.UsageError(f"give one EDITION, or OLD NEW; got {len(editions)}")
    if len(editions) == 1 and (profile_path or alias_files):
        raise click.UsageError("--profile and --aliases apply to OLD NEW only")
    try:
        if len(editions) == 1:
            click.echo(write_report(editions[0], output))
        else:
            diff = diff_editions(*editions, profile_path, alias_files)
            click.echo(write_diff_report(diff, output))
    except ReportInputError as err:
        click.echo(f"actionplan: error: {err}", err=True)
        sys.exit(EXIT_INPUT_ERROR)


main.add_command(diff_command)
main.add_command(history_command)


if __name__ == "__main__":
    main()
