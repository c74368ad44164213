"""Label lines of HTML and Markdown pages: a fact box's "Label: words" items and
paragraphs ("<li><strong>Taxable:</strong> yes</li>", "**Penalty:** none").

Markup leaves no doubt that such a line is a paragraph or a list item, not a heading; what
is left to tell is whether its opening words are a label whose value it states about what
the section's heading names, or a run-in phrase of a sentence. The plain-text reader tells
the same of its lines (:func:`~taxcheck.readers.lines.fact_lines`); this does it for the
blocks a markup reader made, each block a line. Labels with a figure
(:func:`~taxcheck.readers.lines.label_value`) are marked for every format by
:func:`taxcheck.readers.with_label_rows`.
"""

from __future__ import annotations

from taxcheck.documents import Block
from taxcheck.readers.lines import fact_lines, word_label

_LINE_KINDS = ("paragraph", "list_item")


def _line(block: Block) -> str:
    """The block as a line of a fact box: a paragraph or list item as it reads, a definition
    (a table cell with a label and no column) as "label: value"; anything else breaks the
    run of label lines."""
    if block.kind in _LINE_KINDS or (block.kind == "table_cell" and block.row is not None
                                     and block.column is None):
        return block.text
    return ""


def with_word_labels(blocks: list[Block]) -> list[Block]:
    """The blocks, with each paragraph or list item that is a fact box's "Label: words"
    line (:func:`~taxcheck.readers.lines.fact_lines`: its value answers the label, or it
    stands next to another label line) marked with its label (:attr:`Block.row`)."""
    facts = fact_lines([_line(b) for b in blocks])
    return [b.model_copy(update={"row": pair[0]})
            if i in facts and b.kind in _LINE_KINDS and b.row is None
            and (pair := word_label(b.text)) else b
            for i, b in enumerate(blocks)]
