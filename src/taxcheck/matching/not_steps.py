"""Lines of an old page that are no step of the write-off it presents: definitions that stay
true (what basis is, which contributions count toward it, that Form 8606 keeps track of the
after-tax money) and advice to see a professional first.

On a page that presents the abolished IRA-loss write-off, a step of it or a condition told
in after-tax words states the write-off again ("Add up your nondeductible contributions",
"What can count is the after-tax money you never got back"). A definition in the same
place does not: "Your basis is the total of your nondeductible contributions that haven't
come back to you tax-free", "Contributions you deducted (or took a deduction for) don't
count, and neither does growth", "Only nondeductible contributions count toward what you put
in", "you should have been tracking them on Form 8606 every year" are as true today, and
labellers give them their own facts or leave them alone, whatever step comes before them
("You have to close out every traditional IRA you own"). An instruction, a requirement ("You
need to ...") or a sentence that names the loss, the deduction or a step of claiming it is no
definition.

Advice to take the numbers to a professional ("You'll want to run the numbers with a tax
professional first, since cashing out pre-tax money has its own cost", "Talk to your CPA
before you cash anything out") states no rule of the write-off either: its main clause names
the adviser and nothing of the rule.
"""

from __future__ import annotations

import re

from taxcheck.clauses import Candidate

_TERM = re.compile(
    r"\b(?:basis|form\s+8606|(?:non-?|un)?deductible\s+contributions?|contributions?\s+"
    r"(?:you|that|which)\b|after-?tax\s+(?:money|dollars|contributions?)|"
    r"(?:money|dollars|amounts?|anything|what)\s+you\s+deducted)", re.IGNORECASE)
"""What a definition here speaks of: basis, Form 8606, the contributions that make basis
(and the money deducted going in, which does not)."""
_DEFINING = re.compile(
    r"\b(?:is|are|was|isn(?:'|\u2019)t|aren(?:'|\u2019)t|means|equals|counts?|includes?|"
    r"track(?:s|ed|ing)?|keeps?\s+track|records?|made\s+up)\b", re.IGNORECASE)
"""The verbs of a definition ("is", "counts toward", "keeps track of")."""
_RULE_WORDS = re.compile(
    r"\b(?:loss(?:es)?|shortfall|write-?offs?|writ(?:e|ing)\s+off|claim\w*|deduction|"
    r"schedule\s+a|itemiz\w*|floor|\d+(?:\.\d+)?\s?%|percent|amt|alternative\s+minimum|"
    r"clos\w+|cash\w*\s+out|empt\w+|withdr\w+|liquidat\w+|distribut\w+|receiv\w+|"
    r"got\s+back|get\s+back|difference|compar\w+|subtract\w*|below|less\s+than|short\s+of)\b",
    re.IGNORECASE)
"""Words of the write-off itself or a step of claiming it: a sentence naming one states the
rule, not a definition."""
_STEP = re.compile(
    r"^\W*(?:step\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b|\d{1,2}\s*[.):]"
    r"|(?:add|subtract|enter|total|tally|sum|pull|find|figure|gather|list|look\s+up|dig\s+out|"
    r"work\s+out|check|confirm|report|compute|calculate)\b)", re.IGNORECASE)
"""A step's label or an instruction's verb at the start of the sentence ("Step 2: Total your
nondeductible contributions ...", "Add up ..."): a step, whatever it names."""
_REQUIRES = re.compile(r"^\W*(?:(?:so|then|and|but)\W+)?you(?:(?:'|\u2019)ll)?\s+"
                       r"(?:need|have|must|will\s+need|will\s+have)\b", re.IGNORECASE)


_DEDUCTED = re.compile(r"\b(?:took|take|taken|takes|taking|got|get|gets|getting|claimed|"
                       r"received)\s+(?:a\s+|the\s+)?(?:tax\s+)?deduction\s+for\b",
                       re.IGNORECASE)
"""Contributions "you took a deduction for" (or "got", "claimed"): contributions deducted
going in, the money that is no basis, not the write-off's deduction."""


def defines_term(cand: Candidate) -> bool:
    """The clause defines basis or what counts toward it, or says where it is recorded, in
    words of its own and nothing of the write-off (see the module's docstring)."""
    text = _DEDUCTED.sub("deducted", cand.sentence)
    if (cand.imperative or cand.question or _REQUIRES.match(cand.text)
            or _STEP.match(text) is not None):
        return False
    return (_TERM.search(text) is not None and _DEFINING.search(text) is not None
            and _RULE_WORDS.search(text) is None)


_ADVISER = re.compile(
    r"\b(?:tax\s+(?:pro|professional|preparer|adviser|advisor|attorney|lawyer)s?|cpas?|"
    r"accountants?|enrolled\s+agents?|(?:financial|tax)\s+(?:planner|adviser|advisor)s?|"
    r"(?:an?|your)\s+(?:adviser|advisor|planner|preparer))\b", re.IGNORECASE)
_MAIN_CLAUSE = re.compile(r"^[^,;:\u2014]*?(?=,|;|:|\u2014|\s(?:since|because|as|before)\s|$)",
                          re.IGNORECASE)


def consults(cand: Candidate) -> bool:
    """The clause advises taking the case to a professional, and its main clause (up to
    "since", "because", "before" or a comma) names nothing of the write-off."""
    main = _MAIN_CLAUSE.match(cand.sentence)
    text = main.group(0) if main else cand.sentence
    return (not cand.question and _ADVISER.search(text) is not None
            and _RULE_WORDS.search(text) is None)
