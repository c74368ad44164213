"""Round r's first-contact families (r4 misses and false alarms, n13 false alarms), in our
own words (tests/data/first_contact_r4_n13.yaml, run by :mod:`first_contact_r4_n13`): each
wrong sentence flagged with its claim and verdict, each correct twin quiet. The cases not
handled yet are listed, so that a change that handles one (or breaks another) shows. Below
them, page shapes the set cannot express (a page with one finding and a sibling that must
stay quiet), asserted finding by finding."""

from __future__ import annotations

import pytest

from first_contact_q4_n11 import assert_as_written, expects_by_family, one_sided_families
from first_contact_r4_n13 import cases, outcomes

CASES = cases()

NOT_HANDLED = frozenset({
    "oi-wrong-the-one", "tt-wrong-stack", "tt-wrong-forum", "it-wrong-in-total",
    "it-wrong-all-told", "mn-wrong-half-right", "ge-wrong-agreed",
    "ge-wrong-said", "wp-wrong-called", "bp-wrong-paren",
    "po-wrong-old", "ck-quiet-box",
    # (rh-quiet-html, "Someone who inherits a Roth has required distributions, though they are
    # usually tax-free", quiet since session 16's yprec: matching/borrowed_reversal.py)
})
"""Wrong cases still missed and correct cases still flagged."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker)}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_case_is_flagged_or_quiet_as_written(results, case):
    assert_as_written(results[case["id"]], case, NOT_HANDLED)


def test_every_family_has_wrong_and_right_cases():
    assert len(expects_by_family(CASES)) >= 20
    assert one_sided_families(CASES) == []


def _problems(check_text, text: str, suffix: str) -> dict[int, set[str]]:
    report = check_text(text, suffix)
    found: dict[int, set[str]] = {}
    for f in report.findings:
        if f.is_problem and not f.suppressed:
            found.setdefault(f.line, set()).add(f"{f.claim_id}:{f.verdict}")
    return found


CASES_LIST = """<html><head><title>Who inherits what | Oak Street Planning</title>
<meta property="article:published_time" content="2019-04-02"></head><body>
<h1>Inheriting a retirement account</h1>
<p>Posted April 2, 2019</p>
<p>What you can do depends on who you are:</p>
<ul>
<li><strong>Spouses</strong> may treat the account as their own.</li>
<li><strong>Grown children</strong> can move it into an inherited IRA and stretch the withdrawals
over their own life expectancy.</li>
<li><strong>Roth heirs</strong> are not exempt. A beneficiary must take distributions from an
inherited Roth.</li>
</ul>
</body></html>
"""


def test_a_sibling_case_of_a_list_is_no_step_of_the_stretch_it_follows(check_text):
    found = _problems(check_text, CASES_LIST, ".html")
    stretch = [line for line, ids in found.items()
               if "inherited-stretch-life-expectancy:outdated" in ids]
    assert stretch == [8], found  # the grown children's item, not the Roth heirs' after it


def test_a_worked_example_person_born_in_early_1949_keeps_70_and_a_half(check_text):
    page = ("RMD basics\nPosted on June 3, 2019\nExample: Ruth was born in January 1949. She "
            "turns 70\u00bd in July 2019, so her first RMD is for 2019.\n")
    assert _problems(check_text, page, ".txt") == {}
    undated = ("RMD basics\nUpdated 2026\nShe turns 70\u00bd in July 2026, so her first RMD is "
               "for 2026.\n")
    assert any("rmd-start-age-70-half:outdated" in ids
               for ids in _problems(check_text, undated, ".txt").values())


def test_a_checklist_line_is_its_own_item(check_text):
    page = ("YEAR-END PAYROLL CHECKLIST (December 2025)\n[ ] Update 2026 deferral limits in "
            "payroll\n[ ] Identify workers turning 50, and those 60 and over, in 2026\n[ ] Pull "
            "2025 box 3 wages for the Roth catch-up test\n")
    assert _problems(check_text, page, ".txt") == {}


def test_an_old_value_in_an_aside_keeps_its_years(check_text):
    right = ("HR UPDATE - December 2025\nThe 50-and-over catch-up rises to $8,000 for 2026 "
             "(it was $7,500 in 2024 and 2025).\n")
    assert _problems(check_text, right, ".txt") == {}
    wrong = right.replace("$8,000", "$8,500")
    assert any("catch-up-limit:false" in ids
               for ids in _problems(check_text, wrong, ".txt").values())


def test_a_denied_second_predicate_leaves_the_first_affirmed(check_text):
    right = ("Q: Is a hardship withdrawal like a loan?\nA: No. A hardship payout is taxable and "
             "can't be repaid.\n")
    assert _problems(check_text, right, ".txt") == {}
    wrong = right.replace("taxable", "tax-free")
    assert any("hardship-withdrawal-tax-free:false" in ids
               for ids in _problems(check_text, wrong, ".txt").values())


def test_an_amount_by_pronoun_and_an_overreach_in_one_clause(check_text):
    page = ("News\nThen there's the super catch-up. For 2026 it stays at $11,250, and it's "
            "available to any participant who has reached age 60.\n")
    assert any("catch-up-60-plus:false" in ids for ids in _problems(check_text, page, ".txt")
               .values())
    window = page.replace("any participant who has reached age 60",
                          "participants who turn 60, 61, 62 or 63 during the year")
    assert _problems(check_text, window, ".txt") == {}
