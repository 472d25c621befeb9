"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click


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
    """-o/--output naming a folder that receives the command's files."""
    return click.option(
        "-o", "--output", "outdir", type=click.Path(path_type=Path, file_okay=False), help=what
    )
