"""The documentation is true: the CLI reference is current, the tutorial runs, the example
workflow's commands work."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, SEED, invoke
from taxcheck.cli.docs import REGENERATE, cli_reference

DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.M | re.S)
MARKER = re.compile(r"^(?:# (?P<yaml>\S+)|<!-- (?P<md>\S+) -->)$")


def test_cli_reference_is_up_to_date():
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert current == cli_reference(), f"docs/cli.md is out of date: run `{REGENERATE}`"


def test_cli_reference_covers_every_command():
    from taxcheck.cli import main
    text = cli_reference()
    for name in main.list_commands(None):  # type: ignore[arg-type]
        assert f"## taxcheck {name}\n" in text


def test_write_your_first_claim_runs_as_written(tmp_path):
    """Write each file the page shows, run each command, compare each output shown."""
    page = (DOCS / "write-your-first-claim.md").read_text(encoding="utf-8")
    last_output: str | None = None
    files = commands = outputs = 0
    for block in FENCE.finditer(page):
        lang, body = block["lang"], block["body"]
        first, _, rest = body.partition("\n")
        marker = MARKER.match(first)
        if lang in ("yaml", "toml", "markdown") and marker:
            target = tmp_path / (marker["yaml"] or marker["md"])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rest if marker["md"] else body, encoding="utf-8")
            files += 1
        elif lang == "sh":
            for line in body.strip().splitlines():
                args = shlex.split(line)
                assert args[0] == "taxcheck"
                result = invoke(*args[1:], cwd=tmp_path)
                assert result.returncode in (0, 1), f"{line}\n{result.stderr}"
                # an example draft gives no date: the one warning says so
                assert all("TC262 no date found" in warning
                           for warning in result.stderr.splitlines()), f"{line}\n{result.stderr}"
                last_output = result.stdout
                commands += 1
        elif lang == "text":
            assert last_output is not None
            assert last_output == body, f"output differs from the page:\n{last_output}"
            outputs += 1
    assert (files, commands, outputs) == (5, 5, 4)


def test_example_workflow_uses_github_annotations_and_sarif_upload():
    workflow = yaml.safe_load((DOCS / "examples" / "github-actions-taxcheck.yml").read_text())
    steps = workflow["jobs"]["taxcheck"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert any("--format github" in r for r in runs)
    sarif_step = next(r for r in runs if "--format sarif" in r)
    upload = next(s for s in steps if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif@"))
    assert f"--output {upload['with']['sarif_file']}" in sarif_step
    assert workflow["permissions"]["security-events"] == "write"


def test_example_workflow_commands_run(tmp_path):
    """Run the workflow's shell steps (after the install) in a repository of articles."""
    workflow = yaml.safe_load((DOCS / "examples" / "github-actions-taxcheck.yml").read_text())
    steps = [s for s in workflow["jobs"]["taxcheck"]["steps"] if "run" in s
             and "pip install" not in s["run"]]
    repo = tmp_path / "site"
    (repo / "articles").mkdir(parents=True)
    (repo / "articles" / "401k.txt").write_text(SEED.read_text())
    (repo / "README.md").write_text("# Site\n\nYou can deduct your 401(k) losses.\n")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    results = [subprocess.run(["bash", "-e", "-c", s["run"]], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=300) for s in steps]
    # the last step fails the job (xargs exits 123 when taxcheck exits 1)
    assert [r.returncode for r in results] == [0, 0, 123]
    assert (repo / "articles.txt").read_text() == "articles/401k.txt\n"  # README left out
    assert '"ruleId": "retirement-loss-rollover"' in (repo / "taxcheck.sarif").read_text()
    assert results[-1].stdout.startswith("::error file=articles/401k.txt,line=25,")
    assert "| error | articles/401k.txt:25:1 |" in summary.read_text()
