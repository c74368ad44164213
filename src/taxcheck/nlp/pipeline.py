"""Build the spaCy pipeline taxcheck runs: tokens, sentences, lemmas, concepts, cues,
candidate claims. Build it once per process and reuse it for every document."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.cache import cache_dir, read_pickle, write_pickle
from taxcheck.claimdb.models import Cue
from taxcheck.nlp import candidates as _candidates  # noqa: F401  (registers the component)
from taxcheck.nlp import lemmas as lemmas_module  # (also registers the factory)
from taxcheck.nlp import lexicon as _lexicon  # noqa: F401  (registers the factory)
from taxcheck.nlp import patterns as patterns_module
from taxcheck.nlp import sentences as _sentences  # noqa: F401  (registers the factory)
from taxcheck.nlp.candidates import CONCEPTS_KEY, CUES_KEY
from taxcheck.nlp.patterns import WordCounts, lexicon_patterns, word_counts


def build_pipeline(db: ClaimDatabase, model: str | None = None) -> Language:
    """Return a pipeline whose concept and cue rulers come from ``db``.

    Args:
        db: the loaded claim database (its concepts.yaml and cues.yaml).
        model: an installed spaCy pipeline to start from instead of ``blank("en")``.
    """
    nlp = spacy.load(model, exclude=["ner"]) if model else spacy.blank("en")
    _split_fraction_stops(nlp)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("taxcheck_sentencizer")
    nlp.add_pipe("taxcheck_lemmatizer")
    concepts = nlp.add_pipe("taxcheck_lexicon", name="taxcheck_concepts",
                            config={"spans_key": CONCEPTS_KEY})
    cues = nlp.add_pipe("taxcheck_lexicon", name="taxcheck_cues",
                        config={"spans_key": CUES_KEY, "requires_key": CONCEPTS_KEY})
    nlp.add_pipe("taxcheck_candidates", config={
        "hides": {label: list(lexeme.hides) for label, lexeme in db.concepts.items()
                  if lexeme.hides},
        "scopes": {label: [cue.direction, cue.max_scope] for label, cue in db.cues.items()
                   if isinstance(cue, Cue)}})
    nlp.initialize()

    concept_patterns, cue_patterns, counts = _patterns(db, nlp, model)
    concepts.add_patterns(concept_patterns, counts)  # type: ignore[attr-defined]
    cues.add_patterns(cue_patterns, counts)  # type: ignore[attr-defined]
    return nlp


FRACTION_STOP = re.compile(r"(?<=[\u00bc\u00bd\u00be\u2153\u2154])\.$")
"""A full stop after a vulgar fraction ("RMDs began at 70½. After that ..."): spaCy's
suffixes leave "70½." one token, so the sentence would run on into the next one."""


def _split_fraction_stops(nlp: Language) -> None:
    """Split the full stop off a fraction that ends a sentence: tried before spaCy's own
    suffixes (recompiling them with one more takes about 25 ms of every start-up)."""
    suffixes = nlp.tokenizer.suffix_search

    def suffix_search(text: str) -> re.Match[str] | None:
        return FRACTION_STOP.search(text) or suffixes(text)

    nlp.tokenizer.suffix_search = suffix_search


def _patterns(db: ClaimDatabase, nlp: Language, model: str | None
              ) -> tuple[list[dict], list[dict], WordCounts]:
    """The concept and cue patterns of ``db``, tokenized by ``nlp``'s tokenizer and with
    ``lemmas:`` entries lemmatized by its lemmatizer, and the word counts of the claims'
    example sentences (which decide each gated pattern's look-up word).

    Tokenizing a few thousand terms takes a noticeable part of start-up, so the result is
    cached next to the compiled claim database, keyed by the database's content, spaCy's
    version and this code (for ``blank("en")``; a ``model`` may tokenize otherwise).
    """

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    def compute() -> tuple[list[dict], list[dict], WordCounts]:
        lemmatize = nlp.get_pipe("taxcheck_lemmatizer").lemma  # type: ignore[attr-defined]
        examples = [text for claim in db.claims
                    for text in (*claim.examples.match, *claim.examples.no_match,
                                 *claim.examples.negated)]
        return (lexicon_patterns(db.concepts, tokenize, lemmatize),
                lexicon_patterns(db.cues, tokenize, lemmatize),
                word_counts(examples, tokenize, lemmatize))

    if model:
        return compute()
    digest = hashlib.sha256(f"{db.version}\0{spacy.__version__}\0".encode())
    for module in (patterns_module, lemmas_module):
        digest.update(Path(module.__file__).read_bytes())
    path = cache_dir("patterns") / f"{digest.hexdigest()}.pickle"
    found = read_pickle(path, tuple)
    if found is None or len(found) != 3:
        found = compute()
        write_pickle(path, found)
    return found



@dataclass(frozen=True)
class _Key:
    version: str
    model: str | None
    db: ClaimDatabase = field(compare=False, hash=False)


@lru_cache(maxsize=4)
def _shared(key: _Key) -> Language:
    return build_pipeline(key.db, key.model)


def shared_pipeline(db: ClaimDatabase, model: str | None = None) -> Language:
    """The pipeline of ``db``, built once per process for each database content (its
    ``version``, a digest of every claim file) and model: Checkers of the same database
    share it (the command line run in-process, the tests, ``watch`` between changes)."""
    return _shared(_Key(db.version, model, db))
