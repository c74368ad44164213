"""A fast span ruler for the concept and cue lexicons.

It takes the same patterns as spaCy's ``span_ruler`` (``{"label", "pattern", "id"}`` with
token patterns) and writes the same spans (deduplicated, sorted, with label and id). A
pattern whose tokens are all ``{"LOWER": ...}`` (or all ``{"LEMMA": ...}``) is a fixed
phrase; every other pattern (operators, gaps, word lists, regular expressions, flags) runs
as an *automaton* (:mod:`taxcheck.nlp.automata`), a regular expression over the doc's
tokens encoded one record per token (:mod:`taxcheck.nlp.encoded`).

Per doc, one Aho-Corasick pass over the records' word columns (:mod:`taxcheck.nlp.needles`)
finds every phrase and every *needle* (a run of required words each automaton's matches
hold); an automaton is then tried only where a needle of it occurs, at the starts its
slots before the needle allow (or over the whole doc when their span has no limit), and
those anchored on a regular expression only on docs with a word matching it. What an
automaton cannot express (another attribute, ``!``, a comparison) is *gated*: each token of
it that must occur (no operator, or ``+``) and names its word(s) by LOWER, LEMMA, ORTH or
TEXT (a value, ``IN`` a list, or a ``REGEX``) is a requirement, and the pattern's own token
``Matcher`` runs only on docs that meet all of its requirements, on windows around them. A
pattern with no requirement at all (only optional tokens, or only ``NOT_IN``/``LIKE_NUM``
tests) runs on every doc: the lexicon tests refuse those, so that none lands by accident.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.attrs import IDS
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from taxcheck.nlp.automata import (
    IN,
    Automaton,
    RegexMemo,
    column_ids,
    compile_automaton,
    interned,
)
from taxcheck.nlp.columns import kept_columns
from taxcheck.nlp.encoded import FLAGS, Encoder
from taxcheck.nlp.needles import Needles, NeedleTable, Phrase, Plan, needle_table
from taxcheck.nlp.programs import Program, load, program

SEEN_LIMIT = 200_000
"""Words whose regex results are remembered before the memo starts over."""
PLAIN_KEY = "taxcheck_plain_spans"
"""``doc.user_data`` key (with the spans key) of the spans a ruler wrote, as plain tuples."""
GATE_ATTRS = {"LOWER": "LOWER", "LEMMA": "LEMMA", "ORTH": "ORTH", "TEXT": "ORTH"}
"""Token attributes a requirement may name, and the doc attribute each one reads."""

SCANS_BEFORE_INDEX = 2
"""Values of one attribute looked up by scanning before the rest are indexed in one pass
(a scan costs about half as many instructions as indexing a block's column)."""
ANYWHERE: list[int] = [-1]
"""What ``_Gate.positions`` returns when a match may be anywhere in the doc (searched whole)."""


def _phrase(pattern: list[dict], attr: str) -> list[str] | None:
    """The words of a token pattern that is a plain sequence of ``{attr: word}``."""
    words = []
    for token in pattern:
        if not isinstance(token, dict) or len(token) != 1:
            return None
        key, value = next(iter(token.items()))
        if key.upper() != attr or not isinstance(value, str) or not value:
            return None
        words.append(value)
    return words or None


@dataclass(frozen=True)
class Requirement:
    """A token of this attribute must have one of ``values`` or match ``regex``."""

    attr: str
    values: frozenset[str] = frozenset()
    regex: str | None = None


def op_bounds(op: object) -> tuple[int, int | None]:
    """How many tokens a token spec with this ``OP`` matches: (least, most or None)."""
    op = "1" if op is None else str(op)
    fixed = {"1": (1, 1), "?": (0, 1), "!": (0, 0), "*": (0, None), "+": (1, None)}
    if op in fixed:
        return fixed[op]
    if op.startswith("{") and op.endswith("}"):
        body = op[1:-1] if "," in op else f"{op[1:-1]},{op[1:-1]}"
        low, high = body.split(",")
        return int(low or 0), int(high) if high else None
    raise ValueError(f"unknown token pattern operator {op!r}")


def max_length(pattern: list[dict]) -> int | None:
    """The most tokens a match of ``pattern`` can span (None: no limit)."""
    total = 0
    for spec in pattern:
        most = op_bounds({str(k).upper(): v for k, v in spec.items()}.get("OP"))[1]
        if most is None:
            return None
        total += most
    return total


def requirements(pattern: list[dict]) -> tuple[Requirement, ...]:
    """What every match of ``pattern`` contains: one requirement per required token test."""
    found: list[Requirement] = []
    for spec in pattern:
        spec = {str(k).upper(): v for k, v in spec.items()}
        if op_bounds(spec.get("OP"))[0] < 1:
            continue
        for key, attr in GATE_ATTRS.items():
            value = spec.get(key)
            if isinstance(value, str):
                found.append(Requirement(attr, frozenset([value])))
            elif isinstance(value, dict) and len(value) == 1:
                (op, arg), = value.items()
                if str(op).upper() == "IN" and all(isinstance(v, str) for v in arg):
                    found.append(Requirement(attr, frozenset(arg)))
                elif str(op).upper() == "REGEX" and isinstance(arg, str):
                    found.append(Requirement(attr, regex=arg))
    return tuple(dict.fromkeys(found))


def _commonness(need: Requirement, counts: dict[str, dict[str, int]]
                ) -> tuple[int, bool, int]:
    """Sort key of a requirement: how often its words occur in ``counts`` (measured on
    tax prose), then whether it may name a frequent word ("the", ","), then how many."""
    seen = counts.get(need.attr, {})
    values = need.values
    return (sum(seen.get(v, 0) for v in values),
            any(v.lower() in STOP_WORDS or not v.isalnum() for v in values), len(values))


TOKENS_KEY = "taxcheck_doc_tokens"
"""``doc.user_data`` key of the doc's :class:`_DocTokens`, shared by the concept and cue
rulers (the doc's words do not change between them)."""
TOKEN_ATTRS = tuple(dict.fromkeys(GATE_ATTRS.values()))
"""Every attribute a gate may read (LOWER, LEMMA, ORTH)."""


READ_ATTRS = (*TOKEN_ATTRS, "SENT_START")
"""The token attributes read in one ``Doc.to_array`` per doc: the words the gates read,
and the sentence starts (which the encoded automata's records need)."""
_READ_IDS = [IDS[a] for a in READ_ATTRS]


def doc_tokens(doc: Doc) -> _DocTokens:
    """The doc's token columns, read once for both rulers."""
    tokens = doc.user_data.get(TOKENS_KEY)
    if tokens is None or tokens.length != len(doc):
        kept = kept_columns(doc)
        if kept is not None and "LEMMA" in kept:  # (the pipeline's own components read them)
            columns = {attr: kept[attr] for attr in READ_ATTRS}
        else:
            columns = dict(zip(READ_ATTRS, doc.to_array(_READ_IDS).T.tolist(), strict=True))
        tokens = doc.user_data[TOKENS_KEY] = _DocTokens(columns, len(doc))
    return tokens


class _DocTokens:
    """One doc's token values of the attributes the gates read, and where each occurs."""

    def __init__(self, columns: dict[str, list[int]], length: int):
        self.columns = columns
        self.length = length
        self.present = {attr: set(columns[attr]) for attr in TOKEN_ATTRS}
        self._where: dict[str, dict[int, list[int]]] = {}
        """Attribute -> value -> its token positions, found when first asked."""
        self._indexed: set[str] = set()
        """Attributes whose every value is in ``_where``."""
        self._at: dict[tuple[str, frozenset[int]], list[int]] = {}
        """(attribute, values) -> their token positions, for sets of several values."""
        self._tests: dict[tuple[str, frozenset[int]], list[int]] = {}
        """(column, values) -> the positions of a first-slot test (:meth:`where`)."""

    def __len__(self) -> int:
        return self.length

    def where(self, doc: Doc, column: str, values: frozenset[int]) -> set[int] | list[int]:
        """The positions whose ``column`` is one of ``values`` (remembered per doc)."""
        found = self._tests.get((column, values))
        if found is None:
            if column in self.present:
                found = self.positions(column, values.intersection(self.present[column]))
            else:
                data = self.with_columns(doc, (column,))[column]
                found = [i for i, v in enumerate(data) if v in values]
            self._tests[(column, values)] = found
        return found

    def with_columns(self, doc: Doc, names: Iterable[str]) -> dict[str, list[int]]:
        """The columns, with ``names`` read from ``doc`` when not read yet (flags and
        sentence starts, which only some automata test)."""
        missing = [n for n in names if n not in self.columns]
        if missing:
            # a list of attributes gives one row per token, even for one attribute
            array = doc.to_array(column_ids(tuple(missing))).reshape(
                len(doc), len(missing)).T.tolist()
            self.columns.update(zip(missing, array, strict=True))
        return self.columns

    def positions(self, attr: str, values: AbstractSet[int]) -> list[int]:
        """The sorted token positions whose ``attr`` is one of ``values`` (all present).

        The list may be shared: callers do not change it.
        """
        if len(values) == 1:
            (value,) = values
            return self._positions_of(attr, value)
        key = (attr, values if isinstance(values, frozenset) else frozenset(values))
        found = self._at.get(key)
        if found is None:
            found = self._at[key] = sorted(
                [i for value in values for i in self._positions_of(attr, value)])
        return found

    def _positions_of(self, attr: str, value: int) -> list[int]:
        """Where ``value`` occurs: found by ``list.index`` when first asked (a block asks
        for a few values: scanning in C for each costs less than indexing every token's
        value in Python), and by indexing the whole column once when asked for more."""
        where = self._where.setdefault(attr, {})
        found = where.get(value)
        if found is not None:
            return found
        column = self.columns[attr]
        if attr in self._indexed:
            return []
        if len(where) >= SCANS_BEFORE_INDEX:
            self._indexed.add(attr)
            known = set(where)  # their lists are complete
            for i, each in enumerate(column):
                if each not in known:
                    at = where.get(each)
                    if at is None:
                        where[each] = [i]
                    else:
                        at.append(i)
            return where.get(value, [])
        found = where[value] = []
        i = -1
        try:
            while True:
                i = column.index(value, i + 1)
                found.append(i)
        except ValueError:
            pass
        return found


@dataclass(eq=False)
class _Gate:
    """The raw patterns that share one set of requirements, and their matcher (made when
    the gate first opens: a small file opens a few of them, and adding patterns to a
    ``Matcher`` was most of the rulers' build time)."""

    vocab: Vocab
    validate: bool
    patterns: dict[str, list[list[dict]]] = field(default_factory=dict)
    """Match key -> its token patterns."""
    _matcher: Matcher | None = None
    sets: list[tuple[str, frozenset[int]]] = field(default_factory=list)
    """(doc attribute, string hashes of which a token must have one), rarest first."""
    regexes: list[tuple[str, str]] = field(default_factory=list)
    """(doc attribute, a regular expression one of its tokens must match)."""
    span: int | None = 0
    """The most tokens a match can span (None: no limit)."""
    set_ids: frozenset[int] = frozenset()
    """Numbers of its ``sets`` (:attr:`LexiconRuler.set_index`): a doc can match only when
    it meets all of them."""

    def positions(self, tokens: _DocTokens, regex_hits: _RegexHits) -> list[int]:
        """Where the doc holds the rarest token this gate requires, keeping only those with
        every other required token near enough for a match; empty when there are none.

        ``regex_hits`` gives each (attribute, regex)'s values in the doc that match it.
        """
        wanted: list[tuple[str, AbstractSet[int]]] = []
        present = tokens.present
        hits: AbstractSet[int] | None
        for attr, accepted in self.sets:
            hits = accepted.intersection(present[attr])
            if not hits:
                return []
            wanted.append((attr, hits))
        for test in self.regexes:
            hits = regex_hits.get(test)
            if not hits:
                return []
            wanted.append((test[0], hits))
        if not wanted:
            return []
        if self.span is None or self.span >= len(tokens):
            # every match fits anywhere, and every required token is near every other
            return ANYWHERE
        found = sorted((tokens.positions(attr, values) for attr, values in wanted), key=len)
        anchors, others = found[0], found[1:]
        if not others:
            return anchors
        reach = self.span
        for other in others:  # keep the anchors with a token of ``other`` within reach
            last = len(other)
            anchors = [p for p in anchors
                       if (i := bisect_left(other, p - reach + 1)) < last
                       and other[i] < p + reach]
            if not anchors:
                break
        return anchors

    def add(self, key: str, pattern: list[dict]) -> None:
        """Add a token pattern under ``key``; validated now when ``validate`` is set."""
        self.patterns.setdefault(key, []).append(pattern)
        if self.validate or self._matcher is not None:
            self.matcher.add(key, [pattern])

    @property
    def matcher(self) -> Matcher:
        """The token matcher of the gate's patterns."""
        if self._matcher is None:
            self._matcher = Matcher(self.vocab, validate=self.validate)
            for key, patterns in self.patterns.items():
                self._matcher.add(key, patterns)
        return self._matcher

    def matches(self, doc: Doc, positions: list[int] | None) -> list[tuple[int, int, int]]:
        """Matches in ``doc``, searching only the windows a match around ``positions`` fits
        in: a match holds one of them and spans at most ``span`` tokens."""
        if positions is None or positions is ANYWHERE or self.span is None:
            return self.matcher(doc, allow_missing=True)  # lemmas are set before this runs
        windows: list[list[int]] = []
        for p in positions:
            start, end = max(0, p - self.span + 1), min(len(doc), p + self.span)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        found = []
        for start, end in windows:
            found.extend((key, start + s, start + e)
                         for key, s, e in self.matcher(Span(doc, start, end),
                                                       allow_missing=True))
        return found


GATED = "GATED"
_COMPILE = object()
"""``_add_gated``'s default: compile the pattern's automaton (none was cached)."""
CompiledPattern = tuple[str, str, str, object]
"""(kind, label, span id, data): kind LOWER or LEMMA with the phrase's words (LOWER
lower-cased), or GATED with (token pattern, its requirements, its longest match)."""


def compile_patterns(patterns: Iterable[dict]) -> list[CompiledPattern]:
    """Sort ``{"label", "pattern", "id"?}`` entries out for :meth:`LexiconRuler.add_compiled`
    (needs no pipeline: the result is cached with the compiled claim database)."""
    compiled: list[CompiledPattern] = []
    for entry in patterns:
        label, span_id = str(entry["label"]), str(entry.get("id", ""))
        pattern = entry["pattern"]
        if not isinstance(pattern, list):
            raise ValueError(f"lexicon pattern for {label} must be a list of token dicts, "
                             f"got {pattern!r}")
        # LOWER is the lexeme's lower-cased text, LEMMA the lemma as given
        if words := _phrase(pattern, "LOWER"):
            compiled.append(("LOWER", label, span_id, [w.lower().lower() for w in words]))
        elif words := _phrase(pattern, "LEMMA"):
            compiled.append(("LEMMA", label, span_id, words))
        else:
            compiled.append((GATED, label, span_id,
                             (pattern, requirements(pattern), max_length(pattern))))
    return compiled


class LexiconRuler:
    """Find lexicon patterns and store them in ``doc.spans[spans_key]``.

    Args:
        nlp: the pipeline (for its vocabulary).
        name: the component name.
        spans_key: the ``doc.spans`` key the matches are written to (replacing it).
        validate: validate raw token patterns (errors name the bad pattern).
        requires_key: when set, only docs with spans under this key are searched (cues
            matter only where a concept was found; others get an empty group).
    """

    def __init__(self, nlp: Language, name: str, spans_key: str, validate: bool = True,
                 requires_key: str | None = None):
        self.name = name
        self.vocab = nlp.vocab
        self.spans_key = spans_key
        self.requires_key = requires_key
        self.validate = validate
        self.phrases: list[Phrase] = []
        """The fixed phrases, (LOWER or LEMMA, match key, the words' string hashes)."""
        self.gates: dict[tuple[Requirement, ...], _Gate] = {}
        """Raw token patterns, grouped by what a doc must hold for them to match."""
        self.labels: dict[int, tuple[int, int]] = {}
        """Match key -> string hashes of the span's label and id."""
        self.index: dict[str, dict[int, list[_Gate]]] = {}
        """Attribute -> value -> the gates whose rarest requirement it meets."""
        self.set_index: dict[str, dict[int, list[int]]] = {}
        """Attribute -> value -> the numbers of the gates' word sets that hold it (a doc
        meets the sets numbered by its words: tested before a gate is tried)."""
        self._set_ids: dict[tuple[str, frozenset[int]], int] = {}
        self._set_keys: dict[str, frozenset[int]] = {}
        self._index_keys: dict[str, frozenset[int]] = {}
        """The keys of ``set_index`` and ``index``, by attribute, as sets."""
        self.unindexed: list[_Gate] = []
        """Gates without a set of words (regular expressions only, or nothing)."""
        self.regexes: dict[str, dict[str, re.Pattern[str]]] = {}
        """Attribute -> the regular expressions required of it."""
        self._regex_seen: dict[str, set[int]] = {}
        """Attribute -> the values (string hashes) already tested against its regexes."""
        self._regex_matched: dict[tuple[str, str], set[int]] = {}
        self._regex_any: dict[str, set[int]] = {}
        """Attribute -> the tested values that match one of its regexes (a doc with none
        of them matches no regex of that attribute)."""
        """(attribute, regex) -> the tested values that match it: words recur."""
        self._attrs: list[str] = []
        """The doc attributes the gates read (columns of one ``to_array``)."""
        self.counts: dict[str, dict[str, int]] = {}
        """Attribute -> word -> how often it occurs in tax prose: a gate is looked up by
        its rarest requirement (:func:`taxcheck.nlp.patterns.word_counts`)."""
        self.anchors: dict[str, dict[int, list[Automaton]]] = {}
        """Column -> value -> the automata anchored on it (:mod:`taxcheck.nlp.automata`:
        the raw patterns that need no token ``Matcher``)."""
        self.regex_anchored: list[Automaton] = []
        """Automata anchored on a regular expression (tried on every doc that holds a
        word matching it)."""
        self._needs: dict[Automaton, None] = {}
        """Every automaton, in the order added."""
        self._runs: dict[Automaton, tuple[int, Callable[..., list[int]], tuple[str, ...]]] = {}
        """Automaton -> its match key, the method that finds its ends, and the columns it
        reads besides the word columns every doc's tokens have (looked up once, not per
        doc)."""
        self.regex_memo = RegexMemo(nlp.vocab.strings)
        self._encoder = Encoder(())
        """The record layout automata are encoded in (:mod:`taxcheck.nlp.encoded`)."""
        self.signatures: list[tuple[int, ...]] | None = None
        """The regex signatures the encoder started with (cached with the patterns:
        :meth:`learn_signatures`)."""
        self._regex_tested: list[tuple[Automaton, tuple[frozenset[int], ...]]] = []
        """The automata with a regex test, and its numbers in each slot that has one (their
        patterns depend on the signatures met)."""
        self.needle_table: NeedleTable | None = None
        """What :attr:`_needles` was made from (cached with the patterns)."""
        self._needles = Needles(([], [], []), [])
        """The phrases and the automata's needles, found in one pass per doc
        (:mod:`taxcheck.nlp.needles`)."""
        self._counted: dict[str, tuple[dict[int, int], int]] = {}
        """Column -> word (string hash) -> its count in :attr:`counts`, and their total
        plus one."""
        self._always: list[Automaton] = []
        """Automata with neither a needle nor a regex anchor (tried on every doc)."""
        self._patterns: dict[Automaton, re.Pattern[str] | None] = {}
        """Automaton -> its regular expression over the encoded doc (None: it runs in
        Python), compiled when the automaton is first reached."""
        self._programs: dict[Automaton, Program] = {}
        """Automaton -> its regex's cached program, until the regex is compiled from it
        (or a new signature made it out of date)."""
        self.compiled_automata: list[Automaton | None] = []
        """Per gated pattern added, in order: its automaton, or None (see
        :meth:`add_compiled`)."""

    def add_patterns(self, patterns: Iterable[dict],
                     counts: dict[str, dict[str, int]] | None = None) -> None:
        """Add ``{"label", "pattern", "id"?}`` entries whose pattern is a token list.

        ``counts`` (attribute -> word -> occurrences in tax prose) decides which required
        word a gated pattern is looked up by: the rarest. Without it, sets that hold a
        stop word or punctuation count as frequent and the smaller set as rarer. Which one
        is chosen changes only how often a gate is tried, never what it matches.
        """
        self.add_compiled(compile_patterns(patterns), counts)

    def add_compiled(self, entries: Iterable[CompiledPattern],
                     counts: dict[str, dict[str, int]] | None = None,
                     automata: list[Automaton | None] | None = None,
                     needles: NeedleTable | None = None,
                     signatures: list[tuple[int, ...]] | None = None,
                     programs: list[Program | None] | None = None) -> None:
        """Add patterns as :func:`compile_patterns` made them (what the pipeline caches:
        sorting the patterns out took most of the rulers' build time).

        ``automata`` are those an earlier :meth:`add_compiled` of the same entries and
        counts made (:attr:`compiled_automata`, cached with the entries): one per gated
        pattern, in order, None where the pattern needs spaCy's ``Matcher``. Compiling them
        took about a twentieth of ``taxcheck check``'s start-up. ``needles`` is the
        :attr:`needle_table` made with them (choosing the needles took about as long);
        both are used only together, and ``signatures`` (:meth:`learn_signatures`) only
        with them, and ``programs`` (:meth:`make_programs`) only with all three.
        """
        if counts is not None:
            self.counts = counts
            self._counted = {}
        strings = self.vocab.strings
        gated = 0
        for kind, label, span_id, data in entries:
            key = repr((label, span_id))
            key_hash = strings.add(key)
            if key_hash not in self.labels:
                self.labels[key_hash] = (strings.add(label), strings.add(span_id))
            if kind == GATED:
                pattern, needs, longest = data
                given: Automaton | object | None = _COMPILE
                if automata is not None:
                    cached = automata[gated]
                    given = None if cached is None else interned(cached)
                made = self._add_gated(key, pattern, needs, longest, given)
                self.compiled_automata.append(made)
                gated += 1
            else:
                # a phrase is the hashes a Doc of its words would have in its column
                self.phrases.append((kind, key_hash, [strings.add(w) for w in data]))
        # set & set walks the smaller one; set & dict would walk every key of the dict
        self._set_keys = {attr: frozenset(by_value) for attr, by_value in self.set_index.items()}
        self._index_keys = {attr: frozenset(index) for attr, index in self.index.items()}
        named = {w for _column, _key, words in self.phrases for w in words}
        named.update(v for automaton in self._needs for slot in automaton.checks
                     for kind, column, arg in slot if kind == IN and column in TOKEN_ATTRS
                     for v in arg)  # type: ignore[attr-defined]
        if needles is None or automata is None:
            signatures = None
        if signatures is None:
            programs = None
        self._encoder = Encoder(self._needs, named, signatures or ())
        self.signatures = signatures
        self._patterns = {}
        self._programs = {} if programs is None else {
            a: p for a, p in zip(self._needs, programs, strict=True) if p is not None}
        self._regex_tested = [(a, self._encoder.regex_slots(a)) for a in self._needs
                              if a.regexes]
        every = list(self._needs)
        if needles is None or automata is None:
            needles = needle_table(self.phrases, every, self._rate, self._encoder.chars)
        self.needle_table = needles
        self._needles = Needles(needles, every)
        self._always = [a for a in self._needles.unneedled if a not in self.regex_anchored]

    def learn_signatures(self, words: Iterable[tuple[str, str, str]]) -> list[tuple[int, ...]]:
        """Meet the regex signatures of ``words`` ((LOWER, LEMMA, ORTH) of a token) now,
        before any pattern is compiled, and return every signature met (to cache and give
        :meth:`add_compiled` again): a signature met while checking makes the patterns
        whose classes it widens compile again."""
        self.signatures = self._encoder.learn(words)
        self._patterns = {}
        self._programs = {}
        return self.signatures

    def _rate(self, column: str, values: frozenset[int]) -> float:
        """The share of tokens in tax prose whose ``column`` is one of ``values`` (from
        :attr:`counts`; without them, a guess: stop words and punctuation are common)."""
        counted = self._counted.get(column)
        if counted is None:
            seen = self.counts.get(column, {})
            counted = self._counted[column] = (
                {get_string_id(word): count for word, count in seen.items()},
                sum(seen.values()) + 1)
        by_hash, total = counted
        if total > 1:
            return min(1.0, (sum(by_hash.get(v, 0) for v in values) + 1) / total)
        strings = self.vocab.strings
        words = [strings[v] for v in values if v in strings]
        return 0.5 if any(w.lower() in STOP_WORDS or not w.isalnum() for w in words) \
            else min(1.0, 0.01 * len(values))

    def _commonness(self, column: str, values: frozenset[int]) -> tuple[int, bool, int]:
        strings = self.vocab.strings
        return _commonness(Requirement(column, frozenset(strings[v] for v in values)),
                           self.counts)

    def _add_automaton(self, automaton: Automaton) -> None:
        self._needs[automaton] = None
        self._runs[automaton] = (
            automaton.key, automaton._fixed_ends if automaton.fixed else automaton.ends,
            tuple(c for c in automaton.columns if c not in TOKEN_ATTRS))
        anchor_column, anchor_values = automaton.anchor
        if isinstance(anchor_values, str):
            self.regexes.setdefault(anchor_column, {})[anchor_values] = re.compile(
                anchor_values)
            self.regex_anchored.append(automaton)
        else:
            by_value = self.anchors.setdefault(anchor_column, {})
            for value in anchor_values:
                by_value.setdefault(value, []).append(automaton)

    def _add_gated(self, key: str, pattern: list[dict], needs: tuple[Requirement, ...],
                   longest: int | None, automaton: Automaton | object | None = _COMPILE
                   ) -> Automaton | None:
        """Add a raw token pattern as an automaton (``automaton``, compiled now when it
        is :data:`_COMPILE`) or, when it has none, to a gate; returns the automaton."""
        if automaton is _COMPILE:
            automaton = compile_automaton(self.vocab.strings.add(key), pattern,
                                          self.vocab.strings.add, self._commonness)
        if isinstance(automaton, Automaton):
            if self.validate:  # the errors spaCy's Matcher gives a bad pattern
                Matcher(self.vocab, validate=True).add(key, [pattern])
            self._add_automaton(automaton)
            return automaton
        gate = self.gates.get(needs)
        if gate is None:
            gate = self.gates[needs] = _Gate(self.vocab, self.validate)
            for need in sorted(needs, key=lambda n: _commonness(n, self.counts)):
                if need.regex is not None:
                    gate.regexes.append((need.attr, need.regex))
                    self.regexes.setdefault(need.attr, {})[need.regex] = re.compile(need.regex)
                else:
                    accepted = frozenset(self.vocab.strings.add(v) for v in need.values)
                    gate.sets.append((need.attr, accepted))
                    gate.set_ids |= {self._set_id(need.attr, accepted)}
                if need.attr not in self._attrs:
                    self._attrs.append(need.attr)
            if gate.sets:  # looked up by its rarest set
                attr, accepted = gate.sets[0]
                for value in accepted:
                    self.index.setdefault(attr, {}).setdefault(value, []).append(gate)
            else:
                self.unindexed.append(gate)
        gate.add(key, pattern)
        gate.span = None if gate.span is None or longest is None else max(gate.span, longest)
        return None

    def _set_id(self, attr: str, accepted: frozenset[int]) -> int:
        number = self._set_ids.get((attr, accepted))
        if number is None:
            number = self._set_ids[(attr, accepted)] = len(self._set_ids)
            by_value = self.set_index.setdefault(attr, {})
            for value in accepted:
                by_value.setdefault(value, []).append(number)
        return number

    def _learn(self, attr: str, values: set[int]) -> None:
        """Test the words of ``values`` not seen before against ``attr``'s regexes (each
        word once: words recur, and the values matching each regex are remembered)."""
        tests = self.regexes[attr]
        seen = self._regex_seen.setdefault(attr, set())
        matched_any = self._regex_any.setdefault(attr, set())
        if len(seen) > SEEN_LIMIT:
            seen.clear()
            matched_any.clear()
            for regex in tests:
                self._regex_matched[(attr, regex)] = set()
        new = values - seen
        if new:
            seen.update(new)
            strings = self.vocab.strings
            texts = [(v, strings[v]) for v in new]
            for regex, rx in tests.items():
                hits = {v for v, text in texts if rx.search(text)}
                self._regex_matched.setdefault((attr, regex), set()).update(hits)
                matched_any.update(hits)

    def _at_needles(self, doc: Doc, tokens: _DocTokens, code: str,
                    hits: list[tuple[tuple[Plan, ...], int]],
                    matches: list[tuple[int, int, int]]) -> set[Automaton]:
        """Add to ``matches`` those of the automata of each needle found in ``doc`` (its
        records ``code``) that start where the needle allows: the tokens their slots
        before the needle span back from it. Returns the automata to search the whole
        doc for instead (no limit to that span, or no regular expression)."""
        whole: set[Automaton] = set()
        patterns = self._patterns
        width = self._encoder.width
        for plans, at in hits:
            for automaton, fewest, most in plans:
                pattern = patterns.get(automaton, _COMPILE)
                if pattern is _COMPILE:
                    pattern = self._compile(automaton)
                if pattern is None or most is None:
                    whole.add(automaton)
                elif most == fewest:
                    if at >= most and (found := pattern.match(code, (at - most) * width)):
                        self._ends_at(doc, tokens, automaton, at - most, found, matches)
                else:
                    for start in range(max(0, at - most), at - fewest + 1):
                        if found := pattern.match(code, start * width):
                            self._ends_at(doc, tokens, automaton, start, found, matches)
        return whole

    def _ends_at(self, doc: Doc, tokens: _DocTokens, automaton: Automaton, start: int,
                 found: re.Match[str], matches: list[tuple[int, int, int]]) -> None:
        """Add the matches of ``automaton`` that start at ``start`` (where its pattern
        was ``found``)."""
        key, ends, extra = self._runs[automaton]
        if automaton.fixed:
            matches.append((key, start, found.end(1) // self._encoder.width))
            return
        if extra:
            tokens.with_columns(doc, extra)
        matches.extend([(key, start, end) for end in ends(tokens.columns, start, len(doc),
                                                          self.regex_memo) if end != start])

    def _reach_more(self, tokens: _DocTokens, reached: set[Automaton]) -> _RegexHits | None:
        """Add to ``reached`` the automata anchored on a regular expression that a word of
        the doc matches, and those with neither a needle nor such an anchor."""
        regex_hits = _RegexHits(self, tokens.present) if self.regex_anchored else None
        if regex_hits is not None and regex_hits.any_met():
            reached.update([automaton for automaton in self.regex_anchored
                            if regex_hits.get(automaton.anchor)])  # type: ignore[arg-type]
        if self._always:
            reached.update(self._always)
        return regex_hits

    def _automata_matches(self, doc: Doc, tokens: _DocTokens, reached: set[Automaton],
                          code: str) -> list[tuple[int, int, int]]:
        """Matches of the automata ``reached`` (one of whose needles ``doc`` holds), of
        those anchored on a regular expression a word of ``doc`` matches, and of those
        with neither: as regular expressions over the doc's encoded tokens (``code``), or
        (those that cannot be encoded) run from the starts their anchor allows."""
        regex_hits = self._reach_more(tokens, reached)
        matches: list[tuple[int, int, int]] = []
        length = len(doc)
        memo = self.regex_memo
        columns = tokens.columns  # with_columns adds to this dict
        runs = self._runs
        patterns = self._patterns
        encoder = self._encoder
        width = encoder.width
        for automaton in reached:  # (in any order: the ruler sorts the matches)
            key, ends, extra = runs[automaton]
            encoded = patterns.get(automaton, _COMPILE)
            if encoded is _COMPILE:
                encoded = self._compile(automaton)
            if encoded is not None:
                if automaton.fixed:
                    matches.extend([(key, found.start() // width, found.end(1) // width)
                                    for found in encoded.finditer(code)])  # type: ignore[union-attr]
                    continue
                begins: Collection[int] = [
                    found.start() // width
                    for found in encoded.finditer(code)]  # type: ignore[union-attr]
            else:
                begins = _starts(automaton, doc, tokens, regex_hits)
            if not begins:
                continue
            if extra:
                tokens.with_columns(doc, extra)
            for start in begins:
                for end in ends(columns, start, length, memo):
                    if end != start:
                        matches.append((key, start, end))
        return matches

    def _compile(self, automaton: Automaton) -> re.Pattern[str] | None:
        """``automaton``'s regex over the records (from its cached program when it has
        one still up to date), remembered; None when it runs in Python."""
        made = self._programs.pop(automaton, None)
        pattern = self._patterns[automaton] = (
            self._encoder.compile(automaton) if made is None else load(made))
        return pattern

    def make_programs(self) -> list[Program | None]:
        """The regex engine's programs of the automata's regexes (None for those without
        one), in the order they were added: cached with the patterns and given to
        :meth:`add_compiled` again, so that a fresh process does not compile them
        (:mod:`taxcheck.nlp.programs`). Made after :meth:`learn_signatures`."""
        made: list[Program | None] = []
        for automaton in self._needs:
            source = self._encoder.source(automaton)
            made.append(None if source is None else program(source, FLAGS))
        self._patterns = {}
        self._programs = {a: p for a, p in zip(self._needs, made, strict=True) if p}
        return made

    def _encode(self, doc: Doc, columns: dict[str, list[int]]) -> str:
        """``doc``'s records; forgets the patterns that a new regex signature made out of
        date (a character class of theirs grew: :meth:`Encoder.stale`)."""
        encoder = self._encoder
        known, overflow = len(encoder.signatures), encoder.overflow
        code = encoder.encode(doc, columns)
        if len(encoder.signatures) != known or encoder.overflow != overflow:
            for stale in encoder.stale(known, overflow, self._regex_tested):
                self._patterns.pop(stale, None)
                self._programs.pop(stale, None)
        return code

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Matches of the phrases, the automata, and the gated token patterns whose
        requirements ``doc`` meets (a new list)."""
        if not len(doc):
            return []
        tokens = doc_tokens(doc)
        code = self._encode(doc, tokens.columns)
        matches, hits = self._needles.search(code, self._encoder.width, len(doc))
        whole = self._at_needles(doc, tokens, code, hits, matches) if hits else set()
        if whole or self.regex_anchored or self._always:
            matches.extend(self._automata_matches(doc, tokens, whole, code))
        if not self.gates:
            return matches
        present = tokens.present
        regex_hits = _RegexHits(self, present)
        met: set[int] = set()  # the word sets the doc meets
        for attr, by_value in self.set_index.items():
            for value in present[attr] & self._set_keys[attr]:
                met.update(by_value[value])
        gates = dict.fromkeys(self.unindexed)
        for attr, index in self.index.items():
            for value in present[attr] & self._index_keys[attr]:
                gates.update(dict.fromkeys(index[value]))
        for gate in gates:
            if not gate.set_ids <= met:
                continue
            if not gate.sets and not gate.regexes:
                matches.extend(gate.matches(doc, None))
            elif positions := gate.positions(tokens, regex_hits):
                matches.extend(gate.matches(doc, positions))
        return matches

    def __call__(self, doc: Doc) -> Doc:
        if self.requires_key is not None and not doc.spans.get(self.requires_key):
            doc.spans[self.spans_key] = []
            doc.user_data[(PLAIN_KEY, self.spans_key)] = []
            return doc
        matches = self._matches(doc)
        # deduplicated and sorted as tuples, in the order of sorted Spans (start, end,
        # label hash, id hash), then made Spans: comparing Spans is slow
        labels = self.labels
        found = sorted({(start, end, *labels[key]) for key, start, end in matches
                        if start != end})
        doc.spans[self.spans_key] = [Span(doc, start, end, label=label, span_id=span_id)
                                     for start, end, label, span_id in found]
        doc.user_data[(PLAIN_KEY, self.spans_key)] = found
        return doc


def _starts(automaton: Automaton, doc: Doc, tokens: _DocTokens,
            regex_hits: _RegexHits | None) -> Collection[int]:
    """Where a match of ``automaton`` may start in ``doc`` (each once): before each token
    of its anchor by as many tokens as the steps before the anchor may span, keeping (when
    that is a range) only tokens that pass the first slot's word tests."""
    column, values = automaton.anchor
    if isinstance(values, str):
        hits = regex_hits.get((column, values))  # type: ignore[union-attr]
        if not hits:
            return ()
        at = tokens.positions(column, hits)
    elif len(values) == 1:  # a word the doc holds (the automaton was reached by it)
        at = tokens.positions(column, values)
    else:
        at = tokens.positions(column, values.intersection(tokens.present[column]))
    fewest, most = automaton.before
    if most == fewest:  # one start per anchor token: the automaton tests the first slot
        # ``at`` is sorted and without repeats (a shared list: read, never changed)
        return at if not fewest else [p - fewest for p in at if p >= fewest]
    begins: set[int] = set()
    for p in at:
        if p >= fewest:
            begins.update(range(0 if most is None else max(0, p - most), p - fewest + 1))
    for test in automaton.first:
        begins.intersection_update(tokens.where(doc, *test))
        if not begins:
            break
    return begins


class _RegexHits:
    """(attribute, regex) -> one doc's values that match it, worked out when a gate asks
    (most docs reach no gate with a regular expression)."""

    def __init__(self, ruler: LexiconRuler, present: dict[str, set[int]]):
        self.ruler = ruler
        self.present = present
        self.learned: set[str] = set()
        self.found: dict[tuple[str, str], set[int]] = {}

    def any_met(self) -> bool:
        """Whether a value of the doc matches some regex of the ruler (most docs: none)."""
        ruler = self.ruler
        for attr in ruler.regexes:
            values = self.present[attr]
            self._learned(attr, values)
            if not ruler._regex_any[attr].isdisjoint(values):
                return True
        return False

    def _learned(self, attr: str, values: set[int]) -> None:
        if attr not in self.learned:
            self.ruler._learn(attr, values)
            self.learned.add(attr)

    def get(self, test: tuple[str, str]) -> set[int]:
        hits = self.found.get(test)
        if hits is None:
            attr = test[0]
            values = self.present[attr]
            self._learned(attr, values)
            hits = self.found[test] = self.ruler._regex_matched.setdefault(
                test, set()).intersection(values)
        return hits


def plain_spans(doc: Doc, key: str) -> list[tuple[int, int, int, int]]:
    """``doc.spans[key]`` as (start, end, label hash, id hash) tuples, in order.

    A ``LexiconRuler`` keeps them next to the spans it writes (reading a spaCy ``Span``
    builds a ``Token`` for each end, which costs more than finding it); when the group was
    written otherwise, they are read from its spans.
    """
    group = doc.spans.get(key)
    if group is None:
        return []
    found = doc.user_data.get((PLAIN_KEY, key))
    if found is not None and len(found) == len(group):
        return found
    return [(s.start, s.end, s.label, s.id) for s in group]


@Language.factory("taxcheck_lexicon", assigns=["doc.spans"],
                  default_config={"spans_key": "taxcheck_lexicon", "validate": True,
                                  "requires_key": None})
def make_lexicon_ruler(nlp: Language, name: str, spans_key: str, validate: bool,
                       requires_key: str | None) -> LexiconRuler:
    return LexiconRuler(nlp, name, spans_key, validate, requires_key)
