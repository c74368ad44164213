"""Turn sentences into candidate claims: clauses with concepts, polarity and framing.

A candidate is a clause that mentions at least one concept. Its polarity comes from
negation cues inside the clause (pseudo-negations such as "not only" do not count);
hedges, attribution ("a common myth is that ..."), questions, imperatives, anaphora
("these losses") and the numbers it states are recorded for the matcher.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import pairwise

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from taxcheck.clauses import Candidate, ConceptMention
from taxcheck.cues import (
    ALTERNATIVE,
    ANAPHOR,
    ASSERTIVE,
    ATTRIBUTION,
    COORDINATION,
    COUNTERFACTUAL,
    CUE_CATEGORIES,
    EMBEDDED_QUESTION,
    FRAME,
    HEDGE,
    HISTORICAL,
    IMPERATIVE,
    NEGATION,
    OPEN_QUESTION,
    PSEUDO_ATTRIBUTION,
    PSEUDO_NEGATION,
    QUESTION,
    SAME_AS,
    TEASER,
    TERMINATION,
)
from taxcheck.follow_ons import (
    FOLLOW_ON_TOKENS,
    VALUE_TOKENS,
    bare_amount,
    follow_on,
    gives_value,
)
from taxcheck.nlp.columns import kept_columns
from taxcheck.nlp.frames import frame_end, names_forbidden_act, relative_end
from taxcheck.nlp.lexicon import plain_spans
from taxcheck.nlp.patterns import PHRASE
from taxcheck.nlp.quantities import Quantity, find_quantities
from taxcheck.nlp.sentences import SENTENCES_KEY
from taxcheck.tense import simple_past

CONCEPTS_KEY = "taxcheck_concepts"
CUES_KEY = "taxcheck_cues"
TEXT_KEY = "taxcheck_text"
"""``doc.user_data`` key of the text the pipeline's tokenizer made the doc of (the same
string as ``doc.text``, which joins every token's text again on each call)."""

CUE_LABELS = tuple(CUE_CATEGORIES)

_LABEL_PREFIX = re.compile(
    r"^(?:(?:(?:step|tip|move|idea|strategy|rule|no\.?|number|#)\s*#?\d+|\d+)"
    r"\s*[:.)\-\u2013\u2014]?"
    r"|(?:(?:pro|quick|top|bonus|smart|our|my)\s+)?"
    r"(?:tip|move|idea|strategy|hack|bonus|advice|action\s+item|takeaway)\s*[:\-\u2013\u2014])?"
    r"\s*(?:then|and|also|next|so|now|first|finally)?$", re.IGNORECASE)
"""What may come before an instruction: a list label ("Step 6:", "Tip #3", "2."), a label
with no number before a colon or dash ("Tip: Harvest ...", "Pro tip: take ...", "Our advice:
roll ...") and a connective ("Then take up to $3k off your income")."""

_TOPIC_LABEL = re.compile(r"^(?:[A-Za-z0-9()'&/.-]+\s+){0,3}[A-Za-z0-9()'&/.-]+\s*:$")
"""A short topic label before a colon, which an instruction may follow in a heading or a
label line ("SEPP Payments: Take Any Amount You Need Penalty-Free", "Wash sales: rebuy in
your IRA"): up to four words, none of them a question's."""

_ASKED_LABEL = re.compile(r"^(?:q|question|myth|fiction|false|wrong|claim|rumor|they say)\b",
                          re.IGNORECASE)
"""Labels whose text is asked or disputed, not instructed ("Q:", "Myth:")."""

RECENT_YEAR = 2020
"""A sentence naming this year or a later one speaks of rules in force now: the sentence
after it is not set in the past by it."""
_PAST_VERBS = frozenset({"was", "were", "had", "did", "counted", "applied", "used"})
"""Verbs in the past tense that carry an earlier clause's "back then" into a later one."""


_PRESENT_VERBS = frozenset({"is", "are", "'s", "'re", "can", "ca", "will", "'ll", "wo", "may",
                            "must", "do", "does", "has", "have", "should", "would", "gets", "get",
                            "counts", "count", "goes", "go", "applies", "apply", "lets", "let",
                            "allows", "stays", "remains", "comes", "needs", "owe", "owes"})
"""Verbs of the present, whose clause states something of its own tense."""
VERBLESS_MAX_TOKENS = 10
"""The longest clause with no verb that goes on in the tense of the clause before it."""


def _verbless(tokens: _Tokens, a: int, b: int) -> bool:
    """A short clause with no verb of the present ("..., but only the part above 2% of
    AGI"): it goes on about the time the clause before it set."""
    return b - a <= VERBLESS_MAX_TOKENS and not any(
        tokens.word(i).lower() in _PRESENT_VERBS for i in range(a, b))


class _Mark:
    """A concept or cue span (or a token range) as plain values: reading a spaCy ``Span``'s
    attributes goes through its doc on every access, and the builder reads them often."""

    __slots__ = ("end", "end_char", "id_", "label_", "start", "start_char", "text")

    def __init__(self, start: int, end: int, start_char: int = 0, end_char: int = 0,
                 label: str = "", span_id: str = "", text: str = ""):
        self.start = start
        self.end = end
        self.start_char = start_char
        self.end_char = end_char
        self.label_ = label
        self.id_ = span_id
        self.text = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, as the tokenizer kept it when it did (:data:`TEXT_KEY`)."""
    text = doc.user_data.get(TEXT_KEY)
    return doc.text if text is None else text


class _Tokens:
    """A doc's text and its tokens' character offsets, read once from the doc's arrays
    (a ``Token`` or ``Span.text`` builds Python objects token by token)."""

    def __init__(self, doc: Doc, names: dict[int, str] | None = None):
        self.text = doc_text(doc)
        self.strings = doc.vocab.strings
        self.names = {} if names is None else names
        """String hash -> string, for the labels and ids of spans (a ``StringStore``
        look-up costs more than a dict's, and a few dozen labels recur)."""
        kept = kept_columns(doc)
        if kept is not None:
            self.idx, self.length = kept["IDX"], kept["LENGTH"]
        else:
            self.idx, self.length = doc.to_array([IDX, LENGTH]).T.tolist()

    def word(self, i: int) -> str:
        """The text of token ``i``."""
        start = self.idx[i]
        return self.text[start:start + self.length[i]]

    def end_char(self, i: int) -> int:
        """The character offset after token ``i``."""
        return self.idx[i] + self.length[i]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (tokens ``start`` to ``end`` - 1, ``end`` > ``start``)."""
        return self.text[self.idx[start]:self.end_char(end - 1)]

    def name(self, key: int) -> str:
        """The string of a label or id hash."""
        found = self.names.get(key)
        if found is None:
            found = self.names[key] = self.strings[key]
        return found

    def marks(self, spans: Iterable[tuple[int, int, int, int]]) -> list[_Mark]:
        """Spans given as (start, end, label hash, id hash), as plain values with text."""
        text, names, idx, length = self.text, self.names, self.idx, self.length
        out = []
        for start, end, label, span_id in spans:
            first = idx[start]
            last = idx[end - 1] + length[end - 1] if end > start else first
            label_ = names.get(label)
            if label_ is None:
                label_ = self.name(label)
            id_ = names.get(span_id)
            if id_ is None:
                id_ = self.name(span_id)
            out.append(_Mark(start, end, first, last, label_, id_, text[first:last]))
        return out


class _SentenceCues:
    """A doc's cue spans, made marks one sentence at a time when a sentence is read
    (most sentences name no concept, and their cues are never looked at)."""

    def __init__(self, tokens: _Tokens, spans: list[tuple[int, int, int, int]]):
        self.tokens = tokens
        self.spans = spans
        self.starts = [span[0] for span in spans]
        self.ordered = all(a <= b for a, b in pairwise(self.starts))
        """The spans are sorted by start (as a ``LexiconRuler`` writes them), so a
        sentence's cues are one slice of them."""

    def _spans(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        if self.ordered:
            starts = self.starts
            return self.spans[bisect_left(starts, start):bisect_left(starts, end)]
        return [span for span in self.spans if start <= span[0] < end]

    def within(self, start: int, end: int) -> list[_Mark]:
        """The cues that start in tokens ``start`` to ``end`` - 1, in the doc's order."""
        return self.tokens.marks(self._spans(start, end))

    def labelled(self, label: str, start: int, end: int) -> bool:
        """Whether a cue of ``label`` starts in tokens ``start`` to ``end`` - 1."""
        name = self.tokens.name
        return any(name(span[2]) == label for span in self._spans(start, end))


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of ``doc.sents`` (read once per doc): as taxcheck's sentencizer set
    them, else from the doc's sentence starts as ``doc.sents`` reads them (a token whose
    ``sent_start`` is 1 begins a sentence), without making a ``Span`` of each sentence."""
    length = len(doc)
    kept = doc.user_data.get(SENTENCES_KEY)
    if kept is not None and kept[0] == length and "sents" not in doc.user_hooks:
        return kept[1]
    if not length or "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    starts = (numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1).tolist()
    return list(pairwise([0, *starts, length]))


_DEGREE = frozenset({"large", "big", "much", "small", "many", "long", "old", "high", "low",
                     "little"})


_ONLY_CONDITION = frozenset({"if", "when", "after", "once", "as", "for", "where"})
"""Words after "but only" that make it a condition on the clause before ("..., but only if
you close every IRA"), not a clause of its own."""


def _cuts(tokens: _Tokens, sent: tuple[int, int], cue: _Mark) -> bool:
    """Whether a termination cue starts a new clause.

    "yet" and "though" do only after a comma or at the start ("X, yet Y"), not as adverbs
    ("for a while yet"); ", however," between commas is an aside, not a new clause.
    """
    sent_start, sent_end = sent
    if not sent_start < cue.start < sent_end:
        return False
    word = tokens.word(cue.start).lower()
    before = tokens.word(cue.start - 1) if cue.start > sent_start else ""
    after = tokens.word(cue.end) if cue.end < sent_end else ""
    if before == "(":
        return False  # "(but not the earnings)": an aside, not a clause of its own
    if word == "," and tokens.word(cue.start + 1).lower() == "not" and _set_off_denial(
            tokens, sent_start, cue.start + 1, sent_end):
        return False  # "Your contributions, not the earnings, can come out": an aside
    if word == "though" and before == "," and after == ",":
        return False  # "With an IRA, though, there is no such thing as a loan": an aside
    if word in ("though", "however") and before == "," and after in _LEAD_ENDS and not any(
            tokens.word(i).lower() in _DENIALS for i in range(sent_start, cue.start)):
        return False  # "Check with HR, though: your plan has to offer it": an adverb closing
        # a lead, which is one clause with what the colon opens, as it is without the adverb
        # (a denied lead keeps its own clause: "You aren't out of options, though: you have
        # until the filing deadline")
    if (word == "but" and after.lower() == "only" and cue.end + 1 < sent_end
            and tokens.word(cue.end + 1).lower() in _ONLY_CONDITION):
        return False  # "The loss is deductible, but only if you cash out every IRA": a condition
    if word in ("yet", "though"):
        # "even though" opens a concession of its own: "it still has RMDs even though a Roth
        # IRA doesn't" (the denial is the Roth IRA's)
        return before in (",", ";") or (word == "though" and before.lower() == "even")
    if word == "because":
        # "won't let you deduct it just because it's close to zero": not a reason of its own
        return before.lower() not in ("just", "only", "simply", "merely", "not", "partly")
    if word == "however":
        # "however large it is" is a degree, not a contrast
        return not (before == "," and after == ",") and after.lower() not in _DEGREE
    return True


_LEAD_ENDS = frozenset((":", "\u2014", "\u2013", "--", "-"))
"""What closes a lead before the statement it introduces ("Ask HR, though: ...")."""
_DENIALS = frozenset({"not", "n't", "n\u2019t", "no", "never", "cannot", "nothing", "nobody"})
"""Words that deny a lead ("You aren't out of options, though: ...")."""


def _negated(cues: list[_Mark], start: int, end: int) -> bool:
    pseudo = [c for c in cues if c.label_ == PSEUDO_NEGATION and start <= c.start < end]
    return any(c.label_ == NEGATION and start <= c.start < end
               and not any(p.start <= c.start < p.end for p in pseudo) for c in cues)


_PRONOUNS = frozenset({"you", "they", "it", "we", "he", "she"})

_EXPLETIVE_VERBS = frozenset({"pays", "helps", "stings", "hurts", "makes", "seems", "feels",
                              "matters"})
"""Verbs after an "it" that stands for what follows ("It pays to check", "It stings to lose
a deduction", "It makes sense to wait"), not for a thing named before."""
_EXPLETIVE_ADJECTIVES = frozenset({
    "worth", "important", "smart", "wise", "easy", "hard", "tempting", "possible",
    "impossible", "best", "better", "tough", "painful", "worthwhile", "crucial", "essential",
    "vital", "critical", "tricky", "common", "rare", "unusual", "normal", "natural", "fine",
    "okay", "reasonable", "frustrating", "surprising", "sensible", "prudent", "helpful",
    "useful", "easier", "harder", "simpler", "safer", "cheaper", "true"})
"""Adjectives after "it is" that make the "it" stand for a clause after them ("It's worth
checking ...", "It's tempting to ...", "It's true that ...")."""
_TO_BE = frozenset({"is", "'s", "\u2019s", "was", "can", "may", "might", "would", "will", "be"})


def _expletive(tokens: _Tokens, c: _Mark, end: int) -> bool:
    """The "it" of ``c`` stands for a clause after it, not for a thing named earlier: "It
    stings to lose a deduction you worked for", "It's worth checking your plan's rules"."""
    if c.text.lower() != "it" or c.end >= end:
        return False
    after = [tokens.word(i).lower() for i in range(c.end, min(end, c.end + 3))]
    if after[0] in _EXPLETIVE_VERBS:
        return len(after) > 1 and after[1] in ("to", "sense", "that", "like", "when", "if")
    i = 0
    while i < len(after) and after[i] in _TO_BE:
        i += 1
    return 0 < i < len(after) and after[i] in _EXPLETIVE_ADJECTIVES


def _states_amount(tokens: _Tokens, start: int, end: int) -> bool:
    """Whether tokens ``start`` to ``end`` hold a dollar amount ("$8,000")."""
    return "$" in tokens.text[tokens.idx[start]:tokens.idx[end - 1]]


_SUBORDINATORS = frozenset({"if", "when", "whenever", "once", "after", "before", "unless",
                            "because", "since", "as", "until", "whether", "so", "no", "yes",
                            "nope", "yep", "sadly", "unfortunately"})
"""Words before a bare comma that make the words up to it a lead-in, not a clause of its own
("If you can't repay, it's taxed"; "No, it's taxable"). A concession is not one: "while it
can't reduce your salary, it can mop up gains" states that it can."""
SPLICE_MIN_TOKENS = 4
"""Tokens a clause needs before a bare comma to be a statement of its own."""


def _subordinate(tokens: _Tokens, sent_start: int, c: _Mark) -> bool:
    """For a bare comma before a pronoun (", it can ..."): the words before it are not a
    main clause of their own (a lead-in "If ...", "No,", or too short to state anything)."""
    if tokens.word(c.start) != "," or c.end - c.start < 2 or tokens.word(c.start + 1).lower() \
            == "and":
        return False  # ", and you ..." joins two clauses whatever comes before
    if c.start - sent_start < SPLICE_MIN_TOKENS:
        return True
    return any(tokens.word(i).lower() in _SUBORDINATORS for i in range(sent_start, c.start))


_PREDICATE_WORDS = frozenset({"is", "are", "was", "were", "'s", "'re", "counts", "count",
                              "gets", "get", "owes", "owe", "has", "have", "can", "will", "must",
                              "may", "does", "do", "stays", "remains", "goes", "comes"})
"""Verbs that show the words before a comma hold a predicate of their own ("is taxable,")."""


_DETERMINERS = frozenset({"the", "your", "its", "their", "my", "his", "her", "our"})
"""Words that open a new subject after a bare comma (", your plan isn't required to"): the
main clause of a sentence opened by "Because ...", "While ..." is not split off."""
_OPENERS = _SUBORDINATORS | {"while", "although", "though", "whereas", "even", "for",
                             "during", "until"}
"""First words of a sentence that make the words up to its first comma a lead-in."""


def _predicate_before(tokens: _Tokens, sent_start: int, c: _Mark) -> bool:
    """For a denied predicate right after a comma (", can't be repaid"): the words before it
    hold a predicate of the same subject ("A hardship withdrawal is taxable, can't be
    repaid"), not the subject alone ("Losses in a 401(k), sadly, aren't deductible"). Any
    other coordination: True."""
    if tokens.word(c.start) != "," or tokens.word(c.start + 1).lower() == "and":
        return True
    return any(tokens.word(i).lower() in _PREDICATE_WORDS for i in range(sent_start, c.start))


_REASONS = frozenset({"because", "since", "cause", "\u2019cause", "'cause"})
"""Words that open the reason a reported belief gives for itself."""


THESIS_TOKENS = 10
"""Most words of a denied thesis before its colon ("A Roth conversion isn't final:")."""

_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "they", "i", "there"})

_NOT = frozenset({"not", "n't", "n\u2019t"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "ca", "can", "does", "do", "wo", "will",
                          "should", "must", "may"})
"""A denied verb ("isn't", "aren't", "can't be"): a thesis denies its predicate, not a
contrast ("The cap follows you, not your employer: ..." goes on about the cap)."""


def _thesis_colon(tokens: _Tokens, sent: tuple[int, int], cues: list[_Mark], raw: str,
                  concept_starts: list[int]) -> int | None:
    """The colon after a denied thesis that the rest of the sentence explains, if any: "A
    Roth conversion isn't final: if the market drops you can take it back", "Conversions
    aren't a one-way door: you can back out later", "No easy fix for wash sales: buying in
    your IRA counts too", "Not a loophole: ..." (a thesis opened by "no" or "not"). The
    denial is the thesis's; the clause
    after the colon states its claim on its own. Only when the words before the colon name a
    concept ("Not true: you can deduct it" denies what follows) in a few words with a subject
    of their own (not "It isn't gone: ...", a reply about what came before, nor a long
    sentence whose denial sits in a relative clause), and the words after it are not denied
    themselves and hold a verb (not a label: value line "Not deductible: IRA losses")."""
    if ":" not in raw:
        return None
    s_start, s_end = sent
    colon = next((i for i in range(s_start + 2, min(s_end - 2, s_start + THESIS_TOKENS))
                  if tokens.word(i) == ":"), None)
    if (colon is None or tokens.word(s_start).lower() in _PRONOUNS | _DEMONSTRATIVES
            or not _any_between(concept_starts, s_start, colon)
            or not _negated(cues, s_start, colon) or _negated(cues, colon, s_end)
            or not any(c.label_ == NEGATION and (
                           (c.start == s_start and tokens.word(c.start).lower() in ("no", "not"))
                           or (c.start > s_start and tokens.word(c.start).lower() in _NOT
                           and tokens.word(c.start - 1).lower() in _AUXILIARIES))
                       for c in cues if s_start <= c.start < colon)
            or _verbless(tokens, colon + 1, s_end)):
        return None
    return colon


_BREAKS = frozenset((":", "--", "\u2014", "\u2013"))
"""Marks after which a denial may hand over to an instruction of its own."""
_INSTRUCTION_LEADS = frozenset({"just", "only", "simply", "instead", "then", "so"})
"""Words an instruction after a denial may open with ("-- just close the losing one")."""
_DENIED_INSTRUCTIONS = frozenset({"don't", "don\u2019t", "do not", "never"})


def _instruction_after_denial(tokens: _Tokens, sent: tuple[int, int],
                              cues: list[_Mark]) -> int | None:
    """The colon or dash between a denial and an instruction of its own, if any: "you don't
    need to empty the others -- close only the account that's down and claim the loss",
    "Don't bother emptying your other IRAs: cash out the loser". The denial is what comes
    before the mark; the instruction after it (an imperative, at most after "just", "only",
    "simply", "instead", "then" or "so", and not denied itself) states its claim on its own,
    as it does after a semicolon."""
    s_start, s_end = sent
    orders = {c.start: c for c in cues if c.label_ == IMPERATIVE
              and c.text.lower() not in _DENIED_INSTRUCTIONS}
    for i in range(s_start + 2, s_end - 2):
        if tokens.word(i) not in _BREAKS:
            continue
        first = i + 2 if tokens.word(i + 1).lower() in _INSTRUCTION_LEADS else i + 1
        if (first in orders and _negated(cues, s_start, i)
                and not _negated(cues, i, s_end)
                and not names_forbidden_act(tokens, s_start, i)):
            return i
    return None


def _frames(tokens: _Tokens, sent: tuple[int, int], cues: list[_Mark],
            concepts: list[_Mark]) -> set[int]:
    """Where the negated frames of a sentence end ("What nobody tells you: ...", "Most
    people don't realize that ..."): the claim after each is a clause of its own."""
    spans = [(m.start, m.end) for m in concepts if sent[0] <= m.start < sent[1]]
    return {end for c in cues if c.label_ == FRAME
            and (end := frame_end(tokens, sent, c.start, c.end, spans)) is not None}


def _clauses(tokens: _Tokens, sent: tuple[int, int], cues: list[_Mark],
             colon: int | None = None, frames: set[int] | None = None
             ) -> list[tuple[int, int]]:
    """Split a sentence (token indices) at termination cues such as "but" or ";".

    A coordination (", and you ...") splits when one side is negated and the other is not,
    so a negation does not reach across: "Hardship withdrawals don't avoid the penalty, and
    you can repay them" states that they can be repaid; and when both are, so a qualifier of
    one side stays there: "you don't pay tax on the gains each year, and you can't deduct the
    drops" does not say the drops are deductible some other year. One that opens a new
    subject (", and the catch-up ...", ", and there's ...", no pronoun) splits when each side
    states its own dollar amount, or when just one side is negated: "The SIMPLE limit is
    $16,500, and the SIMPLE catch-up is $3,500" states two limits; "Hardship withdrawals
    don't have to be repaid, and the 10% penalty still applies" states that it applies; or
    when both sides are negated (each keeps its own qualifiers).
    """
    sent_start, sent_end = sent
    cuts = {c.start for c in cues if c.label_ == TERMINATION and _cuts(tokens, sent, c)}
    if colon is not None:
        cuts.add(colon)  # a denied thesis and the claim that explains it
    if frames:
        cuts.update(frames)  # a negated frame and the claim it tells of
    for c in cues:
        if c.label_ != COORDINATION or not sent_start < c.start < sent_end:
            continue
        left = _negated(cues, sent_start, c.start)
        right = _negated(cues, c.start, sent_end)
        if any(tokens.word(i).lower() in _PRONOUNS for i in range(c.start, c.end)):
            if (left != right or (left and right)) and not _subordinate(tokens, sent_start, c):
                cuts.add(c.start)
        # a new subject keeps its own denial off the statement before it ("It's still
        # taxable, ..., and your plan isn't obliged to offer it"), and the denial before it
        # off its own statement ("... don't have to be repaid, and the penalty applies")
        elif (left != right or (left and right) or (_states_amount(tokens, sent_start, c.start)
                                and _states_amount(tokens, c.start, sent_end))) and (
                _predicate_before(tokens, sent_start, c)) and not (
                tokens.word(c.start + 1).lower() in _DETERMINERS
                and tokens.word(sent_start).lower() in _OPENERS):
            cuts.add(c.start)
    bounds = [sent_start, *sorted(cuts), sent_end]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def _visible(spans: list[_Mark], hides: dict[str, set[str]]) -> list[_Mark]:
    """Concept spans, without those a longer fixed phrase of another concept hides.

    ``hides`` comes from concepts.yaml: "capital losses" (CAPITAL_LOSS) hides the LOSS
    inside it; "rollover IRA" (IRA) hides the ROLLOVER. Gapped patterns hide nothing.
    """
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    covers = [o for o in ordered if o.id_ == PHRASE and hides.get(o.label_)]
    if not covers:
        return ordered
    return [s for s in ordered
            if not any(s.label_ in hides[o.label_] and o.start <= s.start and s.end <= o.end
                       and (o.end - o.start) > (s.end - s.start) for o in covers)]


Scope = tuple[str, int | None]
"""A cue category's direction and maximum scope in tokens (None: the whole clause)."""


def _asides(tokens: _Tokens, a: int, b: int) -> list[tuple[int, int]]:
    """Token ranges of the parenthetical asides of a clause ("(not $3,000 each)"), and of
    its denials set off by commas or dashes ("Your contributions, not the earnings, can
    come out", "... -- not the earnings -- ...")."""
    out, opened = [], None
    for i in range(a, b):
        word = tokens.word(i)
        if word == "(":
            opened = i
        elif word == ")" and opened is not None:
            out.append((opened, i + 1))
            opened = None
        elif word.lower() == "not" and i - 1 > a and (end := _set_off_denial(tokens, a, i, b)):
            out.append((i - 1, end))
    return out


_ASIDE_MARKS = frozenset({",", "--", "\u2014", "\u2013"})
_ASIDE_WORDS = 6
_NOT_A_VERB = frozenset({
    "and", "or", "nor", "so", "but", "yet", "which", "who", "whose", "because", "since", "as",
    "if", "when", "while", "though", "although", "then", "nobody", "no", "you", "they", "we",
    "it", "he", "she", "i", "the", "a", "an", "your", "my", "their", "our", "this", "that",
    "these", "those", "there", "to", "for", "in", "on", "at", "by", "with", "from", "of"})
"""Most words in a denial set off by commas or dashes ("not the earnings"), and before a
comma-set one (the subject it follows: "Your Roth contributions")."""


def _set_off_denial(tokens: _Tokens, a: int, i: int, b: int) -> int | None:
    """The end (after its closing mark) of a denial the token ``i`` ("not") opens between
    two commas or two dashes, with more of the clause after it: "Only your contributions,
    not the earnings, come out tax-free". A comma-set denial follows a short subject with
    no comma of its own; "deduct it as a capital loss, not as a bad debt, on Form 8949"
    (the denial after a verb and its object) is a contrast of its own (cues.yaml)."""
    mark = tokens.word(i - 1)
    if mark not in _ASIDE_MARKS:
        return None
    if mark == ",":
        # the subject starts the clause or follows a label ("Good news: your contributions, ...")
        start = next((k + 1 for k in range(i - 2, a - 1, -1) if tokens.word(k) == ":"), a)
        if i - 1 - start > _ASIDE_WORDS or any(tokens.word(k) == "," for k in range(start, i - 1)):
            return None
    for j in range(i + 1, min(b - 1, i + 2 + _ASIDE_WORDS)):
        word = tokens.word(j)
        if word == mark:
            # the clause goes on with its verb ("..., can come out"), not with a clause or
            # a list item of its own (", so ...", ", and phases out ...", ", nobody ...")
            return None if tokens.word(j + 1).lower() in _NOT_A_VERB else j + 1
        if word in _ASIDE_MARKS or word in (";", ".", "(", ")"):
            return None
    return None


_ASIDE_DENIALS = frozenset({"not", "never", "excluding", "except"})
_ASIDE_LINKS = frozenset({"but", "and", "though", "although", "yet", "or", "just", "only"})


_ASIDE_ADDITIONS = frozenset({"plus", "+"})
_ASIDE_ANY = frozenset({"any", "the", "a", "an", "your"})
"""Words after "before" or "without" opening an aside that leaves a thing out ("(before any
catch-up)", "(without the catch-up)"), not a time ("(before 2018)")."""


def _leaves_out(tokens: _Tokens, lo: int, hi: int) -> bool:
    """An aside that leaves out what it names: "(not the earnings)", "(but not its
    earnings)", "(never the match)", "(excluding catch-ups)", "(before any catch-up)"; and
    one that adds to the clause's amount something it gives no amount of ("$24,500 across
    both plans (plus the catch-up if you're 50)", "(+ catch-up)"): the amount is not that
    addition's."""
    first = tokens.word(lo + 1).lower() if lo + 1 < hi else ""
    if first in _ASIDE_LINKS and lo + 2 < hi:
        first = tokens.word(lo + 2).lower()
    if first in ("before", "without") and lo + 2 < hi and tokens.word(
            lo + 2).lower() in _ASIDE_ANY:
        return True  # "(before any catch-up)", "(without the catch-up)": set aside
    if first in _ASIDE_ADDITIONS:
        return not any(tokens.word(k) in ("$", "%") or tokens.word(k).startswith("$")
                       for k in range(lo, hi))
    return first in _ASIDE_DENIALS


def _reaches(cue: _Mark, targets: list[_Mark], scope: Scope,
             asides: list[tuple[int, int]]) -> bool:
    """Whether a cue modifies one of the clause's concepts: a cue inside an aside reaches
    only concepts inside it, and at most ``scope`` tokens away in its direction."""
    aside = next(((lo, hi) for lo, hi in asides if lo <= cue.start < hi), None)
    if aside is not None:
        targets = [t for t in targets if aside[0] <= t.start < aside[1]]
    direction, limit = scope
    for t in targets:
        ahead = t.start - cue.end if t.start >= cue.end else None
        behind = cue.start - t.end if cue.start >= t.end else None
        if ahead is None and behind is None:
            return True  # overlapping ("non-deductible")
        if direction != "backward" and ahead is not None and (limit is None or ahead <= limit):
            return True
        if direction != "forward" and behind is not None and (limit is None or behind <= limit):
            return True
    return False


def _negations(cues: list[_Mark], pseudo: list[_Mark], targets: list[_Mark] | None = None,
               scope: Scope = ("bidirectional", None),
               asides: list[tuple[int, int]] | None = None) -> tuple[str, ...]:
    """Negation cues of a clause, without pseudo-negations, cues inside longer ones, or
    cues that reach none of the clause's concepts (``targets``)."""
    found: list[_Mark] = []
    for cue in sorted((c for c in cues if c.label_ == NEGATION), key=lambda c: (c.start, -c.end)):
        if any(p.start <= cue.start < p.end for p in pseudo):
            continue
        if targets is not None and not _reaches(cue, targets, scope, asides or []):
            continue
        if found and cue.start < found[-1].end:
            continue
        found.append(cue)
    return tuple(c.text for c in found)


_RELATIVE_SUBJECTS = frozenset(("you", "we", "they", "i", "he", "she", "nobody"))
"""Subjects that open a contact relative clause ("income you didn't expect")."""
_RELATIVE_AUX = frozenset(("did", "do", "does", "had", "have", "has", "would", "will", "could",
                           "may", "might", "ca", "wo", "'d", "\u2019d", "'ll", "\u2019ll"))
"""Auxiliaries between that subject and its negation ("you would never ...")."""
_NOT_A_HEAD = frozenset((
    "if", "when", "whenever", "unless", "and", "but", "or", "nor", "so", "because", "as",
    "once", "until", "while", "since", "that", "which", "who", "whom", "where", "what", "then",
    "than", "though", "although", "before", "after", "even", "whether", "why", "how", "yes",
    "also", "still", "just", "only", "you", "we", "they", "i", "he", "she", "it", "them",
    "us", "me", "him", "her", "do", "does", "did", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
    "give", "gives", "gave", "get", "gets", "got", "make", "makes", "made", "let", "lets",
    "tell", "tells", "told", "show", "shows", "cost", "costs", "save", "saves", "owe", "owes",
    "say", "says", "said", "think", "thinks", "know", "tip",
    "note", "warning", "hint", "caveat", "myth", "fact", "truth", "reality"))
"""Words a subject pronoun after them starts a clause of its own with ("if you don't"):
not a noun a contact relative clause may modify."""


def _in_contact_relative(tokens: _Tokens, cues: list[_Mark], inside: list[_Mark],
                         clause: tuple[int, int]) -> list[_Mark]:
    """Negations inside a contact relative clause after everything the clause names
    ("401(k) Loans: Taxable Income You Didn't Expect", "taxable income nobody plans for"):
    they deny the relative clause's verb, not what the noun before it is said to be. A
    relative clause that names a concept ("money you don't pay tax on") keeps its negation;
    one in the subject that names none, before the main verb ("The IRA loss you never got
    back is deductible"), does not reach the main clause (:func:`relative_end`)."""
    a, b = clause
    starts = [m.start for m in inside]
    out = []
    for cue in cues:
        if cue.label_ != NEGATION:
            continue
        p = cue.start - 1
        while p > a and tokens.word(p).lower() in _RELATIVE_AUX:
            p -= 1
        word = tokens.word(cue.start).lower()
        if word == "nobody" and cue.start > a:
            p = cue.start  # "income nobody expects": the negation is the subject
        if p <= a or tokens.word(p).lower() not in _RELATIVE_SUBJECTS:
            continue
        head = tokens.word(p - 1)
        if not any(ch.isalpha() for ch in head) or head.lower() in _NOT_A_HEAD:
            continue
        if all(m.end <= p for m in inside) or relative_end(tokens, cue.end, b,
                                                           starts) is not None:
            out.append(_Mark(p, cue.end))
    return out


_ALTERNATIVE_ENDS = {",", ";", ":", ")", "(", "\u2014", "\u2013", "--", "."}
_CHANGE_ENDS = _ALTERNATIVE_ENDS | {"to"}
"""Where the old value of a change ("moved from 60 days to ...") ends."""


def _in_name(tokens: _Tokens, i: int) -> bool:
    """Token ``i`` is a bracket inside a plan's name ("401(k)", "403(b)", "72(t)"): glued to
    the token before it, it closes nothing ("has nothing to do with your 401(k) losses")."""
    return tokens.word(i) in "()" and i > 0 and tokens.idx[i] == tokens.end_char(i - 1)


def _alternatives(tokens: _Tokens, cues: list[_Mark], a: int, b: int) -> list[tuple[int, int]]:
    """Token ranges a clause sets aside ("rather than at capital-gains rates", "instead of
    the calendar year"): from the cue to the next comma, dash or bracket, or the clause end."""
    out = []
    for cue in cues:
        if cue.label_ != ALTERNATIVE or not a <= cue.start < b:
            continue
        end = cue.end
        # "moved from 60 days to your return's due date": the old value, up to "to"
        change = tokens.word(cue.end - 1).lower() == "from"
        ends = _CHANGE_ENDS if change else _ALTERNATIVE_ENDS
        while end < b and (tokens.word(end).lower() not in ends
                           or _in_name(tokens, end)):
            end += 1
        if _asks_of_plan(tokens, cue, a, end):
            continue
        if change and (end >= b or tokens.word(end).lower() != "to"):
            continue  # "subtract the drop from your gains" changes nothing
        if not _others_amount(tokens, cue.end, end):
            out.append((cue.start, end))
    return out


_PLAN_CUES = frozenset({"thinking", "considering", "tempted", "toying"})
"""First words of the cues that set aside the reader's plan ("thinking about", "tempted to")."""


def _asks_of_plan(tokens: _Tokens, cue: _Mark, a: int, end: int) -> bool:
    """The cue opens a question about the reader's plan that is the whole clause ("Thinking
    about a hardship withdrawal?", "Tempted to borrow from your 401(k)?"): it sets up the
    case the next sentences speak of, so what it names stays in the clause."""
    if cue.start != a or tokens.word(cue.start).lower() not in _PLAN_CUES:
        return False
    return tokens.word(end - 1) == "?"


_WHOSE = frozenset({"that", "which", "for"})


def _others_amount(tokens: _Tokens, a: int, b: int) -> bool:
    """Whether a set-aside alternative states another group's amount ("instead of the $8,000
    that others 50 and older get", "rather than $7,500 for savers under 50"): what it names
    stays in the clause, each amount for its own group."""
    for i in range(a, min(b, len(tokens.idx)) - 2):
        if tokens.word(i) == "$" and tokens.word(i + 2).lower() in _WHOSE and not (
                tokens.word(i + 2).lower() == "for" and i + 3 < b
                and tokens.word(i + 3)[:2] in ("19", "20")):
            return True
    return False


_LEADING = {"and", "but", "so", "or", ",", "-", "\u2013", "\u2014"}


_CONDITION_OPENERS = frozenset({"if", "assuming", "presuming", "provided"})
"""Words that open a clause-initial condition ("If ...,", "Assuming you have no other
deductions, ...")."""


def _preposed_condition(tokens: _Tokens, a: int, b: int) -> tuple[int, int] | None:
    """The token span of a clause-initial "if ...," or "assuming ...," ("If you don't take
    your RMD, the tax is 25%"; "Assuming you have no other miscellaneous items, $1,700 of
    the loss is deductible"), whose negations belong to the condition, not to what the
    clause states."""
    start = a
    while start < b and tokens.word(start).lower() in _LEADING:
        start += 1
    if start >= b or tokens.word(start).lower() not in _CONDITION_OPENERS:
        return None
    comma = next((i for i in range(start + 1, b) if tokens.word(i) == ","), None)
    if comma is None or comma >= b - 2:
        return None
    return start, comma


_REPORTS_ASKING = frozenset({"asked", "ask", "asks", "asking", "wondered", "wonder", "wonders",
                           "wondering", "know", "inquired", "inquires", "question",
                           "questioned"})
"""Words right before "whether" / "if" that report a question ("A reader asked whether ...",
"wanted to know if ...")."""


def _asked(tokens: _Tokens, cues: list[_Mark], b: int) -> list[tuple[int, int]]:
    """Token spans an embedded question asks about: from "whether" to the next comma, or to
    the clause's end when a verb of asking reports it ("A reader asked whether she and her
    husband, filing jointly, could each deduct ...": the commas set off asides)."""
    spans = []
    for cue in cues:
        if cue.label_ != EMBEDDED_QUESTION:
            continue
        words = tokens.span_text(cue.start, cue.end).lower().split()
        reported = bool(_REPORTS_ASKING.intersection(words)) or (
            cue.start > 0 and tokens.word(cue.start - 1).lower() in _REPORTS_ASKING)
        end = b if reported else next(
            (i for i in range(cue.end, b) if tokens.word(i) == ","
             or _turns_on(tokens, i, b)), b)
        spans.append((cue.start, end))
    return spans


_TURNS_ON = frozenset({"depends", "depend", "depended", "hinges", "hinge", "turns", "rests"})


def _turns_on(tokens: _Tokens, i: int, b: int) -> bool:
    """Whether token ``i`` begins what an embedded question is said to turn on ("Whether
    you're over the line depends on your household's AGI": the question ends before
    "depends"; what comes after is stated, so a clause that names something there is no
    question)."""
    return (tokens.word(i).lower() in _TURNS_ON and i + 1 < b
            and tokens.word(i + 1).lower() in ("on", "upon"))


_AFTER_QUESTION = re.compile(r"\?[\s\"'\u201d\u2019)]*(?:[-\u2013\u2014]+\s*[^?.!]{0,60}|"
                             r"[\u00b7\u2022|\u00bb\u203a\u2192>/]+[\s\u00b7\u2022|\u00bb\u203a\u2192>/]*)?$")
"""What may follow a question mark at the end of a question: quotes, a closing bracket, a
dash and a signature ("...? \u2014 Worried in Ohio"), or the separator after a link
("More from Money Mail: Is my 401(k) loan taxable? \u00b7", "Read next \u2192 Is it penalty-free?
\u00bb")."""


_OPEN_QUOTES = ("\"", "\u201c")
_CLOSE_QUOTES = ("\"", "\u201d")


def _quoted(sent_text: str) -> bool:
    """A sentence wholly inside quotation marks (a belief quoted as a myth heading, a
    reader's words): it is someone's statement, not the author's."""
    return (len(sent_text) > 2 and sent_text.startswith(_OPEN_QUOTES)
            and sent_text.endswith(_CLOSE_QUOTES)
            and sum(sent_text.count(q) for q in ("\"", "\u201c", "\u201d")) == 2)


_QUOTE_SPAN = re.compile("[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")
_COLON_QUOTATION = re.compile(
    "^[^\"\u201c\u201d:]{1,80}:\\s*[\"\u201c][^\"\u201c\u201d]{12,}[\"\u201d][\\s.!?)]*$")
"""A short lead-in, a colon and a quotation that ends the sentence ("Another classic from my
brother: \u201cIf you miss an RMD the penalty is 50%.\u201d", "Quote from Gary: \u201c...\u201d"):
the quotation is someone's words, and the lead-in only introduces them."""


def _quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of a block's quotations, which may run over several sentences
    (``2. \u201cI'll sell in my IRA. The loss offsets my gains.\u201d``): each opening mark
    paired with the next closing one; a mark left unpaired quotes nothing."""
    if "\"" not in text and "\u201c" not in text:
        return []
    spans, start = [], None
    for i, ch in enumerate(text):
        if ch == "\u201c" or (ch == "\"" and start is None):
            start = i
        elif ch in _CLOSE_QUOTES and start is not None:
            spans.append((start, i + 1))
            start = None
    return spans


_UNQUOTED_EDGE = " \t\"\u201c\u201d.,;:!?"


def _inside_quotation(sent_text: str, offset: int, spans: list[tuple[int, int]]) -> bool:
    """The sentence (at ``offset`` in its block) lies wholly inside one of the block's
    quotations, though a list number or the sentence splitter keeps the marks apart from
    it (``2. \u201c`` + ``Unused losses expire after five years.\u201d``)."""
    lead = len(sent_text) - len(sent_text.lstrip(_UNQUOTED_EDGE))
    body = sent_text.strip(_UNQUOTED_EDGE)
    lo = offset + lead
    hi = lo + len(body)
    return bool(body) and any(a < lo and hi < b for a, b in spans)


def _quote_spans(sent_text: str, offset: int) -> list[tuple[int, int]]:
    """Character spans (absolute) of quotations of four or more words inside a sentence: a
    belief quoted mid-sentence ("A common misreading: \u201cyou could ...\u201d", "\u201cX\u201d is
    how many people remember it"); a quoted term of one to three words is a name."""
    if "\"" not in sent_text and "\u201c" not in sent_text:
        return []
    return [(offset + m.start(), offset + m.end()) for m in _QUOTE_SPAN.finditer(sent_text)
            if len(m.group(1).split()) >= 4]


def _is_question(tokens: _Tokens, sent: tuple[int, int], sent_start_char: int,
                 cues: list[_Mark], sent_text: str) -> bool:
    text = sent_text.rstrip()
    if text.endswith("?") or ("?" in text and _AFTER_QUESTION.search(text)):
        return True
    if text.endswith((".", "!")):
        # "What counts is leaving in the year you turn 55." is a statement
        return False
    for cue in cues:
        if cue.label_ != QUESTION or not sent[0] <= cue.start < sent[1]:
            continue
        before = sent_text[:cue.start_char - sent_start_char].strip()
        if not before and _states(tokens, cue, sent[1]):
            return False
        if _cell_value(tokens, cue, sent[1], before):
            return False
        if _VALUE_TOLD.match(before):
            return False  # "$23,500 \u2014 what you can defer": the clause tells the figure
        if not before or before.endswith(("-", ":", "\u2013", "\u2014")):
            return not _answered(tokens, cue, sent[1], sent_text[cue.end_char - sent_start_char:])
    return False


def _cell_value(tokens: _Tokens, cue: _Mark, sent_end: int, before: str) -> bool:
    """A table cell whose value is a "what" clause names a thing, it asks nothing: the row
    "Traditional IRA to Roth IRA \u2014 Taxed on: What you originally put in" (a column named
    "Taxed on") states that the conversion is taxed on it. An inverted auxiliary after the
    wh-word still asks ("\u2014 Question: What is the limit"), and so does a column not named
    by a verb and its preposition ("\u2014 Hardship withdrawal: What you need ..."). A label
    line of its own names the thing the same way when its label is such a column's or an
    amount ("Taxable amount: what you originally contributed", "Taxed on: what you put in")."""
    label = before[:-1].split()
    if not (before.endswith(":") and bool(label)
            and tokens.word(cue.start).lower() in _WH_LABELS
            and cue.end < sent_end and tokens.word(cue.end).lower() not in _ASKING):
        return False
    last = label[-1].lower()
    if " \u2014 " in before:
        return last in _LABEL_PREPOSITIONS
    return last in _LABEL_PREPOSITIONS or last in _AMOUNT_LABELS
_AMOUNT_LABELS = frozenset(("amount", "income", "portion", "part", "base"))
"""The last word of a label line that names an amount ("Taxable amount:"): its "what" clause
is that amount, not a question."""
_VALUE_TOLD = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?(?:\$\s?\d[\d,.]*\s*(?:k|thousand|million)?|\d[\d,.]*\s*%|"
    r"\d{2}(?:\.5|\u00bd)?)\s*(?:[-\u2013\u2014]{1,2}|:)$", re.IGNORECASE)
"""A figure alone before a dash or colon, after any list number ("$23,500 \u2014", "3. 73:",
"20% -"): the wh-clause after it tells what the figure is ("$23,500 \u2014 what you can defer
into a 401(k)", "73: when RMDs begin"); it asks nothing."""


def _answered(tokens: _Tokens, cue: _Mark, sent_end: int, rest: str) -> bool:
    """A wh-label that a colon answers states what follows: "What you owe: 10%", "What to
    expect: Suspended for six months", a table's
    row "Traditional IRA \u2014 How withdrawals are taxed: Capital gains rates" (a column
    named "How withdrawals are taxed" and its cell). An inverted auxiliary or "to" still
    asks ("How to deduct it: a guide"), and so does a value that is a question itself
    ("What it controls: Whether converted dollars owe the 10% penalty")."""
    if _TO_LABEL.match(rest) and tokens.word(cue.start).lower() in _WH_LABELS:
        value = rest.partition(":")[2].split()
        return bool(value) and value[0].lower() not in _OPEN_VALUES
    if cue.end < sent_end and tokens.word(cue.end).lower() in _ASKING:
        return False
    _, colon, value = rest.partition(":")
    if not colon and tokens.word(cue.start).lower() in _WH_LABELS:
        # a dash set off by spaces answers a wh-label with a statement: "What most savers
        # don't know - Roth IRA owners must take RMDs" (not "Can you deduct it - a guide")
        dash = _SPACED_DASH.search(rest)
        value = rest[dash.end():] if dash else ""
        colon = "-" if len(value.split()) >= _DASH_ANSWER_WORDS else ""
    words = value.split()
    return bool(colon) and bool(words) and words[0].lower() not in _OPEN_VALUES


_LABEL_PREPOSITIONS = frozenset(("on", "to", "toward", "towards", "for", "from", "of", "by",
                                 "against", "with", "into"))
"""The last word of a column name that wants a noun after it ("Taxed on", "Counts toward"):
its cell's "what" clause is that noun, not a question."""
_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]{1,2}\s")
_TO_LABEL = re.compile(r"\s*to\s+[a-z]+\s*:", re.IGNORECASE)
"""A "What to <verb>:" label ("What to expect: Suspended for six months", "What to bring:
bank statements ..."): a checklist's or a table column's name, answered by its value (not
"How to deduct it: a guide", whose wh-word is not a label's)."""
_WH_LABELS = frozenset(("what", "which"))
"""Wh-words of a label a dash may answer; "why" and "how" headlines state their own clause
(see :func:`_states`), and an inverted auxiliary ("Can you ...") still asks."""
_DASH_ANSWER_WORDS = 3
"""Fewest words after a dash that answer a label with a statement ("- Roth IRAs have no
RMDs"), not a subtitle ("- a guide")."""


_OPEN_VALUES = frozenset(("whether", "if", "how", "what", "when", "which", "why", "who"))
"""A value that opens a question of its own: the label still names a topic."""


_WH_WORDS = frozenset(("why", "how"))
_HOW_DEGREE = frozenset(("much", "many", "long", "often", "soon", "far", "old", "early", "late"))
_ASKING = frozenset((
    "can", "ca", "could", "do", "does", "did", "is", "are", "was", "were", "should", "would",
    "will", "wo", "shall", "may", "might", "must", "has", "have", "had", "am", "'s", "\u2019s",
    "'re", "\u2019re", "to", "not", "n't"))
"""Words that make a wh-word ask: an inverted auxiliary ("Why can't I ...", "How do I
..."), and "to" ("How to ...", a topic that asks how)."""
_HOW_TOPIC = frozenset(("work", "works", "worked", "happen", "happens", "function",
                        "functions", "operate", "operates", "compare", "compares", "differ",
                        "differs"))
"""The verbs of a "How X works" heading: a topic that names X, stating nothing of it."""


def _states(tokens: _Tokens, cue: _Mark, sent_end: int) -> bool:
    """A headline without "?" that opens with "Why" or "How" and goes on in statement order
    ("Why your 401(k) loss isn't deductible", "How RMDs start later now") states its
    clause, which the headline takes as given; an inverted auxiliary or "to" keeps it
    asking ("Why can I deduct my loss", "How to deduct it"), and "How X works" names a
    topic. "What" and "Which" are left asking: their clause lacks a part ("What you owe",
    "What you need to know about RMDs") and states nothing."""
    if cue.end - cue.start != 1 or tokens.word(cue.start).lower() not in _WH_WORDS:
        return False
    at = cue.end
    if at < sent_end and tokens.word(cue.start).lower() == "how" and (
            tokens.word(at).lower() in _HOW_DEGREE):
        at += 1  # "How much you can put in": the degree goes with the wh-word
    if at >= sent_end or tokens.word(at).lower() in _ASKING:
        return False
    last = sent_end - 1
    while last > at and not tokens.word(last).isalnum():
        last -= 1
    return tokens.word(cue.start).lower() != "how" or tokens.word(last).lower() not in _HOW_TOPIC


def _opens(tokens: _Tokens, sent_start: int, cue: _Mark) -> bool:
    """The cue starts the sentence, or follows only a list label ("Step 6: Claim ...") or a
    short topic label ("SEPP payments: Take ...")."""
    if cue.start == sent_start:
        return True
    before = tokens.span_text(sent_start, cue.start) if cue.start > sent_start else ""
    before = before.strip()
    return bool(_LABEL_PREFIX.match(before) or (
        _TOPIC_LABEL.match(before) and not _ASKED_LABEL.match(before)))



def _after_comma(tokens: _Tokens, cue: _Mark) -> bool:
    """", whether ... or ..." means "either way"; it does not ask."""
    return cue.start > 0 and tokens.word(cue.start - 1) == ","


def _reported(tokens: _Tokens, sent_end: int, cues: list[_Mark]) -> list[_Mark]:
    """Attribution cues, without those a pseudo-attribution ("contrary to what most people
    assume, ...") turns around: the words up to the next comma are what the author rejects,
    and the rest is the author's own claim."""
    found = [c for c in cues if c.label_ == ATTRIBUTION]
    for pseudo in (c for c in cues if c.label_ == PSEUDO_ATTRIBUTION):
        end = next((i for i in range(pseudo.start, sent_end) if tokens.word(i) == ","),
                   sent_end)
        found = [c for c in found if not pseudo.start <= c.start < end]
    return found


def _same_as_inside(tokens: _Tokens, inside: list[_Mark], cue: _Mark) -> bool:
    """"Roth IRA owners never have to withdraw, and the same goes for Roth 401(k)s": the
    same as the statement made earlier in the clause (", and" after a concept, before the
    cue), not as the previous sentence."""
    first = min((s.start for s in inside if s.start < cue.start), default=None)
    return first is not None and any(
        tokens.word(i) == "," and tokens.word(i + 1).lower() == "and"
        for i in range(first, cue.start - 1))


def _any_between(sorted_starts: list[int], start: int, end: int) -> bool:
    """True when some value of the sorted list lies in ``[start, end)``."""
    i = bisect_left(sorted_starts, start)
    return i < len(sorted_starts) and sorted_starts[i] < end


def _follow_on(tokens: _Tokens, sent: tuple[int, int], sent_index: int,
               cues: _SentenceCues | list[_Mark],
               quantities_of: Callable[[str, int], list[Quantity]] = find_quantities
               ) -> list[Candidate]:
    """A follow-on sentence (:mod:`taxcheck.follow_ons`) as a candidate naming no concept:
    the matcher gives it the concepts of the statement before it, if that one matched. A
    pronoun giving a new value of the figure before it ("It rises to $7,500 in 2026.") keeps
    its amounts."""
    s_start, s_end = sent
    raw = tokens.span_text(s_start, s_end)
    text = raw.strip()
    short = s_end - s_start <= VALUE_TOKENS
    # a bare amount ("$7,000.", "Up to $3,000.") points back at nothing: only a question
    # asking for a value gives it a subject (:func:`~taxcheck.matching.retries.questions.wh_reply`)
    bare = short and gives_value(text) is None and bare_amount(text) is not None
    value = short and (gives_value(text) is not None or bare)
    if not value and (s_end - s_start > FOLLOW_ON_TOKENS or follow_on(text) is None):
        return []
    start = tokens.idx[s_start] + len(raw) - len(raw.lstrip())
    sent_cues = cues.within(s_start, s_end) if isinstance(cues, _SentenceCues) else [
        c for c in cues if s_start <= c.start < s_end]
    negations = _negations(sent_cues, [c for c in sent_cues if c.label_ == PSEUDO_NEGATION])
    return [Candidate(
        start=start, end=start + len(text), text=text, sentence_index=sent_index,
        sentence_start=start, sentence_end=start + len(text), sentence=text, concepts=(),
        polarity="negated" if negations else "affirmed", negations=negations,
        hedges=tuple(c.text for c in sent_cues if c.label_ == HEDGE), attribution=None,
        question=False, imperative=False, anaphor=not bare, assertive=False, historical=False,
        quantities=tuple(quantities_of(raw, tokens.idx[s_start])) if value else ())]


POSED_TOKENS = 6
"""Most tokens of a quiz opener ("True or false?", "Fact or fiction:") that puts the next
sentence to the reader."""


def _poses(tokens: _Tokens, sent: tuple[int, int], cues: _SentenceCues) -> str | None:
    """The attribution cue of a short concept-free sentence ending in "?" or ":" ("True or
    false?", "Myth or fact?"): the sentence after it is put to the reader, not asserted."""
    s_start, s_end = sent
    if s_end - s_start > POSED_TOKENS or tokens.word(s_end - 1) not in ("?", ":"):
        return None
    return next((c.text for c in cues.within(s_start, s_end) if c.label_ == ATTRIBUTION),
                None)


def _inside(concepts: list[_Mark], starts: list[int], a: int, b: int,
            left_out: list[tuple[int, int]], sent_end: int) -> list[_Mark]:
    """The concepts that start in tokens ``a`` to ``b`` - 1, end by ``sent_end`` (the end of
    their sentence) and lie in none of ``left_out`` (the concepts are sorted by start, their
    ``starts``: the first test is a slice)."""
    inside = concepts[bisect_left(starts, a):bisect_left(starts, b)]
    # a pattern's gap may run on into the next sentence ("the starting age has moved twice.
    # It was 72"): such a span is no concept of the clause it starts in
    if any(s.end > sent_end for s in inside):
        inside = [s for s in inside if s.end <= sent_end]
    if left_out:
        inside = [s for s in inside if not any(lo <= s.start < hi for lo, hi in left_out)]
    return inside


def _clause_negations(tokens: _Tokens, clause: tuple[int, int], clause_cues: list[_Mark],
                      inside: list[_Mark], left_out: list[tuple[int, int]],
                      asides: list[tuple[int, int]], scope: Scope, pseudo_cues: bool
                      ) -> tuple[str, ...]:
    """The negations of a clause whose sentence holds a negation cue, without those that
    pseudo-negations, what the clause leaves out, a preposed condition ("If you don't take
    your RMD, ...") or a contact relative clause keep off it (worked out only for such
    sentences: most hold no negation)."""
    a, b = clause
    pseudo = [c for c in clause_cues if c.label_ == PSEUDO_NEGATION] if pseudo_cues else []
    pseudo.extend(_Mark(lo, hi) for lo, hi in left_out)
    condition = _preposed_condition(tokens, a, b)
    if condition is not None:
        pseudo.append(_Mark(*condition))
    pseudo.extend(_in_contact_relative(tokens, clause_cues, inside, clause))
    return _negations(clause_cues, pseudo, inside, scope, asides)


def _concept_free_block(doc: Doc, names: dict[int, str] | None,
                        quantities_of: Callable[[str, int], list[Quantity]]
                        ) -> list[Candidate]:
    """A short paragraph that names no concept may follow on from the one before ("It
    isn't.", "It rises to $7,500 in 2026."); any other names nothing to check."""
    if len(doc) > VALUE_TOKENS:
        return []
    text = doc_text(doc)
    if not ((len(doc) <= FOLLOW_ON_TOKENS and follow_on(text) is not None)
            or gives_value(text) is not None or bare_amount(text) is not None):
        return []
    tokens = _Tokens(doc, names)
    return _follow_on(tokens, (0, len(doc)), 0, tokens.marks(plain_spans(doc, CUES_KEY)),
                      quantities_of)


def candidates_for(doc: Doc, hides: dict[str, set[str]] | None = None,
                   scopes: dict[str, Scope] | None = None,
                   sentences: list[tuple[int, int]] | None = None,
                   names: dict[int, str] | None = None,
                   quantities_of: Callable[[str, int], list[Quantity]] = find_quantities
                   ) -> list[Candidate]:
    """Build the candidates of one block-level Doc.

    ``hides`` (from concepts.yaml) drops concepts inside longer phrases of others;
    ``scopes`` (from cues.yaml) limits how far a cue category reaches; ``sentences`` are
    the token bounds of ``doc.sents`` when the caller has them; ``names`` remembers the
    strings of label hashes between calls; ``quantities_of`` finds a sentence's quantities
    (:func:`~taxcheck.nlp.quantities.find_quantities`, or a memo of it).
    """
    scopes = scopes or {}
    found = plain_spans(doc, CONCEPTS_KEY)
    if not found:
        return _concept_free_block(doc, names, quantities_of)
    tokens = _Tokens(doc, names)
    concepts = _visible(tokens.marks(found), hides or {})
    if not concepts:
        return []
    cues = _SentenceCues(tokens, plain_spans(doc, CUES_KEY))
    out: list[Candidate] = []
    concept_starts = [s.start for s in concepts]
    negation_scope = scopes.get(NEGATION, ("bidirectional", None))
    after_concept = True  # the sentence before (or the block before) named a concept
    posed = None  # "True or false?" before this sentence: it is put to the reader, not said
    quotations = _quotations(tokens.text)
    then = False  # an earlier clause (of the sentence, or the sentence before) spoke of the past
    for sent_index, sent in enumerate(sentences if sentences is not None
                                      else _sentence_bounds(doc)):
        s_start, s_end = sent
        # "Years ago my dad did this. He closed all his IRAs ...": a sentence in the past
        # tense goes on about the time the sentence before it set
        then = then and sent_index > 0 and simple_past(tokens.span_text(s_start, s_end))
        if not _any_between(concept_starts, s_start, s_end):
            then = then or cues.labelled(HISTORICAL, s_start, s_end)
            # no concept, no candidate (most sentences), unless a short one right after a
            # sentence that named one takes its concepts ("You simply won't owe it.")
            if after_concept and s_end - s_start <= VALUE_TOKENS:
                out.extend(_follow_on(tokens, sent, sent_index, cues, quantities_of))
            after_concept = False
            posed = _poses(tokens, sent, cues)
            continue
        after_concept = True
        carried, posed = posed, None
        raw = tokens.span_text(s_start, s_end)
        sent_text = raw.strip()
        if not sent_text:
            continue
        raw_start = tokens.idx[s_start]
        lead = len(raw) - len(raw.lstrip())
        sent_start = raw_start + lead
        sent_cues = cues.within(s_start, s_end)
        # the cue categories the sentence holds: a category it lacks needs no test per clause
        kinds = {c.label_ for c in sent_cues}
        question = _is_question(tokens, sent, raw_start, sent_cues, raw)
        quoted = "quotation marks" if _quoted(sent_text) or (
            quotations and _inside_quotation(sent_text, sent_start, quotations)) or (
            quotations and _COLON_QUOTATION.match(sent_text)) else None
        quotes = [] if quoted else _quote_spans(sent_text, sent_start)
        attribution_cues = _reported(tokens, s_end, sent_cues) if ATTRIBUTION in kinds else []
        clauses = _clauses(tokens, sent, sent_cues, (_thesis_colon(
            tokens, sent, sent_cues, raw, concept_starts) or (
            _instruction_after_denial(tokens, sent, sent_cues) if IMPERATIVE in kinds
            else None)) if NEGATION in kinds else None,
            _frames(tokens, sent, sent_cues, concepts) if FRAME in kinds else None)
        # "had this one survived, you could have ...": a counterfactual, not a past rule
        counterfactual = COUNTERFACTUAL in kinds
        # "whether X counts hasn't been settled" says that X is open; it does not ask
        open_question = OPEN_QUESTION in kinds
        first_cut = clauses[0][1] if clauses else s_end
        # clauses split off after a comma (", so", ", because", ", who") or at a reason ("...
        # within a year because each IRA has its own limit") still report what the sentence
        # attributes to others; "but" or ";" starts the author's own statement
        reported = [all(tokens.word(start) == "," or tokens.word(start).lower() in _REASONS
                        for start, _ in clauses[1:k + 1]) for k in range(len(clauses))
                    ] if attribution_cues else []
        quantities = quantities_of(raw, raw_start)
        imperative = IMPERATIVE in kinds and any(
            c.label_ == IMPERATIVE and _opens(tokens, s_start, c) for c in sent_cues)
        for index, (a, b) in enumerate(clauses):
            # "Even then it wasn't a capital loss; it was a miscellaneous deduction": a clause
            # in the past tense goes on about the time an earlier clause set
            past = not counterfactual and (
                (HISTORICAL in kinds
                 and any(c.label_ == HISTORICAL and a <= c.start < b for c in sent_cues))
                or (then and (any(tokens.word(i).lower() in _PAST_VERBS for i in range(a, b))
                              or simple_past(tokens.span_text(a, b))
                              or _verbless(tokens, a, b))))
            then = past
            asides = _asides(tokens, a, b) if "(" in raw or " not " in raw else []
            # "the money you put in (not the earnings)": the aside leaves out what it names;
            # it neither adds a concept to the clause nor denies the clause
            left_out = [(lo, hi) for lo, hi in asides if _leaves_out(tokens, lo, hi)]
            # "taxed as income rather than at capital-gains rates": the alternative set aside
            # is left out of the clause the same way
            left_out.extend(_alternatives(tokens, sent_cues, a, b) if ALTERNATIVE in kinds
                            else ())
            # "Unlike the abuse-victim cap, the $1,000 is not indexed": what the opening
            # "unlike ..." phrase names is set against the clause, not part of it
            contrast = next((i for i in range(a, b) if tokens.word(i) == ","), a) if (
                tokens.word(a).lower() == "unlike") else a
            inside = _inside(concepts, concept_starts, contrast, b, left_out, s_end)
            if not inside:
                continue
            mentions = tuple(ConceptMention(s.label_, s.start_char, s.end_char,
                                            raw[s.start_char - raw_start:
                                                s.end_char - raw_start])
                             for s in inside)
            clause_cues = [c for c in sent_cues if a <= c.start < b]
            negations = _clause_negations(tokens, (a, b), clause_cues, inside, left_out,
                                          asides, negation_scope,
                                          PSEUDO_NEGATION in kinds) if (
                NEGATION in kinds) else ()
            # "a Roth IRA ... (it's worth about $10,500 now)": a pronoun inside an aside
            # points at the clause's own words, not back into the discourse; nor does one in
            # what the clause sets aside ("the teacher deduction has nothing to do with it")
            pointers = [c for c in clause_cues if c.label_ == ANAPHOR
                        and not any(lo <= c.start < hi for lo, hi in asides)
                        and not any(lo <= c.start < hi for lo, hi in left_out)
                        and not _expletive(tokens, c, b)] if ANAPHOR in kinds else []
            # ", whether ... or ..." means "either way"; it does not ask
            asked = _asked(tokens, [c for c in clause_cues if not _after_comma(tokens, c)],
                           b) if EMBEDDED_QUESTION in kinds else []
            # "You can defer $23,000, whether you choose pre-tax or Roth" states the limit;
            # a clause is a question only when everything it names is inside the question
            embedded = bool(asked) and all(any(lo <= s.start < hi for lo, hi in asked)
                                           for s in inside)
            attribution = next((c.text for c in attribution_cues
                                if c.start < b and (index == 0 or c.start >= a
                                                    or b <= first_cut or reported[index])),
                               None) or quoted or carried
            # a clause whose concepts all lie inside a quotation reports someone's words
            if attribution is None and quotes and all(
                    any(lo <= m.start < hi for lo, hi in quotes) for m in mentions):
                attribution = "quotation marks"
            span_start = tokens.idx[a]
            span_text = raw[span_start - raw_start:tokens.end_char(b - 1) - raw_start]
            text = span_text.strip()
            start = span_start + (len(span_text) - len(span_text.lstrip()))
            out.append(Candidate(
                start=start,
                end=start + len(text),
                text=text,
                sentence_index=sent_index,
                sentence_start=sent_start,
                sentence_end=sent_start + len(sent_text),
                sentence=sent_text,
                concepts=mentions,
                polarity="negated" if negations else "affirmed",
                negations=negations,
                hedges=tuple(c.text for c in clause_cues if c.label_ == HEDGE) if (
                    HEDGE in kinds) else (),
                attribution=attribution,
                question=question or (not open_question and embedded)
                or (TEASER in kinds and any(c.label_ == TEASER for c in clause_cues)),
                imperative=imperative and index == 0,
                anaphor=bool(pointers),
                anaphors=tuple(c.text.lower() for c in pointers) if pointers else (),
                assertive=ASSERTIVE in kinds and any(c.label_ == ASSERTIVE
                                                     for c in clause_cues),
                historical=past,
                quantities=tuple(q for q in quantities if start <= q.start < start + len(text))
                if quantities else (),
                same_as=SAME_AS in kinds and any(
                    c.label_ == SAME_AS and not _same_as_inside(tokens, inside, c)
                    for c in clause_cues),
            ))
        # "the old write-off returned in 2026": a recent year is no past to go on about
        then = then and not any(q.kind == "year" and q.value >= RECENT_YEAR for q in quantities)
    return out


RESULT_KEY = "taxcheck_candidates"
"""``doc.user_data`` key of the doc's candidates and number of sentences, which
``doc._.candidates`` and ``doc._.sentence_count`` read (reading ``doc.user_data`` costs less
than going through ``doc._``, which the Checker does for every block)."""

if not Doc.has_extension("candidates"):
    Doc.set_extension("candidates",
                      getter=lambda doc: doc.user_data.get(RESULT_KEY, (None, 0))[0])
if not Doc.has_extension("sentence_count"):
    Doc.set_extension("sentence_count",
                      getter=lambda doc: doc.user_data.get(RESULT_KEY, (None, 0))[1])


QUANTITIES_MEMO = 20_000
"""Sentences whose quantities a :class:`CandidateBuilder` remembers before it starts over."""


class CandidateBuilder:
    """Pipeline component: store the candidate claims of a Doc in ``doc._.candidates``."""

    def __init__(self, hides: dict[str, list[str]], scopes: dict[str, list]):
        self.hides = {label: set(hidden) for label, hidden in hides.items()}
        self.scopes: dict[str, Scope] = {label: (str(direction), limit)
                                         for label, (direction, limit) in scopes.items()}
        self.names: dict[int, str] = {}
        self._quantities: dict[str, tuple[Quantity, ...]] = {}
        """Sentence text -> its quantities (offsets from the sentence's start): disclaimers,
        bylines and other boilerplate repeat from article to article."""

    def quantities_of(self, text: str, offset: int) -> list[Quantity]:
        """``find_quantities(text, offset)``, each distinct text worked out once (its
        result is the same for any offset, shifted)."""
        found = self._quantities.get(text)
        if found is None:
            if len(self._quantities) >= QUANTITIES_MEMO:
                self._quantities.clear()
            found = self._quantities[text] = tuple(find_quantities(text))
        if not offset:
            return list(found)
        return [Quantity(q.kind, q.value, q.start + offset, q.end + offset, q.text)
                for q in found]

    def __call__(self, doc: Doc) -> Doc:
        sentences = _sentence_bounds(doc)
        doc.user_data[RESULT_KEY] = (
            candidates_for(doc, self.hides, self.scopes, sentences, self.names,
                           self.quantities_of), len(sentences))
        return doc


@Language.factory("taxcheck_candidates", requires=["doc.sents"],
                  assigns=["doc._.candidates", "doc._.sentence_count"],
                  default_config={"hides": {}, "scopes": {}})
def make_candidate_builder(nlp: Language, name: str, hides: dict[str, list[str]],
                           scopes: dict[str, list]) -> CandidateBuilder:
    return CandidateBuilder(hides, scopes)
