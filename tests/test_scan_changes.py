"""What went stale: rescans after a claim database or tax-year change re-check only what
can have changed, and ``scan --compare`` lists exactly the articles whose findings moved."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, invoke
from taxcheck.claimdb import builtin_claims_dir, load_claims
from taxcheck.readers import read_bytes
from taxcheck.scan.dependencies import diff, snapshot

FIGURE_YEARS = ROOT / "tests" / "data" / "house-figures"
ARTICLES = {
    # dated 2023: the built-in RMD excise-rate table has no 2023 row until a house adds it
    "rmd-50.txt": "RMD rules for 2023\n\nPublished March 3, 2023\n\n"
                  "If you skip an RMD, the IRS charges a 50% penalty.\n",
    "rmd-25.txt": "Missed your RMD?\n\nPublished June 9, 2023\n\n"
                 "Forget your RMD and you will owe an excise tax of 25%.\n",
    # none of these names an RMD or a penalty
    "caploss.txt": "Capital losses\n\n"
                   "Capital losses can offset an unlimited amount of your ordinary income.\n",
    "limit.txt": "Saving for retirement\n\nThe 401(k) contribution limit is $23,500.\n",
    "ira.md": "# Losses in an IRA\n\nYou cannot deduct losses inside your IRA.\n",
}


def make_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def scan(root: Path, out: str, *args: str):
    return invoke("scan", "corpus", "--out", out, "--cache", "cache", "--jobs", "1", *args,
                  cwd=root)


def summary(root: Path, out: str) -> dict:
    return json.loads((root / out / "summary.json").read_text(encoding="utf-8"))


def changes(root: Path, out: str) -> list[dict]:
    lines = (root / out / "changes.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_a_house_figure_year_lists_exactly_the_two_articles_it_changes(tmp_path):
    make_corpus(tmp_path)
    first = scan(tmp_path, "before")
    assert summary(tmp_path, "before")["work"]["checked"] == 5
    result = scan(tmp_path, "after", "--compare", "before", "--claims", str(FIGURE_YEARS))
    assert result.returncode == 1, result.stderr  # caploss.txt is false, as before
    assert first.returncode == 1
    work = summary(tmp_path, "after")["work"]
    # only the two articles that name a missed RMD's penalty are checked again
    assert (work["checked"], work["cached"], work["cached_earlier_database"]) == (2, 3, 3)
    assert summary(tmp_path, "after")["rechecked"] == {"rmd-excise-rate": 2}
    assert [(a["path"], a["status"], [(c["kind"], c["claim_id"], c["old_verdict"],
                                       c["new_verdict"]) for c in a["changes"]])
            for a in changes(tmp_path, "after")] == [
        ("corpus/rmd-50.txt", "newly outdated",
         [("appeared", "rmd-excise-rate", None, "outdated")]),
        ("corpus/rmd-25.txt", "newly verified",
         [("appeared", "rmd-excise-rate", None, "accurate")]),
    ]
    cause = {"kind": "figure year added", "subject": "rmd-excise-rate", "year": 2023,
             "after": "25%"}
    assert all(c["causes"] == [cause] for a in changes(tmp_path, "after") for c in a["changes"])
    first_change = changes(tmp_path, "after")[0]["changes"][0]
    assert first_change["note"] == "pages/corpus/rmd-50.txt.html#note-1"
    assert first_change["text"] == "If you skip an RMD, the IRS charges a 50% penalty."
    page = (tmp_path / "after" / "pages" / "corpus" / "rmd-50.txt.html").read_text()
    assert 'id="note-1"' in page
    lines = result.stderr.splitlines()
    assert "re-checked 2 articles (2 touch rmd-excise-rate); 3 from the cache untouched by " \
           "the claim database's changes" in lines
    assert "claim database changes: figure year added: rmd-excise-rate 2023 (25%)" in lines
    assert "2 articles changed: 1 newly outdated, 1 newly verified" in lines
    html = (tmp_path / "after" / "changes.html").read_text(encoding="utf-8")
    assert "RMD rules for 2023" in html and "Missed your RMD?" in html
    assert "Capital losses" not in html
    assert 'href="pages/corpus/rmd-50.txt.html#note-1"' in html


def test_an_edited_claim_rechecks_only_articles_with_its_concepts(tmp_path):
    make_corpus(tmp_path)
    scan(tmp_path, "out")
    house = tmp_path / "house"
    house.mkdir()
    text = (builtin_claims_dir() / "capital-losses.yaml").read_text(encoding="utf-8")
    edited = text.replace("  - id: capital-loss-unlimited-offset\n"
                          "    fact: capital-loss-3000-limit-and-carryforward\n"
                          "    verdict: false\n", "  - id: capital-loss-unlimited-offset\n"
                          "    fact: capital-loss-3000-limit-and-carryforward\n"
                          "    verdict: misleading\n")
    assert edited != text
    (house / "capital-losses.yaml").write_text(edited, encoding="utf-8")
    result = scan(tmp_path, "out", "--compare", "out", "--claims", str(house))
    work = summary(tmp_path, "out")["work"]
    rechecked = summary(tmp_path, "out")["rechecked"]
    assert work["checked"] == sum(rechecked.values()) < 5
    assert work["checked"] + work["cached"] == 5
    # the capital-loss article is among those checked again, the RMD ones are not
    assert any(claim.startswith("capital-loss") for claim in rechecked)
    assert "changed" in result.stderr
    assert [a["path"] for a in changes(tmp_path, "out")] == ["corpus/caploss.txt"]
    [change] = changes(tmp_path, "out")[0]["changes"]
    assert (change["old_verdict"], change["new_verdict"]) == ("false", "misleading")
    assert change["causes"] == [{"kind": "claim edited",
                                 "subject": "capital-loss-unlimited-offset"}]
    assert changes(tmp_path, "out")[0]["status"] == "changed"  # still wrong, less so


def test_the_year_rollover_in_one_command(tmp_path):
    make_corpus(tmp_path)
    scan(tmp_path, "out", "--tax-year", "2025")
    result = scan(tmp_path, "out", "--tax-year", "2026", "--compare", "out")
    found = {a["path"]: a for a in changes(tmp_path, "out")}
    limit = found["corpus/limit.txt"]
    assert limit["status"] == "newly outdated"
    assert [(c["old_verdict"], c["new_verdict"], c["causes"]) for c in limit["changes"]] == [
        ("accurate", "outdated",
         [{"kind": "tax year moved", "subject": "tax year", "before": "2025",
           "after": "2026"}])]
    assert "corpus/caploss.txt" not in found  # a rule, not a figure: same verdict
    assert "newly outdated" in result.stderr


def test_compare_with_a_folder_that_is_no_scan_is_a_one_line_error(tmp_path):
    make_corpus(tmp_path)
    (tmp_path / "empty").mkdir()
    result = scan(tmp_path, "out", "--compare", "empty")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "taxcheck: error: empty/summary.json: TC240 not found (is it a `taxcheck scan --out` "
        "folder?)")
    assert not (tmp_path / "out").exists()


def test_a_scan_without_a_database_record_compares_with_unknown_causes(tmp_path):
    make_corpus(tmp_path)
    scan(tmp_path, "before", "--tax-year", "2023")
    (tmp_path / "before" / "claimdb.json").unlink()
    scan(tmp_path, "after", "--compare", "before", "--tax-year", "2023",
         "--claims", str(FIGURE_YEARS))
    # checked for the page's own year (2023), the clause is of 2023, so the house row
    # applies (checked for a later year, a title naming the page's own year dates nothing)
    found = changes(tmp_path, "after")
    assert "corpus/rmd-50.txt" in [a["path"] for a in found]
    assert all(a["changes"][0]["causes"] == [
        {"kind": "unknown (the earlier scan has no claimdb.json)"}] for a in found)
    html = (tmp_path / "after" / "changes.html").read_text(encoding="utf-8")
    assert "causes are unknown" in html


def test_diff_names_each_change_of_claims_and_figures(db):
    house = load_claims([FIGURE_YEARS])
    changes = diff(snapshot(db), snapshot(house))
    assert changes.summary() == ["figure year added: rmd-excise-rate 2023 (25%)"]
    assert sorted(changes.causes) == sorted(c.id for c in db.claims
                                            if c.figure == "rmd-excise-rate")
    assert changes.touched({"RMD", "PENALTY"}) == ["rmd-excise-rate"]
    assert changes.touched({"RMD", "ROTH_IRA", "CAPITAL_LOSS"}) == []
    back = diff(snapshot(house), snapshot(db))
    assert back.summary() == ["figure year removed: rmd-excise-rate 2023 (25%)"]
    assert diff(snapshot(db), snapshot(db)).empty


SOUNDNESS_ARTICLES = sorted(p for p in CORPUS.iterdir()
                            if p.is_file() and p.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("path", SOUNDNESS_ARTICLES, ids=lambda p: p.name)
def test_every_finding_rests_on_concepts_the_article_names(checker, db, path):
    """What re-checking only touched articles rests on: a finding's claim always has a
    condition that the article's recorded concepts meet."""
    report = checker.check(read_bytes(path.read_bytes(), str(path)))
    claims = {c.id: c for c in db.claims}
    for finding in report.findings:
        claim = claims[finding.claim_id]
        assert any(report.concepts.issuperset(c.all)
                   and (not c.any or report.concepts.intersection(c.any))
                   for c in claim.when), (finding.claim_id, finding.sentence)


def test_the_what_went_stale_page_runs_as_written(tmp_path):
    """Write each file docs/what-went-stale.md shows, run each command, and find each line
    of output and each JSON record it shows."""
    page = (ROOT / "docs" / "what-went-stale.md").read_text(encoding="utf-8")
    fence = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.M | re.S)
    stderr: list[str] = []
    done = {"files": 0, "commands": 0, "outputs": 0, "records": 0}
    for block in fence.finditer(page):
        lang, body = block["lang"], block["body"]
        first, _, rest = body.partition("\n")
        if lang in ("text", "yaml") and first.startswith("# "):
            target = tmp_path / first[2:]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rest if lang == "text" else body, encoding="utf-8")
            done["files"] += 1
        elif lang == "sh":
            args = shlex.split(body.strip())
            assert args[0] == "taxcheck"
            result = invoke(*args[1:], cwd=tmp_path)
            assert result.returncode == 0, f"{body}\n{result.stderr}"
            stderr = result.stderr.splitlines()
            done["commands"] += 1
        elif lang == "output":
            for line in body.strip().splitlines():
                assert any(s.startswith(line) for s in stderr), (line, stderr)
            done["outputs"] += 1
        elif lang == "json":
            shown = json.loads(body)
            records = {r["path"]: r for r in changes(tmp_path, "review")}
            actual = records[shown["path"]]
            assert actual["status"] == shown["status"]
            for want, got in zip(shown["changes"], actual["changes"], strict=True):
                assert {k: got[k] for k in want} == want
            done["records"] += 1
    assert done == {"files": 4, "commands": 3, "outputs": 2, "records": 1}


def _state(folder: str, findings: dict[str, dict[str, tuple[str, str]]]):
    from taxcheck.scan.changes import ArticleState, ScanState, Seen

    articles = {}
    for path, found in findings.items():
        article = ArticleState(path, path.title(), f"pages/{path}.html", 2026, None)
        for fid, (claim, verdict) in found.items():
            article.findings[fid] = Seen(claim, verdict, "warning", "m", f"text {fid}", 3,
                                         f"pages/{path}.html#note-1")
        articles[path] = article
    return ScanState(Path(folder), articles, None)


def test_articles_are_ordered_by_what_an_editor_must_do_first():
    from taxcheck.scan.changes import compare

    old = _state("old", {"a": {"1": ("c", "outdated")}, "b": {}, "c": {"3": ("c", "false")},
                         "d": {}, "e": {"5": ("c", "accurate")}, "gone": {}})
    new = _state("new", {"a": {}, "b": {"2": ("c", "accurate")},
                         "c": {"3": ("c", "misleading")}, "d": {"4": ("c", "false")},
                         "e": {"5": ("c", "outdated")}, "fresh": {"6": ("c", "false")}})
    result = compare(old, new)
    assert [(a.path, a.status) for a in result.articles] == [
        ("d", "newly false"), ("e", "newly outdated"), ("a", "fixed"), ("b", "newly verified"),
        ("c", "changed")]
    assert result.line() == ("5 articles changed: 1 newly false, 1 newly outdated, 1 fixed, "
                             "1 newly verified, 1 changed (1 new, 1 gone since the earlier "
                             "scan)")
    assert [c.kind for a in result.articles for c in a.changes] == [
        "appeared", "verdict changed", "disappeared", "appeared", "verdict changed"]
    assert all(c.causes == ("unknown (the earlier scan has no claimdb.json)",)
               for a in result.articles for c in a.changes)
