"""Property tests of hostile input classes (issue 19), each example in bounded memory and
time: it runs in a forked child under an address-space limit and a wall-clock deadline
(bounded.py), so a blow-up fails the example instead of swapping the machine.

Classes: YAML front matter and claim files with aliases and deep nesting; JSON Lines
records with lone surrogates and deep nesting; file names made of arbitrary bytes; .docx
archives whose zip headers lie about sizes. The property is always the same: a result
every output can hold (UTF-8 text) or one clean error line naming the file, never a
crash, a traceback, a hang or a blow-up.
"""

from __future__ import annotations

import io
import json
import os
import struct
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bounded import MB, run_bounded
from taxcheck.claimdb.loader import load_database
from taxcheck.errors import InputError, TaxcheckError
from taxcheck.readers import read_bytes, read_file_bytes
from taxcheck.readers.jsonl import parse_record
from taxcheck.scan.inputs import FileSource, InputWalker, SourceError

HOSTILE = settings(max_examples=40, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow, HealthCheck.data_too_large])
MEMORY = 120 * MB
"""Above what the test process already maps: ample for any of these inputs, read properly;
a billion laughs or a zip bomb needs gigabytes."""
SECONDS = 30.0
WRONG = "You can deduct your 401(k) losses on your tax return."


def _utf8(document) -> None:
    """Every string of the document can be written to a page, a report, a cache entry."""
    document.model_dump_json()


# -- YAML: aliases and nesting ----------------------------------------------------------

@st.composite
def yaml_documents(draw) -> str:
    """A mapping mixing alias chains (each anchor repeating the previous one ``width``
    times), nested flow collections, self-references and plain fields."""
    lines = []
    levels = draw(st.integers(0, 12))
    width = draw(st.integers(1, 12))
    for level in range(levels):
        item = f"*l{level - 1}" if level else draw(st.sampled_from(["x", "'y'", "{a: 1}"]))
        lines.append(f"k{level}: &l{level} [{', '.join([item] * width)}]")
    depth = draw(st.integers(0, 3000))
    opener, closer = draw(st.sampled_from([("[", "]"), ("{a: ", "}")]))
    lines.append(f"deep: {opener * depth}x{closer * depth}")
    if draw(st.booleans()):
        lines.append("loop: &me [*me]")
    for key in ("title", "author", "date", "url", "topic", "verdict"):
        value = draw(st.one_of(
            st.sampled_from(["Losses", "2024-05-01", "[a, b]", "{x: 1}", "''", "null"]),
            st.just(f"*l{levels - 1}") if levels else st.just("Plain"),
            st.text(alphabet="abc :-[]{}*&!'\"#", max_size=20)))
        lines.append(f"{key}: {value}")
    order = draw(st.permutations(range(len(lines))))
    return "\n".join(lines[i] for i in order) + "\n"


def _front_matter(text: str) -> tuple[str | None, str]:
    document = read_bytes(f"---\n{text}---\n\n{WRONG}\n".encode(), "fuzz.md")
    _utf8(document)
    return document.meta.title, document.blocks[-1].text


@HOSTILE
@given(text=yaml_documents())
def test_fuzz_front_matter_aliases_and_nesting(text):
    title, last = run_bounded(_front_matter, text, memory=MEMORY, seconds=SECONDS)
    assert title is None or len(title) <= len(text)  # nothing expanded, nothing printed as Python
    assert last == WRONG


def _claim_folder(text: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "house.yaml")
        path.write_text(text, encoding="utf-8")
        try:
            load_database([Path(folder)])  # this folder alone: no built-in claims
        except TaxcheckError as exc:
            lines = str(exc).splitlines()
            assert lines and all(line.startswith(f"{path}:") and " TC1" in line
                                 and len(line) < 1000 for line in lines), str(exc)[:2000]
            return "refused"
        return "loaded"


@HOSTILE
@given(text=yaml_documents())
def test_fuzz_claim_files_with_aliases_and_nesting(text):
    claims = "claims:\n  - id: house-rule\n    says: *l0\n" if "&l0" in text else ""
    result = run_bounded(_claim_folder, text + claims, memory=MEMORY, seconds=SECONDS)
    assert result in ("refused", "loaded")


# -- JSON Lines: surrogates and nesting -------------------------------------------------

SURROGATES = st.sampled_from(["\\ud800", "\\udfff", "\\udc00x", "\\ud83d\\ude00", "\\ud83d",
                              "\\u0000", "\\ufffe"])
TEXTS = st.lists(st.one_of(SURROGATES, st.text(alphabet="ab\\\"<>-#:\n", max_size=8),
                           st.just(WRONG)), max_size=6).map("".join)


@st.composite
def json_lines(draw) -> str:
    """One JSON object as raw text: escapes written as they come (so lone surrogates and
    broken escapes appear), values nested up to thousands deep."""
    fields = []
    for key in draw(st.lists(st.sampled_from(["id", "text", "html", "title", "url", "date",
                                              "extra"]), max_size=5, unique=True)):
        kind = draw(st.sampled_from(["string", "nested", "front"]))
        if kind == "string":
            value = f'"{draw(TEXTS)}"'
        elif kind == "nested":
            depth = draw(st.integers(0, 6000))
            value = "[" * depth + f'"{draw(TEXTS)}"' + "]" * depth
        else:
            value = json.dumps("---\ntitle: " + "[" * draw(st.integers(0, 3000)) + "\n---\n"
                               + WRONG)
        fields.append(f'"{key}": {value}')
    return "{" + ", ".join(fields) + "}"


def _record(line: str) -> str:
    try:
        document = parse_record(line.encode("utf-8", "surrogatepass"), "fuzz.jsonl", 7)\
            .document()
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith("fuzz.jsonl:7: TC2"), message
        return "refused"
    _utf8(document)
    assert document.path.startswith("fuzz.jsonl#")
    return "read"


@settings(HOSTILE, max_examples=80)
@given(line=json_lines())
def test_fuzz_json_lines_records_with_surrogates_and_nesting(line):
    assert run_bounded(_record, line, memory=MEMORY, seconds=SECONDS) in ("read", "refused")


# -- file names of arbitrary bytes ------------------------------------------------------

NAMES = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b".."))


def _walk(names: list[bytes]) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        root = os.fsencode(folder)
        for name in names:
            with open(root + b"/" + name + b".txt", "wb") as handle:
                handle.write(WRONG.encode())
        os.chdir(folder)  # the forked child's own working folder: paths are shown from here
        seen = []
        for item in InputWalker(cwd=Path(folder)).expand(["."]):
            if isinstance(item, SourceError):
                message = str(item.error)
                message.encode("utf-8")  # printable: every byte that is not UTF-8 escaped
                assert "\n" not in message and " TC203 file name " in message
                seen.append("refused")
            else:
                assert isinstance(item, FileSource)
                item.path.encode("utf-8")
                item.label.encode("utf-8")
                assert read_file_bytes(item.path) == WRONG.encode()
                seen.append("read")
        return seen


@HOSTILE
@given(names=st.lists(NAMES, min_size=1, max_size=5, unique=True))
def test_fuzz_file_names_of_arbitrary_bytes(names):
    names = [n for n in names if not n.startswith(b".")]  # hidden files are not walked
    seen = run_bounded(_walk, names, memory=MEMORY, seconds=SECONDS)
    assert len(seen) == len(names)
    assert seen.count("read") == sum(1 for n in names if _plain(n))


def _plain(name: bytes) -> bool:
    """A name taxcheck reads: UTF-8 without control characters."""
    try:
        text = name.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(ord(c) < 0x20 or c == "\x7f" for c in text)


# -- docx archives that lie about sizes -------------------------------------------------

_TEMPLATE: list[bytes] = []


def _template() -> bytes:
    if not _TEMPLATE:
        import docx

        buffer = io.BytesIO()
        document = docx.Document()
        document.add_paragraph(WRONG)
        document.save(buffer)
        _TEMPLATE.append(buffer.getvalue())
    return _TEMPLATE[0]


@st.composite
def lying_docx(draw) -> bytes:
    """A real .docx with a body of up to ~50 MB inflated (a few hundred KB deflated) and
    the sizes its zip headers declare replaced, member by member, by arbitrary ones.
    (A 21 MB body is under the 25 MB cap on an XML part, and is read.)"""
    source = zipfile.ZipFile(io.BytesIO(_template()))
    repeat = draw(st.sampled_from([0, 1, 1000, 20_000, 50_000]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml" and repeat:
                text = data.decode()
                at = text.index("<w:sectPr")
                data = (text[:at] + f"<w:p><w:r><w:t>{'x' * 1000}</w:t></w:r></w:p>" * repeat
                        + text[at:]).encode()
            package.writestr(info.filename, data)
    raw = bytearray(out.getvalue())
    for signature, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = raw.find(signature)
        while at >= 0:
            if draw(st.booleans()):
                declared = draw(st.sampled_from([0, 1, 4096, 2**31 - 1, 2**32 - 1]))
                struct.pack_into("<I", raw, at + size_at, declared)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def _docx(data: bytes) -> str:
    try:
        document = read_bytes(data, "fuzz.docx")
    except InputError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith("fuzz.docx: TC20"), message
        assert "MemoryError" not in message and "allocate" not in message, message
        return "refused"
    _utf8(document)
    return "read"


@pytest.mark.slow  # fuzzes with archives of megabytes
@settings(HOSTILE, max_examples=25)  # building the bigger archives takes a second each
@given(data=lying_docx())
def test_fuzz_docx_archives_that_lie_about_sizes(data):
    # parsing a document.xml at the 25 MB cap takes about 250 MB; a bomb, gigabytes
    assert run_bounded(_docx, data, memory=300 * MB, seconds=SECONDS) in ("read", "refused")
