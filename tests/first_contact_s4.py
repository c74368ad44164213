"""Round s's first-contact families of s4 in our own words (tests/data/first_contact_s4.yaml),
run like round q's (:mod:`first_contact_q4_n11`): each page through the real checker for tax
year 2026; a wrong case is caught when a problem finding of its claim (or of a claim of its
fact) with its verdict falls on the sentence holding its words; a correct case must raise no
problem anywhere on the page.

Run as a script for the table: ``.venv/bin/python tests/first_contact_s4.py``."""

from __future__ import annotations

import sys
from pathlib import Path

from first_contact_q4_n11 import Outcome, summary
from first_contact_q4_n11 import cases as _cases
from first_contact_q4_n11 import outcomes as _outcomes
from taxcheck.checker import Checker

DATA = Path(__file__).parent / "data" / "first_contact_s4.yaml"


def cases(data: Path = DATA) -> list[dict]:
    return _cases(data)


def outcomes(checker: Checker, data: Path = DATA) -> list[Outcome]:
    return _outcomes(checker, data)


if __name__ == "__main__":
    from taxcheck.claimdb import load_claims

    print(summary(outcomes(Checker(load_claims(), tax_year=2026),
                           Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)))
