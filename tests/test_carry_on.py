"""Follow-ons that state their claim only with the sentence before them
(:mod:`taxcheck.matching.retries.carry_on`), on plain labels without spaCy."""

from __future__ import annotations

from dataclasses import replace

import pytest

from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.matching.discourse import Resolution
from taxcheck.matching.retries.carry_on import (
    Said,
    adds_to,
    asked_about_previous,
    carried_labels,
    includes,
    leans_on_previous,
    points_back,
    restricts,
    revives,
    substitutes,
    with_past_revived,
    with_previous_sentence,
)

GROUPS = {"account": frozenset({"IRA", "EMPLOYER_PLAN", "RETIREMENT_ACCOUNT"}),
          "loss": frozenset({"LOSS", "CAPITAL_LOSS"})}


def clause(text: str, *labels: str, polarity: str = "affirmed", start: int = 0,
           question: bool = False) -> Candidate:
    concepts = tuple(ConceptMention(label, start, start + 1, label.lower()) for label in labels)
    return Candidate(start=start, end=start + len(text), text=text, sentence_index=0,
                     sentence_start=0, sentence_end=start + len(text), sentence=text,
                     concepts=concepts, polarity=polarity, negations=(), hedges=(),  # type: ignore[arg-type]
                     attribution=None, question=question, imperative=False, anaphor=False,
                     assertive=True, historical=False, quantities=())


@pytest.mark.parametrize("text", [
    "Only after five years, though.", "But only for five years.", "There's no cap on how much.",
    "Up to $3,000 a year, that is.", "Not until you turn 59½.", "No limit at all."])
def test_a_restriction_or_an_amount_with_no_subject_restricts(text):
    assert restricts(clause(text))


@pytest.mark.parametrize("text", [
    "Same with your car if you sell it at a loss.", "Same goes for Roth IRAs.",
    "Ditto for your 403(b).", "Your IRAs too.", "Roth IRAs as well."])
def test_the_same_for_another_thing_substitutes(text):
    assert substitutes(clause(text))


@pytest.mark.parametrize("text", [
    "It's 50% of the shortfall.", "That's one per IRA.", "They're taxed at capital-gains rates.",
    "The good news is they're taxed at capital-gains rates.",
    "Buying it back in your IRA gets around that."])
def test_a_subject_or_object_that_points_back(text):
    assert points_back(clause(text))


@pytest.mark.parametrize("text", [
    "Your plan may also let you take a loan against the balance.",
    "Most people never need to think about this rule at all.",
    "Retirees who sell stock at a loss can deduct up to $3,000 of it against their pension.",
    "Roth IRAs have no required distributions for the original owner too.",
    "It's frustrating to lose a write-off that way.", "It's worth knowing that it's rare.",
])
def test_a_sentence_with_its_own_subject_does_not_lean_on_the_one_before(text):
    assert not leans_on_previous(clause(text))


def test_a_question_or_a_later_clause_does_not_lean_on_the_sentence_before():
    assert not leans_on_previous(clause("Only after five years?", "FIVE_YEAR", question=True))
    later = clause(", only after five years", "FIVE_YEAR", start=20)
    assert not leans_on_previous(later)


def test_the_other_thing_replaces_the_thing_of_its_kind():
    before = frozenset({"RMD", "POSTPONED", "STILL_WORKING", "EMPLOYER_PLAN"})
    assert carried_labels({"IRA"}, before, GROUPS) == {"RMD", "POSTPONED", "STILL_WORKING",
                                                       "IRA"}
    # a follow-on that names nothing of a group takes the whole sentence before
    assert carried_labels({"UNLIMITED"}, frozenset({"CAPITAL_LOSS", "ORDINARY_INCOME"}),
                          GROUPS) == {"UNLIMITED", "CAPITAL_LOSS", "ORDINARY_INCOME"}


def _match(db, claim_id: str, concepts: set[str]):
    from taxcheck.matching.conditions import Match

    claim = next(c for c in db.claims if c.id == claim_id)
    return Match(claim, claim.when[0], frozenset(concepts), claim.verdict or "accurate",
                 "", claim.rule, claim.correction, (), claim.citations)


def test_a_follow_on_must_add_a_concept_and_not_restate_the_sentence_before(db):
    said = Said(3, frozenset({"LOSS", "EMPLOYER_PLAN", "OFFSET_WORD", "CAPITAL_GAIN"}), 3,
                claims=frozenset({"retirement-loss-offsets-gains"}))
    restated = _match(db, "retirement-loss-offsets-gains", {"LOSS", "OFFSET_WORD", "TAX"})
    only_before = _match(db, "retirement-loss-capital-loss", {"LOSS", "EMPLOYER_PLAN"})
    added = _match(db, "capital-loss-lowers-bracket", {"LOSS", "LOWER_BRACKET"})
    assert adds_to([restated, only_before, added], {"LOWER_BRACKET", "TAX"}, said) == [added]


def _read(said: Said | None, cand: Candidate, wanted: set[str], sentence: int = 4):
    tried: list[set[str]] = []

    def match(labels: set[str], *_: object) -> list[object]:
        tried.append(set(labels))
        return [_FakeMatch(frozenset(labels & wanted))] if wanted <= labels else []

    res = Resolution(cand, set(cand.labels), [], set())
    return with_previous_sentence(cand, res, said, sentence, GROUPS, match), tried  # type: ignore[arg-type]


class _FakeMatch:
    def __init__(self, concepts: frozenset[str]):
        self.concepts = concepts
        self.claim = type("C", (), {"id": "x", "fact": "f", "figure": None})()
        self.fix = None


def test_a_follow_on_reads_with_everything_the_sentence_just_before_named():
    said = Said(3, frozenset({"CAPITAL_LOSS", "OFFSET_WORD", "ORDINARY_INCOME"}), 7)
    cand = clause("There's no cap on how much.", "UNLIMITED", "LIMIT")
    (matches, res), _ = _read(said, cand, {"UNLIMITED", "ORDINARY_INCOME", "CAPITAL_LOSS"})
    assert matches
    assert res.labels >= {"UNLIMITED", "CAPITAL_LOSS", "ORDINARY_INCOME"}
    assert res.steps[-1].source == "previous-sentence"
    assert "line 7" in res.steps[-1].detail


@pytest.mark.parametrize(("said", "sentence"), [
    (Said(2, frozenset({"CAPITAL_LOSS", "ORDINARY_INCOME"}), 5), 4),  # two sentences back
    (Said(3, frozenset({"CAPITAL_LOSS", "ORDINARY_INCOME"}), 5, polarity="negated"), 4),
    (None, 4),
])
def test_no_follow_on_from_further_back_or_from_a_sentence_of_the_other_polarity(said, sentence):
    cand = clause("There's no cap on how much.", "UNLIMITED")
    (matches, _), tried = _read(said, cand, {"UNLIMITED", "ORDINARY_INCOME"}, sentence)
    assert matches == [] and tried == []


def test_a_thing_named_only_to_compare_adds_nothing():
    said = Said(3, frozenset({"WASH_SALE", "IRA", "LOSS", "PERMANENT"}), 5)
    cand = clause("That's worse than an ordinary wash sale.", "WASH_SALE")
    (matches, _), _ = _read(said, cand, {"WASH_SALE", "IRA"})
    assert matches == []


@pytest.mark.parametrize(("text", "expected"), [
    ("And you still can today.", True), ("They still do.", True),
    ("You still can if the market drops.", True), ("That's still true.", True),
    ("You still have to pay tax on it.", False),  # a present rule of its own
    ("Not anymore.", False), ("It was until 2017.", False)])
def test_a_follow_on_that_says_the_past_holds_still(text, expected):
    assert revives(clause(text)) is expected


def test_a_rule_told_as_history_said_to_hold_still_is_read_for_today():
    said = Said(3, frozenset({"DEDUCT", "LOSS", "IRA", "CLOSE_ALL"}), 5, historical=True)
    cand = clause("And you still can today.", "EVEN_WITH")
    read: list[Candidate] = []

    def match(labels: set[str], clause_read: Candidate) -> list[object]:
        read.append(clause_read)
        return [_FakeMatch(frozenset(labels))] if {"DEDUCT", "CLOSE_ALL"} <= labels else []

    matches, res = with_past_revived(cand, Resolution(cand, {"EVEN_WITH"}, [], set()), said, 4,
                                     match)  # type: ignore[arg-type]
    assert matches and not read[0].historical
    assert res.labels >= {"DEDUCT", "LOSS", "IRA", "CLOSE_ALL"}
    # after a present sentence, or two sentences on, "still" revives nothing
    for before, now in ((Said(3, said.labels, 5), 4), (said, 5)):
        assert with_past_revived(cand, Resolution(cand, set(), [], set()), before, now,
                                 match)[0] == []  # type: ignore[arg-type]


def test_a_question_whose_object_points_back_asks_about_the_sentence_before():
    said = Said(3, frozenset({"EMPLOYER_PLAN", "LOSS"}), 5)
    asked = clause("Can I deduct that?", "DEDUCT", question=True)
    assert asked_about_previous(asked, frozenset({"DEDUCT"}), said, 4) == {
        "DEDUCT", "EMPLOYER_PLAN", "LOSS"}
    # a question that names its own object, or one two sentences on, asks about itself
    own = clause("Can I deduct a loss in my IRA?", "DEDUCT", "LOSS", "IRA", question=True)
    assert asked_about_previous(own, own.labels, said, 4) == own.labels
    assert asked_about_previous(asked, frozenset({"DEDUCT"}), said, 5) == {"DEDUCT"}


@pytest.mark.parametrize("text", [
    "Whatever is left can wipe out any amount of your salary.", "The rest carries forward.",
    "What's left over comes off your wages.", "Anything beyond that can be carried back."])
def test_what_is_left_of_the_thing_before_points_back(text):
    assert points_back(clause(text))


@pytest.mark.parametrize("text, shape", [
    ("That includes money you rolled in from an old 401(k).", True),
    ("That doesn't include rolled-in money.", True),
    ("The exemption covers SEP IRAs.", True),
    # "also" adds to the sentence before: no inclusion
    ("It also includes the balance you rolled over.", False),
    ("Your plan includes a Roth option, which many workers never use.", False)])
def test_a_thing_the_sentence_before_is_said_to_include(text, shape):
    assert includes(clause(text)) is shape


@pytest.mark.parametrize("text, polarity, shape", [
    ("The same holds this year.", "affirmed", True), ("Same today.", "affirmed", True),
    ("Still true in 2026.", "affirmed", True), ("That hasn't changed.", "negated", True),
    ("Nothing has changed since.", "affirmed", True), ("That's still the rule.", "affirmed", True),
    ("The same holds for Roth IRAs.", "affirmed", False),
    ("That has changed.", "affirmed", False)])
def test_a_rule_said_to_hold_still(text, polarity, shape):
    assert revives(clause(text, polarity=polarity)) is shape


def test_a_denial_told_as_history_said_to_hold_still_stays_a_denial():
    before = replace(clause("Before 2020 you couldn't fund a traditional IRA after 70½.",
                            "IRA", "CONTRIBUTE", "AGE_70_HALF", polarity="negated"),
                     negations=("n't",))
    said = Said(3, before.labels, 5, "negated", historical=True, clauses=(before,))
    cand = clause("That's still the rule.", "EVEN_WITH")
    read: list[Candidate] = []

    def match(labels: set[str], clause_read: Candidate) -> list[object]:
        read.append(clause_read)
        return [_FakeMatch(frozenset(labels))]

    matches, _ = with_past_revived(cand, Resolution(cand, {"EVEN_WITH"}, [], set()), said, 4,
                                   match)  # type: ignore[arg-type]
    assert matches
    assert read[0].polarity == "negated" and read[0].negations == ("n't",)
    assert {m.label for m in read[0].concepts} >= {"IRA", "CONTRIBUTE", "AGE_70_HALF"}
    assert all(cand.start <= m.start and m.end <= cand.end for m in read[0].concepts)
