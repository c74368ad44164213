"""What a recharacterization undoes: a contribution or a conversion.

A regular contribution can still be recharacterized between Roth and traditional by the
return's deadline; a conversion made since 2018 cannot. On a page about both
("Recharacterizations and Roth Conversions: What You Can (and Can't) Undo"), a
recharacterization that names no object of its own ("How to request a recharacterization",
"Log in and open IRA Recharacterization") undoes whatever the last recharacterization the
page named undid: after "For annual contributions, there's a fix: a recharacterization", a
contribution, and it takes no conversion from the title or section. A clause that names its
conversion ("you can recharacterize the conversion too") keeps it.
"""

from __future__ import annotations

from collections.abc import Set

UNDO = frozenset({"RECHARACTERIZE", "RECHARACTERIZATION"})
"""The words of a recharacterization."""
CONVERSION = "CONVERT"
CONTRIBUTION = frozenset({"REGULAR_CONTRIBUTION", "CONTRIBUTIONS_ONLY", "CONTRIBUTION"})
"""The words of a contribution (not a conversion)."""


def undoes(labels: Set[str], before: bool) -> bool:
    """Whether the page's recharacterizations now undo a contribution, after a clause naming
    ``labels`` (``before``: whether they did before it): a clause that recharacterizes names
    which; any other keeps what was said."""
    if not labels & UNDO:
        return before
    if CONVERSION in labels:
        return False
    return bool(labels & CONTRIBUTION) or before


def without_conversion(ambient: frozenset[str], labels: Set[str], contribution: bool
                       ) -> frozenset[str]:
    """What a clause may leave implied: no conversion for a recharacterization that names no
    object of its own while the page's recharacterizations undo a contribution."""
    if contribution and labels & UNDO and CONVERSION not in labels:
        return ambient - {CONVERSION}
    return ambient
