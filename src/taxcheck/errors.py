"""Errors taxcheck reports to users: one line each, with a code and a place.

Codes: TC1xx claim database, TC2xx inputs and warnings about them, TC3xx configuration,
TC4xx evaluation corpus. :data:`CODES` is the registry: every code the program reports is
listed there with what it means (a test keeps the source, the registry and the
documentation in step), as spaCy keeps its ``Errors``.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "TC000": "an error without a more specific code",
    # the claim database
    "TC100": "a claim folder is missing, or the claim database is broken",
    "TC101": "a claim file cannot be read",
    "TC102": "a claim file is not valid YAML (or repeats a key)",
    "TC103": "a claim, figure, concept or cue does not match the schema",
    "TC104": ("a claim or figure id is defined twice (or a shared denial is written "
              "differently by its second proposition)"),
    "TC105": "a claim names a concept that concepts.yaml does not define",
    "TC106": "a claim names a figure that figures.yaml does not define",
    "TC107": "cues.yaml names a cue category the candidate builder does not know",
    "TC108": "a house figures.yaml entry changes a year the figure already has",
    "TC109": ("two claims of one fact mirror each other (a condition of one names the same "
              "'all' and 'any' concepts as a condition of the other with the opposite "
              "polarity, whatever their 'none', 'implied', 'anchor', 'stated_year' or "
              "'past'); write them as one proposition with 'negated'"),
    "TC110": ("a concept or cue phrase can never match an article (it holds a typographic "
              "character, such as \u2019, that articles are read without)"),
    "TC111": ("a label of a claim's terms shadows a concepts.yaml label, or lists a phrase "
              "another label lists (a phrase belongs to one label)"),
    "TC112": "a label of a claim's terms is named by none of that claim's conditions",
    # inputs
    "TC200": "an input cannot be read as an article",
    "TC201": "an input is empty, or a page holds no article text",
    "TC202": "an input is binary",
    "TC203": ("an input is not in a text encoding taxcheck can decode, or its file name is "
              "not UTF-8 or holds control characters"),
    "TC204": "an input is larger than --max-bytes",
    "TC205": "an input is a directory, a pipe or a device where a file was expected",
    "TC206": "an input does not exist",
    "TC207": "an input cannot be read (permissions, I/O error)",
    "TC208": "a .docx file is not a Word document, or is corrupt",
    "TC209": "python-docx is not installed",
    "TC210": "a JSON Lines record is not valid JSON",
    "TC211": "a JSON Lines record has no usable text or html",
    "TC212": "scan: the worker process checking an input died",
    "TC213": "reading and checking an input took longer than --timeout-per-doc",
    "TC214": "scan: another scan is writing to the same --out folder",
    "TC215": "scan: a symbolic link leads outside its input folder and is not followed",
    "TC220": "check --fix: the file cannot be rewritten (a Word file, or not UTF-8 text)",
    "TC240": "scan --compare: the earlier scan's outputs are missing or unreadable",
    "TC250": "a suppression comment names no known claim or topic (a warning)",
    "TC251": "a comment starting with taxcheck- is not a known suppression (a warning)",
    "TC252": "a suppression comment silences nothing (a warning)",
    "TC260": "an input is not UTF-8 and was decoded in the encoding named (a warning)",
    "TC261": "NUL bytes after the first 8 KB of an input were removed (a warning)",
    "TC262": "the article gives no date; it was checked against this year (a warning)",
    "TC299": "scan: an internal error while checking an input",
    # configuration
    "TC300": "a configuration error",
    "TC301": "a configuration file cannot be read, or is not valid TOML",
    "TC302": "a configuration file has an unknown or repeated key",
    "TC303": "a configuration value is invalid",
    "TC304": "a configured claim folder does not exist",
    "TC305": "enable or disable names no claim or topic",
    "TC306": "the --config file does not exist or has no [tool.taxcheck] table",
    "TC307": "[tool.taxcheck] is not a table",
    "TC308": "scan: the inputs come under different configuration files",
    # the evaluation corpus (taxcheck eval)
    "TC401": "a gold file cannot be read, is not valid YAML or does not match the schema",
    "TC402": "an evaluation corpus has no gold/ folder",
}


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
