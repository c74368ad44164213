"""The concept vocabulary stays tidy: every label is used, each phrase is written under one
label only (of claims/concepts.yaml or of a claim's own ``terms:``), and concepts.yaml holds
only shared vocabulary: a label that one claim alone names is that claim's own.

A phrase that names two concepts is written once, under the narrower one; the broader one
comes through the hierarchy (``includes``: "Roth IRA" is a ROTH_IRA, and the IRA in it is
matched by the word "IRA"), so two lists never drift apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import SCOPE, Claim
from taxcheck.matching.retries.headings import ANNOUNCES
from taxcheck.matching.retries.procedures import ANNOUNCING
from taxcheck.matching.retries.questions import ANSWERS

ROOT = Path(__file__).resolve().parents[1]

READ_BY_THE_MATCHER = frozenset(ANSWERS) | ANNOUNCING | ANNOUNCES
"""Labels the matcher reads by name (a reply that answers the question before it; a
sentence or heading that announces a way or an exception before the rule)."""


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


def _names(claim: Claim) -> set[str]:
    """The labels a proposition (with its denial's own conditions) or claim names."""
    denial = claim.negated.when if claim.negated else ()
    return {name for cond in (*claim.when, *denial) for name in (*cond.concepts(), cond.anchor)
            if name} | ({claim.anchor} if claim.anchor else set())


def claim_users(db: ClaimDatabase) -> dict[str, set[str]]:
    """concepts.yaml label -> the claims that name it (a proposition and its denial once:
    a denial's conditions are its proposition's)."""
    users: dict[str, set[str]] = defaultdict(set)
    for claim in db.claims:
        if claim.denial_of is None:
            for name in _names(claim):
                if SCOPE not in name:
                    users[name].add(claim.id)
    return users


def shared_labels(db: ClaimDatabase) -> set[str]:
    """Labels that are shared vocabulary whoever names them: named by the code (a quoted
    string in src/), by cues.yaml or figures.yaml, by a house-claim fixture of the tests, or
    by another label's ``includes``, ``hides`` or ``refers``; and those that take part in the
    discourse stage (``context``, ``borrows``, ``refers``)."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))
    out = set(re.findall(r"""["']([A-Z][A-Z0-9_]*)["']""", code))
    for name in ("cues.yaml", "figures.yaml"):
        out |= set(re.findall(r"\b[A-Z][A-Z0-9_]*\b",
                              (ROOT / "claims" / name).read_text(encoding="utf-8")))
    for path in (ROOT / "tests" / "data").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("claims"), list):
            for cond in (c for claim in data["claims"] for c in claim.get("when") or []):
                out |= {n for key in ("all", "any", "none", "implied") for n in cond.get(key, [])}
    for label, lexeme in db.concepts.items():
        out.update(n for n in (*lexeme.includes, *lexeme.hides, *lexeme.refers) if n != label)
        if lexeme.context or lexeme.borrows or lexeme.refers:
            out.add(label)
    return out


def test_each_phrase_is_listed_under_one_label(db):
    shared = {phrase: labels for phrase, labels in phrase_owners(db).items() if len(labels) > 1}
    assert not shared, "phrases listed more than once in concepts.yaml (keep one, under the " \
        "narrower label, and let `includes` give the broader one): " + "; ".join(
            f"{phrase!r} under {', '.join(labels)}" for phrase, labels in sorted(shared.items()))


def test_every_label_is_used(db):
    unused = sorted(db.concepts.keys() - used_labels(db))
    assert not unused, f"labels no claim uses, directly or through another label: {unused}"


def test_a_label_one_claim_alone_names_is_that_claims_own(db):
    lonely = sorted(label for label, ids in claim_users(db).items()
                    if len(ids) == 1 and label not in shared_labels(db))
    assert not lonely, "concepts.yaml labels that only one claim names (move each into that " \
        "claim's `terms:`): " + "; ".join(f"{label} ({next(iter(claim_users(db)[label]))})"
                                          for label in lonely)


def test_a_claims_own_labels_are_filed_under_it_and_seen_by_it_alone(db):
    own = {label for label in db.concepts if SCOPE in label}
    assert len(own) > 50
    for claim in db.claims:
        if claim.denial_of is None and claim.history_of is None:  # (theirs are its own)
            assert {n for n in _names(claim) if SCOPE in n} <= set(claim.terms)
            assert all(label.startswith(claim.id + SCOPE) for label in claim.terms)
    named = {n for claim in db.claims for n in _names(claim)}
    assert own <= named | {n for lex in db.concepts.values() for n in lex.includes}


def test_the_checks_catch_what_they_look_for(db):
    """A phrase copied to a second label, a label nothing uses and a label of concepts.yaml
    that one claim alone names are reported."""
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
    claim = db.claim("capital-loss-expires")
    expire = f"{claim.id}{SCOPE}EXPIRE"
    made_global = replace(db, concepts={**db.concepts, "EXPIRE": db.concepts[expire]},
                          claims=[c.model_copy(update={"when": tuple(
                              w.model_copy(update={"all": tuple(
                                  "EXPIRE" if n == expire else n for n in w.all)})
                              for w in c.when)}) if c is claim else c for c in db.claims])
    assert claim_users(made_global)["EXPIRE"] == {claim.id}
    assert "EXPIRE" not in shared_labels(made_global)
    assert "LOSS" in shared_labels(db) and len(claim_users(db)["DEDUCT"]) > 1


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
