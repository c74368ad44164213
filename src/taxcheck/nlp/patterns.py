"""Turn concept and cue lexemes into spaCy SpanRuler token patterns."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from taxcheck.claimdb.models import Lexeme

Tokenize = Callable[[str], Iterable[str]]

PHRASE = "phrase"
"""Span id of matches of a fixed phrase (a term or lemma sequence)."""
PATTERN = "pattern"
"""Span id of matches of a raw token pattern, which may have gaps."""


def lexeme_patterns(label: str, lexeme: Lexeme, tokenize: Tokenize) -> list[dict]:
    """Patterns for one label: phrases (case-insensitive), lemma sequences, token patterns.

    Phrases are tokenized with the pipeline's own tokenizer, so "401(k)" matches exactly
    the tokens the tokenizer makes of it in an article.
    """
    patterns: list[dict] = []
    for term in lexeme.terms:
        tokens = [{"LOWER": tok.lower()} for tok in tokenize(term)]
        patterns.append({"label": label, "pattern": tokens, "id": PHRASE})
    for seq in lexeme.lemmas:
        tokens = [{"LEMMA": tok.lower()} for tok in tokenize(seq)]
        patterns.append({"label": label, "pattern": tokens, "id": PHRASE})
    patterns.extend({"label": label, "pattern": p, "id": PATTERN} for p in lexeme.patterns)
    return patterns


def lexicon_patterns(lexicon: dict[str, Lexeme], tokenize: Tokenize) -> list[dict]:
    """Patterns for every label of a lexicon, in a stable order."""
    out: list[dict] = []
    for label in sorted(lexicon):
        out.extend(lexeme_patterns(label, lexicon[label], tokenize))
    return out
