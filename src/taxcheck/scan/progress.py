"""Progress on standard error: a redrawn bar on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import time
from typing import Literal, TextIO

ProgressMode = Literal["bar", "lines", "off"]
BAR_INTERVAL = 0.1
LINE_INTERVAL = 10.0


def _clock(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Files done out of the total, words per second and the time left.

    Args:
        stream: where to write (standard error).
        mode: ``bar`` redraws one line (terminals), ``lines`` prints a line every
            10 seconds (logs), ``off`` prints nothing.
    """

    def __init__(self, stream: TextIO, mode: ProgressMode, total: int = 0):
        self.stream = stream
        self.mode = mode
        self.total = total
        self.done = 0
        self.words = 0
        self.failed = 0
        self.start = time.perf_counter()
        self._last = self.start if mode == "lines" else 0.0
        self._width = 0

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        total = max(self.total, self.done)
        parts = [f"{self.done:,}/{total:,} files", f"{self.words / elapsed:,.0f} words/s"]
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        if self.done and total > self.done:
            parts.append(f"ETA {_clock(elapsed / self.done * (total - self.done))}")
        else:
            parts.append(f"elapsed {_clock(elapsed)}")
        return "scan: " + " · ".join(parts)

    def advance(self, words: int, failed: bool = False) -> None:
        self.done += 1
        self.words += words
        self.failed += failed
        if self.mode == "off":
            return
        now = time.perf_counter()
        interval = BAR_INTERVAL if self.mode == "bar" else LINE_INTERVAL
        if now - self._last >= interval:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        text = self.line()
        if self.mode == "bar":
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar (the caller prints the final summary)."""
        if self.mode == "bar" and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
