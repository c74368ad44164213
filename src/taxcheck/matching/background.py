"""What the background (the title, the section's heading, the last few sentences) may lend a
clause that leaves a thing implied, and what it may not.

A claim's ``implied`` concepts may come from the background when the clause does not name
them ("The $50,000 ceiling rises with inflation" under "401(k) loans"). The background is
about its own topic, though, and a clause that names a subject of its own is about that:

- a clause that names a topic of its own (a loan, RMDs, a conversion) takes no other topic
  from the background ("Separation from service at 55: employer plans only" under "Roth
  conversions" is no conversion);
- a "Label: value" line whose label names what it is about ("Early withdrawal penalty: 10%
  before 59½", "Indirect rollover window: 60 days") gives that thing's own general figure:
  it takes no topic from the background (a table's cell, whose row and column name it, and
  a fact box right under its heading are read with the heading elsewhere);
- the last few sentences lend a topic only when they name one, and not one that only some
  items of a list name: a list of exceptions (the rule of 55, birth or adoption,
  emergencies) names no one topic that a general sentence after it ("An exception removes
  the 10% tax but not the income tax") leaves implied.
"""

from __future__ import annotations

from collections.abc import Sequence

from taxcheck.clauses import Candidate
from taxcheck.documents import Block


def label_names(cand: Candidate, block: Block) -> frozenset[str]:
    """The concepts the label of a "Label: value" line names (none for a table's cell, a
    line with no label, or a clause after the label's sentence)."""
    if block.row is None or block.column is not None:
        return frozenset()
    at = block.text.find(block.row)
    if at < 0:
        return frozenset()
    end = at + len(block.row)
    return frozenset(m.label for m in cand.concepts if at <= m.start < end)


def lent(ambient: frozenset[str], own: frozenset[str], label: frozenset[str],
         nearby: Sequence[tuple[frozenset[str], bool]], fixed: frozenset[str],
         topics: frozenset[str]) -> frozenset[str]:
    """``ambient`` less what the background may not lend the clause.

    Args:
        ambient: the expanded concepts of the title, heading and last few sentences.
        own: the concepts the clause names (foils aside).
        label: the concepts its label names, for a "Label: value" line (:func:`label_names`).
        nearby: the concepts of each of the last few sentences of the section, and whether
            it is a list item.
        fixed: the concepts of the title and heading (and, for a heading, the paragraph it
            introduces).
        topics: the concepts of the topic context group.
    """
    if label and not own & topics:
        ambient = ambient - topics
    near = {t for labels, _ in nearby for t in labels & topics} - fixed - own
    items = [labels for labels, item in nearby if item]
    # a topic named by only some items of a list is theirs ("Emergency expense: up to
    # $1,000" among other exceptions), not what the sentences after the list are about
    enumerated = {t for t in near if len(items) > 1
                  and sum(t in labels for labels in items) < len(items)}
    if len(near) > 1:
        return ambient - near
    return ambient - enumerated
