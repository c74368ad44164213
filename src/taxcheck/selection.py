"""Which claims a run reports: ``enable`` and ``disable`` by claim id or topic."""

from __future__ import annotations

import difflib

from pydantic import BaseModel, ConfigDict

from taxcheck.claimdb import ClaimDatabase


class ClaimSelection(BaseModel):
    """Claims enabled (empty: all) and disabled, each named by claim id or by topic, and
    the least confidence of a finding reported.

    A disabled claim is still matched (so it keeps shadowing the broader claims it
    refines) but its findings are dropped from the report; so are findings whose
    confidence is under ``min_confidence`` (the report counts them).
    """

    model_config = ConfigDict(frozen=True)

    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    min_confidence: float = 0.0

    def allowed_ids(self, db: ClaimDatabase) -> frozenset[str]:
        """The ids of the claims this selection reports."""
        enable, disable = set(self.enable), set(self.disable)
        return frozenset(c.id for c in db.claims
                         if (not enable or c.id in enable or c.topic in enable)
                         and c.id not in disable and c.topic not in disable)


def known_names(db: ClaimDatabase) -> frozenset[str]:
    """Every claim id and topic of ``db``."""
    return db.names


def suggestion(name: str, db: ClaimDatabase) -> str:
    """`` (did you mean 'x'?)`` for the claim id or topic closest to ``name``, or ``""``."""
    close = difflib.get_close_matches(name, sorted(known_names(db)), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
