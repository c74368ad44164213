"""A lookup lemmatizer that ignores case, so "Losses" and "losses" share a lemma."""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

# The English lookup table maps a few frequent words to rare readings.
_OVERRIDES = {"does": "do", "doe": "do", "losses": "loss", "taxes": "tax", "ira": "ira",
              "iras": "ira", "as": "as", "us": "us", "is": "be", "was": "be", "'s": "'s"}


class CaselessLemmatizer(Lemmatizer):
    """spaCy's lookup lemmatizer, applied to the lower-cased word."""

    @classmethod
    def get_lookups_config(cls, mode: str) -> tuple[list[str], list[str]]:
        if mode == "caseless_lookup":
            return (["lemma_lookup"], [])
        return super().get_lookups_config(mode)

    def caseless_lookup_lemmatize(self, token: Token) -> list[str]:
        lower = token.lower_
        if lower in _OVERRIDES:
            return [_OVERRIDES[lower]]
        table = self.lookups.get_table("lemma_lookup", {})
        return [str(table.get(lower, lower)).lower()]


@Language.factory("taxcheck_lemmatizer", assigns=["token.lemma"],
                  default_config={"mode": "caseless_lookup", "overwrite": True,
                                  "model": None, "scorer": None})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool, model: object,
                    scorer: object) -> CaselessLemmatizer:
    return CaselessLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)
