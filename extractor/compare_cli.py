"""The diff and history commands; heavy modules are imported only when a command runs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from extractor.diff import PlanDiff
    from extractor.plan import Plan
    from extractor.profile import Profile

EXIT_SAME, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def profile_options(command: Callable) -> Callable:
    """The --aliases and --profile options of the commands that read editions."""
    command = click.option(
        "--aliases",
        "alias_files",
        multiple=True,
        type=click.Path(path_type=Path, dir_okay=False),
        help="Extra organisation or people alias table (CSV); repeatable.",
    )(command)
    return click.option(
        "--profile",
        "profile_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Vocabulary profile (TOML), used when an input is a deck.",
    )(command)


def _output_option(what: str) -> Callable:
    return click.option(
        "-o", "--output", "outdir", type=click.Path(path_type=Path, file_okay=False), help=what
    )


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@_output_option("Folder that receives changes.json, changes.csv, changes.md and report.html.")
@profile_options
def diff_command(old, new, outdir, profile_path, alias_files) -> None:
    """Show what changed from edition OLD to edition NEW.

    OLD and NEW are decks, edition folders or plan.json files. The exit code is 0 when nothing
    changed, 1 when something did and 2 on error."""
    from extractor.diff_report import report_files

    result = diff_editions(old, new, profile_path, alias_files)
    files = report_files(result)
    if outdir is not None:
        from extractor.diff_page import diff_page

        _write(outdir, {**files, "report.html": diff_page(result)})
    click.echo(files["changes.md"], nl=False)
    sys.exit(EXIT_CHANGED if result.changes else EXIT_SAME)


def diff_editions(
    old: Path, new: Path, profile_path: Path | None, alias_files: tuple[Path, ...]
) -> PlanDiff:
    """The diff of two editions (decks, edition folders or plan.json); a bad input exits 2."""
    from extractor.diff import diff_plans

    profile = _load_profile(profile_path, alias_files)
    plans = [_load(path, profile) for path in (old, new)]
    return diff_plans(plans[0], plans[1], profile.directory)


@click.command("history")
@click.argument("editions", nargs=-1, required=True, type=click.Path(path_type=Path))
@_output_option("Folder that receives history.csv and history.json (else CSV is printed).")
@profile_options
def history_command(editions, outdir, profile_path, alias_files) -> None:
    """Tabulate working-group statuses and who leads what, per edition.

    EDITIONS are edition folders, folders of them, plan.json files or decks."""
    from extractor.editions import EditionError, edition_paths
    from extractor.history import build_history, history_csv, history_json

    profile = _load_profile(profile_path, alias_files)
    try:
        paths = edition_paths(editions)
    except EditionError as err:
        _fail(err.path, err.reason)
    plans = _distinct([(path, _load(path, profile)) for path in paths])
    table = build_history(plans, profile.directory)
    if outdir is None:
        click.echo(history_csv(table), nl=False)
        return
    _write(outdir, {"history.csv": history_csv(table), "history.json": history_json(table)})
    click.echo(f"{len(table.editions)} editions, {len(table.rows)} rows -> {outdir}/")


def _load_profile(profile_path: Path | None, alias_files: tuple[Path, ...]) -> Profile:
    from extractor.profile import DEFAULT_PROFILE, ProfileError, load_profile

    try:
        return load_profile(profile_path or DEFAULT_PROFILE, alias_files)
    except ProfileError as err:
        _fail("profile", str(err))


def _load(path: Path, profile: Profile) -> Plan:
    from extractor.editions import EditionError, load_edition

    try:
        return load_edition(path, profile)
    except EditionError as err:
        _fail(err.path, err.reason)


def _distinct(loaded: list[tuple[Path, Plan]]) -> list[Plan]:
    """The plans with distinct edition ids; a later copy of an edition is skipped with a note."""
    seen: dict[str, Path] = {}
    plans = []
    for path, plan in loaded:
        if plan.edition.id in seen:
            click.echo(f"{path}: same edition as {seen[plan.edition.id]}; skipped", err=True)
            continue
        seen[plan.edition.id] = path
        plans.append(plan)
    return plans


def _write(outdir: Path, files: dict[str, str]) -> None:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (outdir / name).write_text(text, encoding="utf-8", newline="")
    except OSError as err:
        _fail(str(outdir), f"cannot write here ({err.strerror or err})")


def _fail(path: str, reason: str) -> NoReturn:
    from extractor.cli import fail_line

    fail_line(path, reason)
    sys.exit(EXIT_ERROR)
