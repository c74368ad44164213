"""Match candidate claims against the claim database and produce findings.

For each block in reading order the matcher keeps a small discourse context: the
concepts of each context group ("account", "loss") last named by a heading or a
sentence. A clause that points back ("these losses", "the loss", an imperative
heading) and lacks a group takes it from that context.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import Citation, Claim, Condition, Figure
from taxcheck.documents import Block, Document
from taxcheck.findings import Contradiction, Finding, Step, finding_id
from taxcheck.nlp.candidates import Candidate, ConceptMention
from taxcheck.nlp.quantities import NEW_YEAR, Quantity, find_quantities

BASE_CONFIDENCE = {"high": 0.95, "medium": 0.8, "low": 0.6}
HEDGE_PENALTY = 0.15
CONTEXT_PENALTY = 0.1
STATEMENT_KINDS = {"paragraph", "list_item", "quote"}
HEADING_KINDS = {"title", "heading"}
CONTEXT_WINDOW = 3
"""How many sentences back a pronoun may reach for its account or loss."""
IMPLIED_WINDOW = 5
"""How many sentences back (inside the section) a condition's implied concepts may come from;
the title and the section's heading always count."""
AMOUNT_KINDS = ("usd", "percent", "age")
_AMOUNT_THEN_YEAR = re.compile(r"^\s*(?:in|for|during)\s+(?:tax\s+year\s+)?$", re.IGNORECASE)
"""What may stand between an amount and the year it belongs to ("$23,000 in 2024")."""
_TOTAL = re.compile(r"\b(?:total(?:\s+of)?|altogether|all\s+told)\s*$", re.IGNORECASE)
"""An amount given as a total ("for a total of $31,000") adds several limits up."""
_REASON = re.compile(r"^[,;]?\s*because\b", re.IGNORECASE)
"""A clause that gives the reason for the one before it (", because ...")."""
_BIRTH_YEAR = re.compile(r"\bborn\s+(?:in\s+|after\s+|before\s+|from\s+)?$", re.IGNORECASE)
"""A year of birth ("born in 1960") is not a tax year the clause speaks of."""


@dataclass(frozen=True)
class ClauseYears:
    """The tax years a clause speaks of."""

    frame: int
    """The year the clause is about: the first year it names that is not tied to an amount,
    else a relative year ("next year"), else its section's year, else the as-of year."""
    stated: tuple[int, ...] = ()
    """Every year the clause names, relative years resolved."""
    bound: dict[int, int] = field(default_factory=dict)
    """Years tied to one amount ("up from $23,000 in 2024"), by the amount's offset."""

    def of(self, amount: Quantity) -> int:
        return self.bound.get(amount.start, self.frame)


def relative_year(q: Quantity, reference: dt.date) -> int:
    """The year a relative expression ("next year", "the new year") means on ``reference``."""
    if q.value == NEW_YEAR:
        return reference.year + (1 if reference.month >= 7 else 0)
    return reference.year + int(q.value)


def clause_years(cand: Candidate, default: int, reference: dt.date) -> ClauseYears:
    """The years of a clause; ``default`` is its section's year or the as-of year."""
    explicit = [q for q in cand.quantities if q.kind == "year"
                and not _BIRTH_YEAR.search(cand.text[:q.start - cand.start])]
    relative = [relative_year(q, reference) for q in cand.quantities if q.kind == "relyear"]
    bound: dict[int, int] = {}
    tied: set[int] = set()
    for amount in (q for q in cand.quantities if q.kind in AMOUNT_KINDS):
        for year in explicit:
            gap = cand.text[amount.end - cand.start:year.start - cand.start]
            if year.start >= amount.end and _AMOUNT_THEN_YEAR.match(gap):
                bound[amount.start] = int(year.value)
                tied.add(year.start)
                break
    free = [int(q.value) for q in explicit if q.start not in tied]
    frame = free[0] if free else relative[0] if relative else default
    return ClauseYears(frame, tuple(int(q.value) for q in explicit) + tuple(relative), bound)


def heading_year(block: Block) -> int | None:
    """The tax year a title or heading names ("For 2026: the new limits"), if one."""
    years = {int(q.value) for q in find_quantities(block.text) if q.kind == "year"}
    return years.pop() if len(years) == 1 else None


@dataclass(frozen=True)
class Match:
    """A claim whose condition a candidate meets."""

    claim: Claim
    condition: Condition
    concepts: frozenset[str]
    verdict: str
    message: str
    rule: str
    correction: str
    steps: tuple[Step, ...]
    citations: tuple[Citation, ...]
    implied: frozenset[str] = frozenset()
    """Concepts taken from the title or section, not named by the clause."""


def _condition_met(cond: Condition, labels: frozenset[str], cand: Candidate,
                   years: ClauseYears, ambient: frozenset[str] = frozenset()
                   ) -> frozenset[str] | None:
    """None when ``cand`` does not meet ``cond``; else the concepts it leaves implied.

    ``years`` are the tax years the clause speaks of. ``ambient`` holds the concepts of the
    title and of the section so far; a condition's ``implied`` concepts may come from there
    when the clause does not name them.
    """
    borrowed = frozenset(c for c in cond.implied if c not in labels and c in ambient)
    have = labels | borrowed
    if not have.issuperset(cond.all):
        return None
    if cond.any and not have.intersection(cond.any):
        return None
    if labels.intersection(cond.none):
        return None
    if cond.polarity != "any" and cond.polarity != cand.polarity:
        return None
    if cond.stated_year is not None:
        # the year the clause is about, not any year it names ("from 2026, anyone who
        # earned more than $150,000 in 2025 ...")
        if not (years.stated and cond.stated_year.contains(years.frame)):
            return None
    elif cond.past:
        if not cand.historical:
            return None
    # A clause about the past ("was", "used to") states no rule for today.
    elif cand.historical:
        return None
    needed = set(borrowed.intersection(cond.all))
    if cond.any and not labels.intersection(cond.any):
        needed |= borrowed.intersection(cond.any)
    return frozenset(needed)


GAP_PENALTY = 40
"""Extra distance between an amount and a concept separated by a comma or semicolon: in
"the IRA limit stays at $7,000, and the IRA catch-up remains $1,000" the catch-up is
$1,000."""


def _distance(q: Quantity, m: ConceptMention, cand: Candidate | None = None) -> int:
    distance = min(abs(q.start - m.end), abs(m.start - q.end))
    if cand is not None:
        lo, hi = min(q.end, m.end), max(q.start, m.start)
        if any(ch in ",;" for ch in cand.text[lo - cand.start:hi - cand.start]):
            distance += GAP_PENALTY
    return distance


def _nearest(quantities: Iterable[Quantity], cand: Candidate, anchor: str) -> Quantity | None:
    mentions = [c for c in cand.concepts if c.label == anchor] or list(cand.concepts)
    best, best_distance = None, None
    for q in quantities:
        distance = min(_distance(q, m, cand) for m in mentions)
        if best_distance is None or distance < best_distance:
            best, best_distance = q, distance
    return best


def _anchor(claim: Claim, cond: Condition) -> str:
    return cond.anchor or claim.anchor or (cond.all or cond.any)[0]


def _assign(amounts: list[Quantity], cand: Candidate, anchors: set[str]) -> dict[str, Quantity]:
    """Give each anchor concept its own amount, the closest pairs first.

    In "the 401(k) limit is $23,500, plus a $7,500 catch-up" the catch-up takes $7,500 and
    the 401(k) limit $23,500, so neither is checked against the other's figure.
    """
    pairs = sorted((_distance(q, m, cand), i, m.label)
                   for i, q in enumerate(amounts) for m in cand.concepts if m.label in anchors)
    owner: dict[str, Quantity] = {}
    taken: set[int] = set()
    for _, i, label in pairs:
        if label not in owner and i not in taken:
            owner[label] = amounts[i]
            taken.add(i)
    return owner


def _check_figure(claim: Claim, figure: Figure, cond: Condition, cand: Candidate,
                  years: ClauseYears, anchors: set[str]) -> tuple[str, str, str, str, Step] | None:
    """Compare the stated amount with the figure for its year; None when nothing to check.

    ``anchors`` are the anchors of the numeric claims (same unit) the candidate meets; when
    the claim's anchor is named, it gets the amount closest to it that no other anchor
    is closer to. The amount's year is the one written next to it ("$23,000 in 2024"), else
    the clause's.
    """
    amounts = [q for q in cand.quantities
               if q.kind == figure.unit and _plausible(figure, q.value)
               and not _TOTAL.search(cand.text[:q.start - cand.start])]
    if not amounts:
        return None
    anchor = _anchor(claim, cond)
    if any(m.label == anchor for m in cand.concepts):
        quantity = _assign(amounts, cand, anchors | {anchor}).get(anchor)
    else:
        quantity = _nearest(amounts, cand, anchor)
    if quantity is None:
        return None
    year = years.of(quantity)
    if year not in figure.values:
        return None
    stated = figure.format(quantity.value)
    right = figure.format_year(year)
    if figure.matches(year, quantity.value):
        return ("accurate", f"The {figure.name} for {year} is {right}.",
                f"The {figure.name} for {year} is {right}.", claim.correction,
                Step(stage="number", detail=f"{stated} matches {year}"))
    earlier = sorted((y for y in figure.values
                      if y < year and figure.matches(y, quantity.value)), reverse=True)
    rule = f"The {figure.name} for {year} is {right}. {claim.rule}".strip()
    correction = f"Use {right} for {year}." + (f" {claim.correction}" if claim.correction else "")
    if earlier:
        return ("outdated", f"{stated} was the {figure.name} for {earlier[0]}; for {year} it is "
                f"{right}.", rule, correction,
                Step(stage="number", detail=f"{stated} is the {earlier[0]} figure"))
    return ("false", f"{stated} is not the {figure.name} for {year}; it is {right}.", rule,
            correction, Step(stage="number", detail=f"{stated} matches no year's figure"))


PLAUSIBLE_RATIO = 5.0
"""An amount over 5 times a figure's largest value, or under a fifth of its smallest, is
another quantity of the sentence ("catch-ups count against the $72,000 limit"), not a
wrong value of this figure."""


def _plausible(figure: Figure, amount: float) -> bool:
    values = [v for year in figure.values for v in figure.choices(year)]
    if figure.unit != "usd" or any(abs(amount - v) < 1e-9 for v in values):
        return True
    values = [v for v in values if v > 0]
    if not values:
        return True
    return min(values) / PLAUSIBLE_RATIO <= amount <= max(values) * PLAUSIBLE_RATIO


def _matches(db: ClaimDatabase, cand: Candidate, labels: frozenset[str],
             years: ClauseYears, ambient: frozenset[str] = frozenset()) -> list[Match]:
    found: list[Match] = []
    met = [(claim, cond, implied) for claim in db.claims for cond in claim.when
           if (implied := _condition_met(cond, labels, cand, years, ambient)) is not None]
    anchors: dict[str, set[str]] = {}
    for claim, cond, _ in met:
        if claim.figure:
            anchors.setdefault(db.figures[claim.figure].unit, set()).add(_anchor(claim, cond))
    done: set[str] = set()
    for claim, cond, implied in met:
        if claim.id in done:
            continue
        used = frozenset(cond.all) | (labels | implied).intersection(cond.any)
        if claim.figure:
            figure = db.figures[claim.figure]
            result = _check_figure(claim, figure, cond, cand, years, anchors[figure.unit])
            if result is None:
                continue  # nothing to check here; another condition may find an amount
            done.add(claim.id)
            verdict, message, rule, correction, step = result
            found.append(Match(claim, cond, used, verdict, message, rule, correction,
                               (step,), _merge(claim.citations, figure.citations), implied))
            continue
        done.add(claim.id)
        if claim.years.contains(years.frame):
            found.append(Match(claim, cond, used, claim.verdict or "accurate",
                               claim.says, claim.rule, claim.correction, (),
                               claim.citations, implied))
    # A match whose concepts are a strict subset of another's says less: drop it, unless
    # both check numbers against different figures (each checks its own number), or the
    # other one adds only concepts it took from the section (a guess should not hide what
    # the clause itself says).
    return [m for m in found
            if not any(o is not m and m.concepts < o.concepts and not _checks_other_figure(m, o)
                       and not (o.concepts - m.concepts) <= o.implied for o in found)]


def _checks_other_figure(m: Match, o: Match) -> bool:
    return bool(m.claim.figure and o.claim.figure and m.claim.figure != o.claim.figure)


def _merge(first: tuple[Citation, ...], second: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """The claim's citations, then the figure table's sources it does not already cite."""
    urls = {c.url for c in first}
    return first + tuple(c for c in second if c.url not in urls)


REFERENCE_WINDOW = 6
"""How many sentences back a reference to a kind of thing ("the credit") may reach."""
GROUP_WINDOW = {"topic": 2, "person": 2, "feature": 1}
"""A pronoun reaches back only this many sentences for these groups ("it" is the hardship
withdrawal of this or the last sentence, not one three paragraphs up)."""


class _Context:
    """The concepts of each context group recently mentioned, for clauses that point back.

    A paragraph sentence that points back ("these losses", "it") takes a missing group
    from the last few sentences; a heading takes it from the section it introduces. A
    reference to a kind of thing ("the credit") takes the concept it can stand for
    (``refers`` in concepts.yaml) from the last few sentences, and counts as naming it.
    """

    def __init__(self, db: ClaimDatabase):
        self.groups: dict[str, set[str]] = {}
        for label, lexeme in db.concepts.items():
            if lexeme.context:
                self.groups.setdefault(lexeme.context, set()).add(label)
        self.borrows = {label: lexeme.borrows for label, lexeme in db.concepts.items()
                        if lexeme.borrows}
        self.refers = {label: lexeme.refers for label, lexeme in db.concepts.items()
                       if lexeme.refers}
        self.current: dict[str, tuple[frozenset[str], int]] = {}
        self.seen: dict[str, int] = {}
        self.sentence = 0

    def recent(self, earlier: bool = False) -> dict[str, frozenset[str]]:
        """The groups named in the last sentences (per :data:`GROUP_WINDOW`, else
        :data:`CONTEXT_WINDOW`); ``earlier`` leaves out the current sentence."""
        return {g: labels for g, (labels, seen) in self.current.items()
                if self.sentence - seen <= GROUP_WINDOW.get(g, CONTEXT_WINDOW)
                and not (earlier and seen >= self.sentence)}

    def previous(self) -> dict[str, frozenset[str]]:
        """The groups named in the sentence (or heading) just before this one."""
        return {g: labels for g, (labels, seen) in self.current.items()
                if seen == self.sentence - 1}

    def resolve(self, cand: Candidate, source: dict[str, frozenset[str]] | None = None,
                only: Iterable[str] | None = None, labels: set[str] | None = None
                ) -> tuple[set[str], list[Step]]:
        """Labels of ``cand`` plus missing groups from ``source`` (default: recent context).

        ``only`` limits the groups taken; ``labels`` replaces the candidate's own labels.
        """
        if source is None:
            source = self.recent()
        labels = set(cand.labels) if labels is None else set(labels)
        steps = []
        for group, members in self.groups.items():
            if only is not None and group not in only:
                continue
            if not labels & members and source.get(group):
                labels |= source[group]
                steps.append(Step(stage="context", detail=f"{group}: "
                                  f"{', '.join(sorted(source[group]))} from context"))
        return labels, steps

    def referred(self, cand: Candidate, labels: set[str]) -> tuple[set[str], list[Step]]:
        """Concepts that references in ``cand`` ("the credit") stand for, if named lately."""
        found: set[str] = set()
        steps: list[Step] = []
        for mention in cand.concepts:
            targets = self.refers.get(mention.label, ())
            options = [t for t in targets
                       if t in self.seen and self.sentence - self.seen[t] <= REFERENCE_WINDOW]
            if options and not (labels | found) & set(targets):
                latest = max(self.seen[t] for t in options)
                chosen = sorted(t for t in options if self.seen[t] == latest)
                found.update(chosen)
                steps.append(Step(stage="context",
                                  detail=f"{mention.text}: {', '.join(chosen)} from context"))
        return found, steps

    def borrowed(self, cand: Candidate) -> set[str]:
        """Groups that the concepts of a clause stating an amount borrow from the discourse."""
        if not any(q.kind in AMOUNT_KINDS for q in cand.quantities):
            return set()
        return {g for m in cand.concepts for g in self.borrows.get(m.label, ())}

    def groups_of(self, labels: Iterable[str]) -> dict[str, frozenset[str]]:
        labels = set(labels)
        return {g: frozenset(labels & m) for g, m in self.groups.items() if labels & m}

    def update(self, labels: Iterable[str]) -> None:
        labels = set(labels)
        for group, found in self.groups_of(labels).items():
            self.current[group] = (found, self.sentence)
        for label in labels:
            self.seen[label] = self.sentence


def _finding(document: Document, block_index: int, block: Block, cand: Candidate,
             match: Match, steps: list[Step]) -> Finding:
    start = block.to_source(cand.start)
    end = block.to_source(max(cand.end - 1, cand.start)) + 1
    line, column = document.line_col(start)
    end_line, end_column = document.line_col(end)
    confidence = BASE_CONFIDENCE[match.claim.confidence]
    trail = [Step(stage="concepts", detail=", ".join(sorted(match.concepts)))]
    if cand.negations:
        trail.append(Step(stage="polarity", detail=f"negated by {', '.join(cand.negations)}"))
    trail.extend(steps)
    if match.implied:
        trail.append(Step(stage="context", detail=f"{', '.join(sorted(match.implied))} "
                          "from the title or section"))
    if steps or match.implied:
        confidence -= CONTEXT_PENALTY
    if cand.hedges:
        confidence -= HEDGE_PENALTY
        trail.append(Step(stage="hedge", detail=", ".join(cand.hedges)))
    framing = "stated"
    severity = match.claim.severity_for(match.verdict)
    if cand.attribution and match.verdict != "accurate":
        framing = "myth"
        severity = "info"
        trail.append(Step(stage="framing", detail=f"attributed: {cand.attribution}"))
    trail.extend(match.steps)
    return Finding(
        id=finding_id(document.path, match.claim.id,
                      block.text[cand.sentence_start:cand.sentence_end]),
        claim_id=match.claim.id, verdict=match.verdict, severity=severity,  # type: ignore[arg-type]
        confidence=round(max(confidence, 0.1), 2), framing=framing, message=match.message,
        text=block.text[cand.start:cand.end],
        sentence=block.text[cand.sentence_start:cand.sentence_end], path=document.path,
        line=line, column=column,
        end_line=end_line, end_column=end_column, start=start, end=end, block=block_index,
        block_kind=block.kind, block_start=cand.start, block_end=cand.end, rule=match.rule,
        correction=match.correction, citations=match.citations, trail=tuple(trail))


def _same_as(cand: Candidate, previous: tuple[frozenset[str], Candidate] | None,
             context: _Context) -> tuple[Candidate, set[str], list[Step]] | None:
    """"The same is true of X": the previous statement's concepts and polarity, for X.

    X replaces the concepts of every context group it names (an account for an account).
    """
    if previous is None:
        return None
    labels, source = previous
    own = context.groups_of(cand.labels)
    kept = {label for label in labels
            if not any(label in context.groups[group] for group in own)}
    stated = replace(cand, polarity=source.polarity, negations=source.negations)
    return stated, kept | set(cand.labels), [Step(stage="context",
                                                  detail="same as the previous statement")]


SECTION_ONLY_GROUPS = ("topic", "person", "feature")
"""Groups a heading takes from the section it introduces but does not pass on to the
sentences after it ("Don't raid the IRA" is about the loan of its section, but the next
sentence's "it" is not)."""
POSSESSIVES = frozenset({"its", "their"})
"""Pronouns that take only the account or loss from context, not the topic."""
ELLIPSIS_GROUPS = ("topic", "person")
"""Groups a statement that matches no claim on its own takes from the sentence just before
it ("In other words, low earners get back half of everything they contribute" after a
sentence on the Saver's Credit) or from a later clause of its own sentence ("you're taxed
on what you contributed, not on the value the day you converted")."""


def match_document(document: Document, candidates: list[list[Candidate]], db: ClaimDatabase,
                   tax_year: int, sentence_counts: list[int] | None = None) -> list[Finding]:
    """Return the findings of a document, given the candidates of each block.

    ``sentence_counts`` (sentences per block) lets pronouns' context expire after
    :data:`CONTEXT_WINDOW` sentences, counting sentences that state no claim too.

    A clause is checked as of the year it names, else the year its heading (or the
    title) names, else ``tax_year``; "next year" counts from the article's date. A
    statement that matches no claim on its own is tried again with the
    :data:`ELLIPSIS_GROUPS` of the sentence before it.
    """
    context = _Context(db)
    findings: dict[tuple[str, int], Finding] = {}
    blocks = document.blocks
    reference = document.meta.date or dt.date(tax_year, 1, 1)
    headings: dict[int, tuple[int | None, dict[str, frozenset[str]]]] = {}
    title: set[str] = set()
    heading: set[str] = set()
    recent: list[tuple[int, frozenset[str]]] = []
    previous: tuple[frozenset[str], Candidate, int] | None = None
    body = False
    for block_index, (block, cands) in enumerate(zip(blocks, candidates, strict=True)):
        if block.kind in ("byline", "dateline"):
            continue
        # a top-level heading before any text is the article's title (Markdown "# Title")
        is_title = block.kind == "title" or (block.kind == "heading" and not body
                                              and (block.level or 1) <= 1)
        body = body or block.kind in STATEMENT_KINDS
        if block.kind == "heading" and not is_title:
            heading, recent = set(), []
        section: dict[str, frozenset[str]] | None = None
        ahead: frozenset[str] = frozenset()
        if block.kind in HEADING_KINDS:
            level = 0 if block.kind == "title" else max(block.level, 1)
            headings = {k: v for k, v in headings.items() if k < level}
            headings[level] = (heading_year(block),
                               context.groups_of(frozenset().union(*(c.labels for c in cands))))
            if block_index + 1 < len(blocks):
                ahead = frozenset().union(*(c.labels for c in candidates[block_index + 1]))
                section = context.groups_of(ahead)
        enclosing = [headings[k] for k in sorted(headings, reverse=True)]
        section_year = next((y for y, _ in enclosing if y is not None), tax_year)
        heading_groups: dict[str, frozenset[str]] = {}
        for _, groups in reversed(enclosing):
            heading_groups.update(groups)
        section_groups = enclosing[0][1] if enclosing and block.kind not in HEADING_KINDS else {}
        block_first = context.sentence
        stated: set[int] = set()  # start offsets of the block's clauses that matched a claim
        for cand in cands:
            context.sentence = block_first + cand.sentence_index
            is_statement = block.kind in STATEMENT_KINDS or cand.imperative or cand.assertive
            same = None
            if cand.same_as and previous and context.sentence - previous[2] <= CONTEXT_WINDOW:
                same = _same_as(cand, previous[:2], context)
            if same is not None:
                cand, labels, steps = same
            elif block.kind in HEADING_KINDS:
                labels, steps = context.resolve(cand, section or {}) if (
                    cand.imperative or cand.anaphor) else (set(cand.labels), [])
            elif cand.anaphor or (cand.imperative and block.kind == "list_item"):
                # "their catch-ups" points at people, not at the topic of the last sentence
                groups = None if set(cand.anaphors) - POSSESSIVES else [
                    g for g in context.groups if g not in SECTION_ONLY_GROUPS]
                labels, steps = context.resolve(cand, {**section_groups, **context.recent()},
                                                only=groups)
            else:
                labels, steps = set(cand.labels), []
            referred, more = context.referred(cand, labels)
            labels |= referred
            steps = steps + more
            borrowed = context.borrowed(cand)
            if borrowed and block.kind not in HEADING_KINDS:
                source = {**heading_groups, **context.recent()}
                before = labels
                labels, more = context.resolve(cand, source, only=borrowed, labels=labels)
                steps = steps + more
                referred |= labels - before
            if not cand.question and is_statement:
                years = clause_years(cand, section_year, reference)
                # what the title, the section's heading and its last few sentences name (and,
                # for a heading, its first paragraph) may be left implied
                nearby = {label for seen, labels in recent
                          if context.sentence - seen <= IMPLIED_WINDOW for label in labels}
                ambient = db.expand(title | heading | nearby | ahead)
                matches = _matches(db, cand, db.expand(labels), years, ambient)
                if not matches and block.kind not in HEADING_KINDS:
                    later = context.groups_of(frozenset().union(*(
                        c.labels for c in cands
                        if c.sentence_index == cand.sentence_index and c.start > cand.start)))
                    wider, more = context.resolve(cand, {**context.previous(), **later},
                                                  only=ELLIPSIS_GROUPS, labels=labels)
                    if wider - labels:
                        matches = _matches(db, cand, db.expand(wider), years, ambient)
                        steps = steps + more
                        if matches:
                            referred |= wider - labels
                            labels = wider
                earlier = [c for c in cands
                           if c.sentence_index == cand.sentence_index and c.start < cand.start]
                if (not matches and _REASON.match(cand.text)
                        and not any(c.start in stated for c in earlier)):
                    # "Quitting at 54 doesn't work, because you didn't leave in the year you
                    # turned 55": the reason completes a clause that states nothing on its
                    # own, and speaks of the same things
                    before = set().union(*(c.labels for c in earlier))
                    if before - labels:
                        matches = _matches(db, cand, db.expand(labels | before), years, ambient)
                        if matches:
                            named = ", ".join(sorted(before - labels))
                            steps = [*steps, Step(stage="context",
                                                  detail=f"{named} from the clause it explains")]
                for match in matches:
                    finding = _finding(document, block_index, block, cand, match, steps)
                    key = (finding.claim_id, block.to_source(cand.sentence_start))
                    findings.setdefault(key, finding)
                if matches:
                    previous = (frozenset(labels), cand, context.sentence)
                    stated.add(cand.start)
            if block.kind in HEADING_KINDS:
                kept = {label for label in labels - cand.labels
                        if not any(label in context.groups.get(g, ()) for g in SECTION_ONLY_GROUPS)}
                context.update(cand.labels | kept | referred)
            else:
                context.update(cand.labels | referred)
            if is_title:
                title.update(cand.labels)
            elif block.kind == "heading":
                heading.update(cand.labels)
            else:
                recent.append((context.sentence, cand.labels))
        context.sentence = block_first + (sentence_counts[block_index] if sentence_counts
                                          else 1 + max((c.sentence_index for c in cands),
                                                       default=0))
    return sorted(findings.values(), key=Finding.sort_key)


def drop_repeated_facts(findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """Keep one finding per fact, verdict and framing in each sentence.

    Two claims of one fact that both match a sentence ("the disallowed amount is added to
    the new shares' cost, so the loss is postponed") say the same thing twice; the one that
    rests on more concepts stays (the first in reading order on a tie). Numeric claims are
    always kept: each checks its own number. Errors of one fact in different clauses
    ("Hardship withdrawals don't carry the penalty, and you can repay them") are kept:
    each is a mistake of its own, with its own correction.
    """
    claims = {c.id: c for c in db.claims}

    def weight(f: Finding) -> int:
        step = next((s for s in f.trail if s.stage == "concepts"), None)
        named = len(step.detail.split(", ")) if step else 0
        # a claim that only matches when the sentence names its years says more
        dated = all(c.stated_year is not None for c in claims[f.claim_id].when)
        return named + dated

    best: dict[tuple, Finding] = {}
    for f in findings:
        claim = claims.get(f.claim_id)
        if claim is None or claim.figure:
            continue
        clause = f.start if f.verdict != "accurate" else None
        key = (f.block, f.sentence, clause, claim.fact or claim.id, f.verdict, f.framing)
        if key not in best or weight(f) > weight(best[key]):
            best[key] = f
    kept = {id(f) for f in best.values()}
    return [f for f in findings
            if id(f) in kept or f.claim_id not in claims or claims[f.claim_id].figure]


def find_contradictions(findings: list[Finding], db: ClaimDatabase) -> list[Contradiction]:
    """Pair each wrong statement with an earlier or later correct one on the same fact."""
    facts = {c.id: c.fact or c.id for c in db.claims}
    correct: dict[str, Finding] = {}
    for f in findings:
        if f.verdict == "accurate" and f.framing == "stated":
            correct.setdefault(facts.get(f.claim_id, f.claim_id), f)
    out = []
    for f in findings:
        fact = facts.get(f.claim_id, f.claim_id)
        if f.is_problem and fact in correct:
            right = correct[fact]
            out.append(Contradiction(
                fact=fact, accurate=right.id, wrong=f.id,
                message=f"line {f.line} contradicts line {right.line}: the article first says "
                        f"\"{right.text}\" and then \"{f.text}\""
                if right.start < f.start else
                f"line {f.line} contradicts line {right.line}, which says \"{right.text}\""))
    return out
