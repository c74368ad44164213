"""``taxcheck scan``: every output, bad files, the cache, inputs, and what reruns do."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import jsonschema

from conftest import SEED, invoke, run_cli
from taxcheck.claimdb import builtin_claims_dir, load_claims
from taxcheck.scan import ScanOptions, run_scan
from taxcheck.scan.pages import PageNamer, page_name

DATA = Path(__file__).parent / "data"
WRONG = "Deductible Losses\n\nYou can deduct your 401(k) losses on your tax return.\n"
RIGHT = "# Losses in an IRA\n\nYou cannot deduct losses inside your IRA.\n"
VERDICTS = ("false", "outdated", "misleading", "myth", "accurate")


def make_corpus(root: Path) -> Path:
    """Three articles (one in a subfolder) and a file that is not an article."""
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "wrong.txt").write_text(WRONG, encoding="utf-8")
    (corpus / "right.md").write_text(RIGHT, encoding="utf-8")
    shutil.copy(SEED, corpus / "sub" / "seed.txt")
    (corpus / "notes.yaml").write_text("not: an article\n", encoding="utf-8")
    return corpus


def scan(db, corpus: Path, out: Path, **options) -> dict:
    """Scan in this process (jobs=1, the default cache) and return summary.json."""
    options.setdefault("cache_dir", out / ".taxcheck-cache")
    run_scan(db, ScanOptions(inputs=[str(corpus)], out_dir=out, **options))
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def findings_of(out: Path) -> list[dict]:
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_scan_writes_every_output(tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "reports"
    result = run_cli("scan", "corpus", "--out", "reports", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # wrong.txt states a false claim
    assert "index: reports/index.html" in result.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    paths = [a["path"] for a in summary["articles"]]
    # a sorted walk, each folder's files before its subfolders; notes.yaml is not an article
    assert paths == ["corpus/right.md", "corpus/wrong.txt", "corpus/sub/seed.txt"]
    assert summary["failures"] == []
    assert summary["work"]["checked"] == 3 and summary["work"]["workers_started"] == 2

    # findings.jsonl: one parsable line per finding, each naming its article and page
    findings = findings_of(out)
    assert len(findings) == summary["findings"]
    by_article = Counter((f["path"], "myth" if f["framing"] == "myth" else f["verdict"])
                         for f in findings if not f["suppressed"])
    for article in summary["articles"]:
        for verdict in VERDICTS:
            assert article["counts"].get(verdict, 0) == by_article[(article["path"], verdict)]
        assert all(f["page"] == article["page"] for f in findings if f["path"] == article["path"])
    assert summary["totals"] == {v: sum(a["counts"].get(v, 0) for a in summary["articles"])
                                 for v in (*VERDICTS, "contradictions")}
    wrong = next(f for f in findings if f["path"] == "corpus/wrong.txt")
    assert (wrong["claim_id"], wrong["verdict"], wrong["line"]) == (
        "retirement-loss-deductible", "false", 3)

    # a review page per article, linked from the index
    index = (out / "index.html").read_text(encoding="utf-8")
    for article in summary["articles"]:
        page = out / article["page"]
        assert page.is_file()
        assert f'href="{article["page"]}"' in index
    assert summary["articles"][1]["page"] == "pages/corpus/wrong.txt.html"
    assert "roll over your 401k losses" in (out / "pages/corpus/sub/seed.txt.html").read_text(
        encoding="utf-8")

    # the most frequent wrong claims name the articles that make them
    top = {c["claim_id"]: c for c in summary["top_claims"]}
    assert top["retirement-loss-deductible"]["articles"] == ["corpus/wrong.txt"]
    assert top["retirement-loss-rollover"]["pages"] == ["pages/corpus/sub/seed.txt.html"]

    # SARIF: valid 2.1.0, one result per problem finding and contradiction, rules listed once
    sarif = json.loads((out / "results.sarif").read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    problems = [f for f in findings if f["verdict"] != "accurate" and f["framing"] == "stated"]
    assert len(run["results"]) == len(problems) + summary["totals"]["contradictions"]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules))
    for res in run["results"]:
        assert rules[res["ruleIndex"]] == res["ruleId"]
    # nothing was written into the corpus
    assert sorted(p.name for p in corpus.rglob("*")) == [
        "notes.yaml", "right.md", "seed.txt", "sub", "wrong.txt"]


def test_bad_files_are_listed_with_reasons_and_the_rest_is_reported(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(WRONG, encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "latin1.txt").write_bytes("Title\n\nCaf\xe9 losses\n".encode("latin-1"))
    (corpus / "bad16.txt").write_bytes(b"\xff\xfeT\x00i\x00\x00\xd8x\x00")  # lone surrogate
    (corpus / "huge.txt").write_text("Title\n\n" + "word " * 2000, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("scan", "corpus", "--out", "out", "--max-bytes", "5000", "--jobs", "1",
                    cwd=tmp_path)
    assert result.returncode == 2  # inputs failed: 2 wins over the findings' 1
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    reasons = {f["path"]: f["reason"] for f in summary["failures"]}
    assert reasons == {
        "corpus/binary.txt": "TC202 file is binary, not text",
        "corpus/empty.md": "TC201 file is empty",
        "corpus/huge.txt": "TC204 file is larger than the 5,000-byte limit (10,007 bytes)",
        "corpus/bad16.txt": "TC203 file is not UTF-16 text (bad byte at offset 6)",
    }  # latin1.txt is decoded (with a TC260 warning), not refused
    assert sorted(line for line in result.stderr.splitlines() if ": error: " in line) == sorted(
        f"taxcheck: error: {path}: {reason}" for path, reason in reasons.items())
    good = next(a for a in summary["articles"] if a["path"] == "corpus/good.txt")
    assert good["counts"]["false"] == 1 and (out / good["page"]).is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    for path, reason in reasons.items():
        assert path in index and reason.split(" ", 1)[1] in index
    assert [f["path"] for f in findings_of(out)] == ["corpus/good.txt"]
    assert (corpus / "binary.txt").read_bytes().startswith(b"\x89PNG")


def test_warm_rescan_does_no_nlp_work_and_writes_the_same_outputs(db, tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    cold = scan(db, corpus, out)
    assert cold["work"]["checked"] == 3 and cold["work"]["pipelines_built"] == 1
    first = {name: (out / name).read_bytes() for name in ("findings.jsonl", "results.sarif")}
    warm = scan(db, corpus, out)
    assert warm["work"]["checked"] == 0
    assert warm["work"]["pipelines_built"] == 0  # spaCy was not even loaded
    assert warm["work"]["cached"] == 3 and warm["work"]["pages_kept"] == 3
    assert {name: (out / name).read_bytes() for name in first} == first
    assert warm["articles"] == cold["articles"] and warm["totals"] == cold["totals"]


def test_changing_one_article_rechecks_only_that_article(db, tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    scan(db, corpus, out)
    (corpus / "right.md").write_text(RIGHT + "\nYou can deduct IRA losses.\n", encoding="utf-8")
    summary = scan(db, corpus, out)
    assert summary["work"]["checked"] == 1 and summary["work"]["cached"] == 2
    right = next(a for a in summary["articles"] if a["path"].endswith("right.md"))
    assert right["counts"]["false"] == 1
    page = (out / right["page"]).read_text(encoding="utf-8")
    assert "You can deduct IRA losses." in page


def test_changing_a_claim_rechecks_every_article(db, tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    scan(db, corpus, out)
    house = tmp_path / "house"
    house.mkdir()
    text = (builtin_claims_dir() / "retirement-losses.yaml").read_text(encoding="utf-8")
    new_says = "Losses inside a 401(k) or IRA are deductible (house wording)."
    text = text.replace("says: Losses inside a 401(k) or IRA can be deducted on your tax return.",
                        f"says: {new_says}")
    assert new_says in text
    (house / "retirement-losses.yaml").write_text(text, encoding="utf-8")
    changed = load_claims([house])
    assert changed.version != db.version
    summary = scan(changed, corpus, out)
    assert summary["work"]["checked"] == 3 and summary["work"]["cached"] == 0
    assert any(f["says"] == new_says.rstrip(".").replace("Losses", "losses", 1)
               and f["message"].startswith("Says losses inside a 401(k) or IRA are deductible")
               for f in findings_of(out))


def test_a_corrupt_cache_entry_is_discarded_and_recomputed(db, tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    cold = scan(db, corpus, out)
    entries = sorted((out / ".taxcheck-cache").rglob("*.json"))
    assert len(entries) == 3
    entries[0].write_text('{"format": 2, "key": "trunc', encoding="utf-8")
    entries[1].write_bytes(b"\x00\xff garbage")
    # the third keeps its outcome but loses its report, needed because its page is gone
    head = entries[2].read_text(encoding="utf-8").split("\n")[0]
    entries[2].write_text(head + '\n{"path": "trunc', encoding="utf-8")
    key = json.loads(head)["key"]
    manifest = json.loads((out / ".taxcheck-manifest.json").read_text(encoding="utf-8"))
    page = next(p for p, k in manifest["pages"].items() if k == key)
    (out / page).unlink()
    summary = scan(db, corpus, out)
    assert summary["work"]["cache_discarded"] == 3
    assert summary["work"]["checked"] == 3 and summary["work"]["cached"] == 0
    assert summary["articles"] == cold["articles"]
    assert (out / page).is_file()
    assert json.loads(entries[0].read_text(encoding="utf-8").split("\n")[0])["outcome"]


def test_no_cache_checks_everything_and_writes_no_cache(db, tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    scan(db, corpus, out, cache_dir=None)
    summary = scan(db, corpus, out, cache_dir=None)
    assert summary["work"]["checked"] == 3
    assert not (out / ".taxcheck-cache").exists()


def test_rerun_replaces_outputs_and_keeps_unrelated_files(db, tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "README.txt").write_text("mine", encoding="utf-8")
    first = scan(db, corpus, out)
    old_page = out / next(a["page"] for a in first["articles"] if a["path"].endswith("right.md"))
    (out / "pages" / "mine.html").write_text("mine", encoding="utf-8")
    (corpus / "right.md").unlink()
    summary = scan(db, corpus, out)
    assert len(summary["articles"]) == 2 and summary["work"]["pages_removed"] == 1
    assert not old_page.exists()
    assert (out / "README.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "pages" / "mine.html").read_text(encoding="utf-8") == "mine"
    assert not [p for p in out.rglob("*.tmp")]


def test_out_inside_an_input_folder_is_refused(tmp_path):
    corpus = make_corpus(tmp_path)
    before = sorted(corpus.rglob("*"))
    result = invoke("scan", str(corpus), "--out", str(corpus / "reports"), cwd=tmp_path)
    assert result.returncode == 2
    assert "is inside the input folder" in result.stderr
    assert sorted(corpus.rglob("*")) == before


def test_globs_lists_and_missing_inputs(tmp_path):
    corpus = make_corpus(tmp_path)
    (tmp_path / "list.txt").write_text(
        "# articles to check\ncorpus/sub\n\ncorpus/missing.txt\n", encoding="utf-8")
    result = invoke("scan", "corpus/*.txt", "--from-file", "list.txt", "--out", "out",
                    "--no-cache", "--fail-on", "never", "-q", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr == "taxcheck: error: corpus/missing.txt: TC206 no such file or folder\n"
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert [a["path"] for a in summary["articles"]] == [
        "corpus/wrong.txt", "corpus/sub/seed.txt", "corpus/missing.txt"]
    assert not (corpus / "out").exists()


def test_fail_on_never_and_clean_corpus_exit_0(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "right.md").write_text(RIGHT, encoding="utf-8")
    clean = invoke("scan", "corpus", "--out", "out", "--jobs", "1", cwd=tmp_path)
    assert clean.returncode == 0, clean.stderr
    (corpus / "wrong.txt").write_text(WRONG, encoding="utf-8")
    assert invoke("scan", "corpus", "--out", "out", "--jobs", "1", cwd=tmp_path).returncode == 1
    assert invoke("scan", "corpus", "--out", "out", "--fail-on", "never", "--jobs", "1",
                  cwd=tmp_path).returncode == 0


def test_article_text_is_escaped_in_the_index(db, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text("<script>alert(1)</script> Losses\n\n" + WRONG.split("\n\n")[1],
                                  encoding="utf-8")
    out = tmp_path / "out"
    scan(db, corpus, out)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in index
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index


def test_progress_bar_when_asked(tmp_path):
    corpus = make_corpus(tmp_path)
    result = invoke("scan", "corpus", "--out", "out", "--progress", "--jobs", "1",
                    cwd=tmp_path)
    assert re.search(r"^scan: \d/3 files · [\d,]+ words/s · (ETA|elapsed) \d+:\d\d$",
                     result.stderr.replace("\r", "\n"), re.MULTILINE)
    plain = invoke("scan", str(corpus), "--out", "out", "--jobs", "1", cwd=tmp_path)
    assert "words/s" not in plain.stderr  # not a terminal: no bar for a short scan


def test_page_names_are_stable_readable_and_unique():
    assert page_name("corpus/a-myths.txt") == "pages/corpus/a-myths.txt.html"
    assert page_name("export.jsonl#42") == "pages/export.jsonl/42.html"
    odd = page_name("my articles/über.md")
    assert re.fullmatch(r"pages/my-articles/ber\.md-[0-9a-f]{8}\.html", odd)
    assert odd == page_name("my articles/über.md") != page_name("my-articles/über.md")
    assert page_name("../x.txt") != page_name("up/x.txt")
    namer = PageNamer()
    assert len({namer.name(p) for p in ("A.txt", "a.txt", "a.txt")}) == 3


def test_jsonl_records_are_articles(db, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"id": "a1", "title": "Losses", "text": WRONG.split("\n\n")[1]},
               {"id": "a2", "title": "Fine", "text": "You cannot deduct losses inside your IRA."}]
    (corpus / "cms.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n",
                                      encoding="utf-8")
    out = tmp_path / "out"
    summary = scan(db, corpus, out)
    paths = [a["path"] for a in summary["articles"]]
    assert paths == [f"{corpus / 'cms.jsonl'}#a1", f"{corpus / 'cms.jsonl'}#a2"]
    assert summary["articles"][0]["counts"]["false"] == 1
    assert all((out / a["page"]).is_file() for a in summary["articles"])
    assert {f["path"] for f in findings_of(out)} == set(paths)
    assert scan(db, corpus, out)["work"]["checked"] == 0
