"""Which fact and which verdict a sentence gets: the year a list's lead-in gives its items,
a then-and-now table's "Then" column, the amounts of a worked example, and one error per
fact in a sentence."""

from __future__ import annotations

import pytest


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
