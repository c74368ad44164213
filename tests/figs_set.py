"""Run branch figs' set (tests/data/figs-s15/set.yaml, session 15) with branch cap's runner
(tests/cap_set.py): for each entry, what its wrong and right passages give.
``.venv/bin/python tests/figs_set.py [set]`` prints the table and the counts per fact;
``--totals`` prints the counts only."""

from __future__ import annotations

from pathlib import Path

from cap_set import main

if __name__ == "__main__":
    main(Path(__file__).parent / "data" / "figs-s15")
