"""Claims as propositions: a claim states its denial once, and the twin stays quiet.

A house claim file writes one proposition with ``negated``; the loader makes the denial a
claim of its own with the opposite polarity. Examples declare which reading they are, and
``taxcheck claims test`` fails when the wrong twin speaks.
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke

PROPOSITION = """\
topic: house
claims:
  - id: house-ira-loss-deductible
    fact: retirement-account-losses-not-deductible
    verdict: false
    says: A drop in an IRA can be written off.
    rule: Losses inside an IRA are never deductible.
    correction: A drop inside an IRA cannot be written off.
    negated:
      id: house-ira-loss-not-deductible
      verdict: accurate
      says: A drop in an IRA cannot be written off.
    citations:
      - title: Rev. Rul. 2008-5
        url: http://www.irs.gov/irb/2008-03_IRB/ar08.html
    when:
      - all: [IRA, LOSS, DEDUCT]
        polarity: affirmed
    examples:
      match:
        - You can write off the drop in your IRA.
      negated:
        - You can't write off the drop in your IRA.
      no_match:
        - You can write off a loss on a stock you sold.
"""


def _house(tmp_path, text: str = PROPOSITION):
    folder = tmp_path / "house"
    folder.mkdir(parents=True)
    (folder / "house.yaml").write_text(text, encoding="utf-8")
    return folder


def _findings(tmp_path, folder, sentence: str) -> set[tuple[str, str]]:
    article = tmp_path / "a.txt"
    article.write_text(f"Title\n\n{sentence}\n", encoding="utf-8")
    result = invoke("check", str(article), "--format", "json", "--claims", str(folder),
                    "--enable", "house")
    return {(f["claim_id"], f["verdict"]) for f in json.loads(result.stdout)[0]["findings"]}


def test_a_proposition_and_its_denial_are_reported_under_their_own_ids(tmp_path):
    folder = _house(tmp_path)
    assert _findings(tmp_path, folder, "You can deduct the loss in your IRA.") == {
        ("house-ira-loss-deductible", "false")}
    assert _findings(tmp_path, folder, "You cannot deduct the loss in your IRA.") == {
        ("house-ira-loss-not-deductible", "accurate")}


def test_the_denial_is_a_claim_of_its_own(tmp_path):
    folder = _house(tmp_path)
    shown = invoke("claims", "show", "house-ira-loss-not-deductible", "--claims", str(folder))
    assert shown.returncode == 0, shown.stderr
    assert "A drop in an IRA cannot be written off." in shown.stdout
    passed = invoke("claims", "test", "house-ira-loss-deductible", "--claims", str(folder))
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "3 passed, 0 failed" in passed.stdout


def test_an_example_on_which_the_twin_speaks_fails(tmp_path):
    # a denial listed as a statement of the proposition: its twin answers, so it fails
    folder = _house(tmp_path, PROPOSITION.replace(
        "        - You can write off the drop in your IRA.\n",
        "        - You can write off the drop in your IRA.\n"
        "        - You can never write off the drop in your IRA.\n"))
    result = invoke("claims", "test", "house-ira-loss-deductible", "--claims", str(folder))
    assert result.returncode != 0
    assert "expected house-ira-loss-deductible (false)" in result.stdout
    assert "house-ira-loss-not-deductible (accurate)" in result.stdout


def test_a_denial_needs_examples_and_polarities(tmp_path):
    text = PROPOSITION.replace("      negated:\n        - You can't write off the drop in your "
                               "IRA.\n", "").replace("polarity: affirmed", "polarity: any")
    result = invoke("claims", "validate", "--claims", str(_house(tmp_path, text)))
    assert result.returncode == 2
    assert "house.yaml:3: TC103" in result.stderr
    assert "every condition needs a polarity" in result.stderr


# A proposition whose denial is also stated in words of its own (``negated.when``), and one
# of its conditions that states the claim only (``mirror: false``): "an IRA loss offsets
# gains", denied, does not say the loss is not deductible.
OWN_WORDS = PROPOSITION.replace("""    examples:
      match:
""", """      - all: [IRA, LOSS, OFFSET]
        any: [CAPITAL_GAIN]
        polarity: affirmed
        mirror: false
    examples:
      match:
        - A loss in your IRA offsets your capital gains.
""").replace("""      says: A drop in an IRA cannot be written off.
""", """      says: A drop in an IRA cannot be written off.
      when:
        - all: [IRA, LOSS, DISALLOW]
          polarity: affirmed
""").replace("""        - You can't write off the drop in your IRA.
""", """        - You can't write off the drop in your IRA.
        - The IRS disallows any loss inside an IRA.
""")


def test_a_denial_states_its_own_words_and_leaves_out_unmirrored_conditions(tmp_path):
    folder = _house(tmp_path, OWN_WORDS)
    assert _findings(tmp_path, folder, "The IRS disallows a loss inside your IRA.") == {
        ("house-ira-loss-not-deductible", "accurate")}
    assert _findings(tmp_path, folder, "A loss in your IRA offsets capital gains.") == {
        ("house-ira-loss-deductible", "false")}
    # the denial of the unmirrored condition states nothing about deducting
    assert _findings(tmp_path, folder, "A loss in your IRA can't offset capital gains.") == set()
    passed = invoke("claims", "test", "house-ira-loss-deductible", "--claims", str(folder))
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "5 passed, 0 failed" in passed.stdout


def test_a_denial_may_hold_for_other_years(tmp_path):
    text = PROPOSITION.replace("      verdict: accurate\n",
                               "      verdict: accurate\n      years: {from: 2030}\n")
    folder = _house(tmp_path, text)
    assert _findings(tmp_path, folder, "You cannot deduct the loss in your IRA.") == set()
    assert _findings(tmp_path, folder, "You can deduct the loss in your IRA.") == {
        ("house-ira-loss-deductible", "false")}


UNMIRRORED = PROPOSITION.replace("        polarity: affirmed\n    examples:",
                                 "        polarity: affirmed\n        mirror: false\n"
                                 "    examples:")


@pytest.mark.parametrize(("text", "line", "words"), [
    (UNMIRRORED, 3, "at least one condition must be mirrored"),
    (UNMIRRORED.replace("    negated:\n      id: house-ira-loss-not-deductible\n"
                        "      verdict: accurate\n      says: A drop in an IRA cannot be "
                        "written off.\n", "").replace(
        "      negated:\n        - You can't write off the drop in your IRA.\n", ""),
     3, "mirror: false is for a proposition with a 'negated' denial"),
    (PROPOSITION.replace("      says: A drop in an IRA cannot be written off.\n",
                         "      says: A drop in an IRA cannot be written off.\n      when:\n"
                         "        - all: [IRA, LOSS, DISALLOW]\n          mirror: false\n"),
     15, "negated.when.0.mirror: only a proposition's own conditions are mirrored"),
])
def test_misused_denial_keys_name_the_file_and_line(tmp_path, text, line, words):
    result = invoke("claims", "validate", "--claims", str(_house(tmp_path, text)))
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"house.yaml:{line}: TC103" in result.stderr
    assert words in result.stderr


MIRRORED_PAIR = PROPOSITION.replace("""    negated:
      id: house-ira-loss-not-deductible
      verdict: accurate
      says: A drop in an IRA cannot be written off.
""", "").replace("""      negated:
        - You can't write off the drop in your IRA.
""", "") + """
  - id: house-ira-loss-not-deductible
    fact: retirement-account-losses-not-deductible
    verdict: accurate
    says: A drop in an IRA cannot be written off.
    rule: Losses inside an IRA are never deductible.
    correction: No change needed.
    citations:
      - title: Rev. Rul. 2008-5
        url: http://www.irs.gov/irb/2008-03_IRB/ar08.html
    when:
      - all: [IRA, LOSS, DISALLOW]
        polarity: affirmed
      - all: [IRA, LOSS, DEDUCT]
        polarity: negated
    examples:
      match:
        - You can't write off the drop in your IRA.
      no_match:
        - You can write off a loss on a stock you sold.
"""


def test_two_claims_whose_conditions_mirror_each_other_are_an_error(tmp_path):
    folder = _house(tmp_path, MIRRORED_PAIR)
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    path = folder / "house.yaml"
    lines = [line for line in result.stderr.splitlines() if "TC109" in line]
    assert len(lines) == 1, result.stderr
    assert f"{path}:3: TC109 claim 'house-ira-loss-deductible' mirrors claim " \
           f"'house-ira-loss-not-deductible' ({path}:21)" in lines[0]
    assert "its when[0] is when[1]" in lines[0]
    # conditions that differ only in where they are read (none, implied, a stated year)
    # still mirror each other
    near = MIRRORED_PAIR.replace("""      - all: [IRA, LOSS, DEDUCT]
        polarity: negated
""", """      - all: [LOSS, IRA, DEDUCT]
        none: [WASH_SALE]
        implied: [IRA]
        stated_year: {from: 2018}
        polarity: negated
""")
    assert near != MIRRORED_PAIR
    result = invoke("claims", "validate", "--claims", str(_house(tmp_path / "near", near)))
    assert result.returncode == 2
    assert "TC109 claim 'house-ira-loss-deductible' mirrors claim " \
           "'house-ira-loss-not-deductible'" in result.stderr
    # the same claims written once, as a proposition, load
    assert invoke("claims", "validate", "--claims", str(_house(tmp_path / "once", PROPOSITION))
                  ).returncode == 0


def test_the_built_in_database_has_no_mirrored_pair():
    from taxcheck.claimdb import load_claims

    assert load_claims().check_mirrors() == []


def test_a_house_override_of_a_denial_is_not_a_mirrored_pair(tmp_path):
    # a later folder may replace the denial by its id, written out as a claim of its own
    denial = MIRRORED_PAIR[MIRRORED_PAIR.index("  - id: house-ira-loss-not-deductible"):]
    override = _house(tmp_path / "override", "topic: house\nclaims:\n" + denial)
    result = invoke("claims", "validate", "--claims", str(_house(tmp_path, PROPOSITION)),
                    "--claims", str(override))
    assert result.returncode == 0, result.stderr
    shown = invoke("claims", "show", "house-ira-loss-deductible", "--claims",
                   str(_house(tmp_path / "words", OWN_WORDS)))
    assert "not mirrored in the denial" in shown.stdout
    assert "Denied (house-ira-loss-not-deductible) when" in shown.stdout
    assert "all of IRA, LOSS, DISALLOW; affirmed" in shown.stdout


def test_conditions_that_differ_only_in_where_they_are_read_mirror_each_other():
    from taxcheck.claimdb.models import Condition, YearRange

    stated = Condition(all=("CARRYBACK",), any=("CAPITAL_LOSS", "LOSS"),
                       none=("CORPORATION",), implied=("LOSS",), polarity="affirmed")
    denied = Condition(all=("CARRYBACK",), any=("LOSS", "CAPITAL_LOSS"), polarity="negated",
                       stated_year=YearRange(**{"from": 2018}), past=True)
    assert stated.near_mirrors(denied) and denied.near_mirrors(stated)
    # the same polarity, another concept, or 'any' polarity: not a statement and its denial
    assert not stated.near_mirrors(stated)
    assert not stated.near_mirrors(denied.model_copy(update={"all": ("CARRYBACK", "AMEND")}))
    assert not stated.near_mirrors(denied.model_copy(update={"any": ("LOSS",)}))
    assert not stated.model_copy(update={"polarity": "any"}).near_mirrors(denied)


# One correct statement that denies two wrong ones: the second proposition names the same
# denial (same verdict and words) and adds its own conditions to it.
SHARED = PROPOSITION + """
  - id: house-ira-loss-offsets
    fact: retirement-account-losses-not-deductible
    verdict: false
    says: A drop in an IRA offsets capital gains.
    rule: Losses inside an IRA are never deductible.
    correction: A drop inside an IRA offsets nothing.
    negated:
      id: house-ira-loss-not-deductible
      verdict: accurate
      says: A drop in an IRA cannot be written off.
    citations:
      - title: Rev. Rul. 2008-5
        url: http://www.irs.gov/irb/2008-03_IRB/ar08.html
    when:
      - all: [IRA, LOSS, OFFSET]
        any: [CAPITAL_GAIN]
        polarity: affirmed
    examples:
      match:
        - A loss in your IRA offsets your capital gains.
      negated:
        - A loss in your IRA can't offset capital gains.
      no_match:
        - A loss on a stock you sold offsets your capital gains.
"""


def test_two_propositions_may_share_one_denial(tmp_path):
    folder = _house(tmp_path, SHARED)
    assert _findings(tmp_path, folder, "A loss in your IRA can't offset capital gains.") == {
        ("house-ira-loss-not-deductible", "accurate")}
    assert _findings(tmp_path, folder, "You cannot deduct the loss in your IRA.") == {
        ("house-ira-loss-not-deductible", "accurate")}
    assert _findings(tmp_path, folder, "A loss in your IRA offsets capital gains.") == {
        ("house-ira-loss-offsets", "false")}
    passed = invoke("claims", "test", "house-ira-loss-deductible", "house-ira-loss-offsets",
                    "--claims", str(folder))
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "6 passed, 0 failed" in passed.stdout
    shown = invoke("claims", "show", "house-ira-loss-not-deductible", "--claims", str(folder))
    assert "(the denial of proposition house-ira-loss-deductible and house-ira-loss-offsets;" \
        in shown.stdout
    # a shared denial written differently is an error naming the second proposition's line
    text = SHARED.replace("      verdict: accurate\n      says: A drop in an IRA cannot be "
                          "written off.\n    citations:\n      - title: Rev. Rul. 2008-5\n"
                          "        url: http://www.irs.gov/irb/2008-03_IRB/ar08.html\n"
                          "    when:\n      - all: [IRA, LOSS, OFFSET]",
                          "      verdict: misleading\n      says: A drop in an IRA cannot be "
                          "written off.\n    citations:\n      - title: Rev. Rul. 2008-5\n"
                          "        url: http://www.irs.gov/irb/2008-03_IRB/ar08.html\n"
                          "    when:\n      - all: [IRA, LOSS, OFFSET]")
    assert text != SHARED
    result = invoke("claims", "validate", "--claims", str(_house(tmp_path / "other", text)))
    assert result.returncode == 2
    assert "house.yaml:34: TC104 negated: denial 'house-ira-loss-not-deductible' is already " \
           "the denial of 'house-ira-loss-deductible'" in result.stderr
