"""One multi-pattern pass per doc that finds a lexicon ruler's phrases and where its
automata may match.

A ruler's fixed phrases (every token ``{"LOWER": word}`` or every token ``{"LEMMA":
word}``) and the *needles* of its automata are literal strings over one character per
token. The doc is read as three lines, its records' LOWER, LEMMA and ORTH characters
(:class:`~taxcheck.nlp.encoded.Encoder`: a word's character when some pattern names it,
else ``OTHER``), joined by :data:`BREAK`; one Aho-Corasick automaton (``ahocorasick_rs``,
the Rust ``aho-corasick`` crate) finds every occurrence of every string in one call.

- A phrase's occurrence is its match (what ``PhraseMatcher`` on that attribute gives).
- An automaton's needle is a run of its consecutive *required* slots (each matches exactly
  one token in every match: not optional, not looping) that test one word column with a
  list of words (``IN``, less the words a ``NOT_IN`` of that column refuses), written out
  as every sequence of those words (at most :data:`NEEDLE_LIMIT` of them): every match of
  the automaton holds one of them, so it is tried only where one occurs, at each start its
  slots before the needle allow. The run is chosen least likely by chance (the product of
  its words' shares of tax prose, :attr:`~taxcheck.nlp.lexicon.LexiconRuler.counts`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import product

import ahocorasick_rs

from taxcheck.nlp.automata import IN, NOT_IN, Automaton

WORD_COLUMNS = ("LOWER", "LEMMA", "ORTH")
"""The columns a needle or phrase may read, in the order their lines are written."""
BREAK = "\x00"
"""Between the lines of two columns (no needle holds it)."""
NEEDLE_LIMIT = 64
"""The most word sequences one needle is written out as."""
LONG_ENOUGH = 3
"""Needles longer than this many tokens are not sought (they are rare enough)."""

Rate = Callable[[str, frozenset[int]], float]
"""(column, words) -> the share of tokens in tax prose with one of those words there."""
Plan = tuple[Automaton, int, int | None]
"""An automaton and the fewest and most tokens (None: no limit) a match of it spans before
its needle."""
Phrase = tuple[str, int, Sequence[int]]
"""(column, match key, the words' string hashes) of a fixed phrase."""


def needle(automaton: Automaton, rate: Rate
           ) -> tuple[str, list[frozenset[int]], int] | None:
    """(column, word sets by slot, first slot) of ``automaton``'s needle, or None when it
    has no required slot with a list of words (such an automaton runs on every doc).

    The needle is the run of slots least likely to occur by chance: ``rate`` gives how
    often a token of prose passes a slot's word test, and a run's rate is their product.
    """
    best: tuple[float, str, list[frozenset[int]], int] | None = None
    words = [_slot_words(slot) if not automaton.loops[i] and not _optional(automaton, i)
             else {} for i, slot in enumerate(automaton.checks)]
    for column in WORD_COLUMNS:
        run: list[frozenset[int]] = []
        for slot, slot_words in enumerate([*words, {}]):
            values = slot_words.get(column)
            if values:
                run.append(values)
                continue
            for begin in range(len(run)):  # every sub-run that starts here, shortest first
                count, chance = 1, 1.0
                for end in range(begin, min(len(run), begin + LONG_ENOUGH)):
                    count *= len(run[end])
                    if count > NEEDLE_LIMIT and end > begin:
                        break
                    chance *= rate(column, run[end])
                    rank = chance
                    if best is None or rank < best[0]:
                        best = (rank, column, run[begin:end + 1], slot - len(run) + begin)
            run = []
    return None if best is None else best[1:]


def _optional(automaton: Automaton, slot: int) -> bool:
    return slot + 1 in automaton.closure[slot]


def _slot_words(checks: tuple[tuple[int, str, object], ...]) -> dict[str, frozenset[int]]:
    """Word column -> the words a token must have there to pass ``checks``."""
    allowed: dict[str, frozenset[int]] = {}
    refused: dict[str, set[int]] = {}
    for kind, column, arg in checks:
        if column not in WORD_COLUMNS:
            continue
        if kind == IN:
            values = frozenset(arg)  # type: ignore[call-overload]
            allowed[column] = allowed[column] & values if column in allowed else values
        elif kind == NOT_IN:
            refused.setdefault(column, set()).update(arg)  # type: ignore[call-overload]
    return {column: values - refused.get(column, set()) for column, values in allowed.items()}


NeedleTable = tuple[
    list[str],
    list[tuple[tuple[tuple[int, ...], tuple[tuple[int, int, int | None], ...]] | None, ...]],
    list[int]]
"""What :class:`Needles` is made from (cached with the pipeline's patterns): the strings;
by string number and word column, the keys of the phrases it is and the plans (automaton
number, fewest, most) of the automata it is a needle of, or None; the numbers of the
automata without a needle."""


def needle_table(phrases: Iterable[Phrase], automata: Sequence[Automaton], rate: Rate,
                 chars: dict[int, str]) -> NeedleTable:
    """The strings of ``phrases`` and of the needles of ``automata`` (numbered by their
    place in it), each word written as its character in ``chars``."""
    unneedled: list[int] = []
    found: dict[str, list[tuple[list[int], list[tuple[int, int, int | None]]] | None]] = {}
    """String -> by word column, the keys of the phrases it is and the plans of the
    automata it is a needle of (None: neither)."""

    def entry(column: str, text: str) -> tuple[list[int], list[tuple[int, int, int | None]]]:
        by_column = found.get(text)
        if by_column is None:
            by_column = found[text] = [None, None, None]
        number = WORD_COLUMNS.index(column)
        made = by_column[number]
        if made is None:
            made = by_column[number] = ([], [])
        return made

    for column, key, words in phrases:
        entry(column, "".join([chars[w] for w in words]))[0].append(key)
    for number, automaton in enumerate(automata):
        chosen = needle(automaton, rate)
        if chosen is None:
            unneedled.append(number)
            continue
        column, sets, first = chosen
        plan = (number, sum(not _optional(automaton, s) for s in range(first)),
                None if any(automaton.loops[:first]) else first)
        for sequence in product(*[[chars[w] for w in sorted(s)] for s in sets]):
            hit = entry(column, "".join(sequence))[1]
            if not hit or hit[-1] is not plan:
                hit.append(plan)
    return (list(found), [tuple(None if made is None else (tuple(made[0]), tuple(made[1]))
                                for made in by_column) for by_column in found.values()],
            unneedled)


class Needles:
    """A ruler's phrases and automata's needles (:func:`needle_table`), and the pass that
    finds them in a doc."""

    def __init__(self, table: NeedleTable, automata: Sequence[Automaton]):
        strings, entries, unneedled = table
        self.unneedled = [automata[number] for number in unneedled]
        """Automata without a needle (tried on every doc)."""
        self._entries = [tuple(None if made is None else (made[0], tuple(
            (automata[number], fewest, most) for number, fewest, most in made[1]))
            for made in by_column) for by_column in entries]
        """By string number and word column: the keys of the phrases it is and the plans
        of the automata it is a needle of, or None."""
        self.empty = not strings
        # (the Rust automaton is not pickled: building it from the strings takes ~10 ms)
        self._search = None if self.empty else ahocorasick_rs.AhoCorasick(strings)

    def search(self, code: str, width: int, length: int
               ) -> tuple[list[tuple[int, int, int]], list[tuple[tuple[Plan, ...], int]]]:
        """The phrases' matches (key, start, end) in a doc of ``length`` tokens encoded as
        ``code`` (:class:`~taxcheck.nlp.encoded.Encoder` records of ``width`` characters,
        whose characters 1 to 3 are the token's LOWER, LEMMA and ORTH), and where it holds
        a needle: (the automata of that needle, the token it starts at)."""
        matches: list[tuple[int, int, int]] = []
        hits: list[tuple[tuple[Plan, ...], int]] = []
        if self.empty:
            return matches, hits
        # one line per word column: the records' characters 1, 2 and 3
        text = BREAK.join([code[1::width], code[2::width], code[3::width]])
        line = length + 1
        entries = self._entries
        for number, first, after in self._search.find_matches_as_indexes(  # type: ignore[union-attr]
                text, overlapping=True):
            made = entries[number][first // line]
            if made is None:  # (a string of another column)
                continue
            keys, automata = made
            start = first % line
            if keys:
                end = start + after - first
                matches.extend([(key, start, end) for key in keys])
            if automata:
                hits.append((automata, start))
        return matches, hits
