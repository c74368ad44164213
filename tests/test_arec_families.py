"""Branch arec's families (tests/data/arec_families.yaml, run by :mod:`q5_families`), from
round a's development misses (session 17): moving 401(k) money to Roth said to need leaving
the job first (`roth-conversion-requires-leaving-job`: LEAVE_FIRST, ONLY_AFTER_LEAVING); the
employer match said to eat into one's own deferral room, by a pronoun after the match or as
"less room" (`employer-match-counts-toward-deferral-limit`); each new plan said to bring a
fresh limit (EACH_EMPLOYER); the age-55 exception said to come along to an IRA
(`rule-of-55-ira`'s FOLLOWS_THE_MONEY); tax law said to make a borrower "remain with the
employer" (`plan-loan-stay-employed-tax-rule`); a later main home held to five years
(`plan-loan-first-home-only`'s LATER_HOME); several 401(k)s' RMDs pooled, the amounts named by
what each plan requires or owes (REQUIRED_AMOUNT) or the IRAs' shortcut said to work "here"
too (SAME_AS); the IRAs added to the still-working delay with the RMD unnamed
(`rmd-still-working-ira`); the IRA's first-home exception given to a 401(k) in a table row
of a 401(k) page, "just like it does for an IRA" (BOTH_KINDS) or as "the same break"
(`first-home-exception-401k`); account statements demanded for a hardship withdrawal
(`hardship-proof-required`'s ASSET_STATEMENTS); the worked example of a mandatory 20% on a
hardship payout, $10,000 asked and $8,000 received (`hardship-mandatory-withholding`, a
condition's ``keeps_share``); a reply that says the person who made a wrong claim has it
right (:mod:`taxcheck.matching.endorsed`); the IRA catch-up said never to rise with inflation
one sentence after the extra amount (`ira-catch-up-fixed`); "Whether X depends on Y", whose
question ends before "depends on" (what it turns on is stated); and a numbered listicle of mistakes
(:mod:`taxcheck.matching.mistakes`). Each wrong passage has a right twin that must stay quiet;
those not handled yet are listed.

Run as a script for the table: ``.venv/bin/python tests/q5_families.py
tests/data/arec_families.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from q5_families import assert_passage, one_sided_families, outcomes, passages

DATA = Path(__file__).parent / "data" / "arec_families.yaml"
PASSAGES = passages(DATA)

NOT_CAUGHT = frozenset({
    # "## The rule of 55 follows you into an IRA" as an h2 with a body after it: the same
    # words in the body, or "The age-55 escape hatch follows you to an IRA" as the heading,
    # are flagged; with "rule of 55" in a heading the clause is not matched (not understood)
    "af-heading",
    # "Does the same break apply to my 403(b)? A: It does, as long as ...": "It does" with a
    # speaker's tag and a condition after it is no reply concept, so the question's claim
    # (matched) is not taken (a bare "It does." is left to the sentence that explains it)
    "hp-reply-does",
    # "- You request: $15,000. You receive: about $12,000.": label lines that name no concept
    # are no candidate clauses, so the worked example has no clause to match
    "hn-row",
})
"""Wrong passages still missed."""

TWIN_FLAGGED: frozenset[str] = frozenset()
"""Correct twins still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker, DATA)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_arec_family_passage(results, passage):
    assert_passage(results[passage["id"]], passage, NOT_CAUGHT, TWIN_FLAGGED)


def test_every_family_has_wrong_and_right_passages():
    assert one_sided_families(PASSAGES) == []


def _problems(checker, text: str, name: str = "page.md") -> list[tuple[str, str, str]]:
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    return [(f.sentence, f.claim_id, f.verdict) for f in report.findings if f.is_problem]


def test_the_same_shortcut_said_of_old_401ks_takes_the_ira_sentence_before(checker):
    page = ("Your RMDs, account by account\n"
            "IRAs: you can add up what's owed on all of them and take the total from one of "
            "them.\nOld 403(b)s: the same shortcut works here.\n")
    found = _problems(checker, page, "page.txt")
    assert [(c, v) for s, c, v in found if s.startswith("Old 403(b)s")] == [
        ("rmd-401k-aggregated", "false")]
    assert not [s for s, _, _ in found if s.startswith("IRAs:")]


def test_a_numbered_mistake_heading_is_the_warned_practice_not_the_pages_claim(checker):
    page = ("# 4 Roth Conversion Mistakes\n\n## 1. Forgetting the pro-rata rule\n\n"
            "Every traditional IRA counts.\n\n## 2. Assuming you must quit your job first\n\n"
            "Many plans allow in-plan conversions.\n")
    assert _problems(checker, page) == []


def test_the_same_heading_outside_a_list_of_mistakes_is_flagged(checker):
    page = ("# 4 Roth Conversion Tips\n\n## 1. Check the pro-rata rule\n\n"
            "Every traditional IRA counts.\n\n## 2. You must quit your job first\n\n"
            "Plan the timing with HR.\n")
    assert ("roth-conversion-requires-leaving-job", "false") in {
        (c, v) for _, c, v in _problems(checker, page)}


def test_a_share_of_the_other_amount_is_what_is_left_after_a_rate_held_back():
    from taxcheck.matching.conditions import states_share

    assert states_share("So on a $10,000 request, about $8,000 reaches you.", 0.8)
    assert states_share("If you need $8,000 in hand, request $10,000.", 0.8)
    assert not states_share("Ask for $10,000 and about $9,000 reaches you.", 0.8)
    assert not states_share("You can borrow $10,000.", 0.8)


def test_keeps_share_is_a_share_between_nothing_and_all():
    from pydantic import ValidationError

    from taxcheck.claimdb.models import Condition

    assert Condition(all=("HARDSHIP",), keeps_share=0.8).keeps_share == 0.8
    with pytest.raises(ValidationError):
        Condition(all=("HARDSHIP",), keeps_share=1.2)


def test_a_reply_that_says_the_coworker_has_it_right_states_the_coworkers_claim(checker):
    page = ("**Q:** A coworker says I can still undo a Roth conversion if the market drops "
            "before I file. Can I?\n\n**A:** Your coworker has it right.\n")
    found = _problems(checker, page)
    assert ("Your coworker has it right.", "conversion-recharacterize", "outdated") in found


@pytest.mark.parametrize("reply", [
    "Your coworker has it wrong.", "Your coworker isn't right.",
    "Your accountant has it right.",  # not the person who said it
    "Your coworker was right for conversions made before 2018, but not today.",
])
def test_a_denial_or_another_person_endorses_nothing(checker, reply):
    page = ("**Q:** A coworker says I can still undo a Roth conversion if the market drops "
            f"before I file. Can I?\n\n**A:** {reply}\n")
    assert not [s for s, _, _ in _problems(checker, page) if s.startswith("Your")]


def test_what_an_embedded_question_depends_on_is_stated(checker):
    from taxcheck.nlp.candidates import RESULT_KEY

    def asks(text: str) -> bool:
        return any(c.question for c in checker.nlp(text).user_data[RESULT_KEY][0])

    assert not asks("Whether you're affected depends on your household AGI.")
    # everything it names is inside the question: it still asks
    assert asks("Whether you can deduct 401(k) losses depends on the rules.")
    assert asks("Whether you're affected by the Roth catch-up rule, check with HR.")
