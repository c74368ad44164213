"""Capital losses and wash sales (issue 12; session 14, branch caploss): whole short pages
in ``tests/data/caploss_passages.yaml``, wrong and right twins written from the fact sheet,
run through the real Checker by :mod:`q5_families`' runner.

Run as a script for the table: ``.venv/bin/python tests/caploss_set.py``."""

from __future__ import annotations

from pathlib import Path

from passage_runs import summary
from q5_families import outcomes

DATA = Path(__file__).parent / "data" / "caploss_passages.yaml"

if __name__ == "__main__":
    from taxcheck.checker import Checker
    from taxcheck.claimdb import load_claims

    print(summary(outcomes(Checker(load_claims()), DATA)))
