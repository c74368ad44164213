"""Faults during ``taxcheck scan``: a worker process killed mid-batch, an interrupted scan.

Real subprocesses and real signals: the scan runs as ``python -m taxcheck scan`` with
worker processes, and the test kills one of them, or interrupts the whole command.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS
from taxcheck.scan.pages import page_name

pytestmark = pytest.mark.slow  # kills workers and interrupts scans

COPIES = 1
"""Each article of the project's corpus is scanned this many times (as different files)."""


def make_big_corpus(root: Path) -> list[str]:
    """Copies of the project's corpus articles in ``root/big``; their relative paths."""
    big = root / "big"
    paths = []
    for copy in range(COPIES):
        folder = big / f"copy{copy}"
        folder.mkdir(parents=True)
        for article in sorted(CORPUS.iterdir()):
            if article.is_file() and article.name != "README.md":
                (folder / article.name).write_bytes(article.read_bytes())
                paths.append(f"big/copy{copy}/{article.name}")
    return paths


def start_scan(root: Path, out: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "TMPDIR": str(root / "tmp")}
    (root / "tmp").mkdir(exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "taxcheck", "scan", "big", "--out", out,
                             "--jobs", "2", "--fail-on", "never", "--no-progress", *extra],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def wait_for(condition, what: str, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def summary_of(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_a_killed_worker_is_replaced_and_only_its_file_fails(tmp_path):
    paths = make_big_corpus(tmp_path)
    scan = start_scan(tmp_path, "out", "--no-cache")
    out = tmp_path / "out"

    def a_worker_holding_an_unfinished_article():
        # Each worker notes the article it is checking in its own file, named by its pid,
        # and removes the note when the article is done. A note is empty for an instant
        # while it is written, and an article whose page exists is finished: neither says
        # that the worker holds an article, and killing it then would fail no file.
        for note in (tmp_path / "tmp").glob("taxcheck-workers-*/*"):
            try:
                pid, held = int(note.name), note.read_text(encoding="utf-8")
            except (OSError, ValueError):
                continue
            if held in paths and not (out / page_name(held)).exists():
                return pid, held
        return None

    pid, _ = wait_for(a_worker_holding_an_unfinished_article,
                      "a worker to start checking an article")
    os.kill(pid, signal.SIGKILL)
    _, stderr = scan.communicate(timeout=300)
    assert scan.returncode == 2, stderr  # one input could not be checked
    summary = summary_of(out)
    assert [a["path"] for a in summary["articles"]] == paths
    assert len(summary["failures"]) == 1, summary["failures"]
    failed = summary["failures"][0]
    assert failed["path"] in paths
    assert failed["reason"].startswith("TC212 the worker process checking this file died "
                                       "(killed by SIGKILL)")
    assert summary["work"]["workers_died"] == 1
    assert summary["work"]["checked"] == len(paths) - 1
    checked = [a for a in summary["articles"] if a["path"] != failed["path"]]
    assert all(a.get("page") and (out / a["page"]).is_file() for a in checked)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert failed["path"] in index and "killed by SIGKILL" in index
    assert f"taxcheck: error: {failed['path']}: TC212" in stderr
    assert not list((tmp_path / "tmp").iterdir())  # the workers' notes are cleaned up


def outputs_of(out: Path) -> dict[str, object]:
    """What a scan produced, minus what legitimately differs between runs (timings)."""
    summary = summary_of(out)
    pages = {str(p.relative_to(out)): p.read_bytes() for p in sorted((out / "pages").rglob("*"))
             if p.is_file()}
    return {"findings": sorted((out / "findings.jsonl").read_text(encoding="utf-8")
                               .splitlines()),
            "articles": summary["articles"], "totals": summary["totals"],
            "failures": summary["failures"], "pages": pages,
            "sarif": json.loads((out / "results.sarif").read_text(encoding="utf-8"))["runs"][0]
            ["results"]}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, object]:
    """The outputs of an uninterrupted scan of the big corpus."""
    root = tmp_path_factory.mktemp("reference")
    make_big_corpus(root)
    scan = start_scan(root, "out", "--no-cache")
    _, stderr = scan.communicate(timeout=300)
    assert scan.returncode == 0, stderr
    return outputs_of(root / "out")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_scan_resumes_to_identical_outputs(tmp_path, reference, signum):
    make_big_corpus(tmp_path)

    out = tmp_path / "out"
    scan = start_scan(tmp_path, "out")
    cache = out / ".taxcheck-cache"
    wait_for(lambda: len(list(cache.rglob("*.json"))) >= 5, "some articles to be checked")
    scan.send_signal(signum)
    _, stderr = scan.communicate(timeout=120)
    assert scan.returncode == 130, stderr
    word = "interrupted" if signum == signal.SIGINT else "terminated"
    assert stderr.strip().splitlines()[-1].startswith(f"taxcheck: {word}: the previous "
                                                      "outputs")
    assert "Traceback" not in stderr
    # what was completed is intact: whole pages, no temporary files, no half an index
    assert not (out / "summary.json").exists() and not (out / "index.html").exists()
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    pages = list((out / "pages").rglob("*.html"))
    assert pages
    assert all(p.read_text(encoding="utf-8").rstrip().endswith("</html>") for p in pages)
    done = len(list(cache.rglob("*.json")))
    assert done > 0

    rerun = start_scan(tmp_path, "out")
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    assert summary_of(out)["work"]["cached"] == done  # resumed: what was done is not redone
    assert outputs_of(out) == reference
