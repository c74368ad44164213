"""A broken claim database is reported as one line per problem, naming file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEED, invoke

GOOD_CLAIM = """\
topic: house
claims:
  - id: house-rule
    verdict: false
    says: Something wrong.
    rule: The rule.
    correction: The fix.
    citations:
      - title: IRS Publication 590-B
        url: https://www.irs.gov/publications/p590b
    when:
      - all: [RETIREMENT_ACCOUNT, LOSS, DEDUCT]
    examples:
      match: [You can deduct IRA losses.]
      no_match: [You cannot deduct IRA losses.]
"""


def _house(tmp_path: Path, text: str, name: str = "house.yaml") -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("text", "line", "words"), [
    ("topic: house\nclaims:\n  - id: x\n    says: [unclosed\n", 5, "invalid YAML"),
    (GOOD_CLAIM.replace("verdict: false", "verdict: wrongish"), 4, "verdict"),
    (GOOD_CLAIM.replace("    rule: The rule.\n", ""), 3, "rule: Field required"),
    (GOOD_CLAIM.replace("https://www.irs.gov/publications/p590b", "www.irs.gov"), 10, "url"),
    (GOOD_CLAIM.replace("DEDUCT]", "DEDUCTION_TYPO]"), 3, "unknown concept"),
    (GOOD_CLAIM.replace("    citations:\n      - title: IRS Publication 590-B\n"
                        "        url: https://www.irs.gov/publications/p590b\n",
                        "    citations: []\n"), 8, "citations"),
    (GOOD_CLAIM + GOOD_CLAIM.split("claims:\n")[1], 16, "duplicate claim id"),
    (GOOD_CLAIM.replace("    verdict: false\n", "    fact: Not A Fact Id\n    verdict: false\n"),
     4, "fact"),
    (GOOD_CLAIM.replace("https://www.irs.gov/publications/p590b", "https://irs/p590b"), 10,
     "host name"),
    (GOOD_CLAIM.replace("    verdict: false\n",
                        "    verdict: false\n    years: {from: 2026, to: 2018}\n"),
     5, "'from' (2026) is after 'to' (2018)"),
    (GOOD_CLAIM.replace("      no_match: [You cannot deduct IRA losses.]\n", ""), 14,
     "no_match: Field required"),
    (GOOD_CLAIM.replace("    verdict: false\n", "    verdict: false\n    anchor: LOSS\n"), 3,
     "'anchor' is for numeric claims"),
    (GOOD_CLAIM.replace("    verdict: false\n", "    figure: no-such-figure\n"), 3,
     "unknown figure 'no-such-figure'"),
    (GOOD_CLAIM.replace("    verdict: false\n", "    figure: ira-limit\n    anchor: IRA_TYPO\n"), 3,
     "unknown concept 'IRA_TYPO'"),
])
def test_malformed_claim_file_names_file_and_line(tmp_path, text, line, words):
    folder = _house(tmp_path, text)
    result = invoke("check", str(SEED), "--claims", str(folder))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{folder / 'house.yaml'}:{line}:" in lines[0]
    assert words in lines[0]
    assert result.stdout == ""


def test_claims_validate_exits_2_and_lists_every_problem(tmp_path):
    folder = _house(tmp_path, GOOD_CLAIM.replace("verdict: false", "verdict: nope"))
    _house(tmp_path, "topic: x\nclaims: [\n", name="broken.yaml")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 2


def test_house_claims_add_to_the_builtin_database(tmp_path):
    folder = _house(tmp_path, GOOD_CLAIM)
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 0, result.stderr
    listed = invoke("claims", "list", "--topic", "house", "--claims", str(folder))
    assert "house-rule" in listed.stdout


def test_claims_test_reports_failing_examples(tmp_path):
    broken = GOOD_CLAIM.replace("no_match: [You cannot deduct IRA losses.]",
                                "no_match: [You can write off IRA losses.]")
    folder = _house(tmp_path, broken)
    result = invoke("claims", "test", "house-rule", "--claims", str(folder))
    assert result.returncode == 1
    assert "FAIL house-rule no_match[0]" in result.stdout
    assert "You can write off IRA losses." in result.stdout


def test_shipped_database_validates_and_a_copy_of_it_overrides_every_claim(tmp_path):
    shipped = invoke("claims", "validate")
    assert shipped.returncode == 0 and shipped.stdout.startswith("ok:")
    copy = tmp_path / "claims"
    shutil.copytree(Path(__file__).resolve().parents[1] / "claims", copy)
    # a desk's house folder that starts as a copy of the shipped one replaces every claim
    # by its id: it validates, with as many claims
    result = invoke("claims", "validate", "--claims", str(copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(",")[0] == shipped.stdout.split(",")[0]


FIGURE = """\
  - id: house-limit
    name: a house limit
    unit: percent
    values: {2025: 10, 2026: 10}
    citations:
      - title: IRC §72(t)(1)
        url: https://www.law.cornell.edu/uscode/text/26/72
"""


@pytest.mark.parametrize(("text", "line", "words"), [
    ("figures:\n" + FIGURE + FIGURE, 9, "duplicate figure id 'house-limit'"),
    ("figures:\n" + FIGURE.replace("2026: 10}", "2026: 250}"), 2,
     "2026: 250 is not a plausible percent value"),
    ("figures:\n" + FIGURE.replace("unit: percent", "unit: euros"), 4, "unit"),
])
def test_malformed_figures_name_file_and_line(tmp_path, text, line, words):
    folder = _house(tmp_path, text, name="figures.yaml")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{folder / 'figures.yaml'}:{line}:" in lines[0]
    assert words in lines[0]


def test_broken_concepts_file_is_reported_alone(tmp_path):
    folder = _house(tmp_path, "LOSS:\n  terms: [unclosed\n", name="concepts.yaml")
    _house(tmp_path, GOOD_CLAIM.replace("DEDUCT]", "NO_SUCH_CONCEPT]"))
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "concepts.yaml:3: TC102 invalid YAML" in lines[0], result.stderr


def test_an_unknown_cue_category_names_file_and_line(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "cues.yaml").write_text(
        "HEDGE:\n  terms: [arguably]\nNEGATON:\n  terms: [precludes]\n", encoding="utf-8")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'cues.yaml'}:3: TC107 unknown cue category 'NEGATON'" in result.stderr
    assert "NEGATION" in result.stderr  # the known categories are listed


def test_a_cue_scope_must_be_a_positive_number_of_tokens(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "cues.yaml").write_text(
        "NEGATION:\n  direction: sideways\n  max_scope: 0\n", encoding="utf-8")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'cues.yaml'}:2: TC103 direction" in result.stderr
    assert f"{folder / 'cues.yaml'}:3: TC103 max_scope" in result.stderr


def test_a_phrase_with_a_typographic_apostrophe_is_an_error_naming_file_and_line(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "concepts.yaml").write_text(
        "SAVERS_CREDIT:\n  terms: [saver's credit,\n"
        "          \"saver\u2019s credit\"]\n", encoding="utf-8")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{folder / 'concepts.yaml'}:3: TC110 SAVERS_CREDIT:" in lines[0]
    assert "can never match" in lines[0] and "write \"saver's credit\"" in lines[0]


@pytest.mark.parametrize("pattern", [
    "[{LOWER: switched}, {LOWER: {IN: [on, off]}}]",
    "[{LEMMA: say}, {LOWER: yes}]",
    "[{LOWER: {NOT_IN: [no, never]}}, {LOWER: waiver}]",
])
def test_a_bare_yaml_boolean_in_a_word_pattern_is_a_load_error(tmp_path, pattern):
    text = f"SWITCHED:\n  description: A switch.\n  patterns:\n    - {pattern}\n"
    folder = _house(tmp_path, text, name="concepts.yaml")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'concepts.yaml'}:4:" in result.stderr
    assert "is not a word" in result.stderr and "quote it" in result.stderr
