"""Automata run as regular expressions over a doc's tokens encoded as one string.

Running an :class:`~taxcheck.nlp.automata.Automaton` in Python costs a few microseconds
per start and per slot tested. An automaton tests words (a value of LOWER, LEMMA or ORTH in
a set, or not in it, or matching a regular expression), boolean flags and sentence starts:
the same test as a regular expression over *records*, one per token, each of the same
width: a separator, one character per word column (the word's number among the words the
ruler's automata name, or :data:`OTHER` for any other word), one for the flags (a bit per
flag column, set when the token's value is 1) and one for the token's regex *signature*
(which of the ruler's word regexes its words pass: a character per signature met). A slot
is a record with a character class at each column it tests, and the automaton a sequence
of them (with ``?``, ``*`` and ``{m,n}``), searched by the regex engine at every record.

The regex finds each start at which some match begins and, for an automaton whose every
match has the same length, its end; a variable automaton's ends at those starts are found
by its own :meth:`~taxcheck.nlp.automata.Automaton.ends`, so the matches are exactly the
automaton's. A new signature widens the classes of the regex tests it passes: the ruler
compiles again the patterns with a slot whose every regex test it passes
(:meth:`Encoder.stale`), the others are unchanged. The signatures of the claims' example
words and of the numbers up to :data:`SEED_NUMBERS` are met when the pipeline's patterns are
cached (:meth:`Encoder.learn`) and cached with them, so that a fresh process meets few new
ones. The boolean flags are 0 or 1 in
``Doc.to_array`` (a test of 0 is the bit unset); a sentence start is 1, 0 or -1 (the
matcher tests ``== 1``: the bit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.attrs import IDS
from spacy.tokens import Doc

from taxcheck.nlp.automata import EQUAL, FLAG_ATTRS, IN, NOT_IN, REGEX, SENT_START, Automaton

WORD_COLUMNS = ("LOWER", "LEMMA", "ORTH")
"""The word columns of a record, in order."""

SEPARATOR = "\x00"
"""First character of every record (a match starts only at a record)."""
OTHER = "\x01"
"""A word column's character for a word no automaton of the ruler names."""
FIRST_WORD = 0x100
"""Code point of the first named word (then one per word, in the order of their hashes)."""
FLAG_BASE = 0x80
"""Code point of the flags character with no bit set (the bits are added to it)."""
SIGNATURE_BASE = 0x4000
"""Code point of the first regex signature's character (then one per signature met)."""
SIGNATURE_LIMIT = 10_000
"""Signatures given a character (the code points stay below the surrogates)."""
SEED_NUMBERS = 2100
"""The whole numbers 0 to this one (ages, years, plain amounts) are words whose signatures
are learned when the patterns are cached, with the claims' example words."""
FLAGS = re.DOTALL
"""The flags an automaton's regex is compiled with."""
MAX_FLAGS = 7
"""At most this many flag columns are encoded (:data:`FLAG_BASE` plus the bits stays
below :data:`FIRST_WORD`); an automaton testing more runs in Python."""


class Encoder:
    """The record layout of one ruler's automata: which columns, and each named word's
    character. Made from the automata it will encode (it must know every word they name)
    and the words (``named``) that need a character of their own besides theirs.

    A token's record depends only on its ORTH (which gives its LOWER and its lexeme
    flags), its LEMMA and whether it starts a sentence, so records are remembered by
    those three values: words recur, and most tokens are one dictionary look-up.
    """

    LIMIT = 50_000
    """Records remembered before the memo starts over."""

    def __init__(self, automata: Iterable[Automaton], named: Iterable[int] = (),
                 signatures: Iterable[Iterable[int]] = ()):
        words: set[int] = set(named)
        flags: set[str] = set()
        tests: dict[tuple[str, str], int] = {}
        for automaton in automata:
            if not _testable(automaton):
                continue
            for slot in automaton.checks:
                for kind, column, arg in slot:
                    if kind == REGEX:
                        tests.setdefault((column, automaton.regexes[arg]),  # type: ignore[index]
                                         len(tests))
                    elif column in WORD_COLUMNS:
                        words.update(arg)  # type: ignore[call-overload]
                    else:
                        flags.add(column)
        self.tests = tests
        """(word column, regular expression) -> its number in a token's signature."""
        self._compiled = [(WORD_COLUMNS.index(column), re.compile(regex))
                          for column, regex in tests]
        self.signatures: dict[frozenset[int], str] = {}
        """Signature (the numbers of the regex tests a token's words pass) -> its
        character, in the order they were first met (``signatures``, learned when the
        patterns were cached, first): a new one changes the character classes of the
        regex tests it passes (:meth:`stale`)."""
        self.overflow = False
        """Set when :data:`SIGNATURE_LIMIT` signatures were met: automata with a regex
        test run in Python from then on."""
        for signature in signatures:
            self._signature_char(frozenset(signature))
        self.flag_columns: tuple[str, ...] = tuple(sorted(flags))[:MAX_FLAGS]
        self.chars = {v: chr(FIRST_WORD + i) for i, v in enumerate(sorted(words))}
        """Named word (string hash) -> its character, in every word column."""
        self._flag_ids = [IDS[c] for c in self.flag_columns if c != SENT_START]
        self._lexeme_bits = [1 << i for i, c in enumerate(self.flag_columns) if c != SENT_START]
        self._start_bit = (1 << self.flag_columns.index(SENT_START)
                           if SENT_START in self.flag_columns else 0)
        self._records: dict[tuple[int, int, int], str] = {}
        """(ORTH, LEMMA, sentence start) -> the token's record."""
        self.width = 3 + len(WORD_COLUMNS)
        """Characters per record (per token)."""

    def encode(self, doc: Doc, columns: dict[str, list[int]]) -> str:
        """The records of ``doc``, whose LOWER, LEMMA, ORTH and SENT_START ``columns``
        were read."""
        keys = list(zip(columns["ORTH"], columns["LEMMA"], columns[SENT_START], strict=True))
        try:
            return "".join(map(self._records.__getitem__, keys))
        except KeyError:
            pass
        records = self._records
        if len(records) > self.LIMIT:
            records.clear()
        strings = doc.vocab.strings
        flags = doc.to_array(self._flag_ids).reshape(len(doc), len(self._flag_ids)).tolist(
        ) if self._flag_ids else [[]] * len(doc)
        chars = self.chars
        for key, lower, token_flags in zip(keys, columns["LOWER"], flags, strict=True):
            if key not in records:
                orth, lemma, start = key
                bits = sum(bit for bit, value in zip(self._lexeme_bits, token_flags,
                                                    strict=True) if value == 1)
                if start == 1:
                    bits |= self._start_bit
                words = (lower, lemma, orth)
                records[key] = "".join((SEPARATOR, *(chars.get(v, OTHER) for v in words),
                                        chr(FLAG_BASE + bits), self._signature(
                                            [strings[v] for v in words])))
        return "".join(map(records.__getitem__, keys))

    def _signature(self, texts: Sequence[str]) -> str:
        """The character of the regex tests the words ``texts`` (by word column) pass."""
        return self._signature_char(frozenset(
            number for number, (column, regex) in enumerate(self._compiled)
            if regex.search(texts[column])))

    def _signature_char(self, signature: frozenset[int]) -> str:
        char = self.signatures.get(signature)
        if char is None:
            if len(self.signatures) >= SIGNATURE_LIMIT:
                self.overflow = True
                return chr(SIGNATURE_BASE - 1)
            char = self.signatures[signature] = chr(SIGNATURE_BASE + len(self.signatures))
        return char

    def learn(self, words: Iterable[Sequence[str]]) -> list[tuple[int, ...]]:
        """Meet the signatures of ``words`` (LOWER, LEMMA and ORTH texts of a token) before
        any pattern is compiled; returns every signature in order (what ``signatures``
        takes)."""
        if self._compiled:
            for texts in dict.fromkeys(map(tuple, words)):
                self._signature(texts)
        return [tuple(sorted(signature)) for signature in self.signatures]

    def regex_slots(self, automaton: Automaton) -> tuple[frozenset[int], ...]:
        """The numbers of the regex tests of each of ``automaton``'s slots that has one."""
        found = []
        for slot in automaton.checks:
            numbers = frozenset(self.tests[(column, automaton.regexes[arg])]  # type: ignore[index]
                                for kind, column, arg in slot if kind == REGEX)
            if numbers:
                found.append(numbers)
        return tuple(found)

    def stale(self, known: int, overflow: bool,
              automata: Iterable[tuple[Automaton, tuple[frozenset[int], ...]]]
              ) -> list[Automaton]:
        """Which of ``automata`` (with their :meth:`regex_slots`) have a pattern out of
        date since only ``known`` signatures were met (and ``overflow`` was as given):
        those with a slot whose every regex test a new signature passes (its class gained
        that character); every one after an overflow."""
        if self.overflow and not overflow:
            return [automaton for automaton, _slots in automata]
        new = list(self.signatures)[known:]
        if not new:
            return []
        return [automaton for automaton, slots in automata
                if any(tests <= signature for tests in slots for signature in new)]

    def compile(self, automaton: Automaton) -> re.Pattern[str] | None:
        """``automaton`` as a regex over records that matches (``finditer``) at each record
        a match starts at, with group 1 ending where the match ends; None when it cannot be
        encoded."""
        source = self.source(automaton)
        return None if source is None else re.compile(source, FLAGS)

    def source(self, automaton: Automaton) -> str | None:
        """The regex :meth:`compile` compiles (with :data:`FLAGS`), or None."""
        if not self.encodable(automaton):
            return None
        runs: list[tuple[str, int, int | None]] = []  # (record regex, fewest, most)
        for slot, optional, loops in zip(automaton.checks, _optional(automaton),
                                         automaton.loops, strict=True):
            record = self._record(slot, automaton.regexes)
            low, high = (0 if optional else 1), (None if loops else 1)
            if runs and runs[-1][0] == record:  # the same test again: one repeat
                _, fewest, most = runs[-1]
                runs[-1] = (record, fewest + low,
                            None if most is None or high is None else most + high)
            else:
                runs.append((record, low, high))
        head = ""
        if runs[0][1] >= 1:  # the first record is required: matched outside the lookahead
            record, low, high = runs[0]
            head = record
            runs[0] = (record, low - 1, None if high is None else high - 1)
        body = "".join(_repeat(record, low, high) for record, low, high in runs if high != 0)
        # A match starts at a record, and group 1 ends where it ends. What the head
        # consumes (less than a record) hides no other start from the search, and a head
        # that starts with literal characters is found by the regex engine's prefix scan.
        return f"{head}(?=({body}))"

    def encodable(self, automaton: Automaton) -> bool:
        """Whether this layout can express every test of ``automaton``."""
        if automaton.regexes and self.overflow:
            return False
        return _testable(automaton) and all(
            column in WORD_COLUMNS or column in self.flag_columns
            for slot in automaton.checks for _kind, column, _arg in slot)

    def _record(self, checks: tuple[tuple[int, str, object], ...],
                regexes: tuple[str, ...]) -> str:
        """One record's regex: the separator, then each column's test and the signature's."""
        allowed: dict[str, set[int]] = {}
        refused: dict[str, set[int]] = {}
        masks = set(range(1 << len(self.flag_columns)))
        signatures = all_signatures = set(self.signatures)
        for kind, column, arg in checks:
            if kind == REGEX:
                number = self.tests[(column, regexes[arg])]  # type: ignore[index]
                signatures = {s for s in signatures if number in s}
                continue
            if column in WORD_COLUMNS:
                codes = {ord(self.chars[v]) for v in arg}  # type: ignore[attr-defined]
                if kind == NOT_IN:
                    refused.setdefault(column, set()).update(codes)
                elif column in allowed:
                    allowed[column] &= codes
                else:
                    allowed[column] = codes
                continue
            bit = 1 << self.flag_columns.index(column)
            # a flag equal to 1 or 0, or the sentence start IN / NOT_IN {1}
            wanted = bool(arg) if kind == EQUAL else (1 in arg) == (kind == IN)  # type: ignore[operator]
            masks = {m for m in masks if bool(m & bit) == wanted}
        parts = [re.escape(SEPARATOR)]
        for column in WORD_COLUMNS:
            if column in allowed:
                parts.append(_char_class(allowed[column] - refused.get(column, set())))
            elif column in refused:
                parts.append("[^" + "".join(map(_char, sorted(refused[column]))) + "]")
            else:
                parts.append(".")
        if len(masks) == 1 << len(self.flag_columns):
            parts.append(".")
        else:
            parts.append(_char_class({FLAG_BASE + m for m in masks}))
        if signatures is all_signatures:  # no regex test
            parts.append(".")
        else:  # (even when every signature met passes: a new one may not)
            parts.append(_char_class({ord(self.signatures[s]) for s in signatures}))
        return "".join(parts)


def _testable(automaton: Automaton) -> bool:
    """Whether every test of ``automaton`` is a word set, a 0/1 lexeme flag or a sentence
    start being 1."""
    for slot in automaton.checks:
        for kind, column, arg in slot:
            if kind == EQUAL:
                if arg not in (0, 1) or column not in FLAG_ATTRS:
                    return False
            elif kind == REGEX:
                if column not in WORD_COLUMNS:
                    return False
            elif kind not in (IN, NOT_IN):
                return False
            elif column == SENT_START:
                if arg != frozenset([1]):
                    return False
            elif column not in WORD_COLUMNS:
                return False
    return True


def _optional(automaton: Automaton) -> list[bool]:
    """Whether each slot may be skipped (its closure reaches the next slot)."""
    return [slot + 1 in automaton.closure[slot] for slot in range(len(automaton.checks))]


def _char(code: int) -> str:
    return re.escape(chr(code))


def _char_class(codes: set[int]) -> str:
    if not codes:
        return "(?!)"
    if len(codes) == 1:
        return _char(next(iter(codes)))
    return "[" + "".join(map(_char, sorted(codes))) + "]"


def _repeat(record: str, low: int, high: int | None) -> str:
    if low == high == 1:
        return record
    if high is None:
        return f"(?:{record}){{{low},}}"
    return f"(?:{record}){{{low},{high}}}" if low != high else f"(?:{record}){{{low}}}"
