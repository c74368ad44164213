"""`taxcheck claims list|show|test` on the shipped database."""

from __future__ import annotations

from conftest import invoke


def test_list_filters_by_topic_and_verdict():
    result = invoke("claims", "list", "--topic", "rollovers", "--verdict", "accurate")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[-1] == f"{len(lines) - 1} claims: {len(lines) - 1} accurate"
    assert all(" accurate " in line and " rollovers " in line for line in lines[:-1])
    assert any(line.startswith("rollover-60-days ") for line in lines)


def test_list_unknown_topic_names_the_topics():
    result = invoke("claims", "list", "--topic", "nope")
    assert result.returncode == 2
    assert "no topic 'nope'; topics: basis, capital-gains, capital-losses," in result.stderr


def test_show_numeric_claim_prints_its_figure_table_and_sources():
    result = invoke("claims", "show", "elective-deferral-limit")
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("elective-deferral-limit  [numeric, checked against figure "
                          "elective-deferral-limit]  topic contribution-limits")
    for line in ("  2024: $23,000", "  2025: $23,500", "  2026: $24,500"):
        assert line in out.splitlines()
    assert "<https://www.irs.gov/newsroom/401k-limit-increases-to-24500" in out
    assert "Examples that must not match:" in out


def test_show_year_conditions_and_unknown_id():
    out = invoke("claims", "show", "ira-loss-deduction-before-2018").stdout
    assert "names a year up to 2017" in out
    missing = invoke("claims", "show", "no-such-claim")
    assert missing.returncode == 2 and "no claim with id 'no-such-claim'" in missing.stderr


def test_claims_test_runs_selected_claims(db):
    result = invoke("claims", "test", "elective-deferral-limit", "rmd-start-age")
    assert result.returncode == 0, result.stdout
    examples = sum(len(c.examples.match) + len(c.examples.negated) + len(c.examples.no_match)
                   for c in db.claims if c.id in ("elective-deferral-limit", "rmd-start-age"))
    assert result.stdout.splitlines()[-1] == f"{examples} passed, 0 failed (2 claims)"
