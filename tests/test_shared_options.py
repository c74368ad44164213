"""`check` and `scan` read the configuration the same way, through the same options."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import invoke

ARTICLE = """# Retirement limits for 2026

The 401(k) deferral limit for 2026 is $23,000.

Anyone can roll a 401(k) loss into an IRA and deduct it.
"""
SHARED = ("--config", "--tax-year", "--claims", "--enable", "--disable", "--max-bytes",
          "--fail-on", "--reviewer")


def claim_ids(out: Path) -> set[str]:
    lines = (out / "findings.jsonl").read_text().splitlines()
    return {json.loads(line)["claim_id"] for line in lines if line.strip()}


def write_article(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.md").write_text(ARTICLE)
    return folder


def test_scan_honours_a_disable_in_the_configuration_like_check(tmp_path):
    plain = write_article(tmp_path / "plain")
    configured = write_article(tmp_path / "configured")
    (configured / ".taxcheck.toml").write_text(
        "tax_year = 2026\ndisable = ['retirement-loss-rollover']\n")
    (plain / ".taxcheck.toml").write_text("tax_year = 2026\n")
    invoke("scan", str(plain), "--out", str(tmp_path / "out-plain"), "-j", "1", "-q")
    invoke("scan", str(configured), "--out", str(tmp_path / "out-conf"), "-j", "1", "-q")
    assert "retirement-loss-rollover" in claim_ids(tmp_path / "out-plain")
    assert "retirement-loss-rollover" not in claim_ids(tmp_path / "out-conf")
    assert "elective-deferral-limit" in claim_ids(tmp_path / "out-conf")
    check = invoke("check", str(configured / "article.md"), "--format", "json")
    found = {f["claim_id"] for r in json.loads(check.stdout) for f in r["findings"]}
    assert found == claim_ids(tmp_path / "out-conf")


def test_a_changed_selection_is_not_served_from_the_cache(tmp_path):
    folder = write_article(tmp_path / "articles")
    config = folder / ".taxcheck.toml"
    config.write_text("tax_year = 2026\n")
    out = tmp_path / "out"
    invoke("scan", str(folder), "--out", str(out), "-j", "1", "-q")
    assert "retirement-loss-rollover" in claim_ids(out)
    config.write_text("tax_year = 2026\ndisable = ['retirement-loss-rollover']\n")
    invoke("scan", str(folder), "--out", str(out), "-j", "1", "-q")
    assert "retirement-loss-rollover" not in claim_ids(out)


def test_scan_options_override_the_configuration(tmp_path):
    folder = write_article(tmp_path / "articles")
    (folder / ".taxcheck.toml").write_text("tax_year = 2026\nfail_on = 'never'\n")
    result = invoke("scan", str(folder), "--out", str(tmp_path / "a"), "-j", "1", "-q")
    assert result.returncode == 0  # fail_on = never from the file
    result = invoke("scan", str(folder), "--out", str(tmp_path / "b"), "-j", "1", "-q",
                    "--fail-on", "warning", "--enable", "contribution-limits")
    assert result.returncode == 1  # the outdated figure is a warning
    assert claim_ids(tmp_path / "b") == {"elective-deferral-limit"}


def test_scan_refuses_an_unknown_claim_and_a_broken_configuration(tmp_path):
    folder = write_article(tmp_path / "articles")
    result = invoke("scan", str(folder), "--out", str(tmp_path / "out"), "--disable",
                    "retirement-loss-rolover")
    assert result.returncode == 2
    assert "TC305" in result.stderr and "retirement-loss-rolover" in result.stderr
    (folder / ".taxcheck.toml").write_text("tax_yaer = 2026\n")
    result = invoke("scan", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert re.search(r"\.taxcheck\.toml:1: TC302 unknown key 'tax_yaer'", result.stderr)
    assert not (tmp_path / "out").exists()


def test_inputs_under_different_configurations_are_refused(tmp_path):
    one = write_article(tmp_path / "one")
    two = write_article(tmp_path / "two")
    (one / ".taxcheck.toml").write_text("tax_year = 2026\n")
    (two / ".taxcheck.toml").write_text("tax_year = 2025\n")
    result = invoke("scan", str(one), str(two), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "TC308" in result.stderr and "different configuration files" in result.stderr
    result = invoke("scan", str(one), str(two), "--out", str(tmp_path / "out"), "-q",
                    "-j", "1", "--config", str(one / ".taxcheck.toml"))
    assert result.returncode in (0, 1)


def _help_lines(command: str) -> dict[str, str]:
    text = invoke(command, "--help").stdout
    options: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"\s+(?:-\w, )?(--[\w-]+)", line)
        if m:
            current = m.group(1)
            options[current] = line.strip()
        elif current and line.startswith("     "):
            options[current] += " " + line.strip()
    return options


def test_check_and_scan_describe_the_shared_options_identically():
    check, scan = _help_lines("check"), _help_lines("scan")
    for option in SHARED:
        assert option in check and option in scan, option
        assert check[option] == scan[option], option
