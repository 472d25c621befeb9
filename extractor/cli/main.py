"""The actionplan command line: its group and commands."""

from __future__ import annotations

import click

from extractor import __version__
from extractor.cli.compare import diff_command, history_command
from extractor.cli.extract import extract
from extractor.cli.report import report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="actionplan")
def main() -> None:
    """Turn action-plan decks into normalised JSON and CSV snapshots."""


main.add_command(extract)
main.add_command(report)
main.add_command(diff_command)
main.add_command(history_command)
