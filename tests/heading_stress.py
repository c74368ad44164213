"""heads8's set of section headings (tests/data/heading_claims.yaml): topic titles, teasers
and questions that must stay quiet (also above a wrong body line, which carries the finding),
claim headings that are wrong (a problem finding of the expected fact and verdict on the
heading) and claim headings that are right (no problem finding on the page). Each passage is a
small page: a plain-text export (one block a line), Markdown ("## ...") or HTML (<h2>).

Run as a script for the table: ``.venv/bin/python tests/heading_stress.py``."""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.findings import Finding
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "heading_claims.yaml"
TITLE = "Your retirement money, explained"
DATE = "Updated March 2, 2026"


@dataclass(frozen=True)
class Outcome:
    id: str
    expect: str
    ok: bool
    said: tuple[str, ...]


def passages(data: Path = DATA) -> list[dict]:
    return yaml.safe_load(data.read_text(encoding="utf-8"))["passages"]


def page(passage: dict) -> tuple[bytes, str]:
    """The passage as a page in its shape, and the page's file name."""
    heading, body = passage["heading"], passage["body"]
    if passage["shape"] == "txt":
        text = "\n".join([TITLE, DATE, heading, *body]) + "\n"
        return text.encode(), "page.txt"
    if passage["shape"] == "md":
        text = "\n\n".join([f"# {TITLE}", DATE, f"## {heading}", " ".join(body)]) + "\n"
        return text.encode(), "page.md"
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in body)
    text = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
            f"<p>{DATE}</p><h2>{html.escape(heading)}</h2>{paras}</body></html>")
    return text.encode(), "page.html"


def _on_heading(finding: Finding, heading: str) -> bool:
    said = finding.sentence.strip().rstrip(".").strip()
    head = heading.strip().rstrip(".").strip()
    return bool(said) and (said in head or head in said)


def _facts(checker: Checker, claim_id: str) -> set[str]:
    claim = checker.db.claim(claim_id)
    return {claim.fact, *claim.also_facts} - {None}


def run(checker: Checker, passage: dict) -> Outcome:
    data, name = page(passage)
    report = checker.check(read_bytes(data, name))
    problems = [f for f in report.findings
                if f.is_problem and f.framing != "myth" and not f.suppressed]
    said = tuple(f"{f.claim_id}:{f.verdict}{'@H' if _on_heading(f, passage['heading']) else ''}"
                 for f in problems)
    on_heading = [f for f in problems if _on_heading(f, passage["heading"])]
    if passage["expect"] == "quiet":
        ok = not on_heading and (passage.get("body_wrong") or not problems)
    elif passage["expect"] == "right":
        ok = not problems
    else:
        facts = passage["fact"] if isinstance(passage["fact"], list) else [passage["fact"]]
        ok = any(_facts(checker, f.claim_id) & set(facts)
                 and f.verdict in passage["verdict"] for f in on_heading)
    return Outcome(passage["id"], passage["expect"], ok, said)


def main() -> None:
    from taxcheck.claimdb import load_claims

    checker = Checker(load_claims(), tax_year=2026)
    outcomes = [run(checker, p) for p in passages()]
    for o in outcomes:
        print(f"{'ok ' if o.ok else 'BAD'} {o.id} {o.expect:6} {' '.join(o.said)}")
    for kind in ("quiet", "wrong", "right"):
        part = [o for o in outcomes if o.expect == kind]
        print(f"{kind}: {sum(o.ok for o in part)}/{len(part)}")
    print(f"all: {sum(o.ok for o in outcomes)}/{len(outcomes)}")


if __name__ == "__main__":
    sys.exit(main())
