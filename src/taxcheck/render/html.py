"""HTML review page: the article with checked claims highlighted and numbered notes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, FileSystemLoader, select_autoescape

from taxcheck.batch import BatchIndex
from taxcheck.findings import VERDICT_RANK, Finding, Report
from taxcheck.resources import data_dir


@dataclass(frozen=True)
class Piece:
    """A run of block text, highlighted when it belongs to a finding."""

    text: str
    note: int | None = None
    finding: Finding | None = None


@cache
def environment() -> Environment:
    """The Jinja2 environment for taxcheck's templates (autoescape always on).

    Built once per process: it caches compiled templates, and compiling the report
    template for every page cost more than checking the article.
    """
    return Environment(loader=FileSystemLoader(str(data_dir("templates"))),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def numbered_findings(report: Report) -> list[tuple[int, Finding]]:
    """Visible findings in reading order, numbered from 1 (one per sentence and claim)."""
    shown = [f for f in report.findings if not f.suppressed]
    return list(enumerate(sorted(shown, key=Finding.sort_key), start=1))


def block_pieces(text: str, notes: list[tuple[int, Finding]]) -> list[Piece]:
    """Split a block's text into plain and highlighted pieces (no overlaps)."""
    pieces: list[Piece] = []
    pos = 0
    for number, f in sorted(notes, key=lambda n: (n[1].block_start, -VERDICT_RANK[
            n[1].verdict])):
        if f.block_start < pos:
            continue
        pieces.append(Piece(text[pos:f.block_start]))
        pieces.append(Piece(text[f.block_start:f.block_end], number, f))
        pos = f.block_end
    pieces.append(Piece(text[pos:]))
    return [p for p in pieces if p.text]


def render_html(reports: list[Report], **_: object) -> str:
    """Render the first report as a self-contained review page."""
    report = reports[0]
    numbered = numbered_findings(report)
    by_block: dict[int, list[tuple[int, Finding]]] = {}
    for number, f in numbered:
        by_block.setdefault(f.block, []).append((number, f))
    blocks = [(b, block_pieces(b.text, by_block.get(i, []))) for i, b in
              enumerate(report.blocks)]
    template = environment().get_template("report.html.j2")
    return template.render(report=report, blocks=blocks, notes=numbered,
                           counts=report.counts())


def render_index(index: BatchIndex) -> str:
    """Render the index page of a batch."""
    return environment().get_template("index.html.j2").render(index=index)
