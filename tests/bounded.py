"""Run code in a child process with hard limits on memory and time, for hostile inputs.

``run_bounded`` forks: the child sets ``RLIMIT_AS`` to what it already uses plus a
budget, runs the function, and reports its result or the exception's one-line
description through a pipe; the parent kills it (and fails the test) when it overruns
its time. A blow-up becomes a MemoryError in the child, never a swapping machine.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable
from typing import Any

MB = 1 << 20


class Overrun(AssertionError):
    """The child ran out of its time or memory budget, or died."""


def _vm_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def run_bounded(func: Callable[..., Any], *args: Any, memory: int = 200 * MB,
                seconds: float = 60.0) -> Any:
    """``func(*args)`` in a forked child with ``memory`` bytes above what the process
    already maps and ``seconds`` of wall time. Returns its result; raises
    :class:`Overrun` on MemoryError, a timeout or a crash, and re-raises (as
    AssertionError with the child's traceback) any other exception."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            limit = _vm_bytes() + memory
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            try:
                payload = ("ok", func(*args))
            except MemoryError:
                payload = ("memory", None)
            except BaseException as exc:
                payload = ("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(payload, pipe)
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    os.close(write_end)
    deadline = time.monotonic() + seconds
    try:
        chunks = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Overrun(f"{func.__name__} took longer than {seconds}s")
            ready, _, _ = select.select([read_end], [], [], remaining)
            if ready:
                chunk = os.read(read_end, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        raw = b"".join(chunks)
        if not raw:
            raise Overrun(f"{func.__name__} died (status {status})")
        kind, value = pickle.loads(raw)
        if kind == "memory":
            raise Overrun(f"{func.__name__} needed more than {memory // MB} MB")
        if kind == "error":
            raise AssertionError(f"{func.__name__} raised {value}")
        return value
    finally:
        os.close(read_end)
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
