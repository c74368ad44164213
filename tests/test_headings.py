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
