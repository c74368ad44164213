"""Property tests of the HTML, docx and JSON Lines readers and of the check path on them.

Any input gives a Document whose offsets point inside its source (and findings inside
it too), or a one-line InputError naming the file. Run with
``pytest tests/test_fuzz_formats.py --hypothesis-show-statistics`` to see how many
inputs each target ran; the budget (``max_examples``) keeps CI bounded.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taxcheck.errors import InputError
from taxcheck.readers import read_bytes
from taxcheck.readers.jsonl import iter_records

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])

# -- HTML -------------------------------------------------------------------------------

TAGS = ["p", "div", "h1", "h2", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote",
        "span", "b", "i", "a", "script", "style", "svg", "noscript", "article", "main",
        "section", "pre", "code", "iframe", "template", "math", "title", "head", "body"]
HTML_PIECES = st.one_of(
    st.sampled_from([
        "<!doctype html>", "<html>", "</html>", "<body>", "<p>", "</p>", "<br>", "<hr/>",
        "&amp;", "&lt;", "&gt;", "&#x27;", "&#0;", "&#xD800;", "&#99999999;", "&nbsp;",
        "&notanentity;", "&", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">', '<meta charset="shift_jis">',
        '<meta charset="nonsense">', '<script type="application/ld+json">{"headline": ',
        "</script>", '<svg><script>alert(1)</script></svg>', "<h1>", "</h1>", "<<", ">>",
        "401(k) losses are deductible. ", "You cannot deduct losses in your IRA. ",
        "\u202e", "\u200d", "\U0001f4b8", "\x00", "\ufeff",
    ]),
    st.builds(lambda t, close: f"<{'/' if close else ''}{t}>", st.sampled_from(TAGS),
              st.booleans()),
    st.text(max_size=20),
)
HTML = st.lists(HTML_PIECES, max_size=80).map("".join)


def _check_document(document) -> None:
    assert document.blocks is not None
    for block in document.blocks:
        for seg in block.segments:
            assert 0 <= seg.source_start <= len(document.source)
            assert seg.source_start + seg.length <= len(document.source)
            assert seg.text_start + seg.length <= len(block.text)


def _check_report(checker, document) -> None:
    _check_document(document)
    report = checker.check(document)
    lines = document.source.count("\n") + 1
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(document.source)
        assert 1 <= f.line <= lines and f.column >= 1
        assert f.block_start <= f.block_end <= len(document.blocks[f.block].text)


def _read_or_clean_error(data: bytes, path: str):
    try:
        return read_bytes(data, path)
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(f"{path}: TC2"), message
        return None


@FUZZ
@given(html=HTML)
def test_fuzz_html_text_checks_with_offsets_inside_the_source(checker, html):
    document = _read_or_clean_error(html.encode("utf-8", "surrogatepass"), "fuzz.html")
    if document is not None:
        _check_report(checker, document)


@pytest.mark.parametrize("control", ["\x1b", "\x07", "\x0e"])
def test_a_control_character_in_a_table_cell_is_dropped_not_a_crash(checker, control):
    # hypothesis found it: lxml refuses a table cell holding a C0 control character
    html = (f"<table><tr><th>Year{control}</th><th>Limit</th></tr><tr><td>2026</td>"
            f"<td>$23,500{control}</td></tr></table><p>401(k) losses are deductible.</p>")
    document = read_bytes(html.encode(), "cells.html")
    assert [b.text for b in document.blocks] == ["2026 \u2014 Limit: $23,500",
                                                 "401(k) losses are deductible."]
    _check_report(checker, document)


@FUZZ
@given(data=st.binary(max_size=600))
def test_fuzz_html_random_bytes(data):
    document = _read_or_clean_error(data, "fuzz.html")
    if document is not None:
        _check_document(document)


@pytest.mark.slow  # fuzzes with big pages
@settings(FUZZ, max_examples=30)  # each example takes up to ~2 s: a big page
@given(depth=st.integers(1, 3000), tag=st.sampled_from(TAGS), closed=st.booleans(),
       cells=st.integers(0, 3000))
def test_fuzz_html_deep_nesting_and_huge_tables(checker, depth, tag, closed, cells):
    html = (f"<{tag}>" * depth + "You can deduct your 401(k) losses."
            + (f"</{tag}>" * depth if closed else "")
            + "<table>" + "<tr><td>1</td><td>&amp;</td></tr>" * cells + "</table>")
    document = _read_or_clean_error(html.encode(), "deep.html")
    if document is not None:
        _check_report(checker, document)


# -- docx -------------------------------------------------------------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCUMENT_XML = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>You can deduct IRA losses.'
                b'</w:t></w:r></w:p></w:body></w:document>')
CONTENT_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                 b'2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                 b'</Types>')
DOCX_LIKE = st.one_of(
    st.binary(max_size=400),  # not a zip
    st.binary(min_size=1, max_size=200).map(lambda b: b"PK\x03\x04" + b),  # looks like one
    st.dictionaries(st.sampled_from(["word/document.xml", "[Content_Types].xml",
                                     "_rels/.rels", "docProps/core.xml", "other.txt"]),
                    st.one_of(st.binary(max_size=100), st.just(DOCUMENT_XML),
                              st.just(CONTENT_TYPES)), max_size=4).map(_zip),
    st.tuples(st.just(_zip({"[Content_Types].xml": CONTENT_TYPES,
                            "word/document.xml": DOCUMENT_XML})),
              st.floats(0.0, 1.0)).map(lambda t: t[0][:int(len(t[0]) * t[1])]),  # truncated
)


@FUZZ
@given(data=DOCX_LIKE)
def test_fuzz_docx_is_read_or_refused_in_one_line(checker, data):
    document = _read_or_clean_error(data, "fuzz.docx")
    if document is not None:
        _check_report(checker, document)


# -- JSON Lines -------------------------------------------------------------------------

JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=8)
RECORD = st.fixed_dictionaries({}, optional={
    "id": JSON_VALUE, "title": JSON_VALUE, "url": JSON_VALUE, "date": JSON_VALUE,
    "text": st.one_of(JSON_VALUE, HTML), "html": st.one_of(JSON_VALUE, HTML)})
LINE = st.one_of(
    RECORD.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    RECORD.map(lambda r: json.dumps(r).encode()),  # surrogates escaped as \ud800
    JSON_VALUE.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=80).filter(lambda b: b"\n" not in b),
)


@FUZZ
@given(lines=st.lists(LINE, max_size=6))
def test_fuzz_jsonl_records_are_articles_or_file_line_errors(checker, tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    count = 0
    for record in iter_records(path):
        count += 1
        if isinstance(record, InputError):
            message = str(record)
            assert "\n" not in message and message.startswith(f"{path}:"), message
            assert " TC2" in message
        else:
            assert record.path.startswith(f"{path}#")
            _check_report(checker, record)
    assert count <= len(lines)
