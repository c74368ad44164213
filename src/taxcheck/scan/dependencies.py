"""What a scan's results depend on in the claim database, and what changed between two.

A :class:`DatabaseSnapshot` is a small summary of a claim database: a hash of each claim,
the concepts each of its conditions needs, each figure's values by year, and a hash of the
vocabulary (concepts and cues). Scans keep one per database version (in the cache folder
as ``databases/VERSION.snapshot``, and as ``claimdb.json`` in the output folder) so that
a later scan can tell

- which claims and figure years changed since (:func:`diff`), and
- which articles those changes can touch (:meth:`DatabaseChanges.touched`): a claim can
  only produce a finding in a clause whose concepts meet one of its conditions, and every
  concept a clause resolves (named, implied by a heading, borrowed or referred to) is
  named somewhere in the article. An article whose concepts meet no condition of a changed
  claim (before or after the change) gets the same findings from either database.

A change to the vocabulary (``concepts.yaml``, ``cues.yaml``, or a claim's own ``terms:``,
whose phrases may hide other concepts) changes what the pipeline finds in every article, so it
touches them all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from taxcheck.atomic import write_atomic
from taxcheck.claimdb import ClaimDatabase

SNAPSHOT_FORMAT = 1
SNAPSHOT_FILE = "claimdb.json"
"""The snapshot of the database a scan used, in its output folder."""


class ClaimStamp(BaseModel):
    """One claim as far as re-checking goes: its hash, topic, figure and needs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    hash: str
    topic: str = ""
    figure: str | None = None
    needs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    """Per condition, the concepts it needs all of and those it needs one of."""
    where: str | None = None


class FigureStamp(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    hash: str
    """Everything but the values (name, unit, style, citations, note)."""
    years: dict[int, str]
    """The right value(s) of each year, as text ("$24,500", "25%")."""


class DatabaseSnapshot(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = SNAPSHOT_FORMAT
    version: str
    vocabulary: str
    claims: dict[str, ClaimStamp]
    figures: dict[str, FigureStamp]


def _hash(data: object) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False,
                                     default=str).encode()).hexdigest()[:16]


def snapshot(db: ClaimDatabase) -> DatabaseSnapshot:
    """The snapshot of ``db``."""
    vocabulary = _hash({"concepts": {k: v.model_dump(mode="json") for k, v in db.concepts.items()},
                        "cues": {k: v.model_dump(mode="json") for k, v in db.cues.items()}})
    claims = {c.id: ClaimStamp(hash=_hash(c.model_dump(mode="json")), topic=c.topic,
                               figure=c.figure, where=db.locations.get(c.id),
                               needs=tuple((tuple(w.all), tuple(w.any)) for w in c.when))
              for c in db.claims}
    figures = {f.id: FigureStamp(hash=_hash(f.model_dump(mode="json", exclude={"values"})),
                                 years={y: f.format_year(y) for y in sorted(f.values)})
               for f in db.figures.values()}
    return DatabaseSnapshot(version=db.version, vocabulary=vocabulary, claims=claims,
                            figures=figures)


def read_snapshot(path: Path) -> DatabaseSnapshot | None:
    """The snapshot stored at ``path``, or None when missing, unreadable or malformed."""
    try:
        return DatabaseSnapshot.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return None


def write_snapshot(path: Path, snap: DatabaseSnapshot) -> None:
    write_atomic(path, snap.model_dump_json())


@dataclass(frozen=True)
class Cause:
    """One change of the database: a claim added, edited or removed, a figure year added,
    changed or removed, or a figure's other fields edited."""

    kind: str
    """``claim added``, ``claim edited``, ``claim removed``, ``figure year added``,
    ``figure year changed``, ``figure year removed``, ``figure edited``."""
    subject: str
    """The claim or figure id."""
    year: int | None = None
    before: str | None = None
    after: str | None = None

    def __str__(self) -> str:
        if self.year is None:
            return f"{self.kind}: {self.subject}"
        values = " -> ".join(v for v in (self.before, self.after) if v)
        return f"{self.kind}: {self.subject} {self.year}" + (f" ({values})" if values else "")

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in {"kind": self.kind, "subject": self.subject, "year": self.year,
                                  "before": self.before, "after": self.after}.items()
                if v is not None}


@dataclass
class DatabaseChanges:
    """What changed from one database snapshot to another."""

    vocabulary: bool = False
    causes: dict[str, list[Cause]] = field(default_factory=dict)
    """Per affected claim id, why it is affected (its own edit, or its figure's)."""
    needs: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = field(default_factory=dict)
    """Per affected claim id, the conditions it had before or has now."""
    names: dict[str, set[str]] = field(default_factory=dict)
    """Per affected claim id, the names a suppression comment may use for it (id, topics)."""

    @property
    def empty(self) -> bool:
        return not self.vocabulary and not self.causes

    def touched(self, concepts: Iterable[str], names: Iterable[str] = ()) -> list[str]:
        """The affected claims an article with these (expanded) concepts and suppression
        names can meet, sorted. (A vocabulary change is not judged here: scan's cache keys
        hold the vocabulary, so no cached result survives one.)"""
        have = frozenset(concepts)
        named = frozenset(names)
        out = []
        for claim_id, needs in self.needs.items():
            if named & self.names[claim_id] or any(
                    have.issuperset(all_) and (not any_ or have.intersection(any_))
                    for all_, any_ in needs):
                out.append(claim_id)
        return sorted(out)

    def summary(self) -> list[str]:
        """Each distinct cause once, as text."""
        seen: dict[str, None] = {}
        if self.vocabulary:
            seen["vocabulary changed (concepts.yaml, cues.yaml or a claim's terms)"] = None
        for causes in self.causes.values():
            for cause in causes:
                seen[str(cause)] = None
        return list(seen)


def _figure_causes(old: DatabaseSnapshot, new: DatabaseSnapshot) -> dict[str, list[Cause]]:
    """Per figure id, what changed in it."""
    figure_causes: dict[str, list[Cause]] = {}
    for fid in sorted(old.figures.keys() | new.figures.keys()):
        before, after = old.figures.get(fid), new.figures.get(fid)
        causes = []
        if before is None or after is None or before.hash != after.hash:
            causes.append(Cause("figure edited", fid))
        old_years = before.years if before else {}
        new_years = after.years if after else {}
        for year in sorted(old_years.keys() | new_years.keys()):
            was, now = old_years.get(year), new_years.get(year)
            if was == now:
                continue
            kind = ("figure year added" if was is None else
                    "figure year removed" if now is None else "figure year changed")
            causes.append(Cause(kind, fid, year, was, now))
        if causes:
            figure_causes[fid] = causes
    return figure_causes


def diff(old: DatabaseSnapshot, new: DatabaseSnapshot) -> DatabaseChanges:
    """What changed from ``old`` to ``new``."""
    changes = DatabaseChanges(vocabulary=old.vocabulary != new.vocabulary)
    figure_causes = _figure_causes(old, new)

    def affect(claim_id: str, cause: Cause | list[Cause]) -> None:
        changes.causes.setdefault(claim_id, []).extend(
            cause if isinstance(cause, list) else [cause])
        needs = changes.needs.setdefault(claim_id, set())
        names = changes.names.setdefault(claim_id, {claim_id})
        for stamp in (old.claims.get(claim_id), new.claims.get(claim_id)):
            if stamp is not None:
                needs.update(stamp.needs)
                names.add(stamp.topic)

    for claim_id in sorted(old.claims.keys() | new.claims.keys()):
        before, after = old.claims.get(claim_id), new.claims.get(claim_id)
        if before is None:
            affect(claim_id, Cause("claim added", claim_id))
        elif after is None:
            affect(claim_id, Cause("claim removed", claim_id))
        elif before.hash != after.hash:
            affect(claim_id, Cause("claim edited", claim_id))
        for figure in {s.figure for s in (before, after) if s is not None} - {None}:
            if figure in figure_causes:
                affect(claim_id, figure_causes[figure])
    return changes
