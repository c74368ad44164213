"""`check --fix` / `--diff`: wrong figures corrected in place, and SARIF `fixes`."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import jsonschema

from conftest import ROOT, invoke
from taxcheck.findings import Fix
from taxcheck.fixes import apply_fixes

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())

THREE = """# Retirement limits for 2026

The 401(k) deferral limit for 2026 is $23,000 (see your plan).

The IRA contribution limit is $6,500 for 2026; check with your plan for $6,500 matches.

You can deduct up to $2,000 of net capital losses against ordinary income each year.

Anyone can roll a 401(k) loss into an IRA and deduct it.
"""
FIXED = (THREE.replace("is $23,000", "is $24,500").replace("is $6,500", "is $7,500")
         .replace("up to $2,000", "up to $3,000"))


def article(tmp_path: Path, text: str = THREE, name: str = "limits.md") -> Path:
    # every finding: $6,500 matches no year's figure, reported from confidence 0
    (tmp_path / ".taxcheck.toml").write_text("tax_year = 2026\nmin_confidence = 0\n")
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def test_fix_changes_exactly_the_three_wrong_figures_and_a_second_run_finds_none(tmp_path):
    path = article(tmp_path)
    os.chmod(path, 0o640)
    result = invoke("check", str(path), "--fix")
    assert path.read_text() == FIXED  # the other $6,500 is no figure of a claim: kept
    assert "fixed 3 figures in" in result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".limits")] == []
    # what is left is reported: the wrong rule, not the figures now right
    assert "retirement-loss-rollover" in result.stdout
    assert "elective-deferral-limit" not in result.stdout
    assert result.returncode == 1
    again = invoke("check", str(path), "--fix")
    assert "fixed" not in again.stderr
    assert path.read_text() == FIXED
    diff = invoke("check", str(path), "--diff")
    assert diff.returncode == 0 and diff.stdout == ""
    assert "would fix 0 figures in 0 files" in diff.stderr


def test_diff_shows_the_changes_and_writes_nothing(tmp_path):
    path = article(tmp_path)
    result = invoke("check", str(path), "--diff")
    assert result.returncode == 1
    assert path.read_text() == THREE
    minus = [line for line in result.stdout.splitlines() if line.startswith("-") and
             not line.startswith("---")]
    plus = [line for line in result.stdout.splitlines() if line.startswith("+") and
            not line.startswith("+++")]
    assert len(minus) == len(plus) == 3
    assert "+The 401(k) deferral limit for 2026 is $24,500 (see your plan)." in result.stdout
    assert f"--- a/{path}" in result.stdout
    assert "would fix 3 figures in 1 file" in result.stderr


def test_fix_keeps_line_endings_and_the_byte_order_mark(tmp_path):
    text = "\ufeffThe IRA limit is $6,500 for 2026.\r\nSee you next week.\r\n"
    path = article(tmp_path, text, "crlf.txt")
    invoke("check", str(path), "--fix")
    assert path.read_bytes() == text.replace("$6,500", "$7,500").encode()


def test_amounts_not_written_in_plain_digits_are_left_to_people(tmp_path):
    text = ("# Limits\n\nThe IRA contribution limit is $6.5k for 2026.\n\n"
            "The 401(k) deferral limit for 2026 is twenty-three thousand dollars.\n")
    path = article(tmp_path, text)
    result = invoke("check", str(path), "--diff")
    assert result.returncode == 0 and result.stdout == ""
    report = json.loads(invoke("check", str(path), "--format", "json").stdout)
    findings = report[0]["findings"]
    assert {f["claim_id"] for f in findings} >= {"ira-limit"}
    assert all(f["fix"] is None for f in findings)


def test_suppressed_findings_are_not_fixed(tmp_path):
    text = THREE.replace("The IRA contribution", "<!-- taxcheck-disable-next-line ira-limit -->"
                         "\nThe IRA contribution")
    path = article(tmp_path, text)
    invoke("check", str(path), "--fix")
    fixed = path.read_text()
    assert "is $6,500 for 2026" in fixed
    assert "is $24,500" in fixed


def test_fix_refuses_standard_input_and_word_files(tmp_path):
    result = invoke("check", "-", "--fix", stdin="The IRA limit is $6,500 for 2026.")
    assert result.returncode == 2
    assert "standard input" in result.stderr


def test_a_fix_whose_text_moved_is_skipped():
    fix = Fix(start=4, end=10, line=1, column=5, end_line=1, end_column=11, original="$6,500",
              replacement="$7,500")
    text, applied, _ = apply_fixes("The $6,500 limit", [fix])
    assert text == "The $7,500 limit" and applied == [fix]
    text, applied, skipped = apply_fixes("The limit: $6,500", [fix])  # edited since
    assert text == "The limit: $6,500" and applied == [] and len(skipped) == 1


def test_sarif_results_carry_the_fix_and_validate(tmp_path):
    path = article(tmp_path)
    log = json.loads(invoke("check", str(path), "--format", "sarif").stdout)
    jsonschema.validate(log, SCHEMA)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    change = results["ira-limit"]["fixes"][0]["artifactChanges"][0]
    replacement = change["replacements"][0]
    assert replacement["insertedContent"]["text"] == "$7,500"
    region = replacement["deletedRegion"]
    line = THREE.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "$6,500"
    assert change["artifactLocation"]["uri"].endswith("limits.md")
    assert "fixes" not in results["retirement-loss-rollover"]
