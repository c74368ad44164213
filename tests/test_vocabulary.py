"""The concept vocabulary (claims/concepts.yaml) stays tidy: every label is used, and each
phrase is written under one label only.

A phrase that names two concepts is written once, under the narrower one; the broader one
comes through the hierarchy (``includes``: "Roth IRA" is a ROTH_IRA, and the IRA in it is
matched by the word "IRA"), so two lists never drift apart.
"""

from __future__ import annotations

from collections import defaultdict

from taxcheck.claimdb import ClaimDatabase
from taxcheck.matching.retries import ANSWERS

READ_BY_THE_MATCHER = frozenset(ANSWERS)
"""Labels the matcher reads by name (a reply that answers the question before it)."""


def _phrase(text: str) -> str:
    return " ".join(text.lower().split())


def phrase_owners(db: ClaimDatabase) -> dict[str, list[str]]:
    """Phrase (a term or a lemma sequence, case and spacing ignored) -> the labels listing
    it, once per listing: a term "cash out" and a lemma sequence "cash out" are one phrase."""
    owners: dict[str, list[str]] = defaultdict(list)
    for label, lexeme in db.concepts.items():
        for text in (*lexeme.terms, *lexeme.lemmas):
            owners[_phrase(text)].append(label)
    return owners


def used_labels(db: ClaimDatabase) -> set[str]:
    """Labels the matcher reads by name or a claim names (in a condition, its denial's own
    conditions or as the anchor of its amount), and those that reach a used label through
    the vocabulary: included by it (its phrases name it), a reference that stands for it
    ("the credit"), or a phrase that hides it ("turn 72 after 2022" hides its AGE_72)."""
    used: set[str] = set(READ_BY_THE_MATCHER)
    for claim in db.claims:
        if claim.anchor:
            used.add(claim.anchor)
        denial = claim.negated.when if claim.negated else ()  # in words of its own
        for condition in (*claim.when, *denial):
            used.update(condition.concepts())
            if condition.anchor:
                used.add(condition.anchor)
    grew = True
    while grew:
        grew = False
        for label, lexeme in db.concepts.items():
            reached: set[str] = set()
            if label in used:
                reached.update(lexeme.includes)
            if used.intersection(lexeme.refers) or used.intersection(lexeme.hides):
                reached.add(label)
            if not reached <= used:
                used |= reached
                grew = True
    return used


def test_each_phrase_is_listed_under_one_label(db):
    shared = {phrase: labels for phrase, labels in phrase_owners(db).items() if len(labels) > 1}
    assert not shared, "phrases listed more than once in concepts.yaml (keep one, under the " \
        "narrower label, and let `includes` give the broader one): " + "; ".join(
            f"{phrase!r} under {', '.join(labels)}" for phrase, labels in sorted(shared.items()))


def test_every_label_is_used(db):
    unused = sorted(db.concepts.keys() - used_labels(db))
    assert not unused, f"labels no claim uses, directly or through another label: {unused}"


def test_the_checks_catch_what_they_look_for(db):
    """A phrase copied to a second label, and a label nothing uses, are reported."""
    from dataclasses import replace

    ira, roth_ira = db.concepts["IRA"], db.concepts["ROTH_IRA"]
    copied = replace(db, concepts={**db.concepts,
                                   "IRA": ira.model_copy(update={
                                       "terms": (*ira.terms, roth_ira.terms[0].upper())})})
    assert phrase_owners(copied)[_phrase(roth_ira.terms[0])] == ["IRA", "ROTH_IRA"]
    orphan = replace(db, concepts={**db.concepts, "ORPHAN": ira.model_copy(
        update={"terms": ("orphan phrase",), "includes": (), "hides": (), "refers": ()})})
    assert "ORPHAN" not in used_labels(orphan)
    assert "ROTH_IRA" in used_labels(db)


def test_a_narrower_concept_names_the_anchor_of_a_broader_one(db):
    """"457(b)" is written under GOV_457 only; EMPLOYER_PLAN includes it, so a claim anchored
    to EMPLOYER_PLAN takes the amount next to "457(b)", not one next to another concept."""
    from taxcheck.clauses import Candidate, ConceptMention
    from taxcheck.matching.figures import stated_amount
    from taxcheck.nlp.quantities import Quantity

    claim = db.claim("elective-deferral-limit")
    assert claim.anchor == "EMPLOYER_PLAN"
    assert "EMPLOYER_PLAN" in db.expand({"GOV_457"})
    text = "Put $20,500 in Roth money aside first, then give the 457(b) plan $24,500."

    def at(word: str) -> tuple[int, int]:
        start = text.index(word)
        return start, start + len(word)

    concepts = tuple(ConceptMention(label, *at(word), word)
                     for label, word in (("ROTH", "Roth"), ("GOV_457", "457(b)")))
    amounts = tuple(Quantity("usd", float(word[1:].replace(",", "")), *at(word), word)
                    for word in ("$20,500", "$24,500"))
    cand = Candidate(start=0, end=len(text), text=text, sentence_index=0, sentence_start=0,
                     sentence_end=len(text), sentence=text, concepts=concepts,
                     polarity="affirmed", negations=(), hedges=(), attribution=None,
                     question=False, imperative=False, anaphor=False, assertive=False,
                     historical=False, quantities=amounts)
    figure = db.figures[claim.figure]
    found = stated_amount(claim, figure, claim.when[0], cand, {"EMPLOYER_PLAN"},
                          names=lambda label: db.expand({label}))
    assert found is not None and found.text == "$24,500"
    # without the hierarchy the 457(b) names no anchor, and the closest amount of all wins
    assert stated_amount(claim, figure, claim.when[0], cand, {"EMPLOYER_PLAN"}).text == "$20,500"
