"""A lookup lemmatizer that ignores case, so "Losses" and "losses" share a lemma."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from taxcheck.nlp.columns import kept_columns

# The English lookup table maps a few frequent words to rare readings ("first" -> "1",
# "matter" -> "matt", "cola" -> "colon", "ceiling" -> "ceil", "lower" -> "low": the verb
# "lower" is the word tax pages use; "putting" -> "putt", so "putting money into an IRA" missed
# every "put in" phrase). Units written short on forums are their word ("5 yrs", "6 mos"), so
# patterns of the unit's lemma read them.
_OVERRIDES = {"does": "do", "doe": "do", "losses": "loss", "taxes": "tax", "ira": "ira",
              "iras": "ira", "as": "as", "us": "us", "is": "be", "was": "be", "'s": "'s",
              "first": "first", "matter": "matter", "cola": "cola", "ceiling": "ceiling",
              "lower": "lower", "putting": "put", "yrs": "year", "yr": "year", "mos": "month",
              "wks": "week", "wk": "week"}

_RE_PREFIX = "re"
"""A verb the lookup table lacks made of "re" and an inflected verb it has ("rebuying",
"rebought", "redeposited") is lemmatized as "re" + that verb's lemma ("rebuy"), so
"rebuy" phrases find every form of it."""


_S_PRONOUNS = ("it", "that", "this", "there", "here", "what", "who", "he", "she", "which")
"""Words after which "'s" is "is", not a possessive."""


class PackedTable:
    """A lookup table kept as two newline-joined strings, its words sorted and their
    lemmas in the same order, for the pipeline cache: unpickling a 40,000-entry dict took
    about 15 ms of every start-up, two strings take nothing. They are split into lists on
    the first look-up, and a word is found by bisection (the lemmatizer remembers each
    word's lemma, so a word is looked up once)."""

    def __init__(self, table: Mapping[str, str]):
        words = sorted(table)
        self.words = "\n".join(words)
        self.lemmas = "\n".join(table[w] for w in words)
        self._lists: tuple[list[str], list[str]] | None = None

    @staticmethod
    def fits(table: Mapping[str, str]) -> bool:
        """Whether ``table`` can be packed (no word or lemma holds a newline)."""
        return not any("\n" in w or "\n" in v for w, v in table.items())

    def __getstate__(self) -> tuple[str, str]:
        return self.words, self.lemmas

    def __setstate__(self, state: tuple[str, str]) -> None:
        self.words, self.lemmas = state
        self._lists = None

    def get(self, word: str, default: str) -> str:
        if self._lists is None:
            self._lists = (self.words.split("\n"), self.lemmas.split("\n"))
        words, lemmas = self._lists
        i = bisect_left(words, word)
        return lemmas[i] if i < len(words) and words[i] == word else default


class CaselessLemmatizer(Lemmatizer):
    """spaCy's lookup lemmatizer, applied to the lower-cased word.

    Lemmas are set for the whole doc at once from its array of lower-case forms, with a
    cache from form to lemma, instead of token by token (building a Python ``Token`` for
    each word cost more than the lookups).
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._lemma_cache: dict[int, int] = {}
        """Lower-case form -> lemma (string hashes)."""
        self._table: dict[str, str] | PackedTable | None = None
        """The lookup table as a plain dict (building spaCy's ``Table`` of it hashes every
        one of its 40,000 keys, which took most of the pipeline's build time)."""

    def initialize(self, get_examples: Any = None, *, nlp: Any = None,
                   lookups: Any = None) -> None:
        if self.mode != "caseless_lookup" or lookups is not None:
            super().initialize(get_examples, nlp=nlp, lookups=lookups)
            return
        if self._table is None:  # not given by use_table
            from spacy.util import load_language_data, registry

            self._table = load_language_data(
                registry.lookups.get(self.vocab.lang)["lemma_lookup"])
        self._validated = True  # spaCy's check for its own tables, which are not used

    @property
    def table(self) -> dict[str, str] | PackedTable | None:
        """The lookup table (after ``initialize``), to cache with the compiled patterns."""
        if isinstance(self._table, dict) and PackedTable.fits(self._table):
            return PackedTable(self._table)
        return self._table

    def use_table(self, table: dict[str, str] | PackedTable) -> None:
        """Use this lookup table (from the cache) instead of reading spaCy's at
        ``initialize``: parsing its compressed JSON took a few per cent of the start-up."""
        self._table = table

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "caseless_lookup":
            return super().__call__(doc)
        if not len(doc):
            return doc
        cache = self._lemma_cache
        kept = kept_columns(doc)  # (as the sentencizer read them)
        lowers = kept["LOWER"] if kept is not None else doc.to_array(LOWER).tolist()
        lemmas = list(map(cache.get, lowers))  # one C-level pass: most forms are known
        if None in lemmas:
            strings = self.vocab.strings
            for i, lemma in enumerate(lemmas):
                if lemma is None:
                    lower = lowers[i]
                    lemma = cache.get(lower)
                    if lemma is None:
                        lemma = cache[lower] = strings.add(
                            self._caseless_lemma(strings[lower]))
                    lemmas[i] = lemma
        if self._s_key in lowers:
            self._contracted_be(lowers, lemmas)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        if kept is not None:
            kept["LEMMA"] = lemmas
        return doc

    @property
    def _s_key(self) -> int:
        return self.vocab.strings.add("'s")

    def _contracted_be(self, lowers: list[int], lemmas: list[int]) -> None:
        """"'s" after a pronoun is "is" ("That's a penalty", "it's taxed"), so patterns of
        the verb "be" read it; after a noun it stays a possessive ("the plan's rules")."""
        strings = self.vocab.strings
        s_key, be = self._s_key, strings.add("be")
        pronouns = {strings.add(w) for w in _S_PRONOUNS}
        for i in range(1, len(lowers)):
            if lowers[i] == s_key and lowers[i - 1] in pronouns:
                lemmas[i] = be

    def lemma(self, word: str) -> str:
        """The lemma this lemmatizer gives ``word`` in any article (case is ignored; the
        pipeline must be initialized)."""
        return self._caseless_lemma(word.lower())

    def _caseless_lemma(self, lower: str) -> str:
        if lower in _OVERRIDES:
            return _OVERRIDES[lower]
        table = self._table if self._table is not None else self.lookups.get_table(
            "lemma_lookup", {})
        lemma = table.get(lower, None)
        if lemma is None:
            return _prefixed_lemma(table, lower)
        return str(lemma).lower()

    @classmethod
    def get_lookups_config(cls, mode: str) -> tuple[list[str], list[str]]:
        if mode == "caseless_lookup":
            return (["lemma_lookup"], [])
        return super().get_lookups_config(mode)

    def caseless_lookup_lemmatize(self, token: Token) -> list[str]:
        return [self._caseless_lemma(token.lower_)]


def _prefixed_lemma(table: Mapping[str, str] | PackedTable | Any, lower: str) -> str:
    """The lemma of a word the table lacks: "re" + the lemma of the rest when the rest is an
    inflected form the table knows ("rebuying" -> "rebuy"), else the word itself."""
    if lower.startswith(_RE_PREFIX) and len(lower) > len(_RE_PREFIX) + 3:
        rest = table.get(lower[len(_RE_PREFIX):], None)
        if rest is not None and str(rest).isalpha():
            return _RE_PREFIX + str(rest).lower()
    return lower


@Language.factory("taxcheck_lemmatizer", assigns=["token.lemma"],
                  default_config={"mode": "caseless_lookup", "overwrite": True,
                                  "model": None, "scorer": None})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool, model: object,
                    scorer: object) -> CaselessLemmatizer:
    return CaselessLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)
