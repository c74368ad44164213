"""``taxcheck scan --engine dask``: a real LocalCluster on loopback with 2 worker processes.

The Dask engine must find exactly what the local engine finds on the same corpus, turn
bad records into error rows, and finish with complete results when a worker is killed
in the middle of the run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, invoke, run_cli
from taxcheck.scan.partitions import Partition, cut, read_partition

pytestmark = pytest.mark.slow  # starts Dask clusters

HAS_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(
    not HAS_DASK, reason="Dask is not installed (pip install -e '.[dev]' or 'taxcheck[dask]')")

ARTICLES = 36
BAD_RECORDS = [
    '{"id": "broken", "text": 5}',  # text is not a string
    "this line is not JSON",
    '{"id": "empty", "text": "   "}',
]
HTML_RECORD = {"id": "web-1", "title": "A page", "url": "https://example.com/a",
               "html": "<h1>Losses</h1><p>You can deduct your 401(k) losses on your tax "
                       "return.</p><p>Losses inside your IRA are not deductible.</p>"}


def _make_corpus_module():
    spec = importlib.util.spec_from_file_location(
        "make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(folder: Path) -> Path:
    """Two JSON Lines files: generated articles, bad records and an HTML record."""
    corpus = folder / "corpus"
    first = _make_corpus_module().write_jsonl(corpus / "a.jsonl", ARTICLES)
    lines = first.read_text(encoding="utf-8").splitlines()
    half = len(lines) // 2
    first.write_text("\n".join(lines[:half] + BAD_RECORDS[:2]) + "\n", encoding="utf-8")
    (corpus / "b.jsonl").write_text(
        "\n".join([*lines[half:], BAD_RECORDS[2], json.dumps(HTML_RECORD)]) + "\n",
        encoding="utf-8")
    return corpus


def canonical_findings(lines: list[str]) -> list[str]:
    """The canonical form of findings: every finding row (not error rows), sorted."""
    return sorted(line for line in lines if not line.startswith('{"path": '))


def dask_rows(out: Path) -> list[str]:
    rows: list[str] = []
    for part in sorted((out / "findings").glob("part-*.jsonl")):
        rows += part.read_text(encoding="utf-8").splitlines()
    return rows


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    """The local engine's outputs on the corpus (in this process: each worker of a
    pytest-xdist run that gets a Dask test computes them once)."""
    folder = tmp_path_factory.mktemp("local")
    write_corpus(folder)
    result = invoke("scan", "corpus", "--out", "local", "--jobs", "1", "--no-cache",
                    cwd=folder)
    assert result.returncode == 2, result.stderr  # bad records are failures
    out = folder / "local"
    return (out / "findings.jsonl").read_text(encoding="utf-8").splitlines(), json.loads(
        (out / "summary.json").read_text(encoding="utf-8"))


def test_partitions_read_every_record_once_wherever_the_file_is_cut(tmp_path):
    corpus = write_corpus(tmp_path)
    path = corpus / "b.jsonl"
    whole = [(r.path if hasattr(r, "path") else r.where)
             for r in read_partition(Partition(0, "b.jsonl", str(path), 0, path.stat().st_size))]
    for size in (1024, 1500, 4099, 10_000):
        parts = cut([("b.jsonl", str(path), path.stat().st_size)], size)
        assert len(parts) > 1
        cut_paths = [(r.path if hasattr(r, "path") else r.where)
                     for part in parts for r in read_partition(part)]
        assert cut_paths == whole
    assert "b.jsonl:19" in whole  # the empty record, named by its line
    assert whole[-1] == "b.jsonl#web-1"


@needs_dask
def test_dask_finds_the_same_as_the_local_engine(tmp_path, local_run):
    local_lines, local_summary = local_run
    write_corpus(tmp_path)
    result = run_cli("scan", "corpus", "--out", "out", "--engine", "dask", "--jobs", "2",
                     "--pages", "--partition-size", "16384", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    out = tmp_path / "out"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["work"]["partitions"] > 4 and summary["work"]["workers"] == 2
    rows = dask_rows(out)

    # byte-identical finding rows (page names included) after sorting
    assert canonical_findings(rows) == sorted(local_lines)
    assert len(local_lines) > 100

    # each bad record is an error row, named file:line like the local engine's failures
    errors = [json.loads(row) for row in rows if row.startswith('{"path": ')]
    assert errors == [{"path": f["path"], "error": f["reason"]}
                      for f in local_summary["failures"]]
    assert [e["path"] for e in errors] == ["corpus/a.jsonl:19", "corpus/a.jsonl:20",
                                           "corpus/b.jsonl:19"]
    for failure in local_summary["failures"]:
        assert f"taxcheck: error: {failure['path']}: {failure['reason']}" in result.stderr

    # the same summary: articles in input order, totals, top claims
    for key in ("articles", "totals", "failures", "findings", "top_claims"):
        assert summary[key] == local_summary[key], key
    assert summary["engine"] == "dask"

    # the index links each checked article's page, and the pages exist
    index = (out / "index.html").read_text(encoding="utf-8")
    for article in summary["articles"]:
        if article["page"]:
            assert (out / article["page"]).is_file()
            assert f'href="{article["page"]}"' in index


@needs_dask
def test_without_pages_findings_name_no_page_and_no_page_is_written(tmp_path, local_run):
    local_lines, _ = local_run
    write_corpus(tmp_path)
    result = run_cli("scan", "corpus/a.jsonl", "corpus/b.jsonl", "--out", "out",
                     "--engine", "dask", "--jobs", "2", "-q", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("taxcheck: error:") == 3
    out = tmp_path / "out"
    rows = [json.loads(r) for r in canonical_findings(dask_rows(out))]
    assert not (out / "pages").exists()
    assert {r["page"] for r in rows} == {None}
    local = [json.loads(line) for line in local_lines]
    assert sorted(json.dumps({**r, "page": None}) for r in local) == sorted(
        json.dumps(r) for r in rows)


def test_dask_engine_refuses_files_that_are_not_json_lines(tmp_path):
    (tmp_path / "a.txt").write_text("You can deduct your 401(k) losses.\n", encoding="utf-8")
    result = run_cli("scan", "a.txt", "--out", "out", "--engine", "dask", cwd=tmp_path)
    assert result.returncode == 2
    assert "a.txt: the dask engine reads JSON Lines corpora" in result.stderr
    result = run_cli("scan", "a.txt", "--out", "out", "--scheduler", "tcp://127.0.0.1:1",
                     cwd=tmp_path)
    assert result.returncode == 2 and "--scheduler needs --engine dask" in result.stderr


@needs_dask
def test_a_worker_killed_mid_run_still_yields_complete_results(tmp_path, local_run):
    from distributed import Client, LocalCluster

    local_lines, local_summary = local_run
    corpus = write_corpus(tmp_path)
    # a bigger corpus of small partitions, so the run is long enough to kill a worker in
    for n in range(3):
        (corpus / f"more-{n}.jsonl").write_text(
            (corpus / "a.jsonl").read_text(encoding="utf-8").replace('"id": "a0', f'"id": "m{n}'),
            encoding="utf-8")
    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        assert len(pids) == 2
        command = [sys.executable, "-m", "taxcheck", "scan", "corpus", "--out", "out",
                   "--engine", "dask", "--scheduler", cluster.scheduler_address,
                   "--partition-size", "8192", "--pages", "-q"]
        scan = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
        killed: list[int] = []

        def kill_when_started() -> None:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and scan.poll() is None:
                # once partitions are done, kill a worker while it checks one
                busy = [address for address, keys in client.processing().items()
                        if any(str(k).startswith("taxcheck-part-") for k in keys)]
                if busy and list((out / "findings").glob("part-*.jsonl")):
                    victim = pids[busy[0]]
                    os.kill(victim, signal.SIGKILL)
                    killed.append(victim)
                    return
                time.sleep(0.05)

        killer = threading.Thread(target=kill_when_started)
        killer.start()
        _, stderr = scan.communicate(timeout=300)
        killer.join()
        assert killed, "the scan ended before a worker could be killed"
        parts_total = json.loads((out / "summary.json").read_text(encoding="utf-8"))[
            "work"]["partitions"]
        assert parts_total > 10
        # the killed worker was replaced by a new process
        client.wait_for_workers(2, timeout=60)
        assert killed[0] not in client.run(os.getpid).values()
    assert scan.returncode == 2, stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    n_articles = len(local_summary["articles"])
    assert len(summary["articles"]) == n_articles + 3 * (ARTICLES // 2 + 2)
    rows = canonical_findings(dask_rows(out))
    # the original files' findings are all there, and each copy has its own
    assert set(sorted(local_lines)) <= set(rows)
    assert len(rows) == summary["findings"]
    paths = {json.loads(r)["path"] for r in rows}
    assert {p for p in paths if "more-" in p} == {
        p.replace("corpus/a.jsonl#a0", f"corpus/more-{n}.jsonl#m{n}")
        for p in paths if p.startswith("corpus/a.jsonl#") for n in range(3)}
