"""Start-up: the compiled claim-database cache, and commands that need no spaCy."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from taxcheck.claimdb import builtin_claims_dir, load_claims
from taxcheck.claimdb.cache import cache_dir, cached_load
from taxcheck.claimdb.loader import ClaimDatabaseErrors, load_database

HOUSE = """topic: house
claims:
  - id: house-rule
    says: House rule.
    rule: A house rule.
    verdict: false
    correction: Do not say that.
    when:
      - all: [DEDUCT, LOSS]
    citations:
      - title: IRS Publication 590-B
        url: https://www.irs.gov/publications/p590b
    examples:
      match: [a, b, c, d]
      no_match: [e, f, g, h]
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TAXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "claimdb"


def test_a_second_load_comes_from_the_cache_and_equals_the_first(cache):
    first = load_claims()
    [cached] = list(cache.glob("*.pickle"))
    second = load_claims()
    assert second is not first
    assert second.version == first.version
    assert [c.id for c in second.claims] == [c.id for c in first.claims]
    assert second.conditions_for(frozenset({"IRA", "LOSS"})) == first.conditions_for(
        frozenset({"IRA", "LOSS"}))
    assert list(cache.glob("*.pickle")) == [cached]


def test_editing_a_claim_file_or_adding_a_house_folder_is_never_served_stale(cache, tmp_path):
    # a claims folder of its own: the vocabulary and the one claim file edited
    claims = tmp_path / "claims"
    claims.mkdir()
    for name in ("concepts.yaml", "retirement-losses.yaml"):
        shutil.copy(builtin_claims_dir() / name, claims / name)
    before = cached_load([claims], load_database)
    assert "retirement-loss-rollover" in {c.id for c in before.claims}
    path = claims / "retirement-losses.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "id: retirement-loss-rollover", "id: retirement-loss-rollover-renamed"), encoding="utf-8")
    after = cached_load([claims], load_database)
    assert "retirement-loss-rollover-renamed" in {c.id for c in after.claims}
    assert after.version != before.version
    house = tmp_path / "house"
    house.mkdir()
    (house / "house.yaml").write_text(HOUSE, encoding="utf-8")
    assert "house-rule" in {c.id for c in load_claims([house]).claims}
    assert "house-rule" not in {c.id for c in load_claims().claims}


def test_a_corrupt_cache_file_is_ignored_and_replaced(cache):
    expected = load_claims()
    [cached] = list(cache.glob("*.pickle"))
    cached.write_bytes(b"\x80\x04 not a pickle")
    assert load_claims().version == expected.version
    assert pickle.loads(cached.read_bytes()).version == expected.version  # rewritten


def test_errors_are_reported_every_time_and_never_cached(cache, tmp_path):
    house = tmp_path / "house"
    house.mkdir()
    (house / "house.yaml").write_text(HOUSE.replace("verdict: false", "verdict: maybe"),
                                      encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ClaimDatabaseErrors, match=r"house\.yaml:6"):
            load_claims([house])
    assert not list(cache.glob("*.pickle"))


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TAXCHECK_CACHE_DIR", str(blocker))
    assert cache_dir() == blocker / "claimdb"
    assert load_claims().claims


@pytest.mark.parametrize("args", [["--help"], ["config"], ["claims", "list"]])
def test_commands_that_check_nothing_do_not_import_spacy(args):
    code = ("import sys; from taxcheck.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            "print('spacy' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.stdout.strip()
    assert result.stderr.strip().splitlines()[-1] == "False"


@pytest.fixture(scope="module")
def small_check(tmp_path_factory):
    """``taxcheck check`` of a small file in a fresh process, then what that process had
    imported (stderr: the taxcheck modules; spaCy's command line and its dependencies;
    whether spaCy's command line, imported afterwards, still works)."""
    article = tmp_path_factory.mktemp("small") / "small.txt"
    article.write_text("You can deduct up to $3,000 of capital losses a year.\n",
                       encoding="utf-8")
    code = ("import sys; from taxcheck.cli import main\n"
            f"try:\n    main(['check', {str(article)!r}, '--fail-on', 'never'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('taxcheck.')), file=sys.stderr)\n"
            "print(sorted(m for m in ('spacy.cli', 'typer', 'weasel', 'httpx')\n"
            "             if m in sys.modules), file=sys.stderr)\n"
            "import spacy, spacy.cli\n"
            "print(sorted(spacy.info(silent=True)) == sorted(spacy.cli.info(silent=True)),\n"
            "      file=sys.stderr)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_checking_a_text_file_imports_only_what_the_check_needs(small_check):
    assert "1 verified claim in 1 file" in small_check.stdout  # it did check the article
    loaded = small_check.stderr.strip().splitlines()[-3]
    assert "'taxcheck.checker'" in loaded
    for unneeded in ("taxcheck.scan.runner", "taxcheck.scan.work", "taxcheck.readers.html",
                     "taxcheck.readers.docx", "taxcheck.render.sarif", "taxcheck.render.html"):
        assert f"'{unneeded}'" not in loaded, unneeded


def test_checking_leaves_spacys_command_line_unimported_and_still_usable(small_check):
    assert "1 verified claim in 1 file" in small_check.stdout
    assert small_check.stderr.strip().splitlines()[-2:] == ["[]", "True"]


def test_the_collector_pauses_only_while_the_checker_is_built():
    # spaCy, the database and the pipeline are built with the garbage collector paused and
    # then frozen (taxcheck.gcpause); the collector must be on again for the articles,
    # whose garbage it collects, and a caller's own pause must be left alone
    code = ("import gc, sys\n"
            "from taxcheck.checker import Checker\n"
            "from taxcheck.claimdb import load_claims\n"
            "checker = Checker(load_claims())\n"
            "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
            "gc.disable(); Checker(checker.db); print(gc.isenabled())\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.stdout.split() == ["True", "True", "False"], result.stderr
