"""The fast pipeline components find exactly what spaCy's own components find.

``taxcheck_lexicon`` replaces ``span_ruler``, ``taxcheck_sentencizer`` spaCy's
``sentencizer`` and the lemmatizer sets lemmas from arrays: each is compared with the
spaCy component it stands for, on the seed article and every claim example.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from conftest import SEED
from taxcheck.nlp import pipeline as _pipeline  # registers the components
from taxcheck.nlp.candidates import CONCEPTS_KEY, CUES_KEY, TEXT_KEY
from taxcheck.nlp.lexicon import requirements
from taxcheck.nlp.patterns import lexicon_patterns
from taxcheck.nlp.sentences import ABBREVIATIONS, NUMBER_SIGNS
from taxcheck.readers import read_path

EDGE_CASES = [
    "", "   ", "Wait?! Really... yes.", "U.S. rules apply. (Yes!) Then 401(k)s.",
    '"Quoted." Next one', "You claimed a deduction for the loss; he claims losses.",
    "ROLL YOUR 401K LOSSES INTO AN IRA!!! Rolled over. Rolling over?",
]


def _goes_on(doc, i: int) -> bool:
    """Token ``i`` is no sentence start for taxcheck's sentencizer, as it documents: after an
    abbreviation's period before a word in lower case ("Total incl. employer contributions"),
    after "No." before a number ("Mistake No. 5")."""
    if i < 2 or doc[i - 1].text != ".":
        return False
    return ((doc[i - 2].lower_ in ABBREVIATIONS and doc[i].text[:1].islower())
            or (doc[i - 2].text in NUMBER_SIGNS and doc[i].like_num))


@Language.component("reference_sentence_exceptions")
def reference_sentence_exceptions(doc):
    """spaCy's sentence starts less the ones :func:`_goes_on` names."""
    for i in range(2, len(doc)):
        if doc[i].is_sent_start and _goes_on(doc, i):
            doc[i].is_sent_start = False
    return doc


@pytest.fixture(scope="module")
def texts(db):
    blocks = [b.text for b in read_path(str(SEED)).blocks]
    examples = [s for c in db.claims for s in (*c.examples.match, *c.examples.no_match)]
    return list(dict.fromkeys(blocks + examples + EDGE_CASES))  # each text once


@pytest.fixture(scope="module")
def reference(db, checker):
    """spaCy's sentencizer (less the starts taxcheck's documents it does not make) and
    span_ruler with the same patterns, after our lemmatizer."""
    # the same tokenizer: the components are compared
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": _pipeline.TOKENIZER}}})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("reference_sentence_exceptions")
    nlp.add_pipe("taxcheck_lemmatizer")
    rulers = {}
    for key, lexicon in ((CONCEPTS_KEY, db.concepts), (CUES_KEY, db.cues)):
        rulers[key] = (nlp.add_pipe("span_ruler", name=key, config={
            "spans_key": key, "phrase_matcher_attr": "LOWER", "validate": True}), lexicon)
    nlp.initialize()
    lemma = nlp.get_pipe("taxcheck_lemmatizer").lemma
    for ruler, lexicon in rulers.values():
        patterns = [as_phrase(nlp, entry) for entry in lexicon_patterns(
            lexicon, lambda t: [tok.text for tok in nlp.make_doc(t)], lemma)]
        with nlp.select_pipes(disable=nlp.pipe_names):  # phrases on LOWER: tokens only
            ruler.add_patterns(patterns)
    return nlp


def as_phrase(nlp, entry: dict) -> dict:
    """A token pattern of plain lower-case words as span_ruler's own phrase pattern (the
    words as text, matched by spaCy's PhraseMatcher on LOWER), when the tokenizer splits
    the text back into exactly those words: the same spans, and a reference several times
    faster than one token Matcher trying every pattern at every token."""
    pattern = entry["pattern"]
    if not all(list(token) == ["LOWER"] and isinstance(token["LOWER"], str)
               for token in pattern):
        return entry
    words = [token["LOWER"] for token in pattern]
    text = " ".join(words)
    if [t.lower_ for t in nlp.make_doc(text)] != words:
        return entry
    return {**entry, "pattern": text}


def spans(doc, key):
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]]


SHARDS = 4
"""The comparison runs over every claim example: in shards, so test workers share it."""


@pytest.mark.slow  # compares every claim example with spaCy's components
@pytest.mark.parametrize("shard", range(SHARDS))
def test_sentences_lemmas_and_concepts_match_spacy_components(checker, reference, texts, shard):
    compared = 0
    for text in texts[shard::SHARDS]:
        ours = checker.nlp(text)
        theirs = reference(text)
        assert ours.user_data[TEXT_KEY] == ours.text == text  # what candidates read
        assert [s.start for s in ours.sents] == [s.start for s in theirs.sents], text
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs], text
        assert spans(ours, CONCEPTS_KEY) == spans(theirs, CONCEPTS_KEY), text
        if spans(ours, CONCEPTS_KEY):  # cues are looked for only where a concept is
            assert spans(ours, CUES_KEY) == spans(theirs, CUES_KEY), text
            compared += 1
    assert compared > 50


def test_claim_sentences_have_concepts_and_cues(checker):
    doc = checker.nlp("You cannot claim the loss on your 401(k) until you roll it over.")
    labels = {s.label_ for s in doc.spans[CONCEPTS_KEY]}
    assert {"EMPLOYER_PLAN", "LOSS", "DEDUCT", "ROLLOVER"} <= labels
    assert "NEGATION" in {s.label_ for s in doc.spans[CUES_KEY]}
    assert not checker.nlp("Nothing about taxes here. Cannot.").spans[CUES_KEY]


def _spans_of_both_rulers(patterns: list[dict], texts: list[str], one_by_one: bool
                          ) -> list[list]:
    """The spans spaCy's span_ruler and taxcheck's lexicon ruler find with ``patterns`` in
    ``texts`` (each text on its own, or all through ``nlp.pipe``), in that order."""
    results = []
    for factory in ("span_ruler", "taxcheck_lexicon"):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("taxcheck_lemmatizer")
        ruler = nlp.add_pipe(factory, config={"spans_key": "sc"})
        nlp.initialize()
        ruler.add_patterns(patterns)
        docs = [nlp(text) for text in texts] if one_by_one else nlp.pipe(texts)
        results.append([spans(doc, "sc") for doc in docs])
    return results


COLUMN_TEXTS = [*EDGE_CASES, "Mistake No. 5: your IRA is taxed. Rule no. 3 applies.",
                "Report it on Schedule D. Then file Form 8949.",
                "RMDs began at 70\u00bd. After that"]


@pytest.mark.parametrize("text", COLUMN_TEXTS)
def test_token_columns_handed_between_components_are_the_docs_own(checker, text):
    """The sentencizer keeps the columns it reads for the components after it (and the
    lemmatizer adds the lemmas): what they read is what ``Doc.to_array`` gives, also after
    "No. 5" was merged into one token."""
    from spacy.attrs import IDS

    from taxcheck.nlp.columns import kept_columns

    doc = checker.nlp(text)
    kept = kept_columns(doc)
    if not len(doc):
        assert kept is None
        return
    names = ["ORTH", "LOWER", "IDX", "LENGTH", "SENT_START", "LEMMA"]
    arrays = doc.to_array([IDS[name] for name in names]).T.tolist()
    assert {name: kept[name] for name in names} == dict(zip(names, arrays, strict=True))


def test_pipeline_text_blanks_only_long_runs():
    """Runs of 64 or more non-space characters become spaces of the same length; shorter
    words and a block of spaces alone are left as they are."""
    from taxcheck.nlp.normalise import pipeline_text

    assert pipeline_text(" " * 100) == " " * 100
    assert pipeline_text("word " * 30) == "word " * 30
    run = "*" * 70
    assert pipeline_text(f"Before {run} after\u00a0it") == f"Before {' ' * 70} after it"


def test_lexicon_ruler_handles_every_kind_of_pattern():
    """Phrases, lemma sequences, gated gapped patterns, operators and lone regexes, overlapping,
    with required words repeated and at the edges of the doc: the same spans as span_ruler."""
    patterns = [
        {"label": "PLAN", "pattern": [{"LOWER": "401"}, {"LOWER": "("}, {"LOWER": "k"},
                                      {"LOWER": ")"}], "id": "phrase"},
        {"label": "PLAN", "pattern": [{"LOWER": {"REGEX": r"^40[13]k$"}}], "id": "pattern"},
        {"label": "ROLL", "pattern": [{"LEMMA": "roll"}, {"LEMMA": "over"}], "id": "phrase"},
        {"label": "CLAIM", "pattern": [{"LEMMA": "claim"}, {"OP": "{0,3}"},
                                       {"LEMMA": {"IN": ["loss", "deduction"]}}]},
        {"label": "LOSS", "pattern": [{"LOWER": "losses"}]},
        {"label": "BIG", "pattern": [{"LOWER": "big", "OP": "+"}, {"LOWER": "losses"}]},
        {"label": "ANY_LOSS", "pattern": [{"LOWER": "the"}, {"OP": "*"}, {"LEMMA": "loss"}]},
        {"label": "TWICE", "pattern": [{"LOWER": "a", "OP": "{1,2}"}, {"TEXT": "403k"}]},
        {"label": "NOT_AS", "pattern": [{"LOWER": "such"}, {"LOWER": {"NOT_IN": ["as"]}}]},
        {"label": "FREE", "pattern": [{"LIKE_NUM": True, "OP": "?"}, {"IS_PUNCT": True}]},
        {"label": "EDGE", "pattern": [{"ORTH": "He"}, {"OP": "{0,2}"}, {"LOWER": "over"}]},
        {"label": "OPENS", "pattern": [{"IS_SENT_START": True, "LOWER": {"IN": ["such", "he"]}},
                                       {"IS_ALPHA": True, "OP": "+"}]},
        {"label": "INSIDE", "pattern": [{"IS_SENT_START": False, "LEMMA": "loss"},
                                        {"IS_PUNCT": True, "OP": "?"}]},
        {"label": "WIDE", "pattern": [{"LOWER": "the", "OP": "?"}, {"OP": "*"},
                                      {"LOWER": {"IN": ["losses", "loss"]}}, {"OP": "{1,3}"},
                                      {"LEMMA": "claim"}]},
        {"label": "LONG_WORD", "pattern": [{"LOWER": "the"}, {"LENGTH": {">=": 6}}]},
        {"label": "DOLLARS", "pattern": [{"ORTH": "$"}, {"TEXT": {"REGEX": r"^\d"}}]},
    ]
    texts = ["He rolled over his 401k, claimed the big losses and a 403k; 401(k) losses.",
             "losses losses: the big big losses, such losses, claim a loss, claim the loss",
             "He rolled over", "", "403k", "Such as these, the deduction was claimed.",
             "The losses you claimed. He rolled over $3,000 of losses, then claimed them."]
    results = _spans_of_both_rulers(patterns, texts, one_by_one=True)
    assert results[0] == results[1]
    assert {label for doc in results[1] for _, _, label, _ in doc} == {
        p["label"] for p in patterns}


def test_regex_tests_find_the_same_spans_when_new_kinds_of_words_arrive_later():
    """Word regexes run over the encoded tokens, whose classes grow as new kinds of words
    (numbers, "-ing" words, "10k") first appear: a word of a new kind in a later doc is
    found as span_ruler finds it, and earlier kinds still are."""
    patterns = [
        {"label": "AGE", "pattern": [{"LOWER": "age"}, {"TEXT": {"REGEX": r"^\d{2}$"}}]},
        {"label": "OVER", "pattern": [{"LOWER": "over"},
                                      {"LOWER": {"REGEX": r"^\d+k$"}, "OP": "+"}]},
        {"label": "NOT_ING", "pattern": [{"LOWER": {"REGEX": "^(?!.*ing$)"}},
                                         {"LOWER": "losses"}]},
        {"label": "START", "pattern": [{"IS_SENT_START": True, "ORTH": {"REGEX": "^[A-Z]"}},
                                       {"LOWER": "losses"}]},
    ]
    texts = ["Big losses. Losses, losses.", "At age 59 and age sixty, losses.",
             "Over 10k 20k, over 5k and over ten: running losses, mounting losses.",
             "age 70 over 1k Total losses", "Big losses at age 59."]
    results = _spans_of_both_rulers(patterns, texts, one_by_one=False)
    assert results[0] == results[1]
    assert {label for doc in results[1] for _, _, label, _ in doc} == {
        p["label"] for p in patterns}


SIGNATURE_PATTERNS = [
    {"label": "AGE", "pattern": [{"LOWER": "age"}, {"TEXT": {"REGEX": r"^\d{2}$"}}]},
    {"label": "OVER", "pattern": [{"LOWER": "over"}, {"LOWER": {"REGEX": r"^\d+k$"}, "OP": "+"}]},
    {"label": "NOT_ING", "pattern": [{"LOWER": {"REGEX": "^(?!.*ing$)"}}, {"LOWER": "losses"}]},
    {"label": "BOTH", "pattern": [{"ORTH": {"REGEX": r"^\d"}, "LOWER": {"REGEX": r"k$"}},
                                  {"LOWER": "losses"}]},
]
SIGNATURE_TEXTS = ["Big losses. Losses, losses.", "At age 59 and age sixty, losses.",
                   "Running losses, mounting losses.",
                   "Over 10k 20k, over 5k and over ten: running losses, 8k losses.",
                   "age 70 over 1k Total losses, mounting losses", "Big losses at age 59."]


@pytest.mark.parametrize("learned", [
    ["big", "losses", "total"],  # every word met passes the "not -ing" test
    ["59", "10k", "running", "sixty"], [], ["8k", "70", "mounting", "over"]])
def test_regex_tests_find_the_same_spans_with_signatures_learned_before_checking(learned):
    """The word kinds (regex signatures) a pipeline learns when its patterns are cached
    decide only which patterns compile again later: with any words learned first (also
    only words passing a test that a later "-ing" word fails), the spans are span_ruler's."""
    expected = _spans_of_both_rulers(SIGNATURE_PATTERNS, SIGNATURE_TEXTS, one_by_one=False)[0]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("taxcheck_lemmatizer")
    ruler = nlp.add_pipe("taxcheck_lexicon", config={"spans_key": "sc"})
    nlp.initialize()
    ruler.add_patterns(SIGNATURE_PATTERNS)
    ruler.learn_signatures([(w.lower(), w.lower(), w) for w in learned])
    assert [spans(doc, "sc") for doc in nlp.pipe(SIGNATURE_TEXTS)] == expected
    assert {label for doc in expected for _, _, label, _ in doc} == {
        p["label"] for p in SIGNATURE_PATTERNS}


def test_a_pipeline_built_from_its_cache_starts_with_the_learned_signatures(db, tmp_path,
                                                                             monkeypatch):
    """The pipeline's patterns are cached with the word kinds learned from the claims'
    examples and the numbers, and with their regexes' programs: a pipeline built from that
    cache starts with them (it compiles patterns again only for kinds it has not seen) and
    finds the same spans as the one that wrote the cache."""
    from taxcheck.claimdb.cache import read_pickle

    monkeypatch.setenv("TAXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    fresh = _pipeline.build_pipeline(db)
    cached = _pipeline.build_pipeline(db)
    for name in ("taxcheck_concepts", "taxcheck_cues"):
        learned = fresh.get_pipe(name).signatures
        assert learned and cached.get_pipe(name).signatures == learned
    stored = read_pickle(_pipeline._compiled_path(db), _pipeline._Compiled)
    for programs in (stored.concept_programs, stored.cue_programs):
        assert sum(made is not None for made in programs) > len(programs) / 2
    texts = ["Born in 1958, she turns 73 in 2031: at age 73 her first RMD is due.",
             "Savers 50 and older can add $7,500; those 60-63 up to $11,250 in 2026.",
             "You can deduct up to $3,000 of capital losses a year."]
    for key in (CONCEPTS_KEY, CUES_KEY):
        assert [spans(d, key) for d in cached.pipe(texts)] == [
            spans(d, key) for d in fresh.pipe(texts)]


def test_patterns_are_found_from_their_needles_wherever_the_needle_sits():
    """Each automaton is searched for from its needle (a run of required words found in one
    pass over the doc): the same spans as span_ruler when the needle is two or three words
    of a list, comes after optional, repeated or any-length tokens, is refused a word
    (NOT_IN), names an exact form (ORTH) or a lemma, sits at either end of the doc, or occurs
    more than once; and phrases sharing words with a needle are still found."""
    patterns = [
        {"label": "CARRY", "pattern": [{"LOWER": {"IN": ["carry", "carried"]}},
                                       {"LOWER": {"IN": ["over", "forward"]}},
                                       {"LOWER": {"IN": ["the", "a"]}, "OP": "?"},
                                       {"LEMMA": "loss"}]},
        {"label": "AFTER_OPTIONAL", "pattern": [{"LOWER": "big", "OP": "?"},
                                                {"IS_PUNCT": True, "OP": "{0,2}"},
                                                {"LOWER": "capital"}, {"LOWER": "losses"}]},
        {"label": "AFTER_ANY", "pattern": [{"LOWER": "you"}, {"OP": "*"},
                                           {"LEMMA": "deduct"}, {"LOWER": "it"}]},
        {"label": "REFUSED", "pattern": [{"ORTH": {"IN": ["Net", "net", "gross", "total"]},
                                          "TEXT": {"NOT_IN": ["total"]}}, {"LOWER": "loss"}]},
        {"label": "EXACT", "pattern": [{"ORTH": "IRA"}, {"ORTH": {"IN": ["loss", "losses"]}}]},
        {"label": "LEMMAS", "pattern": [{"LEMMA": "claim"}, {"LEMMA": {"IN": ["the", "a"]}},
                                        {"LEMMA": "deduction"}]},
        {"label": "WORDS", "pattern": [{"LOWER": "capital"}, {"LOWER": "losses"}]},
        {"label": "NUMBER", "pattern": [{"LIKE_NUM": True}, {"LOWER": "percent"}]},
    ]
    texts = ["Carry over the losses, carried forward a loss; carry forward loss.",
             "Big, capital losses and big capital losses. Capital losses",
             "You can deduct it. You, they said, deducted it; you deduct it",
             "Net loss, gross loss and total loss. IRA losses, ira loss, IRA loss",
             "He claims the deduction and claimed a deduction. 10 percent, ten percent.",
             "losses capital", "capital"]
    results = _spans_of_both_rulers(patterns, texts, one_by_one=True)
    assert results[0] == results[1]
    assert {label for doc in results[1] for _, _, label, _ in doc} == {
        p["label"] for p in patterns}


def test_every_lexicon_pattern_is_a_phrase_or_gated_by_a_word(db):
    """A raw pattern with no required word would run the token matcher on every block of
    every article (what made checking 20 times slower): each names one it needs."""
    ungated = [(label, pattern) for lexicon in (db.concepts, db.cues)
               for label, lexeme in lexicon.items() for pattern in lexeme.patterns
               if not requirements(pattern)]
    assert ungated == []


def test_quantity_patterns_skipped_for_a_sentence_could_not_match_it(db, texts):
    """find_quantities runs only the patterns whose required characters a sentence has;
    every pattern that matches is among them."""
    from taxcheck.nlp.quantities import _PATTERNS, _applicable

    extra = ["Five hundred dollars", "fifty-nine and a half", "59 1/2", "10 PER CENT",
             "next tax year", "$3k", "55 or older", "the year you turn 72", "1,000 Dollars"]
    tried = 0
    for text in [*texts, *extra]:
        run = {id(p) for _, p in _applicable(text)}
        for _, pattern in _PATTERNS:
            if pattern.search(text):
                assert id(pattern) in run, (pattern.pattern, text)
                tried += 1
    assert tried > 100


def test_patterns_with_a_common_needle_find_the_same_spans_as_span_ruler():
    """An automaton whose needle is a common word ("-", "at", ":") and whose selective test
    is a regex, a flag or a word list of another slot (what a cheaper gate at the needle
    would test): the same spans as span_ruler, also for words of a regex kind first met in a
    later doc, at the doc's edges, and before or after the needle."""
    patterns = [
        {"label": "BORN", "pattern": [{"TEXT": {"REGEX": r"^19[4-6]\d$"}}, {"ORTH": "-"},
                                      {"TEXT": {"REGEX": r"^19[4-6]\d$"}}]},
        {"label": "AGE_AT", "pattern": [{"LOWER": "at"}, {"LOWER": "age", "OP": "?"},
                                        {"TEXT": {"REGEX": r"^\d{2}(½|\.5)?$"}}]},
        {"label": "AT_NUMBER", "pattern": [{"LOWER": "at"}, {"LIKE_NUM": True}]},
        {"label": "DEFINED", "pattern": [{"IS_SENT_START": True, "LOWER": {"IN": ["rmd", "ira"]}},
                                         {"ORTH": ":"}]},
        {"label": "WORD_BEFORE", "pattern": [{"LOWER": {"IN": ["limit", "cap"]}},
                                             {"ORTH": ":"}, {"LIKE_NUM": True}]},
    ]
    texts = ["Born 1950 - 1960? At 59, at age 73 or at 70½: the limit: 7,000.",
             "RMD: at 72. Ira: cap: 1955-1957 1955 - 1957",
             "At 65", "1946 - 1948", "- 1960 at", "at age 59.5 then IRA: limit : 8000 :"]
    results = _spans_of_both_rulers(patterns, texts, one_by_one=False)
    assert results[0] == results[1]
    assert {label for doc in results[1] for _, _, label, _ in doc} == {
        p["label"] for p in patterns}
