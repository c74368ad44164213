"""Helpers shared by the commands: loading the database, writing outputs, exiting."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from taxcheck.atomic import write_atomic
from taxcheck.claimdb import ClaimDatabase, ClaimDatabaseErrors, load_claims
from taxcheck.errors import TaxcheckError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "claims_option", "fail", "load_db",
           "write_atomic"]

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
