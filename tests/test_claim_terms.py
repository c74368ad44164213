"""A claim's own vocabulary (``terms:``): seen by that claim (and its denial) alone, never
colliding with another claim's, and a label that shadows a concepts.yaml label, repeats
another label's phrase or is named by no condition is a load error naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import invoke
from taxcheck.claimdb import load_claims
from taxcheck.claimdb.cache import cache_dir, cache_key
from taxcheck.claimdb.models import SCOPE

CLAIM = """\
  - id: {id}
    verdict: false
    says: Losses in a zebra fund are deductible.
    rule: The rule.
    correction: The fix.
    citations:
      - title: IRS Publication 590-B
        url: https://www.irs.gov/publications/p590b
    terms:
      # the fund of this claim alone
      {label}:
        description: A zebra fund.
        terms: [{phrase}]
    when:
      - all: [{label}, LOSS, DEDUCT]
    examples:
      match: [Losses in a {words} are deductible.]
      no_match: [{words} is popular.]
"""

PROPOSITION = """\
  - id: zebra-loss-deductible
    verdict: false
    says: Losses in a zebra fund are deductible.
    rule: The rule.
    correction: The fix.
    negated:
      id: zebra-loss-not-deductible
      verdict: accurate
      says: Losses in a zebra fund are not deductible.
    citations:
      - title: IRS Publication 590-B
        url: https://www.irs.gov/publications/p590b
    terms:
      FUND:
        terms: ["zebra fund", "zebra funds"]
    when:
      - all: [FUND, LOSS, DEDUCT]
    examples:
      match: [Losses in a zebra fund are deductible.]
      negated: [Losses in a zebra fund are not deductible.]
      no_match: [Zebra funds are popular.]
"""


def claim(id: str = "zebra-trust", label: str = "FUND", phrase: str = '"zebra trust"',
          words: str = "zebra trust") -> str:
    return CLAIM.format(id=id, label=label, phrase=phrase, words=words)


def _house(tmp_path: Path, *claims: str) -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "zebra.yaml").write_text("topic: zebra\nclaims:\n" + "".join(claims),
                                       encoding="utf-8")
    return folder


def _line(folder: Path, text: str, nth: int = 1) -> int:
    """The line of the ``nth`` line of zebra.yaml that holds ``text``."""
    lines = (folder / "zebra.yaml").read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1) if text in line][nth - 1]


def test_two_claims_own_labels_of_one_name_each_find_their_own_phrases(tmp_path):
    folder = _house(tmp_path, PROPOSITION, claim())
    article = tmp_path / "zebra.md"
    article.write_text("# Zebra funds\n\nLosses in a zebra trust are deductible. Losses in a "
                       "zebra fund are not deductible.\n", encoding="utf-8")
    result = invoke("check", str(article), "--claims", str(folder), "--tax-year", "2026",
                    "--format", "json")
    found = {f["claim_id"]: f for f in json.loads(result.stdout)[0]["findings"]}
    assert set(found) == {"zebra-trust", "zebra-loss-not-deductible"}
    assert "zebra-trust/FUND" in found["zebra-trust"]["trail"][0]["labels"]
    # the denial sees its proposition's own label
    assert "zebra-loss-deductible/FUND" in found["zebra-loss-not-deductible"]["trail"][0]["labels"]
    assert found["zebra-trust"]["text"] == "Losses in a zebra trust are deductible."


def test_claims_validate_test_and_show_handle_a_claims_own_terms(tmp_path):
    folder = _house(tmp_path, PROPOSITION, claim())
    validated = invoke("claims", "validate", "--claims", str(folder))
    assert validated.returncode == 0, validated.stderr
    assert "terms of single claims" in validated.stdout
    tested = invoke("claims", "test", "zebra-loss-deductible", "zebra-loss-not-deductible",
                    "zebra-trust", "--claims", str(folder))
    assert tested.returncode == 0, tested.stdout
    shown = invoke("claims", "show", "zebra-loss-not-deductible", "--claims", str(folder))
    assert "all of FUND, LOSS, DEDUCT; negated" in shown.stdout
    assert 'FUND: "zebra fund", "zebra funds"' in shown.stdout
    assert SCOPE not in shown.stdout.split("Matches when")[1].split("Examples")[0]


def test_the_compiled_cache_keeps_a_claims_own_terms(tmp_path):
    folder = _house(tmp_path, PROPOSITION)
    first = load_claims([folder])
    assert (cache_dir() / f"{cache_key([*first_folders(), folder])}.pickle").is_file()
    again = load_claims([folder])  # from the cache
    assert again.concepts["zebra-loss-deductible/FUND"].terms == ("zebra fund", "zebra funds")
    assert again.claim("zebra-loss-not-deductible").when[0].all[0] == "zebra-loss-deductible/FUND"
    assert again.concepts.keys() == first.concepts.keys()


def first_folders() -> list[Path]:
    from taxcheck.claimdb import builtin_claims_dir

    return [builtin_claims_dir()]


@pytest.mark.parametrize(("claims", "marker", "nth", "code", "words"), [
    # a label of concepts.yaml would be shadowed
    ((claim(label="IRA"),), "IRA:", 1, "TC111",
     "terms: IRA shadows the concepts.yaml label"),
    # a phrase concepts.yaml lists already
    ((claim(phrase='"zebra trust", "Roth IRA"'),), '"Roth IRA"', 1, "TC111",
     "lists 'Roth IRA', which the concepts.yaml label ROTH_IRA lists too"),
    # a phrase another claim's own label lists
    ((claim(), claim(id="zebra-second", label="TRUST")), '"zebra trust"', 2, "TC111",
     "which label FUND of claim 'zebra-trust'"),
    # a label none of the claim's conditions names
    ((claim().replace("      - all: [FUND, LOSS, DEDUCT]", "      - all: [IRA, LOSS, DEDUCT]"),),
     "FUND:", 1, "TC112", "terms: FUND is named by none of its conditions"),
    # a label that is not UPPER_SNAKE_CASE
    ((claim(label="zebraFund"),), "zebraFund:", 1, "TC103", "UPPER_SNAKE_CASE"),
])
def test_a_bad_claims_own_label_exits_2_naming_file_and_line(tmp_path, claims, marker, nth,
                                                            code, words):
    folder = _house(tmp_path, *claims)
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    where = f"{folder / 'zebra.yaml'}:{_line(folder, marker, nth)}:"
    assert f"{where} {code} " in lines[0], lines[0]
    assert words in lines[0]


def test_another_claim_cannot_name_a_claims_own_label(tmp_path):
    other = claim(id="zebra-other").replace(
        '    terms:\n      # the fund of this claim alone\n      FUND:\n'
        '        description: A zebra fund.\n        terms: ["zebra trust"]\n', "")
    folder = _house(tmp_path, PROPOSITION, other)
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert "claim 'zebra-other' uses unknown concept(s) FUND" in result.stderr
    assert "TC105" in result.stderr


def test_completed_by_takes_the_claims_own_label_and_rejects_an_unknown_one(tmp_path):
    own = PROPOSITION.replace("    when:\n", "    completed_by: [FUND]\n    when:\n", 1)
    folder = _house(tmp_path, own)
    assert invoke("claims", "validate", "--claims", str(folder)).returncode == 0
    db = load_claims([folder])
    assert db.by_id["zebra-loss-deductible"].completed_by == (f"zebra-loss-deductible{SCOPE}FUND",)
    unknown = PROPOSITION.replace("    when:\n", "    completed_by: [NO_SUCH]\n    when:\n", 1)
    result = invoke("claims", "validate", "--claims", str(_house(tmp_path, unknown)))
    assert result.returncode == 2
    assert "completed_by unknown concept(s) NO_SUCH" in result.stderr
    assert "TC105" in result.stderr
