"""The old-pages set (tests/data/ira-loss-old-pages/): the abolished pre-2018 IRA-loss
write-off on whole pages dated 2012-2017 that present it as available (``w*``), pages dated
2024-2026 that tell it as history or debunk it as a myth (``c*``), and detail sentences of the
old rule, each condition on its own line (``details.yaml``). Written by oldira (session 12)
from the fact sheet only, before any change.

``expected.tsv`` gives, per line of a page, the facts and verdict an editor expects (``quiet``:
no problem finding). A line is caught when a problem finding whose sentence contains the
words has one of the facts and the verdict; every line of a ``c*`` page stays quiet.

Run as a script for the tables: ``.venv/bin/python tests/ira_loss_old_pages.py``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from passage_runs import Outcome, load, problems, summary
from procedure_carry import run as run_detail  # the same one-line check: a passage's line
from taxcheck.checker import Checker
from taxcheck.readers import read_path

DATA = Path(__file__).parent / "data" / "ira-loss-old-pages"
DETAILS = DATA / "details.yaml"
IRA_LOSS = ("ira-loss-basis-recovery-pre-2018", "ira-loss-deduction-permanently-disallowed")


@dataclass(frozen=True)
class Row:
    """One line of ``expected.tsv``."""

    page: str
    words: str
    facts: tuple[str, ...]
    verdict: str


def rows() -> list[Row]:
    out = []
    for line in (DATA / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        page, words, facts, verdict = line.split("\t")
        out.append(Row(page, words, IRA_LOSS if facts == "ira-loss" else
                       tuple(facts.split("|")), verdict))
    return out


def pages() -> list[str]:
    return sorted(p.name for p in DATA.iterdir() if p.suffix in {".txt", ".md", ".html"})


def page_findings(checker: Checker) -> dict[str, list[tuple[str, str, str]]]:
    """Per page, (sentence, fact, verdict) of each problem finding stated by the page."""
    facts = {c.id: c.fact for c in checker.db.claims}
    out = {}
    for name in pages():
        report = checker.check(read_path(str(DATA / name)))
        out[name] = [(f.sentence, facts.get(f.claim_id) or "", f.verdict)
                     for f in problems(report.findings) if not f.suppressed
                     and f.framing == "stated"]
    return out


def row_ok(found: dict[str, list[tuple[str, str, str]]], row: Row) -> bool:
    """A wrong line caught with one of its facts and its verdict; a quiet line not flagged."""
    on_line = [f for f in found[row.page] if row.words in f[0]]
    if row.verdict == "quiet":
        return not on_line
    return any(fact in row.facts and verdict == row.verdict for _, fact, verdict in on_line)


def stray(found: dict[str, list[tuple[str, str, str]]]) -> list[tuple[str, str, str, str]]:
    """Problem findings on the old pages (``w*``) that no row expects: on a line with no row,
    on a quiet row, or on a wrong row with another fact or verdict (page, sentence, fact,
    verdict)."""
    out = []
    table = rows()
    for name in pages():
        if not name.startswith("w"):
            continue
        for sentence, fact, verdict in found[name]:
            mine = [r for r in table if r.page == name and r.words in sentence]
            if not any(r.verdict == verdict and fact in r.facts for r in mine):
                out.append((name, sentence, fact, verdict))
    return out


def history_pages_flagged(found: dict[str, list[tuple[str, str, str]]]) -> list[str]:
    return [name for name in pages() if name.startswith("c") and found[name]]


def detail_outcomes(checker: Checker) -> list[Outcome]:
    facts = {c.id: c.fact for c in checker.db.claims}
    return [run_detail(checker, p, facts) for p in load(DETAILS)]


def page_summary(checker: Checker) -> str:
    found = page_findings(checker)
    lines = []
    wrong = right = caught = quiet = 0
    for row in rows():
        ok = row_ok(found, row)
        if row.verdict == "quiet":
            right += 1
            quiet += ok
        else:
            wrong += 1
            caught += ok
        lines.append(f"{'ok ' if ok else ' - '} {row.verdict:8} {row.page:32} {row.words}")
    extra = stray(found)
    for name, sentence, fact, verdict in extra:
        lines.append(f"stray finding: {name}: {sentence[:70]!r} {fact} {verdict}")
    flagged = history_pages_flagged(found)
    for name in flagged:
        lines.append(f"history page flagged: {name}: {found[name]}")
    lines.append(f"wrong lines caught {caught}/{wrong}, correct lines quiet {quiet}/{right}, "
                 f"history pages quiet {sum(n.startswith('c') for n in pages()) - len(flagged)}"
                 f"/{sum(n.startswith('c') for n in pages())}, stray findings on old pages "
                 f"{len(extra)}")
    return "\n".join(lines)


if __name__ == "__main__":
    from taxcheck.claimdb import load_claims

    checker = Checker(load_claims(), tax_year=2026)
    print(page_summary(checker))
    print(summary(detail_outcomes(checker)))
