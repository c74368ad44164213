"""Findings a sentence must not borrow from the question before it (issue 12, leak).

A question that opens with an aside naming nothing of the rules ("One more thing,", "Quick
question:") and then asks is a query, not a case: the next sentence, which states nothing of
the rule ("The site mentioned withholding."), is not read in it. A case put without an aside
("Hardship withdrawal? It comes out tax-free.") and a wrong answer to the query still are.
"""

from __future__ import annotations

import pytest

PROBLEMS = {"false", "misleading", "outdated"}


def _problems_on(check_text, text: str, sentence: str) -> set[tuple[str, str]]:
    report = check_text(text, ".md")
    return {(f.claim_id, f.verdict) for f in report.findings
            if f.verdict in PROBLEMS and f.sentence.strip() == sentence}


@pytest.mark.parametrize(("text", "after"), [
    # forum reply
    ("**Re: Hardship withdrawal**\n\nThanks! One more thing, does the money come out "
     "tax-free since it's a hardship? The site mentioned withholding.",
     "The site mentioned withholding."),
    # forum post with a colon aside
    ("Quick question: is a hardship withdrawal tax-free because I'm in trouble? My plan's "
     "portal talks about withholding.", "My plan's portal talks about withholding."),
    # Q&A column, dash aside
    ("Last thing - is a hardship withdrawal tax-free if the need is real? The form asked "
     "about withholding.", "The form asked about withholding."),
    # list items of a thread summary
    ("- Also, is money from a hardship withdrawal tax-free? My HR lady sent a form.",
     "My HR lady sent a form."),
])
def test_a_query_after_an_aside_lends_nothing_to_the_next_sentence(check_text, text, after):
    assert not _problems_on(check_text, text, after)


@pytest.mark.parametrize(("text", "after", "claim"), [
    # a case put without an aside: the next sentence states what holds in it
    ("Hardship withdrawal? It comes out tax-free.", "It comes out tax-free.",
     "hardship-withdrawal-tax-free"),
    ("Lost money in your IRA? You can write the loss off on your return.",
     "You can write the loss off on your return.", "retirement-loss-deductible"),
    # a query after an aside, answered wrongly
    ("One more thing, is a hardship withdrawal tax-free? Yes, it comes out tax-free.",
     "Yes, it comes out tax-free.", "hardship-withdrawal-tax-free"),
    ("Quick question: can I deduct a loss in my IRA? Yes, you can deduct it as a capital "
     "loss.", "Yes, you can deduct it as a capital loss.", "retirement-loss-deductible"),
])
def test_a_case_or_a_wrong_answer_is_still_flagged(check_text, text, after, claim):
    assert claim in {c for c, _ in _problems_on(check_text, text, after)}


def test_an_aside_that_names_the_case_still_sets_it_up():
    from taxcheck.clauses import Candidate, ConceptMention
    from taxcheck.matching.retries.cases import asks_after_aside, sets_up_case

    def asked(text: str, *concepts: tuple[str, str]) -> Candidate:
        found = tuple(ConceptMention(label, text.index(word), text.index(word) + len(word),
                                     word) for label, word in concepts)
        return Candidate(start=0, end=len(text), text=text, sentence_index=0,
                         sentence_start=0, sentence_end=len(text), sentence=text,
                         concepts=found, polarity="affirmed", negations=(), hedges=(),
                         attribution=None, question=True, imperative=False, anaphor=False,
                         assertive=False, historical=False, quantities=())

    assert asks_after_aside(asked("One more thing, does the money come out tax-free?"))
    assert not sets_up_case(asked("Sorry, dumb question, but is my IRA loss deductible?"))
    # the opening names the case (an age, a withdrawal): the case stands
    assert not asks_after_aside(asked("Over 50, can I add more?", ("AGE_50", "Over 50")))
    assert not asks_after_aside(asked("Hardship withdrawal, is it taxed?",
                                      ("HARDSHIP", "Hardship")))
    # a speaker's label is no aside: the transcript's question keeps its own reading
    assert not asks_after_aside(asked("CALLER: Does it matter that I also have an IRA?"))
    # an aside followed by a statement, not a query
    assert not asks_after_aside(asked("Honestly, you should ask your plan?"))


# --- a bare "not anymore" to a question about an outdated rule ends its steps -------------------

_OLD_LOAN = ("Leave your job with a 401(k) loan still open and you have 60 days to pay it back "
             "or the balance becomes taxable.")


@pytest.mark.parametrize(("text", "after"), [
    # forum reply under a "Re:" line
    (f"{_OLD_LOAN}\n\nRe: laid off with a $12k loan balance, do I really only have 60 days?\n"
     "Not anymore. You have until that year's tax return is due, extension included, to "
     "roll over the amount the plan took back.",
     "You have until that year's tax return is due, extension included, to roll over the "
     "amount the plan took back."),
    # list item that asks and answers
    (f"- {_OLD_LOAN}\n- Still only 60 days to cover a $15,000 offset? Not anymore. You have "
     "until the due date of your return to roll it over.",
     "You have until the due date of your return to roll it over."),
])
def test_the_reply_after_not_anymore_is_no_step_of_the_old_rule(check_text, text, after):
    assert not _problems_on(check_text, text, after)


@pytest.mark.parametrize("reply", [
    # the reply confirms the old rule: its restatement is still flagged
    "Yes. You have 60 days to pay back the amount the plan took back or roll it over.",
    # the reply says "not anymore" and then restates the old rule all the same
    "Not anymore. You have 60 days to repay the amount the plan took back.",
])
def test_a_confirmed_or_restated_old_rule_is_still_flagged(check_text, reply):
    text = (f"{_OLD_LOAN}\n\nRe: laid off with a $12k loan balance, do I really only have 60 "
            f"days?\n{reply}")
    after = reply.split(". ", 1)[1]
    assert "plan-loan-offset-60-days" in {c for c, _ in _problems_on(check_text, text, after)}


# --- a denial keeps its polarity past a concession that waits "until <age>" ---------------------

_RULE_55 = ("The age-55 rule covers the plan of the job you leave, if you separate in or after "
            "the year you turn 55.")


@pytest.mark.parametrize("text", [
    f"{_RULE_55} Quit at 53 and you don't qualify, even if you wait until 56 to withdraw.",
    f"{_RULE_55} If you quit at 52, you won't qualify even if you wait until 55 to withdraw.",
    "Q: I left my job at 53. Can I use the rule of 55 once I turn 55?\n\nA: No. You don't "
    "qualify even if you hold off until 55.",
])
def test_a_denial_with_a_concession_until_an_age_is_not_flagged(check_text, text):
    report = check_text(text, ".md")
    assert not {f.claim_id for f in report.findings if f.verdict in PROBLEMS}


@pytest.mark.parametrize(("text", "claim"), [
    # the wait is the rule's own: "not ... until 70½" states when RMDs start
    ("You don't have to take RMDs until 70½, even if you retire early.",
     "rmd-start-age-70-half"),
    (f"{_RULE_55} Quit at 53 and you still qualify, as long as you wait until 55 to withdraw.",
     "rule-of-55-left-before-55"),
])
def test_a_wait_stated_as_the_rule_is_still_flagged(check_text, text, claim):
    report = check_text(text, ".md")
    assert claim in {f.claim_id for f in report.findings if f.verdict in PROBLEMS}
