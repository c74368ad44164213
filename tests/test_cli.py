"""The check command: formats, exit codes, stdin, errors."""

from __future__ import annotations

import datetime as dt
import json
import re

from conftest import SEED, invoke, run_cli

WRONG = "Title\n\nYou can deduct your 401(k) losses on your tax return.\n"
RIGHT = "Title\n\nYou cannot deduct losses inside your IRA.\n"


def test_text_output_is_linter_style(tmp_path):
    result = invoke("check", str(SEED))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # findings come in source order, then the article's contradictions
    assert lines[0].startswith(f"{SEED}:21:1: error [retirement-loss-rollover] Says you can roll "
                               "401(k) losses into an IRA")
    assert " — false: " in lines[0]
    assert "    correct: Rolling a 401(k) into an IRA" in result.stdout
    assert lines[-2].startswith(f"{SEED}:27:1: warning [contradiction] line 27 contradicts "
                                "line 15: the article first says")
    assert lines[-1] == "5 errors, 0 warnings, 4 verified claims, 1 contradiction in 1 file"


def test_stdin_and_exit_codes():
    """The console command itself (a subprocess): exit codes and standard input."""
    assert run_cli("check", "-", stdin=WRONG).returncode == 1
    clean = run_cli("check", "-", stdin=RIGHT)
    assert clean.returncode == 0
    assert clean.stdout.strip() == "0 errors, 0 warnings, 1 verified claim in 1 file"
    assert run_cli("check", "-", "--fail-on", "never", stdin=WRONG).returncode == 0


def test_min_severity_info_shows_verified_claims():
    result = invoke("check", "-", "--min-severity", "info", stdin=RIGHT)
    assert "info [retirement-loss-not-deductible] verified:" in result.stdout


def test_json_schema():
    result = invoke("check", "-", "--format", "json", stdin=WRONG)
    reports = json.loads(result.stdout)
    assert isinstance(reports, list) and reports[0]["path"] == "<stdin>"
    finding = reports[0]["findings"][0]
    assert finding["claim_id"] == "retirement-loss-deductible"
    assert finding["verdict"] == "false" and finding["severity"] == "error"
    assert finding["text"] == "You can deduct your 401(k) losses on your tax return."
    assert (finding["line"], finding["column"]) == (3, 1)
    assert finding["citations"][0]["url"].startswith("http")
    assert finding["rule"] and finding["correction"]
    assert reports[0]["counts"]["false"] == 1


def test_html_output_file(tmp_path):
    out = tmp_path / "seed.html"
    result = invoke("check", str(SEED), "--format", "html", "--output", str(out))
    assert result.returncode == 1
    page = out.read_text(encoding="utf-8")
    claims = re.findall(r'id="claim-(\d+)"', page)
    notes = re.findall(r'id="note-(\d+)"', page)
    assert claims == notes == [str(n) for n in range(1, 10)]
    assert "<script" not in page  # a page for editors: no ClaimReview
    assert 'href="#note-1"' in page and 'href="#claim-1"' in page
    assert "Rev. Rul. 2008-5" in page


def test_html_escapes_article_text(tmp_path):
    out = tmp_path / "x.html"
    hostile = "Title\n\n<script>alert(1)</script> You can deduct your IRA losses.\n"
    invoke("check", "-", "--format", "html", "-o", str(out), stdin=hostile)
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unreadable_inputs_are_one_line_errors(tmp_path):
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02")
    result = invoke("check", str(missing), str(binary), str(SEED))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert errors == [f"taxcheck: error: {missing}: TC206 no such file",
                      f"taxcheck: error: {binary}: TC202 file is binary, not text",
                      f"taxcheck: warning: {SEED}: TC262 no date found: checked against tax "
                      f"year {dt.date.today().year}"]
    assert "retirement-loss-rollover" in result.stdout
    assert binary.read_bytes() == b"\x00\x01\x02"


def test_usage_errors_exit_2():
    assert run_cli("check").returncode == 2
    assert run_cli("check", str(SEED), "--format", "nope").returncode == 2
