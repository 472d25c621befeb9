"""The Dask path the README documents: a batch through a cluster's executor, as the pool does it.

Workers are processes; with Dask's default (daemonic workers) decks are read inside the worker,
with `distributed.worker.daemon: false` each is read in its sandbox as locally.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, edition_deck, folder_bytes

from extractor.batch.jobs import Settings
from extractor.batch.run import BatchOptions, run_batch
from extractor.writers.tables import TABLE_COLUMNS

pytest.importorskip("distributed")

pytestmark = pytest.mark.slow  # a cluster takes seconds to start and stop

# Run in a process of its own: the cluster leaves threads in the process that starts it, and
# this test process goes on to fork sandboxes.
ON_DASK = """
import sys
from pathlib import Path

import dask
from distributed import Client, LocalCluster

from extractor.batch.jobs import Settings
from extractor.batch.run import BatchOptions, run_batch

if __name__ == "__main__":
    out, daemon, inputs = sys.argv[1], sys.argv[2] == "daemon", sys.argv[3:]
    with (
        dask.config.set({"distributed.worker.daemon": daemon}),
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                     dashboard_address=None) as cluster,
        Client(cluster) as client,
        client.get_executor() as executor,
    ):
        run_batch(inputs, out, Settings(), BatchOptions(), executor)
"""


def store_rows(out: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(out / "actionplans.sqlite") as conn:
        tables = ("editions", *TABLE_COLUMNS)
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, rowid").fetchall() for t in tables}


def outputs(out: Path) -> dict[str, dict[str, bytes]]:
    return {p.name: folder_bytes(p) for p in sorted(out.iterdir()) if p.is_dir()}


def entries(out: Path) -> list[dict]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"]


@pytest.mark.parametrize("daemon", [True, False])
def test_a_dask_cluster_writes_what_the_local_pool_writes(tmp_path: Path, daemon: bool) -> None:
    decks = tmp_path / "decks"
    inputs = [edition_deck(decks, year) for year in (2021, 2022, 2023)]
    (decks / "empty.md").write_bytes(b"")
    inputs.insert(1, decks / "empty.md")
    run_batch(inputs, tmp_path / "local", Settings(), BatchOptions(workers=2))
    script = tmp_path / "on_dask.py"
    script.write_text(ON_DASK, encoding="utf-8")
    command = [sys.executable, str(script), str(tmp_path / "dask"),
               "daemon" if daemon else "children", *map(str, inputs)]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    remote, local = entries(tmp_path / "dask"), entries(tmp_path / "local")
    assert json.loads((tmp_path / "dask" / "manifest.json").read_text("utf-8"))["complete"]
    keys = ("input", "status", "error", "edition_id", "folder", "content_sha256")
    assert [[e[k] for k in keys] for e in remote] == [[e[k] for k in keys] for e in local]
    assert [e["status"] for e in remote] == ["ok", "error", "ok", "ok"]
    assert remote[1]["error"].startswith("the file is empty")
    # a sandbox reports its peak memory; a deck read inside a daemonic worker has none
    assert (remote[0]["peak_memory_mb"] is not None) is not daemon
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    assert len(outputs(tmp_path / "dask")) == 3
    assert store_rows(tmp_path / "dask") == store_rows(tmp_path / "local")
