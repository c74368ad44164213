"""Pydantic models of the claim database: claims, figures, concepts and cues."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from taxcheck.cues import Direction

Verdict = Literal["false", "misleading", "outdated", "accurate"]
Severity = Literal["error", "warning", "info"]
Polarity = Literal["affirmed", "negated", "any"]
Confidence = Literal["high", "medium", "low"]
Unit = Literal["usd", "percent", "age"]

DEFAULT_SEVERITY: dict[str, Severity] = {
    "false": "error",
    "outdated": "warning",
    "misleading": "warning",
    "accurate": "info",
}


class _Strict(BaseModel):
    # defer_build: a check unpickles the compiled database and validates nothing, so the
    # validators (about half the cost of defining these classes) are built on first use
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              defer_build=True)


class Citation(_Strict):
    """An authoritative source: IRS publication, notice, ruling, IRC section or statute."""

    title: str = Field(min_length=3)
    url: str

    @field_validator("url")
    @classmethod
    def _url_is_web_address(cls, value: str) -> str:
        parts = urlsplit(value)
        host = parts.hostname or ""
        if (parts.scheme not in ("https", "http") or " " in value or "." not in host
                or host.startswith(".") or host.endswith(".")):
            raise ValueError(f"url must be an http(s) address with a host name, got {value!r}")
        return value


class YearRange(_Strict):
    """Tax years, inclusive; an open end means "still in force" or "since always"."""

    from_: int | None = Field(default=None, alias="from", ge=1900, le=2100)
    to: int | None = Field(default=None, ge=1900, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> YearRange:
        if self.from_ is not None and self.to is not None and self.from_ > self.to:
            raise ValueError(f"'from' ({self.from_}) is after 'to' ({self.to})")
        return self

    def contains(self, year: int) -> bool:
        return (self.from_ is None or year >= self.from_) and (self.to is None or year <= self.to)


class Condition(_Strict):
    """One way a sentence can state a claim: concepts present/absent plus polarity."""

    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    polarity: Polarity = "affirmed"
    stated_year: YearRange | None = None
    """When set, the sentence must name a tax year in this range (e.g. "before 2018")."""
    past: bool = False
    """When true, the clause must speak of the past ("back then", "even then", "had been"):
    for claims about what an old rule was."""
    present: bool = False
    """When true, the clause, its subordinate clauses set aside, must not be told in the
    simple past with no verb of the present ("You had to close every account of the same
    type", "The shortfall went on Schedule A"; not "Deductible only if you had after-tax
    money"): for an abolished rule told as today's, where a clause in the past tells how it
    was."""
    none_nearby: tuple[str, ...] = ()
    """Concepts that rule the condition out when the clause leaves one of its concepts
    implied and the background it borrows from (title, heading, last sentences) names one
    of them: "That loss is gone for good" after a question about buying back in an IRA is
    not said of an ordinary wash sale."""
    none_around: tuple[str, ...] = ()
    """Concepts that rule the condition out when the section's heading or its last few
    sentences (not the title) name one of them, whether or not the clause borrows anything:
    the claim's words there are another topic's ("deposit $9,000 into an IRA by October 15 with an
    extension" right after a loan offset is the offset's rollover, not a contribution)."""
    implied: tuple[str, ...] = ()
    """Concepts of ``all``/``any`` the sentence may leave unsaid when the article's title,
    the section's heading or an earlier sentence of the section names them ("The count
    uses trading days" in a section about wash sales)."""
    anchor: str | None = None
    """For numeric claims: the concept the amount belongs to when this condition is met
    (overrides the claim's ``anchor``)."""
    remainder_of: str | None = None
    """The id of a figure table: the clause's sentence (with the sentence before it in its
    paragraph) must state two amounts, one of them the table's value for some year less
    the other ("your employer chips in $5,000, so you can only defer $19,500": the worked
    example of a rule that takes one from the other)."""
    repeats_amount: bool = False
    """The clause's sentence (with the sentence before it in its paragraph) must state
    one amount twice ("Sold $50,000 of stock? That's $50,000 added to your AGI": the whole
    amount carried over, a worked example of a rule that counts all of it)."""
    adds_up_old_part: bool = False
    """The clause states a total of its worked example that adds up an amount the page gave,
    earlier in the example, as an earlier year's value of a limit (the 2025 catch-up in a
    2026 example: "... tops up with the $7,500 catch-up and gets $9,000 of profit sharing.
    That's $41,000 going in this year."): the total carries the stale value
    (:mod:`taxcheck.matching.worked_totals`)."""
    keeps_share: float | None = Field(default=None, gt=0, lt=1)
    """The clause's sentence (with the sentence before it in its paragraph) must state two
    dollar amounts, one this share of the other: what is left of a payout after a rate is
    held back ("on a $10,000 request, plan on about $8,000 reaching your account": 0.8, the
    worked example of a 20% withholding)."""
    mirror: bool = True
    """For a proposition with a ``negated`` denial: False keeps this condition out of the
    denial (its words, denied, do not state the denial: "only the gain is taxed" denied is
    not "the gain is taxed twice")."""

    @model_validator(mode="after")
    def _needs_concepts(self) -> Condition:
        if not self.all and not self.any:
            raise ValueError("a condition needs at least one concept in 'all' or 'any'")
        if self.past and self.present:
            raise ValueError("a condition cannot be both 'past' and 'present'")
        stray = sorted(set(self.implied) - {*self.all, *self.any})
        if stray:
            raise ValueError(f"'implied' concepts must also be in 'all' or 'any': {stray}")
        return self

    def concepts(self) -> set[str]:
        return {*self.all, *self.any, *self.none, *self.implied, *self.none_nearby,
                *self.none_around}

    def flipped(self) -> Condition:
        """This condition with the opposite polarity (affirmed <-> negated)."""
        return self.model_copy(
            update={"polarity": OPPOSITE_POLARITY.get(self.polarity, self.polarity)})

    def mirrors(self, other: Condition) -> bool:
        """True when ``other`` is this condition with the opposite polarity: the two state
        one proposition and its denial."""
        if self.polarity == "any" or other.polarity != OPPOSITE_POLARITY[self.polarity]:
            return False
        return (self.model_dump(exclude={"polarity", "mirror"})
                == other.model_dump(exclude={"polarity", "mirror"}))

    def near_mirrors(self, other: Condition) -> bool:
        """True when ``other`` names the same concepts (``all`` and ``any``, in any order)
        with the opposite polarity: the two state one proposition and its denial, whatever
        their ``none``, ``implied``, ``anchor``, ``stated_year`` or ``past`` (those narrow
        where a statement is read, not what it states)."""
        return (self.polarity != "any" and other.polarity == OPPOSITE_POLARITY[self.polarity]
                and set(self.all) == set(other.all) and set(self.any) == set(other.any))


OPPOSITE_POLARITY: dict[str, Polarity] = {"affirmed": "negated", "negated": "affirmed"}
"""The polarity a denial of a statement has (``"any"`` has none)."""


class Examples(_Strict):
    """Sentences that state the claim (``match``: it is reported with its verdict), that
    deny it (``negated``: a proposition's denial is reported with its verdict and the
    claim stays quiet) and that state neither (``no_match``)."""

    match: tuple[str, ...] = Field(min_length=1)
    no_match: tuple[str, ...] = Field(min_length=1)
    negated: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    """Sentences that tell the claim as the past ("Plans used to freeze your contributions
    for six months"): its ``history`` is reported (accurate) and the claim stays quiet."""


class DenialCondition(Condition):
    """A condition of a denial alone (``negated.when``): not mirrored, not a figure's."""

    @field_validator("mirror")
    @classmethod
    def _not_mirrored(cls, value: bool) -> bool:
        if not value:
            raise ValueError("only a proposition's own conditions are mirrored; remove it here")
        return value

    @field_validator("anchor")
    @classmethod
    def _no_anchor(cls, value: str | None) -> str | None:
        if value is not None:
            raise ValueError("'anchor' is for numeric claims")
        return value


class Denial(_Strict):
    """What a clause denying a proposition states: the id it is reported under, its verdict
    and its words. Its conditions are the proposition's (all but those marked
    ``mirror: false``) with the opposite polarity, then ``when``: ways to state the denial in
    words of its own ("only the gain is income" denies "the gain is taxed twice")."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
    verdict: Verdict
    says: str
    correction: str = "No change needed."
    severity: Severity | None = None
    when: tuple[DenialCondition, ...] = ()
    """Conditions of the denial alone, each with its own polarity (as written)."""
    years: YearRange | None = None
    """The tax years the denial's verdict holds for (default: the proposition's)."""

    @field_validator("verdict", mode="before")
    @classmethod
    def _yaml_false_is_a_verdict(cls, value: object) -> object:
        return "false" if value is False else value


class History(_Strict):
    """What a clause telling a since-changed rule as the past states ("RMDs used to begin at
    70½", "Before 2018 you could undo a conversion", "Plans had to make you borrow first"):
    the id it is reported under (accurate) and its words. Its conditions are the claim's,
    met only by a clause about the past (``past: true``), then ``when``: ways to tell it of
    its own (each made ``past: true`` too)."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
    says: str
    correction: str = "No change needed."
    when: tuple[DenialCondition, ...] = ()


BlockKind = Literal["title", "heading", "paragraph", "list_item", "quote", "table_cell"]


class Claim(_Strict):
    """A statement articles make, with its verdict, the correct rule and its sources."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
    topic: str = ""
    fact: str | None = Field(default=None, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    """The id of the entry in the team's fact sheet this claim rests on (lower-case, dashes)."""
    also_facts: tuple[Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")], ...] = ()
    """Other entries of the fact sheet that state this same rule: section L restates some
    rules of earlier sections under entries of its own ("the IRS waives the 10% penalty for
    a hardship" is wrong under both the hardship entry of section F and that of section L).
    ``taxcheck eval`` counts a finding for a gold sentence of any of them."""
    verdict: Verdict | None = None
    severity: Severity | None = None
    confidence: Confidence = "high"
    says: str
    rule: str
    correction: str
    citations: tuple[Citation, ...] = Field(min_length=1)
    years: YearRange = YearRange()
    figure: str | None = None
    """For numeric claims: the figure table the stated amount is checked against."""
    anchor: str | None = None
    """For numeric claims: the concept the amount belongs to (the nearest amount is checked);
    defaults to the first concept of the matching condition."""
    unless_top_of: tuple[str, ...] = ()
    """For a proposition: range figures whose top end, stated as the clause's amount for its
    year, makes the clause right ("earn more than $165,000 and you can't contribute to a Roth
    IRA" in 2025 names the top of the range, not its start presented as a cutoff)."""
    completed_by: tuple[str, ...] = ()
    """Concepts (usually the claim's own terms) that complete a partial statement of it when
    the next sentence of the paragraph or list names them in an affirmed statement ("... only
    if they come from a federally declared disaster. Starting in 2026, disasters declared by a
    state qualify as well."): the pair states today's rule
    (:mod:`taxcheck.matching.completions`)."""
    spells_out: tuple[str, ...] = ()
    """Claim ids whose finding on the sentence before, in its paragraph or list item, becomes
    this claim's when its false finding is on the next sentence and the sentence before names
    none of ``spells_out_unless`` ("Cash out every IRA you own. Traditional and Roth IRAs are
    lumped together for this test.": :mod:`taxcheck.matching.spelled_out`)."""
    spells_out_needs: tuple[str, ...] = ()
    """Concepts a sentence before must all name to take this claim by ``spells_out`` (the
    step itself: emptying, and the IRAs named; not "you have to get all of it out")."""
    spells_out_unless: tuple[str, ...] = ()
    """Concepts that keep a sentence before from taking this claim by ``spells_out``."""
    when: tuple[Condition, ...] = Field(min_length=1)
    examples: Examples
    kind: Literal["proposition", "figure"] | None = None
    """``figure`` for numeric claims (a ``figure`` table), else ``proposition``; filled in
    when omitted."""
    scope: tuple[BlockKind, ...] = ()
    """The kinds of block the claim applies to (empty: every kind)."""
    negated: Denial | None = None
    """For a proposition: what a clause that denies it states (``affirmed: false, negated:
    accurate`` and the like). The loader turns it into a claim of its own, ``negated.id``,
    whose conditions are these with the opposite polarity, so the proposition and its
    denial are written once."""
    denial_of: str | None = None
    """Set by the loader on the claim it makes from a proposition's ``negated``; never
    written in a claim file."""
    history: History | None = None
    """For an outdated proposition (a rule since changed, ``years.from``): what a clause
    that tells it as the past states. The loader turns it into an accurate claim of its own,
    ``history.id``, whose conditions are these met by a clause about the past; a clause told
    in the simple past with no year from ``years.from`` on is about the past for both."""
    history_of: str | None = None
    """Set by the loader on the claim it makes from a proposition's ``history``; never
    written in a claim file."""
    terms: dict[str, Lexeme] = {}
    """Vocabulary of this claim alone: LABEL -> the ways to write it, as a concepts.yaml
    entry. Only this claim's conditions (and its denial's) see a label of it; the loader
    files it as ``<claim id>/LABEL`` (:data:`SCOPE`), so labels of two claims never meet. A
    label a concepts.yaml label shadows, or a phrase another label lists, is an error."""

    @field_validator("verdict", mode="before")
    @classmethod
    def _yaml_false_is_a_verdict(cls, value: object) -> object:
        # YAML reads a bare `verdict: false` as the boolean False.
        return "false" if value is False else value

    @field_validator("terms")
    @classmethod
    def _term_labels(cls, value: dict[str, Lexeme]) -> dict[str, Lexeme]:
        for label in value:
            if not label.replace("_", "").isupper() or not label[0].isalpha():
                raise ValueError(f"label {label!r} must be UPPER_SNAKE_CASE")
        return value

    @property
    def fact_key(self) -> str:
        """The sheet's fact this claim states, or its own id when it names none: what the eval,
        dedupe and the post-processing steps compare."""
        return self.fact or self.id

    @property
    def fact_keys(self) -> frozenset[str]:
        """Every fact of the sheet the claim states: :attr:`fact_key` and its ``also_facts``."""
        return frozenset({self.fact_key, *self.also_facts})

    @model_validator(mode="after")
    def _verdict_or_figure(self) -> Claim:
        if self.figure is None and self.verdict is None:
            raise ValueError("a claim needs a 'verdict' (or a 'figure' for numeric claims)")
        if self.figure is not None and self.verdict is not None:
            raise ValueError("a numeric claim ('figure') gets its verdict from the figure table; "
                             "remove 'verdict'")
        if (self.anchor is not None or any(c.anchor for c in self.when)) and self.figure is None:
            raise ValueError("'anchor' is for numeric claims; add a 'figure' or remove 'anchor'")
        kind = "figure" if self.figure is not None else "proposition"
        if self.kind != kind:
            raise ValueError(f"kind: a claim {'with' if self.figure else 'without'} 'figure' "
                             f"is a {kind}")
        self._check_denial()
        self._check_history()
        return self

    @model_validator(mode="before")
    @classmethod
    def _default_kind(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("kind") is None:
            return {**data, "kind": "figure" if data.get("figure") else "proposition"}
        return data

    def _check_denial(self) -> None:
        if self.negated is None:
            if self.examples.negated and self.denial_of is None:
                raise ValueError("examples.negated needs a 'negated' denial to report")
            if not all(c.mirror for c in self.when) and self.denial_of is None:
                raise ValueError("mirror: false is for a proposition with a 'negated' denial")
            return
        if self.figure is not None:
            raise ValueError("negated: a numeric claim's verdict comes from its figure table")
        if self.negated.id == self.id:
            raise ValueError("negated.id must differ from the claim's id")
        if any(c.polarity == "any" and c.mirror for c in self.when):
            raise ValueError("negated: every condition needs a polarity (affirmed or negated) "
                             "to deny, or 'mirror: false'")
        if not any(c.mirror for c in self.when):
            raise ValueError("negated: at least one condition must be mirrored into the "
                             "denial (all are 'mirror: false')")
        if not self.examples.negated:
            raise ValueError("examples.negated: add sentences that deny the claim")

    def _check_history(self) -> None:
        if self.history is None:
            if self.examples.history and self.history_of is None:
                raise ValueError("examples.history needs a 'history' to report")
            return
        if self.verdict != "outdated" or self.years.from_ is None:
            raise ValueError("history: for an outdated claim with 'years: {from: ...}' (the "
                             "year the rule changed)")
        if self.history.id in (self.id, self.negated.id if self.negated else None):
            raise ValueError("history.id must differ from the claim's id and its denial's")
        if not self.examples.history:
            raise ValueError("examples.history: add sentences that tell the claim as the past")

    def history_claim(self) -> Claim | None:
        """The claim a clause telling this proposition as the past states, or None: its
        conditions met by a clause about the past, whatever year it speaks of."""
        if self.history is None:
            return None
        h = self.history
        told = tuple(c.model_copy(update={"past": True, "stated_year": None, "mirror": True})
                     for c in (*self.when, *h.when))
        return self.model_copy(update={
            "id": h.id, "verdict": "accurate", "severity": None, "says": h.says,
            "correction": h.correction, "negated": None, "history": None,
            "history_of": self.id, "years": YearRange(), "when": told,
            "examples": Examples(match=self.examples.history,
                                 no_match=self.examples.match + self.examples.no_match)})

    def denial(self) -> Claim | None:
        """The claim a denial of this proposition states, or None."""
        if self.negated is None:
            return None
        d = self.negated
        return self.model_copy(update={
            "id": d.id, "verdict": d.verdict, "severity": d.severity, "says": d.says,
            "correction": d.correction, "negated": None, "denial_of": self.id,
            "years": d.years if d.years is not None else self.years,
            "when": tuple(c.flipped() for c in self.when if c.mirror) + d.when,
            "examples": Examples(match=self.examples.negated,
                                 no_match=self.examples.match + self.examples.no_match)})

    def severity_for(self, verdict: str) -> Severity:
        """Severity of a finding with ``verdict`` (a claim's own severity wins)."""
        if self.severity and verdict == self.verdict:
            return self.severity
        return DEFAULT_SEVERITY[verdict]


class Figure(_Strict):
    """A number that changes by tax year (a limit, an age, a rate), with its source.

    A year's value may also be a list: the two ends of a range (``[79000, 89000]`` for a
    phase-out, ``style: range``) or several right answers (``[50, 20, 10]`` for the rates of
    a credit, ``style: choices``). A stated amount equal to any of them is right.
    """

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
    name: str
    unit: Unit
    values: dict[int, float | tuple[float, ...]] = Field(min_length=1)
    style: Literal["range", "choices"] = "range"
    """How a list of values reads: "$79,000-$89,000" or "50%, 20% or 10%"."""
    total: bool = False
    """The values are sums of limits ("$24,500 + $8,000 = $32,500"): only an amount stated as
    a total ("for a total of", "comes to", "brings ... to", "=") is checked against them, and
    a total is never checked against a single limit."""
    difference: bool = False
    """The values are yearly changes of a limit ("up $1,000 for 2026"): only an amount stated
    as a difference ("up $500", "rose by $1,000", "a $1,000 bump") is checked against them, and
    a difference is never checked against a limit."""
    change_of: str | None = None
    """For a ``difference``: the figure whose yearly change it is. The change told beside that
    figure's own amount ("$23,500, up $500 from last year's $23,000") is context of the
    amount: with the amount wrong in the same way, only the amount is reported."""
    lesser_of: bool = False
    """The value is one side of "the lesser of this amount or a share of a balance" (the plan
    loan cap): in a worked example that names the balance, a smaller amount can be the other
    side, so only an amount above the value is wrong there."""
    rate_base: bool = False
    """The values are the amount a rate is taken of (the Saver's Credit: "50%, 20% or 10% of up
    to $2,000"): an amount a percentage is "of" is checked only against such a figure; for
    any other it is a base or a worked example, not a limit ("10% of up to $2,000 you put
    into an IRA" states no IRA limit)."""
    misprints: dict[int, tuple[float, ...]] = {}
    """Wrong values the fact sheet names for a year ("one news copy printed $34,750" for the
    2026 total): stated for that year they are `false`, even when an earlier year had them."""
    wage_year_lag: int = 0
    """The values apply to the tax year this many years after the year of what they measure
    (the Roth catch-up threshold for 2026 is on 2025 wages): a year written right after the
    amount ("earned more than $145,000 in 2025") is the measured year when the clause's own
    year is that many years later."""
    citations: tuple[Citation, ...] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _plausible_values(self) -> Figure:
        low, high = {"usd": (0, 10_000_000), "percent": (0, 100), "age": (18, 100)}[self.unit]
        for year in self.values:
            if not 1900 <= year <= 2100:
                raise ValueError(f"values: {year} is not a tax year")
            values = self.choices(year)
            if not values:
                raise ValueError(f"values: {year}: an empty list")
            for value in values:
                if not low <= value <= high:
                    raise ValueError(f"values: {year}: {value:g} is not a plausible {self.unit} "
                                     f"value ({low}-{high})")
        return self

    def choices(self, year: int) -> tuple[float, ...]:
        """The right values for ``year`` (one, or the ends of a range); empty when unknown."""
        value = self.values.get(year)
        if value is None:
            return ()
        return tuple(value) if isinstance(value, tuple) else (value,)

    def matches(self, year: int, amount: float) -> bool:
        """Whether ``amount`` is a right value for ``year``."""
        return any(abs(amount - v) < 1e-9 for v in self.choices(year))

    def misprint(self, year: int, amount: float) -> bool:
        """Whether the fact sheet names ``amount`` as a misprint of ``year``'s value."""
        return any(abs(amount - v) < 1e-9 for v in self.misprints.get(year, ()))

    def format(self, value: float) -> str:
        if self.unit == "usd":
            return f"${value:,.0f}"
        if self.unit == "percent":
            return f"{value:g}%"
        return "59½" if value == 59.5 else f"{value:g}"

    def format_year(self, year: int) -> str:
        """The right value(s) for ``year`` as text: "$24,500", "$79,000-$89,000"."""
        parts = [self.format(v) for v in self.choices(year)]
        if len(parts) == 1:
            return parts[0]
        if self.style == "range":
            return "\u2013".join(parts)
        return ", ".join(parts[:-1]) + " or " + parts[-1]


class FigureYears(_Strict):
    """Years a house claim folder adds to a figure of an earlier folder (``figures.yaml``
    entry with only ``id``, ``values`` and ``citations``): the new years' values and the
    source that announced them. Years the figure already has cannot be changed this way."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
    values: dict[int, float | tuple[float, ...]] = Field(min_length=1)
    citations: tuple[Citation, ...] = Field(min_length=1)
    note: str | None = None
_TOKEN_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "POS", "TAG", "MORPH", "DEP", "LEMMA", "SHAPE", "ENT_TYPE",
    "ENT_IOB", "ENT_ID", "ENT_KB_ID", "NORM", "LENGTH", "SPACY", "IS_ALPHA", "IS_ASCII",
    "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_BRACKET",
    "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "IS_STOP", "IS_SENT_START",
    "SENT_START", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"})
"""Token attributes a spaCy pattern may test."""
_PREDICATES = frozenset({"REGEX", "IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS",
                         "FUZZY", *(f"FUZZY{n}" for n in range(1, 10)),
                         "==", "!=", ">=", "<=", ">", "<"})
_OPERATOR = re.compile(r"^(?:[!?+*]|\{\d*(?:,\d*)?\})$")
_SCALAR = (str, int, float, bool)
_TEXT_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "LEMMA", "NORM", "SHAPE", "POS", "TAG", "DEP",
                         "ENT_TYPE", "ENT_ID", "ENT_KB_ID", "MORPH"})
"""Attributes whose values are words: a bare YAML ``on``, ``off``, ``yes`` or ``no`` there
is read as a boolean, which spaCy rejects only when the first article is checked."""


SCOPE = "/"
"""Joins a claim's id and a label of its ``terms``: ``ira-loss-counts-for-amt/AMT`` (not a
colon: spaCy's config, which carries the labels of ``hides``, reads one as a separator)."""


def local_label(label: str) -> str:
    """A label as written in its claim file: ``LABEL`` for ``<claim id>/LABEL``."""
    return label.rpartition(SCOPE)[2]


def _check_pattern(pattern: list[dict]) -> list[dict]:
    """A spaCy token pattern that spaCy will accept: fail at load, with the file and
    line, rather than when the first article is checked."""
    if not pattern:
        raise ValueError("a token pattern needs at least one token")
    for n, token in enumerate(pattern, 1):
        for key, value in token.items():
            _check_token_test(n, key, value)
    return pattern


def _check_token_test(n: int, key: object, value: object) -> None:
    """One ``KEY: value`` of token ``n``: a known attribute with a value or tests, or OP."""
    where = f"token {n}, {key}"
    if key == "OP":
        if not (isinstance(value, str) and _OPERATOR.match(value)):
            raise ValueError(f"{where}: unknown operator {str(value)[:20]!r}")
        return
    if key not in _TOKEN_ATTRS:
        raise ValueError(f"token {n}: unknown attribute {str(key)[:30]!r}")
    if key in _TEXT_ATTRS:
        _check_words(where, value)
    if isinstance(value, _SCALAR):
        return
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected a value or a mapping of tests")
    for predicate, arg in value.items():
        _check_predicate(where, predicate, arg)


def _check_words(where: str, value: object) -> None:
    """Words, not booleans: ``LOWER: off`` or ``IN: [yes, no]`` unquoted in YAML."""
    args = value.values() if isinstance(value, dict) else [value]
    for arg in args:
        for item in arg if isinstance(arg, list) else [arg]:
            if isinstance(item, bool):
                raise ValueError(f"{where}: {str(item).lower()} is not a word (YAML reads a bare "
                                 "on, off, yes or no as true or false: quote it)")


def _check_predicate(where: str, predicate: object, arg: object) -> None:
    if predicate not in _PREDICATES:
        raise ValueError(f"{where}: unknown test {str(predicate)[:30]!r}")
    if predicate == "REGEX":
        if not isinstance(arg, str):
            raise ValueError(f"{where}: REGEX needs a string")
        try:
            re.compile(arg)
        except re.error as exc:
            raise ValueError(f"{where}: invalid regular expression ({exc})") from None
    elif isinstance(arg, list):
        if not all(isinstance(item, _SCALAR) for item in arg):
            raise ValueError(f"{where}: {predicate} needs a list of values")
    elif not isinstance(arg, _SCALAR):
        raise ValueError(f"{where}: {predicate} needs a value")


TokenPattern = Annotated[list[dict[str, Any]], AfterValidator(_check_pattern)]


class Lexeme(_Strict):
    """Ways to write one concept or cue: phrases, lemma sequences, token patterns."""

    description: str = ""
    includes: tuple[str, ...] = ()
    hides: tuple[str, ...] = ()
    """Concepts a fixed phrase of this one hides when it contains them ("capital losses"
    is a CAPITAL_LOSS, not also a LOSS)."""
    context: str | None = None
    """A context group ("account", "loss"): a clause that lacks every concept of the group
    but points back ("these losses", "it") takes them from the heading or previous sentence."""
    borrows: tuple[str, ...] = ()
    """Context groups a clause with this concept takes from the discourse when it states an
    amount but names nothing of the group: "Workers 50 and older can add $3,500" (AGE_50
    borrows "account") is about the plan of the last sentences, else of its heading or title."""
    refers: tuple[str, ...] = ()
    """Concepts a reference of this kind stands for: "the credit" (refers to SAVERS_CREDIT
    or SAVERS_MATCH) takes the one named in the last few sentences."""
    terms: tuple[str, ...] = ()
    """Phrases matched case-insensitively, token by token."""
    lemmas: tuple[str, ...] = ()
    """Word sequences matched by lemma, so "roll over" also finds "rolled over"."""
    patterns: tuple[TokenPattern, ...] = ()
    """Raw spaCy token patterns, for what terms and lemmas cannot say (checked at load:
    known attributes and operators, regular expressions that compile)."""


class Cue(Lexeme):
    """The words of one cue category (``claims/cues.yaml``) and how far a cue reaches.

    As in medspaCy's ConText, a cue modifies the concepts of its clause that stand in its
    ``direction`` within ``max_scope`` tokens; without ``max_scope`` it reaches the whole
    clause. Only NEGATION uses the scope today.
    """

    direction: Direction = "bidirectional"
    max_scope: int | None = Field(default=None, ge=1)


class ClaimFile(_Strict):
    """One YAML file of the database: a topic and its claims."""

    topic: str
    description: str = ""
    claims: tuple[Claim, ...] = ()


Claim.model_rebuild()  # ``terms`` holds Lexemes, defined after Claim
