"""The diff and history commands; heavy modules are imported only when a command runs."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from extractor.cli.errors import CommandError
from extractor.cli.options import check_output_folder, output_folder_option, profile_options
from extractor.cli.streams import log, say
from extractor.writers.escape import printable, visible_controls

if TYPE_CHECKING:
    from extractor.compare.diff import PlanDiff
    from extractor.model.plan import Plan
    from extractor.profile.load import Profile

EXIT_SAME, EXIT_CHANGED = 0, 1
CONTROLS = re.compile("[\x7f-\x9f]")  # json.dumps escapes the C0 controls itself


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@output_folder_option("Folder that receives changes.json, changes.csv, changes.md and report.html.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as changes.json has them.")
@click.option("--stat", is_flag=True, help="Print how many changes of each kind per entity.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; the exit code tells.")
@profile_options
def diff_command(old, new, outdir, as_json, stat, quiet, profile_path, alias_files) -> None:
    """Show what changed from edition OLD to edition NEW.

    OLD and NEW are decks, edition folders or plan.json files. The summary (changes.md) is
    printed unless --json, --stat or --quiet says otherwise. The exit code is 0 when nothing
    changed, 1 when something did and 2 on error."""
    from extractor.compare.changes import report_files

    if as_json + stat + quiet > 1:
        raise click.UsageError("choose one of --json, --stat and --quiet")
    check_output_folder(outdir)
    result = diff_editions(old, new, profile_path, alias_files)
    files = report_files(result)
    if outdir is not None:
        from extractor.report.diff_page import diff_page

        _write(outdir, {**files, "report.html": diff_page(result)})
    if as_json:
        say(json_controls(files["changes.json"]), nl=False)
    elif stat:
        say(visible_controls(stat_text(result)), nl=False)
    elif not quiet:
        say(visible_controls(files["changes.md"]), nl=False)
    sys.exit(EXIT_CHANGED if result.changes else EXIT_SAME)


def json_controls(text: str) -> str:
    """JSON text with DEL and C1 controls written as \\u escapes: the same values, safe to show."""
    return CONTROLS.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def stat_text(diff: PlanDiff) -> str:
    """Changes per entity and kind, like git's --stat: `leader | 10  4 added, 2 removed`."""
    from extractor.compare.kinds import EntityKind

    changes = diff.changes
    if not changes:
        return "No changes.\n"
    width = max(len(kind) for kind in EntityKind)
    digits = len(str(len(changes)))
    lines = []
    for entity in EntityKind:
        mine = [change for change in changes if change.entity == entity]
        if mine:
            lines.append(f"{entity:<{width}} | {len(mine):>{digits}}  {_kinds(mine)}")
    lines.append(f"{len(changes)} changes: {_kinds(changes)}")
    return "\n".join(lines) + "\n"


def _kinds(changes: list) -> str:
    """ "4 added, 2 removed": the kinds of some changes, in the order changes.md counts them."""
    from extractor.compare.kinds import ChangeKind

    counts = [(kind, sum(change.change == kind for change in changes)) for kind in ChangeKind]
    return ", ".join(f"{number} {kind}" for kind, number in counts if number)


def diff_editions(
    old: Path, new: Path, profile_path: Path | None, alias_files: tuple[Path, ...]
) -> PlanDiff:
    """The diff of two editions (decks, edition folders or plan.json); a bad input exits 2."""
    from extractor.compare.diff import diff_plans

    profile = _load_profile(profile_path, alias_files)
    plans = [_load(path, profile) for path in (old, new)]
    return diff_plans(plans[0], plans[1], profile.directory)


@click.command("history")
@click.argument("editions", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_folder_option("Folder that receives history.csv and history.json (else CSV is printed).")
@profile_options
def history_command(editions, outdir, profile_path, alias_files) -> None:
    """Tabulate working-group statuses and who leads what, per edition.

    EDITIONS are edition folders, folders of them, plan.json files or decks."""
    from extractor.compare.editions import EditionError, edition_paths
    from extractor.compare.history import build_history, history_csv, history_json

    check_output_folder(outdir)
    profile = _load_profile(profile_path, alias_files)
    try:
        paths = edition_paths(editions)
    except EditionError as err:
        _fail(err.path, err.reason)
    plans = _distinct([(path, _load(path, profile)) for path in paths])
    table = build_history(plans, profile.directory)
    if outdir is None:
        say(history_csv(table), nl=False)
        return
    _write(outdir, {"history.csv": history_csv(table), "history.json": history_json(table)})
    log(printable(f"{len(table.editions)} editions, {len(table.rows)} rows -> {outdir}/"))


def _load_profile(profile_path: Path | None, alias_files: tuple[Path, ...]) -> Profile:
    from extractor.profile.load import DEFAULT_PROFILE, ProfileError, load_profile

    try:
        return load_profile(profile_path or DEFAULT_PROFILE, alias_files)
    except ProfileError as err:
        raise CommandError(str(err)) from err


def _load(path: Path, profile: Profile) -> Plan:
    from extractor.compare.editions import EditionError, load_edition

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
            note = f"{path}: same edition as {seen[plan.edition.id]}; skipped"
            log(printable(note))
            continue
        seen[plan.edition.id] = path
        plans.append(plan)
    return plans


def _write(outdir: Path, files: dict[str, str]) -> None:
    from extractor.writers.atomic import write_text

    try:
        for name, text in files.items():
            write_text(outdir / name, text)
    except OSError as err:
        _fail(str(outdir), f"cannot write here ({err.strerror or err})")


def _fail(path: str, reason: str) -> NoReturn:
    raise CommandError(path, reason)
