"""A heading that announces the wrong claim its section's body states is shown with the body
(issue 14; :mod:`taxcheck.matching.heading_lift`).

Own paraphrases in real-page shapes (none copied from a page): a Markdown section, a numbered
step of a plain-text listicle, an HTML ``<h2>`` and its paragraph, a step whose body is a
list item, and an HTML title over the page. Their twins stay as they were: a heading over a
body that states the rule right is quiet, and a wrong heading whose own section says nothing
of the claim (the claim is argued in the next section) keeps its own confidence.
"""

from __future__ import annotations

import pytest

from taxcheck.calibration import DEFAULT_MIN_CONFIDENCE

ANNOUNCED = [
    # (page shape, suffix, text, claim, heading line, body line)
    ("markdown section", ".md",
     "# Bad Year?\n\n## Use the Loss Against Your Capital Gains\n\nIf you sold stock at a "
     "profit, you can use your 401(k) losses to offset those gains.\n",
     "retirement-loss-offsets-gains"),
    ("numbered step, plain text", ".txt",
     "Three moves after a crash\n\n2. Amend Last Year's Return\n\nFound an IRA loss after you "
     "filed? You can file an amended return to claim the loss.\n",
     "retirement-loss-amended-return"),
    ("html h2 and paragraph", ".html",
     "<html><body><h1>After the drop</h1><h2>Offset Gains With the Loss</h2><p>If you had "
     "gains elsewhere this year, you can use your 401k losses to offset them.</p></body></html>",
     "retirement-loss-offsets-gains"),
    ("step with a list body", ".md",
     "# What now\n\n## Offset Capital Gains With Your 401(k) Losses\n\nDo this:\n\n- you can use "
     "your 401(k) losses to offset the gains from your brokerage account\n",
     "retirement-loss-offsets-gains"),
]
"""A wrong claim stated in a heading and again in its section's body."""


def _problems(report, claim):
    return [f for f in report.findings if f.is_problem and f.claim_id == claim]


@pytest.mark.parametrize("shape, suffix, text, claim", ANNOUNCED)
def test_a_heading_that_announces_its_sections_wrong_claim_is_shown_with_it(
        check_text, shape, suffix, text, claim):
    found = _problems(check_text(text, suffix=suffix), claim)
    kinds = sorted(f.block_kind for f in found)
    assert kinds == ["heading", "paragraph"] or kinds == ["heading", "list_item"], shape
    heading = next(f for f in found if f.block_kind == "heading")
    body = next(f for f in found if f.block_kind != "heading")
    assert DEFAULT_MIN_CONFIDENCE <= body.confidence <= heading.confidence <= 1.0, shape


def test_a_heading_over_a_body_that_states_the_rule_right_stays_quiet(check_text):
    text = ("# Bad Year?\n\n## Losses Stay Inside the Plan\n\nYou cannot use 401(k) losses to "
            "offset capital gains.\n")
    assert not [f for f in check_text(text, suffix=".md").findings if f.is_problem]


def test_a_wrong_heading_whose_own_section_does_not_state_it_keeps_its_confidence(
        checker):
    """The claim is argued in the next section, not under the heading: no lift."""
    from taxcheck.readers import read_bytes

    alone = ("# Bad Year?\n\n## Offset Capital Gains With the Loss\n\nAsk your adviser "
             "first.\n")
    later = alone + ("\n## Other Moves\n\nIf you sold stock at a profit, you can use your "
                     "401(k) losses to offset those gains.\n")
    heading_of = {}
    for name, text in (("alone", alone), ("later", later)):
        report = checker.check(read_bytes(text.encode(), "snippet.md"))
        found = [f for f in report.findings if f.block_kind == "heading"
                 and f.claim_id == "retirement-loss-offsets-gains"]
        heading_of[name] = found[0].confidence if found else None
    assert heading_of["alone"] == heading_of["later"]
