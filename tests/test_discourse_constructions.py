"""Constructions across sentences and in page structure (issue 12, points 2 and 5).

Each family is checked on paraphrases in several page shapes (forum post, Q&A, headline,
bullet, column letter), written for these tests: a report from whoever runs the plan that
the writer goes by, a report the writer dismisses, a year passed on from one sentence to
the next, a denial kept to its own side of ", and ...", and a heading that takes its rule
for granted.
"""

from __future__ import annotations

import pytest

from taxcheck.readers import read_bytes


def _framed(check_text, text: str, suffix: str = ".txt", first: bool = False
            ) -> set[tuple[str, str]]:
    """(claim id, verdict or "myth") of each finding (``first``: of the first sentence's)."""
    findings = [f for f in check_text(text, suffix).findings if not f.suppressed]
    if first:
        findings = [f for f in findings if text.startswith(f.sentence)]
    return {(f.claim_id, "myth" if f.framing == "myth" else f.verdict) for f in findings}


# --- a report from whoever runs the plan is what the writer goes by ----------------------------

@pytest.mark.parametrize("text", [
    "Posted by dmoney\n\nWhen I got laid off at 56 my HR rep told me the rule of 55 covers my "
    "IRA too, so I moved everything over. Worked out fine.",
    "Reply from walt_r\n\nOur plan administrator told me the rule of 55 works for IRAs as "
    "well, so that's what we did with my wife's rollover.",
    "My old employer's benefits office told me the rule of 55 also covers an IRA. Good to "
    "know for anyone planning an early exit.",
])
def test_a_report_from_the_plan_the_writer_goes_by_is_stated(check_text, text):
    assert ("rule-of-55-ira", "false") in _framed(check_text, text)


@pytest.mark.parametrize("text", [
    # the writer asks whether it is right
    "My HR person told me the rule of 55 covers my IRA too. Is that right?",
    # the writer corrects it straight away
    "HR told me the rule of 55 covers my IRA too. That's not true: it only covers the plan "
    "of the job you left.",
    # a relative's say-so is quoted in order to ask about it
    "My brother-in-law says the rule of 55 covers my IRA too, so I should roll everything "
    "over before I quit.",
])
def test_a_report_the_writer_questions_or_a_relatives_stays_a_belief(check_text, text):
    found = _framed(check_text, text, first=True)
    assert ("rule-of-55-ira", "false") not in found
    assert ("rule-of-55-ira", "myth") in found


@pytest.mark.parametrize("text", [
    "Ignore anyone who says hardship withdrawals are penalty-free.",
    "Whoever told you hardship withdrawals are penalty-free was wrong.",
    "If someone tells you a hardship withdrawal skips the 10% penalty, they're mistaken.",
    "Tune out anyone who claims hardship withdrawals are penalty-free.",
])
def test_a_report_the_writer_dismisses_is_not_the_writers_claim(check_text, text):
    found = _framed(check_text, text)
    assert ("hardship-withdrawal-penalty-free", "false") not in found


# --- a year passed on to the next sentences ----------------------------------------------------

@pytest.mark.parametrize("text", [
    # the year in the middle of the sentence that states a figure
    "The 401(k) limit for 2024 is $23,000. Savers 50 and older can add a catch-up of $7,500.",
    # the year after the amount
    "The IRS set the 401(k) deferral limit at $23,000 for 2024. The catch-up for savers 50 "
    "and up is $7,500.",
    # a question about a year, answered in the same paragraph
    "What could you put in a 401(k) in 2024? The deferral limit was $23,000, and the "
    "catch-up was $7,500.",
    # a question about a year, answered in the next block (Q&A page)
    "Q: What could a 55-year-old put in a 401(k) in 2024?\n\nA: The deferral limit was "
    "$23,000, and the catch-up was $7,500.",
])
def test_a_year_passes_to_the_next_sentences(check_text, text):
    found = _framed(check_text, text)
    assert ("catch-up-limit", "accurate") in found
    assert not any(v == "outdated" for _, v in found)


@pytest.mark.parametrize("text", [
    # a year that dates an event, not a figure
    "I retired in 2019 with a small 401(k). The catch-up for savers 50 and older is $8,000.",
    # "this year" is the present, not the year the page was written
    "This year you can put $24,500 into a 401(k). The catch-up for savers 50 and older is "
    "$8,000.",
])
def test_a_year_that_dates_no_figure_is_not_passed_on(check_text, text):
    found = _framed(check_text, text)
    assert ("catch-up-limit", "accurate") in found
    assert not any(v == "outdated" for _, v in found)


# --- a denial stays on its own side of ", and ..." ---------------------------------------------

@pytest.mark.parametrize(("text", "wrong"), [
    ("Hardship withdrawals don't have to be repaid, and the 10% penalty still applies if "
     "you're under 59½.", "hardship-withdrawal-penalty-free"),
    ("You can't repay a hardship withdrawal, and the IRS taxes it as ordinary income.",
     "hardship-withdrawal-tax-free"),
    ("If you walk away from the job, the loan becomes a taxable distribution, and there is "
     "nothing more to be done about it.", "plan-loan-not-taxable"),
    ("Leave your job with a 401(k) loan outstanding and the unpaid balance is treated as a "
     "distribution, taxed, and there's no way to undo it.", "plan-loan-not-taxable"),
])
def test_a_denial_does_not_reach_across_and_into_a_new_subject(check_text, text, wrong):
    assert wrong not in {claim for claim, _ in _framed(check_text, text)}


# --- a heading that takes its rule for granted -------------------------------------------------

@pytest.mark.parametrize("heading", [
    "Once a 401(k) loss becomes deductible",
    "When a loss inside your 401(k) becomes deductible",
    "Where a 401(k) loss turns into a write-off",
    "When your IRA loss is deductible",
])
def test_a_heading_that_takes_a_rule_for_granted_states_it(check_text, heading):
    text = (f"# Down markets and your savings\n\nStocks fell this spring.\n\n## {heading}\n\n"
            "Talk to your plan first.\n")
    assert ("retirement-loss-deductible", "false") in _framed(check_text, text, ".md")


@pytest.mark.parametrize("heading", [
    "When the market drops inside your IRA",
    "When to take your first RMD",
    "When a rollover makes sense",
])
def test_a_heading_that_names_a_time_or_a_topic_states_nothing(check_text, heading):
    text = (f"# Down markets and your savings\n\nStocks fell this spring.\n\n## {heading}\n\n"
            "Talk to your plan first.\n")
    assert not any(v != "accurate" for _, v in _framed(check_text, text, ".md"))


# --- an "it" that stands for the clause after it points back at nothing -----------------------

@pytest.mark.parametrize("text", [
    "Your IRA bought the same fund, so the loss on the brokerage sale is disallowed for good. "
    "It hurts to lose a deduction you were counting on.",
    "A: The purchase in your IRA wiped out the loss on your taxable sale. It's frustrating to "
    "lose a write-off that way.",
    "my roth IRA bought the fund back 10 days later so the loss got disallowed. it stings to "
    "lose a deduction like that",
    "The replacement shares went into your Roth IRA, so that loss is gone. It's painful to "
    "give up a write-off you had planned on.",
])
def test_an_it_that_stands_for_what_follows_takes_nothing_from_before(check_text, text):
    assert "retirement-loss-deductible" not in {c for c, _ in _framed(check_text, text)}


# --- two main clauses joined by a bare comma keep their own polarity ----------------------------

@pytest.mark.parametrize("text", [
    "A loss on your home sale won't reduce your salary, it will offset capital gains from your "
    "stocks, though.",
    "Selling the car at a loss? While that loss can't touch your wages, it can offset gains "
    "from your fund sales.",
    "Q: Does the loss on my house help at all? A: The loss on the house can't cut your pay, it "
    "can offset profits on stock you sold.",
    "the loss on our condo sale doesn't lower our income, it does offset our capital gains "
    "for the year",
])
def test_a_denial_does_not_reach_past_a_bare_comma_into_a_new_clause(check_text, text):
    assert ("personal-property-loss-deductible", "false") in _framed(check_text, text)


@pytest.mark.parametrize(("text", "claim"), [
    # a lead-in before the comma is no clause of its own
    ("If you don't repay the 401(k) loan after you quit, it is taxed as a distribution.",
     ("plan-loan-default-taxable", "accurate")),
    ("Is a hardship withdrawal tax-free? No, it's taxable income.",
     ("hardship-withdrawal-taxable", "accurate")),
])
def test_a_lead_in_before_a_bare_comma_is_not_split_off(check_text, text, claim):
    assert claim in _framed(check_text, text)


@pytest.mark.parametrize("lead", [
    "Here are the 2024 limits.",
    "Back in 2024, the numbers were a little lower.",
    "These were the caps for 2024.",
    "The 2024 figures, for comparison.",
])
def test_a_short_sentence_dating_figures_dates_the_list_after_it(check_text, lead):
    text = (f"# Limits\n\nNumbers to know.\n\n{lead}\n\n- 401(k) deferrals: $23,000\n"
            "- IRA contributions: $7,000\n")
    found = _framed(check_text, text, ".md")
    assert {("elective-deferral-limit", "accurate"), ("ira-limit", "accurate")} <= found
    assert not any(v == "outdated" for _, v in found)


@pytest.mark.parametrize("lead", [
    "The IRS announced the new limits in November 2025.",
    "I retired in 2019 and never looked back.",
])
def test_a_sentence_dating_an_event_does_not_date_the_list(check_text, lead):
    text = (f"# Limits\n\nNumbers to know.\n\n{lead}\n\n- 401(k) deferrals: $24,500\n"
            "- IRA contributions: $7,500\n")
    found = _framed(check_text, text, ".md")
    assert {("elective-deferral-limit", "accurate"), ("ira-limit", "accurate")} <= found


# --- a headline's answer to the case its question sets up ---------------------------------------

@pytest.mark.parametrize(("heading", "claim"), [
    ("Converted to a Roth in January? Here's your do-over", ("conversion-recharacterize",
                                                              "outdated")),
    ("Sold your house at a loss? Here's your write-off", ("personal-property-loss-deductible",
                                                         "false")),
    ("Lost money in your 401(k)? Here's your deduction", ("retirement-loss-deductible",
                                                          "false")),
    ("Over 50? Here's your extra $7,500 for your 401(k)", ("catch-up-limit", "outdated")),
])
def test_a_headline_answer_states_what_holds_in_its_case(check_text, heading, claim):
    text = f"# Money questions\n\nSome answers.\n\n## {heading}\n\nRead on.\n"
    assert claim in _framed(check_text, text, ".md")


@pytest.mark.parametrize("heading", [
    "Over 50? Here's what to know",
    "Sold your house at a loss? Sorry, no write-off",
    "Born in 1960? Here's when your RMDs start",
    "Lost money in your IRA? Don't expect a deduction",
])
def test_a_headline_answer_that_states_no_wrong_rule_is_not_flagged(check_text, heading):
    text = f"# Money questions\n\nSome answers.\n\n## {heading}\n\nRead on.\n"
    assert not any(v != "accurate" for _, v in _framed(check_text, text, ".md"))


@pytest.mark.parametrize(("text", "claim"), [
    ("But lost money in your IRA? There may be a write-off.", "ira-loss-misc-deduction-outdated"),
    ("And sold your house at a loss? There's a write-off for that.",
     "personal-property-loss-deductible"),
    ("But lost money in your 403(b) this year? There's a deduction waiting.",
     "retirement-loss-deductible"),
    ("And had to sell your condo at a loss? The IRS gives you a deduction.",
     "personal-property-loss-deductible"),
])
def test_a_case_after_and_or_but_is_still_a_case(check_text, text, claim):
    assert claim in {c for c, v in _framed(check_text, text) if v != "accurate"}


# --- a case set up by a question decides which version of a rule the answer states ------------

@pytest.mark.parametrize("text", [
    "Thinking about your parents' accounts.\n\nBorn before July 1949? Their required "
    "distributions began at 70½.",
    "Reader mailbag\n\nGot a mother born in 1944? Careful: her RMDs kicked in at 70½ back then.",
    "Born in early 1948? You had to start RMDs at 70½.",
])
def test_an_answer_true_in_the_case_its_question_sets_up_is_not_flagged(check_text, text):
    assert ("rmd-start-age-70-half", "outdated") not in _framed(check_text, text)


@pytest.mark.parametrize("text", [
    "Born in 1950? Required distributions began for you at 72.",
    "Forum answer: born in the second half of 1949? Then your RMDs started at 72.",
])
def test_a_case_picks_the_version_of_the_rule_for_it(check_text, text):
    found = _framed(check_text, text)
    assert ("rmd-start-age-72", "outdated") not in found
    assert ("rmd-start-age-born-1950", "accurate") in found


def test_a_case_that_only_adds_a_claim_leaves_the_sentence_its_own(check_text):
    found = _framed(check_text, "Over 50? You can put an extra $8,000 into your 401(k) for "
                                "2026.")
    assert any(claim == "catch-up-limit" for claim, _ in found)


# --- a pronoun whose antecedent is in its own sentence borrows no account from afar ---------

@pytest.mark.parametrize("text, suffix", [
    # a column: the IRA of two sentences up is not where "it" (the loan) is
    ("# Borrowing versus withdrawing\n\nAn IRA has no loan feature at all.\n\nReader mail "
     "keeps coming in on this. Loan before hardship: employers may no longer demand it.\n",
     ".md"),
    # a forum update: "it" is the loan named before it in the sentence
    ("I have a SEP IRA from my consulting years.\n\nThese days I'm on a company payroll. "
     "Update on my loan: if I can't repay it before I leave, they'll count it as a "
     "distribution.", ".txt"),
    ("My rollover IRA is where most of my money sits.\n\nI changed jobs in May. About the "
     "loan: if I don't pay it back in time, they'll treat it as a distribution.", ".txt"),
])
def test_a_pronoun_after_its_antecedent_takes_no_account_from_further_back(
        check_text, text, suffix):
    last = text.rstrip().rsplit("\n", 1)[-1]
    findings = [f for f in check_text(text, suffix).findings
                if not f.suppressed and f.sentence in last]
    assert "ira-no-loans" not in {f.claim_id for f in findings}


@pytest.mark.parametrize("text, suffix, expected", [
    # a pronoun opening its sentence still reaches two sentences back
    ("My IRA dropped $8,000 in March. I held on anyway. It can't be written off, sadly.",
     ".txt", ("retirement-loss-not-deductible", "accurate")),
    ("My IRA lost $12,000 in the downturn.\n\nYou can deduct it as a capital loss on "
     "Schedule D.", ".txt", ("retirement-loss-capital-loss", "false")),
    # a bullet whose "it" is the heading's and lead-in's withdrawal
    ("## Hardship withdrawals\n\nA 401(k) hardship withdrawal is allowed for an immediate "
     "and heavy financial need.\n\n- It is still taxed, and it isn't an exception to the "
     "10% additional tax.\n", ".md", ("hardship-withdrawal-taxable", "accurate")),
])
def test_a_pronoun_with_nothing_before_it_still_takes_the_account_from_before(
        check_text, text, suffix, expected):
    assert expected in _framed(check_text, text, suffix)


# --- an answer with no claim of its own takes the question's, in the answer's direction ----

@pytest.mark.parametrize("text, suffix, expected", [
    # Q&A column, question and answer on one line behind speaker tags
    ("Reader mail\n\nQ: Can I borrow from my IRA to buy a car? A: Sure, same rules as a "
     "401(k).\n", ".txt", ("ira-loan", "false")),
    # FAQ page: the question is a heading, the answer agrees without repeating it
    ("<h1>IRA questions</h1>\n<h2>Can I take a loan out of my rollover IRA?</h2>\n"
     "<p>Of course, just like a 401(k) loan.</p>\n", ".html", ("ira-loan", "false")),
    # forum thread: a reply that agrees in three words
    ("newbie_saver wrote: hi all, first post. Can I write off the losses in my Roth IRA "
     "this year?\n\nYou sure can.\n", ".txt", ("retirement-loss-deductible", "false")),
    # chat transcript: the agent's tag before a hedged yes
    ("Support chat\n\nCustomer: Are the losses in my 403(b) tax-deductible?\nAgent: Often, "
     "yes, if you sell before year end.\n", ".txt", ("retirement-loss-deductible", "false")),
    # a refusal that names what was asked for ("No X for you")
    ("Ask the planner\n\nCan I deduct the drop in my 401(k) on this year's return?\n\n"
     "No deduction for you, I'm afraid.\n", ".txt", ("retirement-loss-not-deductible",
                                                    "accurate")),
])
def test_an_answer_with_no_claim_of_its_own_states_the_question(check_text, text, suffix,
                                                                 expected):
    assert expected in _framed(check_text, text, suffix)


@pytest.mark.parametrize("text", [
    # no question before it: "Sure." and a speaker's tag state nothing
    "Notes from the seminar\n\nSure, same rules as a 401(k).\n",
    "Expert: No, a loss inside your IRA stays inside it.\n\nThat is all for today.\n",
    # the answer states a claim of its own, about something else
    "Can I take a loan from my IRA?\n\nSure, the 10% penalty applies to early withdrawals "
    "from an IRA.\n",
])
def test_a_reply_without_a_question_or_with_its_own_claim_borrows_nothing(check_text, text):
    found = _framed(check_text, text)
    assert ("ira-loan", "false") not in found
    assert ("retirement-loss-deductible", "false") not in found


@pytest.mark.parametrize("text, expected", [
    # the age is only in the question; the reply agrees with the plan it describes
    ("I turn 73 this year. Can I wait until 75 to take my first RMD?\n\nYour plan to wait "
     "works.\n", ("rmd-start-age", "false")),
    ("Born in 1960, can I wait until 75 for my first RMD? Your plan to wait works.\n",
     ("rmd-start-age-born-1960", "accurate")),
])
def test_a_reply_with_no_amount_takes_the_amount_its_question_names(check_text, text,
                                                                    expected):
    report = check_text(text)
    found = [f for f in report.findings if not f.suppressed
             and (f.claim_id, f.verdict) == expected]
    assert found
    # the amount stands in the question: no edit is offered inside the reply
    assert all(f.fix is None for f in found)


def test_a_reply_that_denies_an_amount_asked_about_flags_nothing(check_text):
    assert not _framed(check_text, "Is the 2025 IRA limit $6,500? No, it went up.\n")


# --- a later post's header is page furniture: the reply after it answers the post before ------

_ASKED = "Money is tight this spring. Can I take a loan from my traditional IRA?"


@pytest.mark.parametrize(("text", "suffix"), [
    (f"Thread: short on cash\nPosted by mike_r\n{_ASKED}\nReply from dave_k\nYou sure can.\n",
     ".txt"),
    (f"Borrowing from an IRA\nPosted by jo_b\n{_ASKED}\nRe: Borrowing from an IRA\n"
     "Yes, you can.\n", ".txt"),
    (f"Thread: IRA cash\nAsked by pat\n{_ASKED}\nAnswered by Lin M.\nSure, you can.\n", ".txt"),
    (f"# Borrowing from an IRA\n\nPosted by mike_r\n\n{_ASKED}\n\n**Reply from dave_k**\n\n"
     "You sure can.\n", ".md"),
    (f"# Short on cash\n\n{_ASKED}\n\n### Re: Short on cash\n\nYes, you can.\n", ".md"),
    (f"# Short on cash\n\n{_ASKED}\n\nComment by sam_t\n\nYou sure can.\n", ".md"),
])
def test_a_reply_after_a_post_header_answers_the_post_before(check_text, text, suffix):
    assert ("ira-loan", "false") in _framed(check_text, text, suffix)


@pytest.mark.parametrize(("text", "suffix"), [
    ("Posted by mike_r\nYou sure can borrow from your 401(k).\n", ".txt"),
    ("# Reply from dave_k\n\nYou sure can borrow from your 401(k).\n", ".md"),
])
def test_a_header_before_any_post_is_not_furniture_and_adds_no_question(check_text, text,
                                                                        suffix):
    assert ("ira-loan", "false") not in _framed(check_text, text, suffix)


# --- a bare "No." before a sentence that already denies is not flipped twice ------------------

@pytest.mark.parametrize(("text", "suffix"), [
    ("Q: Is the Saver's Credit refundable?\nA: No. It's nonrefundable.\n", ".txt"),
    ("Thread: credit\nPosted by lin\nMy tax is zero. Is the Saver's Credit refundable?\n"
     "Reply from kev\nNo \u2014 it only reduces tax you owe.\n", ".txt"),
    ("# Credits\n\nMy tax is zero. Is the Saver's Credit refundable?\n\n**Reply from kev**\n\n"
     "No. It's nonrefundable.\n", ".md"),
    ("Is the Saver's Credit refundable?\n\nNo. It is a nonrefundable credit.\n", ".md"),
])
def test_a_no_before_a_denial_keeps_the_denial(check_text, text, suffix):
    found = _framed(check_text, text, suffix)
    assert ("savers-credit-nonrefundable", "accurate") in found
    assert not any(verdict != "accurate" for _, verdict in found)


@pytest.mark.parametrize("text", [
    "Can I borrow from my IRA?\nReply from kev\nNo. IRAs don't offer loans.\n",
    "Q: Can I borrow from my IRA?\nA: No \u2014 IRAs don't offer loans.\n",
    "Can I borrow from my IRA?\nRe: IRA loans\nNo, IRAs don't allow loans at all.\n",
    "Thread: loans\nPosted by lin\nCan I borrow from my IRA?\nReply from sam\n"
    "No. You can't borrow from an IRA.\n",
])
def test_a_no_before_a_denied_ira_loan_is_verified_not_flagged(check_text, text):
    found = _framed(check_text, text)
    assert ("ira-no-loans", "accurate") in found
    assert ("ira-loan", "false") not in found


# --- a later clause's pronoun carries on its sentence's subject ------------------------------

@pytest.mark.parametrize("text", [
    "Can I still deduct a loss on my IRA? No. That write-off ended in 2018. The one "
    "miscellaneous deduction left for 2026 is for teachers: it covers classroom supplies they "
    "buy themselves.",
    "My 401(k) dropped 30% and I cashed it out. The only itemized write-off that came back is "
    "the educator one, and it pays only for supplies a K-12 teacher buys.",
    "Losses in a 403(b) stay non-deductible after 2017.\n\n- The educator deduction is the one "
    "miscellaneous deduction back for 2026; it is limited to K-12 teachers' own costs.\n",
    "Savers who lost money in a 403(b) got nothing from the 2025 law. The exception that "
    "survived is narrow, since it only reimburses classroom spending by eligible educators.",
])
def test_a_pronoun_after_a_deduction_does_not_borrow_a_loss(check_text, text):
    suffix = ".md" if "\n- " in text else ".txt"
    assert ("educator-carve-out-covers-losses", "false") not in _framed(check_text, text, suffix)


@pytest.mark.parametrize("text", [
    "Losses in an IRA have not been deductible since 2018. The educator deduction comes back "
    "for 2026, and it now covers teachers' IRA losses too.",
    "Rolled my 403(b) into an IRA after a bad year. Good news for teachers: the new educator "
    "carve-out lets us deduct those losses.",
])
def test_the_educator_carve_out_said_to_cover_losses_is_still_flagged(check_text, text):
    assert ("educator-carve-out-covers-losses", "false") in _framed(check_text, text)


# --- a how-to lead-in teaches that what it shows how to do can be done --------------------------

@pytest.mark.parametrize("text, suffix", [
    # a paragraph's lead-in
    ("Here's how to claim your IRA loss on Schedule A this year:\n\n1. Close every "
     "traditional IRA you own.", ".txt"),
    # a section heading of an explainer
    ("# Roth IRAs explained\n\nIntro text about accounts.\n\n## Changed your mind? How to undo "
     "a Roth conversion\n\nMarkets move fast.", ".md"),
    # a forum reply
    ("Reply from taxnerd\n\nThis is how to recharacterize a Roth conversion, step by step.",
     ".txt"),
    # a Q&A column's answer
    ("Q: My Roth conversion lost value. Is there any fix?\n\nA: Yes. Here's how to reverse "
     "the conversion and pay less tax.", ".txt"),
])
def test_a_how_to_for_an_abolished_rule_states_it(check_text, text, suffix):
    findings = check_text(text, suffix).findings
    assert [f for f in findings if "how to" in f.sentence.lower() and f.verdict == "outdated"], [
        (f.sentence, f.claim_id) for f in findings]


@pytest.mark.parametrize("text", [
    "Here's how to report a loss in your brokerage account.",
    "Here's how to roll over your old 401(k) into an IRA.",
    "Here's how the old IRA-loss deduction worked before 2018:",
    "Here's how to tell whether a loss inside your IRA is deductible (spoiler: it isn't).",
    "How to handle an IRA loss now that the deduction is gone",
    "Here's how to pay back a 401(k) loan after you leave your job:",
])
def test_a_how_to_that_teaches_nothing_abolished_states_nothing(check_text, text):
    found = _framed(check_text, text)
    assert not {v for _, v in found} - {"accurate", "myth"}, found


@pytest.mark.parametrize("heading", [
    "Claiming your IRA loss on Schedule A",
    "2. The IRA-loss deduction: when you qualify",
])
def test_a_heading_presenting_how_to_use_an_abolished_rule_states_it(check_text, heading):
    text = f"# Year-end tax guide\n\n## {heading}\n\nGather your records first.\n"
    findings = check_text(text, ".md").findings
    assert [f for f in findings if f.sentence in heading and f.verdict == "outdated"], [
        (f.sentence, f.claim_id) for f in findings]


@pytest.mark.parametrize("heading", [
    "Claiming a capital loss on your return",
    "The IRA loss deduction: how it used to work",
    "Rolling over a 401(k): how it works",
])
def test_a_heading_presenting_a_rule_still_in_force_states_nothing_wrong(check_text, heading):
    text = f"# Year-end tax guide\n\n## {heading}\n\nGather your records first.\n"
    findings = check_text(text, ".md").findings
    assert not [f for f in findings if f.sentence == heading and f.verdict != "accurate"], [
        (f.sentence, f.claim_id) for f in findings]


# --- the numbered steps of a procedure for an abolished rule -----------------------------------

_STEPS_HELD = [
    # a lead-in paragraph that teaches the rule, then numbered items
    ("Here's how to claim your IRA loss on Schedule A:\n\n1. Cash out every traditional IRA "
     "you own by December 31.\n2. Add up the after-tax money you put in over the years.", 2),
    # a how-to heading, then "Step N:" lines (the first step states the rule)
    ("How to deduct an IRA loss\n\nStep 1: Empty all of your traditional IRAs in the same "
     "year.\nStep 2: Look up your nondeductible contributions on your old Forms 8606.\n"
     "Step 3: Claim the shortfall on Schedule A.", 3),
    # the rule stated, then a lead-in ending in a colon
    ("You can still deduct an IRA loss if you close out all your traditional IRAs. To do "
     "it:\n\n1. Request a full distribution from each custodian.\n2. Gather your Form 8606 "
     "records.\n3. Report the difference on Schedule A.", 3),
]


@pytest.mark.parametrize("text, steps", _STEPS_HELD)
def test_each_numbered_step_of_an_abolished_procedure_is_flagged(check_text, text, steps):
    report = check_text(text)
    flagged = {f.line for f in report.findings if f.verdict == "outdated"
               and f.block_kind == "list_item"}
    assert len(flagged) == steps, [(f.line, f.sentence) for f in report.findings]


@pytest.mark.parametrize("text", [
    # an accurate how-to: its steps state nothing wrong
    "How to roll over a 401(k)\n\nStep 1: Ask your old plan for a direct rollover.\nStep 2: "
    "Open an IRA at a brokerage.\nStep 3: Pick your investments.",
    # the old rule told as history
    "Before 2018, here's how the IRA-loss deduction worked:\n\n1. You closed every "
    "traditional IRA.\n2. You totaled your nondeductible contributions.",
    # a list of other things after the rule
    "You can still deduct an IRA loss if you close out all your traditional IRAs.\n\nOther "
    "year-end moves:\n\n1. Max out your 401(k) before December 31.\n2. Harvest losses in "
    "your brokerage account.",
    # the article's own steps after a paragraph that states an old rule in passing
    "Roth 401(k)s still force you to take RMDs in your 70s, unlike Roth IRAs.\n\n"
    "Step 2: Ask for a direct rollover.\nStep 3: Watch for the check.",
])
def test_steps_of_something_else_are_not_the_procedures(check_text, text):
    report = check_text(text)
    assert not [f for f in report.findings if f.block_kind == "list_item"
                and f.verdict != "accurate"], [(f.line, f.claim_id) for f in report.findings]


@pytest.mark.parametrize("text, detail", [
    ("If the after-tax money in your IRAs is more than what they're worth, you can deduct the "
     "difference by cashing them all out.\n\nFollow these steps:\n\n1. Empty every "
     "traditional IRA.\n2. Claim it on Schedule A. Taking the standard deduction means no "
     "write-off at all.", "standard deduction"),
    ("# Deducting an IRA loss\n\nIf you emptied every traditional IRA and got back less than "
     "the after-tax money you put in, you can write off the difference. To do it:\n\n1. Add "
     "up your nondeductible contributions. Pre-tax money doesn't count toward the loss.\n2. "
     "Cash out all your traditional IRAs.", "Pre-tax money"),
])
def test_a_denial_inside_a_step_states_the_procedure_too(check_text, text, detail):
    # a step's detail put as a denial takes the abolished rule for granted
    findings = check_text(text, ".md").findings
    assert [f for f in findings if detail in f.sentence and f.verdict == "outdated"], [
        (f.sentence, f.claim_id) for f in findings]


def test_a_denial_in_prose_after_the_procedure_is_no_step(check_text):
    text = ("You can deduct an IRA loss once you close every traditional IRA you own.\n\n"
            "Without itemizing there is no deduction at all.")
    findings = check_text(text, ".md").findings
    assert not [f for f in findings if "Without itemizing" in f.sentence
                and f.verdict != "accurate"], [(f.sentence, f.claim_id) for f in findings]


def test_a_lead_in_that_names_nothing_lends_items_nothing(check_text):
    text = ("The IRA-loss deduction is gone for good. Here's what to do instead:\n\n1. Leave "
            "the money invested.\n2. Harvest losses in your taxable brokerage account.")
    report = check_text(text)
    assert not [f for f in report.findings if f.block_kind == "list_item"]


# --- a heading that announces the procedure's steps keeps it open ------------------------------

_RULE = "You can deduct an IRA loss once you close every traditional IRA you own."


@pytest.mark.parametrize("heading, items, steps", [
    ("Step by step: claiming it", ["Pull your old Forms 8606.",
                                   "Request full distributions from each custodian."], 2),
    ("Follow these steps", ["Gather your Form 8606 records.",
                            "Total the nondeductible contributions."], 2),
    ("How to deduct it, step by step", ["Find your basis on your Forms 8606."], 1),
    ("The steps", ["Add up what you contributed after tax."], 1),
])
def test_a_heading_announcing_the_procedures_steps_keeps_it_open(check_text, heading, items,
                                                                 steps):
    text = (f"# Making the most of a down year\n\n## The IRA write-off\n\n{_RULE}\n\n"
            f"## {heading}\n\n" + "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)))
    findings = check_text(text, ".md").findings
    flagged = [f for f in findings if f.block_kind == "list_item" and f.verdict == "outdated"]
    assert len(flagged) == steps, [(f.sentence, f.claim_id) for f in findings]


@pytest.mark.parametrize("heading, items", [
    ("Step by step: rolling over your old 401(k)",
     ["Call your old plan and ask for a direct rollover.", "Open an IRA at a brokerage."]),
    ("Harvesting losses in a brokerage account",
     ["Sell the losers before December 31.", "Wait 31 days before you buy them back."]),
])
def test_a_heading_on_another_subject_ends_the_procedure(check_text, heading, items):
    text = (f"# Year-end guide\n\n## The IRA write-off\n\n{_RULE}\n\n## {heading}\n\n"
            + "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)))
    findings = check_text(text, ".md").findings
    assert not [f for f in findings if f.block_kind == "list_item"], [
        (f.sentence, f.claim_id) for f in findings]


# --- the paragraph under a heading that states an abolished rule spells it out ------------------

@pytest.mark.parametrize("heading, paragraph", [
    ("Take the loan first", "Plans want to see that you already borrowed the maximum from your "
     "account before they sign off on a hardship distribution."),
    ("Step 3: Borrow from your 401(k) before anything else", "Your employer will expect proof "
     "that you took the biggest loan the plan allows before any hardship withdrawal gets "
     "approved."),
    ("Step 2: Use up your loan options", "The administrator will check that your plan loan is "
     "maxed out before approving the hardship request."),
])
def test_the_paragraph_under_a_heading_stating_an_abolished_rule_restates_it(
        check_text, heading, paragraph):
    text = f"# How to get a hardship withdrawal\n\n## {heading}\n\n{paragraph}\n"
    findings = check_text(text, ".md").findings
    assert [f for f in findings if f.block_kind == "paragraph"
            and f.claim_id == "hardship-loan-first"], [(f.sentence, f.claim_id) for f in findings]


@pytest.mark.parametrize("paragraph", [
    # the section goes on about something else the heading names
    "Loans have to be repaid within five years, usually through payroll deductions.",
    # the section takes the heading back
    "Older guides say this, but it's no longer true: since 2020 your plan can't make you "
    "borrow before a hardship withdrawal.",
])
def test_a_paragraph_on_something_else_or_taking_it_back_restates_nothing(check_text, paragraph):
    text = ("# How to get a hardship withdrawal\n\n## Step 2: Max out a 401(k) loan first\n\n"
            f"{paragraph}\n")
    findings = check_text(text, ".md").findings
    assert not [f for f in findings if f.block_kind == "paragraph" and f.verdict != "accurate"]


# --- a worked example's line is about the account its set-up names -----------------------------

@pytest.mark.parametrize("text", [
    "Worked example\n\nSay Priya has $12,000 of after-tax contributions in her traditional IRA "
    "and closes it for $9,000. She deducts the $3,000 shortfall on Schedule A.",
    "For example, suppose your Roth IRA took in $8,000 of contributions and is worth $6,500 "
    "when you close it. You'd deduct the $1,500 loss on Schedule A.",
    "Here's the math. Tom's only IRA held $15,000 of nondeductible money and paid out $10,000 "
    "when he emptied it. He writes off the $5,000 difference as a miscellaneous itemized "
    "deduction.",
])
def test_a_worked_example_line_takes_the_account_its_case_set_up(check_text, text):
    found = _framed(check_text, text)
    assert ("ira-loss-misc-deduction-outdated", "outdated") in found, found


@pytest.mark.parametrize("text", [
    # the example's account is a brokerage account
    "Worked example\n\nSay Priya sold stock in her brokerage account for $9,000 after paying "
    "$12,000. She deducts the $3,000 loss against her gains.",
    # the example denies the deduction
    "Worked example\n\nSay Priya's IRA fell from $12,000 to $9,000. She can't deduct the "
    "$3,000 drop.",
    # no example: an IRA two sentences back, then a line about a stock sale
    "My IRA had a rough year. I sold a losing stock in my taxable account too. I deducted the "
    "$2,000 loss on my return.",
])
def test_a_line_outside_an_example_or_of_another_case_takes_no_ira(check_text, text):
    found = _framed(check_text, text)
    assert not {c for c, v in found if v not in ("accurate", "myth")}, found


# --- a table row that asks a question, and a cell that answers it yes or no ---------------------

@pytest.mark.parametrize("table, claim", [
    ("| Question | Answer |\n|---|---|\n| Can you borrow from an IRA? | Yes |", "ira-loan"),
    ("| Rule | 401(k) | IRA |\n|---|---|---|\n| Does the rule of 55 apply? | Yes | Yes |",
     "rule-of-55-ira"),
    ("| Question | Hardship withdrawal |\n|---|---|\n| Must you take a plan loan first? | Yes |",
     "hardship-loan-first"),
])
def test_a_yes_or_no_cell_answers_its_rows_question(check_text, table, claim):
    found = _framed(check_text, f"# At a glance\n\n{table}\n", ".md")
    assert any(c == claim and v != "accurate" for c, v in found), found


@pytest.mark.parametrize("table", [
    "| Question | Answer |\n|---|---|\n| Can you deduct losses inside an IRA? | No |",
    "| Question | Answer |\n|---|---|\n| Is state tax withheld? | Depends on your state |",
    # a cell that names its own thing takes no other from the title
    "| Feature | Hardship withdrawal | 401(k) loan |\n|---|---|---|\n"
    "| Can you put the money back? | No | Yes, that's the point |",
])
def test_a_cell_that_answers_no_or_names_its_own_thing_is_not_flagged(check_text, table):
    text = f"# Hardship withdrawal or 401(k) loan?\n\n{table}\n"
    found = _framed(check_text, text, ".md")
    assert not {c for c, v in found if v not in ("accurate", "myth")}, found


# --- a question that sets up a case: the answer's figures are the case's ----------------------

def _case_match(db, claim_id: str):
    from taxcheck.matching.conditions import Match

    claim = next(c for c in db.claims if c.id == claim_id)
    return Match(claim, claim.when[0], frozenset(), claim.verdict or "accurate", "",
                 claim.rule, claim.correction, (), claim.citations)


def test_the_case_decides_when_it_rules_out_every_claim_and_picks_a_figure(db):
    from taxcheck.matching.retries.cases import case_decides

    age_50 = [_case_match(db, "catch-up-limit")]
    in_case = [_case_match(db, "catch-up-60-63")]
    # "Turning 62?": the age-50 catch-up is ruled out, the ages-60-63 figure is the case's
    assert case_decides(age_50, in_case)
    # the case rules nothing out: the sentence keeps its own reading
    assert not case_decides(age_50, [*age_50, *in_case])
    # the case rules out every claim but finds only another fact's claim with no figure
    assert not case_decides([_case_match(db, "wash-sale-ira-workaround")],
                            [_case_match(db, "retirement-loss-deductible")])
    # the case rules the sentence's claim out and finds nothing: nothing is said in the case
    assert case_decides(age_50, [])


def test_a_teaser_question_sets_up_no_case_but_a_bare_verb_case_does():
    from dataclasses import replace as _replace

    from taxcheck.clauses import Candidate
    from taxcheck.matching.retries.cases import sets_up_case

    def asked(text: str, imperative: bool = True) -> Candidate:
        return Candidate(start=0, end=len(text), text=text, sentence_index=0,
                         sentence_start=0, sentence_end=len(text), sentence=text, concepts=(),
                         polarity="affirmed", negations=(), hedges=(), attribution=None,
                         question=True, imperative=imperative, anaphor=False,
                         assertive=False, historical=False, quantities=())

    assert sets_up_case(asked("Make over $150,000?"))
    assert sets_up_case(asked("Earn too much for a Roth?"))
    assert not sets_up_case(asked("Want to save more?"))
    assert not sets_up_case(asked("Need a hand choosing a plan?"))
    assert not sets_up_case(asked("Looking for the 2026 limits?", imperative=False))
    # an imperative clause of a longer question tells the reader what to do
    told = _replace(asked("Call your plan"), sentence="Call your plan and ask: can I borrow?")
    assert not sets_up_case(told)


@pytest.mark.parametrize(("text", "claim"), [
    # FAQ
    ("Frequently asked questions\n\nFiling as single? For 2026 your Roth IRA contribution "
     "shrinks once MAGI passes $153,000 and stops at $168,000.", "roth-ira-phaseout-single"),
    # listicle bullet
    ("Roth IRA income limits at a glance:\n\n- Married filing jointly? For 2026 the Roth "
     "phase-out runs from $242,000 to $252,000.", "roth-ira-phaseout-mfj"),
    # Q&A column: the group's amount is not checked against the age-50 catch-up
    ("Dear Ask the Planner: I'm 62. Can I put more into my 401(k)?\n\nTurning 62 this year? "
     "In 2026 your 401(k) catch-up can be as much as $11,250 on top of the base limit.",
     "catch-up-60-63"),
    # forum reply: the birth year's starting age, not the general one
    ("Re: when do I have to start withdrawals?\n\nBorn in 1961? Relax, your required minimum "
     "distributions won't begin until age 75.", "rmd-start-age-born-1960"),
    ("7 things to know about catch-ups\n\n- Over 50? For 2026 your 401(k) catch-up "
     "contribution is $8,000.", "catch-up-limit"),
])
def test_a_correct_answer_in_its_case_is_accurate(check_text, text, claim):
    found = _framed(check_text, text)
    assert (claim, "accurate") in found
    assert not {v for _, v in found} - {"accurate"}


@pytest.mark.parametrize(("text", "claim", "verdict"), [
    ("Frequently asked questions\n\nFiling as single? For 2026 your Roth IRA contribution "
     "shrinks once MAGI passes $150,000 and stops at $165,000.", "roth-ira-phaseout-single",
     "outdated"),
    ("Roth IRA income limits at a glance:\n\n- Married filing jointly? For 2026 the Roth "
     "phase-out runs from $153,000 to $168,000.", "roth-ira-phaseout-mfj", "false"),
    ("Re: when do I have to start withdrawals?\n\nBorn in 1961? Relax, your required minimum "
     "distributions begin at age 73.", "rmd-start-age-born-1960", "false"),
    ("7 things to know about catch-ups\n\n- Over 50? For 2026 your 401(k) catch-up "
     "contribution is $11,250.", "catch-up-limit", "false"),
    # the age the case sets up is too young for the exception the answer describes
    ("Early retirement FAQ\n\nLeft your job at 53? You can take money from that 401(k) "
     "without the 10% penalty.", "rule-of-55-left-before-55", "false"),
    # a bare verb sets up the case; the answer names no amount and takes the case's
    ("Roth IRA FAQ\n\nMake over $150,000 as a single filer? You can't put money in a Roth.",
     "roth-ira-phaseout-hard-cutoff", "misleading"),
])
def test_a_wrong_answer_in_its_case_is_flagged_with_the_cases_claim(check_text, text, claim,
                                                                    verdict):
    assert (claim, verdict) in _framed(check_text, text)


def test_the_case_stops_at_the_next_heading(check_text):
    answer = "For 2026 your 401(k) catch-up contribution is $8,000."
    in_case = f"# Catch-up FAQ\n\nTurning 62 this year? {answer}"
    assert ("catch-up-60-63", "false") in _framed(check_text, in_case, ".md")
    past_heading = f"# Catch-up FAQ\n\nTurning 62 this year?\n\n## The regular catch-up\n\n{answer}"
    assert _framed(check_text, past_heading, ".md") == {("catch-up-limit", "accurate")}


def test_one_sentence_with_no_tax_term_holds_the_case_over(check_text):
    held = "# Notes\n\nBorn in 1961? Good news. Your RMDs begin at 73."
    assert ("rmd-start-age-born-1960", "false") in _framed(check_text, held, ".md")
    # a reply in between is what holds in the case; the sentence after it is its own
    replied = "# Notes\n\nTurning 62 this year? Sorry, no. For 2026 your 401(k) catch-up " \
              "contribution is $8,000."
    assert _framed(check_text, replied, ".md") == {("catch-up-limit", "accurate")}
    # two sentences in between, or a new paragraph: the answer is read on its own
    for text in ("# Notes\n\nTurning 62 this year? Lucky you! You have plenty of time. For "
                 "2026 your 401(k) catch-up contribution is $8,000.",
                 "# Notes\n\nTurning 62 this year? Lucky you!\n\nFor 2026 your 401(k) "
                 "catch-up contribution is $8,000."):
        assert _framed(check_text, text, ".md") == {("catch-up-limit", "accurate")}


# --- a paragraph completes the paragraph before it that ends in a colon -------------------------

@pytest.mark.parametrize("text, claim", [
    ("Hardship withdrawals come with one big perk. The rule:\n\nYou skip the 10% "
     "early-withdrawal penalty.", "hardship-withdrawal-penalty-free"),
    ("Losses in a Roth IRA work differently from what you might think. The short version:\n\n"
     "You can write them off on your return.", "retirement-loss-deductible"),
])
def test_a_paragraph_after_a_lead_in_paragraph_completes_it(check_text, text, claim):
    assert (claim, "false") in _framed(check_text, text)


@pytest.mark.parametrize("text", [
    # the completion is correct
    "Hardship withdrawals come with strings. The rule:\n\nYou still owe the 10% penalty if "
    "you are under 59½.",
    # the lead-in turns to another option, which the completion names
    "Hardship withdrawals are one option. Here is another:\n\nYou can skip the 10% penalty "
    "with a rule-of-55 withdrawal after you leave your job at 55.",
    # no colon: the next paragraph is a statement of its own
    "Hardship withdrawals come with one big perk.\n\nYou skip the line at the bank.",
])
def test_a_completion_that_is_right_or_names_its_own_thing_is_not_flagged(check_text, text):
    found = _framed(check_text, text)
    assert not {c for c, v in found if v not in ("accurate", "myth")}, found


# --- a listicle's "Mistake #N:" label frames what follows as the readers' wrong belief ----------

@pytest.mark.parametrize("text, claim", [
    ("Mistake #1: Trying to deduct the drop in your 401(k) on your tax return",
     "retirement-loss-deductible"),
    ("Blunder #2: Netting your 401(k) losses against your brokerage gains",
     "retirement-loss-offsets-gains"),
    ("Mistake: You can deduct losses in your IRA.", "retirement-loss-deductible"),
])
def test_a_mistake_label_debunks_what_it_names(check_text, text, claim):
    found = _framed(check_text, text)
    assert (claim, "myth") in found and (claim, "false") not in found, found


def test_a_mistake_named_in_another_sentence_frames_nothing_after_it(check_text):
    text = "The biggest mistake is to stop contributing. You can deduct losses in your IRA."
    assert ("retirement-loss-deductible", "false") in _framed(check_text, text)


# --- "Then ...", "Next, ...", "Finally, ..." go on to the next step of the procedure ------------

_IRA_LOSS_RULE = ("# IRA losses\n\n## Deducting an IRA loss\n\nYou can still deduct an IRA loss if "
                  "you close all your traditional IRAs. ")


@pytest.mark.parametrize("step", [
    "Next, you subtract what you got back from your basis.",
    "Finally, you figure the loss as your basis minus the payouts.",
    "Lastly, you take the shortfall below your basis.",
])
def test_a_sentence_going_on_to_the_next_step_is_a_step(check_text, step):
    findings = check_text(_IRA_LOSS_RULE + step + "\n", ".md").findings
    assert [f for f in findings if f.sentence == step and f.verdict == "outdated"], [
        (f.sentence, f.claim_id) for f in findings]


@pytest.mark.parametrize("step", [
    "Then again, most people shouldn't bother with the loss.",
    "Then you'll owe income tax on the pre-tax part of every payout.",
])
def test_then_again_or_a_then_on_another_subject_is_no_step(check_text, step):
    findings = check_text(_IRA_LOSS_RULE + step + "\n", ".md").findings
    assert not [f for f in findings if f.sentence == step and f.verdict != "accurate"]


@pytest.mark.parametrize(("rule", "later"), [
    ("Keep in mind the once-a-year rollover limit applies to each IRA separately. ",
     "Next time you want to move an IRA, ask the new custodian for a trustee-to-trustee "
     "transfer."),
    (_IRA_LOSS_RULE, "Next year, ask your custodian for a trustee-to-trustee transfer."),
])
def test_next_time_or_next_year_is_a_later_occasion_not_a_step(check_text, rule, later):
    """'Next time you move an IRA, ask for a transfer' after an outdated rule is advice for
    a later occasion, not the next step of the rule."""
    findings = check_text(rule + later + "\n", ".md").findings
    assert [f for f in findings if f.verdict == "outdated"]
    assert not [f for f in findings if f.sentence == later and f.verdict != "accurate"]


_LEAD = ("You can deduct an IRA loss if you close all your traditional IRAs for less than your "
         "basis. Follow these steps:")


@pytest.mark.parametrize(("name", "page", "bare"), [
    ("a.html", f"<article><h1>Your IRA loss write-off</h1><p>{_LEAD}</p><ol><li>Empty the "
     "accounts by December 31.</li><li>Gather the 1099-Rs.</li><li>Report the shortfall on "
     "Schedule A.</li></ol></article>", "Gather the 1099-Rs."),
    ("b.txt", f"Writing off an IRA loss\n\n{_LEAD}\n1) Close everything out.\n"
     "2) Total what came back.\n3) Put the difference on Schedule A.\n", "Close everything out."),
    ("c.txt", f"Writing off an IRA loss\n\n{_LEAD}\nStep 1: Wait for the last check. It can "
     "take a week.\nStep 2: Claim the shortfall on Schedule A.\n", "Wait for the last check."),
])
def test_a_numbered_step_naming_nothing_is_a_step_of_the_open_procedure(checker, name, page,
                                                                          bare):
    """"2. Gather the 1099-Rs." names no concept, but as a numbered step of the procedure
    the lead-in stated, it presents the abolished deduction as available: one finding per
    step, on its first sentence when no other sentence of the step states it."""
    report = checker.check(read_bytes(page.encode(), name), tax_year=2026)
    on_bare = [f for f in report.findings if f.text == bare]
    assert [(f.claim_id, f.verdict) for f in on_bare] == [
        ("ira-loss-deduction-outdated", "outdated")]


def test_a_bare_step_that_denies_or_whose_step_says_more_adds_nothing(checker):
    page = (f"Writing off an IRA loss\n\n{_LEAD}\nStep 1: Don't panic.\n"
            "Step 2: Do the math. Subtract what you got from your basis to find the loss.\n")
    report = checker.check(read_bytes(page.encode(), "d.txt"), tax_year=2026)
    texts = {f.text for f in report.findings}
    assert "Don't panic." not in texts and "Do the math." not in texts


# --- a clause with an account of its own keeps to it (no topic of another account) -------------

@pytest.mark.parametrize(("text", "claim"), [
    # a paragraph after one on 401(k) loans states a penalty of IRAs: no IRA loan
    ("# Early withdrawals\n\nMany workers borrow against their 401(k) when money is tight."
     "\n\nThe 10% penalty applies before 55 for IRAs too.\n", "ira-loan"),
    # after the rule of 55 of a 401(k), a line on the IRA's own age is no rule of 55 for IRAs
    ("## Leaving your job at 55\n\nThe rule of 55 lets you tap your 401(k) without the 10% "
     "penalty if you leave work in or after the year you turn 55.\n\nFor IRAs, the penalty "
     "applies until 59\u00bd.\n", "rule-of-55-ira"),
])
def test_a_clause_naming_its_own_account_takes_no_topic_of_another(check_text, text, claim):
    assert claim not in {claim_id for claim_id, _ in _framed(check_text, text, suffix=".md")}


@pytest.mark.parametrize(("text", "claim"), [
    # a clause naming only the other account extends the rule to it
    ("Most 401(k) plans let you borrow up to $50,000. IRA owners can do the same.",
     "ira-loan"),
    ("Q: Does the rule of 55 help me?\nA: Yes, if you leave your job at 55 or later. Your IRA "
     "is covered too.", "rule-of-55-ira"),
    # the topic stated with no account of its own: the loan is the IRA's
    ("You can borrow from your 401(k). Loans from an IRA work the same way.", "ira-loan"),
])
def test_a_clause_naming_only_another_account_extends_the_topic(check_text, text, claim):
    assert (claim, "false") in _framed(check_text, text)


# --- a pronoun that is the object of fixing, paying or taking stands for the thing -----------

@pytest.mark.parametrize("text", [
    "Your Roth IRA is never subject to RMDs while you're alive. Skip an RMD from some other "
    "account and the excise tax is 25%, which falls to 10% once you correct it.",
    "- Roth IRA: no RMDs during your lifetime\n- Missed RMD somewhere else: 25% excise "
    "tax, 10% if you make it up within two years",
    "The upside: a Roth IRA has no RMDs while you live. The downside: forget one from another "
    "plan and the tax is 25%, or 10% once you fix it.",
    "Q: Does my Roth IRA have RMDs?\n\nA: Not while you're alive. If an RMD from some other "
    "account slips by, the 25% tax drops to 10% when you take it within two years.",
])
def test_an_object_pronoun_of_a_remedy_takes_no_account_from_before(check_text, text):
    assert "roth-ira-rmd" not in {claim for claim, _ in _framed(check_text, text)}


@pytest.mark.parametrize("text", [
    "Roth IRAs are handy. They require RMDs at 73.",
    "## Roth IRA basics\n\nRoth IRAs hold after-tax money. They are subject to RMDs once "
    "you turn 73.",
    "Roth IRAs are flexible. Sadly they force RMDs once you reach 73.",
    "I opened a Roth IRA last spring. It will need RMDs when I turn 73, so I'm planning ahead.",
])
def test_a_subject_pronoun_still_takes_the_account_from_before(check_text, text):
    assert ("roth-ira-rmd", "false") in _framed(check_text, text)
