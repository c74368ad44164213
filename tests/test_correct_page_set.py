"""False alarms on pages where every statement is right (issue 12, session 11, quiet7).

``tests/data/correct-pages/`` holds ten correct-only pages written for this test, in the
shapes real correct pages take (a forum thread quoting posters and correcting them, a Q&A
column whose replies take their subject from the question, a myths-versus-facts table,
limits by year with the earlier years labelled, a birth-year RMD table, a history timeline,
a credit union's plain-text page with a headerless table, HTML FAQs), each with a gold file in
the corpus format (every statement accurate, or a quoted myth). At first contact they drew
22 false alarms; the ceiling below is what the fixes reached: raise it only with a reason.

``paraphrases.yaml`` holds own paraphrases of each family that tripped (correct passages
that must stay quiet, wrong twins that must stay flagged), written before the code for the
family was read; the few the rules still get wrong are listed (strict: drop one once it
passes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from taxcheck.evaluation import evaluate
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "correct-pages"
PROBLEMS = {"false", "misleading", "outdated"}
MAX_FALSE_ALARMS = 0
"""False alarms on the ten pages (22 at first contact, before any fix)."""

PARAPHRASES = yaml.safe_load((DATA / "paraphrases.yaml").read_text(encoding="utf-8"))


def _passage(case: str | dict[str, str]) -> tuple[str, str]:
    """A passage's text and the reader it is read with (``as``: .txt unless given)."""
    if isinstance(case, dict):
        return case["text"], case.get("as", ".txt")
    return case, ".txt"


def _quiet_cases() -> list[tuple[str, str, str]]:
    return [(family, *_passage(case)) for family, cases in PARAPHRASES.items()
            for case in cases.get("quiet", [])]


def _flag_cases() -> list[tuple[str, str, str, str]]:
    return [(family, claim, *_passage(case)) for family, cases in PARAPHRASES.items()
            for claim, case in cases.get("flag", [])]


QUIET = _quiet_cases()
FLAG = _flag_cases()

STILL_LOUD = {
    # a reader's letter opened by "Dear Penny:" tells the reader's own case ("I rolled my
    # 401(k) into an IRA in 2022 and it has lost $12,000"): read as the rollover-loss claim
    "Dear Penny: I rolled my 401(k) into an IRA in 2022",
}
STILL_MISSED = {
    # recall, not this family: a yes-reply to a case the question sets up, a present rule
    # after a first-person past, a consequence after ", so", a wrong reply after "still do"
    "Q. Can I use the age-55 rule if I left my job at 53?",
    "I did claim one of these back in 2015, and you can still do it",
    "You have a 401(k) at work, so you can't contribute to a traditional IRA.",
    "Roth IRA owners never have RMDs. Roth 401(k) owners still do",
}


def _problems(checker, text: str, suffix: str = ".txt") -> list[tuple[str, str]]:
    report = checker.check(read_bytes(text.encode(), f"passage{suffix}"))
    return [(f.claim_id, f.verdict) for f in report.findings
            if f.verdict in PROBLEMS and f.framing != "myth" and not f.suppressed]


def _listed(text: str, listed: set[str]) -> bool:
    return any(text.startswith(start) for start in listed)


def test_the_correct_pages_draw_no_more_false_alarms(checker):
    result = evaluate(DATA, checker)
    assert result.errors == []
    assert result.articles == 10
    alarms = [(Path(a.path).name, a.sentence, a.got) for a in result.false_alarms
              if not (a.got or "").endswith("(accurate)")]
    assert result.problems.fp == len(alarms)
    assert len(alarms) <= MAX_FALSE_ALARMS, alarms


@pytest.mark.parametrize(("family", "text", "suffix"), QUIET,
                         ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(QUIET)])
def test_a_correct_passage_is_quiet(checker, family, text, suffix):
    if _listed(text, STILL_LOUD):
        pytest.xfail("still flagged (see STILL_LOUD)")
    assert _problems(checker, text, suffix) == []


@pytest.mark.parametrize(("family", "claim", "text", "suffix"), FLAG,
                         ids=[f"{f}-{i}" for i, (f, *_) in enumerate(FLAG)])
def test_a_wrong_twin_is_flagged(checker, family, claim, text, suffix):
    if _listed(text, STILL_MISSED):
        pytest.xfail("still missed (see STILL_MISSED)")
    found = _problems(checker, text, suffix)
    assert any(claim in ("any", claim_id) for claim_id, _ in found), found


def test_the_listed_passages_are_still_wrong(checker):
    """STILL_LOUD and STILL_MISSED stay honest: drop a passage once it passes."""
    loud = [t for _, t, s in QUIET if _listed(t, STILL_LOUD) and not _problems(checker, t, s)]
    caught = [t for _, c, t, s in FLAG if _listed(t, STILL_MISSED) and any(
        c in ("any", claim_id) for claim_id, _ in _problems(checker, t, s))]
    assert loud == [] and caught == []
    assert len([t for _, t, _ in QUIET if _listed(t, STILL_LOUD)]) == len(STILL_LOUD)
    assert len([t for _, _, t, _ in FLAG if _listed(t, STILL_MISSED)]) == len(STILL_MISSED)
