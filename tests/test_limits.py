"""Limits and the user's files: a per-document time budget, --max-bytes on ``check``, and
taxcheck never writing inside its input folders."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import shutil
import signal
import time
from pathlib import Path

import pytest

from conftest import SEED, invoke, run_cli
from taxcheck.scan import ScanOptions, run_scan
from taxcheck.scan.work import ArticleProcessor, Task
from taxcheck.timebudget import Overrun, TimeBudget

WRONG = "Deductible Losses\n\nYou can deduct your 401(k) losses on your tax return.\n"


def make_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "wrong.txt").write_text(WRONG, encoding="utf-8")
    (corpus / "page.html").write_text(f"<h1>Losses</h1><p>{WRONG}</p>", encoding="utf-8")
    shutil.copy(SEED, corpus / "sub" / "seed.txt")
    return corpus


def snapshot(tree: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under ``tree``: its content hash (files) and mtime."""
    return {str(p.relative_to(tree)): (hashlib.sha256(p.read_bytes()).hexdigest()
                                       if p.is_file() else "dir", p.stat().st_mtime_ns)
            for p in sorted([tree, *tree.rglob("*")])}


def test_an_article_over_its_time_budget_is_a_reported_failure(db, tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    run_scan(db, ScanOptions(inputs=[str(corpus)], out_dir=out, cache_dir=out / "cache",
                             timeout_per_doc=0.0001))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["failures"]) == 3
    for failure in summary["failures"]:
        assert failure["reason"] == ("TC213 checking took longer than the 0.0001-second limit "
                                     "(--timeout-per-doc)")
    # a timeout depends on the machine: it is not cached, the next run tries again
    again = run_scan(db, ScanOptions(inputs=[str(corpus)], out_dir=out, cache_dir=out / "cache"))
    assert again.failures == [] and again.work["checked"] == 3


def test_timeout_per_doc_in_worker_processes(tmp_path):
    make_corpus(tmp_path)
    result = run_cli("scan", "corpus", "--out", "out", "--jobs", "2", "--no-cache",
                     "--timeout-per-doc", "0.0001", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert ("taxcheck: error: corpus/wrong.txt: TC213 checking took longer than the "
            "0.0001-second limit (--timeout-per-doc)") in result.stderr.splitlines()
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["work"]["failed"] == 3


def test_check_refuses_a_file_over_max_bytes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(WRONG * 100, encoding="utf-8")
    result = invoke("check", str(big), "--max-bytes", "1000")
    assert result.returncode == 2
    assert result.stderr.strip() == (f"taxcheck: error: {big}: TC204 file is larger than "
                                     f"the 1,000-byte limit ({big.stat().st_size:,} bytes)")


def test_scan_and_check_never_write_inside_the_input_folder(tmp_path):
    corpus = make_corpus(tmp_path)
    before = snapshot(corpus)
    scan = run_cli("scan", "corpus", "--out", "out", "--jobs", "2", "--fail-on", "never",
                   cwd=tmp_path)
    assert scan.returncode == 0, scan.stderr
    rerun = invoke("scan", "corpus", "--out", "out", "--jobs", "1", "--fail-on", "never",
                   cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    for args in (["corpus/wrong.txt", "corpus/sub/seed.txt", "--format", "sarif"],
                 ["corpus/page.html", "--format", "html"]):
        check = invoke("check", *args, cwd=tmp_path)
        assert check.returncode == 1, check.stderr
    # same files, same bytes, not even touched (folder mtimes change when files are added)
    assert snapshot(corpus) == before
    assert (tmp_path / "out" / "index.html").is_file()


def test_an_overrun_that_a_library_swallowed_is_still_an_overrun():
    # Python drops an exception raised inside a garbage-collector callback (hypothesis
    # registers one): the alarm's Overrun can vanish there, yet the article overran.
    budget = TimeBudget(0.01, "unused: the hard limit is not reached")
    with pytest.raises(Overrun), budget, contextlib.suppress(Overrun):
        time.sleep(0.2)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_scan_reports_an_overrun_that_a_garbage_collector_hook_swallowed(db, tmp_path):
    processor = ArticleProcessor(db, out_dir=tmp_path, cache_dir=None, tax_year=None,
                                 max_bytes=10_000, timeout=0.3)
    processor.build_checker()
    slow = [True]

    def slow_first_collection(phase: str, info: dict) -> None:
        # the first collection while the article's alarm is set
        if phase == "start" and slow and signal.getitimer(signal.ITIMER_REAL)[0] > 0:
            slow.pop()
            time.sleep(2)  # the alarm comes here, and Python drops its exception

    gc.callbacks.append(slow_first_collection)
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(10)  # a collection at once when the check starts (well inside 0.3 s,
    gc.enable()           # even on a loaded machine)
    try:
        outcome = processor.process(Task(path="wrong.txt", page="wrong", key=None,
                                         data=WRONG.encode()))
    finally:
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()
        gc.callbacks.remove(slow_first_collection)
    assert not slow  # the hook ran during the check
    assert outcome.error == ("TC213 checking took longer than the 0.3-second limit "
                             "(--timeout-per-doc)")
