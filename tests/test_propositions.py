"""Claims as propositions: a claim states its denial once, and the twin stays quiet.

A house claim file writes one proposition with ``negated``; the loader makes the denial a
claim of its own with the opposite polarity. Examples declare which reading they are, and
``taxcheck claims test`` fails when the wrong twin speaks.
"""

from __future__ import annotations

import json

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
    folder.mkdir()
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
