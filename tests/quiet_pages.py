"""Runner for the quiet-pages set (issue 12, session 13, branch quiet).

``tests/data/quiet-pages/`` holds correct pages (nothing wrong as of 2026) in real-page shapes,
each with a gold file of its accurate lines and quoted myths, and ``twins.yaml``: wrong twins
of about a third of their lines. A twin page is its right page with every twin line of it
replaced; it must draw a problem finding of the twin's fact and verdict on each.

``python tests/quiet_pages.py`` prints the false alarms on the right pages and the twins
missed (the figures of the commit messages).
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.evaluation import Evaluation, evaluate

DATA = Path(__file__).parent / "data" / "quiet-pages"
_MARKUP = re.compile(r"<[^>]+>|\*\*|^\s*(?:[-*•]|\d+\.)\s+", re.M)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


@dataclass(frozen=True)
class Twin:
    page: str
    right: str
    wrong: str
    fact: str
    verdict: str

    @property
    def quote(self) -> str:
        """The gold quote the twin is scored by: a table row's cells joined by pipes, else its
        first sentence of five words or more, without markup (a short answer like "Yes." or
        "Fact: True." only leads in)."""
        if "</td>" in self.wrong:
            return " | ".join(re.findall(r"<td>(.*?)</td>", self.wrong))
        text = re.sub(r"\s+", " ", _MARKUP.sub(" ", self.wrong)).strip()
        sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
        return next((s for s in sentences if len(s.split()) >= 5), text)


def twins() -> list[Twin]:
    data = yaml.safe_load((DATA / "twins.yaml").read_text(encoding="utf-8"))
    return [Twin(page, **row) for page, rows in data.items() for row in rows]


def right_pages(checker: Checker) -> Evaluation:
    """The right pages scored against their gold files (every problem finding an alarm)."""
    return evaluate(DATA, checker)


def twin_pages(checker: Checker) -> tuple[Evaluation, list[Twin]]:
    """The twin pages scored against their twins; the twins missed."""
    by_page: dict[str, list[Twin]] = {}
    for twin in twins():
        by_page.setdefault(twin.page, []).append(twin)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "gold").mkdir()
        for page, rows in by_page.items():
            text = (DATA / page).read_text(encoding="utf-8")
            for twin in rows:
                assert text.count(twin.right) == 1, (page, twin.right)
                text = text.replace(twin.right, twin.wrong)
            (root / page).write_text(text, encoding="utf-8")
            gold = {"article": page, "as_of": 2026, "annotations": [
                {"quote": t.quote, "fact": t.fact, "verdict": t.verdict} for t in rows]}
            (root / "gold" / f"{page}.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
        result = evaluate(root, checker)
    missed = {(Path(m.path).name, m.sentence) for m in result.misses}
    return result, [t for t in twins() if (t.page, t.quote) in missed]


def passages() -> dict[str, dict[str, list]]:
    return yaml.safe_load((DATA / "passages.yaml").read_text(encoding="utf-8"))


def _passage(case: str | dict[str, str]) -> tuple[str, str]:
    if isinstance(case, dict):
        return case["text"], case.get("as", ".txt")
    return case, ".txt"


def problems(checker: Checker, text: str, suffix: str = ".txt") -> list[tuple[str, str]]:
    """The problem findings a passage states itself (not a quoted myth, not suppressed)."""
    from taxcheck.readers import read_bytes

    report = checker.check(read_bytes(text.encode(), f"passage{suffix}"), tax_year=2026)
    return [(f.claim_id, f.verdict) for f in report.findings
            if f.verdict in {"false", "misleading", "outdated"} and f.framing != "myth"
            and not f.suppressed]


def quiet_cases() -> list[tuple[str, str, str]]:
    return [(family, *_passage(case)) for family, cases in passages().items()
            for case in cases.get("quiet", [])]


def flag_cases() -> list[tuple[str, str, str, str]]:
    return [(family, claim, *_passage(case)) for family, cases in passages().items()
            for claim, case in cases.get("flag", [])]


def flagged(found: list[tuple[str, str]], claim: str) -> bool:
    return any(claim in ("any", claim_id) for claim_id, _ in found)


def main() -> None:
    from taxcheck.claimdb import load_claims

    checker = Checker(load_claims())
    right = right_pages(checker)
    alarms = [a for a in right.false_alarms if not (a.got or "").endswith("(accurate)")]
    print(f"right pages: {right.articles}, problem false alarms {len(alarms)}",
          right.alarm_kinds)
    for a in alarms:
        print(f"  ALARM {Path(a.path).name}:{a.line} {a.got} | {a.sentence[:110]}")
    print(f"  accurate verified {right.accurate.tp}/{right.accurate.tp + right.accurate.fn}")
    result, missed = twin_pages(checker)
    total = len(twins())
    print(f"twins caught {total - len(missed)}/{total}; twin-page alarms {result.problems.fp}")
    for t in missed:
        got = next((m.got for m in result.misses if m.sentence == t.quote), None)
        print(f"  MISSED {t.page} [{t.fact} {t.verdict}] {t.quote[:90]} -> {got}")
    for a in result.false_alarms:
        if not (a.got or "").endswith("(accurate)"):
            print(f"  TWIN-PAGE ALARM {Path(a.path).name}:{a.line} {a.got} | {a.sentence[:90]}")
    loud = [(f, t, problems(checker, t, s)) for f, t, s in quiet_cases()]
    loud = [row for row in loud if row[2]]
    print(f"passages quiet {len(quiet_cases()) - len(loud)}/{len(quiet_cases())}")
    for family, text, found in loud:
        print(f"  LOUD [{family}] {text[:100]!r} -> {found}")
    missed_flags = [(f, c, t) for f, c, t, s in flag_cases()
                    if not flagged(problems(checker, t, s), c)]
    total = len(flag_cases())
    print(f"passages wrong twins flagged {total - len(missed_flags)}/{total}")
    for family, claim, text in missed_flags:
        print(f"  MISSED [{family}] {claim} {text[:100]!r}")


if __name__ == "__main__":
    sys.exit(main())
