"""Shared fixtures: one claim database and one pipeline for the whole session."""

from __future__ import annotations

import contextlib
import inspect
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from taxcheck.checker import Checker
from taxcheck.claimdb import load_claims
from taxcheck.findings import Report
from taxcheck.readers import read_bytes

# The compiled claim-database cache of this test session (shared with the subprocesses it
# starts), instead of the user's own cache folder. Under pytest-xdist every worker has its
# own (a worker inherits the controller's variable; one made by a test session is replaced),
# so no worker removes a folder another one is still using.
_PREFIX = "taxcheck-tests-"
if "TAXCHECK_CACHE_DIR" not in os.environ or (
        os.environ.get("PYTEST_XDIST_WORKER")
        and Path(os.environ["TAXCHECK_CACHE_DIR"]).name.startswith(_PREFIX)):
    os.environ["TAXCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix=_PREFIX)
_CACHE = os.environ["TAXCHECK_CACHE_DIR"]


def pytest_sessionfinish(session, exitstatus):
    if Path(_CACHE).name.startswith(_PREFIX):
        shutil.rmtree(_CACHE, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    """Run the tests marked ``slow`` first (a stable sort: otherwise in file order). Under
    pytest-xdist (``make test``), a test of a minute handed out last would be the whole
    run's tail; handed out first, the other worker takes the short tests meanwhile."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "seed-401k-losses.txt"


@pytest.fixture(scope="session")
def db():
    return load_claims()


@pytest.fixture(scope="session")
def checker(db):
    return Checker(db, tax_year=2026)


@pytest.fixture(scope="session")
def check_text(checker):
    """Check a snippet of article text (as the body of a plain-text article)."""

    def run(text: str, suffix: str = ".txt") -> Report:
        if suffix == ".txt":
            text = "Title\n\n" + text
        return checker.check(read_bytes(text.encode(), f"snippet{suffix}"))

    return run


@pytest.fixture(scope="session")
def problems_in_body(checker):
    """The claims of the problems (not accurate, not a quoted myth) found in a body of
    Markdown under a title and a 2026 date."""

    def run(body: str) -> set[str]:
        text = f"---\ntitle: Retirement notes\ndate: 2026-03-02\n---\n\n{body}\n"
        report = checker.check(read_bytes(text.encode(), "article.md"))
        return {f.claim_id for f in report.findings
                if f.verdict != "accurate" and f.framing != "myth"}

    return run


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None):
    """Run the real ``taxcheck`` command in a subprocess."""
    return subprocess.run([sys.executable, "-m", "taxcheck", *args], input=stdin,
                          capture_output=True, text=True, cwd=cwd or ROOT, timeout=300)


def invoke(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None,
           env: dict[str, str | None] | None = None) -> SimpleNamespace:
    """Run the real ``taxcheck`` command line in this process (no interpreter start-up).

    Returns ``returncode``, ``stdout`` and ``stderr`` like :func:`run_cli`.
    ``$GITHUB_STEP_SUMMARY`` is unset unless ``env`` sets it.
    """
    from click.testing import CliRunner

    from taxcheck.cli import main

    options = {"mix_stderr": False} if "mix_stderr" in inspect.signature(CliRunner).parameters \
        else {}
    runner = CliRunner(**options)
    with contextlib.chdir(cwd or ROOT):
        result = runner.invoke(main, list(args), input=stdin, catch_exceptions=False,
                               env={"GITHUB_STEP_SUMMARY": None, **(env or {})})
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout,
                           stderr=result.stderr)
