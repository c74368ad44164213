"""Which findings are right at first contact: the study of ``benchmarks/first_contact.py``'s
dataset, and the leave-one-round-out test of the confidence table.

    .venv/bin/python benchmarks/first_contact_study.py [reports/first-contact] [--markdown]

Prints, for problem findings (false, misleading, outdated, stated) and for accurate ones:
TP / FP and precision by each feature (verdict, claim kind, block kind, context source and
line distance, trail stages, negation, hedge, claim family, article shape, the confidence
the code gave); then, round by round with every other round as training data, the log loss,
Brier score and ranking (AUC) of the old confidence, of a constant and of the table fitted
by :func:`fit` (the form of :mod:`taxcheck.calibration`), and what a default reporting
threshold chosen on the training rounds does to the held-out round's P / R / F1.

No ML library: the table is a logistic model over a handful of yes/no features, fitted by
Newton's method on a few hundred findings, its weights rounded to a tenth.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from taxcheck.calibration import ACCURATE_WEIGHTS, PROBLEM_WEIGHTS, trail_features

PROBLEMS = ("false", "misleading", "outdated")
ROUND_ORDER = ("b1", "b2", "e", "g", "h", "i", "j", "k", "q", "r", "s", "t", "v")
FIT_ROUNDS = ("e", "g", "h", "i", "j", "k", "q", "r", "s", "t", "v")
"""The rounds the table is fitted on: b1 and b2 met the code of the first two sessions
(first-contact precision 0.28 and 0.41, against 0.38-0.71 since); ``--rounds`` takes others."""
L2 = 3.0
"""Ridge penalty on every weight but the intercept (in log-odds units, summed over rows)."""

Row = dict


def load(folder: Path) -> tuple[list[Row], dict[str, int]]:
    rows = [json.loads(line) for line in (folder / "findings.jsonl").open()]
    missed: dict[str, int] = defaultdict(int)
    for commit in json.loads((folder / "rounds.json").read_text()):
        missed[commit["round"]] += commit["missed"]
    return rows, missed


def features(row: Row) -> frozenset[str]:
    """The yes/no features of a dataset row, through the same function the checker uses."""
    return trail_features(verdict=row["verdict"], figure=row["figure"], level=row["level"],
                          block_kind=row["block_kind"], sources=row["sources"],
                          hedged=row["hedged"], negated=row["negated"], topic=row["topic"])


def scored(rows: Iterable[Row], problems: bool) -> list[Row]:
    """The rows the eval counts (a true finding or a false alarm) of one group."""
    return [r for r in rows if r["label"] in ("tp", "fp") and r["framing"] == "stated"
            and (r["verdict"] in PROBLEMS) == problems]


# -- the feature tables ----------------------------------------------------------------------

def _context(row: Row) -> str:
    sources = set(row["sources"])
    if not sources:
        return "none"
    if sources & {"context", "previous-statement", "previous-sentence", "answer", "lead-in",
                  "consequence"}:
        return "earlier sentence"
    if sources <= {"section", "title"}:
        return "section or title"
    return "procedure / example / case"


BY: dict[str, Callable[[Row], object]] = {
    "round": lambda r: r["round"],
    "verdict": lambda r: r["verdict"],
    "claim kind": lambda r: "figure" if r["figure"] else "proposition",
    "verdict x kind": lambda r: f"{r['verdict']} {'figure' if r['figure'] else 'proposition'}",
    "claim level": lambda r: r["level"],
    "block kind": lambda r: r["block_kind"],
    "context source": _context,
    "context sources (as on the trail)": lambda r: "+".join(sorted(set(r["sources"]))) or "-",
    "line distance (trails that name a line)": lambda r: (
        "no line named" if r["line_distance"] is None else min(r["line_distance"], 3)),
    "trail stages": lambda r: min(r["n_stages"], 4),
    "negation cue": lambda r: r["negated"],
    "hedge cue": lambda r: r["hedged"],
    "claim family": lambda r: r["topic"],
    "article shape": lambda r: r["suffix"],
    "page with nothing wrong": lambda r: r["correct_only"],
    "page dated before 2020": lambda r: bool(r["page_year"] and r["page_year"] < 2020),
    "confidence given": lambda r: r["confidence"],
    "features (the table's)": lambda r: " ".join(sorted(features(r))) or "-",
}


def table(rows: list[Row], name: str, key: Callable[[Row], object], markdown: bool) -> str:
    counts: dict[object, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        counts[key(r)][r["label"] == "fp"] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-sum(kv[1]), str(kv[0])))
    if markdown:
        out = [f"| {name} | TP | FP | P |", "|---|---|---|---|"]
        out += [f"| {k} | {tp} | {fp} | {tp / (tp + fp):.2f} |" for k, (tp, fp) in ordered]
        return "\n".join(out) + "\n"
    out = [f"-- {name}"]
    out += [f"   {str(k)[:44]:44} tp {tp:4d} fp {fp:4d}  P {tp / (tp + fp):.2f}"
            for k, (tp, fp) in ordered]
    return "\n".join(out)


# -- the model ------------------------------------------------------------------------------

def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [[*row[:], b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda i: abs(m[i][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for i in range(n):
            if i != col and m[col][col]:
                factor = m[i][col] / m[col][col]
                m[i] = [x - factor * y for x, y in zip(m[i], m[col], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


Features = Callable[[Row], frozenset[str]]


def fit(rows: list[Row], names: tuple[str, ...], l2: float = L2,
        feats: Features = features) -> dict[str, float]:
    """Weights (log-odds) of an intercept ``base`` and each feature of ``names``: a
    ridge-penalised logistic regression by Newton's method."""
    xs = [[1.0] + [float(n in feats(r)) for n in names] for r in rows]
    ys = [1.0 if r["label"] == "tp" else 0.0 for r in rows]
    k = len(names) + 1
    w = [0.0] * k
    for _ in range(30):
        grad = [-(l2 * w[j] if j else 0.0) for j in range(k)]
        hess = [[(l2 if i == j and i else 0.0) for j in range(k)] for i in range(k)]
        for x, y in zip(xs, ys, strict=True):
            p = sigmoid(sum(a * b for a, b in zip(w, x, strict=True)))
            for i in range(k):
                grad[i] += (y - p) * x[i]
                for j in range(k):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        step = _solve(hess, grad)
        w = [a + b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return {"base": w[0], **dict(zip(names, w[1:], strict=True))}


def predict(weights: dict[str, float], row: Row, feats: Features = features) -> float:
    return sigmoid(weights["base"] + sum(weights.get(n, 0.0) for n in feats(row)))


def log_loss(ps: list[float], rows: list[Row]) -> float:
    eps = 1e-6
    return -sum(math.log(min(max(p if r["label"] == "tp" else 1 - p, eps), 1))
                for p, r in zip(ps, rows, strict=True)) / len(rows)


def brier(ps: list[float], rows: list[Row]) -> float:
    return sum((p - (r["label"] == "tp")) ** 2 for p, r in zip(ps, rows, strict=True)) / len(rows)


def auc(ps: list[float], rows: list[Row]) -> float:
    pos = [p for p, r in zip(ps, rows, strict=True) if r["label"] == "tp"]
    neg = [p for p, r in zip(ps, rows, strict=True) if r["label"] != "tp"]
    if not pos or not neg:
        return float("nan")
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def prf(rows: list[Row], missed: int, keep: Callable[[Row], bool]) -> tuple[float, ...]:
    tp = sum(r["label"] == "tp" and keep(r) for r in rows)
    fp = sum(r["label"] == "fp" and keep(r) for r in rows)
    fn = missed + sum(r["label"] == "tp" and not keep(r) for r in rows)
    p = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return p, rec, f1, tp, fp, fn


def best_threshold(rows: list[Row], missed: int, weights: dict[str, float],
                   feats: Features = features) -> float:
    """The threshold that maximises F1 on ``rows`` (0 = show everything)."""
    p_of = {id(r): predict(weights, r, feats) for r in rows}
    options = [*sorted({round(p, 2) for p in p_of.values()}), 0.0]
    return max(options, key=lambda t: (prf(rows, missed, lambda r: p_of[id(r)] >= t)[2], -t))


def loro(rows: list[Row], missed: dict[str, int], names: tuple[str, ...], rounds: list[str],
         markdown: bool, threshold: bool, feats: Features = features) -> str:
    """Fit on all rounds but one, test on that one, for every round."""
    out = []
    head = ("round", "n", "P", "LL old", "LL const", "LL table", "Brier old", "Brier table",
            "AUC old", "AUC table")
    if threshold:
        head += ("t", "P before", "R before", "F1 before", "P after", "R after", "F1 after")
    out.append(_row(head, markdown, header=True))
    totals: dict[str, list] = defaultdict(list)
    for held in rounds:
        train = [r for r in rows if r["round"] != held]
        test = [r for r in rows if r["round"] == held]
        if not test:
            continue
        w = fit(train, names, feats=feats)
        base = sum(r["label"] == "tp" for r in train) / len(train)
        old = [r["confidence"] for r in test]
        new = [predict(w, r, feats) for r in test]
        const = [base] * len(test)
        cells: list[object] = [held, len(test),
                               f"{sum(r['label'] == 'tp' for r in test) / len(test):.2f}",
                               f"{log_loss(old, test):.3f}", f"{log_loss(const, test):.3f}",
                               f"{log_loss(new, test):.3f}", f"{brier(old, test):.3f}",
                               f"{brier(new, test):.3f}", f"{auc(old, test):.2f}",
                               f"{auc(new, test):.2f}"]
        for key, ps in (("old", old), ("const", const), ("new", new)):
            totals[f"ll {key}"].append(log_loss(ps, test) * len(test))
            totals[f"brier {key}"].append(brier(ps, test) * len(test))
        totals["n"].append(len(test))
        totals["preds"] += list(zip(new, old, test, strict=True))
        if threshold:
            train_missed = sum(v for k, v in missed.items() if k != held)
            t = best_threshold(train, train_missed, w, feats)
            before = prf(test, missed.get(held, 0), lambda r: True)
            after = prf(test, missed.get(held, 0),
                        lambda r, w=w, t=t: predict(w, r, feats) >= t)
            for key, value in (("before", before), ("after", after)):
                totals[key].append(value)
            cells += [f"{t:.2f}", *(f"{v:.3f}" for v in before[:3]),
                      *(f"{v:.3f}" for v in after[:3])]
        out.append(_row(cells, markdown))
    n = sum(totals["n"])
    preds = totals["preds"]
    cells = ["all", n, f"{sum(r['label'] == 'tp' for _, _, r in preds) / n:.2f}",
             *(f"{sum(totals[f'll {k}']) / n:.3f}" for k in ("old", "const", "new")),
             *(f"{sum(totals[f'brier {k}']) / n:.3f}" for k in ("old", "new")),
             f"{auc([o for _, o, _ in preds], [r for *_, r in preds]):.2f}",
             f"{auc([p for p, _, _ in preds], [r for *_, r in preds]):.2f}"]
    if threshold:
        for key in ("before", "after"):
            tp = sum(v[3] for v in totals[key])
            fp = sum(v[4] for v in totals[key])
            fn = sum(v[5] for v in totals[key])
            p, rec = tp / (tp + fp), tp / (tp + fn)
            cells += ([""] if key == "before" else []) + [
                f"{p:.3f}", f"{rec:.3f}", f"{2 * p * rec / (p + rec):.3f}"]
    out.append(_row(cells, markdown))
    out.append(reliability(preds, markdown))
    return "\n".join(out)


def reliability(preds: list[tuple[float, float, Row]], markdown: bool) -> str:
    """Held-out precision by confidence band, for the table's value and the old one."""
    bands = ((0.0, 0.35), (0.35, 0.5), (0.5, 0.65), (0.65, 0.8), (0.8, 1.01))
    out = ["", _row(("confidence band", "table: n", "table: P", "old: n", "old: P"),
                    markdown, header=True)]
    for lo, hi in bands:
        mine = [r for p, _, r in preds if lo <= p < hi]
        theirs = [r for _, o, r in preds if lo <= o < hi]
        out.append(_row((f"{lo:.2f}-{min(hi, 1):.2f}", len(mine), _p(mine), len(theirs),
                         _p(theirs)), markdown))
    return "\n".join(out)


def _p(rows: list[Row]) -> str:
    return f"{sum(r['label'] == 'tp' for r in rows) / len(rows):.2f}" if rows else "-"


def _row(cells: Iterable[object], markdown: bool, header: bool = False) -> str:
    cells = [str(c) for c in cells]
    if markdown:
        line = "| " + " | ".join(cells) + " |"
        return line + ("\n|" + "---|" * len(cells) if header else "")
    return " ".join(f"{c:>9}" for c in cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?",
                        default=Path(__file__).resolve().parents[1] / "reports" / "first-contact")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--rounds", nargs="*", default=list(FIT_ROUNDS))
    args = parser.parse_args()
    rows, missed = load(args.folder)
    rows = [r for r in rows if r["round"] in args.rounds]
    for group, weights in (("problems", PROBLEM_WEIGHTS), ("accurate", ACCURATE_WEIGHTS)):
        mine = scored(rows, group == "problems")
        print(f"\n==== {group}: {len(mine)} findings, "
              f"{sum(r['label'] == 'tp' for r in mine)} right\n")
        for name, key in BY.items():
            print(table(mine, name, key, args.markdown))
        names = tuple(n for n in weights if n != "base")
        print(f"\n== leave one round out ({group}; features: {', '.join(names)})\n")
        print(loro(mine, missed, names, args.rounds, args.markdown, group == "problems"))
        w = fit(mine, names)
        print(f"\nweights fitted on every round ({group}):",
              {k: round(v, 1) for k, v in w.items()})
        print("in the code (taxcheck.calibration):", weights)


if __name__ == "__main__":
    main()
