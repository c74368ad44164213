"""Label and value (issue 12, page structure): a "Label: value" line, a table row or a
definition list whose label names the rule and whose value is the figure or the age.

The same wrong statements are given in several page shapes (plain text with colons,
a Markdown pipe table, an HTML table, an HTML definition list) and must be flagged in each.
Every article here was written for these tests.
"""

from __future__ import annotations

from collections import Counter

import pytest

from taxcheck.readers import read_bytes

INTRO = "Each year the limits change, and a few of the old numbers keep circulating online."

ROWS = [
    ("Age when required distributions start", "72", "rmd-start-age-72"),
    ("Max compensation counted for 2026", "$330,000", "compensation-limit"),
    ("Age RMDs begin", "72", "rmd-start-age-72"),
]


def _plain() -> str:
    return "\n\n".join(["Retirement numbers at a glance", INTRO,
                        *(f"{label}: {value}" for label, value, _ in ROWS)]) + "\n"


def _markdown() -> str:
    rows = "\n".join(f"| {label} | {value} |" for label, value, _ in ROWS)
    return f"# Retirement numbers at a glance\n\n{INTRO}\n\n| Rule | Figure |\n|---|---|\n{rows}\n"


def _page(body: str) -> str:
    filler = ("<p>Ask your plan administrator if you are unsure which of these limits "
              "applies to you, since some plans set lower caps of their own.</p>")
    return ("<!DOCTYPE html><html><head><title>Retirement numbers</title></head><body>"
            "<article><h1>Retirement numbers at a glance</h1>"
            f"<p>{INTRO} Below are the figures savers ask about most often.</p>"
            f"<h2>The numbers</h2>{body}{filler}</article></body></html>")


def _html_table() -> str:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value, _ in ROWS)
    return _page(f"<table><tr><th>Rule</th><th>Figure</th></tr>{rows}</table>")


def _html_dl() -> str:
    items = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value, _ in ROWS)
    return _page(f"<dl>{items}</dl>")


SHAPES = {"plain.txt": _plain, "table.md": _markdown, "table.html": _html_table,
          "definitions.html": _html_dl}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_label_names_the_rule_and_the_value_is_its_figure_or_age(checker, name):
    report = checker.check(read_bytes(SHAPES[name]().encode(), name))
    flagged = Counter(f.claim_id for f in report.findings if f.verdict != "accurate")
    assert flagged == Counter(claim for _, _, claim in ROWS)


def test_definition_term_is_read_with_its_description_not_on_its_own():
    document = read_bytes(_html_dl().encode(), "definitions.html")
    texts = [b.text for b in document.blocks]
    assert "Age when required distributions start: 72" in texts
    assert "Age when required distributions start" not in texts
    assert "72" not in texts


def test_an_age_in_the_value_of_a_label_without_age_is_not_an_rmd_age(check_text):
    findings = check_text("Required minimum distributions — Pages: 72").findings
    assert not [f for f in findings if f.claim_id == "rmd-start-age-72"]


def test_plain_text_table_without_a_header_row_reads_its_first_row_too(checker):
    text = ("Quick reference\n\nA few of the numbers people ask about.\n\n"
            "Salary deferral limit 2026\t$23,000\nIRA limit 2026\t$6,500\n")
    report = checker.check(read_bytes(text.encode(), "reference.txt"))
    flagged = {(f.claim_id, f.verdict) for f in report.findings}
    assert flagged == {("elective-deferral-limit", "outdated"), ("ira-limit", "false")}
    # the first row is not taken as the column header of the second
    assert all("$23,000: $6,500" not in f.text for f in report.findings)


def test_table_with_a_header_row_keeps_it_as_column_headers():
    text = "Limits\n\nLimit\t2025\t2026\nIRA limit\t$7,000\t$7,500\n"
    document = read_bytes(text.encode(), "limits.txt")
    assert "IRA limit — 2026: $7,500" in [b.text for b in document.blocks]


@pytest.mark.parametrize("text, ages", [
    ("Age when RMDs begin: 73", [73]),
    ("Age RMDs start — 2026: 74", [74]),
    ("RMD age in 2026: 73 — or 75 if your birth year is 1960 or later.", [73, 75]),
    # an age stated after "age" keeps its place; a later count is not an age
    ("At age 50, you can add: 10 more", [50]),
    ("Ages 60–63 — 2026: $11,250", [60]),
])
def test_age_named_by_a_label_is_the_value(text, ages):
    from taxcheck.nlp.quantities import find_quantities

    assert [q.value for q in find_quantities(text) if q.kind == "age"] == ages


def test_wrong_rmd_age_in_a_label_line_is_flagged(check_text):
    findings = check_text("Age when required withdrawals begin: 74").findings
    assert [(f.claim_id, f.verdict) for f in findings] == [("rmd-start-age", "false")]


@pytest.mark.parametrize("line, label", [
    ("Maximum plan loan -- $10,000", "Maximum plan loan"),
    ("Loan limit — $10,000", "Loan limit"),
    ("IRA catch-up, 2026 = $1,000", "IRA catch-up, 2026"),
    ("RMD start age      72", "RMD start age"),
    ("Step 2 - Open the account", None),
    ("Ages 60 - 63", None),
    ("Roth IRA rules - 2026 update", None),
])
def test_label_set_off_by_a_dash_or_a_gap_is_a_statement_not_a_heading(line, label):
    text = f"Quick reference\n\nThe numbers readers ask about most.\n\n{line}\n"
    block = read_bytes(text.encode(), "reference.txt").blocks[-1]
    assert (block.kind, block.row) == (("paragraph", label) if label else ("heading", None))


def test_plan_loan_cap_set_off_by_a_double_hyphen_is_flagged(check_text):
    findings = check_text("Maximum plan loan -- $10,000").findings
    assert [(f.claim_id, f.verdict) for f in findings] == [("plan-loan-10000-cap", "false")]


def test_age_set_off_by_a_gap_of_spaces_is_the_rmd_age(check_text):
    findings = check_text("RMD start age      72").findings
    assert [(f.claim_id, f.verdict) for f in findings] == [("rmd-start-age-72", "outdated")]


def test_html_fragment_read_directly_keeps_table_rows_and_definitions(checker):
    fragment = ("<h2>2026 cheat sheet</h2><p>The numbers readers ask about most.</p>"
                "<table><tr><th>Limit</th><th>2026</th></tr>"
                "<tr><td>IRA contribution limit</td><td>$6,500</td></tr></table>"
                "<p>Plans set their own rules too.</p>"
                "<dl><dt>Age when RMDs start</dt><dd>72</dd></dl>")
    document = read_bytes(fragment.encode(), "fragment.html")
    texts = [b.text for b in document.blocks]
    assert "IRA contribution limit — 2026: $6,500" in texts
    assert "Age when RMDs start: 72" in texts
    flagged = {f.claim_id for f in checker.check(document).findings}
    assert flagged == {"ira-limit", "rmd-start-age-72"}


# -- label lines, asked row labels and wrapped lines in plain-text exports ----------------------

_ASKED_TABLES = [
    "401(k) loan | Hardship withdrawal\nCan you put it back? Yes, through payroll | Yes, any "
    "time you like\nTaxed? Not if you repay on schedule | No, it is tax-free\n",
    "| Plan loan | Hardship withdrawal |\n| Can you pay it back? Yes, over five years | Yes, "
    "within three years |\n| Taxable? No | No, it's tax-free |\n",
    "Loan | Hardship\nMust it be repaid? Yes | Yes, like a loan\nIncome tax? No | None at all\n",
]


@pytest.mark.parametrize("table", _ASKED_TABLES)
def test_a_row_asked_as_a_question_before_its_first_answer_labels_every_column(checker,
                                                                               table):
    """A header with a name over every column and rows "Question? answer | answer": the
    export lost the empty corner cell, so each answer is read under its own column."""
    doc = read_bytes(f"Loans and hardship money\nUpdated May 1, 2026\n{table}".encode(),
                     "t.txt")
    cells = [b.text for b in doc.blocks if b.kind == "table_cell"]
    assert len(cells) == 4 and not any("?" in c for c in cells)
    assert all(" \u2014 " in c and ": " in c for c in cells)
    report = checker.check(doc, tax_year=2026)
    flagged = {(f.claim_id, f.verdict) for f in report.findings}
    assert ("hardship-withdrawal-repayable", "false") in flagged
    assert ("hardship-withdrawal-tax-free", "false") in flagged


@pytest.mark.parametrize("lines", [
    "Catch-up trigger: above $150,000 of 2025 FICA wages at your employer\n"
    "IRA contribution limit: $7,000\nDeferral limit: $24,500\n",
    "Roth catch-up rule: applies above $150,000 in 2025 Social Security wages\n"
    "IRA contribution limit: $7,000\nDeferral limit: $24,500\n",
    "Wage test for Roth catch-ups: $150,000 of 2025 pay from this employer\n"
    "IRA contribution limit: $7,000\nDeferral limit: $24,500\n",
])
def test_a_long_label_line_is_no_heading_and_lends_no_year(checker, lines):
    """A "Label: value" line with an amount is a statement even when its value is long: it
    is neither joined to the label line under it nor a heading whose year dates them."""
    doc = read_bytes(f"Your 2026 numbers\nUpdated March 1, 2026\nKey figures\n{lines}".encode(),
                     "k.txt")
    assert [b.kind for b in doc.blocks[3:]] == ["paragraph"] * 3
    report = checker.check(doc, tax_year=2026)
    flagged = {(f.claim_id, f.verdict, f.line) for f in report.findings}
    assert ("ira-limit", "outdated", 5) in flagged
    assert ("elective-deferral-limit", "accurate", 6) in flagged


@pytest.mark.parametrize("row", ["Rollover IRA at the bank: about $80k",
                                 "Old rollover IRA from a past job: around $60,000",
                                 "Roth IRA at the credit union: roughly $25k"])
def test_a_label_line_does_not_take_the_loan_of_the_line_before(checker, row):
    text = ("Where I stand\nPosted by kim on May 2, 2026\nMy accounts today:\n"
            f"401(k) at work: about $300k\nUnpaid 401(k) loan: around $9,000\n{row}\n")
    report = checker.check(read_bytes(text.encode(), "f.txt"), tax_year=2026)
    assert not [f for f in report.findings if f.claim_id == "ira-loan"]


def test_a_hard_wrapped_line_is_no_heading():
    text = ("Newsletter\n\nSome readers assume a falling IRA is automatically\n"
            "deductible on Schedule A. It isn't.\n\nMore next month.\n")
    doc = read_bytes(text.encode(), "n.txt")
    assert "heading" not in [b.kind for b in doc.blocks]
    assert any(b.text.startswith("Some readers assume a falling IRA is automatically "
                                 "deductible") for b in doc.blocks)
