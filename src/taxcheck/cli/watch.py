"""``taxcheck watch``: re-check articles whenever they are saved."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from taxcheck.cli.check import print_warnings
from taxcheck.cli.common import EXIT_CLEAN, fail
from taxcheck.cli.options import (
    CHECKING_OPTIONS,
    CheckerPool,
    apply_options,
    min_severity_option,
    overrides,
    resolve_targets,
    use_colour,
)
from taxcheck.errors import ConfigError, InputError
from taxcheck.findings import Report
from taxcheck.readers import READERS, read_path
from taxcheck.render import render_text

WATCHED_SUFFIXES = (".html", ".htm")
"""Suffixes watched in folders besides those with a reader (HTML is read as it comes)."""


def _suffixes() -> set[str]:
    return set(READERS) | set(WATCHED_SUFFIXES)


def articles_in(folder: Path) -> list[Path]:
    """Article files inside ``folder`` (recursively), skipping hidden folders."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in
                  _suffixes() and not any(part.startswith(".") for part in
                                          p.relative_to(folder).parts))


class Watcher:
    """Checks files with checkers built once, and tells which changes concern them."""

    def __init__(self, paths: tuple[Path, ...], cli: dict, config_file: Path | None,
                 min_severity: str | None, colour: bool):
        self.files = {p.absolute() for p in paths if not p.is_dir()}
        self.folders = [p.absolute() for p in paths if p.is_dir()]
        self.cli = cli
        self.config_file = config_file
        self.min_severity = min_severity
        self.colour = colour
        self.pool = CheckerPool()

    def all_files(self) -> list[Path]:
        found = set(self.files)
        for folder in self.folders:
            found.update(articles_in(folder))
        return sorted(found)

    def roots(self) -> list[Path]:
        """Folders to watch: whole folders, and the folder of each file (editors often
        save by writing a new file and renaming it over the old one)."""
        return sorted({*self.folders, *(f.parent for f in self.files)})

    def concerned(self, changed: set[str]) -> list[Path]:
        out = set()
        for raw in changed:
            path = Path(raw).absolute()
            if path in self.files or (
                    path.suffix.lower() in _suffixes()
                    and any(path.is_relative_to(folder) and not any(
                        part.startswith(".") for part in path.relative_to(folder).parts)
                        for folder in self.folders)):
                out.add(path)
        return sorted(out)

    def run(self, files: list[Path]) -> None:
        """Check ``files`` and print the results under a time stamp."""
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        click.echo(f"[{stamp}] checking {len(files)} file{'s' * (len(files) != 1)}")
        existing = [str(f) for f in files if f.is_file()]
        for gone in sorted(set(map(str, files)) - set(existing)):
            click.echo(f"{gone}: removed")
        reports: list[Report] = []
        min_severity = self.min_severity or "warning"
        try:
            targets = resolve_targets(existing, self.cli, self.config_file)
        except ConfigError as exc:  # edited while watching: say so, keep watching
            for error in getattr(exc, "errors", [exc]):
                click.echo(f"taxcheck: error: {error}", err=True)
            return
        for target in targets:
            min_severity = self.min_severity or target.settings.min_severity
            try:
                document = read_path(target.path, max_bytes=target.settings.max_bytes)
            except InputError as exc:
                click.echo(f"taxcheck: error: {exc}", err=True)
                continue
            reports.append(self.pool.checker(target.settings).check(document))
        print_warnings(reports)
        if reports:
            click.echo(render_text(reports, min_severity=min_severity, colour=self.colour),
                       nl=False, color=self.colour)
        sys.stdout.flush()


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...",
                type=click.Path(exists=True, path_type=Path))
@min_severity_option
@apply_options(*CHECKING_OPTIONS)
@click.option("--clear", is_flag=True, help="Clear the screen before each check.")
@click.option("--max-runs", type=click.IntRange(1), default=None, metavar="N",
              help="Stop after N checks, the first one included (for scripts and tests).")
def watch(paths: tuple[Path, ...], min_severity: str | None, config_file: Path | None,
          tax_year: int | None, claims: tuple[Path, ...], enable: tuple[str, ...],
          disable: tuple[str, ...], min_confidence: float | None, max_bytes: int | None,
          clear: bool,
          max_runs: int | None) -> None:
    """Check each PATH (a file, or a folder of articles) now and again whenever it is saved.

    The claim database and the language pipeline are built once; each save
    re-checks the saved files and prints their findings as `taxcheck check` does.
    Settings come from the configuration as for `taxcheck check`. Stop with Ctrl-C.
    Needs the watchfiles package (pip install 'taxcheck[watch]').
    """
    try:
        from watchfiles import watch as watch_changes
    except ImportError:
        fail("taxcheck watch needs the watchfiles package: pip install 'taxcheck[watch]'")
    cli = overrides(tax_year=tax_year, claims=claims, enable=enable, disable=disable,
                    min_confidence=min_confidence, max_bytes=max_bytes)
    colour = use_colour("auto", sys.stdout.isatty())
    watcher = Watcher(paths, cli, config_file, min_severity, colour)
    watcher.run(watcher.all_files())
    runs = 1
    if max_runs is not None and runs >= max_runs:
        sys.exit(EXIT_CLEAN)
    announced = False
    for changes in watch_changes(*watcher.roots(), rust_timeout=500, yield_on_timeout=True,
                                 raise_interrupt=False):
        if not announced:
            # The first (empty) yield means the watcher is running: saves are seen from now.
            click.echo(f"watching {len(watcher.all_files())} file(s) for changes "
                       "(Ctrl-C to stop)")
            sys.stdout.flush()
            announced = True
        files = watcher.concerned({path for _, path in changes})
        if not files:
            continue
        if clear:
            click.clear()
        watcher.run(files)
        runs += 1
        if max_runs is not None and runs >= max_runs:
            break
    sys.exit(EXIT_CLEAN)
