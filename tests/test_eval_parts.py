"""taxcheck eval scores the team's, the blind and the sealed articles apart.

The development scores (top level) cover the team's and the blind articles; the sealed
part is reported as totals only, so nobody reads its sentences while tuning.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import invoke

WRONG = "The 401(k) contribution limit for 2026 is $23,000.\n"
RIGHT = "The IRA contribution limit for 2026 is $7,500.\n"


def _part(folder: Path, name: str, text: str, quote: str, verdict: str) -> None:
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"Limits\n\n{text}", encoding="utf-8")
    fact = "elective-deferral-limit" if "401" in quote else "ira-limit-catch-up-and-deadline"
    (folder / "gold" / f"{name}.yaml").write_text(
        f'article: {name}\nas_of: 2026\nannotations:\n  - quote: "{quote}"\n'
        f"    fact: {fact}\n    verdict: {verdict}\n", encoding="utf-8")


def _corpus(tmp_path: Path) -> Path:
    _part(tmp_path, "ours.txt", WRONG, "The 401(k) contribution limit for 2026", "outdated")
    _part(tmp_path / "blind", "blind.txt", RIGHT, "The IRA contribution limit", "accurate")
    # the sealed article's annotation is wrong on purpose: a miss that must not be shown
    _part(tmp_path / "sealed", "sealed.txt", "You may put $7,500 in an IRA for 2026.\n",
          "You may put $7,500 in an IRA", "false")
    return tmp_path


def test_json_reports_development_at_the_top_and_the_sealed_part_apart(tmp_path):
    result = invoke("eval", str(_corpus(tmp_path)), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["tp"], data["fp"], data["fn"]) == (1, 0, 0)
    assert data["accurate"]["tp"] == 1
    assert data["articles"] == 2
    sealed = data["sealed"]
    assert (sealed["tp"], sealed["fn"], sealed["articles"]) == (0, 1, 1)
    assert sealed["recall"] == 0.0
    assert set(sealed) >= {"precision", "recall", "accurate"}
    assert "misses" not in sealed and "false_alarms" not in sealed
    assert data["blind"]["accurate"]["tp"] == 1


def test_text_report_never_shows_a_sealed_sentence(tmp_path):
    result = invoke("eval", str(_corpus(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "sealed blind articles (totals only): 1 articles" in result.stdout
    assert "blind articles (corpus/blind): 1 articles" in result.stdout
    assert "sealed.txt" not in result.stdout
    assert "You may put $7,500" not in result.stdout


def test_misses_and_false_alarms_are_counted_by_kind_even_when_sealed(tmp_path):
    corpus = _corpus(tmp_path)
    # a second sealed article: taxcheck flags the outdated 401(k) amount, the labeller
    # (wrongly, on purpose) calls that sentence an accurate statement of the fact
    _part(corpus / "sealed", "sealed2.txt", WRONG, "The 401(k) contribution limit for 2026",
          "accurate")
    data = json.loads(invoke("eval", str(corpus), "--format", "json").stdout)
    sealed = data["sealed"]
    assert sealed["miss_kinds"] == {"unflagged": 1, "other_verdict": 0, "other_fact": 0}
    assert sealed["alarm_kinds"]["on_accurate"] == 1
    assert sum(sealed["alarm_kinds"].values()) == sealed["fp"]
    assert data["miss_kinds"]["unflagged"] == 0
    text = invoke("eval", str(corpus)).stdout
    assert "problems missed: unflagged 1, other_verdict 0, other_fact 0" in text
    assert "sealed2.txt" not in text


def test_a_table_row_quote_is_held_by_the_sentence_the_reader_makes_of_a_cell():
    from taxcheck.evaluation import holds, normalise
    quote = normalise("Catch-up, 50 and over | $7,500 | $8,000")
    assert holds(quote, normalise("Catch-up, 50 and over \u2014 2026: $8,000"))
    assert not holds(quote, normalise("Catch-up, 50 and over \u2014 2026: $9,000"))
    assert not holds(quote, normalise("Deferral \u2014 2026: $8,000"))
    assert not holds(normalise("The limit is $8,000"), normalise("The limit is $7,500"))


def test_a_question_row_label_is_held_by_its_cells():
    """The reader drops a row label's "?" before the cell ("Can you waive the withholding —
    Answer: No."): a gold quote of the label, with its "?", still finds the cell's sentence."""
    from taxcheck.evaluation import holds, normalise
    sentence = normalise("Can you waive the withholding \u2014 Answer: No. The plan keeps 20%.")
    assert holds(normalise("Can you waive the withholding?"), sentence)
    assert not holds(normalise("Can you put the money back?"), sentence)
    assert not holds(normalise("Can you waive the withholding?"),
                     normalise("Can you waive the withholding fee for a direct rollover"))


def test_a_quote_with_markdown_emphasis_is_held_by_the_sentence_without_it():
    """A gold quote copied from a Markdown page keeps its emphasis ("the 30 days *after* you
    sell"), which the reader drops from the sentence; a plain-text page keeps the asterisks
    in the sentence too. Either way the quote finds its sentence, and asterisks that are no
    emphasis stay."""
    from taxcheck.evaluation import holds, normalise
    quote = normalise("The window only runs for the 30 days *after* you sell.")
    assert holds(quote, normalise("The window only runs for the 30 days after you sell."))
    assert holds(quote, normalise("The window only runs for the 30 days *after* you sell."))
    assert holds(normalise("a **bold** limit"), normalise("It is a bold limit."))
    assert not holds(quote, normalise("The window runs for the 30 days before you sell."))
    assert normalise("5 * 3 and snake_case_name") == "5 * 3 and snake_case_name"
