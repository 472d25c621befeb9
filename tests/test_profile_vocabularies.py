"""Closed vocabularies checked when a profile loads, and the report's status styles it gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from page_helpers import soup

from extractor.cli.main import main
from extractor.model.kinds import Stage
from extractor.profile.load import (
    DEFAULT_PROFILE,
    ProfileError,
    load_profile,
    load_status_styles,
)
from extractor.profile.styles import FALLBACK_COLOUR, StatusStyle
from normalizers.values import WorkingGroupStatus

U4SSC = DEFAULT_PROFILE.read_text(encoding="utf-8")
REPORT_TABLE = U4SSC[U4SSC.index("[report.status]") :]


def profile_file(folder: Path, text: str) -> Path:
    path = folder / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str) -> str:
    assert U4SSC.count(old) == 1, old
    return U4SSC.replace(old, new)


# -- closed vocabularies -----------------------------------------------------------------------


def test_the_profile_names_stages_and_statuses_of_the_closed_sets() -> None:
    profile = load_profile()
    assert set(profile.stages) == {Stage.ONGOING, Stage.NEW}
    # "other" needs no words: it is what a status no word names becomes
    assert set(profile.status.words) == set(WorkingGroupStatus) - {WorkingGroupStatus.OTHER}


def test_a_stage_outside_the_closed_set_is_a_profile_error(tmp_path: Path) -> None:
    path = profile_file(tmp_path, edited("\nnew = [\n", "\nupcoming = [\n"))
    with pytest.raises(ProfileError, match=r"profile.toml: .*'upcoming' is not a stage"):
        load_profile(path)


def test_a_status_outside_the_closed_set_is_a_profile_error(tmp_path: Path) -> None:
    path = profile_file(tmp_path, edited("\nkick-off = [", "\npaused = ["))
    with pytest.raises(ProfileError, match="'paused' is not a working-group status"):
        load_profile(path)


# -- the report's status styles ----------------------------------------------------------------


def test_the_u4ssc_styles_in_legend_order() -> None:
    styles = load_status_styles()
    assert list(styles.styles) == ["ongoing", "kick-off", "proposed", "completed"]
    assert styles.of(WorkingGroupStatus.KICK_OFF) == StatusStyle("kick-off", "#2a9d6f")
    assert load_profile().report_statuses == styles


def test_statuses_without_a_style_get_their_name_and_the_fallback_colour(tmp_path: Path) -> None:
    path = profile_file(tmp_path, U4SSC.replace(REPORT_TABLE, ""))
    styles = load_status_styles(path)
    # the [status] order of u4ssc.toml: completed, ongoing, kick-off, proposed
    assert list(styles) == [
        StatusStyle("completed", FALLBACK_COLOUR),
        StatusStyle("ongoing", FALLBACK_COLOUR),
        StatusStyle("kick-off", FALLBACK_COLOUR),
        StatusStyle("proposed", FALLBACK_COLOUR),
    ]


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ('paused = {label = "paused", colour = "#123456"}', "'paused' is not a working-group"),
        ('ongoing = {label = "", colour = "#123456"}', "ongoing: give a label"),
        (
            'ongoing = {label = "on", colour = "blue"}',
            'ongoing: the colour must be written "#rrggbb"',
        ),
        ('ongoing = "blue"', "ongoing: give a label"),
    ],
)
def test_malformed_styles_are_profile_errors(tmp_path: Path, line: str, error: str) -> None:
    path = profile_file(tmp_path, U4SSC.replace(REPORT_TABLE, f"[report.status]\n{line}\n"))
    with pytest.raises(ProfileError, match=error):
        load_status_styles(path)
    with pytest.raises(ProfileError, match=error):
        load_profile(path)


def test_a_style_without_a_colour_gets_the_fallback(tmp_path: Path) -> None:
    table = '[report.status]\nongoing = {label = "running"}\n'
    styles = load_status_styles(profile_file(tmp_path, U4SSC.replace(REPORT_TABLE, table)))
    assert styles.of(WorkingGroupStatus.ONGOING) == StatusStyle("running", FALLBACK_COLOUR)


def test_the_report_shows_the_profiles_labels_and_colours(
    sample_edition: Path, tmp_path: Path
) -> None:
    table = REPORT_TABLE.replace('kick-off = {label = "kick-off", colour = "#2a9d6f"}',
                                 'kick-off = {label = "starting", colour = "#123456"}')  # fmt: skip
    path = profile_file(tmp_path, U4SSC.replace(REPORT_TABLE, table))
    page = tmp_path / "report.html"
    args = ["report", str(sample_edition), "--profile", str(path), "-o", str(page)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    html = soup(page)
    legend = [(li.span["style"], li.get_text()) for li in html.select("ul.legend li")]
    assert legend == [
        ("background: #1f3b73", "thematic group"),
        ("background: #2f7fd1", "ongoing"),
        ("background: #123456", "starting"),
        ("background: #e0a030", "proposed"),
        ("background: #8a94a6", "completed"),
        ("background: #c6ccd6", "status not given"),
    ]
    badge = html.select_one('[data-working-group="city-platforms/wg7"] .badge')
    assert badge.get_text() == "starting" and badge["title"] == "Kick off"
    bar = html.select_one('g[id="timeline-city-platforms/wg7"] path')
    assert "fill: #123456" in bar["style"]


def test_a_broken_profile_stops_the_report_with_one_line(
    sample_edition: Path, tmp_path: Path
) -> None:
    path = profile_file(tmp_path, U4SSC.replace(REPORT_TABLE, '[report.status]\nx = "y"\n'))
    args = ["report", str(sample_edition), "--profile", str(path), "-o", str(tmp_path / "r.html")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "'x' is not a working-group status" in result.output
    assert not (tmp_path / "r.html").exists()
