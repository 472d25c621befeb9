"""The output folder itself is never renamed or deleted, and only the tool's own temporaries are.

Decks without a title whose file names slug to nothing ("行动计划.md", "---.md") still get an
id, and the user's own hidden files in OUTDIR survive a run and the clean-up after a killed one.
"""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, SEED

KILL_AT = Path(__file__).with_name("kill_at.py")
SECOND = ROOT / "samples" / "u4ssc-action-plan-2025-2026.md"
TITLE = "# U4SSC Action Plan\n\n{period}\n"
USER_FILES = {
    ".env.template": b"API_KEY=\n",
    ".envrc.backup01": b"export A=1\n",
    ".cache.previous/entry": b"cached\n",
    ".notes.old-1": b"my notes\n",
    ".u4ssc-action-plan-2024-2025.old-7/plan.json": b"{}\n",
}


def untitled(source: Path, period: str, target: Path) -> Path:
    """The deck without its title slide: no title and no period, only the file name is left."""
    text = source.read_text(encoding="utf-8")
    assert TITLE.format(period=period) in text
    target.write_text(text.replace(TITLE.format(period=period), "", 1), encoding="utf-8")
    return target


def cli(*args: str, cwd: Path, kill_at: tuple[str, int] | None = None):
    """The command in a process of its own, started in cwd."""
    runner = [str(KILL_AT), kill_at[0], str(kill_at[1])] if kill_at else ["-m", "extractor.cli"]
    command = [sys.executable, *runner, *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def expected_id(path: Path) -> str:
    """No title, no period: "edition-" and the first 8 hex digits of the file's SHA-256."""
    return "edition-" + hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def two_untitled(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        untitled(SEED, "2024-2025", folder / "行动计划.md"),
        untitled(SECOND, "2025-2026", folder / "---.md"),
    ]


def check_editions(outdir: Path, decks: list[Path]) -> None:
    ids = [expected_id(deck) for deck in decks]
    assert len(set(ids)) == 2
    for edition in ids:
        plan = json.loads((outdir / edition / "plan.json").read_text(encoding="utf-8"))
        assert plan["edition"]["id"] == edition
    entries = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))["inputs"]
    assert {Path(e["input"]).name: e["edition_id"] for e in entries} == {
        deck.name: edition for deck, edition in zip(decks, ids, strict=True)
    }


def test_untitled_decks_with_empty_slugs_written_into_the_current_folder(tmp_path: Path) -> None:
    decks = two_untitled(tmp_path)
    before = {deck.name: deck.read_bytes() for deck in decks}
    result = cli("extract", "-o", ".", "--", *(deck.name for deck in decks), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    check_editions(tmp_path, decks)
    assert {deck.name: deck.read_bytes() for deck in decks} == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    again = cli("extract", "-o", ".", "--", *(deck.name for deck in decks), cwd=tmp_path)
    assert again.returncode == 0 and again.stderr.count("unchanged since the last run") == 2
    check_editions(tmp_path, decks)


def test_untitled_decks_with_empty_slugs_written_into_a_sub_folder(tmp_path: Path) -> None:
    decks = two_untitled(tmp_path)
    result = cli("extract", "-o", "out", "--", *(deck.name for deck in decks), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    check_editions(tmp_path / "out", decks)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["---.md", "out", "行动计划.md"]
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def put_user_files(outdir: Path) -> None:
    for name, data in USER_FILES.items():
        (outdir / name).parent.mkdir(parents=True, exist_ok=True)
        (outdir / name).write_bytes(data)


def hidden_entries(outdir: Path) -> dict[str, bytes]:
    """Every file under a hidden entry of outdir, by its path relative to outdir."""
    found = {}
    for top in outdir.iterdir():
        if top.name.startswith("."):
            paths = sorted(top.rglob("*")) if top.is_dir() else [top]
            for path in paths:
                if path.is_file():
                    found[path.relative_to(outdir).as_posix()] = path.read_bytes()
    return found


def test_the_users_hidden_files_survive_a_run_and_a_killed_runs_clean_up(tmp_path: Path) -> None:
    decks, out = two_untitled(tmp_path / "decks"), tmp_path / "out"
    out.mkdir()
    put_user_files(out)
    assert cli("extract", str(decks[0].parent), "-o", str(out), cwd=tmp_path).returncode == 0
    assert hidden_entries(out) == USER_FILES
    # killed right after the first file of the next edition folder: its staging folder is left
    killed = cli("extract", str(decks[0].parent), "-o", str(out), "--force", "--workers", "1",
                 cwd=tmp_path, kill_at=("file", 1))  # fmt: skip
    assert killed.returncode == -signal.SIGKILL
    left = [n for n in hidden_entries(out) if n not in USER_FILES]
    assert left and all(n.startswith(".actionplan-new-") for n in left)
    rerun = cli("extract", str(decks[0].parent), "-o", str(out), cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert hidden_entries(out) == USER_FILES
    check_editions(out, decks)
