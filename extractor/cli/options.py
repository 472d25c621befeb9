"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from extractor.cli.errors import CommandError


def profile_options(command: Callable) -> Callable:
    """--profile and --aliases: the vocabulary and alias tables decks are read with."""
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
        help="Vocabulary profile (TOML) for another family of plans.",
    )(command)


def output_folder_option(what: str) -> Callable:
    """-o/--output naming a folder that receives the command's files (see check_output_folder)."""
    return click.option("-o", "--output", "outdir", type=click.Path(path_type=Path), help=what)


def check_output_folder(path: Path | None) -> None:
    """-o naming a folder: one that exists or can be made; else one error line and exit 2."""
    if path is None:
        return
    if path.exists() and not path.is_dir():
        raise CommandError(str(path), "is a file, not a folder")
    _check_parents(path)


def check_output_file(path: Path) -> None:
    """-o naming a file to write: not a folder, in a folder that exists or can be made."""
    if path.is_dir():
        raise CommandError(str(path), "is a folder; give the name of the file to write")
    _check_parents(path)


def _check_parents(path: Path) -> None:
    """The nearest existing folder above path must be a folder, not a file."""
    for parent in path.parents:
        if parent.exists() or parent.is_symlink():
            if not parent.is_dir():
                reason = f"cannot be written ({parent} is a file, not a folder)"
                raise CommandError(str(path), reason)
            return
