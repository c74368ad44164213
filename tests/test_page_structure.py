"""Real pages' structure: line breaks without blank lines, tables, "Label: value" lines,
datelines, encodings, huge blocks, folders and standard input.

Every article here was written for these tests. Each is given in several layouts (blank
lines, none, Markdown, HTML, a table) and must give the same claims in each.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import invoke
from taxcheck.checker import Checker
from taxcheck.readers import read_bytes
from taxcheck.readers.lines import dateline, joins, wrap_width

# -- invented articles, as (title, dateline, byline, [(heading, [lines])]) --------------------

ARTICLES = {
    "limits": (
        "How Much Can You Save in a 401(k) Next Year?",
        "Updated February 2, 2026 · 5 min read",
        "By Lee Ortiz",
        [("2026 401(k) limits", ["Employee deferral: $24,000", "Catch-up (50+): $8,000"]),
         ("Losses", ["A 401(k) loss cannot be deducted on your tax return."])],
    ),
    "ira": (
        "The IRA Numbers That Matter This Spring",
        "Published March 9, 2026",
        "By Rina Patel",
        [("2026 IRA limits", ["IRA contribution limit: $7,000", "IRA catch-up (50+): $1,100"]),
         ("One thing people get wrong", ["You can write off losses in your IRA on Schedule D."])],
    ),
    "catch-up": (
        "Over 50? Your Bigger Catch-Up, Explained",
        "Last reviewed: Jan. 20, 2026",
        "By Sam Whitaker",
        [("What the 2026 limits are", ["Catch-up (50+): $7,500",
                                       "Employee deferral: $24,500"])],
    ),
}


def _flat(article: tuple, sep: str) -> str:
    title, when, who, sections = article
    lines = [title, when, who]
    for heading, body in sections:
        lines.append(heading)
        lines.extend(body)
    return sep.join(lines) + "\n"


def _markdown(article: tuple) -> str:
    title, when, who, sections = article
    out = [f"# {title}", f"*{when}*", who, ""]
    for heading, body in sections:
        out += [f"## {heading}", *body, ""]
    return "\n".join(out)


def _html(article: tuple) -> str:
    title, when, who, sections = article
    body = [f"<h1>{html.escape(title)}</h1>", f"<p>{html.escape(when)}</p>",
            f"<p>{html.escape(who)}</p>"]
    for heading, lines in sections:
        body.append(f"<h2>{html.escape(heading)}</h2>")
        body.extend(f"<p>{html.escape(line)}</p>" for line in lines)
    return ("<!doctype html><html><head><title>x</title></head><body><article>"
            + "".join(body) + "</article></body></html>")


def _claims(checker, text: str, name: str) -> Counter:
    report = checker.check(read_bytes(text.encode(), name))
    return Counter((f.claim_id, f.verdict) for f in report.findings)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_same_claims_with_or_without_blank_lines_as_markdown_or_html(checker, name):
    article = ARTICLES[name]
    expected = _claims(checker, _flat(article, "\n\n"), "a.txt")
    assert expected, "the article states claims"
    assert _claims(checker, _flat(article, "\n"), "a.txt") == expected
    assert _claims(checker, _flat(article, "\r\n"), "a.txt") == expected
    assert _claims(checker, _markdown(article), "a.md") == expected
    assert _claims(checker, _html(article), "a.html") == expected


def test_label_lines_state_the_limit_their_heading_names(checker):
    report = checker.check(read_bytes(_flat(ARTICLES["limits"], "\n").encode(), "a.txt"))
    got = {(f.claim_id, f.verdict, f.text) for f in report.findings}
    assert ("elective-deferral-limit", "false", "Employee deferral: $24,000") in got
    assert ("catch-up-limit", "accurate", "Catch-up (50+): $8,000") in got
    assert any(f.claim_id.startswith("retirement-loss") for f in report.findings)


# -- tables -------------------------------------------------------------------------------

TABLE_ROWS = [("Employee deferral", "$23,500", "$24,000"), ("Catch-up (50+)", "$7,500", "$8,000")]


def _table_text(kind: str) -> str:
    header = ("Contribution type", "2025", "2026")
    rows = [header, *TABLE_ROWS]
    if kind == "pipes":
        return "\n".join(" | ".join(r) for r in rows)
    if kind == "markdown":
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join([lines[0], "|---|---:|---:|", *lines[1:]])
    if kind == "tabs":
        return "\n".join("\t".join(r) for r in rows)
    return "\n".join(f"{r[0]:<22}{r[1]:>10}{r[2]:>10}" for r in rows)


def _table_page(kind: str) -> tuple[str, str]:
    intro = "401(k) Limits by Year\nUpdated January 5, 2026\nHow the limits compare\n"
    if kind == "html":
        cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>"
                        for r in [("Contribution type", "2025", "2026"), *TABLE_ROWS])
        return ("<!doctype html><html><body><article><h1>401(k) Limits by Year</h1>"
                "<p>Updated January 5, 2026</p><h2>How the limits compare</h2>"
                f"<table>{cells}</table></article></body></html>", "t.html")
    if kind == "markdown":
        intro = "# 401(k) Limits by Year\n*Updated January 5, 2026*\n## How the limits compare\n"
        return intro + _table_text(kind) + "\n", "t.md"
    return intro + _table_text(kind) + "\n", "t.txt"


@pytest.mark.parametrize("kind", ["pipes", "markdown", "tabs", "spaces", "html"])
def test_table_cells_are_claims_with_their_column_year_and_row_label(checker, kind):
    text, name = _table_page(kind)
    document = read_bytes(text.encode(), name)
    cells = [b for b in document.blocks if b.kind == "table_cell"]
    assert [b.text for b in cells] == [
        "Employee deferral — 2025: $23,500", "Employee deferral — 2026: $24,000",
        "Catch-up (50+) — 2025: $7,500", "Catch-up (50+) — 2026: $8,000"]
    report = checker.check(document)
    got = sorted((f.claim_id, f.verdict, f.text) for f in report.findings)
    assert ("elective-deferral-limit", "false", "Employee deferral — 2026: $24,000") in got
    assert ("elective-deferral-limit", "accurate", "Employee deferral — 2025: $23,500") in got
    assert ("catch-up-limit", "accurate", "Catch-up (50+) — 2026: $8,000") in got
    wrong = next(f for f in report.findings if f.verdict == "false")
    # the finding points at the cell in the source
    assert text[wrong.start:wrong.end] == "$24,000"



@pytest.mark.parametrize("caption", [
    "Limits at a glance", "How the two years compare", "401(k) savings caps by year"])
def test_an_html_tables_caption_is_not_its_header_row(checker, caption):
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>"
                    for r in [("Contribution type", "2025", "2026"), *TABLE_ROWS])
    text = ("<!doctype html><html><body><article><h1>401(k) Limits by Year</h1>"
            "<p>Updated January 5, 2026</p><h2>How the limits compare</h2>"
            f"<table><caption>{caption}</caption>{cells}</table></article></body></html>")
    document = read_bytes(text.encode(), "t.html")
    assert not [b for b in document.blocks if b.kind == "table_cell" and caption in b.text]
    assert [b.text for b in document.blocks if b.kind == "table_cell"][:2] == [
        "Employee deferral — 2025: $23,500", "Employee deferral — 2026: $24,000"]
    got = {(f.claim_id, f.verdict, f.text) for f in checker.check(document).findings}
    # last year's column is checked for last year, not reported as an outdated figure
    assert ("catch-up-limit", "accurate", "Catch-up (50+) — 2025: $7,500") in got
    assert not [g for g in got if g[2].endswith("$7,500") and g[1] != "accurate"]


def test_a_captions_year_dates_the_rows_of_its_table(checker):
    rows = [("Filing status", "Phase-out range"), ("Single", "$146,000 – $161,000"),
            ("Married filing jointly", "$230,000 – $240,000")]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    text = ("<!doctype html><html><body><article><h1>Roth IRA income limits</h1>"
            "<h2>Who can contribute?</h2><table><caption>2024 Roth IRA income ranges"
            f"</caption>{body}</table></article></body></html>")
    found = checker.check(read_bytes(text.encode(), "t.html"), tax_year=2026).findings
    assert [f for f in found if "phaseout" in f.claim_id and f.verdict != "accurate"] == []

def test_a_question_header_reads_as_a_statement():
    text = "Which account?\nAccount | Taxed when converted?\nPre-tax IRA | Yes, in full\n"
    cells = [b for b in read_bytes(text.encode(), "q.txt").blocks if b.kind == "table_cell"]
    assert [b.text for b in cells] == ["Pre-tax IRA — Taxed when converted: Yes, in full"]


@pytest.mark.parametrize("name", ["q.txt", "q.html"])
def test_a_question_row_label_is_the_subject_of_its_cells(checker, name):
    rows = [("Feature", "Hardship withdrawal", "401(k) loan"),
            ("10% penalty before 59½?", "Waived once the hardship is approved",
             "Only if the loan defaults")]
    if name.endswith(".html"):
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        text = ("<!doctype html><html><body><article><h1>Which one?</h1>"
                f"<table>{body}</table></article></body></html>")
    else:
        text = "Which one?\n" + "\n".join(" | ".join(r) for r in rows) + "\n"
    document = read_bytes(text.encode(), name)
    cells = [b.text for b in document.blocks if b.kind == "table_cell"]
    assert cells[0] == ("10% penalty before 59½ — Hardship withdrawal: "
                        "Waived once the hardship is approved")
    found = {(f.claim_id, f.verdict) for f in checker.check(document, tax_year=2026).findings}
    assert ("hardship-withdrawal-penalty-free", "false") in found


# -- line structure -----------------------------------------------------------------------

def test_a_page_without_blank_lines_keeps_its_blocks():
    text = ("Can You Deduct a Drop in Your IRA?\n"
            "Updated May 1, 2023 | Posted April 2, 2022\n"
            "By Jo Tran\n"
            "What this covers\n"
            "- Why a falling balance is not a deduction\n"
            "- The rare exception\n"
            "Step 1: Add up what you put in.\n"
            "Step 2: Compare it with what came out\n"
            "Markets fell sharply and many savers saw their balances shrink over the\n"
            "spring, which raised questions about\n"
            "deductions.\n")
    document = read_bytes(text.encode(), "p.txt")
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert kinds == [
        ("title", "Can You Deduct a Drop in Your IRA?"),
        ("dateline", "Updated May 1, 2023 | Posted April 2, 2022"),
        ("byline", "By Jo Tran"),
        ("heading", "What this covers"),
        ("list_item", "Why a falling balance is not a deduction"),
        ("list_item", "The rare exception"),
        ("list_item", "Add up what you put in."),
        ("list_item", "Compare it with what came out"),
        ("paragraph", "Markets fell sharply and many savers saw their balances shrink over the "
                      "spring, which raised questions about deductions."),
    ]
    assert [b.number for b in document.blocks if b.text.startswith(("Add", "Compare"))] == [1, 2]
    # the latest date wins, and the report says where it came from
    assert document.meta.date == dt.date(2023, 5, 1)
    assert document.meta.date_source == "Updated May 1, 2023 | Posted April 2, 2022"


def test_a_file_of_whole_paragraphs_reads_as_before():
    paragraphs = ["Saving Early Pays Off", "",
                  "Rolling over an old plan moves the money without tax when it is done "
                  "directly between the plans.", "",
                  "An IRA can take contributions until the filing deadline of the next year."]
    spaced = read_bytes("\n".join(paragraphs).encode(), "s.txt")
    tight = read_bytes("\n".join(p for p in paragraphs if p).encode(), "s.txt")
    assert [(b.kind, b.text) for b in spaced.blocks] == [(b.kind, b.text) for b in tight.blocks]


def test_hard_wrapped_prose_is_joined():
    prose = ("Withdrawals from a traditional IRA before age fifty-nine and a half usually\n"
             "owe an extra ten percent on top of income tax, although several exceptions\n"
             "apply, such as a first home, certain medical bills and some education costs\n"
             "that the account owner pays during the same year as the withdrawal itself.\n"
             "Roth accounts follow their own ordering rules for what comes out first and\n"
             "when earnings can be taken without tax or penalty after the five years.\n")
    lines = prose.split("\n")
    assert wrap_width(lines) is not None
    document = read_bytes(("Early Withdrawals\n\n" + prose).encode(), "w.txt")
    assert [b.kind for b in document.blocks] == ["title", "paragraph"]
    assert document.blocks[1].text.startswith("Withdrawals") and "five years." in (
        document.blocks[1].text)


@pytest.mark.parametrize(("previous", "line", "joined"), [
    ("The IRS raised the limit to $24,500 for", "2026, so savers can add more.", True),
    ("2026 Limits at a Glance", "Employee deferral: $24,500", False),
    ("Employee deferral: $24,500", "Catch-up (50+): $8,000", False),
    ("Mark the date down:", "April 15, 2026", True),
    ("The limit went up this year.", "Savers over 50 get more.", False),
    ("a sentence that goes", "on below it", True),
    ("Read this first", "- a bullet", False),
])
def test_where_a_line_break_ends_a_block(previous, line, joined):
    assert joins(previous, line, None) is joined


@pytest.mark.parametrize(("line", "when"), [
    ("Updated March 3, 2024 · 6 min read", dt.date(2024, 3, 3)),
    ("Last reviewed: Jan. 5, 2025", dt.date(2025, 1, 5)),
    ("Published May 1, 2023 | Updated March 3, 2024", dt.date(2024, 3, 3)),
    ("Posted 2025-11-02", dt.date(2025, 11, 2)),
    ("The rule changed on March 3, 2024, after a long fight over it.", None),
    # a newsletter's "Dated", a forum post's "X wrote on", a broadcast transcript's date, a
    # sign-off before the date (oldira2)
    ("Dated September 30, 2015", dt.date(2015, 9, 30)),
    ("dave_in_dayton wrote on Mon Mar 12, 2012 8:14 pm", dt.date(2012, 3, 12)),
    ("The Money Hour \u2014 Transcript, Saturday, February 11, 2017", dt.date(2017, 2, 11)),
    ("From the desk of Marisol Vega, EA \u2014 published November 28, 2016",
     dt.date(2016, 11, 28)),
    ("She wrote on the back of the form that the deadline was March 3, 2015.", None),
    ("Reply from money_mo on Jan 22, 2017", dt.date(2017, 1, 22)),
])
def test_datelines(line, when):
    assert dateline(line) == when


def test_a_byline_dated_after_on():
    from taxcheck.readers.lines import byline_author, byline_date
    line = "Posted by kelso_k on Jan 22, 2017"
    assert (byline_author(line), byline_date(line)) == ("kelso_k", dt.date(2017, 1, 22))
    assert byline_author("By Ann Lee on assignment") == "Ann Lee on assignment"


def test_a_dateline_is_never_a_heading_or_a_section_year(db):
    text = ("Retirement Savings Roundup\nUpdated December 1, 2024 · 3 min read\n"
            "The 401(k) limit is $24,500.\n")
    document = read_bytes(text.encode(), "d.txt")
    assert [b.kind for b in document.blocks] == ["title", "dateline", "paragraph"]
    report = Checker(db).check(document)
    # checked as of the article's year (2024), not as a 2024 section under a heading
    assert report.tax_year == 2024
    assert [(f.claim_id, f.verdict) for f in report.findings] == [
        ("elective-deferral-limit", "false")]


# -- encodings, NUL bytes, huge blocks ---------------------------------------------------

def test_windows_1252_is_decoded_with_one_warning(checker):
    text = "Smart Quotes\n\nYou can\u2019t deduct a loss in your 401(k) \u2014 sorry.\n"
    document = read_bytes(text.encode("cp1252"), "w.txt")
    assert "can\u2019t deduct" in document.blocks[1].text
    assert document.warnings == ["w.txt: TC260 not UTF-8; decoded as Windows-1252"]
    report = checker.check(document)
    assert report.findings and report.warnings[:1] == document.warnings


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(codec):
    text = "A Title\n\nYour 401(k) losses are not deductible.\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    document = read_bytes(data, "u.txt")
    assert document.blocks[1].text == "Your 401(k) losses are not deductible."
    assert document.warnings == []


def test_nul_bytes_after_the_first_8_kb_are_removed_with_a_warning():
    text = "A Title\n\n" + "Plain words here. " * 600 + "\x00\x00Your IRA loss is gone.\n"
    document = read_bytes(text.encode(), "n.txt")
    assert "\x00" not in document.source and "\x00" not in "".join(b.text for b in document.blocks)
    assert document.warnings == ["n.txt: TC261 removed 2 NUL bytes"]
    with pytest.raises(Exception, match="TC202"):
        read_bytes(b"\x00" + text.encode(), "n.txt")


def test_a_block_over_spacy_max_length_is_checked_in_pieces(checker):
    filler = "The weather was mild and the markets were calm that week. "
    claim = "A 401(k) loss is deductible on your return. "
    text = "Long\n\n" + claim + filler * 18_000 + claim  # over 1,000,000 characters, one line
    assert len(text) > checker.nlp.max_length
    report = checker.check(read_bytes(text.encode(), "big.txt"))
    found = [f for f in report.findings if f.claim_id == "retirement-loss-deductible"]
    assert len(found) == 2
    for f in found:
        assert text[f.start:f.end] == f.text and f.text.startswith("A 401(k) loss")
    assert found[-1].start > 1_000_000


# -- command line -------------------------------------------------------------------------

def test_check_a_folder_and_name_stdin(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A\n\nYou can deduct your 401(k) losses.\n")
    (tmp_path / "sub" / "b.md").write_text("# B\n\nYour IRA losses are deductible.\n")
    (tmp_path / ".hidden.txt").write_text("You can deduct your 401(k) losses.\n")
    (tmp_path / "notes.yaml").write_text("x: 1\n")
    result = invoke("check", str(tmp_path), "--format", "json")
    paths = [Path(r["path"]).name for r in json.loads(result.stdout)]
    assert paths == ["a.txt", "b.md"] and result.returncode == 1
    html_page = b"<p>You can deduct your 401(k) losses.</p>"
    result = invoke("check", "-", "--stdin-filename", "draft.html", "--format", "json",
                    stdin=html_page)
    report = json.loads(result.stdout)[0]
    assert report["path"] == "draft.html" and report["findings"]
    assert report["date_note"].startswith("no date found: checked against tax year")
    assert result.stderr.count("TC262 no date found") == 1


def test_check_warns_once_about_the_encoding(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Old Page\n\nYou can\u2019t deduct 401(k) losses.\n".encode("cp1252"))
    result = invoke("check", str(path), "--tax-year", "2025")
    lines = [line for line in result.stderr.splitlines() if "warning" in line]
    assert lines == [f"taxcheck: warning: {path}: TC260 not UTF-8; decoded as Windows-1252"]


def test_html_takes_the_latest_of_published_and_modified():
    page = (b'<!doctype html><html><head>'
            b'<meta property="article:published_time" content="2023-05-01">'
            b'<script type="application/ld+json">{"@type": "NewsArticle", '
            b'"datePublished": "2023-05-01", "dateModified": "2024-03-03T10:00:00Z"}</script>'
            b'</head><body><article><h1>Old Page, New Date</h1>'
            b'<p>Your 401(k) losses are not deductible on your return.</p></article></body></html>')
    meta = read_bytes(page, "a.html").meta
    assert (meta.date, meta.date_source) == (dt.date(2024, 3, 3), "JSON-LD dateModified")


def test_a_bold_line_alone_is_a_markdown_heading():
    text = ("**Dear reader,**\n\nThanks for writing.\n\n**What about an IRA?**\n\n"
            "A Roth IRA may still be possible.\n\n__Looking ahead__\n\n"
            "**Bold lead-in,** then the rest of the sentence.\n")
    blocks = read_bytes(text.encode(), "column.md").blocks
    assert [(b.kind, b.text) for b in blocks if b.kind == "heading"] == [
        ("heading", "What about an IRA?"), ("heading", "Looking ahead")]
    assert blocks[-1].kind == "paragraph"


def test_an_amount_without_its_plan_takes_the_plan_of_its_own_section(checker):
    # the IRA of the section before does not lend its limit to the 401(k) total after it
    text = ("# Two jobs, two plans\n\n**What about an IRA?**\n\nA Roth IRA may still be "
            "possible, depending on your income.\n\n**Looking ahead**\n\nIn 2026 the base "
            "limit climbs to $24,500 and your catch-up rises to $8,000, for a total of $32,000 "
            "you can defer.\n")
    found = {(f.claim_id, f.verdict) for f in checker.check(
        read_bytes(text.encode(), "column.md"), tax_year=2026).findings}
    assert ("deferral-total-50-plus", "false") in found
    assert not any(c.startswith("ira-") for c, _ in found)


@pytest.mark.parametrize("name", ["t.txt", "t.md"])
def test_a_tables_corner_cell_names_the_plan_its_rows_are_about(checker, name):
    """"SIMPLE plans | 2025 | 2026" over "Catch-up at 50+": the rows are the SIMPLE plan's
    catch-up, right at $3,500 and $4,000, not a wrong 401(k) or IRA catch-up."""
    text = ("Retirement limits at a glance\n\nWe list each plan's figures below.\n\n"
            "SIMPLE plans | 2025 | 2026\n|---|---|---|\n"
            "Catch-up at 50+ | $3,500 | $4,000\nAges 60-63 catch-up | $5,250 | $5,250\n")
    if name == "t.txt":
        text = text.replace("|---|---|---|\n", "")
    report = checker.check(read_bytes(text.encode(), name), tax_year=2026)
    got = {(f.claim_id, f.verdict) for f in report.findings if not f.suppressed}
    assert ("simple-catch-up-limit", "accurate") in got
    assert not {(c, v) for c, v in got if v != "accurate"}


@pytest.mark.parametrize("headline", [
    "What Happens to a 401(k) Loan When You Change Jobs?",
    "Your 401(k) Loan and a New Job",
    "Leaving Work With a 401(k) Loan Outstanding"])
def test_the_headline_under_a_masthead_is_the_title_and_advice_items_are_not_steps(
        checker, headline):
    # the site's name and tagline come first; the byline marks the article's own headline,
    # whose topic (the loan) later sections may leave implied
    text = ("Main Street Money\nPlain talk about paychecks\nHome  |  Columns  |  About\n\n"
            f"{headline}\n\nPosted on 03/02/2014 by Dana Reyes | Filed under: Jobs\n\n"
            "What it costs you\n\nThe unpaid amount shows up on a 1099-R as income.\n\n"
            "Is there a way out?\n\nYes. You get 60 days after the offset to put the same "
            "amount into an IRA from other savings.\n\nMy advice:\n\n"
            "1. Ask the plan how long you will have to repay.\n\n"
            "2. If you can, pay the loan off before your last day.\n")
    document = read_bytes(text.encode(), "column.txt")
    found = [(f.claim_id, f.verdict, f.sentence[:12]) for f in checker.check(
        document, tax_year=2026).findings]
    assert ("plan-loan-offset-60-days", "outdated", "You get 60 d") in found
    assert not any(s.startswith(("Ask the", "If you can")) for _, _, s in found)


# -- "No. 5" inside a sentence ----------------------------------------------------------

@pytest.mark.parametrize(("name", "text", "claim", "verdict"), [
    ("a.txt", "An IRA loss is deductible, and that's tip No. 4 in the old guide.\n",
     "retirement-loss-deductible", "false"),
    ("a.md", "## The 2026 numbers\n\nOur No. 1 pick: you can stash $23,000 in your 401(k).\n",
     "elective-deferral-limit", "outdated"),
    ("a.html", "<p>Re: question no. 2 - honestly, an IRA loss is deductible on your 1040.</p>",
     "retirement-loss-deductible", "false"),
    ("a.txt", "Contrary to rumor No. 3, you can't deduct a loss in your IRA.\n",
     "retirement-loss-not-deductible", "accurate"),
])
def test_no_and_a_number_neither_ends_the_sentence_nor_negates_it(checker, name, text, claim,
                                                                  verdict):
    report = checker.check(read_bytes(text.encode(), name))
    got = {(f.claim_id, f.verdict) for f in report.findings}
    assert got == {(claim, verdict)}
    assert all(" No." not in f.text[-4:] and " no." not in f.text[-4:] for f in report.findings)


def test_a_numbered_mistake_reads_as_a_myth_in_one_sentence(checker):
    text = "Mistake No. 5: The 401(k) contribution limit for 2026 is $23,000.\n"
    report = checker.check(read_bytes(text.encode(), "a.txt"))
    assert [f.text for f in report.findings] == [text.strip()]
    assert all(f.verdict != "outdated" or f.severity != "error" for f in report.findings)


# -- "Schedule D." ending a sentence ------------------------------------------------------

@pytest.mark.parametrize(("text", "first"), [
    ("Your IRA loss does not go on Schedule D. It goes on Schedule A as a miscellaneous "
     "itemized deduction.\n", "Your IRA loss does not go on Schedule D."),
    ("Q: Where do I report the loss on my closed IRAs?\nA: Not on Schedule D. You claim it on "
     "Schedule A, above the 2% floor.\n", "A: Not on Schedule D."),
])
def test_a_lettered_schedule_ends_its_sentence_before_a_capital(checker, text, first):
    # the tokenizer keeps "D." whole (an initial), so the sentence went on into the next
    report = checker.check(read_bytes(text.encode(), "a.txt"))
    said = {(f.sentence, f.claim_id) for f in report.findings}
    assert (first, "retirement-loss-not-on-schedule-d") in said
    assert any(c == "ira-loss-misc-deduction-outdated" and s != first for s, c in said)


def test_an_initial_in_a_name_does_not_end_the_sentence(checker):
    doc = checker.nlp("John D. Rockefeller put it on Schedule A. then moved on.")
    assert len(list(doc.sents)) == 1


# -- bold run-in labels -------------------------------------------------------------------

@pytest.mark.parametrize("label", ["**Clock #1: tax-free growth.**", "**Rule 2: the Roth clock**",
                                   "__Tip No. 3:__", "**Step 4 - earnings:**"])
def test_a_numbered_bold_run_in_label_heads_its_paragraph(checker, label):
    text = (f"# Roth basics\n\n{label} You need to be past 59\u00bd and the account must be five"
            " years old.\n")
    document = read_bytes(text.encode(), "a.md")
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert kinds[1][0] == "heading" and kinds[1][1] == label.strip("*_").strip()
    assert kinds[2] == ("paragraph", "You need to be past 59\u00bd and the account must be five"
                                     " years old.")
    assert not checker.check(document).findings


@pytest.mark.parametrize(("text", "claim"), [
    ("**Rule 2: IRA losses.** You can write them off on Schedule A.\n",
     "ira-loss-misc-deduction-outdated"),
    ("__Catch-up (50+):__ $7,500 for 2026, on top of the base limit.\n", "catch-up-limit"),
    ("**Fact:** Sorry, an IRA loss can be written off on Schedule A.\n",
     "ira-loss-misc-deduction-outdated"),
])
def test_a_run_in_label_still_gives_its_sentence_a_subject(checker, text, claim):
    report = checker.check(read_bytes(f"# Tips\n\n{text}".encode(), "a.md"))
    assert {f.claim_id for f in report.findings} == {claim}


# -- a pasted sentence or a two-line snippet is body text, not a title ---------------------------

@pytest.mark.parametrize(("text", "claim"), [
    ("One rollover per IRA per year\n", "ira-rollover-limit-per-account"),
    ("One Rollover Per IRA Per Year", "ira-rollover-limit-per-account"),
    ("Each of your IRAs gets one rollover every calendar year\n"
     "So two accounts means two rollovers.\n", "ira-rollover-limit-calendar-year"),
    ("401(k) losses can be written off on Schedule A\nKeep records of what you put in.\n",
     "retirement-loss-deductible"),
])
def test_a_snippet_states_its_first_line(checker, text, claim):
    """An editor pasting a sentence (or a language server checking a one-line buffer) gets
    it checked as body text: a lone line is no title, and neither is the first of two lines
    when it reads as a sentence rather than a headline."""
    doc = read_bytes(text.encode(), "snippet.txt")
    assert doc.blocks[0].kind == "paragraph" and doc.meta.title is None
    report = checker.check(doc, tax_year=2026)
    assert (claim, 1) in {(f.claim_id, f.line) for f in report.findings}


@pytest.mark.parametrize("text", [
    "Can You Deduct a Loss in Your IRA?\nNo, losses inside an IRA are not deductible.\n",
    "Rollover Rules for Every Saver\nYou get one 60-day rollover per 12 months.\n",
    "One rollover per IRA per year\nBy Ann Lee\nUpdated May 2, 2026\n",
    # a blank line under the first line sets it apart as the page's title
    "what changed in rollovers\n\nYou get one 60-day rollover per 12 months.\n",
])
def test_a_headline_or_a_byline_keeps_the_title(text):
    doc = read_bytes(text.encode(), "page.txt")
    assert doc.blocks[0].kind == "title"


@pytest.mark.parametrize("rule", ["-" * 40, "=" * 40])
def test_a_rule_drawn_under_a_heading_keeps_the_heading(checker, rule):
    # a plain-text newsletter draws lines above and below its headings: the line under the
    # heading does not end its section, so the paragraph after it takes what it names
    text = (f"Year-end letter\n\nA few reminders.\n\n{rule}\n1. YOUR REQUIRED MINIMUM "
            f"DISTRIBUTION\n{rule}\n\nThe first one can wait until April. Plan ahead. Ask us "
            "early. Mark your calendar.\n\nCall the office. We are here to help.\n\nHow big "
            "is the withdrawal? Take your IRA's value at the end of this year and divide it by "
            "the factor from the IRS table.\n")
    found = _claims(checker, text, "a.txt")
    assert ("rmd-shrinks-with-market", "false") in found


# -- a header-less table's first row (session 17) --------------------------------------------

def _header_less_table(suffix: str, deadline: str) -> str:
    rows = [("Rollover deadline", deadline), ("Withholding on a direct rollover", "none"),
            ("Trustee-to-trustee transfers", "unlimited")]
    if suffix == ".txt":
        return ("Rollover basics\nUpdated March 2, 2026\n\nThe short version:\n\n"
                + "".join(f"{a} | {b}\n" for a, b in rows))
    return ("<!DOCTYPE html><html><head><title>Rollover basics</title><meta property="
            "'article:published_time' content='2026-03-02'></head><body><article><h1>Rollover "
            "basics</h1><p>The short version of what to know before you move an old plan.</p>"
            "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
            + "</table></article></body></html>")


@pytest.mark.parametrize("suffix", [".txt", ".html"])
@pytest.mark.parametrize("deadline, flagged", [("60 business days", True), ("60 days", False)])
def test_a_wrong_first_row_of_a_header_less_table_is_flagged_on_its_cell(checker, suffix,
                                                                         deadline, flagged):
    text = _header_less_table(suffix, deadline)
    report = checker.check(read_bytes(text.encode(), f"rollover{suffix}"))
    problems = [(f.claim_id, f.verdict, text[f.start:f.end]) for f in report.findings
                if f.is_problem]
    assert problems == ([("rollover-60-business-days", "false", "60 business days")]
                        if flagged else [])


# -- a sidebar's facts (session 17) -----------------------------------------------------------

def _bank_page(facts: str) -> str:
    return ("<!DOCTYPE html><html><head><title>Rolling over</title><meta property="
            "'article:published_time' content='2026-02-10'></head><body><main><article><h1>"
            "Rolling Over an Old 401(k)</h1><h2>Your options</h2><p>Most people ask the old "
            "plan to send the balance straight to an IRA, which takes a form and a phone call, "
            "and the money stays invested the whole time.</p></article><aside class='sidebar'>"
            f"<h3>Quick facts</h3><ul>{facts}</ul></aside><aside class='related'><h3>Keep "
            "reading</h3><ul><li><a href='/a'>Why you get 60 business days to roll over</a>"
            "</li></ul></aside></main></body></html>")


@pytest.mark.parametrize("deadline, flagged", [("60 business days", True), ("60 days", False)])
def test_a_wrong_line_of_a_quick_facts_sidebar_is_flagged_and_its_links_are_not(
        checker, deadline, flagged):
    page = _bank_page(f"<li>Deadline to redeposit: {deadline}</li>"
                      "<li>Withholding on a direct rollover: none</li>")
    report = checker.check(read_bytes(page.encode(), "bank.html"))
    problems = [(f.claim_id, f.verdict, page[f.start:f.end]) for f in report.findings
                if f.is_problem]
    assert problems == ([("rollover-60-business-days", "false",
                          "Deadline to redeposit: 60 business days")] if flagged else [])
