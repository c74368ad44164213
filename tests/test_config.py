"""Configuration: discovery, precedence, origins, and one-line errors naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import invoke
from taxcheck.config import OUTPUT_FORMATS, load_settings
from taxcheck.errors import ConfigError
from taxcheck.render import RENDERERS

WRONG = "Title\n\nYou can deduct your 401(k) losses on your tax return.\n"
AMEND = "Title\n\nYou can file an amended return to claim your 401(k) loss.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_is_found_by_walking_up_from_the_checked_file(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.taxcheck]\ntax_year = 2025\nfail_on = "never"\n')
    article = write(tmp_path / "drafts" / "2026" / "a.md", "# A\n")
    settings = load_settings(article)
    assert settings.tax_year == 2025 and settings.fail_on == "never"
    assert settings.config_file == tmp_path / "pyproject.toml"
    assert settings.origin("tax_year") == f"{tmp_path / 'pyproject.toml'}:2"
    assert settings.origin("min_severity") == "default"


def test_nearest_file_wins_and_taxcheck_toml_beats_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.taxcheck]\ntax_year = 2024\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.taxcheck]\ntax_year = 2025\n")
    write(tmp_path / "sub" / ".taxcheck.toml", "tax_year = 2026\n")
    assert load_settings(tmp_path / "sub" / "x.md").tax_year == 2026
    assert load_settings(tmp_path / "other.md").tax_year == 2024


def test_pyproject_without_a_taxcheck_table_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.taxcheck]\nmin_severity = \"info\"\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    settings = load_settings(tmp_path / "pkg" / "a.txt")
    assert settings.min_severity == "info"
    assert settings.config_file == tmp_path / "pyproject.toml"


def test_no_configuration_gives_defaults(tmp_path):
    settings = load_settings(tmp_path / "a.md")
    assert settings.config_file is None
    assert (settings.fail_on, settings.min_severity, settings.format) == ("error", "warning",
                                                                         "text")
    assert settings.origin("fail_on") == "default"


def test_command_line_overrides_the_file(tmp_path):
    write(tmp_path / ".taxcheck.toml", 'fail-on = "never"\nformat = "json"\n')
    settings = load_settings(tmp_path / "a.md", {"fail_on": "warning", "format": None})
    assert settings.fail_on == "warning" and settings.origin("fail_on") == "command line"
    assert settings.format == "json" and settings.origin("format").endswith(".taxcheck.toml:2")


def test_claims_folders_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "house").mkdir()
    write(tmp_path / "cfg" / ".taxcheck.toml", 'claims = "../house"\n')
    settings = load_settings(tmp_path / "cfg" / "a.md")
    assert settings.claims == ((tmp_path / "house").resolve(),)


def test_every_format_can_be_configured():
    assert set(OUTPUT_FORMATS) == set(RENDERERS)


@pytest.mark.parametrize(("text", "expected"), [
    ("fial_on = 'never'\n",
     ":1: TC302 unknown key 'fial_on' (did you mean 'fail_on'?"),
    ("tax_year = 2025\nmin_severity = 'loud'\n",
     ":2: TC303 min_severity: Input should be 'error', 'warning' or 'info' (got 'loud')"),
    ("tax_year = '2025x'\n", ":1: TC303 tax_year: must be a whole number (got '2025x')"),
    ("tax_year = 1850\n", ":1: TC303 tax_year: Input should be greater than or equal to 1990"),
    ("claims = ['missing']\n", ":1: TC304 claims: claim folder 'missing' not found"),
    ("enable = [\n", ":2: TC301 invalid TOML: "),
])
def test_bad_configuration_is_a_one_line_error_naming_file_and_line(tmp_path, text, expected):
    config = write(tmp_path / ".taxcheck.toml", text)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path / "a.md")
    assert str(info.value).startswith(f"{config}{expected}")
    assert "\n" not in str(info.value)


def test_cli_reports_every_config_problem_and_exits_2(tmp_path):
    config = write(tmp_path / "pyproject.toml",
                   "[project]\nname = 'x'\n\n[tool.taxcheck]\ntax_yaer = 2025\n"
                   "fail_on = 'fatal'\n")
    article = write(tmp_path / "a.txt", WRONG)
    result = invoke("check", str(article))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"taxcheck: error: {config}:5: TC302 unknown key 'tax_yaer' (did you mean 'tax_year'? "
        "known keys: tax_year, fail_on, min_severity, min_confidence, enable, disable, claims, "
        "format, reviewer, reviewer_url, publish, base_url, max_bytes)",
        f"taxcheck: error: {config}:6: TC303 fail_on: Input should be 'error', 'warning' or "
        "'never' (got 'fatal')",
    ]


def test_unknown_claim_in_enable_or_disable_is_an_error(tmp_path):
    config = write(tmp_path / ".taxcheck.toml", "\ndisable = ['retirement-loss-amnded-return']\n")
    result = invoke("check", str(write(tmp_path / "a.txt", WRONG)))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"taxcheck: error: {config}:2: TC305 disable: no claim or topic "
        "'retirement-loss-amnded-return' (did you mean 'retirement-loss-amended-return'?) "
        "(see `taxcheck claims list`)")


def test_config_drives_check_and_the_command_line_overrides_it(tmp_path):
    write(tmp_path / "pyproject.toml",
          '[tool.taxcheck]\nfail_on = "never"\nformat = "json"\n'
          'disable = ["retirement-loss-amended-return"]\n')
    wrong = write(tmp_path / "wrong.txt", WRONG)
    amend = write(tmp_path / "amend.txt", AMEND)
    result = invoke("check", str(wrong), str(amend))
    assert result.returncode == 0  # fail_on = never
    reports = json.loads(result.stdout)  # format = json
    assert [f["claim_id"] for f in reports[0]["findings"]] == ["retirement-loss-deductible"]
    assert reports[1]["findings"] == []  # the amended-return claim is disabled
    again = invoke("check", str(wrong), "--fail-on", "error", "--format", "text")
    assert again.returncode == 1
    assert again.stdout.startswith(f"{wrong}:3:1: error [retirement-loss-deductible]")


def test_enable_keeps_only_the_named_topic_or_claim(tmp_path):
    article = write(tmp_path / "a.txt", WRONG.rstrip() + " " + AMEND.split("\n\n")[1])
    only = invoke("check", str(article), "--enable", "retirement-loss-amended-return")
    assert "[retirement-loss-amended-return]" in only.stdout
    assert "[retirement-loss-deductible]" not in only.stdout
    topic = invoke("check", str(article), "--disable", "retirement-losses")
    assert topic.returncode == 0 and topic.stdout.startswith("0 errors")


def test_stdin_uses_the_configuration_of_the_current_directory(tmp_path):
    write(tmp_path / ".taxcheck.toml", 'fail_on = "never"\n')
    assert invoke("check", "-", stdin=WRONG, cwd=tmp_path).returncode == 0


def test_config_command_shows_values_and_where_they_came_from(tmp_path):
    config = write(tmp_path / "pyproject.toml",
                   '[tool.taxcheck]\ntax_year = 2025\nreviewer = "The Desk"\n')
    result = invoke("config", str(tmp_path), "--min-severity", "info")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"# configuration file: {config}"
    rows = {line.split("=")[0].strip(): line for line in lines[1:]}
    assert rows["tax_year"].split("#")[-1].strip() == f"{config}:2"
    assert '"The Desk"' in rows["reviewer"]
    assert rows["min_severity"].split("#")[-1].strip() == "command line"
    assert rows["fail_on"].split("#")[-1].strip() == "default"
    assert rows["publish"].split("#")[0].split("=")[1].strip() == "false"
    assert set(rows) == {"tax_year", "fail_on", "min_severity", "min_confidence", "enable",
                         "disable", "claims", "format", "reviewer", "reviewer_url", "publish",
                         "base_url", "max_bytes"}


def test_explicit_config_file(tmp_path):
    config = write(tmp_path / "elsewhere.toml", 'min_severity = "error"\n')
    result = invoke("config", "--config", str(config))
    assert result.returncode == 0
    row = next(line for line in result.stdout.splitlines() if line.startswith("min_severity"))
    assert row.split("#")[0].split("=")[1].strip() == '"error"'
    assert row.split("#")[1].strip() == f"{config.absolute()}:1"
    missing = invoke("config", "--config", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2
    assert "TC306 configuration file not found" in missing.stderr


@pytest.mark.parametrize("line, problem", [
    ('publish = "yes"', "publish: must be true or false (got 'yes')"),
    ('reviewer_url = "javascript:alert(1)"',
     "reviewer_url: must be an http:// or https:// URL (got 'javascript:alert(1)')"),
    ('base_url = "/reviews/"', "base_url: must be an http:// or https:// URL (got '/reviews/')"),
])
def test_publish_keys_are_checked(tmp_path, line, problem):
    config = write(tmp_path / ".taxcheck.toml", line + "\n")
    result = invoke("config", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"taxcheck: error: {config}:1: TC303 {problem}\n"
