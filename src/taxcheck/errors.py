"""Errors taxcheck reports to users: one line each, with a code and a place.

Codes: TC1xx claim database, TC2xx inputs, TC3xx configuration.
"""

from __future__ import annotations


class TaxcheckError(Exception):
    """An error with a stable code and an optional place (``file:line``)."""

    code = "TC000"

    def __init__(self, message: str, *, where: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        if code:
            self.code = code

    def __str__(self) -> str:
        place = f"{self.where}: " if self.where else ""
        return f"{place}{self.code} {self.message}"


class ClaimDatabaseError(TaxcheckError):
    """A claim database file is malformed."""

    code = "TC100"


class InputError(TaxcheckError):
    """An input file cannot be read as an article."""

    code = "TC200"


class ConfigError(TaxcheckError):
    """A configuration file or value is invalid."""

    code = "TC300"
