"""Spike (issue 12): would a learned sentence classifier find the facts the rules miss?

Trains TF-IDF (words + character n-grams) logistic regressions on what the repository has
(claim examples, the gold of ``corpus/gold``, ``corpus/blind/gold`` and ``corpus/bank/gold``,
unannotated sentences as "none") and evaluates leave-one-round-out over the blind rounds.
Never reads ``corpus/sealed``. Needs scikit-learn, which is not a dependency of the package:

    .venv/bin/pip install scikit-learn
    .venv/bin/python benchmarks/learned_spike.py --misses /tmp/m-learned.json

``--misses`` is the JSON written by ``bash /work/mcheck.sh`` (development only): its
``misses`` with ``got`` null are the rules' unflagged misses.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier

from taxcheck.evaluation import _quoted, holds, normalise
from taxcheck.readers import read_path

PROBLEM = frozenset({"false", "misleading", "outdated"})
NONE = "none"
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z0-9\"“$(])")
ROUND_OF_PREFIX = {  # docs/accuracy.md, "The parts of the corpus"
    "w1": "w", "w2": "w", "w3": "w", "w4": "w", "w5": "w5", "e1": "e", "e2": "e", "e3": "e",
    "g4": "g", "g5": "g", "k2": "g", "h4": "h", "h5": "h", "i4": "i", "i5": "i", "n1": "i",
    "n3": "i", "n4": "i", "j4": "j", "n6": "j", "p4": "k", "n9": "k", "q4": "q", "q5": "q",
    "n11": "q", "r4": "r", "r5": "r", "n13": "r", "s4": "s", "s5": "s", "n15": "s",
}


@dataclass
class Item:
    """One training or test sentence: its text, fact (or none) and whether it is a problem."""

    text: str
    fact: str
    problem: bool
    source: str  # "example", "ours", "bank" or a blind round
    path: str = ""


def sentences(path: Path) -> list[str]:
    """The article's blocks cut at sentence ends (a rough splitter: enough for a spike)."""
    out: list[str] = []
    for block in read_path(str(path)).blocks:
        text = block.text if block.row is None else f"{block.row} - {block.column}: {block.text}"
        out.extend(s for s in SPLIT.split(text) if s.strip())
    return out


def article_items(gold_dir: Path, source_of: Callable[[str], str]) -> tuple[list[Item], int]:
    """Every sentence of the articles of one gold folder, labelled from its annotations."""
    items: list[Item] = []
    unplaced = 0
    for gold_file in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text())
        article = gold_dir.parent / gold["article"]
        sents = sentences(article)
        norm = [normalise(s) for s in sents]
        labels: dict[int, tuple[str, bool]] = {}
        for ann in gold.get("annotations") or []:
            fact = ann.get("fact") or ann.get("claim")
            quote = _quoted(ann["quote"])
            hit = [i for i, s in enumerate(norm) if holds(quote, s)]
            if not hit:
                unplaced += 1
                continue
            problem = ann["verdict"] in PROBLEM
            for i in hit[:1]:
                if i not in labels or (problem and not labels[i][1]):
                    labels[i] = (fact, problem)
        source = source_of(gold["article"])
        for i, text in enumerate(sents):
            fact, problem = labels.get(i, (NONE, False))
            items.append(Item(text, fact, problem, source, f"{gold_dir.parent}/{gold['article']}"))
    return items, unplaced


def example_items(claims_dir: Path) -> list[Item]:
    """Claim examples: a claim's matches (and its negation's) state its fact with its verdict."""
    items: list[Item] = []
    for path in sorted(claims_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text())
        for claim in (data or {}).get("claims", []) if isinstance(data, dict) else []:
            examples = claim.get("examples") or {}
            problem = claim.get("verdict") in PROBLEM
            for text in examples.get("match") or []:
                items.append(Item(text, claim["fact"], problem, "example"))
            negated = claim.get("negated") or {}
            for text in examples.get("negated") or []:
                negated_problem = negated.get("verdict") in PROBLEM
                items.append(Item(text, claim["fact"], negated_problem, "example"))
    return items


def blind_round(article: str) -> str:
    return ROUND_OF_PREFIX[article.split("-", 1)[0]]


def _logistic() -> SGDClassifier:
    """Logistic regression by SGD (one-vs-rest): lbfgs over 57 facts and 90k features takes
    minutes a fold on a shared two-core machine; this takes about 25 seconds."""
    return SGDClassifier(loss="log_loss", alpha=2e-5, max_iter=30, tol=None, random_state=0)


class Model:
    """A fact head (facts and none) and a problem head, over shared TF-IDF features."""

    def __init__(self, train: list[Item]) -> None:
        texts = [i.text for i in train]
        self.words = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True,
                                     lowercase=True)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                     sublinear_tf=True, lowercase=True)
        x = self._fit(texts)
        self.fact = _logistic().fit(x, [i.fact for i in train])
        self.problem = _logistic().fit(x, [i.problem for i in train])

    def _fit(self, texts: list[str]) -> csr_matrix:
        return hstack([self.words.fit_transform(texts), self.chars.fit_transform(texts)]).tocsr()

    def predict(self, texts: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Top fact other than none, its probability, and the probability of a problem."""
        x = hstack([self.words.transform(texts), self.chars.transform(texts)]).tocsr()
        probs = self.fact.predict_proba(x)
        classes = list(self.fact.classes_)
        masked = probs.copy()
        masked[:, classes.index(NONE)] = -1
        top = masked.argmax(axis=1)
        p_problem = self.problem.predict_proba(x)[:, list(self.problem.classes_).index(True)]
        return [classes[k] for k in top], probs[np.arange(len(top)), top], p_problem


def unflagged_misses(path: Path | None) -> dict[str, list[tuple[str, str]]]:
    """The rules' unflagged problem misses per article: (normalised quote, fact)."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if path is None:
        return out
    for miss in json.loads(path.read_text())["misses"]:
        fact, _, verdict = miss["expected"].rpartition(" (")
        if miss["got"] is None and verdict.rstrip(")") in PROBLEM:
            out[miss["path"]].append((_quoted(miss["sentence"]), fact))
    return out


def evaluate(train: list[Item], test: list[Item], misses: list[tuple[str, str]]) -> dict:
    model = Model(train)
    facts, p_fact, p_problem = model.predict([i.text for i in test])
    score = p_fact * p_problem
    problems = [k for k, i in enumerate(test) if i.problem]
    row: dict = {
        "sentences": len(test), "problems": len(problems),
        "top_fact_right": sum(facts[k] == test[k].fact for k in problems),
    }
    annotated = [k for k, i in enumerate(test) if i.fact != NONE]
    row["annotated"] = len(annotated)
    row["verdict_right"] = int(sum((p_problem[k] >= 0.5) == test[k].problem for k in annotated))
    miss_rows = [(k, fact) for quote, fact in misses
                 for k, i in enumerate(test) if holds(quote, normalise(i.text))]
    row["unflagged_misses"] = len(misses)
    row["misses_placed"] = len(miss_rows)
    for t in THRESHOLDS:
        flagged = [k for k in range(len(test)) if score[k] >= t]
        tp = sum(1 for k in flagged if test[k].problem and facts[k] == test[k].fact)
        row[f"t{t}"] = {"flagged": len(flagged), "tp": tp,
                        "caught_misses": sum(1 for k, f in miss_rows
                                             if score[k] >= t and facts[k] == f),
                        "fact_flagged": int((p_fact >= t).sum()),
                        "fact_tp": sum(1 for k in annotated
                                       if p_fact[k] >= t and facts[k] == test[k].fact)}
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=Path, help="mcheck.sh JSON (development only)")
    parser.add_argument("--no-examples", action="store_true", help="train without claim examples")
    parser.add_argument("--out", type=Path, help="write the per-round rows as JSON")
    args = parser.parse_args()
    corpus = Path("corpus")
    ours, u1 = article_items(corpus / "gold", lambda _: "ours")
    bank, u2 = article_items(corpus / "bank" / "gold", lambda _: "bank")
    blind, u3 = article_items(corpus / "blind" / "gold", blind_round)
    fixed = ours + bank + ([] if args.no_examples else example_items(Path("claims")))
    print(f"sentences: ours {len(ours)}, bank {len(bank)}, blind {len(blind)}, "
          f"examples {len(fixed) - len(ours) - len(bank)}; quotes not placed {u1 + u2 + u3}")
    misses = unflagged_misses(args.misses)
    rows = {}
    for rnd in sorted({i.source for i in blind}):
        test = [i for i in blind if i.source == rnd]
        train = fixed + [i for i in blind if i.source != rnd]
        round_misses = [m for i in {i.path for i in test} for m in misses.get(i, [])]
        rows[rnd] = evaluate(train, test, round_misses)
        r = rows[rnd]
        at = " ".join("{}:{flagged}/{tp}/{caught_misses}".format(t, **r[f"t{t}"])
                      for t in THRESHOLDS)
        print(rnd, r["sentences"], r["problems"], r["top_fact_right"],
              r["unflagged_misses"], r["misses_placed"], at, flush=True)
    total = {k: sum(r[k] for r in rows.values())
             for k in ("sentences", "problems", "top_fact_right", "unflagged_misses",
                       "misses_placed", "annotated", "verdict_right")}
    print(f"all rounds: top fact right on {total['top_fact_right']}/{total['problems']} problem "
          f"sentences; unflagged rule misses {total['unflagged_misses']} "
          f"({total['misses_placed']} placed)")
    print(f"problem head (p >= 0.5) agrees with the gold verdict on {total['verdict_right']}/"
          f"{total['annotated']} annotated sentences")
    for t in THRESHOLDS:
        flagged = sum(r[f"t{t}"]["fact_flagged"] for r in rows.values())
        tp = sum(r[f"t{t}"]["fact_tp"] for r in rows.values())
        print(f"fact alone, p(fact) >= {t}: flagged {flagged}, right {tp}, "
              f"P {tp / max(flagged, 1):.3f}, R {tp / total['annotated']:.3f}")
    for t in THRESHOLDS:
        flagged = sum(r[f"t{t}"]["flagged"] for r in rows.values())
        tp = sum(r[f"t{t}"]["tp"] for r in rows.values())
        caught = sum(r[f"t{t}"]["caught_misses"] for r in rows.values())
        print(f"t={t}: flagged {flagged}, right {tp}, P {tp / max(flagged, 1):.3f}, "
              f"R {tp / total['problems']:.3f}, rule misses caught {caught}")
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
