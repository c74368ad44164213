"""``taxcheck scan``: check a whole corpus into review pages, an index and machine outputs."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from types import FrameType

import click

from taxcheck.claimdb import ClaimDatabase
from taxcheck.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, fail
from taxcheck.cli.options import (
    CHECKING_OPTIONS,
    PUBLISH_OPTIONS,
    CheckerPool,
    apply_options,
    base_url_option,
    compare_option,
    fail_on_option,
    overrides,
    publish_problem,
    scan_settings,
)
from taxcheck.errors import TaxcheckError
from taxcheck.findings import SEVERITY_RANK
from taxcheck.scan import ScanOptions, run_scan
from taxcheck.scan.cache import DEFAULT_CACHE_DIR
from taxcheck.scan.changes import (
    CHANGES_HTML,
    Comparison,
    ScanState,
    compare,
    load_scan,
    write_changes,
)
from taxcheck.scan.inputs import input_tree, is_inside, read_list_file, scannable_suffixes
from taxcheck.scan.lock import OutputLock
from taxcheck.scan.outputs import INDEX, SUMMARY
from taxcheck.scan.publish import PageOptions
from taxcheck.scan.runner import ScanResult
from taxcheck.scan.work import DEFAULT_TIMEOUT_PER_DOC


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


EXIT_INTERRUPTED = 130
"""Exit code after Ctrl-C (SIGINT) or SIGTERM: 128 + SIGINT, as shells report Ctrl-C."""


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated()


def exit_code(*, failed: int, worst: str | None, fail_on: str) -> int:
    """2 when an input could not be checked, else 1 when a finding reaches --fail-on, else 0."""
    if failed:
        return EXIT_ERROR
    if fail_on != "never" and worst is not None and SEVERITY_RANK[worst] >= SEVERITY_RANK[
            fail_on]:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def recheck_lines(result: ScanResult) -> list[str]:
    """Why articles were checked again, when the cache held results of an earlier claim
    database ("re-checked 212: 200 touch rmd-excise-rate, 12 not cached; 9,788 from
    the cache, untouched by: claim edited: rmd-excise-rate")."""
    earlier = result.work.get("cached_earlier_database", 0)
    touching = {k: v for k, v in result.rechecked.items()
                if k not in ("not cached", "no cache", "earlier database unknown")}
    if not earlier and not touching:
        return []
    parts = [f"{count:,} touch {claim}" for claim, count in
             sorted(touching.items(), key=lambda kv: (-kv[1], kv[0]))[:5]]
    if len(touching) > 5:
        parts.append(f"{sum(sorted(touching.values())[:-5]):,} touch other changed claims")
    for reason in ("not cached", "earlier database unknown"):
        if result.rechecked.get(reason):
            parts.append(f"{result.rechecked[reason]:,} {reason}")
    checked = sum(result.rechecked.values())
    lines = [f"re-checked {checked:,} article{'s' * (checked != 1)}"
             + (f" ({', '.join(parts)})" if parts else "")
             + f"; {earlier:,} from the cache untouched by the claim database's changes"]
    if result.database_changes:
        shown = result.database_changes[:5]
        more = len(result.database_changes) - len(shown)
        lines.append("claim database changes: " + "; ".join(shown)
                     + (f"; and {more} more" if more > 0 else ""))
    return lines


@click.command()
@click.argument("inputs", nargs=-1, metavar="[PATH|GLOB]...")
@click.option("--out", "out_dir", required=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="Write the review pages, index.html, findings.jsonl, summary.json and "
                   "results.sarif here (created if needed).")
@click.option("--from-file", "list_files", multiple=True, metavar="LIST",
              help="Also scan the inputs listed in LIST, one per line (- reads standard "
                   "input). Repeatable.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip files and folders whose name or path matches GLOB. Repeatable.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Worker processes (default: the number of cores; 1 checks in this "
                   "process).")
@click.option("--cache", "cache_dir", metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help=f"Cache folder (default: DIR/{DEFAULT_CACHE_DIR} under --out).")
@click.option("--no-cache", is_flag=True, help="Check every article again; write no cache.")
@click.option("--timeout-per-doc", type=click.FloatRange(0, min_open=True),
              default=DEFAULT_TIMEOUT_PER_DOC, show_default=True, metavar="SECONDS",
              help="Report an article as failed (TC213) when reading and checking it takes "
                   "longer than this.")
@click.option("--follow-symlinks", is_flag=True,
              help="Read symbolic links found in folders and globs even when they lead "
                   "outside them (default: such a link is reported, TC215, and not read).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when standard error is a terminal; "
                   "otherwise a plain line every 10 seconds).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="local: worker processes on this machine. dask: partitions of JSON Lines "
                   "corpora on a Dask cluster (pip install 'taxcheck[dask]'; see "
                   "docs/scale.md).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (e.g. tcp://10.0.0.5:8786); "
                   "default: a local cluster of --jobs worker processes.")
@click.option("--pages", is_flag=True,
              help="With --engine dask: also write a review page per article (the local "
                   "engine always does).")
@click.option("--partition-size", type=click.IntRange(1), metavar="BYTES",
              help="With --engine dask: bytes of JSON Lines per task (default: a few "
                   "partitions per worker, at most 64 MiB).")
@fail_on_option
@apply_options(*CHECKING_OPTIONS, *PUBLISH_OPTIONS)
@base_url_option
@compare_option
def scan(inputs: tuple[str, ...], out_dir: Path, list_files: tuple[str, ...],
         exclude: tuple[str, ...], jobs: int | None, cache_dir: Path | None, no_cache: bool,
         timeout_per_doc: float, follow_symlinks: bool, progress: bool | None, quiet: bool,
         engine: str, scheduler: str | None, pages: bool, partition_size: int | None,
         fail_on: str | None, config_file: Path | None, tax_year: int | None,
         claims: tuple[Path, ...], enable: tuple[str, ...], disable: tuple[str, ...],
         min_confidence: float | None, max_bytes: int | None, reviewer: str | None,
         reviewer_url: str | None, publish: bool | None, base_url: str | None,
         compare_dir: Path | None) -> None:
    """Check every article under the given folders, files and globs.

    Folders are searched recursively for files with a reader (.txt, .md, ...) and
    .jsonl exports (one article per line). Writes into --out a review page per
    article (pages/), index.html, findings.jsonl, summary.json and results.sarif.
    Unchanged articles are not checked again (see --cache).

    With --engine dask, JSON Lines corpora are checked in partitions on a Dask
    cluster; it writes findings/part-NNNNN.jsonl (bad records as error rows),
    summary.json and index.html, and the pages only with --pages.

    With --compare PREVIOUS_OUT, also lists the articles whose findings changed since
    that earlier scan (changes.html, changes.jsonl), with the cause when it is known: a
    claim added or edited, a figure year added, the tax year moved on.

    Settings come from the nearest .taxcheck.toml or pyproject.toml [tool.taxcheck]
    above the inputs, as for `taxcheck check`; options given here override them.
    Inputs under different configuration files are refused (scan them apart).

    Exit codes: 2 when an input could not be checked (the rest is still reported) or
    on usage errors; otherwise 1 when a finding reaches --fail-on; otherwise 0. On
    Ctrl-C or SIGTERM: 130, the previous outputs left as they were; rerun the same
    command to resume from the cache.
    """
    all_inputs = _gather_inputs(inputs, list_files)
    _check_option_combinations(engine, scheduler=scheduler, pages=pages,
                               partition_size=partition_size, cache_dir=cache_dir,
                               no_cache=no_cache, compare_dir=compare_dir)
    cache = _cache_folder(engine, out_dir=out_dir, cache_dir=cache_dir, no_cache=no_cache,
                          compare_dir=compare_dir)
    _refuse_outputs_inside_inputs(all_inputs, out_dir=out_dir, cache=cache)
    cli = overrides(fail_on=fail_on, tax_year=tax_year, claims=claims, enable=enable,
                    disable=disable, min_confidence=min_confidence, max_bytes=max_bytes,
                    reviewer=reviewer,
                    reviewer_url=reviewer_url, publish=publish, base_url=base_url)
    settings = scan_settings(all_inputs, cli, config_file)
    if problem := publish_problem(settings, base_url=settings.base_url):
        fail(problem)
    if settings.publish and engine == "dask":
        raise click.UsageError("--publish needs the local engine (--engine local)")
    page_opts = PageOptions(reviewer=settings.reviewer, reviewer_url=settings.reviewer_url,
                            publish=settings.publish, base_url=settings.base_url)
    pool = CheckerPool()
    db = pool.db(settings)
    previous = _load_previous(compare_dir)  # before this scan can overwrite it
    options = ScanOptions(inputs=all_inputs, out_dir=out_dir, jobs=jobs or default_jobs(),
                          cache_dir=cache, tax_year=settings.tax_year,
                          max_bytes=settings.max_bytes, exclude=exclude,
                          pages=page_opts, timeout_per_doc=timeout_per_doc,
                          selection=pool.selection(settings), follow_symlinks=follow_symlinks)
    result = _run(db, options, engine=engine, scheduler=scheduler, pages=pages,
                  partition_size=partition_size, mode=_progress_mode(quiet, progress))
    comparison = None
    if previous is not None:
        comparison = _write_comparison(previous, out_dir, db=db, reviewer=settings.reviewer)
    _report_errors(result)
    if not quiet:
        _report_summary(result, comparison, out_dir)
    sys.exit(exit_code(failed=len(result.failures), worst=result.worst,
                       fail_on=settings.fail_on))


def _gather_inputs(inputs: tuple[str, ...], list_files: tuple[str, ...]) -> list[str]:
    """The inputs given as arguments, then those read from each --from-file LIST."""
    all_inputs = list(inputs)
    try:
        for list_file in list_files:
            all_inputs.extend(read_list_file(list_file))
    except TaxcheckError as exc:
        fail(str(exc))
    if not all_inputs:
        raise click.UsageError("give at least one PATH, GLOB or --from-file LIST")
    return all_inputs


def _check_option_combinations(engine: str, *, scheduler: str | None, pages: bool,
                               partition_size: int | None, cache_dir: Path | None,
                               no_cache: bool, compare_dir: Path | None) -> None:
    """Refuse options that contradict each other or that the chosen engine does not use."""
    if no_cache and cache_dir is not None:
        raise click.UsageError("--cache and --no-cache cannot be used together")
    if engine != "dask":
        for name, value in (("--scheduler", scheduler), ("--pages", pages or None),
                            ("--partition-size", partition_size)):
            if value is not None:
                raise click.UsageError(f"{name} needs --engine dask")
    elif cache_dir is not None:
        raise click.UsageError("--cache is not used with --engine dask")
    if compare_dir is not None and engine == "dask":
        raise click.UsageError("--compare is not used with --engine dask")


def _cache_folder(engine: str, *, out_dir: Path, cache_dir: Path | None, no_cache: bool,
                  compare_dir: Path | None) -> Path | None:
    """The cache folder the scan reads and writes, or None without a cache."""
    if no_cache or engine == "dask":
        return None
    if (compare_dir is not None and cache_dir is None
            and (compare_dir / DEFAULT_CACHE_DIR).is_dir()):
        return compare_dir / DEFAULT_CACHE_DIR  # the earlier scan's results, reused
    return cache_dir or out_dir / DEFAULT_CACHE_DIR


def _refuse_outputs_inside_inputs(all_inputs: list[str], *, out_dir: Path,
                                  cache: Path | None) -> None:
    """Fail when --out or the cache lies inside an input folder."""
    for raw in all_inputs:
        folder = input_tree(raw)
        if folder is None:
            continue
        for name, written in (("--out", out_dir), ("--cache", cache)):
            if written is not None and is_inside(written, folder):
                fail(f"{name} {written} is inside the input folder {folder} (of {raw}); "
                     "taxcheck never writes inside its inputs: choose a folder outside it")


def _load_previous(compare_dir: Path | None) -> ScanState | None:
    """The earlier scan given with --compare, or None."""
    if compare_dir is None:
        return None
    try:
        return load_scan(compare_dir)
    except TaxcheckError as exc:
        fail(str(exc))


def _progress_mode(quiet: bool, progress: bool | None) -> str:
    """off, bar (on a terminal or with --progress) or lines."""
    if quiet:
        return "off"
    show_bar = progress if progress is not None else sys.stderr.isatty()
    return "bar" if show_bar else "lines"


def _run(db: ClaimDatabase, options: ScanOptions, *, engine: str, scheduler: str | None,
         pages: bool, partition_size: int | None, mode: str) -> ScanResult:
    """Run the scan on the chosen engine; exit 130 on Ctrl-C or SIGTERM, 2 on errors."""
    old_handler = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        if engine == "dask":
            from taxcheck.scan.dask_engine import run_dask_scan

            with OutputLock(options.out_dir):  # run_scan takes it itself
                return run_dask_scan(db, options, scheduler=scheduler, pages=pages,
                                     partition_bytes=partition_size)
        return run_scan(db, options, progress=mode)  # type: ignore[arg-type]
    except KeyboardInterrupt as exc:
        what = "terminated" if isinstance(exc, _Terminated) else "interrupted"
        click.echo(f"taxcheck: {what}: the previous outputs in {options.out_dir} are "
                   "unchanged; rerun the same command to resume (checked articles are "
                   "cached)", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except TaxcheckError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write outputs in {options.out_dir}: {exc}")
    finally:
        signal.signal(signal.SIGTERM, old_handler)


def _write_comparison(previous: ScanState, out_dir: Path, *, db: ClaimDatabase,
                      reviewer: str | None) -> Comparison:
    """Compare this scan with the earlier one and write changes.html and changes.jsonl."""
    try:
        comparison = compare(previous, load_scan(out_dir))
        write_changes(out_dir, comparison, claims_version=db.version, reviewer=reviewer)
    except TaxcheckError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write outputs in {out_dir}: {exc}")
    return comparison


def _report_errors(result: ScanResult) -> None:
    """One line per input that could not be checked; a warning when none was found."""
    for failure in result.failures:
        click.echo(f"taxcheck: error: {failure['path']}: {failure['reason']}", err=True)
    if not result.work["inputs"]:
        click.echo("taxcheck: warning: no articles found (folders are searched for "
                   f"{', '.join(sorted(scannable_suffixes()))} files)", err=True)


def _report_summary(result: ScanResult, comparison: Comparison | None, out_dir: Path) -> None:
    """The totals line, why articles were re-checked, and where the outputs are."""
    totals = result.totals
    work = result.work
    contradictions = totals.get("contradictions", 0)
    click.echo(
        f"scanned {work['inputs']:,} article{'s' * (work['inputs'] != 1)} "
        f"({work['checked']:,} checked, "
        f"{work['cached']:,} from cache, {work['failed']:,} failed) in "
        f"{result.timings['total_seconds']:.1f}s: {totals.get('false', 0)} false, "
        f"{totals.get('outdated', 0)} outdated, {totals.get('misleading', 0)} misleading, "
        f"{totals.get('myth', 0)} debunked myths, {totals.get('accurate', 0)} verified, "
        f"{contradictions} contradiction{'s' * (contradictions != 1)}",
        err=True)
    for line in recheck_lines(result):
        click.echo(line, err=True)
    if comparison is not None:
        click.echo(comparison.line(), err=True)
        click.echo(f"changes: {out_dir / CHANGES_HTML}", err=True)
    click.echo(f"index: {out_dir / INDEX}", err=True)
    click.echo(f"summary: {out_dir / SUMMARY}", err=True)
