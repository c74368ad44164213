"""Fit the function-word verifier shipped in ``src/taxcheck/data/verifier.json`` (issue 12).

    .venv/bin/pip install scikit-learn        # here only, not a dependency of the package
    .venv/bin/python benchmarks/fit_verifier.py [reports/first-contact] [--write]

Reads ``benchmarks/first_contact.py``'s dataset (``findings.jsonl``, ``rounds.json``; no article
is read, nothing of ``corpus/sealed``): the problem findings the eval counts on rounds e to v.
The model (``benchmarks/verifier_study.py``, "function words + table") is a logistic regression
over binary unigrams and bigrams of the finding's sentence, every word that is not a function
word made ``w`` (amounts and years ``#``), and the confidence table's six features; no topic,
no block kind. ``C`` and the table columns' scale are chosen by leave-one-round-out log loss;
each round is then held out in turn (the parameters chosen again inside the other rounds) to
give held-out values, on which the default threshold is chosen: the highest precision whose
held-out recall is at least the table's at its own 0.3. ``--write`` refits on every round and
writes the weights (n-grams with |weight| >= ``PRUNE``) and the threshold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import first_contact_study as fs

from taxcheck.calibration import PROBLEM_WEIGHTS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "taxcheck" / "data" / "verifier.json"
TOKEN = r"\$?\d[\d,]*(?:\.\d+)?%?|[a-z]+(?:'[a-z]+)?|\?"
"""Words (with an apostrophe), amounts and years, and the question mark."""
FUNCTION_WORDS = (  # noqa: SIM905
    "a about above across after afterwards again against all almost alone along already also "
    "although always am among amongst an and another any anyhow anyone anything anyway anywhere "
    "are around as at be became because become becomes becoming been before beforehand behind "
    "being below beside besides between beyond both but by can cannot could do done down due "
    "during each either else elsewhere enough even ever every everyone everything everywhere "
    "except few for former formerly from further go had has have he hence her here hereafter "
    "hereby herein hereupon hers herself him himself his how however i if in indeed into is it "
    "its itself last latter latterly least less many may me meanwhile might mine more moreover "
    "most mostly much must my myself namely neither never nevertheless next no nobody none noone "
    "nor not nothing now nowhere of off often on once only onto or other others otherwise our "
    "ours ourselves out over own per perhaps please rather same seem seemed seeming seems several "
    "she should since so some somehow someone something sometime sometimes somewhere still such "
    "than that the their them themselves then thence there thereafter thereby therefore therein "
    "thereupon these they this those though through throughout thru thus to together too toward "
    "towards under until up upon us very via was we well were what whatever when whence whenever "
    "where whereafter whereas whereby wherein whereupon wherever whether which while whither who "
    "whoever whole whom whose why will with within without would yet you your yours yourself "
    "yourselves can't don't doesn't won't isn't wasn't aren't you'll you're you've it's that's "
    "there's used longer prior").split()
"""English function words (scikit-learn's stop words less every word that can name a topic or
a number, such as "interest", "put", "amount", "sixty"; with contractions and the time words
"used", "longer", "prior"). Written into the weights file; the checker reads them from there."""
TABLE_NAMES = tuple(n for n in PROBLEM_WEIGHTS if n != "base")
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
SCALES = (1.0, 3.0)
PRUNE = 0.05
"""Least |weight| of an n-gram kept in the shipped file."""


def clean(text: str) -> str:
    """Lower case, typographic apostrophes made plain."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def cue_grams(text: str) -> list[str]:
    """Unigrams and bigrams of the sentence, non-function words ``w``, amounts ``#``; grams of
    placeholders alone dropped (each gram once)."""
    words = set(FUNCTION_WORDS)
    toks = [t if t in words or t == "?" else "#" if t[-1].isdigit() else "w"
            for t in re.findall(TOKEN, clean(text))]
    grams = [*toks, *(f"{a} {b}" for a, b in itertools.pairwise(toks))]
    return sorted({g for g in grams if set(g.split()) - {"w", "#"}})


def table_of(row: dict) -> list[str]:
    return sorted(fs.features(row) & set(TABLE_NAMES))


def fit(train: list[dict], c: float, scale: float) -> dict:
    """Weights (pruned) of the model fitted on ``train``: {intercept, table, ngrams}."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    words = CountVectorizer(binary=True, min_df=2, analyzer=cue_grams)
    table = CountVectorizer(binary=True, analyzer=table_of, vocabulary=list(TABLE_NAMES))
    x = hstack([words.fit_transform([r["sentence"] for r in train]),
                table.transform(train) * scale]).tocsr()
    model = LogisticRegression(C=c, max_iter=3000).fit(x, [r["label"] == "tp" for r in train])
    coef = model.coef_[0]
    n = len(words.vocabulary_)
    grams = dict(zip(words.get_feature_names_out(), coef[:n], strict=True))
    return {"intercept": round(float(model.intercept_[0]), 4),
            "table": {k: round(float(w) * scale, 4)
                      for k, w in zip(TABLE_NAMES, coef[n:], strict=True)},
            "ngrams": {g: round(float(w), 4) for g, w in sorted(grams.items())
                       if abs(w) >= PRUNE}}


def score(weights: dict, row: dict) -> float:
    z = weights["intercept"] + sum(weights["table"][f] for f in table_of(row))
    z += sum(weights["ngrams"].get(g, 0.0) for g in cue_grams(row["sentence"]))
    return 1 / (1 + math.exp(-z))


def log_loss(ps: list[float], rows: list[dict]) -> float:
    return fs.log_loss(ps, rows)


def held_out(rows: list[dict], param: tuple[float, float]) -> list[float]:
    out = [0.0] * len(rows)
    for held in sorted({r["round"] for r in rows}):
        w = fit([r for r in rows if r["round"] != held], *param)
        for i, r in enumerate(rows):
            if r["round"] == held:
                out[i] = score(w, r)
    return out


def choose(rows: list[dict]) -> tuple[float, float]:
    grid = [(c, s) for c in CS for s in SCALES]
    return min(grid, key=lambda p: log_loss(held_out(rows, p), rows))


def pr(rows: list[dict], ps: list[float], t: float, missed: int) -> tuple[float, float, int, int]:
    kept = [r for r, p in zip(rows, ps, strict=True) if p >= t]
    tp = sum(r["label"] == "tp" for r in kept)
    total_tp = sum(r["label"] == "tp" for r in rows)
    return tp / max(len(kept), 1), tp / (total_tp + missed), tp, len(kept) - tp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT / "reports" / "first-contact")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    all_rows, missed_by = fs.load(args.folder)
    rows = [r for r in fs.scored(all_rows, True) if r["round"] in fs.FIT_ROUNDS]
    missed = sum(missed_by.get(h, 0) for h in fs.FIT_ROUNDS)
    print(f"{len(rows)} problem findings, {sum(r['label'] == 'tp' for r in rows)} right")
    # the outer loop: each round held out, parameters chosen inside the other rounds
    outer = [0.0] * len(rows)
    table = [0.0] * len(rows)
    for held in fs.FIT_ROUNDS:
        train = [r for r in rows if r["round"] != held]
        param = choose(train)
        w = fit(train, *param)
        tw = fs.fit(train, TABLE_NAMES)
        for i, r in enumerate(rows):
            if r["round"] == held:
                outer[i], table[i] = score(w, r), fs.predict(tw, r)
        print(f"  {held}: C, scale {param}", file=sys.stderr)
    print(f"held out: log loss table {log_loss(table, rows):.3f}, verifier "
          f"{log_loss(outer, rows):.3f}")
    tp_, tr_, *tc = pr(rows, table, 0.3, missed)
    print(f"table at 0.3: P {tp_:.3f} R {tr_:.3f} tp {tc[0]} fp {tc[1]}")
    every = pr(rows, outer, 0.0, missed)
    print(f"every finding: P {every[0]:.3f} R {every[1]:.3f} tp {every[2]} fp {every[3]}")
    for lo, hi, word in ((0.65, 1.01, "high"), (0.45, 0.65, "medium"), (0.0, 0.45, "low")):
        band = [r for r, p in zip(rows, outer, strict=True) if lo <= p < hi]
        right = sum(r["label"] == "tp" for r in band)
        share = right / max(len(band), 1)
        print(f"band {word} [{lo}, {hi}): {len(band)} findings, right {share:.2f}")
    best = None
    for t in [i / 100 for i in range(10, 71)]:
        p, rec, tp, fp = pr(rows, outer, t, missed)
        print(f"  verifier at {t:.2f}: P {p:.3f} R {rec:.3f} tp {tp} fp {fp}")
        if tp >= tc[0] and (best is None or p > best[1]):
            best = (t, p, rec, tp, fp)
    assert best is not None
    print(f"chosen threshold {best[0]:.2f}: P {best[1]:.3f} R {best[2]:.3f} tp {best[3]} "
          f"fp {best[4]}")
    if args.write:
        param = choose(rows)
        w = fit(rows, *param)
        digest = hashlib.sha256((args.folder / "findings.jsonl").read_bytes()).hexdigest()[:12]
        OUT.parent.mkdir(exist_ok=True)
        OUT.write_text(json.dumps({
            "fitted": dt.date.today().isoformat(), "dataset": digest,
            "rounds": list(fs.FIT_ROUNDS), "C": param[0], "table_scale": param[1],
            "threshold": best[0], "token_pattern": TOKEN,
            "function_words": sorted(FUNCTION_WORDS), **w}, indent=1) + "\n")
        print(f"wrote {OUT} ({len(w['ngrams'])} n-grams, C, scale {param})")


if __name__ == "__main__":
    main()
