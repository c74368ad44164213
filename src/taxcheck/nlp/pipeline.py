"""Build the spaCy pipeline taxcheck runs: tokens, sentences, lemmas, concepts, cues,
candidate claims. Build it once per process and reuse it for every document."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.cache import cache_dir, read_pickle, write_pickle
from taxcheck.claimdb.models import Cue
from taxcheck.nlp import candidates as _candidates  # noqa: F401  (registers the component)
from taxcheck.nlp import encoded as encoded_module
from taxcheck.nlp import lemmas as lemmas_module  # (also registers the factory)
from taxcheck.nlp import lexicon as lexicon_module  # (also registers the factory)
from taxcheck.nlp import needles as needles_module
from taxcheck.nlp import patterns as patterns_module
from taxcheck.nlp import programs as programs_module
from taxcheck.nlp import sentences as _sentences  # noqa: F401  (registers the factory)
from taxcheck.nlp.automata import Automaton
from taxcheck.nlp.candidates import CONCEPTS_KEY, CUES_KEY, TEXT_KEY
from taxcheck.nlp.lemmas import PackedTable
from taxcheck.nlp.lexicon import CompiledPattern, compile_patterns
from taxcheck.nlp.needles import NeedleTable
from taxcheck.nlp.patterns import WordCounts, lexicon_patterns, word_counts
from taxcheck.nlp.programs import Program


def build_pipeline(db: ClaimDatabase, model: str | None = None) -> Language:
    """Return a pipeline whose concept and cue rulers come from ``db``.

    Args:
        db: the loaded claim database (its concepts.yaml and cues.yaml).
        model: an installed spaCy pipeline to start from instead of ``blank("en")``.
    """
    if model:
        nlp = spacy.load(model, exclude=["ner"])
        nlp.tokenizer.suffix_search = _with_fraction_stops(nlp.tokenizer.suffix_search)
        nlp.tokenizer.rules = tokenizer_rules(nlp.tokenizer.rules)
    else:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("taxcheck_sentencizer")
    lemmatizer = nlp.add_pipe("taxcheck_lemmatizer")
    concepts = nlp.add_pipe("taxcheck_lexicon", name="taxcheck_concepts",
                            config={"spans_key": CONCEPTS_KEY})
    cues = nlp.add_pipe("taxcheck_lexicon", name="taxcheck_cues",
                        config={"spans_key": CUES_KEY, "requires_key": CONCEPTS_KEY})
    nlp.add_pipe("taxcheck_candidates", config={
        "hides": {label: list(lexeme.hides) for label, lexeme in db.concepts.items()
                  if lexeme.hides},
        "scopes": {label: [cue.direction, cue.max_scope] for label, cue in db.cues.items()
                   if isinstance(cue, Cue)}})
    path = None if model else _compiled_path(db)
    compiled = None if path is None else read_pickle(path, _Compiled)
    if compiled is not None:
        lemmatizer.use_table(compiled.lemma_table)  # type: ignore[attr-defined]
        # their token patterns were validated when they were compiled and cached
        concepts.validate = cues.validate = False  # type: ignore[attr-defined]
    nlp.initialize()
    fresh = compiled is None
    if compiled is None:
        compiled = _compile(db, nlp)
    concepts.add_compiled(compiled.concepts, compiled.counts,  # type: ignore[attr-defined]
                          compiled.concept_automata, compiled.concept_needles,
                          compiled.concept_signatures, compiled.concept_programs)
    cues.add_compiled(compiled.cues, compiled.counts,  # type: ignore[attr-defined]
                      compiled.cue_automata, compiled.cue_needles, compiled.cue_signatures,
                      compiled.cue_programs)
    if fresh and path is not None:
        words = seed_words(compiled.counts, lemmatizer.lemma)  # type: ignore[attr-defined]
        # only once they were added without an error, with the automata compiled from them
        write_pickle(path, replace(
            compiled, concept_automata=concepts.compiled_automata,  # type: ignore[attr-defined]
            cue_automata=cues.compiled_automata,  # type: ignore[attr-defined]
            concept_needles=concepts.needle_table,  # type: ignore[attr-defined]
            cue_needles=cues.needle_table,  # type: ignore[attr-defined]
            concept_signatures=concepts.learn_signatures(words),  # type: ignore[attr-defined]
            cue_signatures=cues.learn_signatures(words),  # type: ignore[attr-defined]
            concept_programs=concepts.make_programs(),  # type: ignore[attr-defined]
            cue_programs=cues.make_programs()))  # type: ignore[attr-defined]
    return nlp


def seed_words(counts: WordCounts, lemmatize: Callable[[str], str]
               ) -> list[tuple[str, str, str]]:
    """(LOWER, LEMMA, ORTH) of the claims' example words and of the whole numbers up to
    :data:`~taxcheck.nlp.encoded.SEED_NUMBERS`: the words whose regex signatures are met
    when the patterns are cached (most of those an article holds)."""
    orths = [*counts.get("ORTH", {}), *map(str, range(encoded_module.SEED_NUMBERS + 1))]
    return [(word.lower(), lemmatize(word), word) for word in dict.fromkeys(orths)]


FRACTION_STOP_SUFFIX = r"(?<=[\u00bc\u00bd\u00be\u2153\u2154])\."
FRACTION_STOP = re.compile(FRACTION_STOP_SUFFIX + "$")
"""A full stop after a vulgar fraction ("RMDs began at 70½. After that ..."): spaCy's
suffixes leave "70½." one token, so the sentence would run on into the next one."""


def _with_fraction_stops(suffixes: Callable[[str], re.Match[str] | None]
                         ) -> Callable[[str], re.Match[str] | None]:
    """A suffix search that splits the full stop off a fraction ending a sentence, tried
    before spaCy's own suffixes (recompiling them with one more takes about 25 ms of every
    start-up)."""

    def suffix_search(text: str) -> re.Match[str] | None:
        return FRACTION_STOP.search(text) or suffixes(text)

    return suffix_search


TOKENIZER = "taxcheck.Tokenizer.v1"


@registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer whose suffixes split the full stop off a fraction
    (:data:`FRACTION_STOP`), compiled with them: setting ``suffix_search`` on a made
    tokenizer validates its ~1,350 special cases again, which took about a twentieth of
    the start-up time, and a Python function in front of the regex (as a ``model``'s
    tokenizer gets) is called for every token."""

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return TextKeepingTokenizer(
            nlp.vocab, rules=tokenizer_rules(defaults.tokenizer_exceptions),
            prefix_search=compile_prefix_regex(defaults.prefixes).search,
            suffix_search=compile_suffix_regex([FRACTION_STOP_SUFFIX, *defaults.suffixes]).search,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer,
            token_match=defaults.token_match, url_match=defaults.url_match)

    return make


SECTION_CLOSERS = frozenset({"):", ")-:"})
"""spaCy's emoticons that would swallow the bracket closing a plan or section name before a
colon: "457(b): withdrawals ..." must read "457(b" ")" ":" as "457(b)," does, or no phrase
naming the plan ("457(b)", "Roth 401(k)", "72(t)") is found in a label line."""


def tokenizer_rules(exceptions: dict) -> dict:
    """spaCy's special cases without :data:`SECTION_CLOSERS`."""
    return {text: case for text, case in exceptions.items() if text not in SECTION_CLOSERS}


class TextKeepingTokenizer(Tokenizer):
    """spaCy's tokenizer that keeps the text it was given in ``doc.user_data`` (under
    :data:`~taxcheck.nlp.candidates.TEXT_KEY`): the candidate builder reads the text of
    every doc with a concept, and ``Doc.text`` builds a ``Token`` per token to join it
    again (the tokenizer loses no character, so the two are the same string)."""

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        doc.user_data[TEXT_KEY] = text
        return doc


@dataclass(frozen=True)
class _Compiled:
    """What the pipeline's build computes from the claim database, cached between runs."""

    concepts: list[CompiledPattern]
    """The concept patterns, tokenized by the pipeline's tokenizer and with ``lemmas:``
    entries lemmatized by its lemmatizer, sorted out for the ruler."""
    cues: list[CompiledPattern]
    """The cue patterns, the same way."""
    counts: WordCounts
    """Word counts of the claims' example sentences (which decide each gated pattern's
    look-up word)."""
    lemma_table: dict[str, str] | PackedTable
    """spaCy's English lemma lookup table, as the lemmatizer reads it."""
    concept_automata: list[Automaton | None] | None = None
    """The automata the concept ruler compiled from ``concepts`` (see
    :meth:`~taxcheck.nlp.lexicon.LexiconRuler.add_compiled`); None until they were."""
    cue_automata: list[Automaton | None] | None = None
    """The same for ``cues``."""
    concept_needles: NeedleTable | None = None
    """The concept ruler's phrases and needles (:func:`~taxcheck.nlp.needles.needle_table`)
    made with ``concept_automata``; None until they were."""
    cue_needles: NeedleTable | None = None
    """The same for ``cues``."""
    concept_signatures: list[tuple[int, ...]] | None = None
    """The regex signatures the concept ruler met in :func:`seed_words`
    (:meth:`~taxcheck.nlp.lexicon.LexiconRuler.learn_signatures`); None until they were."""
    cue_signatures: list[tuple[int, ...]] | None = None
    """The same for ``cues``."""
    concept_programs: list[Program | None] | None = None
    """The regex programs of the concept ruler's automata with those signatures
    (:meth:`~taxcheck.nlp.lexicon.LexiconRuler.make_programs`); None until they were."""
    cue_programs: list[Program | None] | None = None
    """The same for ``cues``."""


def _compile(db: ClaimDatabase, nlp: Language) -> _Compiled:
    """The patterns and word counts of ``db`` and the lemma table of ``nlp``."""

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    lemmatizer = nlp.get_pipe("taxcheck_lemmatizer")
    lemmatize = lemmatizer.lemma  # type: ignore[attr-defined]
    examples = [text for claim in db.claims
                for text in (*claim.examples.match, *claim.examples.no_match,
                             *claim.examples.negated)]
    return _Compiled(concepts=compile_patterns(lexicon_patterns(db.concepts, tokenize,
                                                                lemmatize)),
                     cues=compile_patterns(lexicon_patterns(db.cues, tokenize, lemmatize)),
                     counts=word_counts(examples, tokenize, lemmatize),
                     lemma_table=lemmatizer.table)  # type: ignore[attr-defined]


def _compiled_path(db: ClaimDatabase) -> Path:
    """Where :func:`_compile`'s result for ``db`` and ``blank("en")`` is cached.

    Tokenizing a few thousand terms and reading the lemma table take a noticeable part of
    start-up, so the result is kept next to the compiled claim database, keyed by the
    database's content, the versions of spaCy and of its lookup tables, the interpreter
    (:data:`~taxcheck.nlp.programs.KEY`: the regex programs) and this code (a ``model``
    may tokenize otherwise: it is not cached).
    """
    digest = hashlib.sha256(f"{db.version}\0{spacy.__version__}\0{programs_module.KEY}\0"
                            .encode())
    for module in (patterns_module, lemmas_module, lexicon_module, needles_module,
                   encoded_module, programs_module, sys.modules[__name__]):
        digest.update(Path(module.__file__ or "").read_bytes())
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is not None and spec.origin is not None:  # its version, without importing it
        with contextlib.suppress(OSError):
            digest.update((Path(spec.origin).parent / "about.py").read_bytes())
    return cache_dir("patterns") / f"{digest.hexdigest()}.pickle"


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
