"""Every phrase of the vocabulary is found in an article that says it (no dead entries),
and a `lemmas:` phrase in any inflection."""

from __future__ import annotations

import pytest

from taxcheck.checker import Checker
from taxcheck.cli.common import load_db
from taxcheck.nlp.candidates import CONCEPTS_KEY, CUES_KEY
from taxcheck.nlp.normalise import pipeline_text
from taxcheck.nlp.patterns import unmatched_words


@pytest.fixture(scope="module")
def checker():
    return Checker(load_db(()), tax_year=2026)


def _labels(checker, text, key):
    doc = checker.nlp(text)
    return {span.label_ for span in doc.spans[key]}


def test_every_concept_phrase_is_found_as_written(checker):
    dead = [(label, phrase) for label, lexeme in checker.db.concepts.items()
            for phrase in (*lexeme.terms, *lexeme.lemmas)
            if label not in _labels(checker, phrase, CONCEPTS_KEY)]
    assert dead == []


def test_every_cue_phrase_is_found_as_written(checker):
    # cues are searched only where a concept was found: "IRA" gives one
    dead = [(label, phrase) for label, lexeme in checker.db.cues.items()
            for phrase in (*lexeme.terms, *lexeme.lemmas)
            if label not in _labels(checker, f"IRA {phrase}", CUES_KEY)]
    assert dead == []


@pytest.mark.parametrize(("text", "label"), [
    ("If he stopped repaying the loan, the balance is a distribution.", "DEFAULT"),
    ("She missed payments on her 401(k) loan.", "DEFAULT"),
    ("When you change jobs, the loan comes due.", "SEPARATION"),
    ("He changed jobs in March.", "SEPARATION"),
    ("Amending returns for old years is allowed.", "AMEND"),
    ("Rebalancing inside an IRA triggers no tax.", "TRADE"),
])
def test_lemma_phrases_match_every_inflection(checker, text, label):
    assert label in _labels(checker, text, CONCEPTS_KEY)


def test_words_that_are_not_lemmas_are_named(checker):
    lemmatizer = checker.nlp.get_pipe("taxcheck_lemmatizer")

    def tokenize(text):
        return [t.text for t in checker.nlp.make_doc(text)]

    assert unmatched_words("capital gains", tokenize, lemmatizer.lemma) == ["gains"]
    assert unmatched_words("tax-loss harvesting", tokenize, lemmatizer.lemma) == ["harvesting"]
    assert unmatched_words("capital gain", tokenize, lemmatizer.lemma) == []


@pytest.mark.parametrize(("text", "label"), [
    # "is back" (COME_BACK) written with a contraction, straight or typographic
    ("Starting in 2026 it's back.", "COME_BACK"),
    ("Starting in 2026 it\u2019s back.", "COME_BACK"),
    ("From next year they're back.", "COME_BACK"),
])
def test_term_auxiliaries_match_their_contractions(checker, text, label):
    assert label in _labels(checker, pipeline_text(text), CONCEPTS_KEY)
