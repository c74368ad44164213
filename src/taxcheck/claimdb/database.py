"""The loaded claim database and the lookups the matcher needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from taxcheck.claimdb.index import ConditionIndex, broader_concepts
from taxcheck.claimdb.models import SCOPE, Claim, Condition, Figure, Lexeme
from taxcheck.errors import ClaimDatabaseError

if TYPE_CHECKING:
    from taxcheck.calibration import Verifier

EXPAND_MEMO = 20_000
"""Label sets whose expansion a database remembers before the memo starts over."""


def _twins(a: Claim, b: Claim) -> bool:
    """``b`` is ``a``'s denial: made from its ``negated``, or a later folder's claim with
    that id (a house override of the denial); or ``a``'s history, or the history of the
    proposition ``a`` denies (a clause about the past and one about today never meet)."""
    return (b.denial_of == a.id or (a.negated is not None and a.negated.id == b.id)
            or (b.history_of is not None and b.history_of in (a.id, a.denial_of)))


@dataclass(frozen=True)
class ClaimDatabase:
    """Claims, figures, concept vocabulary and cues, plus a version hash of the files."""

    claims: list[Claim]
    concepts: dict[str, Lexeme]
    cues: dict[str, Lexeme]
    figures: dict[str, Figure]
    locations: dict[str, str] = field(default_factory=dict)
    version: str = "0"

    @cached_property
    def verifier(self) -> Verifier:
        """The function-word verifier that weighs problem findings, read once for the
        database (:func:`taxcheck.calibration.read_verifier`)."""
        from taxcheck.calibration import read_verifier

        return read_verifier()

    @cached_property
    def figure_values(self) -> dict[tuple[str, float], frozenset[str]]:
        """The figures that take each (unit, value) in some year: "$18,100" is the SIMPLE
        higher deferral limit, "$70,000" the annual additions limit."""
        out: dict[tuple[str, float], set[str]] = {}
        for figure in self.figures.values():
            for year in figure.values:
                for value in figure.choices(year):
                    out.setdefault((figure.unit, float(value)), set()).add(figure.id)
        return {key: frozenset(ids) for key, ids in out.items()}

    @cached_property
    def total_figures(self) -> frozenset[str]:
        """The figures that hold totals of several limits (``total: true``)."""
        return frozenset(f.id for f in self.figures.values() if f.total)

    @cached_property
    def context_groups(self) -> tuple[dict[str, set[str]], dict[str, tuple[str, ...]],
                                      dict[str, tuple[str, ...]]]:
        """For the discourse context (read, never changed): context group -> its
        concepts; concept -> the groups it ``borrows``; concept -> what it ``refers`` to.
        Made once, not per article."""
        groups: dict[str, set[str]] = {}
        for label, lexeme in self.concepts.items():
            if lexeme.context:
                groups.setdefault(lexeme.context, set()).add(label)
        borrows = {label: lexeme.borrows for label, lexeme in self.concepts.items()
                   if lexeme.borrows}
        refers = {label: lexeme.refers for label, lexeme in self.concepts.items()
                  if lexeme.refers}
        return groups, borrows, refers

    @cached_property
    def names(self) -> frozenset[str]:
        """Every claim id and topic (made once: each article's suppression comments are
        checked against them)."""
        return frozenset({c.id for c in self.claims} | {c.topic for c in self.claims if c.topic})

    @cached_property
    def by_id(self) -> dict[str, Claim]:
        """Claim id -> claim (made once: the matcher's post-processing asks per article)."""
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def denied(self) -> frozenset[str]:
        """The ids of claims another claim is the denial of."""
        return frozenset(claim.denial_of for claim in self.claims if claim.denial_of)

    @cached_property
    def vocabulary(self) -> tuple[dict[str, frozenset[str]], dict[str, int]]:
        """The concepts each claim's conditions name (``all`` and ``any``), and how many
        facts' claims name each concept: a concept few facts name is specific to them."""
        vocab = {c.id: frozenset(label for cond in c.when for label in (*cond.all, *cond.any))
                 for c in self.claims}
        per_fact: dict[str, set[str]] = {}
        for c in self.claims:
            per_fact.setdefault(c.fact, set()).update(vocab[c.id])
        counts: dict[str, int] = {}
        for labels in per_fact.values():
            for label in labels:
                counts[label] = counts.get(label, 0) + 1
        return vocab, counts

    def claim(self, claim_id: str) -> Claim:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def expand(self, labels: set[str] | frozenset[str]) -> frozenset[str]:
        """Add every broader concept that includes one of ``labels`` (remembered per set:
        the matcher asks for the same few sets many times per clause)."""
        key = labels if isinstance(labels, frozenset) else frozenset(labels)
        memo = self._expanded
        out = memo.get(key)
        if out is None:
            if len(memo) >= EXPAND_MEMO:
                memo.clear()
            broader = self._broader
            found = set(key)
            for label in key:
                found.update(broader.get(label, ()))
            out = memo[key] = frozenset(found)
        return out

    def expand_label(self, label: str) -> frozenset[str]:
        """:meth:`expand` of one concept (remembered per concept: a figure's check asks it of
        each concept of a clause, for each of its amounts)."""
        memo = self._expanded_labels
        out = memo.get(label)
        if out is None:
            out = memo[label] = self.expand(frozenset((label,)))
        return out

    def conditions_for(self, labels: frozenset[str], ambient: frozenset[str] = frozenset()
                       ) -> list[tuple[Claim, Condition]]:
        """The (claim, condition) pairs a clause with concepts ``labels``, in a section that
        names ``ambient``, might meet; in database order. Compiled once per database."""
        return self._conditions.candidates(labels, ambient)

    def may_meet(self, labels: frozenset[str], amounts: bool = True) -> bool:
        """Whether a clause with concepts ``labels`` (expanded) might meet some condition,
        whatever its section names; ``amounts``: whether its block states a dollar amount
        (:meth:`ConditionIndex.may_meet`)."""
        return self._conditions.may_meet(labels, amounts)

    def compile(self) -> None:
        """Build the lookups now (they are built on first use otherwise), e.g. before the
        database is cached or sent to worker processes."""
        _ = self._broader, self._conditions

    @cached_property
    def _expanded(self) -> dict[frozenset[str], frozenset[str]]:
        """Label set -> :meth:`expand`'s result (not pickled: see ``__getstate__``)."""
        return {}

    @cached_property
    def _expanded_labels(self) -> dict[str, frozenset[str]]:
        """Concept -> :meth:`expand_label`'s result (not pickled: see ``__getstate__``)."""
        return {}

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_expanded", "_expanded_labels")}

    @cached_property
    def _broader(self) -> dict[str, frozenset[str]]:
        return broader_concepts(self.concepts)

    @cached_property
    def _conditions(self) -> ConditionIndex:
        return ConditionIndex(self.claims)

    def check_mirrors(self) -> list[ClaimDatabaseError]:
        """Find two claims of one fact that state one proposition and its denial written out
        twice: a condition of one names the concepts of a condition of the other with the
        opposite polarity (:meth:`Condition.near_mirrors`; ``none``, ``implied`` and the
        like are not compared). Such a pair is written once, as a proposition with a
        ``negated`` denial (whose conditions the loader mirrors); a claim and its own denial
        (or a later folder's override of it) are not a pair."""
        by_fact: dict[str | None, list[Claim]] = {}
        for claim in self.claims:
            if not claim.figure:
                by_fact.setdefault(claim.fact, []).append(claim)
        errors = []
        for group in by_fact.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if _twins(a, b) or _twins(b, a):
                        continue
                    pair = next(((j, k) for j, ca in enumerate(a.when)
                                 for k, cb in enumerate(b.when) if ca.near_mirrors(cb)), None)
                    if pair is not None:
                        errors.append(self._mirror_error(a, b, *pair))
        return errors

    def _name(self, claim: Claim, where: bool) -> str:
        place = f" at {self.locations.get(claim.id, '?')}" if where else ""
        if claim.denial_of:
            return f"{claim.id!r} (the denial of {claim.denial_of!r}{place})"
        return f"{claim.id!r}{f' ({place[4:]})' if where else ''}"

    def _mirror_error(self, a: Claim, b: Claim, j: int, k: int) -> ClaimDatabaseError:
        return ClaimDatabaseError(
            f"claim {self._name(a, False)} mirrors claim {self._name(b, True)}: its when[{j}] "
            f"is when[{k}] of {b.id!r} with the opposite polarity (the same all/any "
            "concepts); write the two once, as a proposition with a 'negated' denial",
            where=self.locations.get(a.id),
            code="TC109")

    def check_references(self) -> list[ClaimDatabaseError]:
        """Find references to concepts or figures that do not exist."""
        return [*self._concept_reference_errors(), *self._claim_reference_errors()]

    def _concept_reference_errors(self) -> list[ClaimDatabaseError]:
        """Concepts that include, refer to or borrow from something that does not exist."""
        errors = []
        groups = {lexeme.context for lexeme in self.concepts.values() if lexeme.context}
        for label, lexeme in self.concepts.items():
            # a claim's own label (``<claim id>/LABEL``) is written in that claim
            where = (self.locations.get(label.rpartition(SCOPE)[0], "?") if SCOPE in label
                     else "concepts.yaml")
            for inc in lexeme.includes:
                if inc not in self.concepts:
                    errors.append(ClaimDatabaseError(
                        f"concept {label} includes unknown concept {inc!r}",
                        where=where, code="TC105"))
            for target in lexeme.refers:
                if target not in self.concepts:
                    errors.append(ClaimDatabaseError(
                        f"concept {label} refers to unknown concept {target!r}",
                        where=where, code="TC105"))
            for group in lexeme.borrows:
                if group not in groups:
                    errors.append(ClaimDatabaseError(
                        f"concept {label} borrows unknown context group {group!r}; known: "
                        f"{', '.join(sorted(groups)) or 'none'}", where=where,
                        code="TC105"))
        return errors

    def _spells_out_errors(self, claim: Claim, where: str | None) -> list[ClaimDatabaseError]:
        """A claim's ``spells_out`` naming a claim or concept that does not exist."""
        errors = []
        unknown = sorted({*claim.spells_out_unless, *claim.spells_out_needs}
                         - self.concepts.keys())
        if unknown:
            errors.append(ClaimDatabaseError(
                f"claim {claim.id!r} names in spells_out unknown concept(s) "
                f"{', '.join(unknown)}; known: see concepts.yaml", where=where, code="TC105"))
        for other in sorted(set(claim.spells_out) - self.by_id.keys()):
            errors.append(ClaimDatabaseError(
                f"claim {claim.id!r} spells_out unknown claim {other!r}", where=where,
                code="TC105"))
        return errors

    def _claim_reference_errors(self) -> list[ClaimDatabaseError]:
        """Claims whose conditions, anchors or figure name something that does not exist."""
        errors = []
        for claim in self.claims:
            where = self.locations.get(claim.id)
            for condition in claim.when:
                unknown = sorted(condition.concepts() - self.concepts.keys())
                if unknown:
                    errors.append(ClaimDatabaseError(
                        f"claim {claim.id!r} uses unknown concept(s) {', '.join(unknown)}; "
                        f"known: see concepts.yaml", where=where, code="TC105"))
            errors.extend(self._spells_out_errors(claim, where))
            unknown = sorted(set(claim.completed_by) - self.concepts.keys())
            if unknown:
                errors.append(ClaimDatabaseError(
                    f"claim {claim.id!r} is completed_by unknown concept(s) "
                    f"{', '.join(unknown)}; known: see concepts.yaml", where=where,
                    code="TC105"))
            anchors = {claim.anchor, *(c.anchor for c in claim.when)} - {None}
            for anchor in sorted(a for a in anchors if a not in self.concepts):
                errors.append(ClaimDatabaseError(
                    f"claim {claim.id!r} anchors its amount to unknown concept "
                    f"{anchor!r}; known: see concepts.yaml", where=where, code="TC105"))
            remainders = {c.remainder_of for c in claim.when} - {None}
            for figure in sorted(f for f in remainders if f not in self.figures):
                errors.append(ClaimDatabaseError(
                    f"claim {claim.id!r} names unknown figure {figure!r} in remainder_of; "
                    f"known: {', '.join(sorted(self.figures)) or 'none'}", where=where,
                    code="TC106"))
            for figure in (f for f in claim.unless_top_of if f not in self.figures):
                errors.append(ClaimDatabaseError(
                    f"claim {claim.id!r} names unknown figure {figure!r} in unless_top_of; "
                    f"known: {', '.join(sorted(self.figures)) or 'none'}", where=where,
                    code="TC106"))
            if claim.figure and claim.figure not in self.figures:
                errors.append(ClaimDatabaseError(
                    f"claim {claim.id!r} names unknown figure {claim.figure!r}; known: "
                    f"{', '.join(sorted(self.figures)) or 'none'}", where=where, code="TC106"))
        for figure in self.figures.values():
            if figure.change_of is not None and figure.change_of not in self.figures:
                errors.append(ClaimDatabaseError(
                    f"figure {figure.id!r} is the change of unknown figure "
                    f"{figure.change_of!r}", where=None, code="TC106"))
        return errors
