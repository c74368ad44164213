"""Linter conventions: --color and NO_COLOR, --format concise, --statistics, "did you
mean", and claim commands that read the configured claim folders."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, invoke

HOUSE = ROOT / "tests" / "data" / "house-claims"
ARTICLE = """# Retirement limits for 2026

The 401(k) deferral limit for 2026 is $23,000.

The IRA contribution limit is $6,500 for 2026.

Anyone can roll a 401(k) loss into an IRA and deduct it.

Also, you can roll your 401(k) losses into an IRA.
"""
ESC = "\x1b["


def article(tmp_path: Path) -> Path:
    (tmp_path / ".taxcheck.toml").write_text("tax_year = 2026\n")
    path = tmp_path / "limits.md"
    path.write_text(ARTICLE)
    return path


def test_color_always_never_and_no_color(tmp_path):
    path = str(article(tmp_path))
    assert ESC in invoke("check", path, "--color", "always").stdout
    assert ESC not in invoke("check", path, "--color", "never").stdout
    # auto: not a terminal here, so no colour; NO_COLOR never overrides an explicit choice
    assert ESC not in invoke("check", path).stdout
    assert ESC in invoke("check", path, "--color", "always", env={"NO_COLOR": "1"}).stdout


def test_no_color_turns_auto_off_on_a_terminal():
    import os

    from taxcheck.cli.options import use_colour

    saved = os.environ.pop("NO_COLOR", None)
    try:
        assert use_colour("auto", True)
        assert not use_colour("auto", False)
        os.environ["NO_COLOR"] = "1"
        assert not use_colour("auto", True)
        assert use_colour("always", False)
        os.environ["NO_COLOR"] = ""
        assert use_colour("auto", True)  # empty means unset
    finally:
        os.environ.pop("NO_COLOR", None)
        if saved is not None:
            os.environ["NO_COLOR"] = saved


def test_concise_format_is_one_line_per_finding(tmp_path):
    path = article(tmp_path)
    result = invoke("check", str(path), "--format", "concise", "--min-confidence", "0")
    lines = result.stdout.splitlines()
    # messages say what the article claims, then why it is wrong
    assert lines[0].startswith(f"{path}:3:1: elective-deferral-limit [*] outdated: Says ")
    assert "— outdated: $23,000 was the figure for 2024" in lines[0]
    assert lines[1].startswith(f"{path}:5:1: ira-limit [*] false: Says ")
    assert "$6,500 — false: it is $7,500" in lines[1]
    assert any(line.startswith(f"{path}:7:1: retirement-loss-rollover false: ")
               for line in lines)
    assert lines[-1].endswith("(2 fixable with --fix)")
    assert all(line.startswith(str(path)) for line in lines[:-1])
    assert result.returncode == 1


def test_statistics_count_findings_per_claim(tmp_path):
    path = article(tmp_path)
    result = invoke("check", str(path), "--statistics", "--min-confidence", "0")
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[0][:2] == ["2", "retirement-loss-rollover"]
    assert ["1", "ira-limit", "[*]", "false"] in rows
    assert ["1", "elective-deferral-limit", "[*]", "outdated"] in rows
    assert result.returncode == 1


def test_unknown_claim_ids_get_a_suggestion(tmp_path):
    path = str(article(tmp_path))
    result = invoke("check", path, "--disable", "retirement-loss-rolover")
    assert result.returncode == 2
    assert "did you mean 'retirement-loss-rollover'?" in result.stderr
    result = invoke("claims", "show", "ira-limt")
    assert result.returncode == 2
    assert "did you mean 'ira-limit'?" in result.stderr
    (tmp_path / ".taxcheck.toml").write_text("tax_year = 2026\nenable = ['ira-limt']\n")
    result = invoke("check", path)
    assert result.returncode == 2
    assert ".taxcheck.toml:2: TC305 enable: no claim or topic 'ira-limt' (did you mean " \
           "'ira-limit'?)" in result.stderr


def test_claim_commands_read_the_configured_claim_folders(tmp_path):
    (tmp_path / ".taxcheck.toml").write_text(f'claims = ["{HOUSE}"]\n')
    shown = invoke("claims", "show", "house-capital-loss-unlimited-offset", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "capital-losses.yaml" in shown.stdout
    tested = invoke("claims", "test", "house-capital-loss-unlimited-offset", cwd=tmp_path)
    assert tested.returncode == 0 and "passed, 0 failed (1 claims)" in tested.stdout
    listed = invoke("claims", "list", "--topic", "house-capital-losses", cwd=tmp_path)
    assert "house-capital-loss-unlimited-offset" in listed.stdout
    validated = invoke("claims", "validate", cwd=tmp_path)
    builtin = invoke("claims", "validate", cwd=tmp_path / "..")
    assert validated.stdout.split()[1] != builtin.stdout.split()[1]  # more claims
    # without the configuration the house claim is unknown
    outside = invoke("claims", "show", "house-capital-loss-unlimited-offset",
                     cwd=tmp_path.parent)
    assert outside.returncode == 2


def test_claim_commands_report_a_broken_configuration(tmp_path):
    (tmp_path / ".taxcheck.toml").write_text('claims = ["missing"]\n')
    result = invoke("claims", "validate", cwd=tmp_path)
    assert result.returncode == 2
    assert ".taxcheck.toml:1: TC304 claims: claim folder 'missing' not found" in result.stderr
