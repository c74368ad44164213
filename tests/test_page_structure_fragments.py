"""Page fragments (tests/data/page_structure_fragments.yaml, plain text; and
tests/data/page_structure_markup_fragments.yaml, HTML and Markdown): fact boxes of
"Label: value" lines under a section heading, lists whose lead-in names the account, a
follow-on after a statement, FAQ answers and flattened tables, each as a page copied from a
browser (one block a line, no blank lines). The wrong line is flagged with one of its claims;
the correct twin's page stays quiet. Fragments with no wrong line guard correct pages whose
context must not turn a correct line wrong.

Run as a script for the table: ``.venv/bin/python tests/test_page_structure_fragments.py``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from taxcheck.checker import Checker
from taxcheck.claimdb import load_claims
from taxcheck.documents import Document
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data"
FILES = ("page_structure_fragments.yaml", "page_structure_markup_fragments.yaml")
TITLE = "Your Retirement Money: A Quick Reference"
_INTRO = ("This reference collects the basics of workplace plans and IRAs, so you can look up "
          "a detail before you act. Each section below covers one topic and lists the points "
          "readers most often ask us about.")
HEADS = {
    "txt": (f"{TITLE}\nUpdated March 2, 2026\n", "", "page.txt"),
    "md": (f"# {TITLE}\n\nUpdated March 2, 2026\n\n", "", "page.md"),
    "html": (f"<!doctype html>\n<html><head><title>{TITLE}</title></head><body><article>\n"
             f"<h1>{TITLE}</h1>\n<p>Updated March 2, 2026</p>\n<p>{_INTRO}</p>\n",
             "</article></body></html>\n", "page.html"),
    "html-fragment": (f"<h1>{TITLE}</h1>\n<p>Updated March 2, 2026</p>\n", "", "page.html"),
}
"""Per format: what comes before a fragment, what closes the page, the file name."""


def fragments() -> list[dict]:
    return [f for name in FILES for f in yaml.safe_load((DATA / name).read_text())]


@cache
def _checker() -> Checker:
    return Checker(load_claims(), tax_year=2026)


def _page(fragment: dict, line: str) -> tuple[str, int]:
    """The page text and the line (1-based) of ``line``."""
    head, tail, _ = HEADS[fragment.get("format", "txt")]
    body = head + fragment["context"].rstrip("\n") + "\n"
    if fragment["context"].endswith("\n\n"):
        body += "\n"  # a blank line before the line (a Markdown paragraph of its own)
    after = fragment.get("after", "")
    after = after + ("\n" if after and not after.endswith("\n") else "")
    return body + line + "\n" + after + tail, body.count("\n") + 1


def _read(fragment: dict, text: str) -> Document:
    return read_bytes(text.encode(), HEADS[fragment.get("format", "txt")][2])


def outcome(fragment: dict) -> tuple[bool, list[str], list[str]]:
    """Whether the wrong line was caught (True for a fragment with no wrong line), what the
    wrong page flagged on it, and what the right page flagged anywhere."""
    caught, said = True, []
    if "wrong" in fragment:
        text, line = _page(fragment, fragment["wrong"])
        wrong = _checker().check(_read(fragment, text))
        said = [f"{f.claim_id}:{f.verdict}" for f in wrong.findings
                if f.line == line and f.verdict != "accurate"]
        caught = any(s.split(":")[0] in fragment["claims"] for s in said)
    text, _ = _page(fragment, fragment["right"])
    right = _checker().check(_read(fragment, text))
    alarms = [f"{f.claim_id}:{f.verdict}@{f.line}" for f in right.findings
              if f.verdict != "accurate"]
    return caught, said, alarms


FACT_BOX = """401(k) loans at a glance
Updated March 2, 2026
401(k) loans
Repayment: within five years
Taxable: yes
Deadline to fix: two years
Myth 1: The loss harvest
Related: Hardship withdrawals | Rollovers
Workplace plans: the basics
The IRA loss deduction: when it works
Roth vs. Traditional: Which One Fits You
PART ONE: THE ROLLOVER LIMIT
Myth: \u201cYou have to take a loan first.\u201d
"""


def test_fact_box_lines_are_statements_not_headings() -> None:
    """A fact box's "Label: words" lines are label statements under their heading; headings
    with a colon (numbered, links, subtitles naming a topic, Title Case, capitals, quoted
    myths) stay headings."""
    doc = read_bytes(FACT_BOX.encode(), "page.txt")
    kinds = {b.text: (b.kind, b.row) for b in doc.blocks}
    assert kinds["401(k) loans"] == ("heading", None)
    for label in ("Repayment", "Taxable", "Deadline to fix"):
        line = next(t for t in kinds if t.startswith(label + ":"))
        assert kinds[line] == ("paragraph", label)
    for line in ("Myth 1: The loss harvest", "Related: Hardship withdrawals | Rollovers",
                 "Workplace plans: the basics", "The IRA loss deduction: when it works",
                 "Roth vs. Traditional: Which One Fits You", "PART ONE: THE ROLLOVER LIMIT",
                 "Myth: \u201cYou have to take a loan first.\u201d"):
        assert kinds[line][0] == "heading", line


def test_lone_label_line_answers_only() -> None:
    """A lone "Label: words" line is a statement when its value answers the label ("Penalty:
    none"); a lone subtitle ("Hardship withdrawals: a primer") stays a heading."""
    head = "Quick facts\nUpdated March 2, 2026\nBy Ann Lee\nWhat to know before you withdraw.\n"
    doc = read_bytes(f"{head}Roth IRA contributions\nPenalty: none\n".encode(), "page.txt")
    assert [(b.kind, b.row) for b in doc.blocks][-2:] == [("heading", None),
                                                          ("paragraph", "Penalty")]
    doc = read_bytes(f"{head}Hardship withdrawals: a primer\nIt is taxed.\n".encode(),
                     "page.txt")
    assert doc.blocks[-2].kind == "heading"


MARKUP_BOX = {
    "page.html": """<h1>Plan loans</h1>
<h2>401(k) loans</h2>
<ul><li><strong>Repayment:</strong> within five years</li>
<li><strong>Taxable:</strong> no</li></ul>
<dl><dt>Penalty</dt><dd>None if repaid</dd></dl>
<table><tr><th>Who qualifies</th><td>Plan participants</td></tr>
<tr><th>Cap</th><td>$50,000</td></tr></table>
<table><tr><th>Account</th><th>Loans</th></tr><tr><td>IRA</td><td>No</td></tr></table>
<h2>In this guide</h2>
<ul><li><strong>Loans:</strong> what you can borrow</li>
<li>Myth 1: loans are taxed</li></ul>
<p>Bottom line: borrow only what you can repay on time.</p>
""",
    "page.md": """# Plan loans

## 401(k) loans

- **Repayment:** within five years
- **Taxable:** no

**Penalty:** none if repaid

## In this guide

- **Loans:** what you can borrow
- Myth 1: loans are taxed

Bottom line: borrow only what you can repay on time.
""",
}


@pytest.mark.parametrize("name", sorted(MARKUP_BOX))
def test_markup_label_lines(name: str) -> None:
    """HTML and Markdown label lines ("<li><strong>Taxable:</strong> no</li>", "**Penalty:**
    none"), definitions and definition-table rows carry their label (:attr:`Block.row`, no
    column); a table with a header row keeps its columns; a contents list's topics, a
    numbered myth and a lone run-in sentence are no label lines."""
    doc = read_bytes(MARKUP_BOX[name].encode(), name)
    rows = {b.text: (b.kind, b.row, b.column) for b in doc.blocks}
    assert rows["Repayment: within five years"] == ("list_item", "Repayment", None)
    assert rows["Taxable: no"] == ("list_item", "Taxable", None)
    penalty = next(t for t in rows if t.lower().startswith("penalty: none"))
    assert rows[penalty][1:] == ("Penalty", None)
    for line in ("Loans: what you can borrow", "Myth 1: loans are taxed",
                 "Bottom line: borrow only what you can repay on time."):
        assert rows[line][1] is None, line
    if name.endswith(".html"):
        assert rows["Who qualifies: Plan participants"] == ("table_cell", "Who qualifies", None)
        assert rows["Cap: $50,000"] == ("table_cell", "Cap", None)
        assert rows["IRA — Loans: No"] == ("table_cell", "IRA", "Loans")


@pytest.mark.parametrize("fragment", [
    pytest.param(f, marks=pytest.mark.xfail(reason=f["xfail"], strict=True)) if "xfail" in f
    else f for f in fragments()], ids=lambda f: f["id"])
def test_fragment(fragment: dict) -> None:
    caught, said, alarms = outcome(fragment)
    assert caught, f"wrong line not flagged with {fragment['claims']}: {said}"
    assert not alarms, f"correct twin flagged: {alarms}"


if __name__ == "__main__":
    tally: dict[str, list[int]] = {}  # per format: caught, wrong lines, quiet, pages
    for f in fragments():
        caught, said, alarms = outcome(f)
        t = tally.setdefault(f.get("format", "txt"), [0, 0, 0, 0])
        t[0] += caught and "wrong" in f
        t[1] += "wrong" in f
        t[2] += not alarms
        t[3] += 1
        print(f"{f['id']:38} {'caught' if caught else '  -   '} "
              f"{'quiet' if not alarms else 'FLAG '}  {','.join(said) or '-'} / "
              f"{','.join(alarms) or '-'}")
    for name, (caught_n, wrongs, quiet_n, total) in tally.items():
        print(f"{name}: caught {caught_n}/{wrongs}, correct pages quiet {quiet_n}/{total}")
