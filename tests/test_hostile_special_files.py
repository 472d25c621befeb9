"""Special files given as SOURCE: refused before a byte is read, never a hang or a long hash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parsers.detect import parse_file
from parsers.errors import InputError
from parsers.safety import check_regular_file

ROOT = Path(__file__).resolve().parents[1]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def extract(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "extractor.cli", "extract", *map(str, args)]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
    )


def fifo(tmp_path: Path, name: str = "deck.pdf") -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


@needs_fifo
def test_a_named_pipe_is_refused_in_one_line_without_waiting(tmp_path: Path) -> None:
    pipe = fifo(tmp_path)
    result = extract(pipe, "-o", tmp_path / "out", timeout=30)  # nothing ever writes to it
    assert result.returncode == 2
    assert result.stderr.splitlines()[:-1] == [  # then the summary
        f"actionplan: error: {pipe}: not a regular file but a named pipe (FIFO); "
        "give the deck's file itself"
    ]
    [entry] = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))["inputs"]
    assert entry["status"] == "error" and entry["error"].startswith("not a regular file")


@needs_fifo
def test_a_symbolic_link_to_a_named_pipe_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(fifo(tmp_path, "pipe.md"))
    result = extract(link, "-o", tmp_path / "out", timeout=30)
    assert result.returncode == 2
    assert "not a regular file but a named pipe (FIFO)" in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_in_one_line(tmp_path: Path) -> None:
    result = extract("/dev/zero", "-o", tmp_path / "out", timeout=30)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:-1] == [  # then the summary
        "actionplan: error: /dev/zero: not a regular file but a character device; "
        "give the deck's file itself"
    ]


def test_a_huge_sparse_file_is_refused_by_its_size_before_it_is_hashed(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.pdf"
    with sparse.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
    os.truncate(sparse, 8 * 1024**3)  # 8 GiB of holes: hashing it would take a minute
    started = time.perf_counter()
    result = extract(sparse, "-o", tmp_path / "out", "--max-file-size", "1", timeout=60)
    assert time.perf_counter() - started < 20
    assert result.returncode == 2
    assert result.stderr.splitlines()[:-1] == [  # then the summary
        f"actionplan: error: {sparse}: the file is 8.0 GiB, over the 1.0 MiB limit "
        "(--max-file-size)"
    ]


@needs_fifo
def test_the_parser_entry_point_names_a_pipe_as_such(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_file(fifo(tmp_path, "deck.md"))
    assert caught.value.reason.startswith("not a regular file but a named pipe (FIFO)")


def test_a_folder_and_a_missing_file_are_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file but a folder"):
        check_regular_file(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        check_regular_file(tmp_path / "missing.md")
