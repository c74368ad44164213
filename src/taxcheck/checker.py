"""The Checker: one claim database and one spaCy pipeline, reused for every article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from taxcheck import __version__
from taxcheck.claimdb import ClaimDatabase
from taxcheck.documents import Document
from taxcheck.findings import BlockView, Report

# taxcheck.matching and taxcheck.nlp import spaCy (about a second); they are imported
# when a Checker is built, so commands that build none (a warm scan) start fast.


def as_of_year(document: Document, tax_year: int | None) -> int:
    """The tax year an article is checked against: --tax-year, its date, or this year."""
    if tax_year is not None:
        return tax_year
    if document.meta.date is not None:
        return document.meta.date.year
    return dt.date.today().year


class Checker:
    """Checks documents against a claim database.

    Args:
        db: the loaded claim database.
        tax_year: check every article against this tax year instead of its own date.
        model: an installed spaCy pipeline to use instead of ``blank("en")``.
        batch_size: blocks per ``nlp.pipe`` batch.
    """

    def __init__(self, db: ClaimDatabase, *, tax_year: int | None = None,
                 model: str | None = None, batch_size: int = 256):
        self.db = db
        self.tax_year = tax_year
        self.batch_size = batch_size
        from taxcheck.nlp.pipeline import build_pipeline

        self.nlp = build_pipeline(db, model)

    def check(self, document: Document) -> Report:
        """Check one document."""
        return next(self.check_many([document]))

    def check_many(self, documents: Iterable[Document]) -> Iterator[Report]:
        """Check documents in order, batching their blocks through ``nlp.pipe``."""
        from taxcheck.matching import match_document

        for document in documents:
            texts = (block.text for block in document.blocks)
            docs = self.nlp.pipe(texts, batch_size=self.batch_size)
            candidates = [doc._.candidates for doc in docs]
            year = as_of_year(document, self.tax_year)
            findings = match_document(document, candidates, self.db, year)
            yield Report(
                path=document.path, meta=document.meta, tax_year=year,
                taxcheck_version=__version__, claims_version=self.db.version,
                findings=findings,
                blocks=[BlockView(kind=b.kind, text=b.text, level=b.level, number=b.number)
                        for b in document.blocks])
