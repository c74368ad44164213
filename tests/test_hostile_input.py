"""Hostile and careless input (issue 19): each case is a bounded result, never a blow-up,
a traceback or a hang. Memory-hungry cases run in a child process under a hard memory
limit (see bounded.py), so a regression fails the test instead of the machine."""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
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

def _scan_records(tmp_path: Path, *jobs: str, alone: bool = False) -> tuple[object, dict]:
    """Scan the corpus folder: in this process with -j1; in a subprocess with -j2 (worker
    processes) or when ``alone`` (its time limit bounds a hang)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "good.txt").write_text(f"Losses\n\n{WRONG}\n", encoding="utf-8")
    out = tmp_path / f"out{jobs[0]}"
    run = run_cli if alone or "-j1" not in jobs else invoke
    result = run("scan", str(corpus), "--out", str(out), "--no-cache", "--no-progress", *jobs)
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
    # one line either way: taxcheck's own depth check, or libyaml's limit where the C
    # loader is installed ("exceeded maximum nesting depth")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{folder / 'house.yaml'}:")
    assert "TC102 invalid YAML: " in message
    assert "nested too deeply" in message or "nesting depth" in message


assert sys.getrecursionlimit() < 5000  # the nesting above is deeper than Python's stack


# -- 3. hangs and time limits -----------------------------------------------------------

def test_a_fifo_named_like_an_article_is_a_failure_row_not_a_hang(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.mkfifo(corpus / "pipe.txt")
    os.mkfifo(corpus / "pipe.jsonl")
    result, summary = _scan_records(tmp_path, "-j1", alone=True)  # run_cli's timeout bounds a hang
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
    # a pipe in a subprocess: its time limit bounds a hang (a folder or a loop cannot hang)
    run = run_cli if kind == "fifo" else invoke
    result = run("claims", "validate", "--claims", str(folder))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"taxcheck: error: {target}:1: TC101 cannot read file: "), result.stderr


HEAVY_TAG = "<p " + " ".join(f'a{i}="v"' for i in range(80_000)) + f">{WRONG}</p>"
"""One tag with 80,000 attributes: lxml spends over a minute inside one native call."""


@pytest.mark.slow  # kills a worker stuck in lxml at its time budget
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


@pytest.mark.slow  # kills a worker stuck in lxml at its time budget
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


@pytest.mark.slow  # kills workers
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
        with open(f"/proc/{scan.pid}/task/{scan.pid}/children", encoding="ascii") as children:
            workers = sorted({*workers, *map(int, children.read().split())})
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
    body = f"<w:p><w:r><w:t>{'x' * 1000}</w:t></w:r></w:p>" * 30_000  # 31 MB, honest
    message = run_bounded(_read_docx_error, _docx_with_body(body), memory=150 * MB,
                          seconds=60)
    assert message == ("lying.docx: TC204 word/document.xml unpacks to more than "
                       "25,000,000 bytes")


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


@pytest.mark.slow  # a page that keeps lxml busy until its time budget
def test_check_has_a_time_budget_even_inside_native_code(tmp_path):
    page = tmp_path / "heavy.html"
    page.write_text(f"<html><body>{HEAVY_TAG}</body></html>", encoding="utf-8")
    started = time.monotonic()
    result = run_cli("check", str(page), "--timeout-per-doc", "2")
    assert result.returncode == 2
    assert result.stderr == (f"taxcheck: error: {page}: TC213 checking took longer than the "
                             "2-second limit (--timeout-per-doc)\n")
    assert time.monotonic() - started < 45  # the page alone takes over a minute


# -- 8. outputs inside the input tree ---------------------------------------------------

@pytest.mark.parametrize("args", [
    ("corpus/*.txt", "--out", "corpus/reports"),
    ("corpus/a.txt", "--out", "corpus/r"),
    ("corpus/a.txt", "--out", "out", "--cache", "corpus/.cache"),
    ("corpus/**/*.md", "--out", "corpus/sub/r"),
])
def test_outputs_inside_the_folder_of_file_and_glob_inputs_are_refused(tmp_path, args):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(f"Losses\n\n{WRONG}\n", encoding="utf-8")
    (corpus / "sub" / "b.md").write_text(f"# Losses\n\n{WRONG}\n", encoding="utf-8")
    before = sorted(corpus.rglob("*"))
    result = invoke("scan", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert "is inside the input folder" in result.stderr and result.stderr.count("\n") == 1
    assert sorted(corpus.rglob("*")) == before


def test_files_named_in_the_working_folder_may_write_beside_them(tmp_path):
    (tmp_path / "a.txt").write_text(f"Losses\n\n{WRONG}\n", encoding="utf-8")
    result = invoke("scan", "a.txt", "--out", "out", "-j1", "-q", "--fail-on", "never",
                    cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_later_scan_never_reads_an_output_folder_as_articles(tmp_path):
    (tmp_path / "a.txt").write_text(f"Losses\n\n{WRONG}\n", encoding="utf-8")
    assert invoke("scan", "a.txt", "--out", "reports", "-j1", "-q", "--fail-on", "never",
                  cwd=tmp_path).returncode == 0
    result = invoke("scan", ".", "--out", str(tmp_path.parent / f"{tmp_path.name}-out"),
                    "-j1", "-q", "--fail-on", "never", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads((tmp_path.parent / f"{tmp_path.name}-out" / "summary.json")
                         .read_text(encoding="utf-8"))
    assert [a["path"] for a in summary["articles"]] == ["a.txt"]


# -- 9. one scan at a time per output folder --------------------------------------------

def test_a_second_scan_into_a_locked_output_folder_exits_2_at_once(tmp_path):
    from taxcheck.scan.lock import OutputLock

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"Losses\n\n{WRONG}\n", encoding="utf-8")
    out = tmp_path / "out"
    with OutputLock(out):  # what a scan in progress holds
        result = run_cli("scan", str(corpus), "--out", str(out), "-j1")
    assert result.returncode == 2
    assert result.stderr == (f"taxcheck: error: TC214 another taxcheck scan is writing to "
                             f"{out}; wait for it to finish or choose another --out\n")
    assert sorted(p.name for p in out.iterdir()) == [".taxcheck.lock"]
    result = invoke("scan", str(corpus), "--out", str(out), "-j1", "--fail-on", "never")
    assert result.returncode == 0, result.stderr  # released: the next scan runs


# -- 10. cache entries of the wrong type ------------------------------------------------

WRONG_TYPES = [
    {"counts": {"false": "lots"}}, {"findings": [42]}, {"findings": ["not json"]},
    {"worst": "catastrophic"}, {"counts": {"bogus": 1}}, {"wrong": [["a"]]},
    {"words": -3}, {"sarif": {"results": [1]}}, {"path": None},
]


def test_cache_entries_of_the_wrong_type_are_discarded_and_recomputed(tmp_path):
    # one article per kind of damage, each in its own cache entry
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(len(WRONG_TYPES)):
        (corpus / f"a{n}.txt").write_text(f"Losses {n}\n\n{WRONG}\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("scan", str(corpus), "--out", str(out), "-j1", "-q", "--fail-on", "never")
    assert invoke(*args).returncode == 0
    first = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    entries = list((out / ".taxcheck-cache").rglob("*.json"))
    assert len(entries) == len(WRONG_TYPES)
    for entry in entries:
        head, _, report = entry.read_bytes().partition(b"\n")
        data = json.loads(head)
        n = int(Path(data["outcome"]["path"]).stem[1:])
        data["outcome"].update(WRONG_TYPES[n])
        entry.write_bytes(json.dumps(data).encode() + b"\n" + report)
    result = invoke(*args)
    assert result.returncode == 0, result.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["work"]["cache_discarded"] == len(WRONG_TYPES)  # every bad entry
    assert summary["totals"] == first["totals"]
    result = invoke(*args)  # the bad entries were replaced: this run uses the new ones
    assert result.returncode == 0, result.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"] == first["totals"]
    assert summary["work"]["cached"] == len(WRONG_TYPES)


# -- 11 and 12. unwritable outputs and full disks ---------------------------------------

def test_check_output_that_cannot_be_written_is_one_line_exit_2(tmp_path):
    # dated, so that the only line on stderr is the error (no "no date found" warning)
    (tmp_path / "a.txt").write_text(f"Losses\nUpdated March 3, 2026\n\n{WRONG}\n",
                                    encoding="utf-8")
    result = invoke("check", str(tmp_path / "a.txt"), "-o", str(tmp_path / "a.txt" / "x.html"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"taxcheck: error: cannot write {tmp_path}/a.txt/x.html: ")
    assert result.stderr.count("\n") == 1


def _full_disk(limit: int):
    """A preexec_fn: files may grow to ``limit`` bytes; writing more fails (EFBIG), as on a
    full disk."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


def test_check_on_a_full_disk_is_one_line_exit_2(tmp_path):
    # dated, so that the only line on stderr is the error (no "no date found" warning)
    (tmp_path / "a.txt").write_text(f"Losses\nUpdated March 3, 2026\n\n{WRONG}\n",
                                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "taxcheck", "check", "a.txt", "--format",
                             "html", "-o", "page.html"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300, preexec_fn=_full_disk(4096))
    assert result.returncode == 2
    assert result.stderr == "taxcheck: error: cannot write page.html: File too large\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_scan_on_a_full_disk_leaves_no_temporary_and_the_next_run_sweeps_old_ones(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"a{n}.txt").write_text(f"Losses {n}\n\n{WRONG}\n", encoding="utf-8")
    scan = ("scan", "corpus", "--out", "out", "-j1", "--no-cache", "--no-progress",
            "--fail-on", "never")
    assert invoke(*scan, cwd=tmp_path).returncode == 0
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    # the full disk in a subprocess: a file size limit of its own
    full = subprocess.run([sys.executable, "-m", "taxcheck", *scan], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300,
                          preexec_fn=_full_disk(6000))
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")]
    assert {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()} == before
    # a temporary a killed scan left behind is removed by the next scan
    stale = tmp_path / "out" / "pages" / ".a0.txt.html.abcd1234.tmp"
    stale.write_text("half a page", encoding="utf-8")
    result = invoke(*scan, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["work"]["temporaries_removed"] == 1


# -- 13. --max-bytes bounds JSON Lines records ------------------------------------------

def test_max_bytes_bounds_json_lines_records(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r.jsonl").write_text(
        json.dumps({"id": "big", "text": WRONG * 20}) + "\n"
        + json.dumps({"id": "small", "text": WRONG}) + "\n", encoding="utf-8")
    result, summary = _scan_records(tmp_path, "-j1", "--max-bytes", "500")
    assert result.returncode == 2
    assert summary["failures"] == [{"path": f"{corpus}/r.jsonl:1",
                                    "reason": "TC204 record is larger than the 500-byte limit"}]
    assert summary["totals"]["false"] == 2  # good.txt and the small record


# -- 14. symlinks out of the input folder -----------------------------------------------

def test_a_symlink_out_of_the_input_folder_is_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the secret:/root:/bin/bash\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "secrets.txt").symlink_to(secret)
    (corpus / "sub" / "inside.txt").symlink_to(corpus / "good.txt")
    result, summary = _scan_records(tmp_path, "-j1")
    assert result.returncode == 2
    assert summary["failures"] == [{
        "path": f"{corpus}/secrets.txt",
        "reason": "TC215 is a symbolic link to a file outside the input folder; not followed "
                  "(--follow-symlinks reads it)"}]
    assert sorted(a["path"] for a in summary["articles"] if a["error"] is None) == [
        f"{corpus}/good.txt", f"{corpus}/sub/inside.txt"]
    pages = "".join(p.read_text(encoding="utf-8")
                    for p in (tmp_path / "out-j1").rglob("*.html"))
    assert "the secret" not in pages
    followed, summary = _scan_records(tmp_path, "-j1", "--follow-symlinks", "--fail-on",
                                      "never")
    assert followed.returncode == 0, followed.stderr
    assert not summary["failures"]


def test_check_names_a_file_whose_name_is_not_utf8_in_one_line(tmp_path):
    bad = os.fsencode(tmp_path) + b"/bad\xff\n.txt"
    with open(bad, "wb") as handle:
        handle.write(f"Losses\n\n{WRONG}\n".encode())
    result = subprocess.run([sys.executable, "-m", "taxcheck", "check", bad],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert result.stderr == (f"taxcheck: error: {tmp_path}/bad\\xff\\x0a.txt: TC203 file name "
                             "is not valid UTF-8; rename the file to check it\n")
