"""JSON Lines corpora: one Document per record, bad records reported, the rest read."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from htmlcheck import assert_blocks_map_to_their_words, assert_segments_verbatim
from taxcheck.documents import Document
from taxcheck.errors import InputError
from taxcheck.readers.jsonl import iter_records

ARTICLE_HTML = ("<h2>Rollovers</h2><p>You can roll your 401(k) into an IRA &amp; keep "
                "deferring tax.</p><ul><li>Ask for a direct rollover.</li></ul>")


def write_lines(tmp_path, lines: list[str | dict]) -> str:
    path = tmp_path / "export.jsonl"
    path.write_text("".join((json.dumps(x) if isinstance(x, dict) else x) + "\n"
                            for x in lines), encoding="utf-8")
    return str(path)


def test_text_and_html_records_become_documents_with_their_metadata(tmp_path):
    path = write_lines(tmp_path, [
        {"id": "a-1", "text": "# IRA myths\n\nYou cannot deduct IRA losses.\n\n- Keep records",
         "url": "https://ex.com/a-1", "title": "IRA myths, debunked", "date": "2025-03-01"},
        {"id": 42, "html": ARTICLE_HTML, "title": "Rollovers", "date": "March 4, 2024"},
        {"text": "A record without an id.\n\nSecond paragraph."},
    ])
    first, second, third = list(iter_records(path))
    assert first.path == f"{path}#a-1"
    assert (first.meta.title, first.meta.url, first.meta.date) == (
        "IRA myths, debunked", "https://ex.com/a-1", dt.date(2025, 3, 1))
    assert [(b.kind, b.text) for b in first.blocks] == [
        ("heading", "IRA myths"), ("paragraph", "You cannot deduct IRA losses."),
        ("list_item", "Keep records")]
    assert second.path == f"{path}#42"
    assert second.meta.date == dt.date(2024, 3, 4)
    assert [(b.kind, b.text) for b in second.blocks] == [
        ("heading", "Rollovers"),
        ("paragraph", "You can roll your 401(k) into an IRA & keep deferring tax."),
        ("list_item", "Ask for a direct rollover.")]
    assert_blocks_map_to_their_words(second)
    assert third.path == f"{path}#3"  # the line number stands in for a missing id
    assert [b.text for b in third.blocks] == ["A record without an id.", "Second paragraph."]
    for doc in (first, third):
        assert_segments_verbatim(doc)


def test_positions_are_lines_and_columns_of_the_record_text(tmp_path):
    path = write_lines(tmp_path, [{"id": "x", "text": "Intro line.\n\nSecond paragraph here."}])
    (doc,) = iter_records(path)
    block = doc.blocks[1]
    assert doc.line_col(block.to_source(block.text.index("paragraph"))) == (3, 8)


def test_html_record_metadata_comes_from_the_page_unless_the_fields_say_otherwise(tmp_path):
    page = ('<html><head><meta property="og:title" content="From the page">'
            '<meta name="author" content="Ann Lee">'
            '<meta property="article:published_time" content="2025-06-01"></head>'
            f"<body><article>{ARTICLE_HTML}</article></body></html>")
    path = write_lines(tmp_path, [{"id": "p", "html": page, "url": "https://ex.com/p"},
                                  {"id": "q", "html": page, "date": "not a date"}])
    p, q = iter_records(path)
    assert (p.meta.title, p.meta.author, p.meta.date, p.meta.url) == (
        "From the page", "Ann Lee", dt.date(2025, 6, 1), "https://ex.com/p")
    assert q.meta.date == dt.date(2025, 6, 1)  # an unparseable field date is ignored


def test_bad_lines_are_errors_naming_file_and_line_and_the_rest_is_read(tmp_path):
    path = write_lines(tmp_path, [
        {"id": "good-1", "text": "Fine."},
        "{not json",
        "[1, 2, 3]",
        {"id": "no-content", "title": "Nothing here"},
        {"id": "wrong-type", "text": 5},
        "",
        {"id": "empty", "text": "   ", "html": ""},
        {"id": "nav-only", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"},
        {"id": "good-2", "html": "<p>Also fine.</p>"},
    ])
    results = list(iter_records(path))
    docs = [r.path for r in results if isinstance(r, Document)]
    errors = [str(r) for r in results if isinstance(r, InputError)]
    assert docs == [f"{path}#good-1", f"{path}#good-2"]
    assert errors == [
        f"{path}:2: TC210 invalid JSON (Expecting property name enclosed in double quotes "
        "at column 2)",
        f"{path}:3: TC211 record is a JSON array, not an object",
        f'{path}:4: TC211 record has no "text" or "html" (or it is empty)',
        f'{path}:5: TC211 "text" must be a string, not a JSON number',
        f'{path}:7: TC211 record has no "text" or "html" (or it is empty)',
        f"{path}:8: TC201 no article text found in the page",
    ]


def test_oversized_and_undecodable_lines_are_skipped_without_reading_them_whole(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("wb") as out:
        out.write(json.dumps({"id": "a", "text": "Short."}).encode() + b"\n")
        out.write(json.dumps({"id": "huge", "text": "x" * 5000}).encode() + b"\n")
        out.write(b'{"id": "latin", "text": "caf\xe9"}\n')
        out.write(json.dumps({"id": "b", "text": "Also short."}).encode())  # no final newline
    results = list(iter_records(path, max_bytes=1000))
    assert [r.path for r in results if isinstance(r, Document)] == [f"{path}#a", f"{path}#b"]
    assert [str(r) for r in results if isinstance(r, InputError)] == [
        f"{path}:2: TC204 record is larger than the 1,000-byte limit",
        f"{path}:3: TC203 record is not UTF-8 text (bad byte at offset 28)"]


def test_records_are_streamed_one_at_a_time(tmp_path):
    path = tmp_path / "stream.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "First."}) + "\n")
    records = iter_records(path)
    assert next(records).path.endswith("#1")
    with path.open("a") as more:  # appended after reading began: read only when reached
        more.write(json.dumps({"id": "2", "text": "Second."}) + "\n")
    assert [r.path for r in records] == [f"{path}#2"]


def test_a_missing_file_fails_at_once(tmp_path):
    with pytest.raises(InputError, match="TC206 no such file"):
        iter_records(tmp_path / "missing.jsonl")
