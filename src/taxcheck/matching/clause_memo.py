"""Tests of one amount of a clause, remembered on the clause (issue 15).

Each figure claim a clause meets asks again whether an amount of it is an old value, a change
or a total (:mod:`.figures`); so does the test of what else the amount may be a value of. The
answers depend only on the clause and the amount, so they are kept in the candidate's
``__dict__``, as :func:`.discourse.foils` keeps its own: a copy of the clause made with
``dataclasses.replace`` (other concepts, another polarity) starts with none.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from taxcheck.clauses import Candidate
from taxcheck.nlp.quantities import Quantity

AmountTest = Callable[[Candidate, Quantity], bool]

_KEY = "_taxcheck_amount_tests"
"""Where the answers are kept in a candidate's ``__dict__``."""


def remembered(test: AmountTest) -> AmountTest:
    """``test``, worked out once per clause and amount. The amount is told by its identity
    (a test may look for it among the clause's quantities by ``is``), and kept with the
    answer so that its id cannot be taken by another object meanwhile."""
    name = test.__name__

    @wraps(test)
    def once(cand: Candidate, q: Quantity) -> bool:
        kept = cand.__dict__.get(_KEY)
        if kept is None:
            kept = cand.__dict__[_KEY] = {}
        key = (name, id(q))
        found = kept.get(key)
        if found is None or found[0] is not q:
            found = kept[key] = (q, test(cand, q))
        return found[1]

    return once
