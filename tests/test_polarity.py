"""Negation, questions and framing decide whether a sentence asserts a claim."""

from __future__ import annotations

import pytest


def _ids(report):
    return {(f.claim_id, f.verdict, f.framing) for f in report.findings}


@pytest.mark.parametrize("sentence", [
    "You can not deduct losses in your 401(k).",
    "There is no deduction for losses inside an IRA.",
    "Losses in a 401(k) are never deductible.",
    "You cannot write off IRA losses.",
    "You can't write off your 403(b) losses.",
    "You don't get to deduct losses in your Roth IRA.",
    "The IRS doesn't allow you to deduct 401k losses.",
    "Losses inside a 401(k) are non-deductible.",
])
def test_negated_false_claim_is_a_verified_statement(check_text, sentence):
    assert _ids(check_text(sentence)) == {("retirement-loss-not-deductible", "accurate",
                                           "stated")}


@pytest.mark.parametrize("sentence", [
    "You can deduct losses in your 401(k).",
    "Losses inside an IRA are deductible.",
    "Write off your 403(b) losses on Schedule A.",
    "Not only can you deduct your 401(k) losses, you can do it every year.",
])
def test_affirmed_false_claim_is_flagged(check_text, sentence):
    assert ("retirement-loss-deductible", "false", "stated") in _ids(check_text(sentence))


@pytest.mark.parametrize("sentence", [
    "Can you deduct 401(k) losses?",
    "Is it possible to write off IRA losses?",
    "Many readers ask whether 401(k) losses can be written off.",
])
def test_questions_are_not_claims(check_text, sentence):
    assert check_text(sentence).findings == []


def test_hedge_lowers_confidence_but_keeps_verdict(check_text):
    plain = check_text("You can deduct your 401(k) losses.").findings[0]
    hedged = check_text("You may be able to deduct your 401(k) losses.").findings[0]
    assert hedged.verdict == plain.verdict == "false"
    assert hedged.confidence < plain.confidence


def test_myth_framing_is_not_an_error(check_text):
    report = check_text("A common myth is that you can deduct your 401(k) losses.")
    [finding] = report.findings
    assert finding.framing == "myth" and finding.severity == "info"
    assert not finding.is_problem


def test_pronoun_takes_the_account_from_the_previous_sentence(check_text):
    report = check_text("Your 401(k) lost 20% this year. You can deduct these losses.")
    assert ("retirement-loss-deductible", "false", "stated") in _ids(report)


@pytest.mark.parametrize("sentence", [
    "You can\u2019t deduct losses in your 401(k).",
    "Losses inside an IRA aren\u2019t deductible on your return.",
    "You won\u2019t be able to write off a drop in your 401(k).",
    "Your 401(k) losses can\u02bct be deducted.",
])
def test_typographic_apostrophes_negate_like_ascii_ones(check_text, sentence):
    found = {(f.claim_id, f.verdict) for f in check_text(sentence).findings}
    assert ("retirement-loss-not-deductible", "accurate") in found
    assert not any(verdict == "false" for _, verdict in found)


def test_the_finding_quotes_the_article_as_written(check_text):
    finding = check_text("You can\u2019t deduct losses in your 401(k).").findings[0]
    assert "\u2019" in finding.text


@pytest.mark.parametrize("sentence", [
    "The loss limit is $3,000 a year ($1,500 if married filing separately, not $6,000).",
    "You can deduct up to $3,000 of net capital losses (not a penny more) against wages.",
])
def test_a_negation_inside_an_aside_stays_inside_it(check_text, sentence):
    found = {(f.claim_id, f.verdict) for f in check_text(sentence).findings}
    assert not any(verdict == "false" for _, verdict in found), found


@pytest.mark.parametrize("sentence", [
    "Your Roth IRA contributions (not the earnings) can come out without tax or penalty.",
    "You can withdraw the money you put in (not the growth) from your Roth IRA tax-free.",
    "Roth IRA contributions (not earnings) are always penalty-free to withdraw.",
])
def test_a_not_aside_leaves_its_words_out_of_the_claim(check_text, sentence):
    # "(not the earnings)" neither denies the sentence nor makes it a claim about earnings
    found = {(f.claim_id, f.verdict) for f in check_text(sentence).findings}
    assert found and all(verdict == "accurate" for _, verdict in found), found


@pytest.mark.parametrize("text", [
    "You can borrow up to half your 401(k) balance. I have $30,000 in mine. She also has a "
    "Roth IRA (it\u2019s worth about $9,000 now).",
    "Most plans let you borrow half your balance. My husband has $12,000. He also keeps a "
    "traditional IRA (it holds about $4,000).",
])
def test_a_pronoun_inside_an_aside_does_not_reach_back(check_text, text):
    # "(it's worth ...)" speaks of the IRA just named, not of the loan two sentences up
    found = {f.claim_id for f in check_text(text).findings}
    assert "ira-loan" not in found


@pytest.mark.parametrize("sentence", [
    "You can deduct losses in your 401(k), since the IRS doesn't treat them differently.",
    "You can deduct losses in your 401(k) because the IRS doesn't see a difference.",
    "401(k) losses are deductible, since nothing in the code says otherwise.",
])
def test_a_negation_in_a_reason_clause_does_not_reach_the_claim(check_text, sentence):
    found = {(f.claim_id, f.verdict) for f in check_text(sentence).findings}
    assert ("retirement-loss-deductible", "false") in found
    assert not any(verdict == "accurate" for _, verdict in found)


@pytest.mark.parametrize("sentence", [
    "You can\u2019t deduct losses in your 401(k), since the money never left the plan.",
    "Losses in a 401(k) aren't deductible because they never leave the plan.",
])
def test_a_negated_claim_with_a_reason_stays_negated(check_text, sentence):
    found = {(f.claim_id, f.verdict) for f in check_text(sentence).findings}
    assert ("retirement-loss-not-deductible", "accurate") in found


@pytest.mark.parametrize("sentence", [
    "You can withdraw from your IRA at 55 without incurring the 10% penalty.",
    "At 55 you can pull money out of your IRA without triggering the 10% penalty.",
    "Once you're 55 your IRA withdrawals escape the 10% penalty.",
])
def test_without_incurring_the_penalty_means_penalty_free(check_text, sentence):
    found = {(f.claim_id, f.verdict) for f in check_text(sentence).findings}
    assert ("rule-of-55-ira", "false") in found


@pytest.mark.parametrize("sentence", [
    "If the market drops after you convert, you can recharacterize the conversion.",
    "Your Roth conversion can be undone by your filing deadline if prices fall.",
])
def test_a_rule_abolished_in_2018_stated_as_current_is_outdated(check_text, sentence):
    found = {(f.claim_id, f.verdict) for f in check_text(sentence).findings}
    assert ("conversion-recharacterize", "outdated") in found


@pytest.mark.parametrize(("sentence", "claim", "verdict"), [
    ("Being approved for a hardship doesn\u2019t exempt you from the penalty.",
     "hardship-withdrawal-penalized", "accurate"),
    ("The hardship rules don't give anyone a break on the 10% tax.",
     "hardship-withdrawal-penalized", "accurate"),
    ("Once your hardship is approved, the withdrawal is exempt from the early-withdrawal "
     "penalty.", "hardship-withdrawal-penalty-free", "false"),
    ("A hardship withdrawal spares you the 10% penalty.",
     "hardship-withdrawal-penalty-free", "false"),
])
def test_exemption_from_the_penalty_in_other_words(check_text, sentence, claim, verdict):
    found = {(f.claim_id, f.verdict) for f in check_text(sentence).findings}
    assert (claim, verdict) in found, found


@pytest.mark.parametrize("sentence", [
    "Rolling your 401(k) into an IRA falls outside the one-per-year rule.",
    "Roth conversions fall outside the once-a-year rollover limit.",
])
def test_a_case_that_falls_outside_a_rule_denies_the_rule_covers_it(check_text, sentence):
    assert _ids(check_text(sentence)) == {("ira-rollover-once-per-12-months", "accurate",
                                           "stated")}


@pytest.mark.parametrize(("sentence", "claim"), [
    ("The part of an IRA loss you can't deduct this year rolls forward to later years.",
     "retirement-loss-carryforward"),
    ("The 20% your plan withholds on an indirect rollover is a penalty you can't get back.",
     "rollover-withholding-is-penalty"),
])
def test_a_negated_relative_clause_does_not_deny_the_main_clause(check_text, sentence, claim):
    # "the loss you can't use" is the unused part; "a penalty you can't get back" names it
    assert (claim, "false", "stated") in _ids(check_text(sentence))


def test_a_forum_aside_does_not_deny_the_post(check_text):
    # "no issues so far" is a sign-off, not a denial of the rollover loss claimed
    text = ("rolled my old 401k over to Vanguard down $12k and took the loss on sched D, "
            "no issues so far")
    assert ("retirement-loss-rollover", "false", "stated") in _ids(check_text(text))
    assert not [f for f in check_text(text).findings if f.verdict == "accurate"]


@pytest.mark.parametrize("sentence", [
    "When I got laid off, my plan just forgave the remaining $4,000 of the loan since it "
    "wasn't my fault I lost the job.",
    "After I left my job, my employer forgave what was left of my 401(k) loan since I never "
    "missed a payment.",
    "If you leave your job, the unpaid loan is forgiven since you can't repay it anymore.",
    "After the layoff, HR wiped out the leftover 401(k) loan balance because the layoff "
    "wasn't my choice.",
])
def test_a_denial_inside_a_reason_clause_does_not_deny_the_main_clause(check_text, sentence):
    # "since it wasn't my fault" gives a reason; the plan still "forgave" the loan
    assert ("plan-loan-forgiven", "false", "stated") in _ids(check_text(sentence))


def test_a_temporal_as_clause_is_not_a_reason_of_its_own(check_text):
    # "as it happens" is a time, not a reason: the denial still covers the clause
    found = _ids(check_text("A falling IRA balance isn't deductible as it happens."))
    assert not any(verdict == "false" for _, verdict, _ in found), found


@pytest.mark.parametrize("sentence", [
    "Your Roth contributions (not the earnings) can come out at any time without tax or "
    "penalty.",
    "Your Roth contributions (but not the earnings) can come out at any time without tax or "
    "penalty.",
    "Your Roth contributions (though not the earnings) can come out at any time without tax "
    "or penalty.",
    "Your Roth contributions (never the earnings) can come out at any time without tax or "
    "penalty.",
])
def test_an_aside_that_leaves_something_out_neither_adds_nor_denies(check_text, sentence):
    assert _ids(check_text(sentence)) == {("roth-contributions-anytime", "accurate", "stated")}


@pytest.mark.parametrize("article", [
    "Myth: The 20% the plan keeps from a hardship check is a penalty.\nFact: It isn't a "
    "penalty.\n",
    "Is the withholding on a hardship withdrawal a penalty? No. It is not a penalty.\n",
    "The 20% held back from your hardship payout isn't a fine; it's withholding.\n",
    "Reality check on hardship withdrawals: the money withheld is not a penalty.\n",
])
def test_calling_something_not_a_penalty_is_no_exemption(check_text, article):
    # denying that an amount is a penalty says what it is, not that no penalty applies
    found = _ids(check_text(article))
    assert ("hardship-withdrawal-penalty-free", "false", "stated") not in found, found


@pytest.mark.parametrize("sentence", [
    "Having a workplace plan doesn\u2019t rule out an IRA contribution.",
    "Having a workplace plan doesn't rule out an IRA contribution.",
    "A 401(k) at work does not preclude contributing to a traditional IRA.",
    "With a 401(k), a contribution to a traditional IRA isn't prohibited.",
])
def test_a_denied_exclusion_is_not_a_denial(check_text, sentence):
    assert not {f for f in check_text(sentence).findings
                if f.claim_id == "ira-contribution-blocked-by-401k"}


@pytest.mark.parametrize("article", [
    "Roth basics\n\nInside a Roth IRA you don't owe tax on dividends each year, and you can't "
    "write off the dips either.\n",
    "Forum\n\nNope, you don't get taxed on the gains year by year, and you can't deduct the "
    "losses in your IRA either.\n",
    "IRA notes\n\n- IRAs: you don't get a 1099 for trades along the way, and you can't claim the "
    "losses in the account on your return\n",
    "Plan notes\n\nHonestly the plan doesn't send you a tax form until you cash out, and you "
    "never get to deduct the losses in your 401(k).\n",
    "Rollovers\n\nMoving the money doesn't turn the drop into a realized loss along the way, and "
    "the new IRA doesn't inherit a deduction.\n",
])
def test_each_denied_side_of_and_keeps_its_own_qualifier(check_text, article):
    """Two denials joined by ", and": the time word of one ("each year", "along the way")
    does not qualify the other's "can't deduct" into 'not yet'."""
    found = _ids(check_text(article))
    assert not any(v == "misleading" for _, v, _ in found)


@pytest.mark.parametrize("article", [
    "IRA notes\n\nYou can't deduct the losses in your IRA year by year.\n",
    "401(k) basics\n\nInside a 401(k) you don't pay tax as it grows, and you can't deduct the "
    "losses in the account until you cash out.\n",
    "Q&A\n\nA: No. The IRA doesn't report trades to the IRS, and you can't deduct the IRA losses "
    "yet.\n",
])
def test_a_denial_qualified_in_its_own_side_is_still_misleading(check_text, article):
    found = _ids(check_text(article))
    assert ("retirement-loss-not-deductible-yet", "misleading", "stated") in found


@pytest.mark.parametrize("text", [
    "Because the match is included in the $24,500 total for 2026, workers should trim their "
    "own deferrals so they don't go over.",
    "The company match eats into your $24,500 deferral cap, so lower your rate so you don't "
    "overshoot.",
])
def test_a_negated_purpose_does_not_deny_the_statement_before_it(check_text, text):
    """"... so they don't go over" is the purpose of the advice; the sentence still says the
    match counts toward the deferral limit."""
    found = {(f.claim_id, f.verdict) for f in check_text(text).findings if not f.suppressed}
    assert ("employer-match-counts-toward-deferral-limit", "false") in found
    assert ("employer-match-outside-deferral-limit", "accurate") not in found


@pytest.mark.parametrize("text", [
    "Losses inside an IRA aren't deductible. Selling the losing funds inside the 401(k) before "
    "the rollover won't change this either.\n",
    "Moving a 401(k) with losses into an IRA does not change anything: the loss stays "
    "non-deductible.\n",
    "The 401(k) loss is not deductible. Selling the losers inside the plan before rolling it "
    "over doesn't change a thing.\n",
    "Losses inside a 401(k) are not deductible. Rolling the 401(k) over to an IRA doesn't change "
    "that.\n",
])
def test_doesnt_change_that_denies_an_effect(check_text, text):
    """"Doesn't change that", "won't change a thing" deny that the move has an effect; only
    an amount that "doesn't change" ("the $3,000 limit doesn't change") is a fixed value."""
    report = check_text(text)
    assert report.findings and all(f.verdict == "accurate" for f in report.findings)


@pytest.mark.parametrize("text", [
    "Losses inside a 401(k) are not deductible. Rolling the 401(k) over to an IRA changes that: "
    "you can deduct the loss then.\n",
    "Selling the losers inside the plan before the rollover lets you deduct the loss on your "
    "return.\n",
])
def test_a_move_said_to_unlock_the_loss_is_still_flagged(check_text, text):
    assert ("retirement-loss-rollover", "false", "stated") in _ids(check_text(text))


@pytest.mark.parametrize("sentence", [
    "Losses in your IRA, not just your brokerage account, are deductible on your return.",
    "Your 401(k) losses -- not only your taxable ones -- can be written off.",
    "Heads up: IRA losses, not just stock losses, are deductible.",
])
def test_denial_set_off_between_commas_or_dashes_leaves_the_clause_affirmed(check_text, sentence):
    assert ("retirement-loss-deductible", "false", "stated") in _ids(check_text(sentence))


@pytest.mark.parametrize("sentence", [
    # a contrast after the verb, or one that a new clause follows, is no aside
    "You can deduct the loss as a capital loss, not inside your IRA, so keep the two apart.",
    "IRA losses count for nothing, not on Schedule D, and not on Schedule A.",
])
def test_contrast_after_the_verb_is_not_an_aside(check_text, sentence):
    assert ("retirement-loss-deductible", "false", "stated") not in _ids(check_text(sentence))


# A requirement a case is let off ("exempt from", "spared", "free from") denies it; an
# exemption from a penalty or a tax names the exemption and denies nothing.
@pytest.mark.parametrize("text", [
    "Roth accounts are exempt from RMDs while the original owner is living.",
    "Good news for Roth savers: their accounts are spared required minimum distributions.",
    "- Roth IRA: exempted from required minimum distributions for the owner",
    "Unlike a traditional IRA, a Roth IRA is free from RMDs as long as its owner lives.",
])
def test_exempt_from_a_requirement_denies_it(check_text, text):
    ids = {f.claim_id for f in check_text(text).findings}
    assert "roth-ira-rmd" not in ids
    assert "roth-no-rmd-for-owner" in ids


@pytest.mark.parametrize("text", [
    "Roth IRA holders have to start RMDs at 73.",
    "Roth IRAs require minimum distributions once the owner reaches 73.",
])
def test_roth_rmd_claim_without_exemption_is_still_flagged(check_text, text):
    assert ("roth-ira-rmd", "false", "stated") in _ids(check_text(text))


@pytest.mark.parametrize("text", [
    "A hardship withdrawal is exempt from the 10%.",
    "An approved hardship spares you the extra 10% penalty.",
])
def test_exempt_from_the_penalty_still_names_the_exemption(check_text, text):
    assert ("hardship-withdrawal-penalty-free", "false", "stated") in _ids(check_text(text))


# ", though," between commas is an aside: it does not cut "With an IRA" off its denial
@pytest.mark.parametrize("text", [
    "Workplace plans may let you borrow up to $50,000. With an IRA, though, there is no such "
    "thing as a loan.",
    "A 401(k) often allows a loan. For an IRA, though, no such thing exists.",
])
def test_though_between_commas_keeps_the_denial(check_text, text):
    ids = {f.claim_id for f in check_text(text).findings}
    assert "ira-loan" not in ids


# A short denial before a colon answers a question; it does not deny the explanation after it
@pytest.mark.parametrize("text, claim, verdict", [
    ("Are Roth withdrawals always tax-free? Not always: Roth earnings come out tax-free only "
     "once you are 59½ and the account has been open five years.",
     "roth-earnings-qualified", "accurate"),
    ("They're not: Roth IRA owners must start RMDs at 73.", "roth-ira-rmd", "false"),
    ("Nope: you can borrow from an IRA for up to five years.", "ira-loan", "false"),
])
def test_short_denial_before_a_colon_stays_before_it(check_text, text, claim, verdict):
    assert (claim, verdict) in {(f.claim_id, f.verdict) for f in check_text(text).findings}


@pytest.mark.parametrize("text", [
    "A Roth conversion isn't permanent: if your stocks slide afterward you can simply "
    "reverse it.",
    "Your Roth conversion isn't set in stone: you can undo it before October.",
    "Conversions aren't irrevocable: you have until the tax deadline to recharacterize.",
    "Converting isn't a point of no return: you can unwind the conversion later if the "
    "market falls.",
])
def test_a_denied_thesis_before_a_colon_leaves_the_claim_after_it_affirmed(check_text, text):
    assert ("conversion-recharacterize", "outdated") in {
        (f.claim_id, f.verdict) for f in check_text(text).findings}


@pytest.mark.parametrize("text", [
    "A Roth conversion is permanent: if your stocks slide afterward you can't reverse it.",
    "Conversions aren't undoable anymore: the 2017 tax law ended recharacterizations.",
    "Converting isn't something you can take back: once done, the conversion stands.",
    "Hardship withdrawals aren't free money: you'll owe income tax on every dollar.",
])
def test_a_denied_thesis_before_a_colon_raises_nothing_on_correct_sentences(check_text, text):
    assert [f.claim_id for f in check_text(text).findings if f.verdict != "accurate"] == []
