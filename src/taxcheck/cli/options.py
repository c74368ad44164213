"""Options shared by the commands that read settings, and the checkers they need.

Every option that mirrors a configuration key defaults to None (or empty), so the
configuration file's value applies unless the option is given.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from taxcheck.calibration import DEFAULT_MIN_CONFIDENCE
from taxcheck.checker import Checker
from taxcheck.claimdb import ClaimDatabase
from taxcheck.cli.common import EXIT_ERROR, load_db
from taxcheck.config import COMMAND_LINE, OUTPUT_FORMATS, ConfigErrors, Settings, load_settings
from taxcheck.errors import ConfigError
from taxcheck.selection import ClaimSelection, known_names, suggestion

F = TypeVar("F", bound=Callable[..., Any])

config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Read settings from FILE instead of the nearest .taxcheck.toml or pyproject.toml.")
format_option = click.option(
    "--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default=None,
    help="Output format [default: text, or `format` in the configuration].")
fail_on_option = click.option(
    "--fail-on", type=click.Choice(["error", "warning", "never"]), default=None,
    help="Exit 1 when a finding reaches this severity [default: error].")
min_severity_option = click.option(
    "--min-severity", type=click.Choice(["error", "warning", "info"]), default=None,
    help="Least severe finding shown (info also shows verified claims) [default: warning].")
min_confidence_option = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="0-1",
    help="Report only findings at least this confident: the share of findings of their kind "
         "that were right on articles taxcheck had not been tuned on; 0 reports every "
         f"finding [default: {DEFAULT_MIN_CONFIDENCE}].")
tax_year_option = click.option(
    "--tax-year", type=click.IntRange(1990, 2100), default=None,
    help="Check figures against this tax year [default: the article's date, else this year].")
max_bytes_option = click.option(
    "--max-bytes", type=click.IntRange(1), default=None,
    help="Refuse inputs larger than this [default: 10000000].")
claims_dirs_option = click.option(
    "--claims", "claims", multiple=True, metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Extra claim folder (house rules): adds claims and overrides built-in ones by id. "
         "Repeatable; replaces `claims` from the configuration.")
enable_option = click.option(
    "--enable", multiple=True, metavar="ID",
    help="Report only these claim ids or topics. Repeatable.")
disable_option = click.option(
    "--disable", multiple=True, metavar="ID",
    help="Never report these claim ids or topics. Repeatable.")
color_option = click.option(
    "--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto",
    show_default=True,
    help="Colour the text output: auto colours a terminal unless NO_COLOR is set.")
reviewer_option = click.option(
    "--reviewer", default=None, metavar="NAME",
    help="The reviewing person or organization named in HTML reports and ClaimReview.")

compare_option = click.option(
    "--compare", "compare_dir", metavar="PREVIOUS_OUT",
    type=click.Path(file_okay=False, path_type=Path),
    help="After the scan, list what changed since the scan whose --out was PREVIOUS_OUT "
         "(it may be --out itself): changes.html and changes.jsonl in --out, one line in "
         "the summary. Without --cache, PREVIOUS_OUT's cache is used when it has one.")
reviewer_url_option = click.option(
    "--reviewer-url", default=None, metavar="URL",
    help="The reviewer's web site (http or https), named in ClaimReview.")
publish_option = click.option(
    "--publish/--no-publish", default=None,
    help="Pages for readers: ClaimReview for the problems the reviewer stands behind, no "
         "editor details. Needs --reviewer and --reviewer-url [default: `publish` in the "
         "configuration, else off].")
page_url_option = click.option(
    "--page-url", default=None, metavar="URL",
    help="Where the HTML review page will be published (http or https); needed with "
         "--publish.")
base_url_option = click.option(
    "--base-url", default=None, metavar="URL",
    help="Where the --out folder will be published (http or https); each page's URL is "
         "derived from it. Needed with --publish.")

PUBLISH_OPTIONS = (reviewer_option, reviewer_url_option, publish_option)
"""Options that say who publishes the review pages."""

CHECKING_OPTIONS = (config_option, tax_year_option, claims_dirs_option, enable_option,
                    disable_option, min_confidence_option, max_bytes_option)
"""Options that decide what is checked and how."""


def apply_options(*options: Callable[[F], F]) -> Callable[[F], F]:
    """Apply click options in the order listed (the order --help shows)."""
    def decorate(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func
    return decorate


def use_colour(choice: str, stream_is_terminal: bool) -> bool:
    """Whether to colour output: ``always``/``never`` as asked; ``auto`` on a terminal
    unless the ``NO_COLOR`` environment variable is set (to anything but empty)."""
    if choice != "auto":
        return choice == "always"
    return stream_is_terminal and not os.environ.get("NO_COLOR")


def overrides(**values: Any) -> dict[str, Any]:
    """The settings given on the command line (None and empty mean "not given")."""
    return {k: v for k, v in values.items() if v is not None and v != ()}


def fail_config(exc: ConfigError) -> NoReturn:
    """Print one line per configuration problem and exit 2."""
    errors = exc.errors if isinstance(exc, ConfigErrors) else [exc]
    for error in errors:
        click.echo(f"taxcheck: error: {error}", err=True)
    sys.exit(EXIT_ERROR)


def settings_for(path: str, cli: dict[str, Any], config_file: Path | None) -> Settings:
    """The settings for one input path (``-``: the current directory), or exit 2."""
    start = Path.cwd() if path == "-" else Path(path)
    try:
        return load_settings(start, cli, config_file=config_file)
    except ConfigError as exc:
        fail_config(exc)


@dataclass(frozen=True)
class Target:
    """An input path and the settings that apply to it."""

    path: str
    settings: Settings


def resolve_targets(paths: tuple[str, ...] | list[str], cli: dict[str, Any],
                    config_file: Path | None) -> list[Target]:
    """Find the settings of every path (one lookup per folder).

    Raises:
        ConfigError: a configuration file is broken (see :func:`fail_config`).
    """
    by_folder: dict[Path, Settings] = {}
    out = []
    for path in paths:
        start = Path.cwd() if path == "-" else Path(path).absolute()
        folder = start if start.is_dir() else start.parent
        if folder not in by_folder:
            by_folder[folder] = load_settings(start, cli, config_file=config_file)
        out.append(Target(path, by_folder[folder]))
    return out


def publish_problem(settings: Settings, **urls: str | None) -> str | None:
    """What ``--publish`` is missing, in one line (None when nothing is).

    ``urls`` are the page URL options the command needs (``page_url`` for ``check``,
    ``base_url`` for ``scan``), with their values.
    """
    if not settings.publish:
        return None
    needed = {"--reviewer NAME": settings.reviewer,
              "--reviewer-url URL": settings.reviewer_url,
              **{f"--{name.replace('_', '-')} URL": value for name, value in urls.items()}}
    missing = [option for option, value in needed.items() if not value]
    if not missing:
        return None
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    origin = settings.origin("publish")
    asked = "--publish" if origin == COMMAND_LINE else f"publish = true ({origin})"
    return f"{asked} needs {listed}: a published review names its reviewer and its address"


def selection_errors(settings: Settings, db: ClaimDatabase) -> list[ConfigError]:
    """``enable``/``disable`` names that are neither a claim id nor a topic."""
    known = known_names(db)
    errors = []
    for key in ("enable", "disable"):
        for name in getattr(settings, key):
            if name not in known:
                errors.append(ConfigError(
                    f"{key}: no claim or topic {name!r}{suggestion(name, db)} "
                    "(see `taxcheck claims list`)",
                    where=settings.origin(key), code="TC305"))
    return errors


def scan_settings(inputs: list[str], cli: dict[str, Any], config_file: Path | None) -> Settings:
    """The one set of settings for a scan's inputs (each folder or file; a glob or a
    list from standard input: the current directory), or exit 2.

    Inputs under different configuration files cannot share one run: exit 2 naming them.
    """
    starts = [raw if Path(raw).exists() else "-" for raw in inputs]
    try:
        targets = resolve_targets(starts, cli, config_file)
    except ConfigError as exc:
        fail_config(exc)
    files = sorted({str(t.settings.config_file) for t in targets
                    if t.settings.config_file is not None})
    if len({t.settings.config_file for t in targets}) > 1:
        fail_config(ConfigError(
            "inputs come under different configuration files "
            f"({', '.join(files)}); scan them apart, or choose one with --config",
            code="TC308"))
    return targets[0].settings


class CheckerPool:
    """Checkers built on demand, one per distinct database, tax year and selection.

    Usually every input shares one configuration, so one pipeline is built.
    """

    def __init__(self) -> None:
        self._dbs: dict[tuple[Path, ...], ClaimDatabase] = {}
        self._checkers: dict[tuple, Checker] = {}

    def db(self, settings: Settings) -> ClaimDatabase:
        """The claim database of ``settings`` (exits 2 when it is broken)."""
        if settings.claims not in self._dbs:
            self._dbs[settings.claims] = load_db(settings.claims)
        return self._dbs[settings.claims]

    def selection(self, settings: Settings) -> ClaimSelection:
        """The claims ``settings`` report (exits 2 naming unknown claim ids and topics)."""
        errors = selection_errors(settings, self.db(settings))
        if errors:
            fail_config(ConfigErrors(errors))
        return ClaimSelection(enable=settings.enable, disable=settings.disable,
                              min_confidence=settings.min_confidence)

    def checker(self, settings: Settings) -> Checker:
        """The checker for ``settings``."""
        key = (settings.claims, settings.tax_year, settings.enable, settings.disable,
               settings.min_confidence)
        if key not in self._checkers:
            self._checkers[key] = Checker(self.db(settings), tax_year=settings.tax_year,
                                          selection=self.selection(settings))
        return self._checkers[key]
