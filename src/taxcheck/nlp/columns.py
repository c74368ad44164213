"""Token columns read once per doc and handed from component to component.

``Doc.to_array`` costs a few microseconds a call whatever the doc's length (most blocks are
a few dozen tokens), and the pipeline's components each read a few columns: the
sentencizer reads the words, their lower-case forms and character offsets in one call and
keeps them, with the sentence starts it sets; the lemmatizer adds the lemmas it sets; the
rulers and the candidate builder read them from here instead of from the doc.
"""

from __future__ import annotations

from spacy.tokens import Doc

COLUMNS_KEY = "taxcheck_columns"
"""``doc.user_data`` key of (the doc's length, column name -> one value per token)."""
UNSET = 2**64 - 1
"""``Doc.to_array``'s value of a token attribute set to -1 (a ``uint64`` column): what
``SENT_START`` holds for a token that starts no sentence."""


def kept_columns(doc: Doc) -> dict[str, list[int]] | None:
    """The columns kept for ``doc``, when they were read from its present tokens."""
    kept = doc.user_data.get(COLUMNS_KEY)
    if kept is None or kept[0] != len(doc):
        return None
    return kept[1]


def keep_columns(doc: Doc, columns: dict[str, list[int]]) -> None:
    """Keep ``columns`` (values of the doc's present tokens) for the components after."""
    doc.user_data[COLUMNS_KEY] = (len(doc), columns)
