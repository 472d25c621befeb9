"""Replacing files and folders in one step, and clearing what a killed run left half-done.

Every file is written to a temporary sibling, synced and renamed over its target; every edition
folder is staged beside the old one and swapped in with one rename. Temporary names carry
MARKER and the writing process's id, so a later run removes only what this tool made, and only
once that process is gone: a user's own hidden files in the output folder are never touched.
"""

from __future__ import annotations

import ctypes
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

MARKER = ".actionplan-"
# <MARKER><kind>-<pid>-<random>-<name>: kind "tmp" (a file), "new" (a staged folder) or
# "old" (the snapshot a folder swap retires, named after the folder it comes back to).
TEMPORARY = re.compile(
    rf"^{re.escape(MARKER)}(?P<kind>tmp|new|old)-(?P<pid>\d+)-[0-9a-f]{{8}}-(?P<name>.+)$"
)
AT_FDCWD = -100
RENAME_EXCHANGE = 2


def temporary_path(target: Path, kind: str = "tmp") -> Path:
    """A fresh temporary name beside target, marked as this tool's and this process's."""
    return target.with_name(f"{MARKER}{kind}-{os.getpid()}-{secrets.token_hex(4)}-{target.name}")


def write_text(target: Path, text: str) -> None:
    """Write a UTF-8 text file in one step: a reader sees the old file or the new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(target)
    try:
        with open(temporary, "x", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def check_writable(folder: Path) -> None:
    """Make folder if needed and write, sync and remove a file in it; OSError if that fails."""
    folder.mkdir(parents=True, exist_ok=True)
    probe = temporary_path(folder / "probe")
    descriptor = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(descriptor, b"probe\n")
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
        probe.unlink(missing_ok=True)


def staging_dir(target: Path) -> Path:
    """A new empty folder beside target in which to build its next version."""
    staging = temporary_path(target, "new")
    staging.mkdir()
    return staging


def replace_dir(staging: Path, target: Path) -> None:
    """Swap a staged folder into place; the old snapshot is removed only after the swap."""
    old = swap_dir(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def swap_dir(staging: Path, target: Path) -> Path | None:
    """Swap a staged folder into place; return where the old snapshot now is (None: no old one).

    The caller removes the old snapshot, or hands it to restore_dir to undo the swap.
    """
    if target.resolve() == staging.parent.resolve() or target.name in ("", ".", ".."):
        raise ValueError(f"refusing to replace the folder that holds the output: {target}")
    staging.chmod(0o755)
    if not target.exists():
        os.replace(staging, target)
        return None
    if exchange(staging, target):  # no moment without the folder: staging holds the old one
        return staging
    retired = temporary_path(target, "old")
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)
        raise
    return retired


def carry_over(old: Path, new: Path) -> list[str]:
    """Put into a staged folder what the folder it replaces holds and it lacks; the names.

    Entries are hard-linked where the file system allows (the old folder goes once the new one
    is in place), else copied; folders are copied whole. A name the new folder already has
    wins, and this tool's temporaries are left behind.
    """
    if old.is_symlink() or not old.is_dir():
        return []
    carried = []
    for entry in sorted(old.iterdir()):
        target = new / entry.name
        if TEMPORARY.match(entry.name) or target.exists() or target.is_symlink():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)
        carried.append(entry.name)
    return carried


def _link_or_copy(source: Path | str, target: Path | str) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def restore_dir(old: Path | None, target: Path) -> None:
    """Undo swap_dir: the old snapshot back in place (or no folder, if there was none)."""
    if old is not None and exchange(old, target):
        shutil.rmtree(old, ignore_errors=True)  # it holds the new version now
        return
    discarded = temporary_path(target, "new")
    os.replace(target, discarded)
    if old is not None:
        os.replace(old, target)
    shutil.rmtree(discarded, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically (Linux renameat2); False where that is not possible."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:  # a C library without the call
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    return result == 0


def remove_leftovers(folder: Path) -> None:
    """Clear this tool's temporaries left by processes that are gone; put retired folders back."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        found = TEMPORARY.match(path.name)
        if not found or _alive(int(found["pid"])):
            continue
        original = folder / found["name"]
        if found["kind"] == "old" and path.is_dir() and not original.exists():
            path.rename(original)  # killed between the two renames: the old snapshot goes back
        elif path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """Whether a process with this id runs (another run may be writing beside us)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
