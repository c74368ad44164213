"""Inline suppressions in Markdown, HTML and plain text, and how each output shows them."""

from __future__ import annotations

import json

from conftest import invoke

DEDUCT = "You can deduct your 401(k) losses on your tax return."
DEDUCT_IRA = "Also, you can deduct your IRA losses on your tax return."
AMEND = "You can file an amended return to claim your 401(k) loss."


def states(report) -> list[tuple[str, int, bool]]:
    """(claim id, line, suppressed) of every finding."""
    return [(f.claim_id, f.line, f.suppressed) for f in report.findings]


def test_disable_and_enable_a_claim_in_markdown(check_text):
    report = check_text(
        "# Title\n\n"
        "<!-- taxcheck-disable retirement-loss-deductible -->\n"
        f"{DEDUCT}\n\n"
        f"{AMEND}\n"
        "<!-- taxcheck-enable retirement-loss-deductible -->\n\n"
        f"{DEDUCT_IRA}\n", ".md")
    assert states(report) == [("retirement-loss-deductible", 4, True),
                              ("retirement-loss-amended-return", 6, False),
                              ("retirement-loss-deductible", 9, False)]
    assert report.counts()["false"] == 2
    assert report.warnings == []


def test_blanket_disable_silences_every_claim_to_the_end(check_text):
    report = check_text(f"{AMEND}\n\n<!-- taxcheck-disable -->\n\n{DEDUCT}\n\n{AMEND}\n")
    assert states(report) == [("retirement-loss-amended-return", 3, False),
                              ("retirement-loss-deductible", 7, True),
                              ("retirement-loss-amended-return", 9, True)]


def test_blanket_disable_can_let_one_claim_back_on(check_text):
    report = check_text("<!-- taxcheck-disable -->\n"
                        f"{DEDUCT}\n\n"
                        "<!-- taxcheck-enable retirement-loss-amended-return -->\n"
                        f"{AMEND} {DEDUCT_IRA}\n\n"
                        "<!-- taxcheck-enable -->\n"
                        f"{DEDUCT}\n")
    assert states(report) == [("retirement-loss-deductible", 4, True),
                              ("retirement-loss-amended-return", 7, False),
                              ("retirement-loss-deductible", 7, True),
                              ("retirement-loss-deductible", 10, False)]


def test_disable_next_line_in_plain_text_is_one_line_only(check_text):
    report = check_text(f"<!-- taxcheck-disable-next-line -->\n{DEDUCT}\n{AMEND}\n\n{DEDUCT}\n")
    assert states(report) == [("retirement-loss-deductible", 4, True),
                              ("retirement-loss-amended-return", 5, False),
                              ("retirement-loss-deductible", 7, False)]
    assert all("taxcheck" not in f.text for f in report.findings)


def test_disable_next_line_with_an_id_spares_other_claims(check_text):
    report = check_text("# T\n\n<!-- taxcheck-disable-next-line retirement-loss-amended-return"
                        f" -- quoted from a reader's letter -->\n{DEDUCT} {AMEND}\n", ".md")
    assert states(report) == [("retirement-loss-deductible", 4, False),
                              ("retirement-loss-amended-return", 4, True)]
    assert report.warnings == []


def test_disable_next_line_skips_markup_only_lines_in_html(check_text):
    report = check_text(
        "<html><body>\n\n<h1>Title</h1>\n\n"
        "<!-- taxcheck-disable-next-line retirement-loss-deductible -->\n<div>\n"
        f"<p>{DEDUCT}</p>\n</div>\n\n"
        f"<p>{DEDUCT}</p>\n\n</body></html>\n", ".html")
    suppressed = {f.line: f.suppressed for f in report.findings
                  if f.claim_id == "retirement-loss-deductible"}
    assert suppressed == {7: True, 10: False}


def test_disable_line_at_the_end_of_a_sentence(check_text):
    report = check_text(f"# T\n\n{DEDUCT} <!-- taxcheck-disable-line -->\n\n{DEDUCT}\n", ".md")
    assert states(report) == [("retirement-loss-deductible", 3, True),
                              ("retirement-loss-deductible", 5, False)]


def test_a_topic_name_suppresses_all_its_claims(check_text):
    report = check_text(f"<!-- taxcheck-disable retirement-losses -->\n{DEDUCT} {AMEND}\n")
    assert [f.suppressed for f in report.findings] == [True, True]


def test_directive_lines_are_not_prose(check_text):
    report = check_text(f"<!-- taxcheck-disable-next-line -->\n{DEDUCT}\n")
    assert [b.kind for b in report.blocks] == ["title", "paragraph"]
    assert report.blocks[1].text == DEDUCT


def test_unknown_claim_id_and_unknown_directive_warn(check_text):
    report = check_text(f"<!-- taxcheck-disable-next-line retirement-loss-deductable -->\n"
                        f"{DEDUCT}\n\n<!-- taxcheck-disable-nextline -->\n{AMEND}\n")
    assert report.warnings == [
        "snippet.txt:3: TC250 suppression names unknown claim 'retirement-loss-deductable' "
        "(did you mean 'retirement-loss-deductible'?) (see `taxcheck claims list`)",
        "snippet.txt:6: TC251 unknown suppression comment 'taxcheck-disable-nextline' (did "
        "you mean 'taxcheck-disable-next-line'? known: "
        "taxcheck-disable, taxcheck-enable, taxcheck-disable-next-line, taxcheck-disable-line)"]
    assert [f.suppressed for f in report.findings] == [False, False]


def test_cli_warns_on_stderr_and_the_exit_code_ignores_the_warning(tmp_path):
    article = tmp_path / "draft.md"
    # dated, so that no "no date found" warning joins the one under test
    article.write_text(f"---\ndate: 2026-03-03\n---\n# T\n\n"
                       f"<!-- taxcheck-disable no-such-claim -->\n{DEDUCT}\n")
    result = invoke("check", str(article))
    assert result.stderr.splitlines() == [
        f"taxcheck: warning: {article}:6: TC250 suppression names unknown claim "
        "'no-such-claim' (see `taxcheck claims list`)"]
    assert result.returncode == 1  # the finding still counts; the warning is no error


SUPPRESSED_ONLY = f"# T\n\n<!-- taxcheck-disable-next-line -->\n{DEDUCT}\n\n{AMEND}\n"


def test_text_hides_suppressed_findings_and_does_not_count_them(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(SUPPRESSED_ONLY)
    result = invoke("check", str(article))
    assert "retirement-loss-deductible" not in result.stdout
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings, 0 verified claims in 1 file"
    article.write_text(f"# T\n\n<!-- taxcheck-disable -->\n{DEDUCT}\n\n{AMEND}\n")
    clean = invoke("check", str(article))
    assert clean.returncode == 0
    assert clean.stdout == "0 errors, 0 warnings, 0 verified claims in 1 file\n"


def test_json_and_jsonl_show_suppressed_findings(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(SUPPRESSED_ONLY)
    report = json.loads(invoke("check", str(article), "--format", "json").stdout)[0]
    assert [(f["claim_id"], f["suppressed"]) for f in report["findings"]] == [
        ("retirement-loss-deductible", True), ("retirement-loss-amended-return", False)]
    assert report["counts"]["false"] == 1
    lines = invoke("check", str(article), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["suppressed"] for line in lines] == [True, False]


def test_sarif_marks_suppressed_results(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(SUPPRESSED_ONLY)
    run = json.loads(invoke("check", str(article), "--format", "sarif").stdout)["runs"][0]
    marks = [(r["ruleId"], r.get("suppressions")) for r in run["results"]]
    assert marks == [("retirement-loss-deductible", [{"kind": "inSource",
                                                       "status": "accepted"}]),
                     ("retirement-loss-amended-return", None)]


def test_comments_shown_as_code_in_markdown_are_examples_not_directives(check_text):
    report = check_text("# How to silence taxcheck\n\n"
                        "```markdown\n<!-- taxcheck-disable [ID...] -->\n```\n\n"
                        "Write `<!-- taxcheck-disable-next-line -->` above a line.\n"
                        f"{DEDUCT}\n", ".md")
    assert states(report) == [("retirement-loss-deductible", 8, False)]
    assert report.warnings == []


def test_a_suppression_that_silences_nothing_is_a_warning(check_text):
    report = check_text(f"<!-- taxcheck-disable-next-line retirement-loss-deductible -->\n"
                        f"{DEDUCT}\n\n<!-- taxcheck-disable-next-line ira-limit -->\n{AMEND}\n\n"
                        "<!-- taxcheck-disable-line -->Nothing to see here.\n")
    assert report.warnings == [
        "snippet.txt:6: TC252 'taxcheck-disable-next-line ira-limit' silences nothing here; "
        "remove it",
        "snippet.txt:9: TC252 'taxcheck-disable-line' silences nothing here; remove it"]
    assert [f.suppressed for f in report.findings] == [True, False]


def test_a_region_that_silences_something_is_not_reported(check_text):
    report = check_text(f"<!-- taxcheck-disable -->\n{DEDUCT}\n<!-- taxcheck-enable -->\n\n"
                        f"<!-- taxcheck-disable retirement-loss-deductible, ira-limit -->\n"
                        f"{DEDUCT}\n")
    assert all(f.suppressed for f in report.findings)
    assert report.warnings == [
        "snippet.txt:7: TC252 'taxcheck-disable ira-limit' silences nothing here; remove it"]
