"""Turn concept and cue lexemes into spaCy SpanRuler token patterns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from itertools import product

from taxcheck.claimdb.models import Lexeme

Tokenize = Callable[[str], Iterable[str]]
Lemmatize = Callable[[str], str]

PHRASE = "phrase"
"""Span id of matches of a fixed phrase (a term or lemma sequence)."""
PATTERN = "pattern"
"""Span id of matches of a raw token pattern, which may have gaps."""
MAX_VARIANTS = 16
"""Most lemma sequences one ``lemmas:`` entry compiles to (2 per word that has two)."""


CONTRACTIONS = {"is": "'s", "are": "'re", "will": "'ll", "would": "'d", "have": "'ve"}
"""An auxiliary in a term and its contracted form: "is back" also finds "it's back" (the
tokenizer splits "it's" into "it" and "'s", whose lemma is not "be")."""


def contracted(words: Iterable[str]) -> list[list[str]]:
    """A term's words, and the same words with every auxiliary contracted
    (:data:`CONTRACTIONS`), when it has one: "is back" -> "is back", "'s back"."""
    plain = list(words)
    short = [CONTRACTIONS.get(w, w) for w in plain]
    return [plain, short] if short != plain else [plain]


def unmatched_words(phrase: str, tokenize: Tokenize, lemmatize: Lemmatize) -> list[str]:
    """The words of a ``lemmas:`` phrase that are not lemmas as written: matched literally
    against token lemmas, "capital gains" never matches ("gains" has the lemma "gain"), nor
    does "tax-loss harvesting" ("harvesting" -> "harvest"). :func:`lemma_sequences`
    compiles such words to their lemma."""
    return [tok for tok in tokenize(phrase) if lemmatize(tok) != tok.lower()]


def lemma_sequences(phrase: str, tokenize: Tokenize, lemmatize: Lemmatize
                    ) -> list[list[str]]:
    """The lemma sequences a ``lemmas:`` phrase matches: each word stands for every form
    the lemmatizer maps to its lemma, so "capital gains" finds "capital gain" and "capital
    gains". A word that is also the lemma of other forms keeps that reading too ("working"
    is the lemma of "workings" and a form of "work")."""
    choices = [list(dict.fromkeys((tok.lower(), lemmatize(tok)))) for tok in tokenize(phrase)]
    return [list(seq) for seq in product(*choices)][:MAX_VARIANTS]


def lexeme_patterns(label: str, lexeme: Lexeme, tokenize: Tokenize,
                    lemmatize: Lemmatize) -> list[dict]:
    """Patterns for one label: phrases (case-insensitive), lemma sequences, token patterns.

    Phrases are tokenized with the pipeline's own tokenizer, so "401(k)" matches exactly
    the tokens the tokenizer makes of it in an article, and ``lemmas:`` entries are
    lemmatized with its own lemmatizer (see :func:`lemma_sequences`).
    """
    patterns: list[dict] = []
    for term in lexeme.terms:
        for words in contracted(tok.lower() for tok in tokenize(term)):
            patterns.append({"label": label, "pattern": [{"LOWER": w} for w in words],
                             "id": PHRASE})
    for phrase in lexeme.lemmas:
        for seq in lemma_sequences(phrase, tokenize, lemmatize):
            patterns.append({"label": label, "pattern": [{"LEMMA": w} for w in seq],
                             "id": PHRASE})
    patterns.extend({"label": label, "pattern": p, "id": PATTERN} for p in lexeme.patterns)
    return patterns


def lexicon_patterns(lexicon: dict[str, Lexeme], tokenize: Tokenize,
                     lemmatize: Lemmatize) -> list[dict]:
    """Patterns for every label of a lexicon, in a stable order."""
    out: list[dict] = []
    for label in sorted(lexicon):
        out.extend(lexeme_patterns(label, lexicon[label], tokenize, lemmatize))
    return out


WordCounts = dict[str, dict[str, int]]
"""Token attribute (LOWER, LEMMA, ORTH) -> value -> how often it occurs."""


def word_counts(texts: Iterable[str], tokenize: Tokenize, lemmatize: Lemmatize
                ) -> WordCounts:
    """How often each word occurs in ``texts``, by lower-case form, lemma and exact form.

    The lexicon rulers look each gated pattern up by the requirement whose words are
    rarest in articles (see :mod:`taxcheck.nlp.lexicon`); the claims' example sentences
    are tax prose of the kind articles hold, so counting their words measures that
    (a frequency table of general English would call "IRA" or "loss" rare).
    """
    lower: Counter[str] = Counter()
    orth: Counter[str] = Counter()
    for text in texts:
        for token in tokenize(text):
            orth[token] += 1
            lower[token.lower()] += 1
    lemma: Counter[str] = Counter()
    for word, count in lower.items():
        lemma[lemmatize(word)] += count
    return {"LOWER": dict(lower), "LEMMA": dict(lemma), "ORTH": dict(orth)}
