"""Typed times in the API's DataFrames and in Parquet, and the README's pandas example."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from helpers import edition_id, run_cli
from sample_paths import ROOT

from extractor.api import extract_deck, load_store, load_tables, plan_tables

SAMPLES = [ROOT / "samples" / f"u4ssc-action-plan-{y}-{y + 1}.md" for y in (2024, 2025, 2026)]
WG6 = "city-platforms/wg6"


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    """The three sample editions in every format, under <tmp>/output, samples/ beside it."""
    root = tmp_path_factory.mktemp("times")
    (root / "samples").symlink_to(ROOT / "samples")
    code, _, err = run_cli("extract", *SAMPLES, "-o", root / "output", "--format",
                           "json,csv,parquet,sqlite")  # fmt: skip
    assert code == 0, err
    return root / "output"


def check_meetings(meetings: pd.DataFrame) -> None:
    assert str(meetings["start_utc"].dtype) == "datetime64[ns, UTC]"
    assert str(meetings["end_utc"].dtype) == "datetime64[ns, UTC]"
    assert str(meetings["start_local"].dtype) == "datetime64[ns]"
    assert str(meetings["end_local"].dtype) == "datetime64[ns]"
    wg6 = meetings[(meetings["working_group_id"] == WG6)
                   & (meetings["edition_id"] == edition_id(2024))]  # fmt: skip
    # "27 September 2024, 10:30-11:30 hours, Geneva time" (summer time, UTC+2), then
    # "29 November 2024, 10:30-11:30 hours, Geneva time" (winter time, UTC+1)
    first, third = wg6.iloc[0], wg6.iloc[2]
    assert first["start_utc"] == pd.Timestamp("2024-09-27 08:30", tz="UTC")
    assert first["start_local"] == pd.Timestamp("2024-09-27 10:30")
    assert first["end_local"] == pd.Timestamp("2024-09-27 11:30")
    assert third["start_utc"] == pd.Timestamp("2024-11-29 09:30", tz="UTC")
    assert third["start_local"] == pd.Timestamp("2024-11-29 10:30")
    local = meetings["start_utc"].dt.tz_convert("Europe/Zurich").dt.tz_localize(None)
    zurich = meetings["timezone"] == "Europe/Zurich"
    assert (local[zurich] == meetings["start_local"][zurich]).all()
    with pytest.raises(ValueError, match="(?i)mixed"):  # why the typed columns are there
        pd.to_datetime(meetings["start"])


def test_load_tables_gives_datetime_columns(output: Path) -> None:
    check_meetings(load_tables(output)["meetings"])


def test_the_store_plan_tables_and_parquet_give_the_same_types(output: Path) -> None:
    check_meetings(load_store(output)["meetings"])
    check_meetings(plan_tables(extract_deck(SAMPLES[0]))["meetings"])
    parquet = pd.read_parquet(output / edition_id(2024) / "meetings.parquet")
    check_meetings(parquet)
    schema = pq.read_schema(output / edition_id(2024) / "meetings.parquet")
    assert str(schema.field("start_utc").type) == "timestamp[ns, tz=UTC]"
    assert str(schema.field("start_local").type) == "timestamp[ns]"


def test_the_csv_keeps_the_iso_text(output: Path) -> None:
    header = (output / edition_id(2024) / "meetings.csv").read_text("utf-8").splitlines()[0]
    assert header == (
        "edition_id,group_id,working_group_id,start,end,start_utc,end_utc,timezone,raw,"
        "source_location"
    )


def test_the_readme_pandas_example_runs_as_written(output: Path, monkeypatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") : readme.index("### On a cluster")]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    monkeypatch.chdir(output.parent)
    names: dict = {}
    exec(compile(code, "README.md", "exec"), names)  # the README's own example
    assert names["plan"].thematic_groups[0].working_groups[0].status == "completed"
    statuses = names["statuses"]
    assert statuses.loc["artificial-intelligence-in-cities/wg2"].tolist()[:2] == [
        "ongoing", "completed"
    ]  # fmt: skip
    assert len(names["morning"]) > 0 and (names["morning"]["start_local"].dt.hour < 12).all()
