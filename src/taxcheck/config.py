"""Settings: defaults < ``[tool.taxcheck]`` or ``.taxcheck.toml`` < command-line options.

The configuration file is found by walking up from the checked file (or from the
current directory for standard input): in each folder ``.taxcheck.toml`` wins over
``pyproject.toml``, and a ``pyproject.toml`` without a ``[tool.taxcheck]`` table is
passed over. Every value remembers where it came from, so ``taxcheck config`` can
say so. Problems are :class:`ConfigError` lines naming the file and line (TC3xx).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from taxcheck.calibration import DEFAULT_MIN_CONFIDENCE
from taxcheck.errors import ConfigError
from taxcheck.readers import DEFAULT_MAX_BYTES
from taxcheck.render.urls import http_url

CONFIG_FILES = (".taxcheck.toml", "pyproject.toml")
"""Looked for in each folder, in this order."""

OutputFormat = Literal["concise", "github", "html", "json", "jsonl", "sarif", "text"]
OUTPUT_FORMATS: tuple[str, ...] = get_args(OutputFormat)

DEFAULT = "default"
COMMAND_LINE = "command line"

_LIST_KEYS = ("enable", "disable", "claims")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)$|\s*\(at end of document\)$")


class ConfigErrors(ConfigError):
    """Every problem found in a configuration; ``str()`` gives one line per problem."""

    def __init__(self, errors: list[ConfigError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class Settings(BaseModel):
    """The effective settings of one run.

    Attributes:
        tax_year: check figures against this tax year (None: the article's date, else
            this year).
        fail_on: exit 1 when an unsuppressed finding reaches this severity.
        min_severity: the least severe finding shown.
        min_confidence: the least confidence of a finding reported (0 to 1; 0: every
            finding). Confidence is the share of findings of its kind that were right on
            articles taxcheck had not been tuned on (see :mod:`taxcheck.calibration`).
        enable: only these claim ids or topics are reported (empty: all).
        disable: these claim ids or topics are never reported.
        claims: extra (house) claim folders, resolved against the configuration file.
        format: the default output format.
        reviewer: the reviewing person or organization named in HTML and ClaimReview.
        reviewer_url: the reviewer's web site (an http(s) URL), for ClaimReview.
        publish: write pages for readers, with ClaimReview for the problems the reviewer
            stands behind (needs ``reviewer``, ``reviewer_url`` and a page or base URL).
        base_url: where ``scan``'s output folder will be published; each page's URL is
            derived from it.
        max_bytes: inputs larger than this are refused.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    tax_year: int | None = Field(default=None, ge=1990, le=2100)
    fail_on: Literal["error", "warning", "never"] = "error"
    min_severity: Literal["error", "warning", "info"] = "warning"
    min_confidence: float = Field(default=DEFAULT_MIN_CONFIDENCE, ge=0, le=1)
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    claims: tuple[Path, ...] = ()
    format: OutputFormat = "text"
    reviewer: str | None = Field(default=None, min_length=1)
    reviewer_url: str | None = None
    publish: bool = False
    base_url: str | None = None
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, ge=1)

    _origins: dict[str, str] = PrivateAttr(default_factory=dict)
    _config_file: Path | None = PrivateAttr(default=None)

    @field_validator(*_LIST_KEYS, mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str | Path) else value

    @field_validator("reviewer_url", "base_url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and http_url(value) is None:
            raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("publish", mode="before")
    @classmethod
    def _true_or_false(cls, value: object) -> object:
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
        return value

    @field_validator("tax_year", "max_bytes", mode="before")
    @classmethod
    def _whole_number(cls, value: object) -> object:
        if isinstance(value, bool | float) or (isinstance(value, str) and not value.isdigit()):
            raise ValueError("must be a whole number")
        return value

    def origin(self, key: str) -> str:
        """Where ``key``'s value came from: ``default``, ``FILE:LINE`` or ``command line``."""
        return self._origins.get(key, DEFAULT)

    @property
    def config_file(self) -> Path | None:
        """The configuration file that was read, if any."""
        return self._config_file


KEYS = tuple(Settings.model_fields)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """Find the configuration that applies to ``start`` (a file or folder).

    Returns the file and its taxcheck table, or None when no folder up to the
    filesystem root has one.
    """
    start = start.absolute()
    folder = start if start.is_dir() else start.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            table = read_config_table(candidate)
            if table is not None:
                return candidate, table
    return None


def read_config_table(path: Path) -> dict[str, Any] | None:
    """Read the taxcheck table of a configuration file (None: a pyproject without one)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration file ({exc})", where=str(path),
                          code="TC301") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        line = m.group(1) if m and m.group(1) else str(text.count("\n") + 1)
        problem = _TOML_POSITION.sub("", message)
        raise ConfigError(f"invalid TOML: {problem}", where=f"{path}:{line}",
                          code="TC301") from None
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("taxcheck")
    if table is not None and not isinstance(table, dict):
        raise ConfigError("[tool.taxcheck] must be a table", where=str(path), code="TC307")
    return table


def _key_line(path: Path, key: str) -> int:
    """The line where ``key`` is assigned in the file's taxcheck table (best effort)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if path.name == "pyproject.toml":
        for i, line in enumerate(lines):
            if re.match(r"^\s*\[\s*tool\s*\.\s*taxcheck\s*\]", line):
                start = i
                break
    assign = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for i in range(start, len(lines)):
        if assign.match(lines[i]):
            return i + 1
    return start + 1


def _describe(error: dict) -> str:
    msg = error["msg"].removeprefix("Value error, ")
    got = error.get("input")
    if error["type"] not in ("missing",) and not isinstance(got, dict):
        msg = f"{msg} (got {got!r})"
    return msg


def _file_values(path: Path, table: Mapping[str, Any]) -> tuple[dict[str, Any],
                                                                  dict[str, str]]:
    """Check a taxcheck table's keys and values; return values and their origins."""
    errors: list[ConfigError] = []
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        where = f"{path}:{_key_line(path, raw_key)}"
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            errors.append(ConfigError(f"unknown key {raw_key!r} ({hint}known keys: "
                                      f"{', '.join(KEYS)})", where=where, code="TC302"))
            continue
        if key in values:
            errors.append(ConfigError(f"key {raw_key!r} given twice", where=where,
                                      code="TC302"))
            continue
        try:
            Settings.model_validate({key: value})
        except ValidationError as exc:
            for err in exc.errors():
                loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}"
                              for p in err["loc"]).lstrip(".")
                errors.append(ConfigError(f"{loc}: {_describe(err)}", where=where,
                                          code="TC303"))
            continue
        if key == "claims":
            folders = [value] if isinstance(value, str) else value
            resolved = []
            for folder in folders:
                full = (path.parent / folder).resolve()
                if not full.is_dir():
                    errors.append(ConfigError(f"claims: claim folder {folder!r} not found "
                                              f"(looked for {full})", where=where,
                                              code="TC304"))
                resolved.append(full)
            value = resolved
        values[key] = value
        origins[key] = where
    if errors:
        raise ConfigErrors(errors)
    return values, origins


def _given(value: object) -> bool:
    return value is not None and value != () and value != []


def load_settings(start: Path, cli_overrides: Mapping[str, Any] | None = None, *,
                  config_file: Path | None = None) -> Settings:
    """Resolve the settings that apply to ``start`` (a file or a folder).

    Args:
        start: the checked file, or the folder to search from (the current directory
            for standard input).
        cli_overrides: values given on the command line; None or empty means "not given".
        config_file: read this file instead of searching (``--config``).

    Raises:
        ConfigError: the file cannot be read, or has an unknown key or a bad value;
            every problem is listed (one line each).
    """
    if config_file is not None:
        if not config_file.is_file():
            raise ConfigError("configuration file not found", where=str(config_file),
                              code="TC306")
        table = read_config_table(config_file)
        if table is None:
            raise ConfigError("no [tool.taxcheck] table in this file", where=str(config_file),
                              code="TC306")
        found: tuple[Path, dict[str, Any]] | None = (config_file.absolute(), table)
    else:
        found = find_config(start)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    if found is not None:
        values, origins = _file_values(*found)
    for key, value in (cli_overrides or {}).items():
        if key not in KEYS:
            raise ValueError(f"not a setting: {key!r}")
        if _given(value):
            values[key] = value
            origins[key] = COMMAND_LINE
    try:
        settings = Settings.model_validate(values)
    except ValidationError as exc:
        raise ConfigErrors([ConfigError(f"{'.'.join(map(str, e['loc']))}: {_describe(e)}",
                                        where=origins.get(str(e["loc"][0]), COMMAND_LINE),
                                        code="TC303") for e in exc.errors()]) from None
    settings._origins = origins
    settings._config_file = found[0] if found else None
    return settings


def describe_settings(settings: Settings) -> str:
    """The effective settings, one per line, with where each value came from."""
    source = settings.config_file or "none found"
    out = [f"# configuration file: {source}"]
    width = max(len(k) for k in KEYS)
    for key in KEYS:
        value = getattr(settings, key)
        if isinstance(value, tuple):
            shown = "[" + ", ".join(_toml_value(v) for v in value) + "]"
        else:
            shown = _toml_value(value)
        out.append(f"{key:<{width}} = {shown:<24} # {settings.origin(key)}")
    return "\n".join(out) + "\n"


def _toml_value(value: object) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path | str):
        return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)
