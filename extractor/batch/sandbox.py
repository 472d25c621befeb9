"""Running one call in a child process with a memory cap and a wall-clock limit."""

from __future__ import annotations

import ctypes
import faulthandler
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from extractor.batch.signals import leave_signals_to_parent

try:
    import resource
except ImportError:  # not on Windows: calls there run without a sandbox
    resource = None  # type: ignore[assignment]

MB = 1024 * 1024
# Imported by the fork server before it forks sandboxes, so each starts warm.
PRELOAD = ["__main__", "extractor.batch.jobs"]
PR_SET_PDEATHSIG = 1


class SandboxError(Exception):
    """The call did not finish: it ran out of time or memory, crashed, or its process died."""


@dataclass(frozen=True)
class Finished:
    """What a sandboxed call returned, and the peak memory of the process that ran it."""

    value: Any
    peak_bytes: int | None


def run_limited(
    func: Callable[[Any], Any], arg: Any, timeout: float, memory_bytes: int | None
) -> Finished:
    """func(arg) in a child process capped at memory_bytes and killed after timeout seconds."""
    context = _context()
    if context is None:
        return Finished(func(arg), None)
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(func, arg, memory_bytes, sender), daemon=True)
    gc.freeze()  # the child's collector then leaves the inherited heap alone (no copy-on-write)
    try:
        child.start()
    finally:
        gc.unfreeze()
    sender.close()
    try:
        return _receive(receiver, child, timeout, memory_bytes)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


def _context() -> Any:
    """How to start a sandbox here; None where no child process can be had."""
    if resource is None or not hasattr(os, "fork") or sys.platform == "darwin":
        return None
    if multiprocessing.current_process().daemon:
        return None  # daemonic processes (e.g. some cluster workers) may not have children
    return process_context()


def process_context() -> Any:
    """fork while this process has one thread (cheap, inherits a warm heap), else a fork server."""
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _receive(receiver: Connection, child: Any, timeout: float, memory_bytes: int | None):
    if not receiver.poll(timeout):
        raise SandboxError(f"took longer than {timeout:g} s and was stopped (see --timeout)")
    try:
        kind, value, peak = receiver.recv()
    except EOFError:
        child.join()
        raise SandboxError(_death(child.exitcode, memory_bytes)) from None
    if kind == "memory":
        raise SandboxError(_out_of_memory(memory_bytes))
    if kind == "crash":
        raise SandboxError(value)
    return Finished(value, peak)


def die_with_parent() -> None:
    """Have Linux kill this process when its parent dies: a killed batch leaves no orphans."""
    if sys.platform != "linux":
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _child(func, arg, memory_bytes: int | None, sender: Connection) -> None:
    die_with_parent()
    leave_signals_to_parent()
    # Library chatter (pdfminer logs, warnings, fault dumps) would garble the parent's terminal;
    # what went wrong reaches the parent as the one-line reason instead.
    faulthandler.disable()
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    if memory_bytes:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    try:
        sender.send(("ok", func(arg), _peak_bytes()))
    except MemoryError:
        sender.send(("memory", None, None))
    except BaseException as err:  # noqa: BLE001 - reported to the parent, never re-raised here
        sender.send(("crash", describe_crash(err), None))
    sender.close()


def describe_crash(err: BaseException) -> str:
    """One line naming an unexpected exception and where it was raised."""
    frames = traceback.extract_tb(err.__traceback__)
    where = f", in {frames[-1].name} line {frames[-1].lineno}" if frames else ""
    detail = f"{type(err).__name__}: {err}".splitlines()[0][:300]
    return f"crashed ({detail}{where})"


def _peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _out_of_memory(memory_bytes: int | None) -> str:
    limit = f" over the {memory_bytes // MB} MiB limit" if memory_bytes else ""
    return f"ran out of memory{limit} and was stopped (see --memory-limit)"


def _death(exitcode: int | None, memory_bytes: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        if name == "SIGKILL":
            return f"its process was killed ({name}; out of memory?)"
        return f"its process died ({name})"
    return f"its process exited without an answer (exit code {exitcode})"
