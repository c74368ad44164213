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


# -- house figure years --------------------------------------------------------------------

FIGURE_YEARS = ROOT / "tests" / "data" / "house-figures"
RMD_2023 = ("RMD rules for 2023\n\nPublished March 3, 2023\n\n"
            "If you skip an RMD, the IRS charges a 50% penalty.\n")


def test_a_house_figure_year_checks_articles_of_that_year(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(RMD_2023)
    before = invoke("check", str(article), "--format", "json")
    assert findings(before) == []  # the built-in table has no 2023 row
    after = json.loads(invoke("check", str(article), "--format", "json",
                              "--claims", str(FIGURE_YEARS)).stdout)[0]
    assert [(f["claim_id"], f["verdict"], f["text"]) for f in after["findings"]] == [
        ("rmd-excise-rate", "outdated", "If you skip an RMD, the IRS charges a 50% penalty.")]
    assert "for 2023 it is 25%" in after["findings"][0]["message"]


def test_a_house_figure_year_changes_nothing_else():
    from taxcheck.claimdb.loader import load_database

    builtin = load_database([ROOT / "claims"]).figures["rmd-excise-rate"]
    house = load_database([ROOT / "claims", FIGURE_YEARS]).figures["rmd-excise-rate"]
    assert house.values == {**builtin.values, 2023: 25}
    assert (house.name, house.unit, house.note) == (builtin.name, builtin.unit, builtin.note)
    assert house.citations == builtin.citations  # the house source has the same address


def _house_figures(tmp_path, text: str):
    folder = tmp_path / "house"
    folder.mkdir(parents=True)
    (folder / "figures.yaml").write_text(text)
    result = invoke("check", "--claims", str(folder), "-", stdin="Nothing here.\n")
    return folder, result


CITE = ("    citations:\n      - title: IRS notice\n"
        "        url: https://www.irs.gov/pub/irs-drop/n-25-67.pdf\n")


def test_a_house_figure_year_cannot_change_a_year_the_figure_has(tmp_path):
    folder, result = _house_figures(tmp_path, "figures:\n  - id: rmd-excise-rate\n"
                                    "    values:\n      2024: 30\n" + CITE)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"taxcheck: error: {folder / 'figures.yaml'}:4: TC108 figure 'rmd-excise-rate' already "
        "has a value for 2024; a house folder adds years to a figure, it does not change them "
        "(give the whole figure with 'name' and 'unit' to replace it)")


def test_a_house_figure_year_is_validated_like_a_figure(tmp_path):
    folder, result = _house_figures(tmp_path, "figures:\n  - id: rmd-excise-rate\n"
                                    "    values:\n      2027: 250\n" + CITE)
    assert result.returncode == 2
    assert f"{folder / 'figures.yaml'}:4: TC103 values: 2027: 250 is not" in result.stderr
    assert "250 is not a plausible percent value" in result.stderr
    _, result = _house_figures(tmp_path / "b", "figures:\n  - id: rmd-excise-rate\n"
                               "    values: {2027: 25}\n")
    assert result.returncode == 2 and "citations: Field required" in result.stderr


def test_a_house_figure_year_needs_a_known_figure(tmp_path):
    folder, result = _house_figures(tmp_path, "figures:\n  - id: rmd-excise-rat\n"
                                    "    values: {2027: 25}\n" + CITE)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"taxcheck: error: {folder / 'figures.yaml'}:2: TC106 figure 'rmd-excise-rat' is not in an "
        "earlier claim folder; a new figure needs 'name', 'unit', 'values' and 'citations'")
