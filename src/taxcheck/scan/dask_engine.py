"""``taxcheck scan --engine dask``: check JSON Lines corpora on a Dask cluster.

The client lists the input files and cuts them into byte ranges
(:mod:`taxcheck.scan.partitions`); it never reads the corpus. Each range is one task:
a worker reads its records, checks them through the worker's one pipeline (built once
per worker process by :class:`CheckerPlugin`, which also carries the claim database to
each worker once), writes ``findings/part-NNNNN.jsonl`` (and the review pages with
``--pages``) atomically, and sends back one small entry per article. The client
aggregates the entries into ``summary.json`` and ``index.html`` as the local engine does.

A task only reads its range and replaces its own output files, so running it twice
gives the same files: when a worker dies, Dask starts a new one and runs the task
again. A bad record becomes an error row (``{"path": ..., "error": ...}``) in the
findings, and the other records of the partition go on.

Dask is an optional dependency (``pip install 'taxcheck[dask]'``): this module imports
it only when it runs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taxcheck.atomic import AtomicFile
from taxcheck.claimdb import ClaimDatabase
from taxcheck.documents import Document
from taxcheck.errors import InputError, TaxcheckError
from taxcheck.findings import SEVERITY_RANK, Report
from taxcheck.scan.inputs import FileSource, InputWalker
from taxcheck.scan.outputs import BatchWriter
from taxcheck.scan.pages import PageNamer
from taxcheck.scan.partitions import (
    Partition,
    auto_partition_bytes,
    cut,
    file_size,
    read_partition,
)
from taxcheck.scan.publish import PageOptions, write_pages
from taxcheck.scan.runner import ScanOptions, ScanResult
from taxcheck.scan.work import INTERNAL_ERROR, Outcome

FINDINGS_DIR = "findings"
PART_PREFIX = "part-"
BATCH = 32
"""Articles handed to ``Checker.check_many`` at a time inside a partition."""
INSTALL_HINT = "the dask engine needs Dask: pip install 'taxcheck[dask]'"


def part_name(number: int) -> str:
    return f"{FINDINGS_DIR}/{PART_PREFIX}{number:05d}.jsonl"


@dataclass(frozen=True)
class PartitionConfig:
    """What every task needs besides its partition (small: the database is in the plugin)."""

    plugin: str
    out_dir: str
    max_bytes: int
    pages: bool
    reviewer: str | None


@dataclass
class PartitionResult:
    """What a task sends back: one outcome per article, without findings or SARIF."""

    number: int
    outcomes: list[Outcome] = field(default_factory=list)
    findings: int = 0
    pid: int = 0


def _records(part: Partition, max_bytes: int) -> Iterator[Document | Outcome]:
    for record in read_partition(part):
        if isinstance(record, InputError):
            yield Outcome.failure(record.where or part.path, record)
        elif len(record.source) > max_bytes:
            yield Outcome.failure(record.path, InputError(
                f"record is larger than the {max_bytes:,}-byte limit", where=record.path,
                code="TC204"))
        else:
            yield record


def _check_batch(checker: Any, documents: list[Document]) -> list[Report | Outcome]:
    """Reports for a batch through ``nlp.pipe``; when one article breaks the batch, each
    article alone, so that only the broken one becomes an error row."""
    try:
        return list(checker.check_many(documents))
    except Exception:  # retried one by one below
        pass
    out: list[Report | Outcome] = []
    for document in documents:
        try:
            out.append(checker.check(document))
        except Exception as exc:  # a bug on one article must not stop the partition
            out.append(Outcome.failure(document.path, InputError(
                f"internal error while checking ({type(exc).__name__}: {exc})",
                code=INTERNAL_ERROR)))
    return out


def check_partition(part: Partition, config: PartitionConfig) -> PartitionResult:
    """The task: check one partition, write its findings (and pages), return its entries."""
    from distributed import get_worker

    from taxcheck.scan.dask_plugin import CheckerPlugin

    plugin = get_worker().plugins[config.plugin]
    assert isinstance(plugin, CheckerPlugin)
    if plugin.checker is None:
        plugin.setup()
    out_dir = Path(config.out_dir)
    namer = PageNamer()
    result = PartitionResult(part.number, pid=os.getpid())
    out = AtomicFile(out_dir / part_name(part.number))
    try:
        pending: list[Document | Outcome] = []

        def flush() -> None:
            documents = [item for item in pending if isinstance(item, Document)]
            reports = iter(_check_batch(plugin.checker, documents))
            for item in pending:
                checked = next(reports) if isinstance(item, Document) else item
                try:
                    _emit(checked, plugin.db, namer, config, out_dir, out, result)
                except Exception as exc:  # rendering one article must not stop the rest
                    _emit(Outcome.failure(checked.path, InputError(
                        f"internal error while writing ({type(exc).__name__}: {exc})",
                        code=INTERNAL_ERROR)), plugin.db, namer, config, out_dir, out, result)
            pending.clear()

        for item in _records(part, config.max_bytes):
            pending.append(item)
            if len(pending) >= BATCH:
                flush()
        flush()
        out.commit()
    except BaseException:
        out.discard()
        raise
    return result


def _emit(item: Report | Outcome, db: ClaimDatabase, namer: PageNamer,
          config: PartitionConfig, out_dir: Path, out: AtomicFile,
          result: PartitionResult) -> None:
    """Write one article's rows and keep its entry."""
    if isinstance(item, Outcome):
        out.write(json.dumps({"path": item.path, "error": item.error}, ensure_ascii=False)
                  + "\n")
        result.outcomes.append(item)
        return
    page = namer.name(item.path)
    outcome = Outcome.from_report(item, page, db)
    if config.pages:
        write_pages(out_dir, item, page, PageOptions(reviewer=config.reviewer))
    else:
        outcome.page = None
    prefix = '{"page":' + json.dumps(outcome.page, ensure_ascii=False) + ","
    for finding in outcome.findings:
        out.write(prefix + finding[1:] + "\n")
    result.findings += len(outcome.findings)
    outcome.findings, outcome.sarif, outcome.checked = [], {}, True
    result.outcomes.append(outcome)


class _NullSink:
    """Stands for the local engine's findings.jsonl and results.sarif (not written here)."""

    def write(self, text: str) -> None:
        pass

    def add(self, fragment: dict[str, Any]) -> None:
        pass

    def prepare(self) -> None:
        pass

    def commit(self) -> None:
        pass

    def discard(self) -> None:
        pass


class PartitionedWriter(BatchWriter):
    """summary.json and index.html from the partitions' entries (findings are in the
    partition files, written by the workers)."""

    def __init__(self, out_dir: Path, db: ClaimDatabase, *, reviewer: str | None = None):
        super().__init__(out_dir, db, reviewer=reviewer)
        self.findings.discard()
        self.sarif.discard()
        self.findings = _NullSink()  # type: ignore[assignment]
        self.sarif = _NullSink()  # type: ignore[assignment]


def _client(scheduler: str | None, jobs: int) -> tuple[Any, Any]:
    """A client of the scheduler at ``scheduler``, or of a new local cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise TaxcheckError(INSTALL_HINT, code="TC208") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise TaxcheckError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                                code="TC209") from None
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _remove_stale_parts(out_dir: Path, count: int) -> None:
    """Delete partition files of an earlier, larger run (only ``part-NNNNN.jsonl``)."""
    folder = out_dir / FINDINGS_DIR
    for path in folder.glob(f"{PART_PREFIX}*.jsonl"):
        number = path.stem.removeprefix(PART_PREFIX)
        if number.isdigit() and int(number) >= count:
            path.unlink(missing_ok=True)


def run_dask_scan(db: ClaimDatabase, options: ScanOptions, *, scheduler: str | None = None,
                  pages: bool = False, partition_bytes: int | None = None) -> ScanResult:
    """Scan JSON Lines inputs on Dask and write the outputs into ``options.out_dir``.

    Raises:
        TaxcheckError: when Dask is missing, the scheduler cannot be reached, or an input
            is not JSON Lines.
    """
    started = time.perf_counter()
    out_dir = options.out_dir.resolve()
    walker = InputWalker(exclude=options.exclude, skip_dirs=[out_dir])
    early: list[Outcome] = []
    files: list[tuple[str, str, int]] = []
    for source in walker.expand(options.inputs):
        if not isinstance(source, FileSource):
            early.append(Outcome.failure(source.error.where or "", source.error))
        elif not source.is_jsonl:
            raise TaxcheckError(f"{source.path}: the dask engine reads JSON Lines corpora "
                                "(.jsonl); scan other files with --engine local",
                                code="TC208")
        else:
            location = os.path.abspath(source.path)
            files.append((source.path, location, file_size(location)))
    client, cluster = _client(scheduler, options.jobs)
    try:
        workers = len(client.scheduler_info().get("workers", {})) or options.jobs
        size = partition_bytes or auto_partition_bytes(sum(f[2] for f in files), workers)
        parts = cut(files, size)
        from taxcheck.scan.dask_plugin import CheckerPlugin

        plugin = CheckerPlugin(db, options.tax_year, options.selection)
        client.register_plugin(plugin, name=plugin.name)
        config = PartitionConfig(plugin=plugin.name, out_dir=str(out_dir),
                                 max_bytes=options.max_bytes, pages=pages,
                                 reviewer=options.pages.reviewer)
        token = hashlib.sha256(f"{out_dir}|{time.time_ns()}".encode()).hexdigest()[:10]
        futures = [client.submit(check_partition, part, config, pure=False, retries=1,
                                 key=f"taxcheck-part-{token}-{part.number:05d}")
                   for part in parts]
        writer = PartitionedWriter(out_dir, db, reviewer=options.pages.reviewer)
        tally = _aggregate(futures, writer, early)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    _remove_stale_parts(out_dir, len(parts))
    elapsed = time.perf_counter() - started
    work = {**tally.work, "partitions": len(parts), "workers": workers,
            "worker_processes_used": len(tally.pids), "partition_bytes": size}
    timings = {"total_seconds": round(elapsed, 3), "words": tally.words,
               "words_per_second": round(tally.words / elapsed, 1) if elapsed else 0.0}
    writer.commit({"engine": "dask", "work": dict(work), "timings": timings,
                   "worst_severity": tally.worst})
    return ScanResult(totals=dict(writer.totals), failures=writer.failures, worst=tally.worst,
                      findings=writer.findings_count, work=work, timings=timings)


@dataclass
class _Tally:
    """What the client counts while it adds the partitions' entries."""

    work: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("inputs", "checked", "cached", "failed"), 0))
    words: int = 0
    worst: str | None = None
    pids: set[int] = field(default_factory=set)

    def add(self, writer: PartitionedWriter, outcome: Outcome) -> None:
        writer.add(outcome, None)
        self.work["inputs"] += 1
        self.work["failed"] += outcome.error is not None
        self.work["checked"] += outcome.checked
        self.words += outcome.words
        if outcome.worst and (self.worst is None
                              or SEVERITY_RANK[outcome.worst] > SEVERITY_RANK[self.worst]):
            self.worst = outcome.worst


def _aggregate(futures: list[Any], writer: PartitionedWriter, early: list[Outcome]) -> _Tally:
    """Add the partitions' entries to ``writer`` in input order as they complete (only
    the entries of partitions finished out of order wait in memory)."""
    from distributed import as_completed

    tally = _Tally()
    for outcome in early:
        tally.add(writer, outcome)
    done: dict[int, PartitionResult] = {}
    next_part = 0
    for future in as_completed(futures):
        try:
            part: PartitionResult = future.result()
        except Exception as exc:
            raise TaxcheckError(
                f"a partition could not be checked ({type(exc).__name__}: {exc}); workers "
                "that keep dying may be out of memory: try a smaller --partition-size or "
                "more memory per worker", code="TC209") from None
        future.release()
        done[part.number] = part
        while next_part in done:
            ready = done.pop(next_part)
            tally.pids.add(ready.pid)
            writer.findings_count += ready.findings
            for outcome in ready.outcomes:
                tally.add(writer, outcome)
            next_part += 1
    return tally
