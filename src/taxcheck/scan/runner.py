"""Run a batch scan: stream inputs through the cache and the workers into the outputs.

The main process walks the inputs, reads each file's bytes and looks its key up in the
cache. A hit is used as it is (no NLP; its page is rewritten only when missing or
stale); a miss becomes a :class:`~taxcheck.scan.work.Task` for a worker. At most a
few tasks per worker are in flight, so memory does not grow with the corpus, and
outcomes are written in input order as they arrive.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as futures_wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from taxcheck.claimdb import ClaimDatabase
from taxcheck.errors import InputError, TaxcheckError
from taxcheck.findings import SEVERITY_RANK, Report
from taxcheck.readers import DEFAULT_MAX_BYTES, read_file_bytes
from taxcheck.scan.cache import Cache, cache_key, content_hash
from taxcheck.scan.dependencies import (
    SNAPSHOT_FILE,
    DatabaseChanges,
    DatabaseSnapshot,
    diff,
    read_snapshot,
    snapshot,
    write_snapshot,
)
from taxcheck.scan.inputs import FileSource, InputWalker, SourceError
from taxcheck.scan.jsonl import estimate_records, iter_jsonl
from taxcheck.scan.lock import OutputLock
from taxcheck.scan.outputs import BatchWriter
from taxcheck.scan.pages import PageNamer
from taxcheck.scan.progress import Progress, ProgressMode
from taxcheck.scan.publish import PageOptions, write_pages
from taxcheck.scan.work import (
    DEFAULT_TIMEOUT_PER_DOC,
    TIMED_OUT,
    ArticleProcessor,
    Outcome,
    Task,
    held_by,
    init_worker,
    preload,
    process_in_worker,
)
from taxcheck.selection import ClaimSelection

CHUNK_SIZE = 8
"""Articles per task sent to a worker process."""
WORKER_DIED = "TC212"
"""The error code of an article whose worker process died while checking it."""
WATCH_SECONDS = 0.5
"""How often the main process looks for workers overrunning their time budget."""
GRACE_SECONDS = 2.0
"""A worker still on the same article this long after its budget ended is killed."""
MAX_RECOVERIES = 20
"""Pools replaced in one scan before giving up (workers that keep dying)."""


@dataclass
class _Pending:
    """Outcomes on their way, in input order: some known now, the rest from a worker."""

    keys: list[str | None]
    tasks: list[Task] = field(default_factory=list)
    """The chunk's tasks (position i of ``keys``), empty for an outcome known now."""
    ready: dict[int, Outcome] = field(default_factory=dict)
    """Outcomes known without the worker, by position."""
    future: Future[list[Outcome]] | None = None

    def done(self) -> bool:
        return self.future is None or self.future.done()

    def outcomes(self) -> list[Outcome]:
        computed = iter(self.future.result() if self.future is not None else ())
        return [self.ready[i] if i in self.ready else next(computed)
                for i in range(len(self.keys))]

    def remaining(self) -> list[Task]:
        return [task for i, task in enumerate(self.tasks) if i not in self.ready]


@dataclass
class ScanOptions:
    """What to scan and how (the ``taxcheck scan`` options)."""

    inputs: list[str]
    out_dir: Path
    jobs: int = 1
    cache_dir: Path | None = None
    """None: no cache."""
    tax_year: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    exclude: tuple[str, ...] = ()
    pages: PageOptions = field(default_factory=PageOptions)
    """Who reviews the pages, and whether they are published (``--publish``)."""
    timeout_per_doc: float | None = DEFAULT_TIMEOUT_PER_DOC
    """Seconds one article may take (None: no limit)."""
    follow_symlinks: bool = False
    """Read symlinks found in folders and globs that lead outside them."""
    selection: ClaimSelection = field(default_factory=ClaimSelection)
    """The claims reported (``enable``/``disable`` in the settings)."""


@dataclass
class ScanResult:
    """What a scan did: totals by verdict, what failed, the worst finding, counters and
    timings (summary.json has everything, with every article)."""

    totals: dict[str, int]
    failures: list[dict[str, str]]
    worst: str | None
    findings: int
    work: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    rechecked: dict[str, int] = field(default_factory=dict)
    """Why articles were checked rather than taken from the cache: ``not cached`` (new or
    edited articles, other options), ``earlier database unknown``, or the id of a changed
    claim they touch (each article counted once, under the first such claim)."""
    database_changes: list[str] = field(default_factory=list)
    """The changes of the claim database since the cached results, as text."""


class _Scan:
    """One run of :func:`run_scan` (state shared by its steps)."""

    def __init__(self, db: ClaimDatabase, options: ScanOptions, progress: Progress):
        self.db = db
        self.options = options
        self.progress = progress
        self.cache = Cache(options.cache_dir) if options.cache_dir is not None else None
        self.namer = PageNamer()
        self.key_options = {"tax_year": options.tax_year if options.tax_year is not None
                            else f"article date, else {dt.date.today().year}",
                            "pages": dataclasses.asdict(options.pages),
                            "enable": sorted(options.selection.enable),
                            "disable": sorted(options.selection.disable),
                            "min_confidence": options.selection.min_confidence}
        self.processor_options = {"out_dir": options.out_dir, "cache_dir": options.cache_dir,
                                  "tax_year": options.tax_year, "max_bytes": options.max_bytes,
                                  "pages": options.pages,
                                  "timeout": options.timeout_per_doc,
                                  "selection": options.selection}
        self.writer = BatchWriter(options.out_dir, db, reviewer=options.pages.reviewer,
                                  publish=options.pages.publish)
        self.processor: ArticleProcessor | None = None
        self.executor: ProcessPoolExecutor | None = None
        self.holding_dir: Path | None = None
        self.recoveries = 0
        self.overran: dict[int, str] = {}
        """Worker pids killed for overrunning their article's time budget."""
        self.work = {"inputs": 0, "checked": 0, "cached": 0, "failed": 0, "pipelines_built": 0,
                     "workers_started": 0, "workers_died": 0, "workers_stopped": 0,
                     "pages_written": 0, "pages_kept": 0}
        self.check_seconds = 0.0
        self.words = 0
        self.worst: str | None = None
        self.snapshot = snapshot(db)
        self.changes: dict[str, DatabaseChanges | None] = {}
        """Changes since each earlier database version met in the cache (None: unknown)."""
        self.rechecked: dict[str, int] = {}
        if self.cache is not None:
            path = self._snapshot_path(db.version)
            if read_snapshot(path) is None:
                write_snapshot(path, self.snapshot)

    # -- producing outcomes and tasks -----------------------------------------------------

    def _key(self, content: str, path: str) -> str | None:
        # The key holds the vocabulary, not the whole database: an entry computed with an
        # earlier database is found, and used when none of the changes touch the article.
        if self.cache is None:
            return None
        return cache_key(content, path, claims_version=f"vocabulary {self.snapshot.vocabulary}",
                         options=self.key_options)

    def _snapshot_path(self, version: str) -> Path:
        assert self.options.cache_dir is not None
        return self.options.cache_dir / "databases" / f"{version}.snapshot"

    def _changes_since(self, version: str) -> DatabaseChanges | None:
        if version not in self.changes:
            old: DatabaseSnapshot | None = None
            if self.options.cache_dir is not None and version.isalnum():
                old = read_snapshot(self._snapshot_path(version))
            self.changes[version] = diff(old, self.snapshot) if old is not None else None
        return self.changes[version]

    def _stale(self, outcome: Outcome) -> str | None:
        """Why a cached outcome computed with an earlier database must be checked again
        (the first changed claim the article touches), or None when it still holds."""
        if outcome.claims_version == self.db.version or outcome.error is not None:
            return None
        changes = self._changes_since(outcome.claims_version)
        if changes is None:
            return "earlier database unknown"
        touched = changes.touched(outcome.concepts, outcome.names)
        return touched[0] if touched else None

    def _recheck(self, reason: str) -> None:
        self.rechecked[reason] = self.rechecked.get(reason, 0) + 1

    def _from_cache(self, key: str | None, page: str) -> Outcome | None:
        """The cached outcome for ``key`` with its page in place, or None on a miss."""
        if self.cache is None or key is None:
            self._recheck("no cache" if self.cache is None else "not cached")
            return None
        entry = self.cache.get(key)
        if entry is None:
            self._recheck("not cached")
            return None
        try:
            outcome = Outcome.from_cache(entry["outcome"])
            stale = self._stale(outcome)
            if stale is not None:
                self._recheck(stale)
                return None
            if outcome.claims_version != self.db.version and outcome.error is None:
                self.work["cached_earlier_database"] = (
                    self.work.get("cached_earlier_database", 0) + 1)
            if outcome.error is None:
                outcome.page = page
                if all(self.writer.page_is_current(p, key)
                       for p in [page, *outcome.claim_pages]):
                    self.work["pages_kept"] += 1
                else:
                    if entry["report"] is None:
                        raise ValueError("a checked article's entry has no report")
                    report = Report.model_validate_json(entry["report"])
                    outcome.claim_pages = write_pages(self.options.out_dir, report, page,
                                                      self.options.pages)
                    self.work["pages_written"] += 1
        except (ValueError, ValidationError, TypeError):
            self.cache.discard(key)
            self._recheck("not cached")
            return None
        return outcome

    def items(self, sources: list[FileSource | SourceError]) -> Iterator[
            tuple[Task | Outcome, str | None]]:
        """Each input as a ready outcome (failure or cache hit) or a task for a worker."""
        for source in sources:
            if isinstance(source, SourceError):
                yield Outcome.failure(source.error.where or "", source.error), None
            elif source.is_jsonl:
                for record in iter_jsonl(source.path, self.options.max_bytes):
                    if isinstance(record, InputError):
                        yield Outcome.failure(record.where or source.path, record), None
                        continue
                    page = self.namer.name(record.path)
                    key = self._key(content_hash(json.dumps(
                        dataclasses.astuple(record)).encode()), record.path)
                    hit = self._from_cache(key, page)
                    yield (hit if hit else Task(record.path, page, key, record=record)), key
            else:
                try:
                    data = read_file_bytes(source.path, self.options.max_bytes)
                except InputError as exc:
                    yield Outcome.failure(source.path, exc, cacheable=False), None
                    continue
                page = self.namer.name(source.label or source.path)
                key = self._key(content_hash(data), source.path)
                hit = self._from_cache(key, page)
                yield (hit if hit else Task(source.path, page, key, data=data)), key

    # -- running tasks -------------------------------------------------------------------

    def submit(self, tasks: list[Task], keys: list[str | None]) -> _Pending:
        """Check a chunk of articles: here with --jobs 1, else in a worker process."""
        if self.options.jobs <= 1:
            if self.processor is None:
                self.processor = ArticleProcessor(self.db, **self.processor_options)
            return _Pending(keys, ready={i: self.processor.process(task)
                                         for i, task in enumerate(tasks)})
        return _Pending(keys, tasks, future=self._pool().submit(process_in_worker, tasks))

    def _pool(self) -> ProcessPoolExecutor:
        if self.executor is None:
            context = multiprocessing.get_context()
            if context.get_start_method() == "fork" and not self.work["pipelines_built"]:
                # Build the pipeline once here; forked workers share it instead of each
                # importing spaCy and building their own (less CPU, less memory).
                shared = ArticleProcessor(self.db, **self.processor_options)
                shared.build_checker()
                self.work["pipelines_built"] += 1
                preload(shared)
            if self.holding_dir is None:
                self.holding_dir = Path(tempfile.mkdtemp(prefix="taxcheck-workers-"))
            self.executor = ProcessPoolExecutor(
                max_workers=self.options.jobs, mp_context=context, initializer=init_worker,
                initargs=(self.db, self.processor_options, self.holding_dir))
            self.work["workers_started"] += self.options.jobs
        return self.executor

    def wait(self, entry: _Pending) -> None:
        """Wait for a chunk from a worker, stopping workers that overrun their article's
        time budget: the budget's alarm cannot interrupt native code (a parser stuck on a
        hostile page), so a worker still holding the same article GRACE_SECONDS after the
        budget ends is killed, and its article reported as timed out (TC213)."""
        while entry.future is not None and not entry.future.done():
            futures_wait([entry.future], timeout=WATCH_SECONDS)
            self.stop_overruns()

    def stop_overruns(self) -> None:
        limit = self.options.timeout_per_doc
        if limit is None or self.holding_dir is None:
            return
        now = time.time()
        for note in self.holding_dir.iterdir():
            try:
                pid, started = int(note.name), note.stat().st_mtime
            except (ValueError, OSError):
                continue
            if pid in self.overran or now - started < limit + GRACE_SECONDS:
                continue
            held = held_by(self.holding_dir, pid)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                continue
            self.overran[pid] = held or ""

    def recover(self, pending: deque[_Pending]) -> None:
        """A worker process died: every chunk in flight failed with the pool. Report the
        article each dead worker held as failed, start a new pool, and send it the rest."""
        assert self.executor is not None and self.holding_dir is not None
        self.recoveries += 1
        if self.recoveries > MAX_RECOVERIES:
            raise TaxcheckError(f"worker processes died {self.recoveries} times (out of "
                                "memory?); no output was written; try fewer --jobs",
                                code=WORKER_DIED)
        processes = dict(getattr(self.executor, "_processes", None) or {})
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = None
        dead: dict[str, InputError] = {}
        for pid, process in processes.items():
            process.join(timeout=5)
            code = process.exitcode
            held = held_by(self.holding_dir, pid)
            (self.holding_dir / str(pid)).unlink(missing_ok=True)
            if pid in self.overran:
                self.work["workers_stopped"] += 1
                if held is not None:
                    dead[held] = InputError(
                        f"checking took longer than the {self.options.timeout_per_doc:g}-second "
                        "limit (--timeout-per-doc); its worker process was stopped",
                        where=held, code=TIMED_OUT)
                continue
            # the pool terminates the survivors (SIGTERM) once one worker is gone
            if code not in (0, -signal.SIGTERM, None):
                self.work["workers_died"] += 1
                if held is not None:
                    how = (f"killed by {signal.Signals(-code).name}" if code < 0
                           else f"exit status {code}")
                    dead[held] = InputError(
                        f"the worker process checking this file died ({how}); "
                        "the rest of the batch was checked", where=held, code=WORKER_DIED)
        self.overran.clear()
        for entry in pending:
            if entry.future is None:
                continue
            for i, task in enumerate(entry.tasks):
                if i not in entry.ready and task.path in dead:
                    entry.ready[i] = Outcome.failure(task.path, dead[task.path],
                                                     cacheable=False)
            remaining = entry.remaining()
            entry.future = (self._pool().submit(process_in_worker, remaining)
                            if remaining else None)

    def consume(self, outcome: Outcome, key: str | None) -> None:
        self.writer.add(outcome, key)
        self.work["inputs"] += 1
        self.work["failed"] += outcome.error is not None
        self.work["cached"] += outcome.cached and outcome.error is None
        self.work["checked"] += outcome.checked
        self.work["pipelines_built"] += outcome.built_pipeline
        self.work["pages_written"] += outcome.checked
        self.check_seconds += outcome.seconds
        self.words += outcome.words
        if outcome.worst and (self.worst is None or
                              SEVERITY_RANK[outcome.worst] > SEVERITY_RANK[self.worst]):
            self.worst = outcome.worst
        self.progress.advance(outcome.words, outcome.error is not None)

    def run(self, sources: list[FileSource | SourceError]) -> None:
        # Tasks go to workers in chunks (fewer round trips through the pool); a few
        # chunks per worker are in flight, and outcomes are consumed in input order.
        chunk_size = 1 if self.options.jobs <= 1 else CHUNK_SIZE
        window = 4 * self.options.jobs
        pending: deque[_Pending] = deque()
        chunk: list[Task] = []
        chunk_keys: list[str | None] = []

        def drain(keep: int) -> None:
            while pending and (len(pending) > keep or pending[0].done()):
                self.wait(pending[0])
                try:
                    outcomes = pending[0].outcomes()
                except BrokenProcessPool:
                    self.recover(pending)
                    continue
                for outcome, key in zip(outcomes, pending.popleft().keys, strict=True):
                    self.consume(outcome, key)

        def flush() -> None:
            if chunk:
                pending.append(self.submit(list(chunk), list(chunk_keys)))
                chunk.clear()
                chunk_keys.clear()

        for item, key in self.items(sources):
            if isinstance(item, Task):
                chunk.append(item)
                chunk_keys.append(key)
                if len(chunk) >= chunk_size:
                    flush()
            else:
                flush()  # keep input order: the chunk's articles come first
                pending.append(_Pending([key], ready={0: item}))
            drain(window)
        flush()
        drain(0)

    def close(self, *, cancel: bool = False) -> None:
        """Shut the workers down. With ``cancel`` (an interrupt), the articles in
        progress are finished (their pages and cache entries stay whole) unless a second
        interrupt comes: then the workers are killed at once and the interrupt goes on."""
        try:
            if self.executor is not None:
                if cancel:
                    print("taxcheck: stopping: finishing the articles in progress "
                          "(interrupt again to stop at once)", file=sys.stderr, flush=True)
                try:
                    self.executor.shutdown(wait=True, cancel_futures=cancel)
                except BaseException:
                    self.stop_workers()
                    raise
                self.executor = None
        finally:
            preload(None)
            if self.holding_dir is not None:
                shutil.rmtree(self.holding_dir, ignore_errors=True)
                self.holding_dir = None

    def stop_workers(self) -> None:
        """Kill every worker now (a second interrupt): nothing waits for them at exit."""
        if self.executor is None:
            return
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a third Ctrl-C: no traceback
        try:
            processes = list((getattr(self.executor, "_processes", None) or {}).values())
            for process in processes:
                process.kill()
            for process in processes:
                process.join(timeout=5)
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
        finally:
            signal.signal(signal.SIGINT, previous)


def run_scan(db: ClaimDatabase, options: ScanOptions, *, progress: ProgressMode = "off",
             stream: TextIO | None = None) -> ScanResult:
    """Scan the inputs and write every output into ``options.out_dir``.

    A worker process that dies (killed, out of memory, a crash in native code) is
    replaced: the article it was checking is reported failed (TC212), and the rest of
    the batch is checked.
    """
    with OutputLock(options.out_dir) as lock:
        return _run_locked(db, options, lock, progress=progress, stream=stream)


def _run_locked(db: ClaimDatabase, options: ScanOptions, lock: OutputLock, *,
                progress: ProgressMode, stream: TextIO | None) -> ScanResult:
    started = time.perf_counter()
    swept = lock.sweep(options.cache_dir)
    skip = [options.out_dir] + ([options.cache_dir] if options.cache_dir else [])
    walker = InputWalker(exclude=options.exclude, skip_dirs=skip,
                         follow_symlinks=options.follow_symlinks)
    sources = list(walker.expand(options.inputs))
    total = sum(estimate_records(s.path) if isinstance(s, FileSource) and s.is_jsonl else 1
                for s in sources)
    bar = Progress(stream or sys.stderr, progress, total)
    scan = _Scan(db, options, bar)
    try:
        scan.run(sources)
    except BaseException:
        scan.writer.discard()
        scan.close(cancel=True)
        raise
    finally:
        bar.close()
    scan.close()
    sources.clear()  # free what only the walk needed before writing the index
    scan.namer = PageNamer()
    elapsed = time.perf_counter() - started
    if scan.cache is not None:
        scan.work["cache_discarded"] = scan.cache.discarded
    scan.work["temporaries_removed"] = swept
    timings = {"total_seconds": round(elapsed, 3),
               "check_seconds": round(scan.check_seconds, 3),
               "words": scan.words,
               "words_per_second": round(scan.words / elapsed, 1) if elapsed else 0.0}
    try:
        scan.writer.commit({"work": dict(scan.work), "timings": timings,
                            "worst_severity": scan.worst,
                            "rechecked": dict(scan.rechecked)})
    except BaseException:
        scan.writer.discard()
        raise
    scan.work["pages_removed"] = scan.writer.pages_removed
    # what the next scan's --compare needs to name the claims and figures that changed
    write_snapshot(options.out_dir / SNAPSHOT_FILE, scan.snapshot)
    changes = [c for v, c in scan.changes.items() if c is not None and v != db.version]
    return ScanResult(totals=dict(scan.writer.totals), failures=scan.writer.failures,
                      worst=scan.worst, findings=scan.writer.findings_count, work=scan.work,
                      timings=timings, rechecked=dict(scan.rechecked),
                      database_changes=list(dict.fromkeys(
                          line for c in changes for line in c.summary())))
