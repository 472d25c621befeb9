"""The sandbox: a call in a child process, stopped when it hangs, blows its memory cap or dies."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from extractor.batch.sandbox import MB, SandboxError, run_limited


def double(value: int) -> tuple[int, int]:
    return value * 2, os.getpid()


def sleep_long(_: object) -> None:
    time.sleep(60)


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * MB))


def fail(_: object) -> None:
    raise ValueError("boom")


def segfault(_: object) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def leave(_: object) -> None:
    os._exit(3)


def unpicklable(_: object) -> object:
    return lambda: None


def address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmSize:"))
    return int(line.split()[1]) * 1024


def test_the_call_runs_in_another_process_and_returns() -> None:
    finished = run_limited(double, 21, timeout=30, memory_bytes=None)
    value, pid = finished.value
    assert value == 42 and pid != os.getpid()
    assert finished.peak_bytes and finished.peak_bytes > MB


def test_a_hang_is_stopped_at_the_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(SandboxError, match=r"took longer than 0.5 s and was stopped"):
        run_limited(sleep_long, None, timeout=0.5, memory_bytes=None)
    assert time.monotonic() - started < 10


def test_a_memory_blow_up_is_stopped_by_the_cap() -> None:
    cap = address_space() + 256 * MB
    with pytest.raises(SandboxError, match=r"ran out of memory over the \d+ MiB limit"):
        run_limited(allocate, 2048, timeout=30, memory_bytes=cap)
    assert run_limited(allocate, 16, timeout=30, memory_bytes=cap).value == 16 * MB


def test_an_exception_is_one_line_naming_it() -> None:
    with pytest.raises(SandboxError) as caught:
        run_limited(fail, None, timeout=30, memory_bytes=None)
    line = fail.__code__.co_firstlineno + 1
    assert str(caught.value) == f"crashed (ValueError: boom, in fail line {line})"


@pytest.mark.parametrize(
    ("func", "expected"),
    [
        (segfault, "its process died (SIGSEGV)"),
        (leave, "its process exited without an answer (exit code 3)"),
        (unpicklable, "crashed (AttributeError: Can't pickle local object"),
    ],
)
def test_a_dying_process_is_reported(func, expected: str) -> None:
    with pytest.raises(SandboxError) as caught:
        run_limited(func, None, timeout=30, memory_bytes=None)
    assert str(caught.value).startswith(expected)


def test_calls_from_threads_are_sandboxed_too() -> None:
    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(run_limited, double, n, 30, None) for n in range(4)]
        assert threading.active_count() > 1  # so the sandboxes come from the fork server
        results = [f.result().value for f in futures]
    assert [value for value, _ in results] == [0, 2, 4, 6]
    assert os.getpid() not in {pid for _, pid in results}
