"""Helpers shared by the commands: loading the database, writing outputs, exiting."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import click

from taxcheck.claimdb import ClaimDatabase, ClaimDatabaseErrors, load_claims
from taxcheck.errors import TaxcheckError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

claims_option = click.option(
    "--claims", "claim_dirs", multiple=True, metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Extra claim folder (house rules): adds claims and overrides built-in ones by id. "
         "Repeatable.")


def fail(message: str) -> NoReturn:
    """Print an error line to stderr and exit 2."""
    click.echo(f"taxcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def load_db(claim_dirs: tuple[Path, ...] = ()) -> ClaimDatabase:
    """Load the claim database or exit 2 with one line per problem."""
    try:
        return load_claims(claim_dirs)
    except ClaimDatabaseErrors as exc:
        for error in exc.errors:
            click.echo(f"taxcheck: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    except TaxcheckError as exc:
        fail(str(exc))


def default_file_mode() -> int:
    """The mode a new file gets from ``open()`` under the current umask (e.g. 0o644)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that readers never see it half-written.

    The file gets the usual permissions (as ``open()`` would give it), not the private
    ones of a temporary file, so published pages stay readable by a web server.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, default_file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
