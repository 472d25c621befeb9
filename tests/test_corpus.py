"""Every real and malformed document of the shared corpus ends as a plan or a clean error."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from helpers import SEED, SEED_HTML, SHARED, run_script

CORPUS = SHARED / "corpus"
LIMIT_SECONDS = 10
LIMIT_MB = 1024


def corpus_files() -> list[Path]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return [CORPUS / row["file"] for row in csv.DictReader(handle, delimiter="\t")]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
def test_every_corpus_document_ends_as_a_plan_or_a_clean_error(tmp_path: Path) -> None:
    inputs = [*corpus_files(), SEED, SEED_HTML]
    assert len(inputs) > 150
    result = run_script(
        "extract", *inputs, "-o", tmp_path / "out", "--timeout", str(LIMIT_SECONDS),
        "--memory-limit", str(LIMIT_MB), "--quiet", timeout=600,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["inputs"]
    assert [e["input"] for e in entries] == [p.as_posix() for p in inputs]
    errors = [e for e in entries if e["status"] == "error"]
    assert {e["status"] for e in entries} == {"ok", "error"}
    assert [e["edition_id"] for e in entries if e["status"] == "ok"] == [
        "u4ssc-action-plan-2024-2025"
    ] * 2
    for entry in entries:
        assert entry["seconds"] <= LIMIT_SECONDS + 2, entry
        assert (entry["peak_memory_mb"] or 0) < LIMIT_MB, entry
    for entry in errors:
        message = entry["error"]
        assert message and "\n" not in message, entry
        assert not message.startswith(("crashed", "its process", "its worker")), entry
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(errors)
    assert all(
        line.startswith(f"actionplan: error: {e['input']}: ")
        for line, e in zip(lines, errors, strict=True)
    )
    un80 = [e for e in errors if "/un80/pdf/" in e["input"]]
    assert len(un80) == 32
    hostile = {Path(e["input"]).name: e["error"] for e in errors if "/hostile/" in e["input"]}
    assert "empty" in hostile["zero-byte.pdf"] or "unsupported" in hostile["zero-byte.pdf"]
    assert "no thematic group found" in hostile["deep-nesting-100k-div.html"]
    assert "no thematic group found" in hostile["invalid-utf8.md"]
