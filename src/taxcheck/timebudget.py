"""A time budget for one article in this process (``taxcheck check --timeout-per-doc``).

The soft limit is SIGALRM: :class:`Overrun` is raised between two Python operations (and
when the block ends past its limit, in case a library callback swallowed the alarm's).
Native code (a parser stuck on a hostile page) does not return to Python until it is
done, so a watchdog thread ends the whole process ``GRACE_SECONDS`` later with one
line naming the article and exit status 2: a command never hangs on one input.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from types import FrameType, TracebackType

GRACE_SECONDS = 2.0
DEFAULT_TIMEOUT_PER_DOC = 120.0
"""Seconds one article may take to read, check and render (``--timeout-per-doc``)."""
EXIT_ERROR = 2


class Overrun(BaseException):
    """The article used up its time budget. Not an Exception, so that no ``except
    Exception`` in a library swallows it."""


def _raise_overrun(signum: int, frame: FrameType | None) -> None:
    raise Overrun()


class TimeBudget:
    """``with TimeBudget(seconds, message):`` limits the block to ``seconds`` (soft) and
    ``seconds + GRACE_SECONDS`` (hard: ``message`` on stderr, exit 2). None: no limit.
    The soft limit needs the main thread; elsewhere only the hard one applies."""

    def __init__(self, seconds: float | None, message: str):
        self.seconds = seconds
        self.message = message
        self._timer: threading.Timer | None = None
        self._previous: object = None
        self._started = 0.0

    def __enter__(self) -> TimeBudget:
        if not self.seconds:
            return self
        self._started = time.perf_counter()
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGALRM, _raise_overrun)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        self._timer = threading.Timer(self.seconds + GRACE_SECONDS, self._hard_stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def _hard_stop(self) -> None:
        sys.stderr.write(f"{self.message}\n")
        sys.stderr.flush()
        os._exit(EXIT_ERROR)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._previous is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
            self._previous = None
            if kind is None and time.perf_counter() - self._started >= (self.seconds or 0):
                # the alarm came while a library's callback ran (a garbage-collector hook)
                # and its Overrun was printed and dropped there: still an overrun
                raise Overrun()
