"""What the matching stage's shortcuts (issue 15, speed16) must not change: a worked example's
parts read from the paragraphs before its total (each paragraph's amounts worked out once per
page), a present age or a birth year tied to an RMD age in one sentence, and a poster's own
age or birth year earlier in a thread (the patterns searched only in text that holds the
digits of an age or the word "born")."""

from __future__ import annotations

import pytest


def _problems(report) -> list[tuple[str, str, str]]:
    return [(f.claim_id, f.verdict, f.text) for f in report.findings if f.is_problem]


SPREAD = ("In 2026 Dana, 55, defers the full $24,500.\n\nShe adds the {catch} catch-up.\n\n"
          "Her employer matches $8,000.\n\nThat comes to {total} for the year.")


def test_a_total_adding_an_old_part_stated_paragraphs_before_it_is_outdated(check_text):
    report = check_text(SPREAD.format(catch="$7,500", total="$40,000"))
    assert ("worked-total-old-part", "outdated", "That comes to $40,000 for the year.") \
        in _problems(report)
    assert _problems(check_text(SPREAD.format(catch="$8,000", total="$40,500"))) == []


def test_each_clause_after_the_parts_reads_them_alike(check_text):
    # two clauses of the last paragraph read the same three paragraphs before them
    page = SPREAD.format(catch="$8,000", total="$40,500") + " Dana saves $40,500 in all."
    assert _problems(check_text(page)) == []
    page = SPREAD.format(catch="$7,500", total="$40,000") + " Dana saves $40,000 in all."
    found = _problems(check_text(page))
    assert ("catch-up-limit", "outdated", "She adds the $7,500 catch-up.") in found
    assert ("worked-total-old-part", "outdated", "That comes to $40,000 for the year.") in found


@pytest.mark.parametrize(("wrong", "right"), [
    ("I'm 57, so my RMDs won't start until 73.", "I'm 57, so my RMDs won't start until 75."),
    ("- My father was born in 1950, so his RMDs began at 73.",
     "- My father was born in 1950, so his RMDs began at 72."),
])
def test_an_age_tied_to_an_rmd_age_in_its_sentence_decides_the_cohort(check_text, wrong,
                                                                       right):
    assert any(verdict == "false" and claim.startswith("rmd-start-age")
               for claim, verdict, _ in _problems(check_text(wrong)))
    assert _problems(check_text(right)) == []


@pytest.mark.parametrize("poster", ["I was born in 1966.", "i'm 57 and just got laid off.",
                                    "Q: Rolled my 401k over last year. I'm 52."])
def test_a_posters_own_age_earlier_in_the_thread_is_the_cohort_a_reply_speaks_of(
        check_text, poster):
    reply = "\n\nYou won't have to take required withdrawals until {age}, so let it grow."
    assert ("rmd-start-age-born-1960", "false") in [
        (claim, verdict) for claim, verdict, _ in _problems(check_text(poster + reply.format(
            age=73)))]
    assert _problems(check_text(poster + reply.format(age=75))) == []


def test_an_age_in_words_or_a_threshold_gives_no_poster_cohort(check_text):
    reply = "\n\nYou won't have to take required withdrawals until 73, so let it grow."
    for poster in ("I'm fifty-seven and just got laid off.", "I'm 55 or older, so I qualify."):
        assert _problems(check_text(poster + reply)) == [], poster
