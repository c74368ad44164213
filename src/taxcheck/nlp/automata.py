"""Token patterns run as small automata over a doc's token columns, anchored on a rare word.

spaCy's token ``Matcher`` tries every pattern at every token of what it is given and
builds a Python ``Token`` for each; the lexicon rulers used to gate each pattern on the
words it requires, test where they occur, and run a ``Matcher`` of its own on windows
around them. Most lexicon patterns test only words (``LOWER``/``LEMMA``/``ORTH``/``TEXT``
equal to a value, ``IN``/``NOT_IN`` a list, a ``REGEX``), a few lexeme flags
(``IS_PUNCT``, ``LIKE_NUM``, ...) or ``IS_SENT_START``, with the operators ``?``, ``*``,
``+`` and ``{m,n}``. Such a pattern compiles here to a chain of token tests, an NFA run on
the doc's token columns (read once per doc with ``Doc.to_array``), from the few starts its
*anchor* allows: its rarest required word (a step that must match at least once and names
its words). Every match holds the anchor's word at a position ``p``, and starts between
``p`` minus the longest and ``p`` minus the shortest span of the steps before it; the
automaton finds every match from those starts, as the ``Matcher`` finds every match
(all lengths of optional and repeated steps), so the spans are the same.

A pattern this cannot express (another attribute or operator, ``!``, a non-string value,
no required word) returns ``None`` from :func:`compile_automaton` and stays with the
gated token ``Matcher``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from spacy.attrs import IDS

WORD_ATTRS = {"LOWER": "LOWER", "LEMMA": "LEMMA", "ORTH": "ORTH", "TEXT": "ORTH"}
"""Pattern keys naming a word, and the token column each one reads."""
FLAG_ATTRS = {"IS_PUNCT", "LIKE_NUM", "IS_ALPHA", "IS_DIGIT", "IS_SPACE", "IS_TITLE",
              "IS_UPPER", "IS_LOWER", "IS_STOP", "LIKE_URL", "LIKE_EMAIL", "IS_CURRENCY",
              "IS_QUOTE", "IS_BRACKET", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_ASCII"}
"""Boolean lexeme flags a pattern may test (``{"IS_PUNCT": True}``)."""
SENT_START = "SENT_START"
"""The column ``IS_SENT_START`` reads: the matcher counts a token as a sentence start
only when its ``sent_start`` is 1."""

IN, NOT_IN, EQUAL, REGEX = 0, 1, 2, 3
"""Kinds of token test: the column's value in a set, not in it, equal to a number, or
its string matching a regular expression."""

Check = tuple[int, str, object]
"""(kind, column, argument): argument is a frozenset of string hashes (IN, NOT_IN), an int
(EQUAL) or a regex's index in :attr:`Automaton.regexes` (REGEX)."""


@dataclass(frozen=True, eq=False)
class Automaton:
    """One token pattern as a chain of slots (one token each) and where it may start.

    A step ``{m,n}`` is m required slots then n - m optional ones; ``*`` one optional
    looping slot, ``+`` a required slot then an optional looping one.
    """

    key: int
    """Match key (string hash) the ruler reports matches under."""
    checks: tuple[tuple[Check, ...], ...]
    """Each slot's tests (all must hold; none: any token)."""
    loops: tuple[bool, ...]
    """Whether each slot may match again after it matched."""
    closure: tuple[frozenset[int], ...]
    """Slot -> the slots reachable from it by skipping optional ones (itself included);
    one more entry for the end (``len(checks)``)."""
    anchor: tuple[str, frozenset[int] | str]
    """(column, values): the rarest required word test; (column, regex) when the pattern
    has none but requires a word matching a regular expression."""
    before: tuple[int, int | None]
    """Fewest and most tokens a match spans before its anchor token (None: no limit)."""
    columns: tuple[str, ...]
    """Every column its tests read."""
    regexes: tuple[str, ...]
    """Regular expressions its REGEX tests use, by index."""
    required: tuple[tuple[str, frozenset[int]], ...]
    """(column, values) of every word test of a required slot: a doc lacking all the
    values of one of them holds no match."""
    first: tuple[tuple[str, frozenset[int]], ...]
    """The word tests (and ``IS_SENT_START``) of the first slot when it is required: a
    match starts only where they all hold (empty: anywhere)."""
    fixed: bool = False
    """No slot is optional: every match spans exactly ``len(checks)`` tokens."""

    def ends(self, columns: dict[str, list[int]], start: int, length: int,
             regex_ok: RegexMemo) -> list[int]:
        """Every end of a match that starts at ``start`` (may repeat)."""
        checks, loops, closure = self.checks, self.loops, self.closure
        if self.fixed:  # one slot per token: the match is the next len(checks) tokens
            return self._fixed_ends(columns, start, length, regex_ok)
        final = len(checks)
        states: AbstractSet[int] = closure[0]
        ends: list[int] = []
        pos = start
        while True:
            if final in states:
                ends.append(pos)
            if pos >= length:
                return ends
            following: set[int] = set()
            for slot in states:
                if slot != final and _holds(checks[slot], columns, pos, self.regexes,
                                            regex_ok):
                    following |= closure[slot + 1]
                    if loops[slot]:
                        following |= closure[slot]
            if not following:
                return ends
            states = following
            pos += 1


    def _fixed_ends(self, columns: dict[str, list[int]], start: int, length: int,
                    regex_ok: RegexMemo) -> list[int]:
        """:meth:`ends` of a fixed automaton, with :func:`_holds` inlined (this runs for
        most starts of most automata)."""
        checks = self.checks
        end = start + len(checks)
        if end > length:
            return []
        pos = start
        for slot in checks:
            for kind, column, arg in slot:
                value = columns[column][pos]
                if kind == IN:
                    if value not in arg:  # type: ignore[operator]
                        return []
                elif kind == NOT_IN:
                    if value in arg:  # type: ignore[operator]
                        return []
                elif kind == EQUAL:
                    if value != arg:
                        return []
                elif not regex_ok(self.regexes[arg], value):  # type: ignore[index]
                    return []
            pos += 1
        return [end]


def _holds(checks: tuple[Check, ...], columns: dict[str, list[int]], pos: int,
           regexes: tuple[str, ...], regex_ok: RegexMemo) -> bool:
    """Whether the token at ``pos`` passes every test of a slot."""
    for kind, column, arg in checks:
        value = columns[column][pos]
        if kind == IN:
            if value not in arg:  # type: ignore[operator]
                return False
        elif kind == NOT_IN:
            if value in arg:  # type: ignore[operator]
                return False
        elif kind == EQUAL:
            if value != arg:
                return False
        elif not regex_ok(regexes[arg], value):  # type: ignore[index]
            return False
    return True


class RegexMemo:
    """Whether a string (by hash) matches a regex, remembered per regex: words recur."""

    LIMIT = 200_000

    def __init__(self, strings: object):
        self.strings = strings
        self.seen: dict[str, dict[int, bool]] = {}
        self.compiled: dict[str, re.Pattern[str]] = {}

    def __call__(self, regex: str, value: int) -> bool:
        memo = self.seen.get(regex)
        if memo is None:
            memo = self.seen[regex] = {}
            self.compiled[regex] = re.compile(regex)
        found = memo.get(value)
        if found is None:
            if len(memo) > self.LIMIT:
                memo.clear()
            found = memo[value] = bool(self.compiled[regex].search(
                self.strings[value]))  # type: ignore[index]
        return found


def _bounds(op: object) -> tuple[int, int | None] | None:
    op = "1" if op is None else op
    if not isinstance(op, str):
        return None
    fixed = {"1": (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None)}
    if op in fixed:
        return fixed[op]
    if op.startswith("{") and op.endswith("}"):
        body = op[1:-1] if "," in op else f"{op[1:-1]},{op[1:-1]}"
        low, high = body.split(",")
        try:
            bounds = (int(low or 0), int(high) if high else None)
        except ValueError:
            return None
        if bounds[1] is not None and bounds[1] < bounds[0]:
            return None
        return bounds
    return None


def _checks(spec: dict, add: object, regexes: list[str]) -> tuple[Check, ...] | None:
    """A token spec's tests, or None when one of them is not supported here."""
    checks: list[Check] = []
    for key, value in spec.items():
        if key == "OP":
            continue
        if key in WORD_ATTRS:
            column = WORD_ATTRS[key]
            if isinstance(value, str):
                checks.append((IN, column, frozenset([add(value)])))  # type: ignore[operator]
                continue
            if not isinstance(value, dict) or len(value) != 1:
                return None
            (op, arg), = value.items()
            op = str(op).upper()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(
                    isinstance(v, str) for v in arg):
                checks.append((IN if op == "IN" else NOT_IN, column,
                               frozenset(add(v) for v in arg)))  # type: ignore[operator]
            elif op == "REGEX" and isinstance(arg, str):
                if arg not in regexes:
                    regexes.append(arg)
                checks.append((REGEX, column, regexes.index(arg)))
            else:
                return None
        elif key in FLAG_ATTRS or key == "IS_SENT_START":
            if not isinstance(value, bool):
                return None
            if key == "IS_SENT_START":  # the matcher reads sent_start == 1 (-1 and 0: not)
                checks.append((IN if value else NOT_IN, SENT_START, frozenset([1])))
            else:
                checks.append((EQUAL, key, int(value)))
        else:
            return None
    return tuple(checks)


Step = tuple[tuple[Check, ...], int, int | None]
"""A token spec: its tests, and the fewest and most tokens it matches."""


def _steps(pattern: list[dict], add: object, regexes: list[str]) -> list[Step] | None:
    steps: list[Step] = []
    for spec in pattern:
        if not isinstance(spec, dict):
            return None
        spec = {str(k).upper(): v for k, v in spec.items()}
        bounds = _bounds(spec.get("OP"))
        checks = _checks(spec, add, regexes)
        if bounds is None or checks is None:
            return None
        steps.append((checks, *bounds))
    return steps


WORD_COLUMNS = ("LOWER", "LEMMA", "ORTH")


def _anchor(steps: list[Step], regexes: list[str], commonness: object
            ) -> tuple[int, str, frozenset[int] | str] | None:
    """(step, column, values or regex) of the anchor: the rarest word test of a required
    step, else its first regular expression on a word."""
    best = None
    for index, (checks, low, _high) in enumerate(steps):
        for kind, column, arg in checks if low >= 1 else ():
            if kind == IN and column in WORD_COLUMNS:
                rank = commonness(column, arg)  # type: ignore[operator]
                if best is None or rank < best[0]:
                    best = (rank, index, column, arg)
    if best is not None:
        return best[1:]  # type: ignore[return-value]
    return next(((index, column, regexes[arg])  # type: ignore[index]
                 for index, (checks, low, _high) in enumerate(steps) if low >= 1
                 for kind, column, arg in checks
                 if kind == REGEX and column in WORD_COLUMNS), None)


def _slots(steps: list[Step]) -> tuple[list[tuple[Check, ...]], list[bool], list[bool]]:
    """Each step as one slot per token: (tests, optional, loops) by slot."""
    slots: list[tuple[Check, ...]] = []
    optional: list[bool] = []
    loops: list[bool] = []
    for checks, low, high in steps:
        extra = 1 if high is None else high - low
        slots.extend([checks] * (low + extra))
        optional.extend([False] * low + [True] * extra)
        loops.extend([False] * low + [high is None] * extra)
    return slots, optional, loops


def compile_automaton(key: int, pattern: list[dict], add: object,
                      commonness: object) -> Automaton | None:
    """``pattern`` as an :class:`Automaton`, or None when it needs spaCy's ``Matcher``.

    ``add`` turns a string into its hash (``vocab.strings.add``); ``commonness`` gives a
    sort key to a (column, words) test (rarest first) to choose the anchor.
    """
    regexes: list[str] = []
    steps = _steps(pattern, add, regexes)
    anchor = None if steps is None else _anchor(steps, regexes, commonness)
    if steps is None or anchor is None:
        return None
    anchor_step, column, values = anchor
    fewest = sum(low for _, low, _ in steps[:anchor_step])
    highs = [high for _, _, high in steps[:anchor_step]]
    most = None if None in highs else sum(highs)  # type: ignore[arg-type]
    slots, optional, loops = _slots(steps)
    closure: list[frozenset[int]] = []
    for slot in range(len(slots) + 1):
        last = slot
        while last < len(slots) and optional[last]:
            last += 1
        closure.append(frozenset(range(slot, last + 1)))
    used = tuple(dict.fromkeys(c for checks in slots for _, c, _ in checks))
    required = tuple(dict.fromkeys(
        (c, arg) for checks, is_optional in zip(slots, optional, strict=True)
        if not is_optional for kind, c, arg in checks
        if kind == IN and c in WORD_COLUMNS))
    first = () if optional[0] else tuple(
        (c, arg) for kind, c, arg in slots[0]
        if kind == IN and (c in WORD_COLUMNS or c == SENT_START))
    return Automaton(key=key, checks=tuple(slots), loops=tuple(loops),
                     closure=tuple(closure), anchor=(column, values),
                     before=(fewest, most), columns=used, regexes=tuple(regexes),
                     required=required, first=first,  # type: ignore[arg-type]
                     fixed=not any(optional))


def interned(automaton: Automaton) -> Automaton:
    """``automaton`` with its column names and regular expressions interned, as compiling
    leaves them: unpickled strings are not interned, and the token columns (a dict keyed by
    interned names) are looked up by them for every slot tested; an equal string that is
    not the same object costs a full comparison per look-up."""
    def i(text: object) -> object:
        return sys.intern(text) if isinstance(text, str) else text

    return replace(
        automaton,
        checks=tuple(tuple((kind, i(column), arg) for kind, column, arg in slot)
                     for slot in automaton.checks),
        anchor=(i(automaton.anchor[0]), i(automaton.anchor[1])),
        columns=tuple(i(c) for c in automaton.columns),
        regexes=tuple(i(r) for r in automaton.regexes),
        required=tuple((i(c), values) for c, values in automaton.required),
        first=tuple((i(c), values) for c, values in automaton.first))


def column_ids(columns: tuple[str, ...]) -> list[int]:
    """spaCy attribute ids of columns, for ``Doc.to_array``."""
    return [IDS[c] for c in columns]
