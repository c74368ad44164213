"""The pre-commit hook: its definition is valid, and `pre-commit try-repo` runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from pre_commit.clientlib import load_manifest

from conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def test_hook_definition_is_valid_and_selects_articles():
    hooks = load_manifest(str(HOOKS))
    assert [h["id"] for h in hooks] == ["taxcheck"]
    hook = hooks[0]
    assert hook["entry"] == "taxcheck check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("post.md", "docs/a.markdown", "draft.txt", "page.html", "page.htm"):
        assert files.search(name), name
    for name in ("setup.py", "claims.yaml", "notes.mdx", "style.css"):
        assert not files.search(name), name


def _git_checkout() -> bool:
    probe = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=ROOT,
                           capture_output=True, text=True)
    return probe.returncode == 0


@pytest.mark.slow  # installs pre-commit and the hook into a fresh environment
@pytest.mark.skipif(not _git_checkout(), reason="pre-commit try-repo needs a git checkout")
def test_pre_commit_try_repo_runs_the_hook(tmp_path):
    # try-repo installs this repository (its committed files, plus changes to tracked
    # files) into a fresh environment, then runs the hook as a user's repository would.
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", ".", "taxcheck", "--files",
         "corpus/seed-401k-losses.txt", "pyproject.toml"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"^taxcheck \(fact-check tax claims\)\.+Failed$", output, re.M), output
    assert "- exit code: 1" in output
    assert ("corpus/seed-401k-losses.txt:21:1: error [retirement-loss-rollover] Says "
            in output)
    assert "5 errors, 0 warnings, 4 verified claims, 1 contradiction in 1 file" in output
