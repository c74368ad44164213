"""Claims in loose everyday words, second set (session 11, para9): 86 short real-page
passages (a sentence, a heading, a list item under its lead-in, a flattened table row, a
label: value line, a forum post, an FAQ reply) on the facts para8's set left out: capital
losses and worthless securities, amended returns, wash sales, the other early-withdrawal
exceptions, plan loans, hardship mechanics, RMD aggregation and waivers, moving money to Roth,
IRA deductibility and limits, deferral limits and ordinary income. Each states one claim in
slang, idioms, second person and numbers in words ("knock $3,000 of losses off your
paycheck", "the IRS lets you off both the penalty and the income tax", "no biggie, the
balance just gets forgiven", "the whole ten grand counts as income"), with its correct twin.
Written from the fact sheet alone before any claim, lexicon or corpus file was read
(tests/data/loose-wording-2/pairs.yaml).

A wrong passage is flagged with the claim the data names and a problem verdict; its correct
twin raises no problem finding. The passages the rules still miss carry a ``missed:`` reason
(some name a fact the database has no claim of): they are asserted missed, so that fixing one
shows up here and the key is dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "loose-wording-2" / "pairs.yaml"
PROBLEMS = {"false", "misleading", "outdated"}
PAIRS = yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _problems(checker, text: str) -> list[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode("utf-8"), "page.txt"))
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict in PROBLEMS]


def test_the_set_spans_facts_and_shapes_para8_left_out():
    assert len(PAIRS) >= 45  # at least 90 sentences, half of them correct twins
    assert len({p["id"] for p in PAIRS}) == len(PAIRS)
    assert {p["shape"] for p in PAIRS} == {"sentence", "heading", "list", "table", "label",
                                           "forum", "faq"}
    assert len({p["fact"] for p in PAIRS}) >= 25
    # every pair names its claim (null: none in the database, and then it is missed)
    assert all("claim" in p for p in PAIRS)
    assert all("missed" in p for p in PAIRS if p["claim"] is None)


@pytest.mark.parametrize("pair", [p for p in PAIRS if "missed" not in p], ids=lambda p: p["id"])
def test_a_loosely_worded_wrong_claim_is_flagged(checker, pair):
    found = _problems(checker, pair["wrong"])
    assert pair["claim"] in {claim for claim, _ in found}, found


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p["id"])
def test_its_correct_twin_stays_quiet(checker, pair):
    assert _problems(checker, pair["right"]) == []


@pytest.mark.parametrize("pair", [p for p in PAIRS if "missed" in p], ids=lambda p: p["id"])
def test_what_is_still_missed_is_listed(checker, pair):
    assert _problems(checker, pair["wrong"]) == [], "now caught: name its claim in the data"


SECOND = [line.split("|", 2) for line in
          (DATA.parent / "second-batch.txt").read_text(encoding="utf-8").splitlines()
          if line[:2] in ("W|", "R|")]


@pytest.mark.parametrize("kind,claim,text", SECOND, ids=lambda v: v[:40])
def test_the_second_batch(checker, kind, claim, text):
    missed = text.endswith(" #missed")
    found = _problems(checker, text.removesuffix(" #missed"))
    if kind == "R" or missed:
        assert found == []
    else:  # "a/b": either claim (two claims of one fact that the sentence states)
        assert set(claim.split("/")) & {c for c, _ in found}, found


THIRD = [line.split("|", 2) for line in
         (DATA.parent / "third-batch.txt").read_text(encoding="utf-8").splitlines()
         if line[:2] in ("W|", "R|")]


@pytest.mark.parametrize("kind,claim,text", THIRD, ids=lambda v: v[:40])
def test_the_third_batch_held_out(checker, kind, claim, text):
    test_the_second_batch(checker, kind, claim, text)
