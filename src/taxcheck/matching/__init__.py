"""Candidate claims -> findings, in four stages a newcomer can name:

1. discourse resolution (:mod:`.discourse`; the retries of :mod:`.retries`, tried in the
   order :mod:`.readings` lists): the concepts each clause names, those it inherits and
   from where;
2. condition matching (:mod:`.conditions`): which claims the clause meets;
3. figure checks (:mod:`.figures`, :mod:`.years`): stated amounts against the figure for
   their year;
4. post-processing (:mod:`.postprocess`): one finding per fact in a sentence, and
   contradictions (selection and suppressions follow in the Checker).

:mod:`.document` walks a document's blocks through stages 1-3.
"""

from taxcheck.matching.document import match_document
from taxcheck.matching.postprocess import drop_repeated_facts, find_contradictions, never_right

__all__ = ["drop_repeated_facts", "find_contradictions", "match_document", "never_right"]
