"""Readers recover article structure and map every character back to the source."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import CORPUS, ROOT, SEED
from taxcheck.errors import InputError
from taxcheck.readers import read_bytes, read_path

DATA = ROOT / "tests" / "data"


def _assert_offsets_round_trip(document):
    for block in document.blocks:
        for seg in block.segments:
            if seg.length:
                assert (document.source[seg.source_start:seg.source_start + seg.length]
                        == block.text[seg.text_start:seg.text_start + seg.length])


def test_plain_text_recovers_the_seed_structure():
    doc = read_path(str(SEED))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0][0] == "title" and kinds[0][1].startswith("Maximizing Financial Relief")
    assert kinds[1] == ("byline", "by liuqiyue")
    assert doc.meta.author == "liuqiyue"
    headings = [b for b in doc.blocks if b.kind == "heading"]
    assert [h.text for h in headings if h.number] == [
        "Contribute to a Traditional IRA", "Use the Loss to Offset Capital Gains",
        "Amend Your Tax Return"]
    assert [h.number for h in headings if h.number] == [1, 2, 3]
    assert "Writing Off 401k Losses" in [h.text for h in headings]
    assert not any(b.text == "1." for b in doc.blocks)
    _assert_offsets_round_trip(doc)


def test_plain_text_dateline_and_list_items():
    text = ("Five Rules for Rollovers\n\nBy Ann Lee\n\nUpdated March 3, 2025\n\n"
            "Some intro text here.\n\n1. First item.\n2. Second item.\n")
    doc = read_bytes(text.encode(), "a.txt")
    assert doc.meta.date == dt.date(2025, 3, 3)
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [(b.number, b.text) for b in items] == [(1, "First item."), (2, "Second item.")]
    _assert_offsets_round_trip(doc)


def test_markdown_front_matter_headings_lists_and_inline_markup():
    text = ("---\ntitle: IRA myths\ndate: 2025-04-01\nauthor: Sam\nurl: https://ex.com/a\n---\n"
            "# IRA myths\n\nYou **cannot** deduct [IRA losses](https://ex.com/x) at all.\n"
            "It is *never* allowed.\n\n## Rollovers\n\n- Roll `401(k)` money\n- Keep\n\n"
            "> A quoted line.\n\n```\ncode is skipped\n```\n")
    doc = read_bytes(text.encode(), "a.md")
    assert doc.meta.title == "IRA myths" and doc.meta.author == "Sam"
    assert doc.meta.date == dt.date(2025, 4, 1) and doc.meta.url == "https://ex.com/a"
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert ("paragraph", "You cannot deduct IRA losses at all. It is never allowed.") in texts
    assert ("heading", "Rollovers") in texts
    assert ("list_item", "Roll 401(k) money") in texts
    assert ("quote", "A quoted line.") in texts
    assert not any("code is skipped" in t for _, t in texts)
    para = next(b for b in doc.blocks if b.text.startswith("You cannot"))
    start = para.to_source(para.text.index("IRA losses"))
    assert text[start:start + 10] == "IRA losses"
    _assert_offsets_round_trip(doc)


@pytest.mark.parametrize(("data", "code", "words"), [
    (b"", "TC201", "empty"),
    (b"   \n\n", "TC201", "empty"),
    (b"PK\x03\x04\x00\x00binary", "TC202", "binary"),
])
def test_bad_input_is_a_clear_error(data, code, words):
    with pytest.raises(InputError) as info:
        read_bytes(data, "bad.txt")
    message = str(info.value)
    assert message.startswith("bad.txt: " + code) and words in message
    assert "\n" not in message


@pytest.mark.parametrize(("header", "author", "date"), [
    ("By Arthur Quintero\nMarch 4, 2024", "Arthur Quintero", dt.date(2024, 3, 4)),
    ("By Tom Brightwater, Main Street Employer Weekly\nPublished January 9, 2026",
     "Tom Brightwater, Main Street Employer Weekly", dt.date(2026, 1, 9)),
    ("Thread started by maple_and_oak\nPosted Feb 2, 2026", "maple_and_oak",
     dt.date(2026, 2, 2)),
    ("by Staff Writer\nUpdated Jan 12, 2026", "Staff Writer", dt.date(2026, 1, 12)),
    ("Posted by Kevin Mwangi | BudgetBeacon.org\n\nUpdated December 2, 2025", "Kevin Mwangi",
     dt.date(2025, 12, 2)),
    ("By Penny Marchetti | May 6, 2024", "Penny Marchetti", dt.date(2024, 5, 6)),
    ("Forum: Personal Finance > Taxes\nThread started by tide_pool_trader\n"
     "Posted October 3, 2024", "tide_pool_trader", dt.date(2024, 10, 3)),
])
def test_plain_text_date_on_the_line_after_the_byline(header, author, date):
    text = f"A Title For The Article\n\n{header}\n\nThe body of the article starts here.\n"
    doc = read_bytes(text.encode(), "a.txt")
    assert (doc.meta.author, doc.meta.date) == (author, date)
    kinds = [b.kind for b in doc.blocks]
    assert "byline" in kinds and "heading" not in kinds
    assert doc.blocks[-1].kind == "paragraph"
    assert doc.blocks[-1].text == "The body of the article starts here."
    byline = next(b for b in doc.blocks if b.kind == "byline")
    assert byline.text.lower().find("by ") >= 0
    _assert_offsets_round_trip(doc)


def test_a_date_line_inside_the_body_is_not_the_publication_date():
    text = ("A Title\n\nBy Ann Lee\n\nThe deadline moved this year. Mark it down:\n"
            "April 15, 2026\n\nMore body text.\n")
    doc = read_bytes(text.encode(), "a.txt")
    assert doc.meta.date is None
    assert any(b.kind == "paragraph" and "April 15, 2026" in b.text for b in doc.blocks)


DATED_CORPUS = {
    "b-money-mailbag-rule-of-55.txt": dt.date(2024, 3, 4),
    "b-simple-ira-2026-update.txt": dt.date(2026, 1, 9),
    "b-forum-roth-five-year.txt": dt.date(2026, 2, 2),
    "b-evergreen-401k-limits.txt": dt.date(2026, 1, 12),
    "b-savers-credit-explained.txt": dt.date(2025, 12, 2),
    "a-10-things-capital-losses.txt": dt.date(2024, 11, 18),
    "a-forum-reply-worthless-stock.txt": dt.date(2024, 10, 3),
    "a-7-ways-to-write-off-retirement-losses.txt": dt.date(2025, 3, 3),
}


@pytest.mark.parametrize(("name", "date"), sorted(DATED_CORPUS.items()))
def test_corpus_articles_get_their_publication_date(name, date):
    path = CORPUS / name if (CORPUS / name).exists() else DATA / name
    if not path.exists():
        pytest.skip(f"{name} is not in corpus/ on this branch")
    doc = read_path(str(path))
    assert doc.meta.date == date
    assert doc.meta.author
    assert [b.kind for b in doc.blocks[:2]] == ["title", "byline"] or name.startswith(
        "a-forum")
    _assert_offsets_round_trip(doc)


def test_a_sentence_starting_with_by_in_the_body_stays_a_statement():
    text = ("A Title\n\nBy Ann Lee\n\nSome intro text here.\n\n"
            "By contrast, Roth IRAs have no RMDs.\n")
    doc = read_bytes(text.encode(), "a.txt")
    assert [b.kind for b in doc.blocks] == ["title", "byline", "paragraph", "paragraph"]
    assert doc.meta.author == "Ann Lee"


# -- plain-text tables without a header row (issue 12, session 17) ----------------------------

HEADERLESS = [
    # (shape, text, the first row's statement)
    ("pipes, a count of days", "Rollover basics\n\nThe short version:\n\nRollover deadline | "
     "60 business days\nWithholding on a direct rollover | none\nTransfers | unlimited\n",
     "Rollover deadline: 60 business days"),
    ("pipes, a figure and words", "Plan money\n\nIndirect rollover | 60 days to redeposit | "
     "20% withheld\nDirect rollover | no deadline | nothing withheld\n",
     "Indirect rollover: 60 days to redeposit"),
    ("pipes, an amount and a note", "HR memo\n\nNext year's numbers:\n\n401(k) deferral | "
     "$24,500 | employees only\nCatch-up, 50 and over | $8,000 | on top\n",
     "401(k) deferral: $24,500"),
    ("space-aligned", "Plan limits memo\n\n401(k) deferral        $24,500     per year\n"
     "Catch-up at 50         $8,000      on top\nIRA limit              $7,500      per person\n",
     "401(k) deferral: $24,500"),
]


@pytest.mark.parametrize("shape, text, first", HEADERLESS, ids=[h[0] for h in HEADERLESS])
def test_a_header_less_tables_first_row_is_a_data_row(shape, text, first):
    doc = read_bytes(text.encode(), "t.txt")
    cells = [b for b in doc.blocks if b.kind == "table_cell"]
    assert cells[0].text == first, shape
    assert all(b.column is None for b in cells), shape  # no row's figures became column names
    _assert_offsets_round_trip(doc)


@pytest.mark.parametrize("header", ["Limit | 2025 | 2026", "Type | Deadline | Withholding",
                                    "Source | Taxed? | 10% penalty?"])
def test_a_first_row_that_reads_as_a_header_names_the_columns(header):
    text = f"Plan limits\n\n{header}\n401(k) deferral | $23,500 | $24,500\nIRA | $7,000 | $7,500\n"
    cells = [b for b in read_bytes(text.encode(), "t.txt").blocks if b.kind == "table_cell"]
    names = [n.strip() for n in header.split("|")[1:]]
    assert [(b.row, b.column) for b in cells[:2]] == [
        ("401(k) deferral", names[0].rstrip("?")), ("401(k) deferral", names[1].rstrip("?"))]
