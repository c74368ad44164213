"""Sentence boundaries as spaCy's ``sentencizer`` sets them, computed over token arrays.

The rule is spaCy's: a sentence ends after a run of sentence-final punctuation, at the
first token that is neither punctuation nor sentence-final. spaCy's component reads each
token through a Python ``Token``; reading the doc's arrays of word ids and punctuation
flags gives the same boundaries for a fraction of the cost.
"""

from __future__ import annotations

from itertools import pairwise

import numpy
from spacy.attrs import IDX, IS_PUNCT, LENGTH, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from taxcheck.nlp.columns import UNSET, keep_columns

SENTENCES_KEY = "taxcheck_sentences"
"""``doc.user_data`` key of (the doc's length, the token bounds of its sentences) as the
sentencizer set them: what ``doc.sents`` gives, without a ``Span`` per sentence."""


NUMBER_SIGNS = ("No", "no", "NO", "Nos", "nos")
"""Words that, followed by a period and a number, abbreviate "number" ("Rule No. 1")."""

ABBREVIATIONS = ("misc", "approx", "incl", "est", "avg", "yr", "yrs", "govt", "dept")
"""Words that, followed by a period and a word in lower case, are abbreviated in the middle
of a sentence ("a misc. itemized deduction", "Deductible amount (no other misc. items)")."""

LETTER_LABELS = ("Schedule", "Part", "Form", "Plan", "Section", "Table", "Appendix", "Exhibit",
                 "Option", "Tier", "Class", "Title", "Line", "Step", "Box", "Column", "Chapter")
"""Words a capital letter names the kind of ("Schedule D", "Part B"): the tokenizer keeps
"D." whole as an initial, so "... on Schedule D. It goes ..." ends a sentence at it only
when a capitalised word follows."""


class ArraySentencizer:
    """Mark sentence starts (``token.is_sent_start``) like spaCy's sentencizer.

    Args:
        nlp: the pipeline (for its vocabulary).
        name: the component name.
        punct_chars: tokens that end a sentence (default: spaCy's list).
    """

    def __init__(self, nlp: Language, name: str, punct_chars: list[str] | None = None):
        self.name = name
        chars = punct_chars or sorted(Sentencizer.default_punct_chars)
        self.final = {nlp.vocab.strings.add(c) for c in chars}
        self.period = nlp.vocab.strings.add(".")
        self.number_signs = {nlp.vocab.strings.add(w) for w in NUMBER_SIGNS}
        self.abbreviations = {nlp.vocab.strings.add(w) for w in ABBREVIATIONS}
        self.letter_labels = {nlp.vocab.strings.add(w) for w in LETTER_LABELS}
        self.letters = {nlp.vocab.strings.add(f"{c}.") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        starts = [UNSET] * n  # (-1 as a uint64 column holds it, as in spaCy's own arrays)
        starts[0] = 1
        bounds = [0]
        seen_final = False
        final = self.final
        orths, puncts, lowers, idx, length = doc.to_array(
            [ORTH, IS_PUNCT, LOWER, IDX, LENGTH]).T.tolist()
        numbered = []
        for i, (orth, is_punct) in enumerate(zip(orths, puncts, strict=True)):
            is_final = orth in final
            if seen_final and not is_punct and not is_final:
                if self._abbreviated(doc, orths, lowers, i):
                    pass  # ("misc. itemized": the sentence goes on)
                elif self._numbered(doc, orths, i):
                    numbered.append(i)
                else:
                    starts[i] = 1
                    bounds.append(i)
                seen_final = False
            elif is_final or (orth in self.letters and self._lettered_end(doc, orths, i)):
                seen_final = True
        if numbered:  # rare: "No" + "." become one token "No.", so "No" is no negation
            with doc.retokenize() as retokenizer:
                for i in numbered:
                    retokenizer.merge(doc[i - 2:i], attrs={"NORM": "number"})
            return self(doc)
        doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.uint64).reshape(-1, 1))
        bounds.append(n)
        doc.user_data[SENTENCES_KEY] = (n, list(pairwise(bounds)))
        keep_columns(doc, {"ORTH": orths, "LOWER": lowers, "IDX": idx, "LENGTH": length,
                           "SENT_START": starts})
        return doc

    def _lettered_end(self, doc: Doc, orths: list[int], i: int) -> bool:
        """Whether token ``i``, a capital letter with its period ("D."), ends the sentence:
        it names a schedule or part ("Schedule D.") and a capitalised word follows."""
        return (i >= 1 and orths[i - 1] in self.letter_labels and i + 1 < len(orths)
                and doc[i + 1].text[:1].isupper())

    def _abbreviated(self, doc: Doc, orths: list[int], lowers: list[int], i: int) -> bool:
        """Whether token ``i``, a word in lower case, follows an abbreviation's period
        (:data:`ABBREVIATIONS`): the sentence goes on past it."""
        return (i >= 2 and orths[i - 1] == self.period and lowers[i - 2] in self.abbreviations
                and doc[i].text[:1].islower())

    def _numbered(self, doc: Doc, orths: list[int], i: int) -> bool:
        """Whether token ``i`` is the number of a "No. 5" that the sentence goes on past
        ("Mistake No. 5: ...", "tip no. 3 in the guide"): a constant check, made only
        where a sentence would start."""
        return (i >= 2 and orths[i - 1] == self.period and orths[i - 2] in self.number_signs
                and doc[i].like_num)


@Language.factory("taxcheck_sentencizer", assigns=["token.is_sent_start", "doc.sents"],
                  default_config={"punct_chars": None})
def make_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None
                     ) -> ArraySentencizer:
    return ArraySentencizer(nlp, name, punct_chars)
