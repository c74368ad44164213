"""How the abolished IRA-loss write-off worked on the return, told on a page that presents it.

A page dated before 2018 that walks through the write-off as available (two or more of its
sentences are already stated outdated IRA-loss findings) goes on to say how it is claimed, in
sentences that name only the return's mechanics and leave the IRA and the loss to the page:
"You have to itemize.", "Only the portion of your miscellaneous deductions above 2% of your
adjusted gross income counts.", "It's also added back if you're hit by the alternative minimum
tax", "Watch the AMT.", a table row "2% of her $70,000 AGI", and "The loss is claimed on
Schedule A as a miscellaneous itemized deduction" under a heading ("Where it goes on your
return") that ends the discourse's context. Each is the abolished write-off told as today's
rule (label policy: outdated in any form, conditions, steps or worked examples), so each is a
finding of :data:`CLAIM` on such a page, anywhere in it. A question, a story in the past,
someone's reported view, a sentence that says the rule ended, one that names another itemized
deduction ("If you itemize, bunch your charitable gifts") or another account, and a denial
that does not speak of the floor ("A drop inside your IRA never goes on Schedule A") state
nothing here.

The same page's steps of the old test and its worked example's result leave the deduction to
the page in the same way: "Once everything has been distributed, add up what you received.",
"The only time a loss can surface is when an account is completely emptied and you got back
less than your after-tax money", "She has a $6,000 loss." Those are findings of
:data:`STEP_CLAIM` when they are told in a paragraph or a list item, not as a worked
example's set-up ("Say Linda ... cashed everything out for $14,000", an input row of its
table: the labellers mark its result), an entry of what the post covers ("The 'empty every
IRA' exception") or in a passage on RMDs ("Emptying the accounts satisfies this year's
requirement").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import Claim
from taxcheck.clauses import Candidate
from taxcheck.documents import HEADING_KINDS, Block, Document
from taxcheck.findings import Finding, Step
from taxcheck.matching.build import build_finding
from taxcheck.matching.conditions import rule_match
from taxcheck.matching.old_conditions import ENDED, PRESENTING
from taxcheck.matching.retries.procedures import says_rule_ended
from taxcheck.readers.furniture import disclaimer, post_meta

CLAIM = "ira-loss-misc-deduction-outdated"
PAGE_WIDE = 2
"""How many stated outdated IRA-loss findings make a page one that walks through the
write-off (one may be a passing mention of an old page's own rule)."""
MECHANICS = frozenset({"MISC_ITEMIZED", "SCHEDULE_A", "AMT",
                       "ira-loss-misc-deduction-outdated/ADD_BACK",
                       "ira-loss-misc-deduction-outdated/FLOOR_PART"})
"""What a sentence names when it says how the write-off is claimed: itemizing on Schedule A,
the miscellaneous-deduction bucket, the floor, the AMT add-back."""
_FLOOR = re.compile(r"\b(?:2|two)\s*(?:%|percent)(?=[^.;]*\b(?:agi|adjusted\s+gross|floor|"
                    r"haircut|hurdle|income)\b)|\b(?:2|two)(?:%|\s*percent)[\s-]*(?:of[\s-]+agi|"
                    r"floor|haircut|hurdle)\b", re.IGNORECASE)
"""The 2%-of-AGI floor in words ("2% of her $70,000 AGI", "the two percent hurdle", "the
2% haircut")."""
FLOOR = frozenset({"COUNTS", "ira-loss-misc-deduction-outdated/FLOOR_PART"})
"""What a denial names when it speaks of the floor ("Miscellaneous itemized deductions don't
count dollar for dollar", "the first $1,800 doesn't count"): the mechanics, not a denial of
the write-off (nor a worked example's premise, "She has no other miscellaneous
deductions")."""
LABEL_WORDS = 4
"""The most words of an item's label ("Step 5: Check the AMT.", "**The alternative minimum
tax.**") or a heading ("## 5. Watch the AMT") that the item's next sentence, or the heading's
first paragraph, spells out: the labellers mark the sentence that says it, not the label."""
_STEP = re.compile(r"^\W*(?:step\s+\w+|\d{1,2})\s*[:.)\u2014\u2013-]\s*", re.IGNORECASE)
_OWN_STORY = re.compile(r"\b(?:I|I['\u2019]m|I['\u2019]ve|we|my|our|me|us)\b")
"""The writer's own story ("I itemized anyway because of my mortgage, so it worked out"),
which leaves the rule to its context: it tells what happened, not how the write-off works."""
ELSEWHERE = frozenset({"ENDED", "GONE", "BAN", "SUSPENDED", "SUSPENSION", "WENT_AWAY",
                       "RESTORED", "EDUCATOR", "TAXABLE_ACCOUNT", "SCHEDULE_D", "CAPITAL_LOSS",
                       "EMPLOYER_PLAN", "ira-loss-misc-deduction-outdated/OTHER_ITEMIZED"})
"""What makes such a sentence speak of something else: the rule ended or came back, the
educators' carve-out, a taxable account or a capital loss, a workplace plan, another itemized
deduction."""


STEPS = frozenset({"CLOSE_ALL", "BELOW_BASIS"})
"""What a step of the old test names: every IRA of the kind emptied, less than basis back
(with the loss named in the clause's own words, not through the broader concepts of being
worth less: "some of those accounts are worth less than the after-tax money that
went in" tells a case)."""
OF_EXAMPLE = frozenset({"LOSS", "DEDUCT"})
"""All a worked example's result names beside its amount ("She has a $6,000 loss.")."""
_AMOUNT = re.compile(r"\$\s?\d")
"""An amount: a step that gives one is a worked example's set-up ("You close out all your
IRAs and receive $8,000 in total")."""
_ENTRY = re.compile(r"^(?:\W*\w+){1,6}\W*$(?<![.!])")
"""A short line with no full stop ("The 'empty every IRA' exception" in a list of what the
post covers): an entry, not a step."""
_SET_UP = re.compile(r"^\W*(?:say|suppose|imagine|let's\s+say|for\s+example|take)\b",
                     re.IGNORECASE)
"""A worked example's set-up ("Say Linda put $20,000 ...")."""
STEP_CLAIM = "ira-loss-deduction-outdated"
EXCEPTION = frozenset({"THE_EXCEPTION", "EXCEPTION"})
OF_BASIS = frozenset({"BASIS", "AFTER_TAX"})
"""A heading that names the exception with the basis it rests on ("The exception: when
you've got basis"): the page's write-off, the route its section walks through."""


def _mechanics(cand: Candidate, labels: frozenset[str], kind: str) -> frozenset[str]:
    """The mechanics of the write-off, a step of its test or a worked example's result, that
    the clause, in a block of ``kind``, states as today's rule (empty: none)."""
    if cand.question or cand.historical or cand.attribution or "?" in cand.sentence or (
            _OWN_STORY.search(cand.text)):
        return frozenset()
    if labels & ELSEWHERE or says_rule_ended(cand):
        return frozenset()
    named = labels & MECHANICS
    if cand.polarity == "affirmed" and kind in ("paragraph", "list_item") and not (
            _SET_UP.match(cand.sentence) or _ENTRY.match(cand.sentence)):
        if not _AMOUNT.search(cand.text):
            if "CLOSE_ALL" in labels or "LOSS" in cand.labels:
                named |= labels & STEPS  # (not a case: "IRAs worth less than you contributed")
        elif "LOSS" in labels and not labels - OF_EXAMPLE:
            named |= {"LOSS"}
    if kind in HEADING_KINDS and cand.polarity == "affirmed" and labels & EXCEPTION and (
            labels & OF_BASIS):  # ("The exception: cashing out with unrecovered basis")
        named |= labels & OF_BASIS
    if _FLOOR.search(cand.text):
        named |= {"MISC_ITEMIZED"}
    if cand.polarity != "affirmed" and not (labels & FLOOR or _FLOOR.search(cand.text)):
        return frozenset()  # ("it never goes on Schedule A" denies the write-off)
    return frozenset(named)


def _kind(block: Block, cands: Sequence[Candidate]) -> str:
    """The block's kind, or "other" for one that speaks of RMDs ("Emptying the accounts
    satisfies this year's requirement"): no step of the write-off is read in it."""
    return "other" if any("RMD" in c.labels for c in cands) else block.kind


def _label(cand: Candidate, cands: Sequence[Candidate], named: list[frozenset[str]],
           heading: bool, next_names: bool) -> bool:
    """The clause is a short label opening its block, and a later sentence of the block
    names the mechanics too, or a short heading whose next block does (see
    :data:`LABEL_WORDS`)."""
    if cand is not cands[0] or len(_STEP.sub("", cand.sentence).split()) > LABEL_WORDS:
        return False
    return (heading and next_names) or any(
        other.sentence_index > cand.sentence_index and n
        for other, n in zip(cands, named, strict=True))


FURNITURE_KINDS = frozenset({"byline", "dateline", "furniture"})
"""Blocks that state nothing of a page's rule."""


def statement_blocks(document: Document, candidates: Sequence[Sequence[Candidate]],
                     skip: frozenset[str] = FURNITURE_KINDS
                     ) -> Iterator[tuple[int, Block, Sequence[Candidate]]]:
    """The blocks of an old page that may tell its rule, with their clauses: none of
    ``skip``'s kinds, nor furniture a page keeps as text (where the post is filed, a product
    disclosure)."""
    for index, cands in enumerate(candidates):
        block = document.blocks[index]
        if block.kind in skip or post_meta(block.text) or disclaimer(block.text):
            continue
        yield index, block, cands


def presents(document: Document, findings: Sequence[Finding], claims: frozenset[str],
             ended: int) -> bool:
    """The page is dated before ``ended`` (the first tax year without the rule) and walks
    through the rule as available: :data:`PAGE_WIDE` or more of its findings state one of
    ``claims`` (outdated findings of the rule told as today's)."""
    date = document.meta.date
    if date is None or date.year >= ended:
        return False
    return sum(f.claim_id in claims and f.framing == "stated" for f in findings) >= PAGE_WIDE


def presented_claim(document: Document, findings: Sequence[Finding], db: ClaimDatabase,
                    claim_id: str, presenting: frozenset[str] = PRESENTING,
                    ended: int = ENDED) -> tuple[Claim, int] | None:
    """``claim_id``'s claim and the page's year when the page presents the rule
    (:func:`presents`); None on any other page or when the database lacks the claim."""
    claim = db.by_id.get(claim_id)
    date = document.meta.date
    if claim is None or date is None or not presents(document, findings, presenting, ended):
        return None
    return claim, date.year


def procedure_finding(document: Document, index: int, block: Block, cand: Candidate,
                      claim: Claim, matched: frozenset[str], detail: str,
                      db: ClaimDatabase, shown: Sequence[str] | None = None) -> Finding:
    """A finding of ``claim`` for a clause an old page's rule lends its meaning to: the rule
    matched with ``matched`` concepts, one context step (source "procedure") that says why
    (``detail``) and shows ``shown`` (by default ``matched``)."""
    labels = tuple(sorted(matched if shown is None else shown))
    step = Step(stage="context", detail=detail, labels=labels, source="procedure")
    return build_finding(document, index, block, cand, rule_match(claim, matched), [step],
                         db.verifier)


def told_mechanics(document: Document, candidates: Sequence[Sequence[Candidate]],
                   findings: list[Finding], db: ClaimDatabase) -> list[Finding]:
    """The write-off's mechanics told as today's on an old page that walks through it, as
    findings of :data:`CLAIM`, and its steps and results, as findings of
    :data:`STEP_CLAIM` (see the module's docstring)."""
    presented = presented_claim(document, findings, db, CLAIM)
    if presented is None:
        return []
    claim, year = presented
    said = {(f.block, f.sentence) for f in findings}
    named = [[_mechanics(cand, db.expand(frozenset(cand.labels)), _kind(block, cands))
              for cand in cands] for cands, block in zip(candidates, document.blocks,
                                                         strict=True)]
    out = []
    for index, block, cands in statement_blocks(document, candidates,
                                                FURNITURE_KINDS | {"title"}):
        heading = block.kind in HEADING_KINDS
        next_names = index + 1 < len(candidates) and any(named[index + 1])
        for cand, mechanics in zip(cands, named[index], strict=True):
            if not mechanics or (index, cand.sentence) in said or _label(
                    cand, cands, named[index], heading, next_names):
                continue
            which = claim if mechanics & MECHANICS else db.by_id.get(STEP_CLAIM)
            if which is None:
                continue
            out.append(procedure_finding(
                document, index, block, cand, which, mechanics,
                f"how the write-off the page presents is claimed (dated {year})", db))
            said.add((index, cand.sentence))
    return out
