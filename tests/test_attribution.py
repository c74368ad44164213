"""Which fact and which verdict a sentence gets: the year a list's lead-in gives its items,
a then-and-now table's "Then" column, the amounts of a worked example, and one error per
fact in a sentence."""

from __future__ import annotations

import pytest

from taxcheck.readers import read_bytes


def _found(check_text, text: str, suffix: str = ".txt") -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in check_text(text, suffix).findings
            if not f.suppressed}


# --- a list's lead-in dates its items ---------------------------------------------------------

@pytest.mark.parametrize("lead, item", [
    ("Whether the deduction is limited depends on your income. For 2024:",
     "- Single and covered by a workplace plan: the deduction shrinks above $77,000 and is "
     "gone at $87,000."),
    ("The 2024 ranges for deducting a traditional IRA contribution are:",
     "- Single filers covered at work: $77,000 to $87,000 of MAGI."),
    ("Here is how the IRA deduction phased out in 2025:",
     "- Single and covered by a plan at work: from $79,000 to $89,000."),
])
def test_a_year_the_lead_in_names_is_the_year_of_its_items(check_text, lead, item):
    found = _found(check_text, f"{lead}\n\n{item}\n")
    assert ("ira-deduction-phaseout-single", "accurate") in found
    assert not any(v == "outdated" for _, v in found)


def test_an_item_without_a_dated_lead_in_is_checked_for_the_tax_year(check_text):
    found = _found(check_text, "The deduction phases out like this:\n\n- Single filers covered "
                               "at work: $77,000 to $87,000 of MAGI.\n")
    assert ("ira-deduction-phaseout-single", "outdated") in found


# --- the "Then" column of a then-and-now table ------------------------------------------------

THEN_AND_NOW = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rules that changed</title>
</head>
<body>
<article>
<h1>Rules that changed</h1>
<p>Some retirement rules are not what they were.</p>
<h2>Then and now</h2>
<table>
<thead>
<tr><th>Rule</th><th>Then</th><th>Now (2026)</th></tr>
</thead>
<tbody>
<tr><td>Age RMDs begin</td><td>70½</td><td>73</td></tr>
<tr><td>Reversing a Roth conversion</td><td>Allowed until the next October</td><td>No</td></tr>
</tbody>
</table>
</article>
</body>
</html>"""


def test_the_then_column_of_a_then_and_now_table_is_the_old_rule(check_text):
    found = _found(check_text, THEN_AND_NOW, ".html")
    assert not any(v in ("outdated", "false") for _, v in found), found


@pytest.mark.parametrize("text", [
    "Years ago, if you emptied every traditional IRA at a loss, you could deduct the shortfall "
    "on Schedule A.",
    "Years ago, when you closed all of your traditional IRAs for less than your basis, you "
    "could deduct the difference.",
])
def test_years_ago_describes_the_old_rule(check_text, text):
    assert not any(v == "outdated" for _, v in _found(check_text, text))


# --- a worked example's amounts ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "If you earn $40,000, what you and your employer add in total can't exceed $40,000 in 2026.",
    "Example: $70,000 vested means the most you could borrow from the 401(k) is $35,000.",
    "Someone with $60,000 vested can take a 401(k) loan of up to $30,000.",
])
def test_a_worked_example_amount_is_not_a_limit(check_text, text):
    assert not any(v == "false" for _, v in _found(check_text, text))


def test_half_of_a_large_balance_is_still_checked_against_the_cap(check_text):
    found = _found(check_text, "With $250,000 vested, you can borrow up to $125,000 from "
                               "your 401(k).")
    assert ("plan-loan-max", "false") in found


def test_the_floor_of_a_greater_of_rule_is_not_the_catch_up(check_text):
    found = _found(check_text, "For ages 60 to 63 the catch-up is the greater of $10,000 or "
                               "150% of the regular catch-up in 2026.")
    assert ("catch-up-60-63", "false") not in found


# --- one error per fact in a sentence ------------------------------------------------------------

def test_an_old_amount_in_a_false_sentence_of_the_same_fact_is_part_of_that_error(check_text):
    found = _found(check_text, "Because a traditional IRA and a Roth IRA are separate "
                               "accounts, you can put the full $7,000 into each one in 2026.")
    assert ("ira-limit-separate", "false") in found
    assert ("ira-limit", "outdated") not in found


# --- a table's caption ----------------------------------------------------------------------------

def _captioned(caption: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in header) + "</tr>"
    return ("<!doctype html><html><body><article><h1>IRA and 401(k) limits</h1>"
            "<p>Updated January 5, 2026</p><h2>The numbers</h2>"
            f"<table><caption>{caption}</caption><thead>{head}</thead><tbody>{cells}</tbody>"
            "</table></article></body></html>")


def test_a_caption_is_not_the_header_row(check_text):
    page = _captioned("Limits at a glance", ("Account", "2025", "2026"),
                      [("401(k) catch-up, age 50+", "$7,500", "$8,000")])
    document = check_text(page, ".html")
    found = {(f.claim_id, f.verdict, f.text) for f in document.findings}
    assert ("catch-up-limit", "accurate", "401(k) catch-up, age 50+ — 2025: $7,500") in found
    assert not any(v == "outdated" for _, v, _ in found)


def test_a_year_the_caption_names_dates_its_columns(check_text):
    page = _captioned("2024 Roth IRA income ranges", ("Filing status", "Phase-out range"),
                      [("Single or head of household", "$146,000 – $161,000")])
    found = _found(check_text, page, ".html")
    assert ("roth-ira-phaseout-single", "accurate") in found
    assert not any(v == "outdated" for _, v in found)


@pytest.mark.parametrize("text", [
    "The medical exception takes the penalty off costs above 7.5% of your AGI.",
    "Unreimbursed medical bills above 7.5% of adjusted gross income escape the 10% penalty.",
])
def test_a_percentage_of_agi_is_not_the_penalty_rate(check_text, text):
    assert ("early-withdrawal-rate", "false") not in _found(check_text, text)


# --- a correct rule labelled a myth --------------------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("Myth: IRAs don't allow loans.\n\nReality: you can borrow up to $50,000 from your IRA.",
     ("ira-loan", "false")),
    ("Myth #2: You can\u2019t deduct losses in your 401(k).\n\nThe truth: losses in a 401(k) "
     "can be deducted once you roll them into an IRA.", ("retirement-loss-rollover", "false")),
    ("A common myth is that you cannot borrow from an IRA. In fact, an IRA loan of up to "
     "$50,000 is allowed.", ("ira-loan", "false")),
])
def test_a_correct_rule_labelled_a_myth_gets_no_finding_of_its_own(check_text, text, wrong):
    """The label is not the article's claim that the rule is true, nor proof that it thinks
    the rule wrong: no 'verified', no contradiction; what it says next is checked."""
    report = check_text(text)
    assert _found(check_text, text) == {wrong}
    assert not list(report.visible_contradictions())


@pytest.mark.parametrize("text, right", [
    ("Myth or fact: IRAs don't allow loans.", "ira-no-loans"),
    ("Myth: Losses inside an IRA are not deductible.\n\nFact: That one is true.",
     "retirement-loss-not-deductible"),
    ("Myth: Losses inside an IRA are not deductible.\n\nReality: Correct. They never are.",
     "retirement-loss-not-deductible"),
])
def test_a_myth_label_the_article_confirms_or_leaves_open_stays_verified(check_text, text,
                                                                          right):
    assert (right, "accurate") in _found(check_text, text)


# --- each amount to its own group; a floor is not a cap -----------------------------------------

@pytest.mark.parametrize("text, right", [
    ("At 61 you can put $24,500 plus $11,250 into your 401(k) for 2026, for $35,750 in total.",
     "deferral-total-60-63"),
    ("If you're 62, your 2026 401(k) limit is $24,500 plus an $11,250 catch-up.",
     "catch-up-60-63"),
    ("In 2026, savers under 50 can defer $24,500, those 50 and up $32,500, and those 60 to 63 "
     "$35,750.", "deferral-total-60-63"),
])
def test_an_amount_goes_to_its_own_age_group(check_text, text, right):
    assert _found(check_text, text) == {(right, "accurate")}


@pytest.mark.parametrize("text", [
    "If you're 50 or older, the 2026 catch-up is $24,500.",
    "The 2026 catch-up for savers 50 and older is $24,500.",
])
def test_a_wrong_amount_next_to_its_group_is_still_flagged(check_text, text):
    assert ("catch-up-limit", "false") in _found(check_text, text)


@pytest.mark.parametrize("text", [
    "The plan may lend you up to $10,000 even if that is more than half your vested balance.",
    "Your plan can let you take a $10,000 loan even if that's more than 50% of the vested "
    "balance.",
    "Small-balance rule: a plan can lend up to $10,000 even when that's over half of what you "
    "have vested.",
])
def test_the_10000_floor_above_half_the_balance_is_not_a_cap(check_text, text):
    assert _found(check_text, text) == {("plan-loan-small-balance-floor", "accurate")}


# --- a stated range is right only when both ends are -----------------------------------------

@pytest.mark.parametrize("text, claim, verdict", [
    ("Roth IRA, married filing jointly \u2014 2026 phase-out range: $240,000 \u2013 $250,000",
     "roth-ira-phaseout-mfj", "false"),
    ("For 2026, joint filers see their Roth IRA contribution phase out between $240,000 and "
     "$250,000 of MAGI.", "roth-ira-phaseout-mfj", "false"),
    ("my wife and I file jointly and the 2026 Roth IRA phaseout is $240k to $250k, so we're "
     "fine at $239k", "roth-ira-phaseout-mfj", "false"),
    ("In 2026, single filers covered at work lose the IRA deduction between $79,000 and "
     "$91,000.", "ira-deduction-phaseout-single", "false"),
    ("Roth IRA income limits for 2026 (joint filers): $236k\u2013$246k",
     "roth-ira-phaseout-mfj", "outdated"),
    ("For 2026, joint filers' Roth IRA eligibility phases out between $236,000 and $246,000.",
     "roth-ira-phaseout-mfj", "outdated"),
    ("For 2026, joint filers' Roth IRA eligibility phases out between $242,000 and $252,000.",
     "roth-ira-phaseout-mfj", "accurate"),
])
def test_a_range_is_checked_end_to_end(check_text, text, claim, verdict):
    """One end of a stated range equal to an end of an earlier year's range ($240,000 ended
    the 2024 joint range) does not make the range that year's: both ends must match."""
    found = _found(check_text, text)
    assert (claim, verdict) in found
    assert not any(c == claim and v != verdict for c, v in found)


# --- several filing groups in one sentence: each range to its own group ----------------------

@pytest.mark.parametrize("text, wrong", [
    ("If you're covered by a workplace plan, the traditional IRA deduction phases out between "
     "$81,000 and $91,000 (single) or $129,000 and $149,000 (married filing jointly).", None),
    ("Covered at work? In 2026 your IRA deduction phases out from $81,000 to $91,000 if you're "
     "single and from $129,000 to $149,000 if you file jointly.", None),
    ("For 2026 the deduction phase-out for workers covered by a plan is $81,000\u2013$91,000 for "
     "single filers and $129,000\u2013$149,000 for married couples filing jointly.", None),
    ("For 2026, covered workers lose the IRA deduction between $81,000 and $91,000 (single) or "
     "$126,000 and $146,000 (married filing jointly).", ("ira-deduction-phaseout-mfj", "outdated")),
    ("In 2026 the traditional IRA deduction phases out at $79,000\u2013$89,000 for single filers "
     "covered at work and $129,000\u2013$149,000 for joint filers.",
     ("ira-deduction-phaseout-single", "outdated")),
])
def test_each_filing_group_takes_its_own_range(check_text, text, wrong):
    found = _found(check_text, text)
    problems = {(c, v) for c, v in found if v != "accurate"}
    assert problems == ({wrong} if wrong else set())
    assert ("ira-deduction-phaseout-single", "accurate") in found or wrong[0].endswith("single")
    assert ("ira-deduction-phaseout-mfj", "accurate") in found or wrong[0].endswith("mfj")


# --- a year a comparison reaches back to is not the year of the amount -----------------------

@pytest.mark.parametrize("text, claim, verdict", [
    ("The IRA catch-up, indexed for inflation since 2024, is $1,100.",
     "ira-catch-up-limit", "accurate"),
    ("The HCE threshold stays at $160,000, just as it was in 2025.", "hce-threshold", "accurate"),
    ("The 401(k) deferral limit is $24,500, $1,000 more than in 2025.",
     "elective-deferral-limit", "accurate"),
    ("Workers 50 and older can add another $8,000, and those turning 60, 61, 62 or 63 can "
     "instead add $11,250, the same enhanced figure as in 2025.", "catch-up-limit", "accurate"),
    ("The IRA catch-up has been $1,000 since 2024.", "ira-catch-up-limit", "outdated"),
    ("For 2025, the IRA catch-up is $1,000.", "ira-catch-up-limit", "accurate"),
])
def test_since_and_as_in_years_are_not_the_amounts_year(check_text, text, claim, verdict):
    """"since 2024", "as in 2025", "than in 2025" name the start or the other side of a
    comparison; the amount is checked for the article's year (2026 here)."""
    found = _found(check_text, text)
    assert (claim, verdict) in found
    assert not any(v == "false" for _, v in found)


# --- a thing named only as the contrast is not what the clause is about ----------------------

@pytest.mark.parametrize("text", [
    "I have a Roth 401(k). Someone told me it still has RMDs even though a Roth IRA doesn't, "
    "so I'll roll it over.",
    "Unlike a Roth IRA, a Roth 401(k) still makes you take required minimum distributions.",
    "Roth 401(k)s require minimum distributions, while Roth IRAs don't.",
])
def test_the_contrasted_account_keeps_its_own_denial(check_text, text):
    found = _found(check_text, text)
    assert ("roth-401k-rmd", "outdated") in found
    assert not any(c == "roth-ira-rmd" for c, _ in found)


# --- ages: 55 without leaving the job, 64 and the larger catch-up -----------------------------

@pytest.mark.parametrize("text", [
    "Once you're 55, hardship withdrawals escape the 10% penalty.",
    "55 or older: no 10% penalty on hardship distributions",
    "Turning 55 makes in-service withdrawals penalty-free, even if you keep working.",
])
def test_age_55_without_leaving_is_the_age_55_exceptions_error(check_text, text):
    found = _found(check_text, text)
    assert ("rule-of-55-without-leaving", "false") in found
    assert ("hardship-withdrawal-penalty-free", "false") not in found


def test_leaving_at_55_is_still_right(check_text):
    found = _found(check_text, "If you leave your job in the year you turn 55, withdrawals "
                               "from that plan avoid the 10% penalty.")
    assert not any(v != "accurate" for _, v in found)


def test_the_larger_catch_up_named_by_its_amount_at_64(check_text):
    found = _found(check_text, "Savers who are 64 can still use the $11,250 catch-up.")
    assert ("catch-up-60-63-still-at-64", "false") in found
    assert ("catch-up-limit", "false") not in found


# --- a year named only for comparison is not the year of the amounts ---------------------------

@pytest.mark.parametrize("text, claim", [
    ("# 2026 limits\n\nWorkers 50 and older can put an extra $8,000 into a 401(k), more than "
     "in 2025.\n", "catch-up-limit"),
    ("# IRA limits for 2026\n\nThe IRA contribution limit is $7,500, $500 more than for 2025.\n",
     "ira-limit"),
    ("# 2026 numbers\n\nThe IRA catch-up is $1,100, higher than in 2025.\n", "ira-catch-up-limit"),
    ("# 2026 limits\n\nIn a 401(k), savers aged 60 to 63 may make an $11,250 catch-up, just as "
     "they could in 2025.\n", "catch-up-60-63"),
    ("# 2026 limits\n\nThe 401(k) catch-up for savers 50 and over is $8,000, higher than the "
     "2025 amount.\n", "catch-up-limit"),
])
def test_a_year_named_for_comparison_does_not_date_the_amounts(checker, text, claim):
    report = checker.check(read_bytes(text.encode(), "snippet.md"), tax_year=2026)
    found = {(f.claim_id, f.verdict) for f in report.findings}
    assert (claim, "accurate") in found
    assert all(v == "accurate" for _, v in found)


@pytest.mark.parametrize("text, claim", [
    ("# IRA limits for 2026\n\nThe IRA contribution limit is $8,000, $1,000 more than for "
     "2025.\n", "ira-limit"),
    ("# 2026 limits\n\nWorkers 50 and older can add $7,500 to a 401(k), the same catch-up as in "
     "2025.\n", "catch-up-limit"),
])
def test_a_wrong_amount_beside_a_compared_year_is_still_flagged(checker, text, claim):
    report = checker.check(read_bytes(text.encode(), "snippet.md"), tax_year=2026)
    assert any(f.claim_id == claim and f.verdict != "accurate" for f in report.findings)


# --- history told as history ------------------------------------------------------------------

@pytest.mark.parametrize("text, suffix", [
    ("# IRA losses\n\n## How the old write-off worked\n\nThe loss went on Schedule A with other "
     "miscellaneous itemized deductions. Only the part above 2% of AGI was deductible.\n", ".md"),
    ("Before 2018, the steps were:\n\n- Every traditional IRA you owned had to be emptied.\n"
     "- The loss counted as a miscellaneous itemized deduction on Schedule A.\n", ".txt"),
    ("Here is how it worked back then:\n\n- The shortfall went on Schedule A as a miscellaneous "
     "itemized deduction.\n- It was added back when figuring the AMT.\n", ".txt"),
    ("Years ago my dad did this. He closed all his IRAs and wrote off the loss on Schedule A as a "
     "miscellaneous itemized deduction.\n", ".txt"),
])
def test_the_past_tense_under_a_past_frame_tells_history(check_text, text, suffix):
    """A heading or lead-in set in the past ("used to", "back then", "before 2018") and a
    clause in the simple past: how things were, not an outdated rule stated for today."""
    assert not [f for f in check_text(text, suffix).findings if f.verdict != "accurate"]


@pytest.mark.parametrize("text, suffix", [
    ("Here is how it worked back then:\n\n- You can still deduct an IRA loss as a miscellaneous "
     "itemized deduction on Schedule A.\n", ".txt"),
    ("What I did this spring:\n\n- I deducted my IRA loss on Schedule A as a miscellaneous "
     "itemized deduction.\n", ".txt"),
    ("# IRA losses\n\n## How the write-off works\n\nThe loss goes on Schedule A with other "
     "miscellaneous itemized deductions.\n", ".md"),
])
def test_the_present_tense_or_a_present_frame_still_states_the_old_rule(check_text, text,
                                                                          suffix):
    assert any(f.verdict == "outdated" for f in check_text(text, suffix).findings)


# --- the age a question sets up is the age group of the amount after it -------------------------

@pytest.mark.parametrize("text", [
    "Turning 63 in 2026? Your catch-up is $11,250.",
    "Already 61? Then your 2026 catch-up is $11,250.",
    "## Are you 60, 61, 62 or 63?\n\nThen your 2026 catch-up is $11,250 instead of $8,000.\n",
    "Hitting 62 this year? Good news: you can add $11,250 on top of the $24,500 limit in 2026.",
])
def test_an_age_the_question_sets_up_picks_the_catch_up_group(check_text, text):
    found = _found(check_text, f"Catch-up notes\n\n{text}\n")
    assert not any(v in ("false", "outdated", "misleading") for _, v in found)


@pytest.mark.parametrize("text, claim", [
    ("Turning 55 in 2026? Your catch-up is $11,250.", "catch-up-limit"),
    ("Turning 62 in 2026? Your catch-up is $8,000.", "catch-up-60-63"),
    ("Between 60 and 63? The catch-up for you is $7,500 in 2026.", "catch-up-60-63"),
])
def test_a_wrong_amount_for_the_age_set_up_is_still_flagged(check_text, text, claim):
    assert (claim, "false") in _found(check_text, f"Catch-up notes\n\n{text}\n")


# --- a thing a clause says something is not is no topic for the sentences after it --------------

@pytest.mark.parametrize("text", [
    "A hardship distribution is not a loan. It's taxed as ordinary income in the year you take it.",
    "Remember: the offset isn't a loan anymore. It's a distribution, and it's taxable unless you "
    "roll the same amount over by your tax-filing deadline, extensions included.",
    "A Roth conversion isn't a rollover. You can do as many of them as you like in a year.",
    "Q: Does a trustee-to-trustee transfer count? A: A direct transfer isn't a rollover, so you "
    "can do as many as you want each year.",
])
def test_a_denied_identity_passes_nothing_on(check_text, text):
    """"Hardship money isn't a loan. It's taxed ..." is about the hardship money."""
    found = _found(check_text, f"Notes\n\n{text}\n")
    assert not any(v in ("false", "outdated", "misleading") for _, v in found)


@pytest.mark.parametrize("text", [
    "A hardship distribution is not a loan, and it is free of the 10% penalty.",
    "A hardship withdrawal isn't a loan. It lets you skip the 10% penalty.",
])
def test_what_the_denied_identity_leaves_is_still_checked(check_text, text):
    found = _found(check_text, f"Notes\n\n{text}\n")
    assert ("hardship-withdrawal-penalty-free", "false") in found


# --- a worked example's story is not a step of the rule; its loss or deduction is ---------------

_EXAMPLE = ("Notes\n\nYou can deduct an IRA loss if you close every traditional IRA you own for "
            "less than your basis.\n\nExample: Tom put $10,000 of after-tax money into his only "
            "IRA.\n\n")


@pytest.mark.parametrize("story", [
    "In 2026 he cashes it out and gets $7,000 back.",
    "This spring she shut the account and the custodian mailed her $4,200.",
    "After ten years he closes it and receives $6,100.",
    "When the account is emptied, the check comes to $3,500.",
])
def test_a_worked_example_line_that_only_tells_the_story_is_no_step(check_text, story):
    text = f"{_EXAMPLE}{story}\n"
    lines = {f.line for f in check_text(text).findings if f.verdict != "accurate"}
    assert lines == {5}


@pytest.mark.parametrize("line", [
    "His loss is $3,000.",
    "So he deducts $3,000, minus the 2% floor.",
])
def test_a_worked_example_line_that_figures_the_loss_is_a_step(check_text, line):
    text = f"{_EXAMPLE}{line}\n"
    lines = {f.line for f in check_text(text).findings if f.verdict == "outdated"}
    assert 9 in lines


# --- which limit: per person across employers, and "that cap" ---------------------------------

@pytest.mark.parametrize("text", [
    "The deferral limit follows you across every employer you work for in a year.",
    "Your $24,500 deferral limit applies across every job you hold in 2026, not per employer.",
    "The overall limit on what you and your employer put in is $72,000 for 2026. That cap "
    "applies separately at each unrelated employer.",
    "Annual additions max out at $72,000 in 2026. This ceiling is counted plan by plan for "
    "unrelated employers.",
    "The deferral limit is $24,500 in 2026. That cap covers all your jobs combined.",
])
def test_scope_of_a_limit_goes_to_the_limit_named(check_text, text):
    assert not any(v != "accurate" for _, v in _found(check_text, text))


def test_that_cap_after_the_deferral_limit_is_the_deferral_limit(check_text):
    found = _found(check_text, "Your elective deferrals are capped at $24,500 in 2026. That cap "
                               "applies at each employer separately.")
    assert ("deferral-limit-per-employer", "false") in found


def test_an_ira_from_the_sentences_before_does_not_make_it_the_ira_rules(check_text):
    text = ("Only the catch-up portion is affected; IRA catch-ups aren't touched.\n\n"
            "High earners making over $150,000 lose the ability to make catch-up contributions "
            "altogether.")
    assert ("roth-catch-up-high-earners-lose", "false") in _found(check_text, text)


# --- scope: one limit across every employer; "that cap" is the cap just named --------------------

@pytest.mark.parametrize("text, claim", [
    ("- Your 401(k) deferral limit is shared across all your jobs for the year.\n",
     "deferral-limit-per-person"),
    ("The 401(k) deferral cap follows you from job to job, so a new employer does not reset "
     "it.\n", "deferral-limit-per-person"),
    ("Q: Does a second job give me more room?\n\nA: No. The elective deferral limit counts "
     "across every employer you have during the year.\n", "deferral-limit-per-person"),
    ("The overall cap on employer plus employee money in a 401(k) is $72,000 for 2026. That cap "
     "applies separately at each unrelated employer.\n", "annual-additions-per-employer"),
    ("Total additions to your 401(k) are capped at $72,000 for 2026. This ceiling is counted "
     "per employer, and catch-up contributions come on top of it.\n",
     "annual-additions-per-employer"),
])
def test_a_limit_across_every_employer_is_per_person(check_text, text, claim):
    found = _found(check_text, text)
    assert (claim, "accurate") in found
    assert all(v == "accurate" for _, v in found)


@pytest.mark.parametrize("text", [
    "Each employer gives you its own 401(k) deferral limit, so two jobs mean two limits.\n",
    "The 401(k) deferral limit resets with every employer you work for.\n",
    "The 401(k) deferral limit is $24,500 for 2026. That cap applies separately at each "
    "employer.\n",
])
def test_a_deferral_limit_per_employer_is_still_flagged(check_text, text):
    assert ("deferral-limit-per-employer", "false") in _found(check_text, text)


# --- an exception stated as the exception ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "You get three years from filing to amend (an early return counts as filed on the due "
    "date).\n",
    "Filed early? For the three-year clock, an early return is deemed filed on its due date.\n",
    "You have three years from when you filed, with early filers treated as filing on the due "
    "date.\n",
    "- Filed in February: your return is treated as filed on the due date, so the three years "
    "start then.\n",
])
def test_an_early_return_deemed_filed_on_the_due_date_is_the_rule(check_text, text):
    found = _found(check_text, text)
    assert ("amended-return-early-filing-counts-as-due-date", "accurate") in found
    assert all(v == "accurate" for _, v in found)


@pytest.mark.parametrize("text", [
    "Filed in February? Your three years start the day you filed, not on the due date.\n",
    "An early return starts its own three-year clock on the day it is filed early.\n",
])
def test_a_clock_from_the_early_filing_day_is_still_flagged(check_text, text):
    assert ("amended-return-early-filing-starts-clock", "false") in _found(check_text, text)


# --- the nearest limit word's amount is the limit ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Your shares fell $12,000, which is a capital loss, and you can apply that $12,000 against "
    "other gains plus up to $3,000 of salary a year.",
    "- Capital loss of $9,000: that $9,000 first offsets gains, then up to $3,000 a year of "
    "other income",
    "A: Yes, it's a capital loss, so you can net that $25,000 against gains and deduct up to "
    "$3,000 of the rest each year.",
    "Had a capital loss of $6,500? Put that $6,500 against your gains first; only $3,000 a "
    "year can go against income.",
])
def test_a_worked_examples_loss_is_not_a_wrong_capital_loss_limit(check_text, text):
    found = _found(check_text, f"Selling at a loss\n\n{text}\n")
    assert not any(claim == "capital-loss-limit" and verdict == "false"
                   for claim, verdict in found)


@pytest.mark.parametrize("text, stated", [
    ("Your shares fell $12,000, which is a capital loss, and you can apply that $12,000 "
     "against other gains plus up to $3,500 of salary a year.", "$3,500"),
    ("A capital loss of $9,000 first offsets gains, then up to $4,000 a year of other income.",
     "$4,000"),
])
def test_a_wrong_limit_beside_a_worked_examples_loss_is_still_checked(check_text, text, stated):
    findings = [f for f in check_text(f"Selling at a loss\n\n{text}\n", ".txt").findings
                if f.claim_id == "capital-loss-limit"]
    assert [f.verdict for f in findings] == ["false"]
    assert stated in findings[0].message


# --- an additions-cap amount with a per-employer scope -----------------------------------------

@pytest.mark.parametrize("text", [
    "Is there a limit on employer contributions?\n\nYes, everything combined can't exceed "
    "$72,000 per employer.",
    "Since they're unrelated companies, each plan can take up to $72,000 from me and the "
    "employer combined.",
    "- Employee plus employer money: up to $72,000 per employer",
    "Your deferrals and the company match together top out at $72,000 for each employer's "
    "plan.",
])
def test_a_per_employer_additions_cap_is_not_a_per_employer_deferral_limit(check_text, text):
    found = _found(check_text, f"Two jobs, two plans\n\n{text}\n")
    assert not any(verdict in ("false", "misleading", "outdated") for _, verdict in found)


# --- an amount of another plan's figure, the account only from the discourse ------------------

@pytest.mark.parametrize("text", [
    "Q: I have a 401(k) at work and a small SIMPLE IRA on the side. How much extra can I add "
    "at 50?\nA: The age-50 catch-up is $8,000 for 2026.\n",
    "Re: catch-ups with two plans\nI have a 401(k) at the hospital and a tiny SIMPLE IRA from "
    "freelance work.\n\nReply: The catch-up at 50 is another $8,000 this year.\n",
])
def test_another_plans_amount_is_not_a_wrong_figure_of_the_account_named_before(check_text,
                                                                                text):
    found = _found(check_text, text)
    assert not any(c.startswith("simple-catch-up") and v == "false" for c, v in found)


@pytest.mark.parametrize("text", [
    "SIMPLE IRA catch-up for 50+: $8,000 in 2026.\n",
    "## SIMPLE IRA limits for 2026\n\nSIMPLE participants 50 and up can add $8,000.\n",
])
def test_another_plans_amount_given_to_the_named_plan_is_still_wrong(check_text, text):
    assert ("simple-catch-up-limit", "false") in _found(check_text, text, ".md")


# --- a pronoun does not reach back across a section heading ----------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("# Where losses count\n\n## Inside your IRA\n\nDeclines inside an IRA never give you a "
     "deduction.\n\n## Individual stocks\n\nWhen a company you invested in loses most of its "
     "value, you can write off the decline only once you sell.\n", "retirement-loss-deductible"),
    ("<html><body><h1>Loss FAQ</h1><h3>Can I deduct the loss on my 401(k)?</h3><p>No. A drop "
     "inside a 401(k) is never deductible.</p><h3>What about a stock that collapses?</h3><p>Once "
     "its value has gone to zero, you can claim it as a capital loss for that year.</p>"
     "</body></html>", "retirement-loss-capital-loss"),
    ("# Retirement money basics\n\n## Your 401(k) loan\n\nYou can borrow up to $50,000 from your "
     "401(k).\n\n## Inheriting an IRA\n\nMost non-spouse heirs must empty it within 10 years.\n",
     "ira-loan"),
    ("# Hardship and rollovers\n\n## Hardship withdrawals\n\nA hardship withdrawal can't be "
     "rolled over.\n\n## Moving an old 401(k)\n\nYou can roll it into an IRA, and a direct "
     "rollover has no withholding.\n", "hardship-withdrawal-repayable"),
    ("# Loans and losses\n\n## Borrowing from your 401(k)\n\nA 401(k) loan can be up to $50,000."
     "\n\n## Brokerage losses\n\nIf they exceed your gains, you can deduct all of them against "
     "your salary this year.\n", "retirement-loss-deductible"),
])
def test_a_pronoun_takes_nothing_named_before_its_sections_heading(check_text, text, wrong):
    suffix = ".html" if text.startswith("<html>") else ".md"
    assert wrong not in {claim for claim, _ in _found(check_text, text, suffix)}


@pytest.mark.parametrize("text, claim", [
    # the heading's own account still is the pronoun's
    ("# Losses\n\n## Your car\n\nSelling a car at a loss gives you nothing.\n\n## Your Roth IRA"
     "\n\nIts losses can be written off on Schedule D.\n", "retirement-loss-deductible"),
    # and so is an account named earlier in the same section
    ("# Losses\n\n## Your 401(k)\n\nThe market fell and my 401(k) dropped 30%.\n\nCan I deduct "
     "it on my return? Yes, you can write it off.\n", "retirement-loss-deductible"),
])
def test_a_pronoun_still_takes_its_sections_account(check_text, text, claim):
    assert (claim, "false") in _found(check_text, text, ".md")


# --- an amount pointed back at ("that 20%") is the earlier sentence's --------------------------

@pytest.mark.parametrize("text", [
    "Take the check yourself and the plan keeps 20% back for taxes. Consider that 20% your "
    "early-withdrawal penalty, paid in advance.",
    "- The plan withholds 20% when it pays you directly.\n- Think of that 20 percent as the "
    "early withdrawal penalty collected ahead of time.",
    "Your plan must withhold 20% when the money is paid to you. Look at those 20 percent as the "
    "IRS taking your early withdrawal penalty up front.",
])
def test_a_withheld_amount_pointed_back_at_is_called_a_penalty_not_a_wrong_rate(check_text,
                                                                             text):
    found = _found(check_text, text + "\n")
    assert ("rollover-withholding-is-penalty", "false") in found
    assert ("early-withdrawal-rate", "false") not in found


def test_an_amount_pointed_back_at_that_modifies_the_figures_noun_is_still_checked(check_text):
    found = _found(check_text, "If you cash out early, that 20% early withdrawal penalty comes on "
                               "top of income tax.\n")
    assert ("early-withdrawal-rate", "false") in found


# --- a step of an outdated procedure that adds an error of its own ---------------------------

@pytest.mark.parametrize("text, suffix", [
    ("# How to deduct your IRA loss\n\n1. Close every traditional IRA you own.\n2. Subtract what "
     "you got back from your basis.\n3. Whatever you can't use this year carries forward to next "
     "year.\n", ".md"),
    ("<html><body><h1>Claiming an IRA loss</h1><p>You can deduct an IRA loss once you close every "
     "traditional IRA you own.</p><ol><li>Add up your nondeductible contributions.</li><li>Empty "
     "every account in the same year.</li><li>Any loss you can't use rolls over into future "
     "years.</li></ol></body></html>", ".html"),
])
def test_a_step_that_carries_the_loss_forward_is_false_not_one_more_outdated_step(
        check_text, text, suffix):
    found = _found(check_text, text, suffix)
    assert ("retirement-loss-carryforward", "false") in found
    assert ("retirement-loss-rollover", "false") not in found


def test_the_steps_of_the_old_rule_stay_outdated(check_text):
    text = ("# How to deduct your IRA loss\n\n1. Close every traditional IRA you own.\n2. "
            "Subtract what you got back from your basis.\n3. Report the loss on Schedule A with "
            "your other miscellaneous deductions.\n")
    found = _found(check_text, text, ".md")
    assert {v for _, v in found} == {"outdated"}


def test_a_reply_after_a_forum_posts_header_still_answers_the_post_before(check_text):
    text = ("Posted by dana\nMy 401(k) dropped 30% this year. Can I deduct the drop?\n\n"
            "Reply from sam\nYes, you can write it off on your return.\n")
    found = _found(check_text, text)
    assert ("retirement-loss-deductible", "false") in found
