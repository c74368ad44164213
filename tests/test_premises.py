"""A question told after the poster's own story (:mod:`taxcheck.matching.retries.premises`),
on plain labels without spaCy."""

from __future__ import annotations

import pytest

from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.follow_ons import bare_amount
from taxcheck.matching.retries.premises import Told, tells_own_story, told, with_premise
from taxcheck.matching.retries.questions import Question, wh_reply


def clause(text: str, *labels: str, question: bool = False, imperative: bool = False,
           attribution: str | None = None) -> Candidate:
    concepts = tuple(ConceptMention(label, 0, 1, label.lower()) for label in labels)
    return Candidate(start=0, end=len(text), text=text, sentence_index=0, sentence_start=0,
                     sentence_end=len(text), sentence=text, concepts=concepts,
                     polarity="affirmed", negations=(), hedges=(), attribution=attribution,
                     question=question, imperative=imperative, anaphor=False, assertive=True,
                     historical=False, quantities=())


@pytest.mark.parametrize("text", [
    "I was laid off at 52 and I'm 56 now.", "My father died last year.",
    "We file jointly and each sold stock at a loss.",
    "Long story short: in February I took a check.",
    "I\u2019m 45 and took a hardship withdrawal."])
def test_a_first_person_statement_tells_the_posters_story(text):
    assert tells_own_story(clause(text))


@pytest.mark.parametrize("text, kind", [
    ("IRAs have no loans.", {}),
    ("Can I use the rule of 55 on my old 401(k)?", {"question": True}),
    ("Tell me what you earn.", {"imperative": True}),
    ("My brother says you can deduct it.", {"attribution": "My brother says"})])
def test_a_statement_of_the_article_a_question_or_a_report_tells_no_story(text, kind):
    assert not tells_own_story(clause(text, **kind))


def test_the_story_just_before_the_question_is_asked_about_too():
    story = [Told(3, frozenset({"LEFT_BEFORE_55"})), Told(4, frozenset({"EMPLOYER_PLAN"}))]
    asked = with_premise(frozenset({"AGE_55"}), story, 5)
    assert asked == {"AGE_55", "LEFT_BEFORE_55", "EMPLOYER_PLAN"}


def test_a_story_further_back_or_after_the_question_lends_nothing():
    story = [Told(1, frozenset({"IRA"})), Told(6, frozenset({"LOSS"}))]
    assert with_premise(frozenset({"AGE_55"}), story, 5) == {"AGE_55"}


def test_only_the_posters_own_sentences_are_kept_as_the_story():
    story = told([], clause("I quit at 52.", "LEFT_BEFORE_55"), 3, frozenset({"LEFT_BEFORE_55"}))
    story = told(story, clause("IRAs have no loans.", "IRA"), 4, frozenset({"IRA"}))
    assert story == [Told(3, frozenset({"LEFT_BEFORE_55"}))]


@pytest.mark.parametrize("text", [
    "$7,000.", "Up to $3,000.", "$24,500, if you're under 50.", "Another $7,500 on top.",
    "50% of what you didn't take.", "A: $23,500."])
def test_a_reply_that_opens_with_its_amount_is_a_bare_amount(text):
    assert bare_amount(text)


@pytest.mark.parametrize("text", [
    "It rises to $7,500 in 2026.", "You can put in $7,000.", "In 2026, $7,500.",
    "401(k) limits", "Sixty days."])
def test_a_sentence_with_a_subject_or_no_dollar_or_percent_amount_is_not(text):
    assert not bare_amount(text)


def test_a_bare_amount_answers_the_wh_question_just_before():
    asked = clause("What's the most I can defer into my 401(k) for 2025?", "EMPLOYER_PLAN",
                   question=True)
    question = Question(frozenset({"EMPLOYER_PLAN"}), 3, 4, cand=asked)
    assert wh_reply(clause("$24,500, if you're under 50."), question, 4)
    assert not wh_reply(clause("$24,500, if you're under 50."), question, 7)


def test_a_sentence_that_turns_to_another_matter_starts_the_story_anew():
    story = told([], clause("My Roth IRA is down this year.", "ROTH_IRA"), 3,
                 frozenset({"ROTH_IRA"}))
    story = told(story, clause("Separately, I sold some stock and have a $5,000 loss.", "LOSS"),
                 4, frozenset({"LOSS"}))
    assert with_premise(frozenset({"ORDINARY_INCOME"}), story, 5) == {"ORDINARY_INCOME", "LOSS"}
