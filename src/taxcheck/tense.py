"""History told as history: a clause in the simple past under a frame that sets the scene in
the past ("Here is how it worked back then:", a heading "The exception that used to exist",
"Years ago my dad did this.") describes how things were, not a rule for today."""

from __future__ import annotations

import re
from itertools import islice

PAST_FRAME = re.compile(
    r"\b(?:used\s+to|back\s+then|in\s+those\s+days|at\s+the\s+time|previously|formerly|"
    r"once\s+(?:let|allowed|was|were)|years\s+ago|decades\s+ago|"
    r"the\s+old\s+(?:rules?|days|way|exception|deduction|write-?off|break|loophole)|"
    r"back\s+in\s+(?:19|20)[01]\d\b|"
    r"(?:before|until)\s+then\b|"
    r"(?:before|prior\s+to|until)\s+(?:the\s+)?(?:(?:19|20)[01]\d\b|2020\b|tax\s+reform|"
    r"the\s+tcja|the\s+2017\s+tax)|pre-(?:(?:19|20)[01]\d|2020)\b|"
    r"how\s+it\s+(?:worked|used\s+to\s+work)|for\s+history(?:'|\u2019)s\s+sake|"
    r"the\s+early\s+(?:years|days)|"
    r"(?<!born\s)(?<!born\sin\s)\b(?:199\d|20[01]\d)\s*(?:to|through|thru|[-\u2013\u2014])\s*"
    r"(?:199\d|20[01]\d)\b)",
    re.IGNORECASE)
"""Words that set the scene in the past: a lead-in, a heading or a sentence about how a rule
used to work (years before 2020 count as the past: "before 2018", "pre-2018", "until 2020",
"pre-2020"; "Not since 2017. Before then you could ..."), a span of such years ("The early
years: 1998 to 2017", "2010\u20132017: the do-over era"; not birth years, "born 1951-1959")
or "the early years"."""

PAST_WORDS = frozenset({"was", "were", "had", "did", "could", "went", "came", "gave", "took",
                         "wrote", "fell", "rose", "began", "became", "knew", "grew",
                         "wasn't", "weren't", "didn't", "couldn't", "wasn\u2019t",
                         "weren\u2019t", "didn\u2019t", "couldn\u2019t"})
"""Verbs in the simple past with no "-ed" and no participle of the same form ("paid" may be
"is paid"), and auxiliaries of the past."""
_PAST_NOT_COULD = PAST_WORDS - {"could"}
"""The past verbs of :data:`PAST_WORDS` but "could" (which may state a rule of today)."""
_SUBJECTS = frozenset({"i", "you", "he", "she", "we", "they", "it", "who", "that", "which",
                       "people", "savers", "taxpayers", "filers", "owners", "investors",
                       "mine", "parents", "client", "clients", "father", "mother", "dad", "mom"})
"""Words before an "-ed" form that make it a verb in the simple past ("he closed", "savers
deducted"); elsewhere it may be a participle or an adjective ("is treated", "itemized
deduction", "required distributions")."""
_SHORT_ED = frozenset({"used", "owed", "sued", "shed"})
"""Short verbs in "-ed" that are past after a subject ("Lots of people used it as a do-over");
most four-letter words in "-ed" are not ("need", "seed")."""
_WORD = re.compile(r"[a-z\u2019']+(?:-[a-z\u2019']+)*")
"""A word, a hyphenated compound whole ("a free do-over" holds no present "do")."""


_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got",
                      "gotten", "getting", "has", "have", "had", "am", "become", "becomes",
                      "stay", "stays", "remain", "remains", "to", "it's", "it\u2019s",
                      "that's", "that\u2019s", "hasn't", "haven't", "hadn't", "isn't",
                      "aren't", "wasn't", "weren't", "hasn\u2019t", "haven\u2019t",
                      "hadn\u2019t", "isn\u2019t", "aren\u2019t", "wasn\u2019t",
                      "weren\u2019t"})
"""Words before an "-ed" form that make it a participle ("is taxed", "gets counted", "has
ended", "to be taxed")."""


_POSTPOSITIVE = frozenset({"included", "excluded", "combined", "attached", "required",
                           "needed", "allowed", "involved", "concerned", "mentioned", "listed",
                           "noted", "considered", "assumed", "granted", "applied", "deferred",
                           "withheld", "owed", "contributed", "converted", "distributed",
                           "received", "invested", "reported", "claimed", "deducted",
                           "explained", "simplified", "demystified", "decoded", "unpacked",
                           "revisited", "answered", "explored"})
"""Participles that may follow their noun at a clause's end ("Roth accounts included", "the
amount converted", "everything you received", a headline's "The half-birthday, explained"):
no verb in the past there."""


def simple_past(text: str) -> bool:
    """Whether a clause has a verb in the simple past ("You had to cash out", "The shortfall
    went on Schedule A", "It was added back", "He closed all his IRAs", "Only the part above
    2% of income counted.": an "-ed" form that ends the clause with no auxiliary of the
    passive or perfect in the two words before it)."""
    words = _WORD.findall(text.lower())
    return not PAST_WORDS.isdisjoint(words) or _ed_after_subject(words) or (
        len(words) > 2 and _ends_in_past(words))


def _ed_after_subject(words: list[str]) -> bool:
    """An "-ed" verb right after a subject ("he closed", "savers deducted")."""
    return any(before in _SUBJECTS and word.endswith("ed")
               and (len(word) > 4 or word in _SHORT_ED)
               for before, word in zip(words, islice(words, 1, None), strict=False))


def _ends_in_past(words: list[str]) -> bool:
    """The clause ends in an "-ed" verb after a noun ("Only the part above 2% of income
    counted"), not a participle ("is taxed", "has ended", "never taxed" after "is")."""
    last = words[-1]
    return (len(last) > 4 and last.endswith("ed") and last not in _POSTPOSITIVE
            and not _PASSIVE.intersection(words[-3:-1]))


def _past_frame(text: str) -> bool:
    """Whether :data:`PAST_FRAME` finds a phrase in ``text``. Every phrase it finds holds one
    of the words tested first (lower-cased), so an ASCII text with none of them is not
    searched: the pattern, with no literal prefix, is tried at every character."""
    if text.isascii():
        low = text.lower()
        if not ("used" in low or "back" in low or "those" in low or "time" in low
                or "previously" in low or "formerly" in low or "once" in low or "ago" in low
                or "old" in low or "before" in low or "prior" in low or "until" in low
                or "pre-" in low or "how" in low or "history" in low or "early" in low
                or "199" in low or "20" in low):
            return False
    return PAST_FRAME.search(text) is not None


def sets_past_frame(text: str) -> bool:
    """Whether a lead-in or heading sets the scene in the past."""
    return _past_frame(text)


_EARLY_YEAR = re.compile(
    r"\b(?:in|from|during|for|of)\s+(?:tax\s+year\s+)?(?:19|20)(?:0\d|1[0-7])\b", re.IGNORECASE)
"""A year before 2018 that a sentence is told of ("Example from 2016: ...", "In 2015 a saver
...")."""


PRESENT_WORDS = frozenset({"can", "may", "must", "will", "is", "are", "has", "have", "do", "does",
                            "can't", "cannot", "won't", "isn't", "aren't", "doesn't", "don't",
                            "can\u2019t", "won\u2019t", "isn\u2019t", "aren\u2019t",
                            "doesn\u2019t", "don\u2019t"})
"""Verbs and auxiliaries of the present ("You can recharacterize ... after you converted")."""


def told_in_past(text: str) -> bool:
    """Whether a clause is told in the simple past (:func:`simple_past`) with no verb of the
    present: "They had to close every IRA they owned", "Any shortfall was claimed on
    Schedule A"; not "You can recharacterize it as late as October 15 of the year after you
    converted" nor "His Roth IRA, which he opened in 2010, has RMDs at 73" (rules of today
    with a past event in them), nor one whose only past verb is "could" ("you could simply
    shut down the one IRA that lost money": may be a rule of today too)."""
    words = _WORD.findall(text.lower())
    if not PRESENT_WORDS.isdisjoint(words):
        return False
    return not _PAST_NOT_COULD.isdisjoint(words) or _ed_after_subject(words) or (
        len(words) > 2 and _ends_in_past(words))


_SUBORDINATE = re.compile(
    r"\b(?:if|unless|when|whenever|what|whatever|whether|because|since|than|that|which|who|"
    r"whom|once|after|before|until)\b[^,;:]*", re.IGNORECASE)
"""A subordinate clause, up to the next comma: its verb tells of the case or the thing, not
the tense the clause states its rule in ("Possibly, if you contributed more than you'll get
back", "compare the total to what you contributed")."""


_REPORTED = re.compile(
    r"^\W*(?:[A-Z][a-z]+|she|he|they)\s+(?:said|explained|added|noted|stressed|warned|"
    r"answered|replied|pointed\s+out|told\s+(?:him|her|them|the\s+caller|listeners|callers))"
    r"\s+(?:that\s+)?(?=\S)")
"""A speaker's words reported in the past ("She explained that he would need to withdraw
everything", "Tom added that it goes on Schedule A"): the show notes of a broadcast or an
interview tell what was said then; the words reported, not the reporting verb, carry the
tense."""


_DEMONSTRATIVE = re.compile(r"that\s+(?:was|were|had|did)\b", re.IGNORECASE)
"""A "that" opening the clause before a verb of the past is its subject, not a conjunction
("That was a narrow, itemized-only deduction, and ...")."""


def main_told_in_past(text: str) -> bool:
    """Whether the clause, its subordinate clauses set aside (:data:`_SUBORDINATE`), is told
    in the past (:func:`told_in_past`): "It went on Schedule A", "You had to close every
    account", "What you got back had to be less than your basis" (a clause that opens the
    text and runs to its end is its subject, not set aside); not "Deductible only if you
    had after-tax money in the account", "If you had after-tax money, you can deduct it"."""
    text = _REPORTED.sub("", text, count=1)

    def aside(m: re.Match[str]) -> str:
        opens = not text[:m.start()].strip(" \t\"'\u201c(")
        if opens and _DEMONSTRATIVE.match(m.group(0)):
            return m.group(0)  # the clause's subject ("That was a narrow deduction, ...")
        closed = m.end() < len(text) and text[m.end()] in ",;:"
        return " " if closed or not opens else m.group(0)
    return told_in_past(_SUBORDINATE.sub(aside, text))


_OWN_STORY = re.compile(r"^\W*(?:(?:so|and|then|but)\W+)?(?:i|we)\b", re.IGNORECASE)
"""A clause the writer opens in the first person ("I deducted my IRA loss on Schedule A")."""


def own_story(text: str) -> bool:
    """Whether the writer opens the clause in the first person ("I deducted my IRA loss on
    Schedule A this spring"): told in the past, a story of using a rule asserts it as of the
    story's time (its date or year decides), when the clause names the rule itself."""
    return _OWN_STORY.match(text) is not None


def framed_in_past(text: str) -> bool:
    """Whether a clause sets itself in the past (:data:`PAST_FRAME`: "before 2018", "years
    ago", "used to") with no verb of the present: "Closing every IRA created a deductible
    loss before 2018"; not "Before 2018 you could, and you still can"."""
    if not _past_frame(text):
        return False
    return not PRESENT_WORDS.intersection(_WORD.findall(text.lower()))


_EARLY_DIGITS = ("190", "191", "200", "201")
"""The first three digits of every year :data:`_EARLY_YEAR` finds: a sentence without any
is not searched (the regex, with no literal prefix, is tried at every position)."""


def told_of_early_year(sentence: str) -> bool:
    """Whether a sentence is told of a year before 2018 ("Example from 2016: a saver ... had a
    $2,500 loss"): in the simple past, it tells what happened then."""
    return any(digits in sentence for digits in _EARLY_DIGITS) and bool(
        _EARLY_YEAR.search(sentence))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LATER_YEAR = re.compile(r"\b20(?:1[89]|[2-9]\d)\b")


def scene_set_before(text: str, at: int) -> bool:
    """Whether the sentences of a paragraph before offset ``at`` set a scene in the past that
    goes on up to it: the nearest of them told in the simple past, back to one told of a year
    before 2018 or that sets a past frame ("For what it's worth, I did claim one of these back
    in 2015. I emptied both of my traditional IRAs ..."; "My parents went through this in
    2012. They closed every traditional IRA they had ..."). A sentence at ``at`` that names a
    year from 2018 on tells of the change, not of that scene ("That door shut when the
    deductions were suspended, and a 2025 law made the shutdown permanent")."""
    if _LATER_YEAR.search(_SENTENCE_END.split(text[at:].strip(), maxsplit=1)[0]):
        return False
    for sentence in reversed(_SENTENCE_END.split(text[:at].strip())):
        if not simple_past(sentence):
            return False
        if told_of_early_year(sentence) or sets_past_frame(sentence):
            return True
    return False


def ends_in_past_frame(text: str) -> bool:
    """Whether the last sentence of a paragraph sets the scene in the past ("This deduction no
    longer exists. Here is how it used to work, for readers who remember it."): what follows
    in the simple past tells how things were."""
    last = last_sentence(text)
    return last is not None and sets_past_frame(last)


def last_sentence(text: str) -> str | None:
    """The last sentence of a paragraph with its end punctuation: what follows the last
    ".", "!" or "?" before the paragraph's closing punctuation; None when the paragraph is
    only punctuation. (A regular expression anchored at the end, tried from every position,
    took time quadratic in the paragraph's length.)"""
    stripped = text.strip()
    body = stripped.rstrip(".!?")
    if not body:
        return None
    return stripped[max(body.rfind(mark) for mark in ".!?") + 1:]
