"""Fit the function-word verifier shipped in ``src/taxcheck/data/verifier.json`` (issue 12).

    .venv/bin/pip install scikit-learn        # here only, not a dependency of the package
    .venv/bin/python benchmarks/fit_verifier.py [reports/first-contact] [--threshold T] [--write]

Reads ``benchmarks/first_contact.py``'s dataset (``findings.jsonl``, ``rounds.json``; no article
is read, nothing of ``corpus/sealed``): the problem findings the eval counts on rounds e to v.
The words adjust the confidence table instead of replacing it (session 16, branch verifier4):
a logistic regression over binary unigrams and bigrams of the finding's sentence (every word
that is not a function word made ``w``, amounts and years ``#``) with the table's log-odds as
a fixed offset, an L2 penalty and no intercept (``--intercept`` lets the search fit one), so a
sentence with no weighed n-gram keeps the table's confidence. ``C`` is chosen by
leave-one-round-out log loss; each round is then held out in turn (``C`` chosen again inside the
other rounds, the table refitted on them as the offset) to give held-out values. Headings are
lifted to their section's body as the checker lifts them (:func:`lifted`). The script prints
P / R / F0.5 at every threshold and the one with the best F0.5; ``--threshold`` writes another
(0.31: the highest at which the development corpus keeps its recall, measured with the eval).
``--write`` refits on every round against the code's :data:`PROBLEM_WEIGHTS` and writes the
n-grams with |weight| >= ``PRUNE`` and the threshold (about four minutes in all).
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

from taxcheck.calibration import BANDS, PROBLEM_WEIGHTS

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


TableWeights = dict[str, float]
"""A confidence table (``base`` and feature weights, log-odds), as :data:`PROBLEM_WEIGHTS`."""


def table_logit(table: TableWeights, row: dict) -> float:
    """The log-odds the table gives the row: the offset the words adjust."""
    return table["base"] + sum(table.get(f, 0.0) for f in table_of(row))


def fit(train: list[dict], c: float, table: TableWeights, intercept: bool = False) -> dict:
    """Weights (pruned) of the n-grams that adjust ``table``'s log-odds, fitted on ``train``: a
    logistic regression with the table's logit as a fixed offset, an L2 penalty ``1 / c`` on
    every n-gram, and no intercept unless ``intercept`` (then one, unpenalised): {intercept,
    ngrams}. A sentence with no weighed n-gram keeps the table's confidence."""
    import numpy as np
    from scipy.optimize import minimize
    from sklearn.feature_extraction.text import CountVectorizer

    words = CountVectorizer(binary=True, min_df=2, analyzer=cue_grams)
    x = words.fit_transform([r["sentence"] for r in train]).tocsr().astype(float)
    n = x.shape[1]
    offset = np.array([table_logit(table, r) for r in train])
    y = np.array([1.0 if r["label"] == "tp" else -1.0 for r in train])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = offset + x @ w[:n] + (w[n] if intercept else 0.0)
        value = np.logaddexp(0.0, -y * z).sum() + (w[:n] @ w[:n]) / (2 * c)
        g = -y / (1 + np.exp(y * z))
        grad = np.concatenate([x.T @ g + w[:n] / c, [g.sum()] if intercept else []])
        return float(value), grad

    start = np.zeros(n + intercept)
    w = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 5000}).x
    grams = dict(zip(words.get_feature_names_out(), w[:n], strict=True))
    return {"intercept": round(float(w[n]) if intercept else 0.0, 4),
            "ngrams": {g: round(float(v), 4) for g, v in sorted(grams.items())
                       if abs(v) >= PRUNE}}


def score(weights: dict, row: dict, table: TableWeights) -> float:
    z = table_logit(table, row) + weights["intercept"]
    z += sum(weights["ngrams"].get(g, 0.0) for g in cue_grams(row["sentence"]))
    return 1 / (1 + math.exp(-z))


_TABLES: dict[frozenset, TableWeights] = {}


def table_for(train: list[dict]) -> TableWeights:
    """The confidence table refitted on ``train`` (as ``first_contact_study.fit``), memoised by
    its rounds: the offset of a fold's fit, so no held-out round is in it."""
    key = frozenset(r["round"] for r in train)
    if key not in _TABLES:
        _TABLES[key] = fs.fit(train, TABLE_NAMES)
    return _TABLES[key]


def log_loss(ps: list[float], rows: list[dict]) -> float:
    return fs.log_loss(ps, rows)


Param = tuple[float, bool]
"""The n-grams' ``C`` and whether an intercept is fitted."""


def held_out(rows: list[dict], param: Param) -> list[float]:
    out = [0.0] * len(rows)
    for held in sorted({r["round"] for r in rows}):
        train = [r for r in rows if r["round"] != held]
        table = table_for(train)
        w = fit(train, param[0], table, param[1])
        for i, r in enumerate(rows):
            if r["round"] == held:
                out[i] = score(w, r, table)
    return out


def choose(rows: list[dict], grid: list[Param]) -> tuple[Param, list[float]]:
    """The parameter with the least pooled leave-one-round-out log loss on ``rows``, and the
    rows' held-out values at it."""
    best = None
    for param in grid:
        values = held_out(rows, param)
        loss = log_loss(values, rows)
        if best is None or loss < best[0]:
            best = (loss, param, values)
    assert best is not None
    return best[1], best[2]


HEADINGS = ("heading", "title")
STATEMENTS = ("paragraph", "list_item", "quote", "table_cell")


def lifted(rows: list[dict], ps: list[float]) -> list[float]:
    """The values with each heading's raised to the highest of a body finding of its section
    with the same claim and verdict (``taxcheck.matching.heading_lift``), its section
    approximated from the dataset's lines: the lines after it up to the next heading or title
    of the same article that had a finding (a title's: the rest of the article)."""
    out = list(ps)
    heads: dict[tuple, list[int]] = {}
    for r in rows:
        if r["block_kind"] in HEADINGS:
            heads.setdefault((r["round"], r["article"]), []).append(r["line"])
    for i, h in enumerate(rows):
        if h["block_kind"] not in HEADINGS:
            continue
        page = (h["round"], h["article"])
        later = [x for x in heads[page] if x > h["line"]]
        end = min(later) if later and h["block_kind"] == "heading" else math.inf
        body = [ps[j] for j, r in enumerate(rows)
                if (r["round"], r["article"]) == page and r["block_kind"] in STATEMENTS
                and (r["claim_id"], r["verdict"]) == (h["claim_id"], h["verdict"])
                and h["line"] < r["line"] < end]
        out[i] = max([ps[i], *body])
    return out


def pr(rows: list[dict], ps: list[float], t: float, missed: int) -> tuple[float, float, int, int]:
    """Precision and recall of the problem findings shown at threshold ``t`` (values rounded
    as the checker rounds them; the missed problems count against recall), tp and fp."""
    kept = [r for r, p in zip(rows, ps, strict=True) if round(p, 2) >= t]
    tp = sum(r["label"] == "tp" for r in kept)
    total_tp = sum(r["label"] == "tp" for r in rows)
    return tp / max(len(kept), 1), tp / max(total_tp + missed, 1), tp, len(kept) - tp


BETA = 0.5
"""F-beta of the editor's view: precision weighs twice as much as recall."""
THRESHOLDS = tuple(i / 100 for i in range(5, 91))
KEEP = 0.95
"""The share of right findings the fallback threshold keeps, where F0.5 is flat."""


def f_beta(p: float, r: float) -> float:
    return (1 + BETA**2) * p * r / max(BETA**2 * p + r, 1e-9)


def best_f(rows: list[dict], ps: list[float], missed: int) -> float:
    """The threshold with the highest F0.5 (ties: the higher threshold)."""
    return max(THRESHOLDS, key=lambda t: (round(f_beta(*pr(rows, ps, t, missed)[:2]), 4), t))


def keep_threshold(rows: list[dict], ps: list[float], keep: float = KEEP) -> float:
    """The highest threshold that keeps at least ``keep`` of the right findings."""
    right = sum(r["label"] == "tp" for r in rows)
    return max(t for t in THRESHOLDS
               if sum(round(p, 2) >= t for r, p in zip(rows, ps, strict=True)
                      if r["label"] == "tp") >= keep * right)


def missed_in(missed_by: dict[str, int], rounds: object) -> int:
    return sum(missed_by.get(h, 0) for h in rounds)  # type: ignore[attr-defined]


def line(name: str, rows: list[dict], ps: list[float], t: float, missed: int) -> str:
    p, r, tp, fp = pr(rows, ps, t, missed)
    return (f"{name}: P {p:.3f} R {r:.3f} F0.5 {f_beta(p, r):.3f} tp {tp} fp {fp}")


def per_round(rows: list[dict], values: tuple[list[float], list[float]],
              chosen: dict[str, dict[str, float]], missed_by: dict[str, int],
              threshold: float) -> None:
    """Each round held out: the table at 0.3, the verifier at the threshold the other rounds
    chose and at ``threshold``."""
    table, shown = values
    print(f"per round (held out): table at 0.30 | verifier at the other rounds' F0.5 "
          f"threshold | verifier at {threshold:.2f}")
    for held in chosen:
        sub = [i for i, r in enumerate(rows) if r["round"] == held]
        rs = [rows[i] for i in sub]
        m = missed_by.get(held, 0)
        print(f"  {held} n {len(rs)} | " + line("table", rs, [table[i] for i in sub], 0.3, m)
              + " | " + line(f"{chosen[held]['f']:.2f}", rs, [shown[i] for i in sub],
                             chosen[held]["f"], m)
              + " | " + line(f"{threshold:.2f}", rs, [shown[i] for i in sub], threshold, m))


def first_contact(all_rows: list[dict], missed_by: dict[str, int], rounds: tuple) -> None:
    """The shipped weights file and the code's table on rounds neither was fitted on."""
    shipped = json.loads(OUT.read_text(encoding="utf-8"))
    assert not set(rounds) & set(shipped["rounds"]), "a round the file was fitted on"
    rows = [r for r in fs.scored(all_rows, True) if r["round"] in rounds]
    missed = missed_in(missed_by, rounds)
    file_ps = lifted(rows, [score(shipped, r, PROBLEM_WEIGHTS) for r in rows])
    table_ps = lifted(rows, [fs.predict(PROBLEM_WEIGHTS, r) for r in rows])
    print(f"rounds {' '.join(rounds)}: {len(rows)} problem findings, "
          f"{sum(r['label'] == 'tp' for r in rows)} right, {missed} missed; log loss table "
          f"{log_loss(table_ps, rows):.3f}, file {log_loss(file_ps, rows):.3f}; AUC table "
          f"{fs.auc(table_ps, rows):.3f}, file {fs.auc(file_ps, rows):.3f}")
    print(line("table at 0.30", rows, table_ps, 0.3, missed))
    print(line("every finding", rows, file_ps, 0.0, missed))
    for t in (0.19, 0.29, 0.34, shipped["threshold"], 0.44, 0.49):
        print(line(f"file at {t:.2f}", rows, file_ps, t, missed))


def outer_loop(rows: list[dict], rounds: tuple, missed_by: dict[str, int], grid: list[Param]
               ) -> tuple[list[float], list[float], dict[str, dict[str, float]]]:
    """Each round held out: the verifier's and the refitted table's values on it, and the
    thresholds (by F0.5, and keeping 95 % of right findings) chosen on the other rounds'
    own leave-one-round-out values, the parameters chosen inside them too."""
    outer = [0.0] * len(rows)
    table = [0.0] * len(rows)
    chosen: dict[str, dict[str, float]] = {}
    for held in rounds:
        train = [r for r in rows if r["round"] != held]
        param, inner = choose(train, grid)
        inner = lifted(train, inner)
        train_missed = missed_in(missed_by, set(rounds) - {held})
        chosen[held] = {"f": best_f(train, inner, train_missed),
                        "keep": keep_threshold(train, inner)}
        tw = table_for(train)
        w = fit(train, param[0], tw, param[1])
        for i, r in enumerate(rows):
            if r["round"] == held:
                outer[i], table[i] = score(w, r, tw), fs.predict(tw, r)
        print(f"  {held}: C, intercept {param}; F0.5 threshold {chosen[held]['f']:.2f}, "
              f"{KEEP:.0%} kept {chosen[held]['keep']:.2f}", file=sys.stderr)
    return outer, table, chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT / "reports" / "first-contact")
    parser.add_argument("--rounds", nargs="*", default=list(fs.FIT_ROUNDS))
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--threshold", type=float,
                        help="the default threshold written (else the held-out F0.5 best)")
    parser.add_argument("--intercept", action="store_true",
                        help="let the parameter search fit an unpenalised intercept as well")
    parser.add_argument("--first-contact", nargs="*", metavar="ROUND",
                        help="only score these rounds with the shipped file and the code's "
                             "table (a new round, before it joins the fit)")
    args = parser.parse_args()
    rounds = tuple(args.rounds)
    all_rows, missed_by = fs.load(args.folder)
    if args.first_contact:
        first_contact(all_rows, missed_by, tuple(args.first_contact))
        return
    rows = [r for r in fs.scored(all_rows, True) if r["round"] in rounds]
    missed = missed_in(missed_by, rounds)
    print(f"{len(rows)} problem findings, {sum(r['label'] == 'tp' for r in rows)} right, "
          f"{missed} missed; rounds {' '.join(rounds)}")
    grid = [(c, i) for c in CS for i in ((False, True) if args.intercept else (False,))]
    outer, table, chosen = outer_loop(rows, rounds, missed_by, grid)
    print(f"held out: log loss table {log_loss(table, rows):.3f}, verifier "
          f"{log_loss(outer, rows):.3f}; AUC table {fs.auc(table, rows):.3f}, verifier "
          f"{fs.auc(outer, rows):.3f}")
    shown = lifted(rows, outer)
    table_shown = lifted(rows, table)
    print(line("table at 0.30 (its lifted headings)", rows, table_shown, 0.3, missed))
    print(line("table at 0.30 (headings as scored)", rows, table, 0.3, missed))
    print(line("every finding", rows, outer, 0.0, missed))
    for mode in ("f", "keep"):
        kept = [round(p, 2) >= chosen[r["round"]][mode] for r, p in zip(rows, shown, strict=True)]
        print(line(f"deployable ({mode}: each round's threshold from the others)", rows,
                   [float(k) for k in kept], 1.0, missed))
    for lo, hi, word in ((0.65, 1.01, "high"), (0.45, 0.65, "medium"), (0.0, 0.45, "low")):
        band = [r for r, p in zip(rows, outer, strict=True) if lo <= round(p, 2) < hi]
        right = sum(r["label"] == "tp" for r in band)
        print(f"band {word} [{lo}, {hi}): {len(band)} findings, right "
              f"{right / max(len(band), 1):.2f}")
    for lo in [i / 20 for i in range(2, 19)]:
        band = [r for r, p in zip(rows, outer, strict=True) if lo <= round(p, 2) < lo + 0.05]
        at_least = [r for r, p in zip(rows, outer, strict=True) if round(p, 2) >= lo]
        print(f"  [{lo:.2f}, {lo + 0.05:.2f}): {len(band)} right "
              f"{sum(r['label'] == 'tp' for r in band) / max(len(band), 1):.2f}; from {lo:.2f}: "
              f"{len(at_least)} right "
              f"{sum(r['label'] == 'tp' for r in at_least) / max(len(at_least), 1):.2f}")
    for t in THRESHOLDS:
        if t <= 0.75:
            print("  " + line(f"verifier at {t:.2f}", rows, shown, t, missed))
    best = best_f(rows, shown, missed)
    print(f"best held-out F0.5 at {best:.2f}")
    threshold = args.threshold or best
    per_round(rows, (table_shown, shown), chosen, missed_by, threshold)
    print(f"chosen: {threshold:.2f}; "
          f"{KEEP:.0%} kept: {keep_threshold(rows, shown):.2f}")
    for t in (threshold - 0.1, threshold - 0.05, threshold, threshold + 0.05, threshold + 0.1):
        print("  " + line(f"at {t:.2f}", rows, shown, round(t, 2), missed))
    print("  " + line(f"at {threshold:.2f}, headings as scored", rows, outer, threshold, missed))
    for lo, hi, word in ((BANDS[0][0], 1.01, "high"), (threshold, BANDS[0][0], "medium"),
                         (0.0, threshold, "low")):
        band = [r for r, p in zip(rows, shown, strict=True) if lo <= round(p, 2) < hi]
        right = sum(r["label"] == "tp" for r in band)
        print(f"band {word} [{lo}, {hi}): {len(band)} findings, right "
              f"{right / max(len(band), 1):.2f}")
    if args.write:
        param, _ = choose(rows, grid)
        w = fit(rows, param[0], PROBLEM_WEIGHTS, param[1])
        digest = hashlib.sha256((args.folder / "findings.jsonl").read_bytes()).hexdigest()[:12]
        OUT.parent.mkdir(exist_ok=True)
        OUT.write_text(json.dumps({
            "fitted": dt.date.today().isoformat(), "dataset": digest,
            "rounds": list(rounds), "C": param[0],
            "adjusts": "PROBLEM_WEIGHTS",
            "threshold": threshold, "token_pattern": TOKEN,
            "function_words": sorted(FUNCTION_WORDS), **w}, indent=1) + "\n")
        print(f"wrote {OUT} ({len(w['ngrams'])} n-grams, C, intercept {param})")


if __name__ == "__main__":
    main()
