"""The Dask path the README documents: a batch through a cluster's executor, as the pool does it.

Workers are processes; with Dask's default (daemonic workers) decks are read inside the worker,
with `distributed.worker.daemon: false` each is read in its sandbox as locally.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers import edition_deck, folder_bytes

from extractor.batch.jobs import Settings
from extractor.batch.run import BatchOptions, run_batch
from extractor.writers.tables import TABLE_COLUMNS

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

pytestmark = pytest.mark.slow  # a cluster takes seconds to start and stop


def store_rows(out: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(out / "actionplans.sqlite") as conn:
        tables = ("editions", *TABLE_COLUMNS)
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, rowid").fetchall() for t in tables}


def outputs(out: Path) -> dict[str, dict[str, bytes]]:
    return {p.name: folder_bytes(p) for p in sorted(out.iterdir()) if p.is_dir()}


@pytest.mark.parametrize("daemon", [True, False])
def test_a_dask_cluster_writes_what_the_local_pool_writes(tmp_path: Path, daemon: bool) -> None:
    decks = tmp_path / "decks"
    inputs = [edition_deck(decks, year) for year in (2021, 2022, 2023)]
    (decks / "empty.md").write_bytes(b"")
    inputs.insert(1, decks / "empty.md")
    local = run_batch(inputs, tmp_path / "local", Settings(), BatchOptions(workers=2))
    with (
        dask.config.set({"distributed.worker.daemon": daemon}),
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
        client.get_executor() as executor,
    ):
        remote = run_batch(inputs, tmp_path / "dask", Settings(), BatchOptions(), executor)
    assert [(e.input, e.status, e.error, e.edition_id) for e in remote.entries] == [
        (e.input, e.status, e.error, e.edition_id) for e in local.entries
    ]
    assert [e.status for e in remote.entries] == ["ok", "error", "ok", "ok"]
    assert remote.entries[1].error.startswith("the file is empty")
    assert remote.complete
    # a sandbox reports its peak memory; a deck read inside a daemonic worker has none
    assert (remote.entries[0].peak_memory_mb is not None) is not daemon
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    assert len(outputs(tmp_path / "dask")) == 3
    assert store_rows(tmp_path / "dask") == store_rows(tmp_path / "local")
