"""Contradictions: an article that states a fact rightly in one sentence and wrongly in
another. Shown in every output format, counted in every summary; never a sentence paired
with itself, never two different quantities that merely rest on one fact."""

from __future__ import annotations

import json

import pytest

from conftest import invoke
from html_dom import parse
from taxcheck.render import render_github, render_html, render_json, render_jsonl, render_text
from taxcheck.render.github import render_step_summary
from taxcheck.render.sarif import sarif_log

RIGHT = "The 401(k) limit for 2025 is $23,500, so plan your payroll deferrals early."
WRONG = "If you fell behind, remember that the 401(k) limit for 2025 is $23,000."
ARTICLE = f"Limits\n\n{RIGHT}\n\nLosses in a 401(k) are not deductible.\n\n{WRONG}\n"


@pytest.fixture(scope="module")
def report(checker):
    from taxcheck.readers import read_bytes

    return checker.check(read_bytes(ARTICLE.encode(), "limits.txt"), tax_year=2025)


@pytest.fixture(scope="module")
def pair(report):
    [(contradiction, wrong, right)] = report.visible_contradictions()
    assert (wrong.sentence, wrong.line, right.sentence, right.line) == (WRONG, 7, RIGHT, 3)
    return contradiction, wrong, right


def test_text_output_shows_and_counts_it(report, pair):
    text = render_text([report])
    assert ("limits.txt:7:1: warning [contradiction] line 7 contradicts line 3: the article "
            f"first says \"{RIGHT}\" and then \"{WRONG}\"") in text
    assert text.rstrip().endswith(", 1 contradiction in 1 file")


def test_json_lists_it_with_both_findings_and_counts_it(report, pair):
    contradiction, wrong, right = pair
    (data,) = json.loads(render_json([report]))
    assert data["contradictions"] == [{"fact": "elective-deferral-limit", "accurate": right.id,
                                       "wrong": wrong.id, "message": contradiction.message}]
    assert data["counts"]["contradictions"] == 1
    records = [json.loads(line) for line in render_jsonl([report]).splitlines()]
    assert [r.get("contradicts") for r in records if r["id"] == wrong.id] == [[right.id]]
    assert all("contradicts" not in r for r in records if r["id"] != wrong.id)


def test_sarif_has_one_result_at_both_sentences(report, pair):
    _, wrong, right = pair
    run = sarif_log([report])["runs"][0]
    (result,) = [r for r in run["results"] if r["ruleId"] == "contradiction"]
    regions = [loc["physicalLocation"]["region"] for loc in result["locations"]]
    assert [(r["startLine"], r["snippet"]["text"]) for r in regions] == [
        (7, wrong.text), (3, right.text)]
    assert [loc["message"]["text"].split(":")[0] for loc in result["locations"]] == [
        "wrong", "correct"]
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "contradiction" and result["level"] == "warning"


def test_github_annotates_the_wrong_sentence_and_lists_it_in_the_summary(report):
    lines = render_github([report]).splitlines()
    (annotation,) = [line for line in lines if "[contradiction]" in line]
    assert annotation.startswith("::warning file=limits.txt,line=7,")
    assert f"Correct (line 3): {RIGHT}" in annotation
    assert lines[-1].endswith(", 1 contradiction in 1 file")
    summary = render_step_summary([report])
    assert "| contradiction | wrong | correct |" in summary
    assert "line 3: The 401(k) limit for 2025 is $23,500" in summary
    assert render_github([report], min_severity="error").count("[contradiction]") == 0


def test_the_html_page_links_both_sentences(report, pair):
    dom = parse(render_html([report]))
    box = dom.find(cls="contradictions")
    assert box.find("h3").text() == "The article contradicts itself once"
    links = [a.attrs["href"] for a in box.find_all("a")]
    notes = {n.attrs["id"]: n for n in dom.find_all("article", cls="note")}
    wrong_note = next(i for i, n in notes.items() if WRONG in n.text())
    right_note = next(i for i, n in notes.items() if RIGHT in n.text())
    assert links == [f"#{wrong_note}", f"#{right_note}"]
    flag = notes[wrong_note].find(cls="note-contradiction")
    assert flag.find("a").attrs["href"] == f"#{right_note}"
    assert "which states it correctly" in flag.text()


def test_scan_counts_it_in_the_summary_line_and_summary_json(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "limits.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("scan", str(corpus), "--out", str(tmp_path / "out"), "-j", "1",
                    "--tax-year", "2025", "--no-progress")
    assert "0 debunked myths, 2 verified, 1 contradiction\n" in result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"]["contradictions"] == 1
    assert summary["articles"][0]["counts"]["contradictions"] == 1
    sarif = json.loads((tmp_path / "out" / "results.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]].count("contradiction") == 1


@pytest.mark.parametrize("text", [
    # one sentence that says both is not paired with itself
    "You cannot write off 401(k) losses, but you can use your 401(k) losses to offset "
    "capital gains.",
    # two different limits (different years of one figure) share a fact, not a quantity
    "The 401(k) limit for 2025 is $23,500.\n\nThe 401(k) limit for 2026 is $23,500.",
    # an amount another figure of its sentence owns is not the deferral limit stated wrongly
    "The 401(k) limit for 2025 is $23,500.\n\nThe catch-up limit is $7,500.",
])
def test_no_contradiction_without_two_statements_of_one_quantity(checker, text):
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(f"Limits\n\n{text}\n".encode(), "x.txt"), tax_year=2025)
    assert report.contradictions == []
    assert "contradiction" not in render_text([report])
    assert all(r["ruleId"] != "contradiction" for r in sarif_log([report])["runs"][0]["results"])
    assert parse(render_html([report])).find_all(cls="contradictions") == []


def test_a_proposition_is_contradicted_only_by_its_denial(checker):
    """A proposition written with its denial (``negated``) is contradicted only by that
    denial: other correct claims of the same fact are other statements. A wrong claim
    without a denial of its own is contradicted by any correct statement of its fact."""
    from taxcheck.readers import read_bytes

    def pairs(text: str) -> set[tuple[str, str]]:
        report = checker.check(read_bytes(text.encode(), "x.txt"))
        by_id = {f.id: f for f in report.findings}
        return {(by_id[c.wrong].claim_id, by_id[c.accurate].claim_id)
                for c in report.contradictions}

    # retirement-loss-not-deductible is the denial of retirement-loss-offsets-gains;
    # retirement-loss-deductible has no denial of its own
    assert pairs("Limits\n\nYou cannot deduct losses inside a 401(k).\n\nLater that year, "
                 "you can deduct your 401(k) losses on your tax return.\n\nYou can use your "
                 "401(k) losses to offset capital gains from other investments.\n") == {
        ("retirement-loss-offsets-gains", "retirement-loss-not-deductible"),
        ("retirement-loss-deductible", "retirement-loss-not-deductible")}
    # a required minimum distribution rule of the same fact does not deny that being still
    # at work delays IRA distributions (rmd-still-working-ira and its denial)
    assert pairs("RMDs\n\nYour first RMD can wait until April 1 of the year after you turn "
                 "73.\n\nIf you are still working, you can delay RMDs from your IRA.\n") == set()
