"""A worked example's sum (taxcheck.matching.worked_totals): the parts listed right before
it, an old limit carried into it, and amounts that are no part of a sum."""

from __future__ import annotations

from taxcheck.matching.worked_totals import ExampleParts, old_part_in, summed_amounts, sums_parts


def test_a_sum_of_three_listed_parts_is_the_examples_own_total():
    # deferral, catch-up and a match: no deferral-plus-catch-up total
    assert sums_parts(35_500, (24_500, 8_000, 3_000))
    assert not sums_parts(32_500, (24_500, 8_000))  # two parts: the table's total
    assert not sums_parts(40_000, (24_500, 8_000, 3_000))


def test_a_total_that_adds_up_an_old_limit_carries_it():
    parts = ExampleParts((24_500, 7_500, 9_000), old=((7_500, 8_000),))
    assert old_part_in(41_000, parts) == (7_500, 8_000)
    assert old_part_in(41_500, ExampleParts((24_500, 8_000, 9_000))) is None
    # the old value not among the parts summed
    assert old_part_in(41_000, ExampleParts((24_500, 7_500, 9_000), old=((1_000, 1_100),))) \
        is None


def test_a_percentage_base_a_comparison_and_a_change_are_no_parts():
    text = ("Her company matches 4% of $300,000, or $12,000. You can add $7,500, $500 more "
            "than the $7,000 of last year.")
    assert summed_amounts(text) == (12_000.0, 7_500.0)
