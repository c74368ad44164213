"""A statement the very next sentence takes back as no longer so.

Pages state an old rule and retract it at once, in a few words of their own: "Convert in
January, recharacterize in October if the market tanks. Not anymore.", "Start your RMDs at
70½. That's outdated advice.", "The penalty for a missed RMD is 50%. Not since 2023.", "Take a
loan first, then apply. That hasn't been required since 2020.", "You could recharacterize a
conversion if the market dropped. That option ended in 2018." The first sentence is old advice
told to be set aside, not the page's claim (like a quoted myth), and the short sentence after
it claims nothing of its own. Words that confirm ("That's the rule.", "That hasn't changed.")
take nothing back.

A flat denial in a sentence of its own takes a statement back the same way: a mistakes list
("Assuming a 401(k) slump can be written off. It can't.", "Closing only the IRA that lost
money. Doesn't work; ..."), a myth knocked down ("Hardship withdrawals skip the 10% penalty.
Not true."). The denial must end there: "It can't be simpler." and "It doesn't matter how old
you are." deny nothing.
"""

from __future__ import annotations

import re

_YEAR = r"(?:19|20)\d\d"
_IS = r"(?:'s|\u2019s|\s+is|\s+was)"
_THAT = r"(?:that|this|it|which)"
_THING = (r"(?:option|rule|loophole|requirement|trick|strategy|move|freeze|suspension|"
          r"deadline|penalty|window|age|advice|tip|provision|exception)")
_ALTERNATIVES = (
    # "Not anymore.", "Not since 2023.", "Not now.", "Not after 2017."
    r"not\s+(?:anymore|any\s+more|since\s+" + _YEAR + r"|after\s+" + _YEAR
    + r"|now|today|these\s+days|any\s+longer)(?!\s*,?\s*(?:but|though|until|unless)\b)",
    # "That no longer works.", "It no longer applies."
    _THAT + r"\s+no\s+longer\s+(?:works|applies|holds|exists|stands|flies)",
    # "That's no longer true.", "That isn't allowed anymore."
    _THAT + r"(?:'s|\u2019s|\s+is)\s+no\s+longer\s+(?:true|so|the\s+(?:rule|case|law)|"
    r"allowed|required|possible|permitted|an\s+option|how\s+it\s+works)",
    _THAT + r"(?:\s+isn't|\s+isn\u2019t|\s+is\s+not|'s\s+not|\u2019s\s+not)\s+"
    r"(?:true|so|the\s+(?:rule|case|law)|allowed|required|possible|permitted|an\s+option)\s+(?:anymore|any\s+more|any\s+longer|now)",
    # "That option ended in 2018.", "The rule is gone.", "That freeze was eliminated."
    r"(?:that|this|the)\s+(?:old\s+)?" + _THING + r"s?\s+(?:has\s+|have\s+)?(?:ended|"
    r"went\s+away|disappeared|(?:was|were)\s+(?:eliminated|repealed|abolished|scrapped|"
    r"removed|dropped)|(?:is|are)\s+gone|(?:has|have)\s+gone|gone)",
    # "That was the old rule.", "That's outdated advice.", "That's a thing of the past.",
    # "That's old.", "That's out of date.", "That's obsolete."
    _THAT + _IS + r"\s+(?:the\s+old\s+(?:rule|law|way)|(?:now\s+)?outdated|"
    r"(?:(?:really|pretty|way)\s+)?old(?=\s*[.!]|\s*$)|out\s+of\s+date|obsolete|"
    r"old\s+(?:news|advice|info|rules?)|a\s+thing\s+of\s+the\s+past|(?:ancient\s+)?history|"
    r"(?:a\s+)?pre-" + _YEAR + r"\s+rule)",
    _THAT + r"\s+(?:was|used\s+to\s+be)\s+the\s+(?:old\s+)?(?:rule|law|case)",
    # "That hasn't been required since 2020.", "It hasn't been true since 2019."
    _THAT + r"\s+(?:hasn't|hasn\u2019t|has\s+not)\s+been\s+(?:true|so|the\s+(?:rule|case|"
    r"law)|required|allowed|possible|permitted)\s+since\s+" + _YEAR,
    # "Since 2024 there's no need."
    r"since\s+" + _YEAR + r",?\s+there(?:'s|\u2019s|\s+is)\s+no\s+(?:need|such\s+rule)",
    # "At least, they could before 2020.", "True until 2022.", "Only until 2023."
    r"(?:at\s+least,?\s+)?(?:they|you|it|plans|that|this)\s+(?:could|did|was|were|used\s+to)"
    r",?\s+(?:only\s+)?(?:before|until|till|through|prior\s+to)\s+" + _YEAR,
    r"(?:was\s+)?true\s+(?:only\s+)?(?:before|until|till|through)\s+" + _YEAR,
    r"only\s+(?:before|until|till|through)\s+" + _YEAR,
)
_NOT = r"(?:n't|n\u2019t|\s+not|not)"
_DENIALS = (
    # "It can't.", "You can't.", "It doesn't.", "They won't.", "It isn't."
    r"(?:it|that|this|you|they)\s+(?:ca|does|do|will|wo|is|are|was|would|should)" + _NOT,
    r"(?:it|that|this|you|they)\s+cannot",
    # "Doesn't work.", "That won't work; ...", "It does not work."
    r"(?:(?:it|that|this)\s+)?(?:does|will|wo)" + _NOT + r"\s+work",
    # "Nope.", "Wrong.", "Not true.", "Not so.", "False."
    r"nope|wrong|false|untrue|incorrect|not\s+(?:true|so|right|correct)",
    # "That's a myth.", "That's wrong.", "That's not true.", "This is false."
    r"(?:it|that|this)" + _IS + r"\s+(?:a\s+myth|wrong|false|untrue|incorrect|"
    r"not\s+(?:true|so|right|correct))",
)
_DENIES = re.compile(r"^\W*(?:" + "|".join(_DENIALS) + r")\s*(?:[.!;:\u2014\u2013]|$)",
                     re.IGNORECASE)
"""A flat denial that ends where it starts (its sentence, or the clause before a ";")."""
_TAKES_BACK = re.compile(r"^\W*(?:" + "|".join(_ALTERNATIVES) + r")\b", re.IGNORECASE)
_SENTENCE = re.compile(r"\s*(.+?[.!?])(?=\s|$)|\s*(.+)$", re.DOTALL)
_MAX_WORDS = 12


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (all of it when it has no sentence end)."""
    m = _SENTENCE.match(text)
    return (m.group(1) or m.group(2) or "").strip() if m else ""


def takes_back(after: str) -> bool:
    """Whether the sentence that follows a statement (``after``: the rest of its block, or
    the next block's text) opens by taking the statement back as no longer so, in a short
    sentence of its own."""
    sentence = first_sentence(after)
    return bool(sentence) and len(sentence.split()) <= _MAX_WORDS and bool(
        _TAKES_BACK.match(sentence) or _DENIES.match(sentence))
