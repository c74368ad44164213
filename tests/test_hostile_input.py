"""Hostile and careless input (issue 19): each case is a bounded result, never a blow-up,
a traceback or a hang. Memory-hungry cases run in a child process under a hard memory
limit (see bounded.py), so a regression fails the test instead of the machine."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from bounded import MB, run_bounded
from conftest import invoke, run_cli
from taxcheck.claimdb import load_claims
from taxcheck.errors import InputError, TaxcheckError
from taxcheck.readers import read_bytes
from taxcheck.readers.jsonl import iter_records
from test_claimdb_errors import GOOD_CLAIM

WRONG = "You can deduct your 401(k) losses on your tax return."


def laughs(levels: int = 9, indent: str = "") -> str:
    """YAML whose last anchor expands to 9**levels values in a few hundred bytes."""
    names = "abcdefghijklmnop"[:levels]
    return "".join(
        f"{indent}{name}: &{name} [{', '.join([f'*{names[i - 1]}' if i else 'x'] * 9)}]\n"
        for i, name in enumerate(names))


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# -- 1. aliases that expand to gigabytes ------------------------------------------------

def _front_matter_title(text: str) -> tuple[str | None, str]:
    document = read_bytes(text.encode(), "laughs.md")
    return document.meta.title, document.blocks[-1].text


def test_front_matter_aliases_are_refused_in_bounded_memory():
    text = f"---\n{laughs()}title: *i\n---\n\n# Losses\n\n{WRONG}\n"
    assert len(text) < 500
    title, last = run_bounded(_front_matter_title, text, memory=100 * MB, seconds=30)
    assert title == "Losses"  # the front matter is ignored: the heading gives the title
    assert last == WRONG


def test_front_matter_title_that_is_a_list_is_not_printed_as_python():
    text = f"---\ntitle: [a, b]\nauthor: {{x: 1}}\n---\n\n{WRONG}\n"
    document = read_bytes(text.encode(), "list.md")
    assert document.meta.title is None and document.meta.author is None


def _jsonl_record(path: str) -> list[str]:
    return [r.meta.title or "" if not isinstance(r, InputError) else str(r)
            for r in iter_records(path)]


def test_a_json_lines_text_field_with_aliases_is_read_in_bounded_memory(tmp_path):
    path = tmp_path / "laughs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": f"---\n{laughs()}title: *i\n---\n{WRONG}"})
                    + "\n", encoding="utf-8")
    assert run_bounded(_jsonl_record, str(path), memory=100 * MB, seconds=30) == [""]


def _validate(folder: str) -> str:
    try:
        load_claims([Path(folder)])
    except TaxcheckError as exc:
        return str(exc)
    return "loaded"


@pytest.mark.parametrize("where", ["verdict: false", "topic: house", "says: Something wrong."])
def test_claim_file_aliases_are_one_line_errors_in_bounded_memory(tmp_path, where):
    folder = tmp_path / "house"
    folder.mkdir()
    body = GOOD_CLAIM.replace(where, where.split(":")[0] + ": *i")
    (folder / "house.yaml").write_text(laughs(indent="x_") + body, encoding="utf-8")
    message = run_bounded(_validate, str(folder), memory=150 * MB, seconds=60)
    # 9**6 values: the sixth anchor is where the expansion passes the bound
    assert message == (f"{folder / 'house.yaml'}:6: TC102 invalid YAML: expands to more "
                       "than 100,000 values (aliases repeating aliases?)")


def test_claims_validate_refuses_aliases_with_exit_2(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.yaml").write_text(
        laughs(indent="x_") + GOOD_CLAIM.replace("verdict: false", "verdict: *i"),
        encoding="utf-8")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "TC102" in result.stderr


def test_a_literal_error_does_not_print_a_huge_value(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.yaml").write_text(
        GOOD_CLAIM.replace("verdict: false", f"verdict: [{', '.join(['x' * 50] * 500)}]"),
        encoding="utf-8")
    with pytest.raises(TaxcheckError) as caught:
        load_claims([folder])
    assert len(str(caught.value)) < 300, str(caught.value)


# -- 2. one record or file name must not abort a scan -----------------------------------

def _scan_records(tmp_path: Path, *jobs: str) -> tuple[object, dict]:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "good.txt").write_text(f"Losses\n\n{WRONG}\n", encoding="utf-8")
    out = tmp_path / f"out{''.join(jobs)}"
    result = run_cli("scan", str(corpus), "--out", str(out), "--no-cache", "--no-progress",
                     *jobs)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return result, summary


def test_bad_json_lines_records_are_failure_rows_and_the_rest_is_checked(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [
        json.dumps({"id": "ok", "text": WRONG}),
        '{"id": "surrogate", "text": "bad \\ud800 text"}',
        '{"id": "surrogate-title", "text": "fine", "title": "\\udc00"}',
        '{"id": "deep", "text": "x", "extra": ' + nested(5000) + "}",
        json.dumps({"id": "deep-front-matter", "text": f"---\ntitle: {nested(3000)}\n---\n"
                    f"{WRONG}"}),
        json.dumps({"id": "last", "text": WRONG}),
    ]
    (corpus / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    result, summary = _scan_records(tmp_path, "-j1")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    reasons = {f["path"]: f["reason"] for f in summary["failures"]}
    corpus_name = f"{corpus}/records.jsonl"
    assert set(reasons) == {f"{corpus_name}:2", f"{corpus_name}:3", f"{corpus_name}:4"}
    assert reasons[f"{corpus_name}:2"].startswith("TC203 \"text\" holds a lone surrogate")
    assert reasons[f"{corpus_name}:4"] == "TC210 invalid JSON (nested too deeply)"
    checked = {a["path"] for a in summary["articles"] if a["error"] is None}
    assert checked == {f"{corpus}/good.txt", f"{corpus_name}#ok",
                       f"{corpus_name}#deep-front-matter", f"{corpus_name}#last"}
    assert summary["totals"]["false"] == 4


@pytest.mark.parametrize("jobs", ["-j1", "-j2"])
def test_a_file_name_that_is_not_utf8_is_one_failure_row(tmp_path, jobs):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bad = os.fsencode(corpus) + b"/bad\xff\xfe.txt"
    with open(bad, "wb") as handle:
        handle.write(f"Losses\n\n{WRONG}\n".encode())
    result, summary = _scan_records(tmp_path, jobs)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert summary["failures"] == [{
        "path": f"{corpus}/bad\\xff\\xfe.txt",
        "reason": "TC203 file name is not valid UTF-8; rename the file to check it"}]
    assert [a["path"] for a in summary["articles"] if a["error"] is None] == [
        f"{corpus}/good.txt"]
    findings = (tmp_path / f"out{jobs}" / "findings.jsonl").read_text(encoding="utf-8")
    assert findings.count("\n") == summary["findings"] >= 1


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_json_ld_with_a_lone_surrogate_is_checked(tmp_path, fmt):
    page = tmp_path / "ld.html"
    page.write_text('<html><head><script type="application/ld+json">{"@type": "Article", '
                    '"headline": "Losses \\ud800 here", "author": {"name": "\\udc00"}}'
                    f"</script></head><body><p>{WRONG}</p></body></html>", encoding="utf-8")
    result = invoke("check", str(page), "--format", fmt)
    assert result.returncode == 1, result.stderr
    assert "Losses \ufffd here" in result.stdout or "Losses &#xfffd; here" in result.stdout \
        or "Losses \\ufffd here" in result.stdout


def test_json_ld_nested_past_the_stack_is_ignored():
    page = ('<html><head><script type="application/ld+json">' + nested(100_000)
            + f"</script></head><body><h1>Losses</h1><p>{WRONG}</p></body></html>")
    document = read_bytes(page.encode(), "deep.html")
    assert document.meta.title == "Losses"


def test_deep_front_matter_is_ignored_not_a_crash():
    text = f"---\ntitle: {nested(50_000)}\n---\n\n{WRONG}\n"
    document = read_bytes(text.encode(), "deep.md")
    assert document.meta.title is None and document.blocks[-1].text == WRONG


def test_deep_claim_file_is_a_one_line_error(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.yaml").write_text(f"topic: x\nclaims: {nested(50_000)}\n",
                                       encoding="utf-8")
    with pytest.raises(TaxcheckError) as caught:
        load_claims([folder])
    assert str(caught.value) == f"{folder / 'house.yaml'}:1: TC102 invalid YAML: nested too deeply"


assert sys.getrecursionlimit() < 5000  # the nesting above is deeper than Python's stack


# -- 3. hangs and time limits -----------------------------------------------------------

def test_a_fifo_named_like_an_article_is_a_failure_row_not_a_hang(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.mkfifo(corpus / "pipe.txt")
    os.mkfifo(corpus / "pipe.jsonl")
    result, summary = _scan_records(tmp_path, "-j1")  # run_cli's timeout bounds a hang
    assert result.returncode == 2, result.stderr
    reasons = {f["path"]: f["reason"] for f in summary["failures"]}
    assert reasons == {
        f"{corpus}/pipe.jsonl": "TC205 is not a regular file (a pipe, socket or device); "
                                "not read",
        f"{corpus}/pipe.txt": "TC205 is not a regular file (a pipe, socket or device); "
                              "not read"}
    assert summary["totals"]["false"] == 1


def test_check_refuses_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    result = run_cli("check", str(tmp_path / "pipe.md"))
    assert result.returncode == 2
    assert result.stderr == (f"taxcheck: error: {tmp_path}/pipe.md: TC205 is not a regular "
                             "file (a pipe, socket or device); not read\n")


@pytest.mark.parametrize("kind", ["fifo", "folder", "loop"])
def test_claim_folder_entries_that_are_not_files_are_one_line_errors(tmp_path, kind):
    folder = tmp_path / "house"
    folder.mkdir()
    target = folder / "x.yaml"
    {"fifo": lambda: os.mkfifo(target), "folder": target.mkdir,
     "loop": lambda: target.symlink_to("x.yaml")}[kind]()
    result = run_cli("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"taxcheck: error: {target}:1: TC101 cannot read file: "), result.stderr


HEAVY_TAG = "<p " + " ".join(f'a{i}="v"' for i in range(80_000)) + f">{WRONG}</p>"
"""One tag with 80,000 attributes: lxml spends over a minute inside one native call."""


def test_a_worker_stuck_in_native_code_is_stopped_at_its_time_budget(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "heavy.html").write_text(f"<html><body>{HEAVY_TAG}</body></html>",
                                       encoding="utf-8")
    (corpus / "good.txt").write_text(f"Losses\n\n{WRONG}\n", encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    result = run_cli("scan", str(corpus), "--out", str(out), "--no-cache", "--no-progress",
                     "-j2", "--timeout-per-doc", "2")
    elapsed = time.monotonic() - started
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert result.returncode == 2, result.stderr
    assert summary["failures"] == [{
        "path": f"{corpus}/heavy.html",
        "reason": "TC213 checking took longer than the 2-second limit (--timeout-per-doc); "
                  "its worker process was stopped"}]
    assert summary["work"]["workers_stopped"] == 1
    assert summary["totals"]["false"] == 1
    assert elapsed < 45  # the page alone takes over a minute


def test_json_lines_html_records_are_read_in_the_workers_under_the_budget(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "records.jsonl").write_text(
        json.dumps({"id": "heavy", "html": f"<html><body>{HEAVY_TAG}</body></html>"}) + "\n"
        + json.dumps({"id": "ok", "text": WRONG}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    result = run_cli("scan", str(corpus), "--out", str(out), "--no-cache", "--no-progress",
                     "-j2", "--timeout-per-doc", "2")
    elapsed = time.monotonic() - started
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert result.returncode == 2, result.stderr
    assert [f["path"] for f in summary["failures"]] == [f"{corpus}/records.jsonl#heavy"]
    assert summary["failures"][0]["reason"].startswith("TC213 ")
    assert summary["totals"]["false"] == 1
    assert elapsed < 45


# -- 7. claim folders -------------------------------------------------------------------

@pytest.mark.parametrize(("pattern", "words"), [
    ('[{LOWER: {REGEX: "^(401"}}]', "patterns.0: token 1, LOWER: invalid regular expression"),
    ("[{LOWR: thing}]", "patterns.0: token 1: unknown attribute 'LOWR'"),
    ('[{LOWER: house, OP: "x"}]', "patterns.0: token 1, OP: unknown operator 'x'"),
    ("[{LOWER: {IS_IN: [a]}}]", "patterns.0: token 1, LOWER: unknown test 'IS_IN'"),
])
def test_bad_concept_patterns_fail_at_load_with_file_and_line(tmp_path, pattern, words):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "concepts.yaml").write_text(
        f"HOUSE_THING:\n  terms: [house thing]\n  patterns:\n    - {pattern}\n",
        encoding="utf-8")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert result.stderr == f"taxcheck: error: {folder}/concepts.yaml:4: TC103 {words}" + \
        result.stderr.split(words, 1)[1]
    assert result.stderr.count("\n") == 1


def test_a_self_referencing_alias_in_a_pattern_fails_at_load(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "concepts.yaml").write_text(
        "HOUSE_THING:\n  patterns: &p\n    - [{LOWER: *p}]\n", encoding="utf-8")
    result = invoke("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    assert result.stderr == (f"taxcheck: error: {folder}/concepts.yaml:2: TC102 invalid YAML: "
                             "an alias refers to the node that contains it\n")


# -- 4 and 15. interrupts ---------------------------------------------------------------

def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie is gone
    except OSError:
        return False


def test_a_second_ctrl_c_stops_the_workers_and_exits_130_at_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(9):  # two chunks, one per worker; each page keeps a worker in lxml
        (corpus / f"heavy{n}.html").write_text(f"<html><body>{HEAVY_TAG}</body></html>",
                                               encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    scan = subprocess.Popen(
        [sys.executable, "-m", "taxcheck", "scan", str(corpus), "--out", str(tmp_path / "out"),
         "-j2", "--no-progress", "--timeout-per-doc", "600"],
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = [int(n.name) for n in (tmp_path / "tmp").glob("taxcheck-workers-*/*")]
            time.sleep(0.05)
        assert len(workers) == 2, "the workers never started checking"
        time.sleep(0.5)  # inside the parser
        scan.send_signal(signal.SIGINT)
        time.sleep(0.5)
        assert scan.poll() is None  # the first Ctrl-C lets the articles in progress finish
        scan.send_signal(signal.SIGINT)
        stopped = time.monotonic()
        _, stderr = scan.communicate(timeout=20)
        assert time.monotonic() - stopped < 10
        assert scan.returncode == 130, stderr
        assert "Traceback" not in stderr
        assert stderr.strip().splitlines()[-1].startswith("taxcheck: interrupted: ")
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)], "orphan workers left running"
    finally:
        for pid in [scan.pid, *workers]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        scan.wait(timeout=10)


def test_ctrl_c_during_check_exits_130(tmp_path):
    check = subprocess.Popen([sys.executable, "-m", "taxcheck", "check", "-"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        # wait until it is blocked reading standard input (syscall 0, read, on fd 0)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with open(f"/proc/{check.pid}/syscall", encoding="ascii") as syscall:
                if syscall.read().startswith("0 0x0 "):
                    break
            time.sleep(0.02)
        else:
            raise AssertionError("check never read its input")
        check.send_signal(signal.SIGINT)
        _, stderr = check.communicate(timeout=30)
        assert check.returncode == 130, stderr
        assert stderr == "taxcheck: interrupted\n"
    finally:
        check.kill()
        check.wait(timeout=10)


# -- 5. Word files that lie -------------------------------------------------------------

def _docx_with_body(paragraphs_xml: str, *, declare: int | None = None) -> bytes:
    """A real .docx (python-docx's template) whose document.xml body is replaced; with
    ``declare``, the zip headers claim document.xml inflates to that many bytes."""
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    source = zipfile.ZipFile(template)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                at = text.index("<w:sectPr")
                data = (text[:at] + paragraphs_xml + text[at:]).encode()
            package.writestr(info.filename, data)
    raw = bytearray(out.getvalue())
    if declare is not None:
        name = b"word/document.xml"
        for signature, size_at, name_len_at, name_at in ((b"PK\x01\x02", 24, 28, 46),
                                                         (b"PK\x03\x04", 22, 26, 30)):
            at = raw.find(signature)
            while at >= 0:
                length = struct.unpack_from("<H", raw, at + name_len_at)[0]
                if raw[at + name_at:at + name_at + length] == name:
                    struct.pack_into("<I", raw, at + size_at, declare)
                at = raw.find(signature, at + 4)
    return bytes(raw)


def _read_docx_error(data: bytes) -> str:
    try:
        read_bytes(data, "lying.docx")
    except InputError as exc:
        return str(exc)
    return "read"


def test_a_docx_whose_zip_lies_about_sizes_is_refused_in_bounded_memory():
    # 300 MB of paragraphs, deflated to under 1 MB, declared as 4 KB
    body = f"<w:p><w:r><w:t>{'x' * 1000}</w:t></w:r></w:p>" * 300_000
    data = _docx_with_body(body, declare=4096)
    assert len(data) < 1_000_000
    message = run_bounded(_read_docx_error, data, memory=150 * MB, seconds=60)
    # refused for what it is (inflated past its declared size), not for running out of memory
    assert message == ("lying.docx: TC208 file is not a readable .docx document (Bad CRC-32 "
                       "for file 'word/document.xml')"), message


def test_a_docx_that_unpacks_past_the_limit_is_refused_in_bounded_memory():
    body = f"<w:p><w:r><w:t>{'x' * 1000}</w:t></w:r></w:p>" * 220_000  # 220 MB, honest
    message = run_bounded(_read_docx_error, _docx_with_body(body), memory=150 * MB,
                          seconds=60)
    assert message == "lying.docx: TC204 file unpacks to more than 200,000,000 bytes"


def _read_docx_blocks(data: bytes) -> tuple[int, list[str]]:
    document = read_bytes(data, "many.docx")
    return len(document.blocks), sorted({b.kind for b in document.blocks})


def test_a_docx_of_many_paragraphs_with_an_unknown_style_reads_in_linear_time():
    paragraph = '<w:p><w:pPr><w:pStyle w:val="Nope"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>'
    heading = '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Head</w:t></w:r></w:p>'
    data = _docx_with_body(heading + paragraph * 20_000)
    started = time.monotonic()
    blocks, kinds = run_bounded(_read_docx_blocks, data, memory=400 * MB, seconds=60)
    assert blocks == 20_001 and kinds == ["heading", "paragraph"]
    assert time.monotonic() - started < 30  # over 3 minutes when styles were scanned
