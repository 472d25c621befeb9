"""The actionplan command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from extractor import __version__
from extractor.compare_cli import diff_command, history_command

EXIT_INPUT_ERROR = 2


def fail_line(path: str, reason: str) -> None:
    """Print one error line naming the file and the reason."""
    click.echo(f"actionplan: error: {path}: {reason}", err=True)


def collect_sources(sources: tuple[Path, ...]) -> list[Path]:
    """Files named directly, and the supported files under each folder, renditions together."""
    from parsers.detect import rendition_order, supported

    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            files = [p for p in source.rglob("*") if p.is_file() and supported(p)]
            found += sorted(files, key=rendition_order)
        else:
            found.append(source)
    return found


def parse_formats(value: str) -> tuple[str, ...]:
    """The writers named by --format, checked."""
    from extractor.writers import WRITERS

    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = [f for f in formats if f not in WRITERS]
    if unknown or not formats:
        raise click.BadParameter(f"choose from {', '.join(WRITERS)} (got {value!r})")
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
    default="json,csv,ics",
    show_default=True,
    help="Writers to run, comma-separated: json, csv, ics (meetings.ics).",
)
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Vocabulary profile (TOML) for another family of plans.",
)
@click.option(
    "--password",
    default=None,
    help="Password that opens encrypted PDF inputs.",
)
@click.option(
    "--aliases",
    "alias_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Extra organisation or people alias table (CSV); repeatable.",
)
def extract(sources, outdir, formats, profile_path, password, alias_files) -> None:
    """Extract every deck in SOURCES (files or folders) into OUTDIR/<edition id>/."""
    from extractor.profile import DEFAULT_PROFILE, ProfileError, load_profile

    writers = parse_formats(formats)
    try:
        profile = load_profile(profile_path or DEFAULT_PROFILE, alias_files)
    except ProfileError as err:
        click.echo(f"actionplan: error: {err}", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    files = collect_sources(sources)
    if not files:
        fail_line(", ".join(map(str, sources)), "no supported deck found (.md, .html, .pptx, .pdf)")
        sys.exit(EXIT_INPUT_ERROR)
    failures = 0
    written: dict[str, tuple[str, str]] = {}
    for path in files:
        failures += not _extract_one(path, outdir, writers, profile, written, password)
    sys.exit(EXIT_INPUT_ERROR if failures else 0)


def _extract_one(path: Path, outdir: Path, writers, profile, written: dict, password=None) -> bool:
    from extractor.extract import NoPlanError, extract_plan
    from extractor.writers import plan_to_dict, without_sources, write_edition
    from parsers.detect import parse_file
    from parsers.errors import InputError

    try:
        plan = extract_plan(parse_file(path, password), profile)
    except InputError as err:
        fail_line(err.path, err.reason)
        return False
    except NoPlanError as err:
        fail_line(str(path), str(err))
        return False
    content = json.dumps(without_sources(plan_to_dict(plan)), sort_keys=True)
    folder = plan.edition.id
    if folder in written:
        first, first_content = written[folder]
        if content == first_content:
            click.echo(f"{path}: same edition and content as {first}; not written again")
            return True
        folder = _rendition_folder(folder, plan.edition.source.format, written)
        click.echo(f"{path}: same edition as {first} but different content; see {folder}/")
    written[folder] = (str(path), content)
    target = write_edition(plan, outdir, writers, folder)
    click.echo(f"{path} -> {target}/ ({_summary(plan)})")
    return True


def _rendition_folder(edition_id: str, fmt: str, taken: dict) -> str:
    candidate, counter = f"{edition_id}--{fmt}", 2
    while candidate in taken:
        candidate, counter = f"{edition_id}--{fmt}-{counter}", counter + 1
    return candidate


def _summary(plan) -> str:
    groups = plan.thematic_groups
    wgs = sum(len(g.working_groups) for g in groups)
    meetings = sum(len(g.meetings) + sum(len(w.meetings) for w in g.working_groups) for g in groups)
    return (
        f"{len(groups)} thematic groups, {wgs} working groups, {meetings} meetings, "
        f"{len(plan.people)} people, {len(plan.warnings)} warnings"
    )


@main.command()
@click.argument("editions", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="EDITION | OLD NEW")  # fmt: skip
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="HTML file to write.")  # fmt: skip
@click.option("--changes", "changes_path", type=click.Path(path_type=Path, dir_okay=False),
              help="changes.json from `actionplan diff`: report OLD -> NEW instead.")  # fmt: skip
def report(editions, output, changes_path) -> None:
    """Write the HTML report of EDITION, or with --changes the report of OLD -> NEW."""
    from extractor.report_files import ReportInputError, write_report

    if len(editions) != (2 if changes_path else 1):
        usage = "OLD NEW with --changes" if changes_path else "one EDITION folder (or plan.json)"
        raise click.UsageError(f"give {usage}; got {len(editions)}")
    try:
        click.echo(write_report(list(editions), output, changes_path))
    except ReportInputError as err:
        click.echo(f"actionplan: error: {err}", err=True)
        sys.exit(EXIT_INPUT_ERROR)


main.add_command(diff_command)
main.add_command(history_command)

if __name__ == "__main__":
    main()
