"""Refit the confidence table on every first-contact round, and try the features the trail
and the article already tell: the study behind :mod:`taxcheck.calibration`'s second table.

    .venv/bin/python benchmarks/first_contact_refit.py [reports/first-contact] [--markdown]

Prints, from ``benchmarks/first_contact.py``'s dataset:

1. per round: problem findings, right, wrong, first-contact precision, recall, and the
   accurate findings and the false alarms on pages with nothing wrong;
2. the table in the code on every round as it is (no refit): log loss, ranking (AUC) and
   P / R of problem findings with every finding and at check's default threshold;
3. one candidate feature at a time added to (or a current feature taken from) the table,
   each round held out in turn: the pooled held-out log loss and how many rounds it lowers,
   so that a feature is kept only when it helps the held-out rounds on average, not one;
4. the same test for the table chosen, with the default threshold fitted on the other rounds.

The candidates are features a finding's trail, its claim or its article already tell: the
page undated or dated before 2018, the claim's topic, which context source gave the missing
words, the block kind and the negation cue (``framing`` is not one: only ``stated`` findings
are scored).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import first_contact_study as fs

from taxcheck.calibration import (
    DEFAULT_MIN_CONFIDENCE,
    PROBLEM_WEIGHTS,
)

Row = dict
SESSION_12: dict[str, float] = {
    "base": 0.3, "outdated": 0.8, "false figure": -1.5, "medium claim": 0.8,
    "earlier sentences": -0.4, "hedge": -0.8, "table cell": -0.7,
}
"""The problems' table fitted on rounds e to r (session 12), to compare with."""
NEW_ROUNDS = ("s", "t", "v")
"""The rounds that joined after the code's table was fitted (on rounds e to r)."""
MIN_ROWS = 15
"""A candidate needs this many problem findings with it (fewer tell nothing held out)."""


def candidates(row: Row) -> frozenset[str]:
    """The table's features of a row (its claim's topic among them) and every candidate it
    has."""
    found = set(fs.features(row))
    year = row["page_year"]
    if year is None:
        found.add("undated")
    elif year < 2018:
        found.add("dated before 2018")
    found.update(f"from {source}" for source in row["sources"])
    if row["block_kind"]:
        found.add(f"block {row['block_kind']}")
    return frozenset(found)


def per_round(rows: list[Row], summaries: list[dict], rounds: list[str], md: bool) -> str:
    """Findings, right and wrong per round (problems), with recall and the rest."""
    out = [fs._row(("round", "articles", "problem findings", "right", "wrong", "P", "missed",
                    "R", "accurate findings", "right", "alarms on correct-only pages"), md,
                   header=True)]
    totals: Counter = Counter()
    for name in rounds:
        mine = [r for r in rows if r["round"] == name]
        probs = fs.scored(mine, True)
        acc = fs.scored(mine, False)
        tp = sum(r["label"] == "tp" for r in probs)
        missed = sum(s["missed"] for s in summaries if s["round"] == name)
        arts = sum(len(s["articles"]) for s in summaries if s["round"] == name)
        clean = sum(r["label"] == "fp" and r["correct_only"] for r in probs)
        acc_tp = sum(r["label"] == "tp" for r in acc)
        counts = Counter(arts=arts, n=len(probs), tp=tp, missed=missed, acc=len(acc),
                         acc_tp=acc_tp, clean=clean)
        totals.update(counts)
        out.append(_round_line(name, counts, md))
    out.append(_round_line("all", totals, md))
    return "\n".join(out)


def _round_line(name: str, c: Counter, md: bool) -> str:
    return fs._row((name, c["arts"], c["n"], c["tp"], c["n"] - c["tp"],
                    f"{c['tp'] / c['n']:.2f}" if c["n"] else "-", c["missed"],
                    f"{c['tp'] / (c['tp'] + c['missed']):.2f}", c["acc"], c["acc_tp"],
                    c["clean"]), md)


def as_is(rows: list[Row], missed: dict[str, int], rounds: list[str],
          weights: dict[str, float], threshold: float, md: bool) -> str:
    """A table's values on every round without refitting (``weights``)."""
    out = [fs._row(("round", "n", "LL", "AUC", "P all", "R all", f"P >= {threshold:g}",
                    f"R >= {threshold:g}", "hidden", "hidden right"), md, header=True)]
    groups = [[r for r in rows if r["round"] == name] for name in rounds]
    for name, test in (*zip(rounds, groups, strict=True), ("all", rows)):
        lost = missed.get(name, 0) if name != "all" else sum(missed[n] for n in rounds)
        ps = [fs.predict(weights, r) for r in test]
        every = fs.prf(test, lost, lambda r: True)
        shown = fs.prf(test, lost, lambda r: fs.predict(weights, r) >= threshold)
        hidden = [r for r, p in zip(test, ps, strict=True) if p < threshold]
        out.append(fs._row((name, len(test), f"{fs.log_loss(ps, test):.3f}",
                            f"{fs.auc(ps, test):.2f}", f"{every[0]:.3f}", f"{every[1]:.3f}",
                            f"{shown[0]:.3f}", f"{shown[1]:.3f}", len(hidden),
                            sum(r["label"] == "tp" for r in hidden)), md))
    return "\n".join(out)


def held_out(rows: list[Row], missed: dict[str, int], names: tuple[str, ...],
             rounds: list[str], feats: fs.Features) -> dict[str, object]:
    """Leave one round out: log loss per round, and pooled P / R at a threshold fitted on
    the other rounds."""
    ll: dict[str, float] = {}
    tp = fp = fn = 0
    for held in rounds:
        train = [r for r in rows if r["round"] != held]
        test = [r for r in rows if r["round"] == held]
        w = fs.fit(train, names, feats=feats)
        ll[held] = fs.log_loss([fs.predict(w, r, feats) for r in test], test)
        t = fs.best_threshold(train, sum(v for k, v in missed.items() if k != held
                                         and k in rounds), w, feats)
        p = fs.prf(test, missed.get(held, 0), lambda r, w=w, t=t: fs.predict(w, r, feats) >= t)
        tp, fp, fn = tp + p[3], fp + p[4], fn + p[5]
    n = {h: sum(r["round"] == h for r in rows) for h in rounds}
    pooled = sum(ll[h] * n[h] for h in rounds) / sum(n.values())
    return {"ll": ll, "pooled": pooled, "P": tp / (tp + fp), "R": tp / (tp + fn)}


def held_out_values(rows: list[Row], names: tuple[str, ...], rounds: list[str],
                    feats: fs.Features) -> dict[int, float]:
    """Each row's value from a table fitted on the other rounds (by ``id``)."""
    out: dict[int, float] = {}
    for held in rounds:
        w = fs.fit([r for r in rows if r["round"] != held], names, feats=feats)
        out.update((id(r), fs.predict(w, r, feats)) for r in rows if r["round"] == held)
    return out


def curve(rows: list[Row], missed: dict[str, int], rounds: list[str],
          tables: dict[str, dict[int, float]], md: bool, only: tuple[str, ...] = ()) -> str:
    """Pooled P / R / F1 of problem findings at each threshold, for each table's values
    (``only``: these rounds alone)."""
    mine = [r for r in rows if not only or r["round"] in only]
    lost = sum(missed[n] for n in rounds if not only or n in only)
    out = [fs._row(("threshold", *(f"{name}: {k}" for name in tables
                                   for k in ("P", "R", "F1", "hidden"))), md, header=True)]
    for t in (0.0, 0.2, 0.25, 0.28, 0.3, 0.32, 0.35, 0.4, 0.45, 0.5):
        cells: list[object] = [f"{t:.2f}"]
        for values in tables.values():
            p, rec, f1, *_ = fs.prf(mine, lost, lambda r, v=values, t=t: v[id(r)] >= t)
            cells += [f"{p:.3f}", f"{rec:.3f}", f"{f1:.3f}",
                      sum(values[id(r)] < t for r in mine)]
        out.append(fs._row(cells, md))
    return "\n".join(out)


def scan(rows: list[Row], missed: dict[str, int], names: tuple[str, ...], rounds: list[str],
         md: bool) -> str:
    """Each candidate added to ``names`` (and each of ``names`` taken away), held out."""
    base = held_out(rows, missed, names, rounds, candidates)
    counts = Counter(f for r in rows for f in candidates(r))
    tried = sorted(f for f, n in counts.items() if n >= MIN_ROWS and f not in names)
    out = [f"table {', '.join(names)}: pooled held-out LL {base['pooled']:.4f}, "
           f"P {base['P']:.3f} R {base['R']:.3f}",
           fs._row(("change", "rows", "P of rows", "LL", "rounds better", "P held out",
                    "R held out"), md, header=True)]
    options: list[tuple[str, tuple[str, ...]]] = [(f"+ {f}", (*names, f)) for f in tried]
    options += [(f"- {f}", tuple(n for n in names if n != f)) for f in names]
    for label, chosen in options:
        res = held_out(rows, missed, chosen, rounds, candidates)
        better = sum(res["ll"][h] < base["ll"][h] - 1e-9 for h in rounds)  # type: ignore[index]
        f = label[2:]
        with_f = [r for r in rows if f in candidates(r)]
        out.append(fs._row((label, len(with_f), fs._p(with_f), f"{res['pooled']:.4f}",
                            f"{better}/{len(rounds)}", f"{res['P']:.3f}", f"{res['R']:.3f}"),
                           md))
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?",
                        default=Path(__file__).resolve().parents[1] / "reports" / "first-contact")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--rounds", nargs="*", default=list(fs.FIT_ROUNDS))
    parser.add_argument("--table", nargs="*", help="features of the table to test "
                        "(default: the code's)")
    parser.add_argument("--no-scan", action="store_true")
    args = parser.parse_args()
    all_rows, missed = fs.load(args.folder)
    summaries = json.loads((args.folder / "rounds.json").read_text())
    print("== per round (first contact)\n")
    print(per_round(all_rows, summaries, fs.ROUND_ORDER, args.markdown))
    rows = fs.scored([r for r in all_rows if r["round"] in args.rounds], True)
    for name, weights in (("session 12's", SESSION_12), ("the code's", PROBLEM_WEIGHTS)):
        print(f"\n== {name} table as it is (problems; threshold {DEFAULT_MIN_CONFIDENCE})\n")
        print(as_is(rows, missed, args.rounds, weights, DEFAULT_MIN_CONFIDENCE,
                    args.markdown))
    names = tuple(args.table) if args.table is not None else tuple(
        n for n in PROBLEM_WEIGHTS if n != "base")
    if not args.no_scan:
        print("\n== candidates, one at a time, each round held out\n")
        print(scan(rows, missed, names, args.rounds, args.markdown))
    tables = {"s12": {id(r): fs.predict(SESSION_12, r) for r in rows},
              "s12 refit": held_out_values(rows, tuple(n for n in SESSION_12 if n != "base"),
                                           args.rounds, candidates),
              "tested": held_out_values(rows, names, args.rounds, candidates)}
    for only in ((), NEW_ROUNDS):
        print(f"\n== the curve, {'rounds ' + ' '.join(only) if only else 'every round'} "
              "(s12: session 12's table as it is; s12 refit: its features and tested: the "
              "table tested, each fitted without the round)\n")
        print(curve(rows, missed, args.rounds, tables, args.markdown, only))
    print(f"\n== leave one round out, table {', '.join(names)}\n")
    print(fs.loro(rows, missed, names, args.rounds, args.markdown, True, candidates))
    w = fs.fit(rows, names, feats=candidates)
    print("\nweights fitted on every round:", {k: round(v, 1) for k, v in w.items()})
    print("threshold fitted on every round:",
          fs.best_threshold(rows, sum(missed[n] for n in args.rounds), w, candidates))


if __name__ == "__main__":
    main()
