"""A heading whose verb states a rule is a statement; a heading that names a topic is not."""

from __future__ import annotations

import pytest


def _found(check_text, text: str) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in check_text(text, ".md").findings}


@pytest.mark.parametrize("heading", [
    "RMDs start at 70½",
    "2. Required distributions start at 70½",
    "Required minimum distributions begin at age 70½",
    "Your RMDs Start at 70½",
])
def test_a_heading_that_states_an_old_rmd_age_is_outdated(check_text, heading):
    text = f"# Retirement basics\n\nA few rules to know.\n\n## {heading}\n\nPlan ahead.\n"
    assert ("rmd-start-age-70-half", "outdated") in _found(check_text, text)


@pytest.mark.parametrize("heading", [
    "Starting your RMDs at 70½",
    "Starting RMDs at 70½",
    "RMDs at 70½",
])
def test_a_heading_that_names_a_topic_states_nothing(check_text, heading):
    # the same words as a sentence ("Starting RMDs at 70½.") are the outdated claim
    text = f"# Retirement basics\n\nA few rules to know.\n\n## {heading}\n\nPlan ahead.\n"
    assert not any(v != "accurate" for _, v in _found(check_text, text))


@pytest.mark.parametrize(("title", "item"), [
    ("9 Ways to Get Money Out of a 401(k) Early Without the 10% Penalty",
     "## 4. Hardship withdrawals"),
    ("Five ways to tap your 403(b) before 59½ penalty-free",
     "## 2. Take a hardship distribution"),
    ("7 Smart Ways to Dodge the Early-Withdrawal Penalty on Your 401(k)",
     "3. Request a hardship withdrawal"),
])
def test_a_numbered_item_under_a_ways_title_says_its_way_does_it(check_text, title, item):
    text = f"# {title}\n\nMoney is tight? Read on.\n\n{item}\n\nTalk to HR first.\n"
    assert ("hardship-withdrawal-penalty-free", "false") in _found(check_text, text)


@pytest.mark.parametrize("title", [
    "Everything You Need to Know About 401(k) Withdrawals Without the 10% Penalty",
    "Our 401(k) Checklist: Avoiding the 10% Penalty",
])
def test_a_numbered_item_under_another_title_does_not_take_its_words(check_text, title):
    text = (f"# {title}\n\nMoney is tight? Read on.\n\n## 4. Hardship withdrawals\n\n"
            "Talk to HR first.\n")
    assert ("hardship-withdrawal-penalty-free", "false") not in _found(check_text, text)
