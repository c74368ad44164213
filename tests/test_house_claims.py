"""House claim folders add claims and override built-in ones by id (--claims and config)."""

from __future__ import annotations

import json

from conftest import ROOT, invoke

HOUSE = ROOT / "tests" / "data" / "house-claims"
ARTICLE = ("Title\n\n"
           "If you discover a 401k loss after filing your taxes, you can file an amended return "
           "to claim the loss.\n\n"
           "Capital losses can offset an unlimited amount of your ordinary income.\n")


def findings(result) -> list[tuple[str, str, str]]:
    return [(f["claim_id"], f["severity"], f["correction"])
            for f in json.loads(result.stdout)[0]["findings"]]


def test_builtin_database_alone(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    assert [f[:2] for f in findings(invoke("check", str(article), "--format", "json"))] == [
        ("retirement-loss-amended-return", "error"), ("capital-loss-unlimited-offset", "error")]


def test_claims_option_adds_a_claim_and_overrides_one_by_id(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    result = invoke("check", str(article), "--format", "json", "--claims", str(HOUSE))
    assert findings(result) == [
        ("retirement-loss-amended-return", "warning",
         "Amending your return will not let you claim a loss inside a 401(k) or IRA."),
        ("house-capital-loss-unlimited-offset", "error",
         "After offsetting your capital gains, capital losses can offset up to $3,000 of "
         "ordinary income a year ($1,500 if married filing separately); the rest carries "
         "forward."),
    ]


def test_claims_in_the_configuration_are_relative_to_it(tmp_path):
    (tmp_path / "desk").mkdir()
    for source in HOUSE.glob("*.yaml"):
        (tmp_path / "desk" / "house" / source.name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "desk" / "house" / source.name).write_text(source.read_text())
    (tmp_path / "desk" / ".taxcheck.toml").write_text('claims = ["house"]\nformat = "json"\n')
    article = tmp_path / "desk" / "drafts" / "a.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE)
    result = invoke("check", str(article))
    assert [f[:2] for f in findings(result)] == [
        ("retirement-loss-amended-return", "warning"),
        ("house-capital-loss-unlimited-offset", "error")]
    assert result.returncode == 1


def test_house_claims_pass_their_own_examples():
    result = invoke("claims", "test", "--claims", str(HOUSE),
                     "house-capital-loss-unlimited-offset", "retirement-loss-amended-return")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "6 passed, 0 failed (2 claims)"
