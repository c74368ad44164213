"""Which amount belongs to which limit, year and group: a stress set of sentences in the
shapes real pages use ("from X to Y", "up $500", several groups in one sentence, totals,
floors, possessive years, table rows flattened into lines, label: value lines, several
limits in one paragraph, projections). About half state every figure right and must stay
quiet; the others state one figure wrong and must be flagged with the claim of that limit
and its verdict, and nothing else. The rows live in ``tests/data/figure-attribution.tsv``;
a row with a fourth column is a known miss (strict xfail, with the reason), so fixing one
shows as XPASS."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "figure-attribution.tsv"


def _rows() -> list:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, claim, verdict, *known = line.split("\t")
        marks = [pytest.mark.xfail(reason=known[0], strict=True)] if known else []
        rows.append(pytest.param(text.replace("\\n", "\n"), claim, verdict, marks=marks,
                                 id=f"{len(rows):03d}-{claim}"))
    return rows


ROWS = _rows()


def _problems(report) -> set[tuple[str, str]]:
    return {(f.claim_id, f.verdict) for f in report.findings
            if f.verdict != "accurate" and f.framing != "myth"}


def test_the_set_is_large_and_balanced():
    quiet = sum(1 for row in ROWS if row.values[1] == "quiet")
    assert len(ROWS) >= 80
    assert 0.4 <= quiet / len(ROWS) <= 0.6


@pytest.mark.parametrize(("text", "claim", "verdict"), ROWS)
def test_each_amount_goes_to_its_own_limit(check_text, text, claim, verdict):
    found = _problems(check_text(text))
    expected = set() if claim == "quiet" else {(claim, verdict)}
    assert found == expected, text
