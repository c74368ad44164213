"""Checking one article of a batch: read, check, render its page, store it in the cache.

This runs in worker processes (one :class:`ArticleProcessor`, and so one spaCy pipeline,
per process, built the first time an article needs it) or in the main process with
``--jobs 1``. What the main process needs back is an :class:`Outcome`: small, picklable,
and the same whether it was computed now or read from the cache.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from taxcheck.claimdb import ClaimDatabase
from taxcheck.documents import Document
from taxcheck.errors import InputError
from taxcheck.findings import SEVERITY_RANK, Report
from taxcheck.readers import HTML_SUFFIXES, read_bytes
from taxcheck.readers.html import load_extractor
from taxcheck.readers.jsonl import RawRecord
from taxcheck.render.jsonl import finding_records
from taxcheck.render.sarif import render_sarif
from taxcheck.scan.cache import Cache
from taxcheck.scan.publish import PageOptions, write_pages
from taxcheck.selection import ClaimSelection
from taxcheck.timebudget import DEFAULT_TIMEOUT_PER_DOC

INTERNAL_ERROR = "TC299"
TIMED_OUT = "TC213"


class _DocTimeout(BaseException):
    """Raised (by SIGALRM) when an article overruns its time budget. Not an Exception,
    so that no ``except Exception`` in a library swallows it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _DocTimeout()


@dataclass(frozen=True)
class Task:
    """One article to check: raw file bytes, or a JSON Lines record to read."""

    path: str
    page: str
    key: str | None
    data: bytes | None = None
    record: RawRecord | None = None


@dataclass
class Outcome:
    """What checking one input produced, as the batch outputs need it."""

    path: str
    page: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    words: int = 0
    error: str | None = None
    """``TCxxx reason`` when the input could not be checked."""
    worst: str | None = None
    """The most severe problem finding (error, warning, info), if any."""
    wrong: list[tuple[str, str]] = field(default_factory=list)
    """(claim id, verdict) of each claim this article gets wrong, once per claim."""
    findings: list[str] = field(default_factory=list)
    """Each finding as compact JSON, in reading order."""
    sarif: dict[str, list[Any]] = field(default_factory=dict)
    """This article's SARIF rules, results and artifacts, merged into one run later."""
    tax_year: int | None = None
    """The tax year the article was checked against."""
    claims_version: str = ""
    """The claim database version this outcome was computed with."""
    concepts: list[str] = field(default_factory=list)
    """Every concept the article names: a database change touches the article only through
    a claim whose condition these concepts can meet (see taxcheck.scan.dependencies)."""
    names: list[str] = field(default_factory=list)
    """Claim ids and topics the article's suppression comments name."""
    claim_pages: list[str] = field(default_factory=list)
    """The single-claim pages written for this article (``--publish``)."""
    # Not cached: how this outcome was obtained.
    seconds: float = 0.0
    checked: bool = False
    built_pipeline: bool = False
    cached: bool = False
    cacheable: bool = True

    _CACHED_FIELDS = ("path", "page", "title", "url", "date", "counts", "words", "error",
                      "worst", "wrong", "findings", "sarif", "claim_pages", "tax_year",
                      "claims_version", "concepts", "names")

    def to_cache(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._CACHED_FIELDS}

    @classmethod
    def from_cache(cls, data: dict[str, Any]) -> Outcome:
        """Rebuild an outcome from a cache entry; raises ValueError if it is malformed
        (checked with the same types as the results: a wrong type anywhere is a bad entry,
        discarded, never a crash of every later run)."""
        try:
            entry = CachedOutcome.model_validate(data)
        except ValidationError as exc:
            raise ValueError(f"malformed cache entry: {exc.errors()[0]['msg']}") from None
        outcome = cls(**entry.model_dump())
        outcome.wrong = [tuple(pair) for pair in entry.wrong]  # type: ignore[misc]
        outcome.cached = True
        return outcome

    @classmethod
    def failure(cls, path: str, error: InputError, *, cacheable: bool = True) -> Outcome:
        return cls(path=path or error.where or "", error=f"{error.code} {error.message}",
                   cacheable=cacheable)

    @classmethod
    def from_report(cls, report: Report, page: str, db: ClaimDatabase) -> Outcome:
        problems = [f for f in report.findings if f.is_problem and not f.suppressed]
        worst = max((f.severity for f in problems), key=SEVERITY_RANK.__getitem__,
                    default=None)
        wrong: dict[str, str] = {}
        for f in problems:
            wrong.setdefault(f.claim_id, f.verdict)
        return cls(
            path=report.path, page=page, title=report.meta.title, url=report.meta.url,
            date=report.meta.date.isoformat() if report.meta.date else None,
            counts=report.counts(), words=sum(len(b.text.split()) for b in report.blocks),
            worst=worst, wrong=sorted(wrong.items()),
            findings=finding_records(report),
            sarif=sarif_fragment(report, db), tax_year=report.tax_year,
            claims_version=report.claims_version,
            concepts=sorted(report.concepts), names=sorted(report.suppression_names))


CountKey = Literal["false", "outdated", "misleading", "myth", "accurate", "contradictions"]
"""The keys of an article's counts: verdicts, and its contradictions (see Report.counts)."""


def _json_object(text: str) -> str:
    if not (text.startswith("{") and isinstance(json.loads(text), dict)):
        raise ValueError("not a JSON object")
    return text


class CachedOutcome(BaseModel):
    """The cached fields of an :class:`Outcome`, as a cache entry must hold them."""

    model_config = ConfigDict(strict=True, extra="forbid")

    path: str
    page: str | None
    title: str | None
    url: str | None
    date: str | None
    counts: dict[CountKey, Annotated[int, Field(ge=0)]]
    words: Annotated[int, Field(ge=0)]
    error: str | None
    worst: Literal["error", "warning", "info"] | None
    wrong: list[Annotated[list[str], Field(min_length=2, max_length=2)]]
    findings: list[Annotated[str, AfterValidator(_json_object)]]
    sarif: dict[Literal["rules", "results", "artifacts"], list[dict[str, Any]]]
    claim_pages: list[str]
    tax_year: int | None
    claims_version: str
    concepts: list[str]
    names: list[str]



def sarif_fragment(report: Report, db: ClaimDatabase) -> dict[str, list[Any]]:
    """The rules, results and artifacts of one report's SARIF run."""
    run = json.loads(render_sarif([report], db=db))["runs"][0]
    return {"rules": run.get("tool", {}).get("driver", {}).get("rules", []),
            "results": run.get("results", []), "artifacts": run.get("artifacts", [])}


class ArticleProcessor:
    """Checks articles for a batch: one per process, with a pipeline built on first use.

    Args:
        db: the claim database.
        out_dir: the batch's output folder (pages are written below it).
        cache_dir: the cache folder, or None without a cache.
        tax_year: ``--tax-year``.
        max_bytes: ``--max-bytes``.
        pages: who reviews the pages and whether they are published.
        timeout: ``--timeout-per-doc`` in seconds (None: no limit). Enforced with
            SIGALRM, so only in a process's main thread (workers; the CLI with --jobs 1).
        selection: the claims reported (None: all).
    """

    def __init__(self, db: ClaimDatabase, *, out_dir: Path, cache_dir: Path | None,
                 tax_year: int | None, max_bytes: int, pages: PageOptions | None = None,
                 timeout: float | None = DEFAULT_TIMEOUT_PER_DOC,
                 selection: ClaimSelection | None = None):
        self.db = db
        self.selection = selection
        self.timeout = timeout
        self.pages = pages or PageOptions()
        self.out_dir = out_dir
        self.cache = Cache(cache_dir) if cache_dir is not None else None
        self.tax_year = tax_year
        self.max_bytes = max_bytes
        self._checker: Any = None

    def build_checker(self) -> None:
        """Build the pipeline now (before forking workers, which then share it)."""
        self._get_checker()

    def _get_checker(self) -> tuple[Any, bool]:
        if self._checker is not None:
            return self._checker, False
        from taxcheck.checker import Checker  # spaCy loads only when an article needs it

        self._checker = Checker(self.db, tax_year=self.tax_year, selection=self.selection)
        return self._checker, True

    def process(self, task: Task) -> Outcome:
        """Check one article; never raises for a bad article (its outcome says why)."""
        start = time.perf_counter()
        report: Report | None = None
        checker, built = self._get_checker()  # building the pipeline is not the article's time
        timed = self._arm()
        armed_at = time.perf_counter()
        try:
            document: Document
            if task.record is not None:
                document = task.record.document()
            else:
                document = read_bytes(task.data or b"", task.path, max_bytes=self.max_bytes)
            report = checker.check(document)
            outcome = Outcome.from_report(report, task.page, self.db)
            outcome.claim_pages = write_pages(self.out_dir, report, task.page, self.pages)
            self._disarm(timed)
            if timed and time.perf_counter() - armed_at >= self.timeout:
                # the alarm came while a library's callback ran (a garbage-collector hook)
                # and its exception was printed and dropped there: still an overrun
                raise _DocTimeout()
        except _DocTimeout:
            outcome = Outcome.failure(task.path, InputError(
                f"checking took longer than the {self.timeout:g}-second limit "
                "(--timeout-per-doc)", code=TIMED_OUT), cacheable=False)
            report = None
        except InputError as exc:
            outcome = Outcome.failure(task.path, exc)
        except Exception as exc:  # a bug on one article must not stop the batch
            outcome = Outcome.failure(task.path, InputError(
                f"internal error while checking ({type(exc).__name__}: {exc})",
                code=INTERNAL_ERROR), cacheable=False)
            report = None
        finally:
            self._disarm(timed)
        outcome.checked = report is not None
        outcome.built_pipeline = built
        outcome.seconds = time.perf_counter() - start
        if self.cache is not None and task.key and outcome.cacheable:
            self.cache.put(task.key, outcome.to_cache(),
                           report.model_dump_json() if report is not None else None)
        return outcome


    def _arm(self) -> bool:
        """Start this article's time budget; False when there is none (or no SIGALRM here)."""
        if not self.timeout or threading.current_thread() is not threading.main_thread():
            return False
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        return True

    @staticmethod
    def _disarm(timed: bool) -> None:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)


_PROCESSOR: ArticleProcessor | None = None
"""The worker process's processor (set by :func:`init_worker`; None in the main process)."""
_HOLDING_DIR: Path | None = None
"""Where the worker process notes the article it is checking (see :func:`held_by`)."""


def init_worker(db: ClaimDatabase, options: dict[str, Any],
                holding_dir: Path | None = None) -> None:
    """Process-pool initializer: one processor, and so one pipeline, per worker.

    A worker forked from a process that already holds a processor (see
    :func:`preload`) keeps it: its pipeline is shared copy-on-write, not rebuilt.
    Workers ignore SIGINT (the main process handles Ctrl-C and shuts them down) and
    die on SIGTERM, whatever handler they inherited from the main process: the pool
    terminates its workers with SIGTERM when one of them dies.
    """
    global _PROCESSOR, _HOLDING_DIR
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _HOLDING_DIR = holding_dir
    if _PROCESSOR is None:
        _PROCESSOR = ArticleProcessor(db, **options)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the main process dies, however it dies (a
    SIGKILL leaves no chance to shut the pool down): no orphan keeps checking."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        return
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # it died before the request
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _note_holding(path: str | None) -> None:
    """Record (or clear, with None) the article this worker process is checking now.

    The note is the file ``<holding dir>/<pid>``, written when the article starts and
    removed when it ends; its time of change is when the article started (see
    ``_Scan.stop_overruns``). It is empty for an instant while it is written: an empty
    note holds nothing (:func:`held_by`)."""
    if _HOLDING_DIR is None:
        return
    note = _HOLDING_DIR / str(os.getpid())
    if path is None:
        note.unlink(missing_ok=True)
    else:
        note.write_text(path, encoding="utf-8")


def held_by(holding_dir: Path, pid: int) -> str | None:
    """The article worker ``pid`` was checking when it stopped, if any."""
    try:
        return (holding_dir / str(pid)).read_text(encoding="utf-8") or None
    except (OSError, UnicodeDecodeError):
        return None


def preload(processor: ArticleProcessor | None) -> None:
    """Make ``processor`` the one forked workers inherit (None to forget it)."""
    global _PROCESSOR
    _PROCESSOR = processor


def _may_be_html(task: Task) -> bool:
    if task.record is not None:
        return not task.record.is_text
    return Path(task.path).suffix.lower() in HTML_SUFFIXES


def process_in_worker(tasks: list[Task]) -> list[Outcome]:
    """Process-pool entry point: check a chunk of articles."""
    assert _PROCESSOR is not None, "init_worker was not called"
    outcomes = []
    _PROCESSOR.build_checker()  # not part of any article's time (the note starts its clock)
    if any(_may_be_html(task) for task in tasks):
        load_extractor()  # nor is importing the HTML extractor
    for task in tasks:
        _note_holding(task.path)
        try:
            outcomes.append(_PROCESSOR.process(task))
        finally:
            # the note names an article only while it is checked: a worker that dies
            # between articles, or after its chunk, held none of them
            _note_holding(None)
    return outcomes
