"""Match candidate claims against the claim database and produce findings.

For each block in reading order the matcher keeps a small discourse context: the
concepts of each context group ("account", "loss") last named by a heading or a
sentence. A clause that points back ("these losses", "the loss", an imperative
heading) and lacks a group takes it from that context.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import Citation, Claim, Condition, Figure
from taxcheck.documents import Block, Document
from taxcheck.findings import Contradiction, Finding, Step, finding_id
from taxcheck.nlp.candidates import Candidate, ConceptMention
from taxcheck.nlp.quantities import Quantity

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
                   ambient: frozenset[str] = frozenset()) -> frozenset[str] | None:
    """None when ``cand`` does not meet ``cond``; else the concepts it leaves implied.

    ``ambient`` holds the concepts of the title and of the section so far; a condition's
    ``implied`` concepts may come from there when the clause does not name them.
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
        if not any(cond.stated_year.contains(y) for y in cand.years):
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


def _distance(q: Quantity, m: ConceptMention) -> int:
    return min(abs(q.start - m.end), abs(m.start - q.end))


def _nearest(quantities: Iterable[Quantity], cand: Candidate, anchor: str) -> Quantity | None:
    mentions = [c for c in cand.concepts if c.label == anchor] or list(cand.concepts)
    best, best_distance = None, None
    for q in quantities:
        distance = min(_distance(q, m) for m in mentions)
        if best_distance is None or distance < best_distance:
            best, best_distance = q, distance
    return best


def _anchor(claim: Claim, cond: Condition) -> str:
    return claim.anchor or (cond.all or cond.any)[0]


def _assign(amounts: list[Quantity], cand: Candidate, anchors: set[str]) -> dict[str, Quantity]:
    """Give each anchor concept its own amount, the closest pairs first.

    In "the 401(k) limit is $23,500, plus a $7,500 catch-up" the catch-up takes $7,500 and
    the 401(k) limit $23,500, so neither is checked against the other's figure.
    """
    pairs = sorted((_distance(q, m), i, m.label)
                   for i, q in enumerate(amounts) for m in cand.concepts if m.label in anchors)
    owner: dict[str, Quantity] = {}
    taken: set[int] = set()
    for _, i, label in pairs:
        if label not in owner and i not in taken:
            owner[label] = amounts[i]
            taken.add(i)
    return owner


def _check_figure(claim: Claim, figure: Figure, cond: Condition, cand: Candidate,
                  year: int, anchors: set[str]) -> tuple[str, str, str, str, Step] | None:
    """Compare the stated amount with the figure for ``year``; None when nothing to check.

    ``anchors`` are the anchors of the numeric claims (same unit) the candidate meets; when
    the claim's anchor is named, it gets the amount closest to it that no other anchor
    is closer to.
    """
    amounts = [q for q in cand.quantities if q.kind == figure.unit]
    if not amounts or year not in figure.values:
        return None
    anchor = _anchor(claim, cond)
    if any(m.label == anchor for m in cand.concepts):
        quantity = _assign(amounts, cand, anchors | {anchor}).get(anchor)
    else:
        quantity = _nearest(amounts, cand, anchor)
    if quantity is None:
        return None
    expected = figure.values[year]
    stated = figure.format(quantity.value)
    right = figure.format(expected)
    if abs(quantity.value - expected) < 1e-9:
        return ("accurate", f"The {figure.name} for {year} is {right}.",
                f"The {figure.name} for {year} is {right}.", claim.correction,
                Step(stage="number", detail=f"{stated} matches {year}"))
    earlier = sorted((y for y, v in figure.values.items()
                      if y < year and abs(v - quantity.value) < 1e-9), reverse=True)
    rule = f"The {figure.name} for {year} is {right}. {claim.rule}".strip()
    correction = f"Use {right} for {year}." + (f" {claim.correction}" if claim.correction else "")
    if earlier:
        return ("outdated", f"{stated} was the {figure.name} for {earlier[0]}; for {year} it is "
                f"{right}.", rule, correction,
                Step(stage="number", detail=f"{stated} is the {earlier[0]} figure"))
    return ("false", f"{stated} is not the {figure.name} for {year}; it is {right}.", rule,
            correction, Step(stage="number", detail=f"{stated} matches no year's figure"))


def _matches(db: ClaimDatabase, cand: Candidate, labels: frozenset[str],
             year: int, ambient: frozenset[str] = frozenset()) -> list[Match]:
    found: list[Match] = []
    met = [(claim, cond, implied) for claim in db.claims for cond in claim.when
           if (implied := _condition_met(cond, labels, cand, ambient)) is not None]
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
            figure_year = cand.years[0] if cand.years else year
            figure = db.figures[claim.figure]
            result = _check_figure(claim, figure, cond, cand, figure_year,
                                   anchors[figure.unit])
            if result is None:
                continue  # nothing to check here; another condition may find an amount
            done.add(claim.id)
            verdict, message, rule, correction, step = result
            found.append(Match(claim, cond, used, verdict, message, rule, correction,
                               (step,), _merge(claim.citations, figure.citations), implied))
            continue
        done.add(claim.id)
        if claim.years.contains(cand.years[0] if cand.years else year):
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


class _Context:
    """The concepts of each context group recently mentioned, for clauses that point back.

    A paragraph sentence that points back ("these losses", "it") takes a missing group
    from the last few sentences; a heading takes it from the section it introduces.
    """

    def __init__(self, db: ClaimDatabase):
        self.groups: dict[str, set[str]] = {}
        for label, lexeme in db.concepts.items():
            if lexeme.context:
                self.groups.setdefault(lexeme.context, set()).add(label)
        self.current: dict[str, tuple[frozenset[str], int]] = {}
        self.sentence = 0

    def resolve(self, cand: Candidate, source: dict[str, frozenset[str]] | None = None
                ) -> tuple[set[str], list[Step]]:
        """Labels of ``cand`` plus missing groups from ``source`` (default: recent context)."""
        if source is None:
            source = {g: labels for g, (labels, seen) in self.current.items()
                      if self.sentence - seen <= CONTEXT_WINDOW}
        labels = set(cand.labels)
        steps = []
        for group, members in self.groups.items():
            if not labels & members and source.get(group):
                labels |= source[group]
                steps.append(Step(stage="context", detail=f"{group}: "
                                  f"{', '.join(sorted(source[group]))} from context"))
        return labels, steps

    def groups_of(self, labels: Iterable[str]) -> dict[str, frozenset[str]]:
        labels = set(labels)
        return {g: frozenset(labels & m) for g, m in self.groups.items() if labels & m}

    def update(self, labels: Iterable[str]) -> None:
        for group, found in self.groups_of(labels).items():
            self.current[group] = (found, self.sentence)


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


def match_document(document: Document, candidates: list[list[Candidate]], db: ClaimDatabase,
                   tax_year: int, sentence_counts: list[int] | None = None) -> list[Finding]:
    """Return the findings of a document, given the candidates of each block.

    ``sentence_counts`` (sentences per block) lets pronouns' context expire after
    :data:`CONTEXT_WINDOW` sentences, counting sentences that state no claim too.
    """
    context = _Context(db)
    findings: dict[tuple[str, int], Finding] = {}
    blocks = document.blocks
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
        following: dict[str, frozenset[str]] | None = None
        ahead: frozenset[str] = frozenset()
        if block.kind in HEADING_KINDS and block_index + 1 < len(blocks):
            ahead = frozenset().union(*(c.labels for c in candidates[block_index + 1]))
            following = context.groups_of(ahead)
        block_first = context.sentence
        for cand in cands:
            context.sentence = block_first + cand.sentence_index
            is_statement = block.kind in STATEMENT_KINDS or cand.imperative or cand.assertive
            same = None
            if cand.same_as and previous and context.sentence - previous[2] <= CONTEXT_WINDOW:
                same = _same_as(cand, previous[:2], context)
            if same is not None:
                cand, labels, steps = same
            elif block.kind in HEADING_KINDS:
                labels, steps = context.resolve(cand, following or {}) if (
                    cand.imperative or cand.anaphor) else (set(cand.labels), [])
            elif cand.anaphor or (cand.imperative and block.kind == "list_item"):
                labels, steps = context.resolve(cand)
            else:
                labels, steps = set(cand.labels), []
            if not cand.question and is_statement:
                expanded = db.expand(labels)
                # what the title, the section's heading and its last few sentences name (and,
                # for a heading, its first paragraph) may be left implied
                nearby = {label for seen, labels in recent
                          if context.sentence - seen <= IMPLIED_WINDOW for label in labels}
                matches = _matches(db, cand, expanded, tax_year,
                                   db.expand(title | heading | nearby | ahead))
                for match in matches:
                    finding = _finding(document, block_index, block, cand, match, steps)
                    key = (finding.claim_id, block.to_source(cand.sentence_start))
                    findings.setdefault(key, finding)
                if matches:
                    previous = (frozenset(labels), cand, context.sentence)
            context.update(labels if block.kind in HEADING_KINDS else cand.labels)
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
    always kept: each checks its own number.
    """
    claims = {c.id: c for c in db.claims}

    def weight(f: Finding) -> int:
        step = next((s for s in f.trail if s.stage == "concepts"), None)
        return len(step.detail.split(", ")) if step else 0

    best: dict[tuple, Finding] = {}
    for f in findings:
        claim = claims.get(f.claim_id)
        if claim is None or claim.figure:
            continue
        key = (f.block, f.sentence, claim.fact or claim.id, f.verdict, f.framing)
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
