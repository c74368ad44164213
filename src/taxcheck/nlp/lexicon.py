"""A fast span ruler for the concept and cue lexicons.

It takes the same patterns as spaCy's ``span_ruler`` (``{"label", "pattern", "id"}`` with
token patterns) and writes the same spans (deduplicated, sorted, with label and id), but
sends fixed phrases to ``PhraseMatcher``s instead of the token ``Matcher``: a pattern
whose tokens are all ``{"LOWER": ...}`` goes to a phrase matcher on LOWER, one whose
tokens are all ``{"LEMMA": ...}`` to a phrase matcher on LEMMA, and only the rest (raw
patterns with operators, other attributes) to the ``Matcher``. The token matcher tries
every pattern at every token, so with a few hundred phrases it cost more than the
rest of the pipeline together; a phrase matcher looks each token up once. The token
matcher runs only on docs holding a word the pattern requires (its *anchor*); patterns
without one (a lone regular expression) go to a second token matcher run on every doc.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span


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


_ANCHOR_ATTRS = ("LOWER", "LEMMA", "ORTH")


def _anchor(pattern: list[dict]) -> tuple[str, list[str]] | None:
    """A token every match of ``pattern`` contains: (attribute, accepted values)."""
    for spec in pattern:
        spec = {str(k).upper(): v for k, v in spec.items()}
        if spec.get("OP", "1") != "1":
            continue
        for attr in _ANCHOR_ATTRS:
            value = spec.get(attr if attr != "ORTH" else "TEXT", spec.get(attr))
            if isinstance(value, str):
                return attr, [value]
            if isinstance(value, dict) and set(value) == {"IN"} and all(
                    isinstance(v, str) for v in value["IN"]):
                return attr, list(value["IN"])
    return None


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
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.matcher = Matcher(nlp.vocab, validate=validate)
        """Raw patterns with an anchor word (run when the doc has one)."""
        self.free = Matcher(nlp.vocab, validate=validate)
        """Raw patterns without an anchor (run on every doc)."""
        self.labels: dict[int, tuple[str, str]] = {}
        self.anchors: dict[str, set[int]] = {}
        self.anchor_values: set[int] = set()

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add ``{"label", "pattern", "id"?}`` entries whose pattern is a token list."""
        for entry in patterns:
            label, span_id = str(entry["label"]), str(entry.get("id", ""))
            key = repr((label, span_id))
            self.labels[self.vocab.strings.add(key)] = (label, span_id)
            pattern = entry["pattern"]
            if not isinstance(pattern, list):
                raise ValueError(f"lexicon pattern for {label} must be a list of token dicts, "
                                 f"got {pattern!r}")
            if words := _phrase(pattern, "LOWER"):
                self.lower.add(key, [Doc(self.vocab, words=[w.lower() for w in words])])
            elif words := _phrase(pattern, "LEMMA"):
                self.lemma.add(key, [Doc(self.vocab, words=words, lemmas=words)])
            else:
                anchor = _anchor(pattern)
                if anchor is None:
                    self.free.add(key, [pattern])
                    continue
                self.matcher.add(key, [pattern])
                attr, values = anchor
                hashes = {self.vocab.strings.add(v.lower() if attr != "ORTH" else v)
                          for v in values}
                self.anchors.setdefault(attr, set()).update(hashes)
                self.anchor_values.update(hashes)

    def _has_anchor(self, doc: Doc) -> bool:
        # A prefilter: a value of any anchor attribute equal to any anchor value will do.
        values = doc.to_array([IDS[a] for a in sorted(self.anchors)])
        return not self.anchor_values.isdisjoint(values.ravel().tolist())

    def __call__(self, doc: Doc) -> Doc:
        if self.requires_key is not None and not doc.spans.get(self.requires_key):
            doc.spans[self.spans_key] = []
            return doc
        matches = set()
        for matcher in (self.lower, self.lemma, self.free):
            if len(matcher):
                matches.update(matcher(doc))
        if len(self.matcher) and self._has_anchor(doc):
            matches.update(self.matcher(doc))
        spans = set()
        for key, start, end in matches:
            if start != end:
                label, span_id = self.labels[key]
                spans.add(Span(doc, start, end, label=label, span_id=span_id))
        doc.spans[self.spans_key] = sorted(spans)
        return doc


@Language.factory("taxcheck_lexicon", assigns=["doc.spans"],
                  default_config={"spans_key": "taxcheck_lexicon", "validate": True,
                                  "requires_key": None})
def make_lexicon_ruler(nlp: Language, name: str, spans_key: str, validate: bool,
                       requires_key: str | None) -> LexiconRuler:
    return LexiconRuler(nlp, name, spans_key, validate, requires_key)
