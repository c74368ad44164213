"""Hostile and careless input (issue 19): each case is a bounded result, never a blow-up,
a traceback or a hang. Memory-hungry cases run in a child process under a hard memory
limit (see bounded.py), so a regression fails the test instead of the machine."""

from __future__ import annotations

import json
import os
import sys
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
