"""The matcher's stages on plain labels, without running the spaCy pipeline.

Discourse resolution, the retries and condition matching take candidates as plain data
(:mod:`taxcheck.clauses`), so each decision can be tested on its own.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from taxcheck.claimdb.models import Condition
from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.findings import Step
from taxcheck.follow_ons import follow_on
from taxcheck.matching.conditions import condition_met
from taxcheck.matching.discourse import (
    DiscourseContext,
    answered_row,
    antecedent_in_sentence,
    follows_on,
    passed_on_year,
    relied_on,
    resolve_clause,
)
from taxcheck.matching.retries.cases import sets_up_case, under_case
from taxcheck.matching.retries.lead_ins import LeadIn, as_item_of, completes_lead_in, lead_in_of
from taxcheck.matching.retries.nearby_clauses import (
    with_consequence,
    with_ellipsis,
    with_explained_clause,
)
from taxcheck.matching.retries.procedures import (
    Procedure,
    as_step_of,
    continues_procedure,
    how_to,
    next_step,
    steps_follow,
    turns_away,
)
from taxcheck.matching.retries.questions import Question
from taxcheck.matching.retries.worked_examples import Stated, in_example, works_out_rate
from taxcheck.matching.years import ClauseYears
from taxcheck.nlp.quantities import Quantity

YEARS = ClauseYears(frame=2026)


def clause(text: str, *labels: str, start: int = 0, sentence: int = 0,
           polarity: str = "affirmed", anaphors: tuple[str, ...] = (),
           historical: bool = False) -> Candidate:
    concepts = tuple(ConceptMention(label, start, start + 1, label.lower()) for label in labels)
    return Candidate(start=start, end=start + len(text), text=text, sentence_index=sentence,
                     sentence_start=0, sentence_end=start + len(text), sentence=text,
                     concepts=concepts, polarity=polarity, negations=(), hedges=(),  # type: ignore[arg-type]
                     attribution=None, question=False, imperative=False,
                     anaphor=bool(anaphors), assertive=False, historical=historical,
                     quantities=(), anaphors=anaphors)


def test_condition_needs_every_concept_and_the_polarity():
    cond = Condition(all=("EMPLOYER_PLAN", "LOSS"), any=("DEDUCT",), polarity="affirmed")
    named = frozenset({"EMPLOYER_PLAN", "LOSS", "DEDUCT"})
    assert condition_met(cond, named, clause("x", *named), YEARS) == frozenset()
    assert condition_met(cond, named - {"LOSS"}, clause("x"), YEARS) is None
    assert condition_met(cond, named, clause("x", polarity="negated"), YEARS) is None
    assert condition_met(cond, named | {"ROTH"}, clause("x"), YEARS) == frozenset()


def test_condition_takes_implied_concepts_only_from_the_section():
    cond = Condition(all=("WASH_SALE", "DAYS"), implied=("WASH_SALE",))
    labels = frozenset({"DAYS"})
    assert condition_met(cond, labels, clause("x"), YEARS) is None
    assert condition_met(cond, labels, clause("x"), YEARS,
                         ambient=frozenset({"WASH_SALE"})) == frozenset({"WASH_SALE"})


def test_an_account_is_not_left_implied_when_the_section_also_names_one_ruled_out():
    # "First home: up to $10,000, a lifetime number" under "IRA only:" on a 401(k) page
    cond = Condition(all=("FIRST_HOME", "EMPLOYER_PLAN"), implied=("EMPLOYER_PLAN",),
                     none=("IRA",))
    accounts = frozenset({"EMPLOYER_PLAN", "IRA", "GOV_457"})
    labels = frozenset({"FIRST_HOME"})
    assert condition_met(cond, labels, clause("x"), YEARS, ambient=frozenset(
        {"EMPLOYER_PLAN"}), accounts=accounts) == frozenset({"EMPLOYER_PLAN"})
    assert condition_met(cond, labels, clause("x"), YEARS, ambient=frozenset(
        {"EMPLOYER_PLAN", "IRA"}), accounts=accounts) is None
    # a kind of the account left implied (a 457(b) is a workplace plan) rules out nothing
    narrower = Condition(all=("FIRST_HOME", "EMPLOYER_PLAN"), implied=("EMPLOYER_PLAN",),
                         none=("GOV_457",))
    assert condition_met(narrower, labels, clause("x"), YEARS, ambient=frozenset(
        {"EMPLOYER_PLAN", "GOV_457"}), accounts=accounts,
        broader=lambda x: x | {"EMPLOYER_PLAN"}) == frozenset({"EMPLOYER_PLAN"})


def test_a_clause_about_the_past_states_no_rule_for_today():
    cond = Condition(all=("LOSS",))
    assert condition_met(cond, frozenset({"LOSS"}), clause("x", historical=True), YEARS) is None
    past = Condition(all=("LOSS",), past=True)
    assert condition_met(past, frozenset({"LOSS"}), clause("x", historical=True),
                         YEARS) == frozenset()


def test_a_present_condition_is_not_met_by_a_clause_told_in_the_past():
    # "You had to close every account of the same type" under "The old IRA loss write-off"
    cond = Condition(all=("CLOSE_ALL", "LOSS"), implied=("LOSS",), present=True)
    labels = frozenset({"CLOSE_ALL"})
    ambient = frozenset({"LOSS"})
    assert condition_met(cond, labels, clause("You must close every account."), YEARS,
                         ambient=ambient) == frozenset({"LOSS"})
    assert condition_met(cond, labels, clause("You had to close every account."), YEARS,
                         ambient=ambient) is None
    # its subordinate clause in the past tells the case, not the rule's tense
    assert condition_met(cond, labels, clause("Close them all, if you had after-tax money."),
                         YEARS, ambient=ambient) == frozenset({"LOSS"})
    # dated by its paragraph ("From a 2024 return: ..."), it states the rule for that year
    dated = ClauseYears(frame=2024, checked=2026)
    assert condition_met(cond, labels, clause("You had to close every account."), dated,
                         ambient=ambient) == frozenset({"LOSS"})
    with pytest.raises(ValueError):
        Condition(all=("LOSS",), past=True, present=True)


def test_a_pronoun_takes_the_account_of_the_sentence_before(db):
    context = DiscourseContext(db)
    context.update({"EMPLOYER_PLAN", "LOSS"})
    context.sentence = 1
    res = resolve_clause(clause("You can deduct them.", "DEDUCT", anaphors=("them",)),
                         context, heading=False, list_item=False, section={},
                         section_groups={}, heading_groups={})
    assert {"EMPLOYER_PLAN", "LOSS", "DEDUCT"} <= res.labels
    inherited = {label for step in res.steps for label in step.labels}
    assert {"EMPLOYER_PLAN", "LOSS"} <= inherited
    assert {step.source for step in res.steps} == {"context"}


def test_a_clause_without_a_pronoun_inherits_nothing(db):
    context = DiscourseContext(db)
    context.update({"EMPLOYER_PLAN", "LOSS"})
    context.sentence = 1
    res = resolve_clause(clause("You can deduct stock losses.", "DEDUCT"), context,
                         heading=False, list_item=False, section={}, section_groups={},
                         heading_groups={})
    assert res.labels == {"DEDUCT"}
    assert res.steps == []


def _point_back(db, cand: Candidate, account_at: int, now: int) -> set[str]:
    """Labels of ``cand`` in sentence ``now`` after an IRA was named in ``account_at``."""
    context = DiscourseContext(db)
    context.sentence = account_at
    context.update({"IRA"})
    context.sentence = now
    return resolve_clause(cand, context, heading=False, list_item=False, section={},
                          section_groups={}, heading_groups={}).labels


def test_a_pronoun_after_its_antecedent_in_the_sentence_is_not_an_account_from_afar(db):
    # "Update on my loan: if I can't repay it, they'll count it as a distribution"
    loan = clause("Update on my loan: if I can't repay it, they'll count it as a payout.",
                  "LOAN", anaphors=("it", "they", "it"))
    assert "IRA" not in _point_back(db, loan, account_at=0, now=2)
    # the sentence before may still give the account the loan is held in
    assert "IRA" in _point_back(db, loan, account_at=1, now=2)


def test_a_pronoun_before_anything_is_named_still_reaches_back(db):
    # "It isn't deductible, sadly": nothing in the sentence can be what "it" is
    opening = clause("It isn't deductible, sadly.", "DEDUCT", anaphors=("it",), start=0)
    assert "IRA" in _point_back(db, opening, account_at=0, now=2)
    # a phrase naming its kind points past its sentence wherever it stands
    losses = clause("Losses in those accounts aren't deductible.", "LOSS", "DEDUCT",
                    anaphors=("those",))
    assert "IRA" in _point_back(db, losses, account_at=0, now=2)


@pytest.mark.parametrize("text, labels, named_before, expected", [
    ("When you take money out, it comes out in a set order.", ("LOSS",), False, True),
    ("It comes out in a set order.", ("LOSS",), False, False),
    # an earlier clause of the same sentence named the thing
    ("it can't conjure up a deduction", ("DEDUCT",), True, True),
    ("these losses can't be deducted", ("LOSS",), True, False),
])
def test_which_pronouns_have_their_antecedent_in_their_own_sentence(
        text, labels, named_before, expected):
    assert antecedent_in_sentence(clause(text, *labels, anaphors=tuple(
        w for w in ("it", "these") if w in text.lower().split())), named_before) is expected


def test_ellipsis_takes_the_topic_of_the_sentence_before_only_when_it_then_matches(db):
    context = DiscourseContext(db)
    context.update({"HARDSHIP"})
    context.sentence = 1
    cand = clause("In other words, you still owe the penalty.", "PENALTY")
    res = resolve_clause(cand, context, heading=False, list_item=False, section={},
                         section_groups={}, heading_groups={})
    tried: list[set[str]] = []

    def match_when_hardship(labels: set[str]) -> list[str]:
        tried.append(set(labels))
        return ["a match"] if "HARDSHIP" in labels else []

    matches, wider = with_ellipsis(cand, res, [cand], context, match_when_hardship)  # type: ignore[arg-type]
    assert matches == ["a match"]
    assert wider.labels == {"PENALTY", "HARDSHIP"}
    assert "HARDSHIP" in wider.referred
    matches, same = with_ellipsis(cand, res, [cand], context, lambda labels: [])
    assert matches == [] and same.labels == {"PENALTY"}


def test_a_because_clause_completes_the_clause_it_explains(db):
    first = clause("Quitting at 54 doesn't work", "SEPARATION", "AGE_55", start=0)
    reason = clause(", because you left too early", "PENALTY", start=27)
    res = resolve_clause(reason, DiscourseContext(db), heading=False, list_item=False,
                         section={}, section_groups={}, heading_groups={})

    def match(labels: set[str], *_: object) -> list[str]:
        return ["a match"] if {"SEPARATION", "PENALTY"} <= labels else []

    matches, wider = with_explained_clause(reason, res, [first, reason], set(), match)  # type: ignore[arg-type]
    assert matches == ["a match"]
    assert wider.steps[-1].source == "explained-clause"
    assert set(wider.steps[-1].labels) == {"SEPARATION", "AGE_55"}
    # when the first clause already stated a claim, the reason is not read into it again
    matches, _ = with_explained_clause(reason, res, [first, reason], {first.start}, match)  # type: ignore[arg-type]
    assert matches == []


@pytest.mark.parametrize(("sentence", "polarity"), [
    # the reason is denied with the clause it explains
    ("IRA RMDs are not delayed because you keep working.", "negated"),
    # a reason set off by a comma is asserted on its own (para9)
    ("Converting in a dip doesn't save you a dime, since you pay tax on what you put in.",
     "affirmed"),
    ("Converting in a dip doesn't save you a dime; because you pay tax on what you put in.",
     "affirmed"),
])
def test_a_reason_takes_the_denial_of_its_clause_only_when_not_set_off(db, sentence, polarity):
    at = sentence.index(" because") if " because" in sentence else sentence.index(" since")
    at += 1
    first = replace(clause(sentence[:at].rstrip(" ,;"), "CONVERT", polarity="negated"),
                    sentence=sentence, sentence_end=len(sentence))
    reason = replace(clause(sentence[at:], "TAXABLE", start=at), sentence=sentence,
                     sentence_end=len(sentence))
    res = resolve_clause(reason, DiscourseContext(db), heading=False, list_item=False,
                         section={}, section_groups={}, heading_groups={})
    matches, _ = with_explained_clause(reason, res, [first, reason], set(),
                                       lambda labels, cand: [cand.polarity])  # type: ignore[arg-type]
    assert matches == [polarity]


def test_a_set_off_reason_takes_only_the_things_a_denied_clause_speaks_of(db):
    sentence = "Roth contributions come out with no tax, because they were already taxed."
    at = sentence.index("because")
    first = replace(clause(sentence[:at].rstrip(" ,"), "ROTH_IRA", "TAX_FREE",
                           polarity="negated"), sentence=sentence, sentence_end=len(sentence))
    reason = replace(clause(sentence[at:], "TAXABLE", start=at), sentence=sentence,
                     sentence_end=len(sentence))
    res = resolve_clause(reason, DiscourseContext(db), heading=False, list_item=False,
                         section={}, section_groups={}, heading_groups={})
    matches, _ = with_explained_clause(
        reason, res, [first, reason], set(),
        lambda labels, cand: [(cand.polarity, frozenset(labels))],  # type: ignore[arg-type]
        frozenset({"ROTH_IRA"}))
    assert matches == [("affirmed", frozenset({"ROTH_IRA", "TAXABLE"}))]


def _hardship_penalty_free(labels: set[str], *_: object) -> list[str]:
    return ["a match"] if {"HARDSHIP", "PENALTY_FREE"} <= labels else []


@pytest.mark.parametrize("link", [", so the 10% falls away", ", which means the 10% is waived",
                                  " and so the surcharge disappears",
                                  ", which is why the 10% is waived"])
def test_a_cause_and_its_consequence_complete_each_other_either_way(db, link):
    cause = clause("Once the plan approves the hardship", "HARDSHIP", "EXCEPTION")
    result = clause(link, "PENALTY_FREE", start=36)
    for reading in (cause, result):  # the cause needs the consequence, and back
        res = resolve_clause(reading, DiscourseContext(db), heading=False, list_item=False,
                             section={}, section_groups={}, heading_groups={})
        matches, wider = with_consequence(reading, res, [cause, result],
                                          _hardship_penalty_free)  # type: ignore[arg-type]
        assert matches == ["a match"]
        assert wider.steps[-1].source == "consequence"


def test_nothing_is_borrowed_across_but_or_from_a_clause_of_the_other_polarity(db):
    first = clause("A hardship lets the plan pay you early", "HARDSHIP")
    contrast = clause(", but the 10% isn't waived", "PENALTY_FREE", start=38,
                      polarity="negated")
    denied = clause(", so the 10% isn't waived", "PENALTY_FREE", start=38, polarity="negated")
    for cands in ([first, contrast], [first, denied]):
        res = resolve_clause(first, DiscourseContext(db), heading=False, list_item=False,
                             section={}, section_groups={}, heading_groups={})
        matches, same = with_consequence(first, res, cands, _hardship_penalty_free)  # type: ignore[arg-type]
        assert matches == [] and same.labels == {"HARDSHIP"}


@pytest.mark.parametrize("tail", [", but only after each one is five years old",
                                  " but only once five years have passed",
                                  ", and only if the account is five years old"])
def test_a_restriction_is_read_with_the_clause_it_restricts_even_when_that_stated_a_claim(
        db, tail):
    first = clause("Contributions come out penalty-free", "CONTRIBUTIONS_ONLY", "PENALTY_FREE")
    restriction = clause(tail, "FIVE_YEAR", "ONLY", start=36)
    res = resolve_clause(restriction, DiscourseContext(db), heading=False, list_item=False,
                         section={}, section_groups={}, heading_groups={})

    def match(labels: set[str], *_: object) -> list[str]:
        return ["a match"] if {"CONTRIBUTIONS_ONLY", "FIVE_YEAR"} <= labels else []

    matches, wider = with_explained_clause(restriction, res, [first, restriction],
                                           {first.start}, match)  # type: ignore[arg-type]
    assert matches == ["a match"]
    assert "CONTRIBUTIONS_ONLY" in wider.steps[-1].labels


def _claim_match(db, claim_id: str, concepts: set[str]):
    from taxcheck.matching.conditions import Match

    claim = next(c for c in db.claims if c.id == claim_id)
    return Match(claim, claim.when[0], frozenset(concepts), claim.verdict or "accurate",
                 "", claim.rule, claim.correction, (), claim.citations)


def test_a_lead_in_is_the_last_sentence_of_a_block_ending_in_a_colon():
    intro = clause("Some background.", "LOSS", sentence=0)
    lead = clause("These count as hardships:", "HARDSHIP", start=17, sentence=1)
    got = lead_in_of([intro, lead], "Some background. These count as hardships:",
                     [frozenset({"LOSS"}), frozenset({"HARDSHIP"})], 3)
    assert got is not None and got.labels == {"HARDSHIP"} and got.polarity == "affirmed"
    # the last sentence names nothing: the sentence before it is not the lead-in
    gone = clause("The IRA-loss deduction is gone.", "DEDUCT", "LOSS")
    assert lead_in_of([gone], "The IRA-loss deduction is gone. Here's what to do instead:",
                      [frozenset({"DEDUCT", "LOSS"})], 3) is None
    assert lead_in_of([lead], "These count as hardships.", [frozenset({"HARDSHIP"})], 3) is None
    denied = clause("The age-55 rule doesn't cover:", "AGE_55", polarity="negated")
    got = lead_in_of([denied], denied.text, [frozenset({"AGE_55"})], 1)
    assert got is not None and got.polarity == "negated"


def test_a_list_item_completes_its_lead_in_with_the_lead_ins_polarity(db):
    lead = LeadIn(frozenset({"AGE_55", "TRIGGER"}), "negated", ("n't",), 1)
    item = clause("IRAs", "IRA")
    res = resolve_clause(item, DiscourseContext(db), heading=False, list_item=True, section={},
                         section_groups={}, heading_groups={})
    seen: list[tuple[set[str], str]] = []

    def match(labels: set[str], stated: Candidate = item) -> list:
        seen.append((set(labels), stated.polarity))
        return [_claim_match(db, "rule-of-55-any-plan", labels)]

    matches, wider = as_item_of(item, res, lead, match)
    assert seen == [({"IRA", "AGE_55", "TRIGGER"}, "negated")]
    assert [m.claim.id for m in matches] == ["rule-of-55-any-plan"]
    assert wider.cand.polarity == "negated" and wider.steps[-1].source == "lead-in"
    # an item that is itself denied keeps its own polarity
    seen.clear()
    as_item_of(clause("Not IRAs", "IRA", polarity="negated"), res,
               replace(lead, polarity="affirmed", negations=()), match)
    assert seen[0][1] == "negated"


def test_a_list_item_does_not_restate_the_claim_its_lead_in_states(db):
    lead = LeadIn(frozenset({"HARDSHIP"}), "affirmed", (), 1,
                  claims=frozenset({"hardship-few-reasons"}))
    item = clause("Funeral costs", "SAFE_HARBOR_REASON")
    res = resolve_clause(item, DiscourseContext(db), heading=False, list_item=True, section={},
                         section_groups={}, heading_groups={})

    def match(labels: set[str], *_: object) -> list:
        return [_claim_match(db, "hardship-few-reasons", {"HARDSHIP", "SAFE_HARBOR_REASON"}),
                _claim_match(db, "hardship-safe-harbor-reasons", {"HARDSHIP"})]

    # the first is the lead-in's own claim; the second rests only on the lead-in's words
    matches, same = as_item_of(item, res, lead, match)
    assert matches == [] and same is res
    assert as_item_of(item, res, None, match) == ([], res)


def test_a_question_without_an_auxiliary_or_question_word_sets_up_a_case():
    def asked(text: str, *labels: str) -> Candidate:
        return replace(clause(text, *labels), question=True)

    assert sets_up_case(asked("Over 50?", "AGE_50"))
    assert sets_up_case(asked("Lost money in your IRA?", "IRA", "LOSS"))
    assert sets_up_case(asked("Born in 1960 or later?", "BIRTH_YEAR"))
    assert not sets_up_case(asked("Can you deduct a loss in your IRA?", "IRA", "LOSS"))
    assert not sets_up_case(asked("What about the 10% penalty?", "PENALTY"))
    assert not sets_up_case(asked("Does the rule apply to IRAs?", "IRA"))
    # the subject left out before "had to" sets up a case; "Had you ...?" asks
    assert sets_up_case(asked("Had to sell your house at a loss?", "SELL", "LOSS"))
    assert not sets_up_case(asked("Had you sold the shares before the move?", "SELL"))
    # a question about the reader, not a case of the rule
    assert not sets_up_case(asked("Not sure how this applies to you?", "TRIGGER"))
    assert not sets_up_case(asked("Wondering where to start?"))
    # an embedded question that does not end in a question mark asks nothing
    assert not sets_up_case(asked("Check whether your plan offers loans.", "LOAN"))
    # a linking "and"/"but"/"so" before the case changes nothing, nor before a question
    assert sets_up_case(asked("And above those ranges?", "PHASE_OUT"))
    assert sets_up_case(asked("But over 50?", "AGE_50"))
    assert sets_up_case(asked("So born in 1960 or later?", "BIRTH_YEAR"))
    assert not sets_up_case(asked("And what about Roth IRAs?", "ROTH_IRA"))
    assert not sets_up_case(asked("But can you deduct it?", "DEDUCT"))
    # "Have" + what the reader has names a case; "Have you ...?" and "Have the ...?" ask
    assert sets_up_case(asked("Have two old 401(k)s?", "EMPLOYER_PLAN"))
    assert sets_up_case(asked("Have a 401(k) at work?", "EMPLOYER_PLAN"))
    assert not sets_up_case(asked("Have you left your job?", "SEPARATION"))
    assert not sets_up_case(asked("Have the rules changed?", "RMD"))


def test_the_sentence_after_a_case_states_what_holds_in_it(db):
    case = Question(frozenset({"IRA", "LOSS"}), sentence=0, line=1, conditional=True)
    reply = clause("There may be a write-off.", "DEDUCT", sentence=1)
    res = resolve_clause(reply, DiscourseContext(db), heading=False, list_item=False,
                         section={}, section_groups={}, heading_groups={})

    def match(labels: set[str], *_: object) -> list[str]:
        return ["a match"] if {"IRA", "LOSS", "DEDUCT"} <= labels else []

    matches, wider = under_case(reply, res, case, 1, match)  # type: ignore[arg-type]
    assert matches == ["a match"] and wider.steps[-1].source == "case"
    # only right after the case, and only after a question that sets one up
    assert under_case(reply, res, case, 2, match)[0] == []  # type: ignore[arg-type]
    asked = replace(case, conditional=False)
    assert under_case(reply, res, asked, 1, match)[0] == []  # type: ignore[arg-type]


def test_a_worked_example_restates_only_the_wrong_rate_of_the_clause_before(db):
    from taxcheck.nlp.quantities import Quantity

    def with_amounts(cand: Candidate, *amounts: tuple[str, float]) -> Candidate:
        return replace(cand, quantities=tuple(Quantity(kind, value, 0, 1, str(value))  # type: ignore[arg-type]
                                              for kind, value in amounts))

    rate = with_amounts(clause("The IRS takes 50% of a missed RMD.", "RMD", "PENALTY"),
                        ("percent", 50))
    wrong = replace(_claim_match(db, "rmd-excise-rate", {"RMD", "PENALTY"}), verdict="outdated",
                    steps=(Step(stage="number", detail="50% is the 2022 figure"),))
    # a right claim of the same clause, and a wrong one about something else than the rate
    right = replace(wrong, verdict="accurate")
    other = _claim_match(db, "hardship-withdrawal-penalty-free", {"HARDSHIP"})
    last = Stated(rate, (wrong, right, other), 0, 1)
    example = with_amounts(clause("Miss $10,000 and you owe $5,000.", "MISS", sentence=1),
                           ("usd", 10_000), ("usd", 5_000))
    res = resolve_clause(example, DiscourseContext(db), heading=False, list_item=False,
                         section={}, section_groups={}, heading_groups={})
    matches, worked = works_out_rate(example, res, last, 1)
    assert [m.claim.id for m in matches] == ["rmd-excise-rate"]
    assert worked.steps[-1].source == "worked-example"
    # too far from the rate, or too many sentences after it
    off = with_amounts(example, ("usd", 10_000), ("usd", 4_000))
    assert works_out_rate(off, res, last, 1)[0] == []
    assert works_out_rate(example, res, last, 3)[0] == []


@pytest.mark.parametrize(("text", "kind"), [
    ("It isn't.", "ellipsis"), ("They still do.", "ellipsis"),
    ("And no, this one doesn\u2019t either.", "ellipsis"), ("That one counts too.", "ellipsis"),
    ("You simply won\u2019t owe it.", "restates"), ("You'll still pay it.", "restates"),
    ("That's a big deal.", None), ("It adds up.", None), ("That's it.", None),
    ("Is it?", None), ("It works.", None),
])
def test_the_shape_of_a_follow_on_sentence(text, kind):
    assert follow_on(text) == kind


def test_a_follow_on_takes_the_statement_with_its_own_or_the_statements_polarity():
    said = clause("Hardship withdrawals are penalty-free.", "HARDSHIP", "PENALTY_FREE")
    labels = frozenset(said.labels)
    denial = clause("It isn't.", polarity="negated")
    res = follows_on(denial, "ellipsis", labels, said)
    assert (res.labels, res.cand.polarity) == (set(labels), "negated")
    assert res.steps[0].source == "previous-statement"
    restated = follows_on(clause("You won't owe it.", polarity="negated"), "restates",
                          labels, said)
    assert (restated.labels, restated.cand.polarity) == (set(labels), "affirmed")


@pytest.mark.parametrize("sentence", [
    "HR told me they'll withhold 20% from my hardship check.",
    "My dad was sick and his plan said he could only take $10,000 penalty-free.",
    "Our plan administrator confirmed the loan can run 15 years for a house.",
    "My old employer's benefits office told me the rule of 55 covers my IRA.",
])
def test_a_report_from_whoever_runs_the_plan_is_relied_on(sentence):
    assert relied_on(sentence, "Worked out fine for us.")


@pytest.mark.parametrize(("sentence", "after"), [
    ("HR told me they'll withhold 20% from my hardship check.", "Is that right?"),
    ("HR told me they'll withhold 20% from my hardship check.", "They were wrong, it turns out."),
    ("HR told me they'll withhold 20% from my hardship check.", "Actually, they can't."),
    ("Did HR tell you they'd withhold 20%?", "They did."),
    ("My brother-in-law says I can deduct the IRA loss.", "Sounds great."),
    ("A coworker told me hardship withdrawals are penalty-free.", "So that's the plan."),
])
def test_a_doubted_report_or_a_relatives_is_not_relied_on(sentence, after):
    assert not relied_on(sentence, after)


def _with_year(text: str, *years: int) -> Candidate:
    quantities = tuple(Quantity("year", float(y), 0, 4, str(y)) for y in years)
    return replace(clause(text), quantities=quantities)


def test_a_figure_stated_for_a_year_passes_the_year_on():
    cand = _with_year("The 401(k) limit for 2024 is $23,000.", 2024)
    assert passed_on_year(ClauseYears(frame=2024, own=True), cand, True) == 2024
    # "$23,000 for 2024": the year of the amount
    assert passed_on_year(ClauseYears(frame=2026, amount_year=2024), cand, True) == 2024
    # a question about a year passes it to its answer; an event's year goes nowhere
    assert passed_on_year(ClauseYears(frame=2024, own=True), cand, False, question=True) == 2024
    assert passed_on_year(ClauseYears(frame=2019, own=True), cand, False) is None


def test_this_year_is_not_passed_on():
    # "This year you can put $24,500 in": a relative year, no year written out
    cand = _with_year("This year you can put $24,500 into a 401(k).")
    assert passed_on_year(ClauseYears(frame=2025, own=True, present=2026), cand, True) is None


@pytest.mark.parametrize("text, teaches", [
    ("Here's how to write it off", True),
    ("How to claim an IRA loss", True),
    ("With the freeze over, here's how to claim it on your 2026 return:", True),
    ("Here's how to tell whether your loss counts", False),  # how to find out
    ("How to avoid the penalty", False),
    ("Here's what to know", False),
])
def test_a_how_to_lead_in_is_told_apart_from_other_teasers(text, teaches):
    assert how_to(replace(clause(text, "DEDUCT"), question=True)) is teaches
    # a clause that is not read as a teaser or a question is a statement already
    assert not how_to(clause(text, "DEDUCT"))


def test_the_steps_of_a_procedure_follow_a_block_that_announces_or_leads_into_them(db):
    claim = next(c for c in db.claims if c.id == "ira-loss-deduction-outdated")
    procedure = Procedure(claim, 0, frozenset({"LOSS"}), 3)
    assert steps_follow(procedure, False, "Step-by-step: claiming it on your return")
    assert steps_follow(procedure, False, "Follow these steps:")
    assert steps_follow(procedure, True, "You can deduct it if you close them all. To do it:")
    # the rule stated in passing, ending in a full stop: the list after it is the article's
    assert not steps_follow(procedure, True, "Roth 401(k)s still have RMDs.")
    assert not steps_follow(procedure, False, "The rules are strict:")
    assert steps_follow(procedure, True, "Close all your IRAs.", item=True)
    assert not steps_follow(procedure, False, "Close all your IRAs.", item=True)
    assert not steps_follow(None, True, "Step-by-step:")


@pytest.mark.parametrize("text, away", [
    ("Other year-end moves:", True),
    ("Here's what to do instead:", True),
    ("A few alternatives worth a look:", True),
    ("The rules for claiming it are strict:", False),
    ("The fine print matters:", False),
    ("Other moves matter too.", False),  # no list follows a full stop
])
def test_a_lead_in_to_other_things_is_told_apart(text, away):
    assert turns_away(text) is away


def test_a_steps_heading_continues_the_procedure_it_points_back_to(db):
    claim = next(c for c in db.claims if c.id == "ira-loss-deduction-outdated")
    procedure = Procedure(claim, 2, frozenset({"LOSS", "DEDUCT", "CLOSE_ALL"}), 3)
    pointing = replace(clause("claiming it on your return", "TAX_RETURN"), anaphor=True)
    assert continues_procedure(procedure, "Step-by-step: claiming it on your return", [pointing])
    assert continues_procedure(procedure, "Deducting the loss, step by step",
                               [clause("Deducting the loss", "DEDUCT", "LOSS")])
    assert continues_procedure(procedure, "Follow these steps", [])
    # steps on another subject, and a heading that announces no steps
    rolling = clause("rolling over your 401(k)", "ROLLOVER", "EMPLOYER_PLAN")
    assert not continues_procedure(procedure, "Step by step: rolling over your 401(k)",
                                   [rolling])
    assert not continues_procedure(procedure, "Reader questions", [])


def test_a_statement_under_the_heading_stating_a_rule_spells_it_out_when_close_to_it(db):
    claim = next(c for c in db.claims if c.id == "hardship-loan-first")
    procedure = Procedure(claim, 2, frozenset({"HARDSHIP", "LOAN", "LOAN_FIRST"}), 3)
    context = DiscourseContext(db)

    def step(cand: Candidate, **kw: bool) -> list[str]:
        res = resolve_clause(cand, context, heading=False, list_item=False, section={},
                             section_groups={}, heading_groups={})
        return [m.claim.id for m in as_step_of(cand, res, procedure, False, **kw)[0]]

    close = clause("your plan will want to see you borrowed all you can before a hardship "
                   "payout", "HARDSHIP", "LOAN")
    assert step(close, elaborates=True) == ["hardship-loan-first"]
    assert step(close) == []  # prose elsewhere in the section is not a step
    assert step(clause("Loans are repaid within five years", "LOAN"), elaborates=True) == []
    denied = clause("your plan can't make you borrow before a hardship payout", "HARDSHIP",
                    "LOAN", polarity="negated")
    assert step(denied, elaborates=True) == []


def test_a_line_is_in_a_worked_example_under_its_heading_or_after_its_set_up():
    text = "Say Priya has $12,000 in her IRA. She deducts the $3,000 shortfall."
    line = replace(clause("She deducts the $3,000 shortfall.", "DEDUCT", start=34),
                   sentence_start=34)
    assert in_example(text, line, example_section=False)
    assert in_example("She deducts the $3,000 shortfall.", clause("x"), example_section=True)
    plain = "Priya has $12,000 in her IRA. She deducts the $3,000 shortfall."
    assert not in_example(plain, replace(line, sentence_start=30), example_section=False)
    # the set-up sentence itself is not a line after a set-up
    assert not in_example(text, clause(text[:33]), example_section=False)


def test_a_cell_answering_its_rows_question_yes_or_no_states_the_answer():
    assert answered_row("Can you borrow from an IRA?", "Can you borrow from an IRA — Answer: Yes")
    assert answered_row("Does it apply?", "Does it apply — IRA: No, never")
    assert not answered_row("Is state tax withheld?", "Is state tax withheld — Answer: Depends")
    assert not answered_row("RMDs required", "RMDs required — Roth IRA: No")  # no question
    assert not answered_row(None, "Can you borrow? Yes")


def test_a_paragraphs_first_sentence_takes_what_the_lead_in_paragraph_names(db):
    context = DiscourseContext(db)
    lead = context.groups_of({"HARDSHIP", "WITHDRAW"})
    first = clause("You skip the 10% penalty.", "EARLY_PENALTY", "PENALTY_FREE")
    res = resolve_clause(first, context, heading=False, list_item=False, section={},
                         section_groups={}, heading_groups={})
    seen: list[set[str]] = []

    def match(labels: set[str], stated: Candidate = first) -> list:
        seen.append(set(labels))
        return [_claim_match(db, "hardship-withdrawal-penalty-free", labels)]

    matches, wider = completes_lead_in(first, res, lead, context, match)
    assert "HARDSHIP" in seen[0] and matches and "HARDSHIP" in wider.labels
    assert completes_lead_in(first, res, None, context, match) == ([], res)
    later = replace(first, sentence_index=1)  # only the first sentence completes it
    assert completes_lead_in(later, res, lead, context, match) == ([], res)


@pytest.mark.parametrize("text, step", [
    ("Then claim the shortfall on Schedule A.", True),
    ("Next, you subtract what you got back.", True),
    ("Once that's done, file Form 8606.", True),
    ("Then again, most people shouldn't bother.", False),
    ("You can then claim it.", False),
])
def test_a_sentence_that_goes_on_to_the_next_step(text, step):
    assert next_step(clause(text, "DEDUCT")) is step
