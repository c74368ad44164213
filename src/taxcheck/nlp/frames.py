"""Where a negated frame ends, and where a relative clause that holds a negation ends.

A negated frame tells the reader something others miss ("What nobody tells you: ...",
"Here's what most savers don't realize - ...", "It isn't widely known that ..."): its
negation stays in the frame, and the claim after it keeps its own polarity. A relative
clause after its noun and before the main verb ("The IRA loss you never got back is
deductible") holds its own negation: "never" denies "got back", not "is deductible".
Kept free of spaCy: the candidate builder passes its tokens.
"""

from __future__ import annotations

from typing import Protocol


class Words(Protocol):
    """The candidate builder's tokens: a token's text and character offsets."""

    idx: list[int]

    def word(self, i: int) -> str: ...

    def end_char(self, i: int) -> int: ...


FRAME_TOKENS = 10
"""Most tokens between a frame's cue and the colon or dash that ends it."""

_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
_COPULAS = frozenset({"is", "was", "'s", "\u2019s"})
_KNOWING = ("know", "knew", "realiz", "realis", "understand", "understood", "notic",
            "apprecia", "grasp", "suspect")
"""Stems of verbs of knowing, whose bare complement ("don't realize you can ...") is taken
as true; a verb of telling or expecting frames only before a colon, a dash or "that"."""
_SAYING = ("say", "said", "claim", "think", "thought", "believ", "assum", "suppos", "expect")
"""Stems of verbs of saying or believing: "Nobody says that X", "No one thinks that X" do not
take X as true, so their "that" ends no frame ("What nobody says is that X", with its
copula, still does)."""
_COMPLEMENT_SUBJECTS = frozenset({"you", "we", "they", "i", "he", "she", "there", "your",
                                  "their", "our", "my", "the", "this", "these", "those"})
"""First words of a bare complement clause after a verb of knowing (not when a concept runs
on from the verb: "don't realize your loss" realizes it)."""
_IMPERATIVE_OPENERS = frozenset({"do", "don't", "don\u2019t", "never", "please", "just", "not"})
"""A sentence that opens so gives an order ("Don't expect that ..."), which frames nothing."""


def _dash(words: Words, i: int) -> bool:
    """A dash set off by a space before it (not the hyphen of "IRA-to-IRA")."""
    return words.word(i) in _DASHES and i > 0 and words.idx[i] > words.end_char(i - 1)


def frame_end(words: Words, sent: tuple[int, int], cue_start: int, cue_end: int,
              concepts: list[tuple[int, int]]) -> int | None:
    """The token that starts the claim after a negated frame (the word after its colon or
    dash, its "that", or the first word of a bare complement after a verb of knowing), or
    None when the cue frames nothing: an order ("Don't expect that ..."), or no such end
    before a concept."""
    s_start, s_end = sent
    if words.word(s_start).lower() in _IMPERATIVE_OPENERS:
        return None
    for i in range(cue_end, min(s_end - 1, cue_end + FRAME_TOKENS)):
        if any(cue_end <= c < i for c, _ in concepts):
            break
        if words.word(i) == ":" or _dash(words, i):
            return i + 1
    verb = words.word(cue_end - 1).lower()
    at = cue_end
    while at < s_end and words.word(at).lower() in _COPULAS:
        at += 1
    if at < s_end - 1 and words.word(at).lower() == "that" and (
            at > cue_end or not verb.startswith(_SAYING)):
        return at
    subject = words.word(cue_end).lower() if cue_end < s_end - 1 else ""
    if verb.startswith(_KNOWING) and subject in _COMPLEMENT_SUBJECTS and not any(
            c < cue_end < e for c, e in concepts):
        return cue_end
    return None


_MAIN_VERBS = frozenset({"is", "are", "was", "were", "can", "could", "will", "would", "must",
                         "should", "may", "might", "has", "have", "does", "do", "stays",
                         "remains", "counts", "gets", "becomes", "ca", "wo", "'s", "\u2019s"})
"""Finite verbs that open the main clause after a relative clause in the subject."""
RELATIVE_TOKENS = 8
"""Most tokens from a relative clause's negation to the main verb after it."""
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "and", "or", "but", "if", "when", "because",
                            "so", "that", "which", "what", "who", "while", "unless"})


def relative_end(words: Words, neg_end: int, clause_end: int,
                 concept_starts: list[int]) -> int | None:
    """The main verb after a relative clause in the subject whose negation ends at
    ``neg_end`` ("The IRA loss you never got back | is deductible"), or None: no such verb
    within a few words, a break in between ("income you didn't expect, and ..."), a concept
    named inside the relative clause, which it defines ("Whatever you don't put back is
    taxable", "money you don't pay tax on"), or a pseudo-cleft ("One thing you can't do is
    push it backward": the negation is the statement's). The main verb keeps its own
    negation ("... you never got back isn't deductible")."""
    for i in range(neg_end, min(clause_end - 1, neg_end + 1 + RELATIVE_TOKENS)):
        word = words.word(i).lower()
        if word in _CLAUSE_BREAKS or any(neg_end <= c <= i for c in concept_starts):
            return None
        if i > neg_end and word in _MAIN_VERBS:
            return None if words.word(i - 1).lower() == "do" else i
    return None


_FORBIDDEN_HEADS = frozenset({"thing", "things", "something", "what", "move", "moves"})
"""Nouns a lead names the forbidden act by ("One thing you can't do:", "What you can't do:",
"Something the IRS won't let you do:", "The one move that isn't allowed:")."""
_FORBIDDEN_VERBS = frozenset({"do", "allow", "allowed", "permit", "permitted", "make", "try"})
"""The verb that closes such a lead: what the colon opens is its object."""
FORBIDDEN_LEAD_TOKENS = 10
"""Most tokens of a lead that names a forbidden act before its colon."""


def names_forbidden_act(words: Words, start: int, colon: int) -> bool:
    """The words from ``start`` to the colon at ``colon`` name an act as forbidden without
    naming it ("One thing you can't do: borrow from an IRA", "What you can\u2019t do: take a
    loan from your IRA", "Something the IRS won't let you do: ..."): the instruction after the
    colon is the act denied, not an order of its own (as it is after "Don't bother emptying
    your other IRAs: cash out the loser")."""
    if not 2 <= colon - start <= FORBIDDEN_LEAD_TOKENS:
        return False
    lead = [words.word(i).lower() for i in range(start, colon)]
    return (lead[-1] in _FORBIDDEN_VERBS and bool(_FORBIDDEN_HEADS.intersection(lead[:4]))
            and lead[0] not in _IMPERATIVE_OPENERS)
