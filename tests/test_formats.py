"""CI formats: GitHub workflow commands and step summary, SARIF 2.1.0, JSON Lines."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft7Validator

from conftest import ROOT, SEED, invoke
from taxcheck.readers import read_bytes
from taxcheck.render.github import escape_data, escape_property
from taxcheck.render.sarif import render_sarif, rule_name

HOUSE = ROOT / "tests" / "data" / "house-claims"
SEED_REL = "corpus/seed-401k-losses.txt"  # as a user in the repository root types it
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())

# GitHub's workflow-command syntax: ::command prop=value,...::message, where property
# values may not hold a raw ',' ':' CR or LF, the message no raw CR or LF, and '%'
# only starts one of the escapes.
_ESCAPED = r"(?:[^%\r\n]|%25|%0D|%0A)"
_PROP_VALUE = r"(?:[^%,:\r\n]|%25|%0D|%0A|%3A|%2C)*"
ANNOTATION = re.compile(
    rf"^::(?P<command>error|warning|notice) "
    rf"file=(?P<file>{_PROP_VALUE}),line=(?P<line>\d+),endLine=(?P<endLine>\d+),"
    rf"col=(?P<col>\d+),endColumn=(?P<endColumn>\d+),title=(?P<title>{_PROP_VALUE})"
    rf"::(?P<message>{_ESCAPED}*)$")


def unescape(value: str) -> str:
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, ch)
    return value


def test_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_property("a,b: 100%\n") == "a%2Cb%3A 100%25%0A"


def test_github_annotations_match_the_syntax_and_round_trip(tmp_path):
    article = tmp_path / "odd, name: draft.md"
    article.write_text("# T\n\nYou can deduct 100% of your 401(k) losses on your tax return.\n")
    result = invoke("check", str(article), "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "1 error, 0 warnings, 0 verified claims in 1 file"
    m = ANNOTATION.match(lines[0])
    assert m, lines[0]
    assert m["command"] == "error"
    assert unescape(m["file"]) == str(article)
    assert (m["line"], m["endLine"], m["col"], m["endColumn"]) == ("3", "3", "1", "62")
    assert unescape(m["title"]) == "taxcheck [retirement-loss-deductible] false"
    message = unescape(m["message"]).split("\n")
    # the annotation says what the article claims, never the wrong rule on its own
    assert message[0] == ("Says losses inside a 401(k) or IRA can be deducted on your tax return"
                          " — false: investment losses inside a 401(k) or IRA are not deductible"
                          " on your tax return.")
    assert message[1] == "Text: You can deduct 100% of your 401(k) losses on your tax return."
    assert message[2].startswith("Correct: ")
    assert message[3].startswith("Source: Rev. Rul. 2008-5 <http")


def test_github_prints_the_most_important_first(tmp_path):
    result = invoke("check", str(SEED), "--format", "github", "--min-severity", "info",
                     "--claims", str(HOUSE))
    matches = [ANNOTATION.match(line) for line in result.stdout.splitlines()[:-1]]
    assert all(matches)
    commands = [m["command"] for m in matches]
    # the house rules make the amended-return claim a warning; the article's contradiction
    # is one too, after the findings' warnings; verified claims are notices
    assert commands == ["error"] * 3 + ["warning"] * 3 + ["notice"] * 4
    assert unescape(matches[5]["title"]) == "taxcheck [contradiction]"
    first = [unescape(m["title"]) for m in matches[:3]]
    # errors, most confident first: the offset-gains heading is trusted as the body sentence
    # it announces (the two tie), then the rollover sentence
    assert first == ["taxcheck [retirement-loss-offsets-gains] false",
                     "taxcheck [retirement-loss-offsets-gains] false",
                     "taxcheck [retirement-loss-rollover] false"]
    lines = [m["line"] for m in matches[:3]]
    assert sorted(lines[:2]) == ["25", "27"] and lines[2] == "21"


def test_github_step_summary_is_appended_as_markdown(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Title\n\nYou can deduct your 401(k) losses | <img src=x onerror=alert(1)>"
                       " on your tax return.\n\n<!-- taxcheck-disable -->\n\n"
                       "You can deduct your IRA losses.\n")
    for path in (SEED_REL, hostile):
        invoke("check", str(path), "--format", "github", cwd=ROOT,
               env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text()
    assert text.startswith("# earlier step\n### taxcheck: 5 errors, 0 warnings, 4 verified "
                           "claims, 1 contradiction in 1 file\n")
    rows = [line for line in text.splitlines() if line.startswith("| error |")]
    assert len(rows) == 6  # every finding, not only the ten GitHub shows as annotations
    assert f"| error | {SEED_REL}:21:1 | retirement-loss-rollover (false) |" in text
    hostile_row = rows[-1]
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in hostile_row
    assert len(re.findall(r"(?<!\\)\|", hostile_row)) == 7  # still six cells
    assert "1 finding suppressed by inline comments." in text


def test_github_without_summary_variable_writes_nothing(tmp_path):
    result = invoke("check", str(SEED), "--format", "github", cwd=tmp_path)  # variable unset
    assert result.returncode == 1
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def seed_sarif():
    result = invoke("check", str(SEED), "--format", "sarif")
    assert result.returncode == 1
    return json.loads(result.stdout)


def test_sarif_validates_against_the_official_schema(seed_sarif, tmp_path):
    Draft7Validator.check_schema(SCHEMA)
    assert list(Draft7Validator(SCHEMA).iter_errors(seed_sarif)) == []
    # several files, a suppressed result, and a path that needs escaping
    odd = tmp_path / "my draft #1.md"
    odd.write_text("# T\n\n<!-- taxcheck-disable-next-line -->\n"
                   "You can deduct your IRA losses.\n\nRoll your 403(b) losses into an IRA.\n")
    result = invoke("check", SEED_REL, str(odd), "--format", "sarif")
    log = json.loads(result.stdout)
    assert list(Draft7Validator(SCHEMA).iter_errors(log)) == []
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert uris == {SEED_REL, odd.as_uri()}
    assert odd.as_uri().endswith("my%20draft%20%231.md")


def test_sarif_without_a_database_still_validates(checker):
    # `taxcheck scan` calls render_sarif(reports) with nothing else
    report = checker.check(read_bytes(SEED.read_bytes(), "corpus/seed-401k-losses.txt"))
    log = json.loads(render_sarif([report]))
    assert list(Draft7Validator(SCHEMA).iter_errors(log)) == []
    assert len(log["runs"][0]["results"]) == 6


def test_sarif_rules_carry_help_and_citations(seed_sarif, db):
    run = seed_sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "taxcheck" and driver["version"] and driver["informationUri"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["retirement-loss-rollover",
                                        "retirement-loss-offsets-gains",
                                        "retirement-loss-amended-return", "contradiction"]
    assert rules[-1]["defaultConfiguration"]["level"] == "warning"
    for rule in rules[:-1]:
        claim = db.claim(rule["id"])
        assert rule["name"] == rule_name(claim.id)
        assert rule["shortDescription"]["text"] == claim.says
        assert rule["fullDescription"]["text"] == claim.rule
        assert rule["helpUri"] == claim.citations[0].url
        for cite in claim.citations:
            assert cite.url in rule["help"]["text"] and f"]({cite.url})" in rule["help"]["markdown"]
        assert claim.correction in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == "error"
        assert {"tax", "false", "retirement-losses"} <= set(rule["properties"]["tags"])
    assert rule_name("retirement-loss-rollover") == "RetirementLossRollover"


def test_sarif_results_point_at_the_words(seed_sarif):
    run = seed_sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    first = next(r for r in run["results"] if r["level"] == "error")
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "retirement-loss-rollover"
    assert first["level"] == "error"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 21, "startColumn": 1, "endLine": 21, "endColumn": 80,
                      "snippet": {"text": "If you have a traditional IRA, you can roll over "
                                          "your 401k losses into the IRA."}}
    assert first["message"]["text"].startswith("Says you can roll 401(k) losses into an IRA")
    assert " — false: " in first["message"]["text"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_fingerprints_are_stable_and_distinct(seed_sarif):
    again = json.loads(invoke("check", str(SEED), "--format", "sarif").stdout)
    prints = [r["partialFingerprints"]["taxcheckFinding/v1"] for r in seed_sarif["runs"][0]
              ["results"]]
    assert prints == [r["partialFingerprints"]["taxcheckFinding/v1"] for r in again["runs"][0]
                      ["results"]]
    assert len(set(prints)) == len(prints) == 6


def test_jsonl_is_one_finding_per_line_with_its_path(tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("Title\n\nYou cannot deduct losses inside your IRA.\n")
    result = invoke("check", str(SEED), str(other), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 10  # 5 errors, 1 warning, 3 verified in the seed; 1 in b.txt
    assert {r["path"] for r in records} == {str(SEED), str(other)}
    assert records[-1]["claim_id"] == "retirement-loss-not-deductible"
    assert all({"claim_id", "verdict", "line", "column", "suppressed"} <= set(r) for r in records)
