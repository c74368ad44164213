"""Numeric claims: stated amounts, ages and rates are checked against year-indexed figures."""

from __future__ import annotations

import json

import pytest

from conftest import invoke
from taxcheck.nlp.quantities import find_quantities

NOTICE_2026 = ("https://www.irs.gov/newsroom/"
               "401k-limit-increases-to-24500-for-2026-ira-limit-increases-to-7500")


def _json(text: str, *args: str) -> list[dict]:
    # every finding: a wrong amount never right for any year is reported from --min-confidence 0
    result = invoke("check", "-", "--format", "json", "--min-confidence", "0", *args,
                    stdin="Title\n\n" + text + "\n")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)[0]["findings"]


def test_outdated_deferral_limit_names_the_2026_figure_and_cites_the_notice():
    result = invoke("check", "-", "--tax-year", "2026",
                     stdin="\nFor 2026, the most you can defer into a 401(k) is $23,000.\n")
    out = result.stdout
    # an undated draft states an outdated figure as today's: an error
    assert ("error [elective-deferral-limit] Says the 401(k)/403(b)/457(b)/TSP elective "
            "deferral limit for 2026 is $23,000 — outdated: $23,000 was the figure for 2024; "
            "for 2026 it is $24,500.") in out
    assert "correct: Use $24,500 for 2026." in out
    assert NOTICE_2026 in out
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 verified claims in 1 file"


def test_current_deferral_limit_is_verified_not_flagged():
    result = invoke("check", "-", "--tax-year", "2026", "--min-severity", "info",
                     stdin="\nFor 2026, the most you can defer into a 401(k) is $24,500.\n")
    assert result.returncode == 0
    assert "info [elective-deferral-limit] verified:" in result.stdout
    assert result.stdout.splitlines()[-1] == "0 errors, 0 warnings, 1 verified claim in 1 file"


def test_outdated_finding_cites_the_figure_table_sources_too():
    [finding] = _json("For 2026, the most you can defer into a 401(k) is $23,000.",
                      "--tax-year", "2026")
    urls = [c["url"] for c in finding["citations"]]
    assert urls[0] == NOTICE_2026
    assert ("https://www.irs.gov/retirement-plans/"
            "cola-increases-for-dollar-limitations-on-benefits-and-contributions") in urls
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize("amount", ["$23,500", "23,500 dollars", "$23.5k", "$23.5K"])
def test_money_spellings(amount):
    findings = _json(f"The 401(k) contribution limit for 2025 is {amount}.", "--tax-year", "2026")
    assert [(f["claim_id"], f["verdict"]) for f in findings] == [
        ("elective-deferral-limit", "accurate")]


def test_wrong_amount_matching_no_year_is_false():
    findings = _json("The 401(k) contribution limit for 2026 is $30,000.")
    assert [(f["claim_id"], f["verdict"], f["severity"]) for f in findings] == [
        ("elective-deferral-limit", "false", "error")]
    assert findings[0]["message"] == ("Says the 401(k)/403(b)/457(b)/TSP elective deferral "
                                      "limit for 2026 is $30,000 — false: it is $24,500.")


@pytest.mark.parametrize("age", ["59½", "59 1/2", "59 and a half"])
def test_age_spellings(age):
    findings = _json(f"Withdrawals before age {age} carry a 10% penalty.", "--tax-year", "2026")
    verdicts = {f["claim_id"]: f["verdict"] for f in findings}
    assert verdicts == {"early-withdrawal-age": "accurate", "early-withdrawal-rate": "accurate"}


def test_wrong_age_is_false():
    findings = _json("Withdrawals before age 60 carry a 10% penalty.", "--tax-year", "2026")
    verdicts = {f["claim_id"]: f["verdict"] for f in findings}
    assert verdicts == {"early-withdrawal-age": "false", "early-withdrawal-rate": "accurate"}


@pytest.mark.parametrize(("rate", "verdict"), [("10%", "accurate"), ("10 percent", "accurate"),
                                               ("ten percent", "accurate"), ("15%", "false")])
def test_percent_spellings(rate, verdict):
    findings = _json(f"Early withdrawals from an IRA face a {rate} additional tax.",
                     "--tax-year", "2025")
    assert [(f["claim_id"], f["verdict"]) for f in findings] == [
        ("early-withdrawal-rate", verdict)]


def test_a_person_s_age_is_not_checked_as_a_threshold():
    findings = _json("At 45, she took a hardship withdrawal and paid the 10% penalty.")
    assert "early-withdrawal-age" not in {f["claim_id"] for f in findings}


def test_year_named_in_the_sentence_wins_over_the_tax_year():
    findings = _json("In 2024, the 401(k) contribution limit was $23,000.", "--tax-year", "2026")
    assert [(f["claim_id"], f["verdict"]) for f in findings] == [
        ("elective-deferral-limit", "accurate")]


def test_article_date_sets_the_year_when_no_tax_year_is_given():
    text = ("Limits for savers\n\nUpdated March 3, 2025\n\n"
            "The 401(k) contribution limit is $23,500.\n")
    result = invoke("check", "-", "--format", "json", stdin=text)
    [finding] = json.loads(result.stdout)[0]["findings"]
    assert (finding["claim_id"], finding["verdict"]) == ("elective-deferral-limit", "accurate")


def test_a_year_outside_the_tables_is_not_checked():
    # the fact sheet has no 2023 figures
    assert _json("In 2023, the 401(k) contribution limit was $22,500.") == []


def test_each_limit_is_checked_against_its_own_amount():
    findings = _json("The 401(k) contribution limit for 2026 is $24,500, plus an $8,000 catch-up.")
    assert sorted((f["claim_id"], f["verdict"]) for f in findings) == [
        ("catch-up-limit", "accurate"), ("elective-deferral-limit", "accurate")]


def test_outdated_rmd_rates_and_ages():
    findings = _json("If you skip an RMD, the IRS charges a 50% penalty.", "--tax-year", "2026")
    assert [(f["claim_id"], f["verdict"]) for f in findings] == [("rmd-excise-rate", "outdated")]
    assert "— outdated: 50% was the figure for 2022" in findings[0]["message"]
    assert "25%" in findings[0]["message"]
    findings = _json("Required minimum distributions begin at age 72.", "--tax-year", "2026")
    assert [(f["claim_id"], f["verdict"]) for f in findings] == [("rmd-start-age-72", "outdated")]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("$23,500", "usd", 23500), ("23,500 dollars", "usd", 23500), ("$23.5k", "usd", 23500),
    ("$1.5 million", "usd", 1_500_000), ("age 59½", "age", 59.5), ("59 1/2", "age", 59.5),
    ("10%", "percent", 10), ("10 percent", "percent", 10), ("before 2018", "year", 2017),
    ("for tax years after 2026", "year", 2027), ("beginning after 2017", "year", 2018),
    ("in 2026", "year", 2026),
])
def test_quantities(text, kind, value):
    [q] = find_quantities(text)
    assert (q.kind, q.value) == (kind, value)


@pytest.mark.parametrize(("text", "value"), [
    ("up to three grand of that", 3000), ("take ten grand out", 10000),
    ("A grand a month, penalty-free", 1000), ("borrow 50 grand", 50000),
    ("an extra eight thousand.", 8000), ("by a thousand dollars", 1000),
    ("the thousand-dollar draw", 1000), ("went from seven thousand to", 7000),
])
def test_colloquial_thousands_are_amounts(text, value):
    [q] = find_quantities(text)
    assert (q.kind, q.value) == ("usd", value)


@pytest.mark.parametrize("text", ["a grand total of", "grandchildren", "three thousand people",
                                  "The grand scheme", "Grand opening"])
def test_grand_and_thousand_without_an_amount(text):
    assert [q for q in find_quantities(text) if q.kind == "usd"] == []


@pytest.mark.parametrize(("text", "value"), [
    ("you can put in 25k this year", 25000), ("- 401(k) limit: 24.5K", 24500),
    ("up to 7.5k in an IRA", 7500), ("the cap is $8k", 8000), ("8 grand a year", 8000),
])
def test_shorthand_thousands_are_amounts(text, value):
    [q] = [q for q in find_quantities(text) if q.kind == "usd"]
    assert q.value == value


@pytest.mark.parametrize("text", ["my 401k plan", "a 403K account", "Form 1099-K",
                                  "a 12.5kg box", "the 457k option"])
def test_a_plan_name_or_unit_ending_in_k_is_no_amount(text):
    assert [q for q in find_quantities(text) if q.kind == "usd"] == []


def test_an_age_given_as_a_labels_value():
    findings = _json("Intro.\n\nRMD age: 72\n", "--tax-year", "2026")
    assert [(f["claim_id"], f["verdict"]) for f in findings] == [("rmd-start-age-72", "outdated")]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("\u017feventy percent", "percent", 70), ("f\u0131ve percent", "percent", 5),
    ("F\u0130VE percent", "percent", 5), ("next tax year", "relyear", 1),
    ("th\u0131s year", "relyear", 0),
])
def test_look_alike_letters_the_patterns_accept_are_read_not_a_crash(text, kind, value):
    # article text is untrusted: "ſeventy" (long s) matched the number words and then
    # failed to convert, ending the whole check with a traceback
    [q] = find_quantities(text)
    assert (q.kind, q.value) == (kind, value)


def _verdicts(check_text, sentence: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in check_text(sentence).findings:
        out.setdefault(f.claim_id, set()).add(f.verdict)
    return out


@pytest.mark.parametrize("sentence", [
    "For 2026 the 401(k) limit rises from $23,500 to $24,500.",
    "The 401(k) deferral limit goes from $23,500 in 2025 to $24,500 in 2026.",
    "In 2026 you can defer $24,500 into a 401(k), up from $23,500.",
    "The 401(k) limit for 2026 is $24,500, compared with $23,500 last year.",
])
def test_the_old_value_a_new_limit_replaces_is_context(check_text, sentence):
    assert _verdicts(check_text, sentence).get("elective-deferral-limit") == {"accurate"}


@pytest.mark.parametrize(("sentence", "claim"), [
    ("For 2026 the catch-up for ages 60 to 63 is $11,250, versus $7,500 for everyone else 50 "
     "and up.", "catch-up-limit"),
    ("In 2026 workers 60 to 63 can add up to $11,250, compared with $7,500 for other savers 50 "
     "and older.", "catch-up-limit"),
    ("Roth IRA contributions phase out from $242,000 for joint filers in 2026, compared with "
     "$146,000 for single filers.", "roth-ira-phaseout-single"),
])
def test_an_amount_compared_for_another_group_is_that_groups_limit(check_text, sentence, claim):
    """"Compared with $X for other savers" states another group's limit of the same year (it is
    checked); "compared with $X for 2025" or "last year" is the old value (context)."""
    assert _verdicts(check_text, sentence).get(claim) == {"outdated"}
    assert _verdicts(check_text, "The 401(k) limit is $24,500 for 2026, compared with $23,500 "
                     "for 2025.").get("elective-deferral-limit") == {"accurate"}


@pytest.mark.parametrize("sentence", [
    "If your income is modest, Uncle Sam chips in 50%, 20% or 10% of up to $2,000 you put "
    "into an IRA or workplace plan.",
    "Low earners get back 10% of the first $2,000 they put in an IRA.",
    "The government adds 50% of up to $2,000 you put into your IRA.",
])
def test_the_amount_a_rate_is_taken_of_is_no_limit(check_text, sentence):
    """"10% of up to $2,000 you put into an IRA" is the Saver's Credit base, not the IRA limit."""
    assert "ira-limit" not in _verdicts(check_text, sentence)


@pytest.mark.parametrize(("sentence", "claim", "verdict"), [
    ("Couples can shelter $15,000 in IRAs in 2026, $7,500 each.", "ira-limit", "accurate"),
    ("Couples can shelter $14,000 in IRAs in 2026, $7,000 each.", "ira-limit", "outdated"),
    ("A married couple can put $49,000 into their two 401(k)s in 2026, $24,500 apiece.",
     "elective-deferral-limit", "accurate"),
])
def test_a_sum_for_several_people_is_not_a_limit(check_text, sentence, claim, verdict):
    """"$15,000 for a couple, $7,500 each": the per-person amount is checked, not the sum."""
    assert _verdicts(check_text, sentence).get(claim) == {verdict}


def test_the_savers_credit_base_is_still_checked(check_text):
    found = _verdicts(check_text, "The Saver's Credit is worth 50%, 20% or 10% of up to $3,000 "
                                  "you contribute.")
    assert found.get("savers-credit-amounts") == {"false"}


@pytest.mark.parametrize("sentence", [
    "The IRA limit climbs to $7,500 for 2026 (up $500).",
    "For 2026 the IRA contribution limit is $7,500, a $500 bump.",
    "The IRA limit rises by $500 to $7,500 in 2026.",
    "For 2026 you can put $7,500 in an IRA, $500 more than before.",
])
def test_a_difference_is_not_a_limit(check_text, sentence):
    assert _verdicts(check_text, sentence).get("ira-limit") == {"accurate"}


@pytest.mark.parametrize("sentence", [
    "The catch-up adds $8,000 for 2026, which brings the most you can put in your 401(k) "
    "to $32,500.",
    "For 2026 the extra catch-up is $8,000, so the most a 55-year-old can defer to a "
    "401(k) comes to $32,500.",
    "For 2026 the 401(k) catch-up is $8,000 for savers 50 and up, $32,500 in all.",
])
def test_a_total_is_not_checked_as_a_single_limit(check_text, sentence):
    found = _verdicts(check_text, sentence)
    assert "false" not in set().union(*found.values()), found


def test_each_limit_of_a_coordinated_sentence_takes_its_own_amount(check_text):
    found = _verdicts(check_text, "The base 401(k) limit climbs to $24,500 for 2026 and your "
                                  "catch-up rises to $8,000.")
    assert found.get("catch-up-limit") == {"accurate"}
    assert found.get("elective-deferral-limit") == {"accurate"}


@pytest.mark.parametrize("sentence", [
    "At those small shops, workers can defer up to $18,100 in 2026.",
    "Each of you can pull up to $10,000 for a first home in 2026 without the 10% penalty.",
])
def test_an_amount_that_is_another_limits_value_is_not_a_wrong_value(check_text, sentence):
    found = _verdicts(check_text, sentence)
    assert "false" not in set().union(*found.values(), set()), found


def test_a_named_limit_with_another_limits_value_is_still_wrong(check_text):
    found = _verdicts(check_text, "The 401(k) limit for 2026 is $7,500.")
    assert found.get("elective-deferral-limit") == {"false"}


@pytest.mark.parametrize("sentence", [
    "2025's $23,500 401(k) limit climbs to $24,500 in 2026.",
    "The $23,500 401(k) deferral limit rises to $24,500 for 2026.",
    "Last year's 401(k) limit of $23,500 jumps to $24,500 for 2026.",
    "For 2026 the $23,500 401(k) cap moves up to $24,500.",
])
def test_rises_to_checks_the_new_amount(check_text, sentence):
    assert _verdicts(check_text, sentence).get("elective-deferral-limit") == {"accurate"}


@pytest.mark.parametrize("sentence", [
    "2025's $23,500 401(k) limit climbs to $24,500, and the age-50 catch-up goes to $8,000.",
    "2025's 401(k) limit of $23,500 gives way to $24,500, and the catch-up reaches $8,000.",
    "Under 2025's $7,500 catch-up rule savers could add less; for 2026 the catch-up is $8,000.",
])
def test_a_possessive_year_dates_only_its_own_amount(check_text, sentence):
    found = _verdicts(check_text, sentence)
    assert found.get("catch-up-limit") == {"accurate"}, found


def test_a_possessive_year_with_one_amount_dates_the_clause(check_text):
    found = _verdicts(check_text, "2025's super catch-up for 60-to-63-year-olds was $10,000.")
    assert found.get("catch-up-60-63") == {"false"}


@pytest.mark.parametrize(("sentence", "claim"), [
    ("The SIMPLE deferral limit for 2026 is $16,500, and the SIMPLE catch-up is $4,000.",
     "simple-deferral-limit"),
    ("For 2026 SIMPLE plans allow $17,000 in deferrals, and the SIMPLE catch-up stays at "
     "$3,500.", "simple-catch-up-limit"),
    ("The IRA limit is $7,000 for 2026, and the IRA catch-up is $1,100.", "ira-limit"),
])
def test_each_group_of_a_coordinated_sentence_is_checked(check_text, sentence, claim):
    assert _verdicts(check_text, sentence).get(claim) == {"outdated"}


@pytest.mark.parametrize("sentence", [
    "A 50-something can put a total of $32,500 into a 401(k) in 2026, while savers aged 60 "
    "to 63 can go as high as $35,750.",
    "In 2026 savers 50 and over can defer a combined $32,500 in a 401(k), while a 62-year-old "
    "can put in $35,750 in total.",
    "Savers 50 and up can stash a total of $32,500 in a 401(k) for 2026, while the 60-to-63 "
    "crowd tops out at $35,750.",
])
def test_each_age_group_of_a_contrast_takes_its_own_total(check_text, sentence):
    found = _verdicts(check_text, sentence)
    assert found.get("deferral-total-50-plus") == {"accurate"}, found
    assert "false" not in set().union(*found.values()), found


@pytest.mark.parametrize("sentence", [
    "Add the $8,000 catch-up to the $24,500 limit and you can defer $32,500 in total in 2026.",
    "Add your catch-up to the $24,500 base limit and the most you can defer in 2026 comes to "
    "$32,500.",
    "For 2026, add the catch-up to the $24,500 401(k) cap and a 55-year-old can put in "
    "$32,500 in all.",
])
def test_the_limit_a_total_adds_to_is_a_part_not_the_total(check_text, sentence):
    found = _verdicts(check_text, sentence)
    assert found.get("deferral-total-50-plus") == {"accurate"}, found
    assert "false" not in set().union(*found.values()), found


@pytest.mark.parametrize("sentence", [
    "For 2026 the RMD age rises to 75 for everyone.",
    "The age for required minimum distributions moved up to 75 in 2026.",
    "In 2026 the RMD starting age jumps to age 75.",
])
def test_an_age_a_rule_rises_to_is_checked(check_text, sentence):
    assert _verdicts(check_text, sentence).get("rmd-start-age") == {"false"}


@pytest.mark.parametrize(("sentence", "claim"), [
    ("Married couples earning up to $79,000 can claim the Saver's Credit in 2026.",
     "savers-credit-agi-mfj"),
    ("Singles with income under $38,250 qualify for the Saver's Credit in 2026.",
     "savers-credit-agi-single"),
    ("In 2026 joint filers making less than $79,000 can get the Saver's Credit.",
     "savers-credit-agi-mfj"),
])
def test_an_income_given_as_an_upper_bound_is_the_credit_s_income_line(check_text, sentence,
                                                                       claim):
    assert _verdicts(check_text, sentence).get(claim) == {"outdated"}


@pytest.mark.parametrize("line", [
    "Skipped RMD excise if fixed within the correction window: 10%",
    "Excise on a missed RMD you fix within two years: 10%",
    "RMD excise tax when the shortfall is corrected in time: 10%",
])
def test_a_long_label_of_a_label_value_line_is_still_a_label(check_text, line):
    assert _verdicts(check_text, line).get("rmd-excise-rate-corrected") == {"accurate"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("For 2026 Roth IRA eligibility phases out from $150,000 to $165,000 for single filers and "
     "$242,000 to $252,000 for married couples filing jointly.",
     {"roth-ira-phaseout-single": {"outdated"}, "roth-ira-phaseout-mfj": {"accurate"}}),
    ("In 2026 the Saver's Credit is open to joint filers with AGI up to $79,000, heads of "
     "household up to $60,375 and singles up to $40,250.",
     {"savers-credit-agi-mfj": {"outdated"}, "savers-credit-agi-hoh": {"accurate"},
      "savers-credit-agi-single": {"accurate"}}),
    ("For 2026, Saver's Credit income limits are $80,500 for married couples filing jointly "
     "and $39,500 for single filers.",
     {"savers-credit-agi-mfj": {"accurate"}, "savers-credit-agi-single": {"outdated"}}),
])
def test_each_filing_status_of_a_sentence_takes_its_own_amount(check_text, sentence, expected):
    found = _verdicts(check_text, sentence)
    assert {k: v for k, v in found.items() if k in expected} == expected, found


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("For 2026 the all-in 401(k) figure for someone 50+ is $32,000.", "false"),
    ("The all-in amount a 401(k) saver aged 50 or older can defer in 2026 is $32,500.",
     "accurate"),
    ("In 2025 the all-in 401(k) number for workers over 50 comes to $31,000.", "accurate"),
])
def test_an_all_in_figure_is_a_total(check_text, sentence, verdict):
    found = _verdicts(check_text, sentence)
    assert found.get("deferral-total-50-plus") == {verdict}, found
    assert "catch-up-limit" not in found and "elective-deferral-limit" not in found, found


@pytest.mark.parametrize("sentence", [
    "The IRA limit went from $7,000 to $7,500, its first move since 2024.",
    "The 401(k) deferral limit is $24,500, its largest since 2023.",
    "The IRA catch-up of $1,100 is the first change since 2024.",
])
def test_a_year_a_comparison_reaches_back_to_does_not_date_the_amount(sentence):
    findings = _json(sentence, "--tax-year", "2026")
    assert findings and all(f["verdict"] == "accurate" for f in findings)


@pytest.mark.parametrize("text", ["the IRS takes half of it", "half the shortfall",
                                  "half of the amount you missed"])
def test_half_of_an_amount_is_fifty_percent(text):
    [q] = find_quantities(text)
    assert (q.kind, q.value) == ("percent", 50)


def test_half_a_balance_is_not_a_rate():
    assert find_quantities("borrow half your balance") == []
