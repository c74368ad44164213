"""Every example in the claim database is a test of its own (``-k <claim-id>``)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from taxcheck.claimdb import load_claims
from taxcheck.claimtests import example_cases, run_example

CASES = list(example_cases(load_claims().claims))


@pytest.mark.parametrize(("claim", "expect", "index", "sentence"), CASES,
                         ids=[f"{c.id}-{e}[{i}]" for c, e, i, _ in CASES])
def test_claim_example(checker, claim, expect, index, sentence):
    result = run_example(checker, claim, expect, index, sentence)
    assert result.passed, result.describe()


def test_every_claim_has_four_examples_each_way_and_names_its_fact(db):
    """House rules the schema does not enforce: enough examples to pin a claim's phrasing
    down, and the fact-sheet entry it rests on."""
    for claim in db.claims:
        assert len(claim.examples.match) >= 4, claim.id
        # a proposition's denials are sentences it must not report too (its twin does)
        assert len(claim.examples.no_match) + len(claim.examples.negated) >= 4, claim.id
        if claim.negated is not None:
            assert len(claim.examples.negated) >= 4, claim.id
        assert claim.fact, claim.id


# -- examples are our own words, not copies of the corpus --------------------------------------

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u00a0": " "})
_MARKUP = re.compile(r"<[^>]*>")
_LEADER = re.compile(r"^(?:[#>*+|\u2022\u2013\u2014-]+\s*|\d+[.)]\s+)+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


def _normal(text: str) -> str:
    """Case, whitespace, typographic quotes and a line's list or heading marker don't count."""
    text = " ".join(text.translate(_QUOTES).casefold().split())
    return _LEADER.sub("", text).strip()


def _article_texts(path: Path) -> set[str]:
    """Every line and every sentence of an article, normalised."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        raw = html.unescape(_MARKUP.sub("\n", raw))
    texts: set[str] = set()
    for line in raw.splitlines():
        line = _normal(line)
        if not line:
            continue
        texts.add(line)
        texts.update(_normal(s) for s in _SENTENCE_END.split(line))
    texts.discard("")
    return texts


def test_no_claim_example_copies_a_corpus_sentence(db):
    """A claim example is a paraphrase in our own words: one that repeats a sentence or line
    of an article under corpus/ (development, blind, bank or sealed) shows only that the rule
    was tuned on that sentence, not that it generalises. The gold files are not read. A copy
    of a sealed article is named by claim and file only, so the sealed text stays unprinted."""
    examples: dict[str, list[str]] = {}
    for claim, expect, index, sentence in example_cases(db.claims):
        examples.setdefault(_normal(sentence), []).append(f"{claim.id} {expect}[{index}]")
    copies = []
    articles = sorted(p for p in CORPUS.rglob("*")
                      if p.is_file() and p.suffix in {".txt", ".md", ".html"}
                      and "gold" not in p.relative_to(CORPUS).parts and p.name != "README.md")
    assert len(articles) > 150, "corpus articles not found"
    for path in articles:
        name = path.relative_to(CORPUS).as_posix()
        sealed = name.startswith("sealed/")
        for text in _article_texts(path) & examples.keys():
            for where in examples[text]:
                copies.append(f"{where} copies a line of corpus/{name}" if sealed
                              else f"{where} copies corpus/{name}: {text!r}")
    assert not copies, f"{len(copies)} claim examples copy the corpus:\n" + "\n".join(copies)
