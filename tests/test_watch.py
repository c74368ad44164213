"""taxcheck watch: a real process re-checks files when they are saved."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import ROOT

RIGHT = "Title\n\nYou cannot deduct losses inside your IRA.\n"
WRONG = "Title\n\nYou can deduct your 401(k) losses on your tax return.\n"


class Watch:
    """A running `taxcheck watch` whose output lines are collected as they come."""

    def __init__(self, *args: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "taxcheck", "watch", *args], cwd=ROOT, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float, poke=None) -> None:
        """Read output until a line contains ``text``; call ``poke`` every few seconds."""
        deadline = time.monotonic() + timeout
        next_poke = time.monotonic()
        while time.monotonic() < deadline:
            if poke is not None and time.monotonic() >= next_poke:
                poke()
                next_poke = time.monotonic() + 3
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return
        self.process.kill()
        raise AssertionError(f"no line with {text!r} in {timeout}s; output:\n" +
                             "\n".join(self.seen))

    def finish(self, timeout: float = 60) -> int:
        code = self.process.wait(timeout=timeout)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return code


def save(path: Path, text: str) -> None:
    """Save the way many editors do: write a new file, then rename it over the old one."""
    tmp = path.with_name(f".{path.name}.swp-new")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_watch_rechecks_a_file_when_it_is_saved(tmp_path):
    article = tmp_path / "draft.txt"
    article.write_text(RIGHT)
    watch = Watch(str(article), "--max-runs", "2")
    watch.wait_for("watching 1 file(s)", timeout=180)
    assert "0 errors, 0 warnings, 1 verified claim in 1 file" in watch.seen
    watch.wait_for("1 error, 0 warnings, 0 verified claims in 1 file", timeout=60,
                   poke=lambda: save(article, WRONG))
    assert watch.finish() == 0
    assert f"{article}:3:1: error [retirement-loss-deductible] Says losses inside a 401(k) or " \
           "IRA can be deducted on your tax return — false: investment losses inside a " \
           "401(k) or IRA are not deductible on your tax return." in watch.seen
    assert article.read_text() == WRONG  # the article itself is never touched


def test_watch_a_folder_sees_new_articles(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nYou cannot deduct losses inside your IRA.\n")
    (tmp_path / "notes.py").write_text("x = 1\n")
    watch = Watch(str(tmp_path), "--max-runs", "2")
    watch.wait_for("watching 1 file(s)", timeout=180)
    watch.wait_for("1 error, 0 warnings, 0 verified claims in 1 file", timeout=60,
                   poke=lambda: save(tmp_path / "new.txt", WRONG))
    assert watch.finish() == 0
    assert any(line.startswith(f"{tmp_path / 'new.txt'}:3:1: error") for line in watch.seen)


def test_watch_once_exits_after_the_first_check(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(WRONG)
    result = subprocess.run([sys.executable, "-m", "taxcheck", "watch", str(article),
                             "--max-runs", "1"], capture_output=True, text=True, timeout=300,
                            cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings, 0 verified claims in 1 file"
