"""The second old-pages set (tests/data/ira-loss-old-pages-2/, session 13, branch oldira2):
the abolished pre-2018 IRA-loss write-off on fourteen pages dated 2012-2017 or undated
(``o*``: a plain-text export, HTML with a dated meta, a Markdown forum thread with replies,
a Q&A column, an FAQ with JSON-LD, a listicle with a table, a step-by-step guide, an undated
blog post, a client newsletter, a worked example with a table, a plain-text forum export, a
radio transcript, a glossary, a checklist) and thirteen pages dated 2024-2026 that tell the
same facts as the past (``h*``: every line quiet). Written from the fact sheet and its label
policy only, in vocabulary other than the first set's (unrecovered basis, liquidate, Form
8606, 2 percent, take the loss, claim the difference), and measured before any change.

``expected.tsv`` has the rows (same format as the first set's); a row is caught or quiet by
the first set's rule (:func:`ira_loss_old_pages.row_ok`).

Run as a script for the table: ``.venv/bin/python tests/ira_loss_old_pages_2.py``."""

from __future__ import annotations

from pathlib import Path

from ira_loss_old_pages import IRA_LOSS, Row, row_ok
from passage_runs import problems
from taxcheck.checker import Checker
from taxcheck.readers import read_path

DATA = Path(__file__).parent / "data" / "ira-loss-old-pages-2"

Found = dict[str, list[tuple[str, str, str]]]


def rows() -> list[Row]:
    out = []
    for line in (DATA / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        page, words, facts, verdict = line.split("\t")
        wanted = tuple(IRA_LOSS if f == "ira-loss" else (f,) for f in facts.split("|"))
        out.append(Row(page, words, tuple(x for group in wanted for x in group), verdict))
    return out


def pages(prefix: str = "") -> list[str]:
    return sorted(p.name for p in DATA.iterdir()
                  if p.suffix in {".txt", ".md", ".html"} and p.name.startswith(prefix))


def page_findings(checker: Checker) -> Found:
    """Per page, (sentence, fact, verdict) of each problem finding stated by the page."""
    facts = {c.id: c.fact for c in checker.db.claims}
    out = {}
    for name in pages():
        report = checker.check(read_path(str(DATA / name)))
        out[name] = [(f.sentence, facts.get(f.claim_id) or "", f.verdict)
                     for f in problems(report.findings) if not f.suppressed
                     and f.framing == "stated"]
    return out


def stray(found: Found) -> list[tuple[str, str, str, str]]:
    """Problem findings on the old pages that no row expects (page, sentence, fact, verdict)."""
    table = rows()
    out = []
    for name in pages("o"):
        for sentence, fact, verdict in found[name]:
            mine = [r for r in table if r.page == name and r.words in sentence]
            if not any(r.verdict == verdict and fact in r.facts for r in mine):
                out.append((name, sentence, fact, verdict))
    return out


def history_findings(found: Found) -> list[tuple[str, str, str, str]]:
    return [(name, *f) for name in pages("h") for f in found[name]]


def counts(found: Found) -> dict[str, int]:
    table = rows()
    wrong = [r for r in table if r.verdict != "quiet"]
    right = [r for r in table if r.verdict == "quiet"]
    flagged = {name for name, *_ in history_findings(found)}
    return {
        "wrong": len(wrong), "caught": sum(row_ok(found, r) for r in wrong),
        "right": len(right), "quiet": sum(row_ok(found, r) for r in right),
        "stray": len(stray(found)),
        "history_pages": len(pages("h")), "history_quiet": len(pages("h")) - len(flagged),
        "history_findings": len(history_findings(found)),
    }


def report(found: Found) -> str:
    lines = [f"{'ok ' if row_ok(found, r) else ' - '} {r.verdict:8} {r.page:30} {r.words}"
             for r in rows()]
    lines += [f"stray: {n}: {s[:80]!r} {f} {v}" for n, s, f, v in stray(found)]
    lines += [f"history: {n}: {s[:80]!r} {f} {v}" for n, s, f, v in history_findings(found)]
    c = counts(found)
    lines.append(f"wrong lines caught {c['caught']}/{c['wrong']}, correct lines quiet "
                 f"{c['quiet']}/{c['right']}, stray {c['stray']}, history pages quiet "
                 f"{c['history_quiet']}/{c['history_pages']} ({c['history_findings']} findings)")
    return "\n".join(lines)


if __name__ == "__main__":
    from taxcheck.claimdb import load_claims

    print(report(page_findings(Checker(load_claims(), tax_year=2026))))
