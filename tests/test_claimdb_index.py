"""The lookups compiled once per claim database give what a full search gives."""

from __future__ import annotations

import random

from taxcheck.claimdb.index import ConditionIndex


def naive_expand(db, labels):
    out = set(labels)
    changed = True
    while changed:
        changed = False
        for label, lexeme in db.concepts.items():
            if label not in out and out.intersection(lexeme.includes):
                out.add(label)
                changed = True
    return frozenset(out)


def test_expand_adds_every_broader_concept_transitively(db):
    rng = random.Random(7)
    labels = sorted(db.concepts)
    for size in (0, 1, 2, 3, 6):
        for _ in range(60):
            picked = set(rng.sample(labels, size))
            assert db.expand(picked) == naive_expand(db, picked), picked


def _ways_to_meet(cond):
    """Label sets that meet a condition's concepts: named by the clause, or with the
    implied ones taken from the section."""
    for choice in cond.any or (None,):
        need = set(cond.all) | ({choice} if choice else set())
        yield frozenset(need), frozenset()
        implied = need & set(cond.implied)
        if implied:
            yield frozenset(need - implied), frozenset(implied)


def test_every_condition_is_found_by_the_concepts_that_meet_it(db):
    for claim in db.claims:
        for cond in claim.when:
            for labels, ambient in _ways_to_meet(cond):
                found = db.conditions_for(db.expand(labels), db.expand(ambient))
                assert any(c is claim and k is cond for c, k in found), (claim.id, labels,
                                                                          ambient)


def _concepts_there(cond, labels, ambient):
    """A full search's test: each of ``all`` and one of ``any`` named by the clause, or
    implied and named by the title or section."""
    have = set(labels) | (set(cond.implied) & set(ambient))
    return have.issuperset(cond.all) and (not cond.any or bool(have & set(cond.any)))


def test_lookups_return_exactly_the_conditions_whose_concepts_are_there(db):
    everything = ConditionIndex(db.claims).entries
    rng = random.Random(11)
    labels = sorted(db.concepts)
    for _ in range(300):
        said = db.expand(set(rng.sample(labels, rng.choice((1, 2, 3, 4)))))
        around = db.expand(set(rng.sample(labels, rng.choice((0, 0, 1, 2)))))
        assert db.conditions_for(said, around) == [
            (claim, cond) for claim, cond in everything
            if _concepts_there(cond, said, around)], (said, around)


def test_lookups_keep_database_order_and_skip_unrelated_conditions(db):
    index = ConditionIndex(db.claims)
    everything = index.entries
    first = db.claims[0].when[0]
    found = db.conditions_for(db.expand({*first.all, *first.any[:1]}))
    assert (db.claims[0], first) in found
    assert found == [e for e in everything if e in found]
    assert 0 < len(found) < len(everything) / 4
    assert db.conditions_for(frozenset()) == [
        (claim, cond) for claim, cond in everything if not cond.all and not cond.any]


def test_conditions_whose_concepts_may_all_be_implied_are_found_from_the_section(db):
    from taxcheck.claimdb.models import Condition

    claim = db.claims[0]
    implied_all = Condition(all=("LOSS", "IRA"), implied=("LOSS", "IRA"))
    implied_any = Condition(any=("ROTH", "IRA"), implied=("IRA",))
    index = ConditionIndex([claim.model_copy(update={"when": (implied_all, implied_any)})])

    def conds(labels, ambient):
        return [c for _, c in index.candidates(labels, ambient)]

    assert conds({"LOSS", "IRA"}, ()) == [implied_all, implied_any]
    assert conds((), {"LOSS", "IRA"}) == [implied_all, implied_any]
    assert conds({"ROTH"}, ()) == [implied_any]
    assert conds((), {"ROTH"}) == []


def test_a_block_without_amounts_skips_only_the_worked_example_conditions(db):
    """A condition whose concepts may all come from the section and that tests a worked
    example's amounts (a fifth held back: "ask for $10,000 to see $8,000") keeps every clause
    of a page worth matching, unless the block states no dollar amount. Without it, clauses
    that name nothing still reach no condition; and every other condition is still reached."""
    from taxcheck.claimdb.index import tests_amounts

    index = ConditionIndex(db.claims)
    assert any(tests_amounts(cond) and not (set(cond.all) - set(cond.implied)) and not cond.any
               for _, cond in index.entries), "no condition is met by a worked example alone"
    assert index.may_meet(frozenset(), amounts=True)
    assert not index.may_meet(frozenset(), amounts=False)
    for claim in db.claims:
        for cond in claim.when:
            if tests_amounts(cond):
                continue
            for labels, _ in _ways_to_meet(cond):
                assert index.may_meet(db.expand(labels), amounts=False), (claim.id, labels)
