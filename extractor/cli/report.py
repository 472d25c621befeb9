"""`actionplan report`: the HTML page of an edition, or of the diff of two."""

from __future__ import annotations

from pathlib import Path

import click

from extractor.cli.compare import diff_editions
from extractor.cli.errors import CommandError
from extractor.cli.options import check_output_file, profile_options
from extractor.cli.streams import log
from extractor.writers.escape import printable


@click.command()
@click.argument("editions", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="EDITION | OLD NEW")  # fmt: skip
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="HTML file to write.")  # fmt: skip
@profile_options
def report(editions, output, profile_path, alias_files) -> None:
    """Write the HTML report of EDITION, or the diff page of OLD -> NEW.

    EDITION is an edition folder or its plan.json, shown with the status labels and colours
    of the profile; OLD and NEW may also be decks, and the profile and alias options apply to
    them as in `actionplan diff`."""
    from extractor.report.files import ReportInputError, write_diff_report, write_report

    if len(editions) > 2:
        raise click.UsageError(f"give one EDITION, or OLD NEW; got {len(editions)}")
    if len(editions) == 1 and alias_files:
        raise click.UsageError("--aliases applies to OLD NEW only")
    check_output_file(output)
    try:
        if len(editions) == 1:
            log(printable(write_report(editions[0], output, profile_path)))
        else:
            diff = diff_editions(*editions, profile_path, alias_files)
            log(printable(write_diff_report(diff, output)))
    except ReportInputError as err:
        raise CommandError(str(err)) from err
