"""The matcher's stages on plain labels, without running the spaCy pipeline.

Discourse resolution, the retries and condition matching take candidates as plain data
(:mod:`taxcheck.clauses`), so each decision can be tested on its own.
"""

from __future__ import annotations

from taxcheck.claimdb.models import Condition
from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.matching.conditions import condition_met
from taxcheck.matching.discourse import DiscourseContext, resolve_clause
from taxcheck.matching.retries import with_ellipsis, with_explained_clause
from taxcheck.matching.years import ClauseYears

YEARS = ClauseYears(frame=2026)


def clause(text: str, *labels: str, start: int = 0, sentence: int = 0,
           polarity: str = "affirmed", anaphors: tuple[str, ...] = (),
           historical: bool = False) -> Candidate:
    concepts = tuple(ConceptMention(label, start, start + 1, label.lower()) for label in labels)
    return Candidate(start=start, end=start + len(text), text=text, sentence_index=sentence,
                     sentence_start=0, sentence_end=start + len(text), sentence=text,
                     concepts=concepts, polarity=polarity, negations=(), hedges=(),  # type: ignore[arg-type]
                     attribution=None, question=False, imperative=False,
                     anaphor=bool(anaphors), assertive=False, historical=historical,
                     quantities=(), anaphors=anaphors)


def test_condition_needs_every_concept_and_the_polarity():
    cond = Condition(all=("EMPLOYER_PLAN", "LOSS"), any=("DEDUCT",), polarity="affirmed")
    named = frozenset({"EMPLOYER_PLAN", "LOSS", "DEDUCT"})
    assert condition_met(cond, named, clause("x", *named), YEARS) == frozenset()
    assert condition_met(cond, named - {"LOSS"}, clause("x"), YEARS) is None
    assert condition_met(cond, named, clause("x", polarity="negated"), YEARS) is None
    assert condition_met(cond, named | {"ROTH"}, clause("x"), YEARS) == frozenset()


def test_condition_takes_implied_concepts_only_from_the_section():
    cond = Condition(all=("WASH_SALE", "DAYS"), implied=("WASH_SALE",))
    labels = frozenset({"DAYS"})
    assert condition_met(cond, labels, clause("x"), YEARS) is None
    assert condition_met(cond, labels, clause("x"), YEARS,
                         ambient=frozenset({"WASH_SALE"})) == frozenset({"WASH_SALE"})


def test_a_clause_about_the_past_states_no_rule_for_today():
    cond = Condition(all=("LOSS",))
    assert condition_met(cond, frozenset({"LOSS"}), clause("x", historical=True), YEARS) is None
    past = Condition(all=("LOSS",), past=True)
    assert condition_met(past, frozenset({"LOSS"}), clause("x", historical=True),
                         YEARS) == frozenset()


def test_a_pronoun_takes_the_account_of_the_sentence_before(db):
    context = DiscourseContext(db)
    context.update({"EMPLOYER_PLAN", "LOSS"})
    context.sentence = 1
    res = resolve_clause(clause("You can deduct them.", "DEDUCT", anaphors=("them",)),
                         context, heading=False, list_item=False, section={},
                         section_groups={}, heading_groups={})
    assert {"EMPLOYER_PLAN", "LOSS", "DEDUCT"} <= res.labels
    inherited = {label for step in res.steps for label in step.labels}
    assert {"EMPLOYER_PLAN", "LOSS"} <= inherited
    assert {step.source for step in res.steps} == {"context"}


def test_a_clause_without_a_pronoun_inherits_nothing(db):
    context = DiscourseContext(db)
    context.update({"EMPLOYER_PLAN", "LOSS"})
    context.sentence = 1
    res = resolve_clause(clause("You can deduct stock losses.", "DEDUCT"), context,
                         heading=False, list_item=False, section={}, section_groups={},
                         heading_groups={})
    assert res.labels == {"DEDUCT"}
    assert res.steps == []


def test_ellipsis_takes_the_topic_of_the_sentence_before_only_when_it_then_matches(db):
    context = DiscourseContext(db)
    context.update({"HARDSHIP"})
    context.sentence = 1
    cand = clause("In other words, you still owe the penalty.", "PENALTY")
    res = resolve_clause(cand, context, heading=False, list_item=False, section={},
                         section_groups={}, heading_groups={})
    tried: list[set[str]] = []

    def match_when_hardship(labels: set[str]) -> list[str]:
        tried.append(set(labels))
        return ["a match"] if "HARDSHIP" in labels else []

    matches, wider = with_ellipsis(cand, res, [cand], context, match_when_hardship)  # type: ignore[arg-type]
    assert matches == ["a match"]
    assert wider.labels == {"PENALTY", "HARDSHIP"}
    assert "HARDSHIP" in wider.referred
    matches, same = with_ellipsis(cand, res, [cand], context, lambda labels: [])
    assert matches == [] and same.labels == {"PENALTY"}


def test_a_because_clause_completes_the_clause_it_explains(db):
    first = clause("Quitting at 54 doesn't work", "SEPARATION", "AGE_55", start=0)
    reason = clause(", because you left too early", "PENALTY", start=27)
    res = resolve_clause(reason, DiscourseContext(db), heading=False, list_item=False,
                         section={}, section_groups={}, heading_groups={})

    def match(labels: set[str], *_: object) -> list[str]:
        return ["a match"] if {"SEPARATION", "PENALTY"} <= labels else []

    matches, wider = with_explained_clause(reason, res, [first, reason], set(), match)  # type: ignore[arg-type]
    assert matches == ["a match"]
    assert wider.steps[-1].source == "explained-clause"
    assert set(wider.steps[-1].labels) == {"SEPARATION", "AGE_55"}
    # when the first clause already stated a claim, the reason is not read into it again
    matches, _ = with_explained_clause(reason, res, [first, reason], {first.start}, match)  # type: ignore[arg-type]
    assert matches == []
