"""Load claim database folders into a :class:`ClaimDatabase`, with file:line errors.

A folder holds ``concepts.yaml`` (the vocabulary of claims), ``cues.yaml``
(negation, hedge, attribution and other linguistic cues), ``figures.yaml`` (numbers
keyed by tax year) and one YAML file per topic with its claims. Later folders add
claims and override earlier ones with the same id; concepts and cues are merged. A claim's
``terms:`` are concepts of its own, filed as ``<claim id>/LABEL`` (see :func:`_scope_terms`);
they may not shadow a concepts.yaml label or list a phrase another label lists. A later
folder's figure entry with only ``id``, ``values`` and ``citations`` adds years to the
figure of that id (next year's limits the day they are announced) and changes nothing else.

What the first folder (the built-in database) holds once read is kept for the life of the
process, keyed by the bytes of its files (:func:`_first_folder`): loading it again with a
house folder, or after a house file changed (the language server, ``watch``, the tests),
reads only the house folder. An edited built-in file has other bytes: it is read again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from taxcheck.claimdb.database import ClaimDatabase
from taxcheck.claimdb.files import ClaimDatabaseErrors, read_claim_file
from taxcheck.claimdb.models import (
    SCOPE,
    Claim,
    ClaimFile,
    Condition,
    Cue,
    Figure,
    FigureYears,
    Lexeme,
    local_label,
)
from taxcheck.claimdb.yamlmarks import compose, construct, duplicate_keys, key_line, line_of
from taxcheck.cues import CUE_CATEGORIES
from taxcheck.errors import ClaimDatabaseError
from taxcheck.nlp.normalise import TYPOGRAPHIC

M = TypeVar("M", bound=BaseModel)

TermSite = tuple[Path, int, dict[str, int]]
"""Where a claim's local label is written: the file, the line of its name, and the line of
each of its phrases (by :func:`phrase_key`)."""

def _describe(error: dict) -> str:
    loc = ".".join(str(p) for p in error["loc"] if p != "from_") or "(top level)"
    msg = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        msg = "unknown field"
    elif error["type"] == "literal_error":
        msg = f"{msg} (got {_short_repr(error.get('input'))})"
    return f"{loc}: {msg}"


def _short_repr(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters (a value from YAML may be big)."""
    if isinstance(value, dict | list | tuple | set):
        return f"a {'mapping' if isinstance(value, dict) else 'list'} of {len(value)} items"
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


class _FileLoader:
    """Load one YAML file; collect errors that name the file and line."""

    def __init__(self, path: Path, errors: list[ClaimDatabaseError],
                 raw: bytes | OSError | None = None):
        self.path = path
        self.errors = errors
        self.raw = raw
        """The file's bytes (or why they cannot be read) when already read."""
        self.node: yaml.Node | None = None
        self.term_sites: dict[str, TermSite] = {}
        """Claim-local label (``<claim id>/LABEL``) -> where it is written."""

    def data(self) -> object:
        raw = read_claim_file(self.path) if self.raw is None else self.raw
        try:
            if isinstance(raw, OSError):
                raise raw
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            self.fail(1, f"cannot read file: {reason}", "TC101")
            return None
        try:
            self.node = compose(text)
            duplicates = duplicate_keys(self.node)
            for line, key in duplicates:
                self.fail(line, f"invalid YAML: duplicate key '{key}'", "TC102")
            return None if duplicates else construct(self.node)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else 1
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.fail(line, f"invalid YAML: {problem}", "TC102")
            return None

    def fail(self, line: int, message: str, code: str = "TC103") -> None:
        self.errors.append(ClaimDatabaseError(message, where=f"{self.path}:{line}", code=code))

    def line(self, loc: tuple[int | str, ...]) -> int:
        return line_of(self.node, loc)

    def validate(self, model: type[M], data: object,
                               loc: tuple[int | str, ...] = ()) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
            for err in errors:
                # "too short" on a list whose item is itself invalid repeats that error
                if err["type"] == "too_short" and any(
                        o is not err and tuple(o["loc"][:len(err["loc"])]) == tuple(err["loc"])
                        for o in errors):
                    continue
                self.fail(self.line(loc + tuple(err["loc"])), _describe(err))
            return None


def _lexicon(loader: _FileLoader, into: dict[str, Lexeme], model: type[Lexeme] = Lexeme,
             known: dict[str, str] | None = None) -> None:
    """Read a lexicon file into ``into``; ``known`` limits the labels (cue categories)."""
    data = loader.data()
    if data is None:
        return
    if not isinstance(data, dict):
        loader.fail(1, "expected a mapping of LABEL: {terms, lemmas, patterns}")
        return
    for label, body in data.items():
        if not isinstance(label, str) or not label.replace("_", "").isupper():
            loader.fail(loader.line((label,)), f"label {label!r} must be UPPER_SNAKE_CASE")
            continue
        if known is not None and label not in known:
            loader.fail(key_line(loader.node, label), f"unknown cue category {label!r}; known: "
                        f"{', '.join(sorted(known))}", "TC107")
            continue
        lexeme = loader.validate(model, body or {}, (label,))
        if lexeme is None:
            continue
        _unmatchable(loader, label, lexeme)
        if label in into:
            old = into[label]
            lexeme = old.model_copy(update={
                "description": lexeme.description or old.description,
                "context": lexeme.context or old.context,
                **{key: getattr(old, key) + getattr(lexeme, key)
                   for key in ("borrows", "refers", "includes", "hides", "terms", "lemmas",
                               "patterns")}})
        into[label] = lexeme


def _pattern_words(value: object) -> Iterable[str]:
    """The words a token pattern (or part of one) names by LOWER, ORTH, TEXT or LEMMA."""
    if isinstance(value, list):
        for item in value:
            yield from [item] if isinstance(item, str) else _pattern_words(item)
    elif isinstance(value, dict):
        for key, arg in value.items():
            if str(key).upper() in ("LOWER", "ORTH", "TEXT", "LEMMA", "IN"):
                yield from [arg] if isinstance(arg, str) else _pattern_words(arg)
            elif isinstance(arg, dict | list) and str(key).upper() != "REGEX":
                yield from _pattern_words(arg)


def _unmatchable(loader: _FileLoader, label: str, lexeme: Lexeme,
                 at: tuple[int | str, ...] = ()) -> None:
    """Report (TC110) a phrase or pattern word that can never match: articles are read
    with typographic characters made plain ("’" is "'"), so "saver’s credit" is dead.
    ``at`` is where the label's mapping is (a claim's ``terms``; top level by default)."""
    entries = [((key, i), text) for key in ("terms", "lemmas")
               for i, text in enumerate(getattr(lexeme, key))]
    entries += [(("patterns", i), word) for i, pattern in enumerate(lexeme.patterns)
                for word in _pattern_words(pattern)]
    for loc, text in entries:
        if text.translate(TYPOGRAPHIC) != text:
            loader.fail(loader.line((*at, label, *loc)),
                        f"{label}: {text!r} can never match: articles are read with "
                        f"typographic characters made plain; write "
                        f"{text.translate(TYPOGRAPHIC)!r}", "TC110")


def _figures(loader: _FileLoader, into: dict[str, Figure]) -> None:
    data = loader.data()
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get("figures"), list):
        loader.fail(1, "expected 'figures:' followed by a list of figures")
        return
    seen: set[str] = set()
    for i, body in enumerate(data["figures"]):
        if isinstance(body, dict) and "name" not in body and "unit" not in body:
            _figure_years(loader, into, body, i, seen)
            continue
        figure = loader.validate(Figure, body, ("figures", i))
        if figure is None:
            continue
        if figure.id in seen:
            loader.fail(loader.line(("figures", i, "id")),
                        f"duplicate figure id {figure.id!r}", "TC104")
            continue
        seen.add(figure.id)
        into[figure.id] = figure


def _figure_years(loader: _FileLoader, into: dict[str, Figure], body: dict, i: int,
                  seen: set[str]) -> None:
    """Add a house folder's years to a figure of an earlier folder (see FigureYears)."""
    added = loader.validate(FigureYears, body, ("figures", i))
    if added is None:
        return
    old = into.get(added.id)
    if old is None or added.id in seen:
        loader.fail(loader.line(("figures", i, "id")),
                    f"figure {added.id!r} is not in an earlier claim folder; a new figure "
                    "needs 'name', 'unit', 'values' and 'citations'", "TC106")
        return
    seen.add(added.id)
    taken = sorted(year for year in added.values if year in old.values)
    if taken:
        loader.fail(loader.line(("figures", i, "values", taken[0])),
                    f"figure {added.id!r} already has a value for {taken[0]}; a house folder "
                    "adds years to a figure, it does not change them (give the whole figure "
                    "with 'name' and 'unit' to replace it)", "TC108")
        return
    urls = {c.url for c in old.citations}
    merged = {**old.model_dump(by_alias=True),
              "values": {**old.values, **added.values},
              "citations": old.citations + tuple(c for c in added.citations
                                                 if c.url not in urls)}
    if added.note:
        merged["note"] = f"{old.note} {added.note}" if old.note else added.note
    try:
        into[added.id] = Figure.model_validate(merged)
    except ValidationError as exc:  # an implausible value for the figure's unit
        for err in exc.errors():
            loader.fail(loader.line(("figures", i, "values")),
                        err["msg"].removeprefix("Value error, "))


def _claims(loader: _FileLoader, seen: dict[str, str]) -> list[tuple[Claim, str]]:
    data = loader.data()
    if data is None:
        return []
    if not isinstance(data, dict):
        loader.fail(1, "expected a mapping with 'topic:' and 'claims:'")
        return []
    raw_claims = data.get("claims")
    header = loader.validate(ClaimFile, {**data, "claims": []})
    if header is None or not isinstance(raw_claims, list):
        if header is not None:
            loader.fail(1, "expected 'claims:' followed by a list of claims")
        return []
    out: list[tuple[Claim, str]] = []
    denials: dict[str, int] = {}  # a denial made in this file -> its place in out
    for i, body in enumerate(raw_claims):
        if isinstance(body, dict):
            if "denial_of" in body:
                loader.fail(loader.line(("claims", i, "denial_of")),
                            "denial_of: unknown field (the loader sets it; write 'negated')")
                continue
            body = {"topic": header.topic, **body}
        claim = loader.validate(Claim, body, ("claims", i))
        if claim is not None:
            _add(loader, i, claim, seen, out, denials)
    return out


def _add(loader: _FileLoader, i: int, claim: Claim, seen: dict[str, str],
         out: list[tuple[Claim, str]], denials: dict[str, int]) -> None:
    """Add claim number ``i`` of the file and the denial it makes (if any) to ``out``."""
    where = f"{loader.path}:{loader.line(('claims', i))}"
    claim = _scope_terms(loader, i, claim)
    for made, key in ((claim, "id"), (claim.denial(), "negated"),
                      (claim.history_claim(), "history")):
        if made is None:
            continue
        if key == "negated" and made.id in denials:
            problem = _share_denial(out, denials[made.id], made)
            if problem:
                loader.fail(loader.line(("claims", i, key)), problem, "TC104")
            continue
        if made.id in seen:
            loader.fail(loader.line(("claims", i, key)), f"duplicate claim id {made.id!r} "
                        f"(first defined at {seen[made.id]})", "TC104")
            continue
        seen[made.id] = where
        if key == "negated":
            denials[made.id] = len(out)
        out.append((made, where))


def _share_denial(out: list[tuple[Claim, str]], index: int, more: Claim) -> str | None:
    """Fold ``more``, a second proposition's denial with the id of one made earlier in the
    file, into that denial: one correct statement that denies two wrong ones ("losses in a
    401(k) are not deductible" denies "they are deductible" and "they offset gains"). The
    shared denial keeps the first one's words, years and place and states both denials."""
    first, where = out[index]
    same = ("verdict", "says", "correction", "severity", "years", "fact")
    if any(getattr(more, key) != getattr(first, key) for key in same):
        return (f"negated: denial {more.id!r} is already the denial of {first.denial_of!r} "
                f"({where}); a proposition that shares it rests on the same fact and "
                "repeats its verdict, says, correction, severity and years")
    out[index] = (first.model_copy(update={
        "when": first.when + more.when,
        "terms": {**first.terms, **more.terms},
        "examples": first.examples.model_copy(update={
            "match": first.examples.match + more.examples.match,
            "no_match": first.examples.no_match + more.examples.no_match})}), where)
    return None


def phrase_key(text: str) -> str:
    """A phrase as the one-label rule compares it: case and spacing ignored (a term "cash
    out" and a lemma sequence "cash out" are one phrase)."""
    return " ".join(text.lower().split())


def _scope_terms(loader: _FileLoader, i: int, claim: Claim) -> Claim:
    """Claim number ``i`` of the file with its ``terms`` filed as ``<claim id>/LABEL`` and
    every name of them in its conditions, its denial's, its anchor and its labels'
    ``includes``/``hides``/``refers`` written so: what the matcher sees is one vocabulary,
    in which two claims' labels never meet. Reports (TC112) a label that none of them
    names, and (TC110) a phrase that can never match."""
    if not claim.terms:
        return claim
    local = {label: f"{claim.id}{SCOPE}{label}" for label in claim.terms}
    at = ("claims", i, "terms")

    def names(labels: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(local.get(label, label) for label in labels)

    def condition(cond: Condition) -> Condition:
        return cond.model_copy(update={
            "all": names(cond.all), "any": names(cond.any), "none": names(cond.none),
            "implied": names(cond.implied), "none_nearby": names(cond.none_nearby),
            "none_around": names(cond.none_around),
            "anchor": local.get(cond.anchor, cond.anchor) if cond.anchor else None})

    denial = claim.negated.when if claim.negated else ()
    told = claim.history.when if claim.history else ()
    used = {claim.anchor, *claim.completed_by, *claim.spells_out_unless, *claim.spells_out_needs,
            *(n for c in (*claim.when, *denial, *told) for n in (*c.concepts(), c.anchor))}
    for label, lexeme in claim.terms.items():
        used.update(n for n in (*lexeme.includes, *lexeme.hides, *lexeme.refers) if n != label)
    terms: dict[str, Lexeme] = {}
    for label, lexeme in claim.terms.items():
        key = key_line(loader.node, label, at)
        if label not in used:
            loader.fail(key, f"claim {claim.id!r}: terms: {label} is named by none of its "
                        "conditions; remove it (a claim's terms are its own vocabulary)",
                        "TC112")
        _unmatchable(loader, label, lexeme, at)
        lines = {phrase_key(text): loader.line((*at, label, field, n))
                 for field in ("terms", "lemmas") for n, text in enumerate(getattr(lexeme, field))}
        loader.term_sites[local[label]] = (loader.path, key, lines)
        terms[local[label]] = lexeme.model_copy(update={
            "includes": names(lexeme.includes), "hides": names(lexeme.hides),
            "refers": names(lexeme.refers)})
    update: dict[str, object] = {"terms": terms, "when": tuple(map(condition, claim.when))}
    if claim.anchor:
        update["anchor"] = local.get(claim.anchor, claim.anchor)
    if claim.completed_by:
        update["completed_by"] = names(claim.completed_by)
    update["spells_out_unless"] = names(claim.spells_out_unless)
    update["spells_out_needs"] = names(claim.spells_out_needs)
    if claim.negated is not None:
        update["negated"] = claim.negated.model_copy(
            update={"when": tuple(map(condition, claim.negated.when))})
    if claim.history is not None:
        update["history"] = claim.history.model_copy(
            update={"when": tuple(map(condition, claim.history.when))})
    return claim.model_copy(update=update)


def _claim_terms(claims: Iterable[Claim]) -> dict[str, Lexeme]:
    """The claims' own labels (a proposition's, which its denial shares, first)."""
    ordered = sorted(claims, key=lambda claim: claim.denial_of is not None)
    out: dict[str, Lexeme] = {}
    for claim in ordered:
        for label, lexeme in claim.terms.items():
            out.setdefault(label, lexeme)
    return out


def _term_clashes(concepts: dict[str, Lexeme], local: dict[str, Lexeme],
                  sites: dict[str, TermSite]) -> list[ClaimDatabaseError]:
    """A claim's label that a concepts.yaml label shadows, and a phrase of one that another
    label (of concepts.yaml or of a claim) lists too: a phrase belongs to one label (TC111)."""
    owners: dict[str, str] = {}
    for label, lexeme in concepts.items():
        for text in (*lexeme.terms, *lexeme.lemmas):
            owners.setdefault(phrase_key(text), label)

    def whose(label: str) -> str:
        if SCOPE not in label:
            return f"the concepts.yaml label {label}"
        path, line, _ = sites.get(label, (Path("?"), 0, {}))
        return (f"label {local_label(label)} of claim {label.rpartition(SCOPE)[0]!r} "
                f"({path}:{line})")

    errors = []
    for scoped, lexeme in local.items():
        claim_id, _, label = scoped.rpartition(SCOPE)
        path, line, lines = sites.get(scoped, (Path("?"), 0, {}))
        if label in concepts:
            errors.append(ClaimDatabaseError(
                f"claim {claim_id!r}: terms: {label} shadows the concepts.yaml label of that "
                "name; use that label, or give this one another name", where=f"{path}:{line}",
                code="TC111"))
        for text in (*lexeme.terms, *lexeme.lemmas):
            key = phrase_key(text)
            owner = owners.setdefault(key, scoped)
            if owner != scoped:
                errors.append(ClaimDatabaseError(
                    f"claim {claim_id!r}: terms: {label} lists {text!r}, which "
                    f"{whose(owner)} lists too; a phrase belongs to one label",
                    where=f"{path}:{lines.get(key, line)}", code="TC111"))
    return errors


ClaimFiles = tuple[tuple[Path, "bytes | OSError"], ...]
"""The YAML files of a claim folder, in order, with their bytes (or why they cannot be read)."""


@dataclass
class _Read:
    """What the folders read so far hold: the loader's state from one folder to the next."""

    errors: list[ClaimDatabaseError] = field(default_factory=list)
    concepts: dict[str, Lexeme] = field(default_factory=dict)
    cues: dict[str, Lexeme] = field(default_factory=dict)  # of Cue
    figures: dict[str, Figure] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    locations: dict[str, str] = field(default_factory=dict)
    sites: dict[str, TermSite] = field(default_factory=dict)
    vocabulary_ok: bool = True
    figures_ok: bool = True
    digest: hashlib._Hash = field(default_factory=hashlib.sha256)
    folders: int = 0

    def copy(self) -> _Read:
        """A copy to read more folders into (the models are frozen: later folders replace
        entries, never change them)."""
        return _Read(list(self.errors), dict(self.concepts), dict(self.cues),
                     dict(self.figures), dict(self.claims), dict(self.locations),
                     dict(self.sites), self.vocabulary_ok, self.figures_ok,
                     self.digest.copy(), self.folders)


def _read_folder(files: ClaimFiles, read: _Read) -> None:
    """Read one folder's files into ``read``."""
    seen: dict[str, str] = {}
    errors = read.errors
    for path, raw in files:
        read.digest.update(path.name.encode() + b"\0" + (raw if isinstance(raw, bytes) else b""))
        loader = _FileLoader(path, errors, raw)
        before = len(errors)
        if path.name == "concepts.yaml":
            _lexicon(loader, read.concepts)
            read.vocabulary_ok = read.vocabulary_ok and len(errors) == before
        elif path.name == "cues.yaml":
            _lexicon(loader, read.cues, Cue, CUE_CATEGORIES)
        elif path.name == "figures.yaml":
            _figures(loader, read.figures)
            read.figures_ok = read.figures_ok and len(errors) == before
        else:
            for claim, where in _claims(loader, seen):
                read.claims[claim.id] = claim
                read.locations[claim.id] = where
            read.sites.update(loader.term_sites)
    read.folders += 1


@lru_cache(maxsize=2)
def _first_folder(files: ClaimFiles) -> _Read:
    """The first folder read, kept by the bytes of its files (copy it before reading more)."""
    read = _Read()
    _read_folder(files, read)
    return read


def load_database(folders: Iterable[Path]) -> ClaimDatabase:
    """Load and check claim folders; raise :class:`ClaimDatabaseErrors` on any problem."""
    read = _Read()
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            read.errors.append(ClaimDatabaseError("claim folder not found", where=str(folder),
                                                  code="TC100"))
            continue
        files = tuple((path, read_claim_file(path)) for path in sorted(folder.glob("*.yaml")))
        if not read.folders and not read.errors and all(
                isinstance(raw, bytes) for _, raw in files):
            read = _first_folder(files).copy()
        else:
            _read_folder(files, read)
    errors = read.errors
    local = _claim_terms(read.claims.values())
    errors.extend(_term_clashes(read.concepts, local, read.sites))
    db = ClaimDatabase(claims=list(read.claims.values()), concepts={**read.concepts, **local},
                       cues=read.cues, figures=read.figures, locations=read.locations,
                       version=read.digest.hexdigest()[:12])
    # A broken concepts.yaml or figures.yaml would make every reference to it look
    # unknown; report the broken file alone.
    errors.extend(e for e in db.check_references()
                  if (read.vocabulary_ok or e.code != "TC105")
                  and (read.figures_ok or e.code != "TC106"))
    errors.extend(db.check_mirrors())
    if errors:
        raise ClaimDatabaseErrors(errors)
    return db
