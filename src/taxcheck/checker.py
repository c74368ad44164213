"""The Checker: one claim database and one spaCy pipeline, reused for every article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from taxcheck import __version__
from taxcheck.claimdb import ClaimDatabase
from taxcheck.documents import MAX_BLOCK_CHARS, Document, split_long_block
from taxcheck.findings import BlockView, Report
from taxcheck.gcpause import collector_paused
from taxcheck.nlp.normalise import pipeline_text
from taxcheck.selection import ClaimSelection
from taxcheck.suppressions import apply_suppressions, parse_directives

# taxcheck.matching and taxcheck.nlp import spaCy (about a second); they are imported
# when a Checker is built, so commands that build none (a warm scan) start fast.

BATCH_CHARS = 1_000_000
"""Blocks per ``nlp.pipe`` batch are fewer when they are long, so that one batch holds
about this many characters (memory stays bounded on huge articles)."""


def _split_long_blocks(document: Document) -> Document:
    """The document with blocks over :data:`MAX_BLOCK_CHARS` cut at sentence ends."""
    if all(len(b.text) <= MAX_BLOCK_CHARS for b in document.blocks):
        return document
    blocks = [piece for block in document.blocks for piece in split_long_block(block)]
    return document.model_copy(update={"blocks": blocks})


def as_of_year(document: Document, tax_year: int | None) -> int:
    """The tax year an article is checked against: --tax-year, its date, or this year."""
    if tax_year is not None:
        return tax_year
    if document.meta.date is not None:
        return document.meta.date.year
    return dt.date.today().year


def date_note(document: Document, tax_year: int | None) -> str | None:
    """"no date found: checked against tax year N" when neither the article nor the
    caller gives a year."""
    if tax_year is not None or document.meta.date is not None:
        return None
    return f"no date found: checked against tax year {as_of_year(document, None)}"


class Checker:
    """Checks documents against a claim database.

    Args:
        db: the loaded claim database.
        tax_year: check every article against this tax year instead of its own date.
        model: an installed spaCy pipeline to use instead of ``blank("en")``.
        batch_size: blocks per ``nlp.pipe`` batch.
        selection: report only these claims (``enable``/``disable`` in the settings), and
            only findings whose confidence reaches its ``min_confidence`` (the report counts
            the others in ``below_confidence``).

    Findings that the article's suppression comments silence are kept, marked
    ``suppressed`` (see :mod:`taxcheck.suppressions`).
    """

    def __init__(self, db: ClaimDatabase, *, tax_year: int | None = None,
                 model: str | None = None, batch_size: int = 256,
                 selection: ClaimSelection | None = None):
        self.db = db
        self.tax_year = tax_year
        self.batch_size = batch_size
        self.allowed = (selection or ClaimSelection()).allowed_ids(db)
        self.min_confidence = (selection or ClaimSelection()).min_confidence
        from taxcheck.nlp.spacy_import import import_spacy

        # spaCy's modules, the database and the pipeline live as long as the process:
        # the garbage collector need not walk them while they are made, nor after
        with collector_paused(freeze=True):
            import_spacy()  # before anything imports spaCy with its command line
            from taxcheck.nlp.pipeline import shared_pipeline

            self.nlp = shared_pipeline(db, model)

    def check(self, document: Document, tax_year: int | None = None) -> Report:
        """Check one document (against ``tax_year`` instead of the Checker's, when given)."""
        return next(self.check_many([document], tax_year))

    def check_many(self, documents: Iterable[Document],
                   tax_year: int | None = None) -> Iterator[Report]:
        """Check documents in order, batching their blocks through ``nlp.pipe``."""
        from taxcheck.matching import (
            drop_repeated_facts,
            find_contradictions,
            match_document,
            never_right,
        )
        from taxcheck.matching.completions import completed_later
        from taxcheck.matching.endorsed import endorsed
        from taxcheck.matching.heading_lift import lift_headings
        from taxcheck.matching.spelled_out import spelled_out
        from taxcheck.matching.table_rows import one_per_row
        from taxcheck.nlp.candidates import RESULT_KEY

        for document in documents:
            document = _split_long_blocks(document)
            texts = [pipeline_text(block.text) for block in document.blocks]
            longest = max((len(t) for t in texts), default=1)
            batch = max(1, min(self.batch_size, BATCH_CHARS // max(longest, 1)))
            docs = self.nlp.pipe(texts, batch_size=batch)
            candidates, sentences = [], []
            labels: set[str] = set()
            for doc in docs:
                found, count = doc.user_data[RESULT_KEY]  # doc._.candidates, sentence_count
                candidates.append(found)
                sentences.append(count)
                labels.update(*(c.labels for c in found))
            year = as_of_year(document, self.tax_year if tax_year is None else tax_year)
            matched = completed_later(
                match_document(document, candidates, self.db, year, sentences), document,
                candidates, self.db)
            matched = spelled_out(matched, document, candidates, self.db)
            matched = endorsed(matched, document, self.db)
            findings = never_right(drop_repeated_facts(
                [f for f in matched if f.claim_id in self.allowed], self.db), self.db,
                page_year=document.meta.date.year if document.meta.date else None)
            findings, warnings = apply_suppressions(document, findings, self.db)
            findings = lift_headings(one_per_row(findings, document.blocks), document.blocks)
            below = [f for f in findings if f.confidence < self.min_confidence]
            findings = [f for f in findings if f.confidence >= self.min_confidence]
            warnings = [*document.warnings, *warnings]
            yield Report(
                path=document.path, meta=document.meta, tax_year=year,
                taxcheck_version=__version__, claims_version=self.db.version,
                findings=findings, below_confidence=sum(not f.suppressed for f in below),
                warnings=warnings, date_note=date_note(document,
                                                                          self.tax_year),
                contradictions=find_contradictions(
                    [f for f in findings if not f.suppressed], self.db),
                blocks=[BlockView(kind=b.kind, text=b.text, level=b.level, number=b.number)
                        for b in document.blocks],
                concepts=self.db.expand(labels),
                suppression_names=frozenset().union(
                    *(d.names for d in parse_directives(document)[0])))
