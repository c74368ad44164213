"""Claims in loose everyday words (session 10, para8): 77 short real-page passages (a sentence,
a heading, a list item under its lead-in, a flattened table row, a label: value line, a forum
post, an FAQ reply) over RMDs, early withdrawals, Roth rules, rollovers and the Saver's
Credit, each stating one wrong claim in slang, idioms, hedges and negations ("Uncle Sam takes
a 10% bite and that's all you owe", "the IRS never cuts anyone a break", "your IRAs still need
them"), with its correct twin. Written from the fact sheet alone before any code, claim or
corpus file was read (tests/data/loose-wording/pairs.yaml).

A wrong passage is flagged with the claim the data names and a problem verdict; its correct
twin raises no problem finding. The passages the rules still miss carry a ``missed:`` reason
(most need a question's or lead-in's context, or an amount check): they are asserted missed,
so that fixing one shows up here and the key is dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "loose-wording" / "pairs.yaml"
PROBLEMS = {"false", "misleading", "outdated"}
PAIRS = yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _problems(checker, text: str) -> list[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode("utf-8"), "page.txt"))
    return [(f.claim_id, f.verdict) for f in report.findings if f.verdict in PROBLEMS]


def test_the_set_spans_the_topics_and_shapes():
    assert len(PAIRS) >= 60
    assert len({p["id"] for p in PAIRS}) == len(PAIRS)
    prefixes = {p["topic"].split("-")[0] for p in PAIRS}
    assert {"rmd", "ew", "roth", "ro", "savers"} <= prefixes
    assert {p["shape"] for p in PAIRS} == {"sentence", "heading", "list", "table", "label",
                                           "forum", "faq"}
    assert all(("claim" in p) != ("missed" in p) for p in PAIRS)


@pytest.mark.parametrize("pair", [p for p in PAIRS if "claim" in p], ids=lambda p: p["id"])
def test_a_loosely_worded_wrong_claim_is_flagged(checker, pair):
    found = _problems(checker, pair["wrong"])
    assert pair["claim"] in {claim for claim, _ in found}, found


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p["id"])
def test_its_correct_twin_stays_quiet(checker, pair):
    assert _problems(checker, pair["right"]) == []


@pytest.mark.parametrize("pair", [p for p in PAIRS if "missed" in p], ids=lambda p: p["id"])
def test_what_is_still_missed_is_listed(checker, pair):
    assert _problems(checker, pair["wrong"]) == [], "now caught: name its claim in the data"


SECOND = [line.split("|", 1) for line in
          (DATA.parent / "second-batch.txt").read_text(encoding="utf-8").splitlines()
          if line[:2] in ("W|", "R|")]


@pytest.mark.parametrize("kind,text", SECOND, ids=lambda v: v[:40])
def test_the_second_batch(checker, kind, text):
    missed = text.endswith(" #missed")
    found = _problems(checker, text.removesuffix(" #missed"))
    assert bool(found) == (kind == "W" and not missed), found
