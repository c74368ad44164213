"""Retries for a statement that matches no claim on its own, one module per family of
constructions:

- :mod:`.questions`: a reply read as the answer to the question before it; a bare "Yes." and
  the sentence that explains it;
- :mod:`.cases`: "Over 50? ..." - a question that sets up a case, and the sentence after it;
- :mod:`.nearby_clauses`: ellipsis after the sentence before, ", because ...", ", so ...";
- :mod:`.headings`: a table cell under its heading, a numbered way under its title, a
  heading that states its section's claim;
- :mod:`.lead_ins`: a list item or a paragraph completing the lead-in that ends in a colon;
- :mod:`.worked_examples`: the lines of a worked example ("Say you ...", "you owe $5,000");
- :mod:`.procedures`: the steps of an abolished rule stated as available ("Here's how to
  ...");
- :mod:`.figure_pronouns`: "It rises to $7,500 in 2026." after a statement of the IRA limit;
- :mod:`.people_ages`: "My wife is 61 and I'm 52. She can put in $35,750 and I $32,500.";
- :mod:`.borrowing`: what they share (taking concepts from elsewhere, with a trail step).

The order in which a clause's readings are tried is :data:`taxcheck.matching.readings.READINGS`.
"""
