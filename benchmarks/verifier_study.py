"""Study (issue 12): can the words of a problem finding's sentence tell a right finding from a
wrong one on rounds the model has not seen, better than the confidence table?

    .venv/bin/pip install scikit-learn        # not a dependency of the package
    .venv/bin/python benchmarks/verifier_study.py [reports/first-contact] [--markdown]
        [--with-b] [--top 25]

Reads ``benchmarks/first_contact.py``'s dataset (``findings.jsonl`` and ``rounds.json``; no
article is read, nothing of ``corpus/sealed``). The rows are the problem findings the eval
counts (verdict false, misleading or outdated, stated; label ``tp`` = right, ``fp`` = wrong;
repeats and myths dropped). Each round e to v is held out in turn; the models are fitted on the
other rounds (``--with-b``: rounds b1 and b2 join every training set, never a test set):

- ``table (code)``: :data:`taxcheck.calibration.PROBLEM_WEIGHTS` as it is (fitted on every
  round e to v, so not held out: an upper bound for the table);
- ``table refit``: the same six features refitted without the held-out round;
- ``text``: logistic regression over binary word unigrams and bigrams of the sentence;
- ``text + table``: the same n-grams, the table's features, the claim's topic and the block
  kind.

The learned models' ridge strength ``C`` (and for ``text + table`` how much less the table's
columns are penalised) is chosen inside the training rounds, one training round held out at a
time, by pooled log loss; those inner held-out values also give each model's deployable
threshold. Printed: per round and pooled log loss and AUC; P / R of problem findings (the
round's missed ones count against recall) at thresholds that keep 100 %, 95 %, 90 % and 80 %
of the held-out round's right findings (on the round itself, ties broken at random: equal
recall, to compare rankings) and at thresholds chosen on the training rounds; how many wrong
findings, and wrong findings on pages with nothing wrong, each hides; and the largest weights
of the models fitted on every round.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
import first_contact_study as fs

from taxcheck.calibration import PROBLEM_WEIGHTS

Row = dict
Predict = Callable[[list[Row]], np.ndarray]
KEEPS = (1.0, 0.95, 0.9, 0.8)
"""Shares of a round's right findings the compared thresholds keep."""
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
"""Inverse ridge strengths tried (small = strong regularisation)."""
TABLE_SCALES = (1.0, 3.0)
"""How much the table's columns are scaled in ``text + table`` (larger = penalised less)."""
TOKEN = r"\$?\d[\d,]*(?:\.\d+)?%?|[a-z]+(?:'[a-z]+)?|\?"
"""Words (with an apostrophe), amounts and years, and the question mark."""
FUNCTION_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "can't", "don't", "doesn't", "won't", "isn't", "wasn't", "aren't", "you'll", "you're",
    "you've", "it's", "that's", "there's", "used", "longer", "until", "prior", "now", "still"}
"""Words that say nothing of a topic (scikit-learn's English stop words and contractions)."""
TABLE_NAMES = tuple(n for n in PROBLEM_WEIGHTS if n != "base")


def clean(text: str) -> str:
    """Lower case, typographic quotes made plain."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def table_features(row: Row) -> list[str]:
    """The table's features, the claim's topic, the verdict and the block kind of a row."""
    return sorted({*fs.features(row), f"verdict {row['verdict']}",
                   f"block {row['block_kind']}"})


def labels(rows: list[Row]) -> np.ndarray:
    return np.array([r["label"] == "tp" for r in rows], dtype=int)


def fit_table(train: list[Row], _param: object = None) -> Predict:
    w = fs.fit(train, TABLE_NAMES)
    return lambda rows: np.array([fs.predict(w, r) for r in rows])


def code_table(_train: list[Row], _param: object = None) -> Predict:
    return lambda rows: np.array([fs.predict(PROBLEM_WEIGHTS, r) for r in rows])


def cue_grams(text: str) -> list[str]:
    """Unigrams and bigrams of the sentence with every word that is not an English function
    word made ``w`` (amounts and years ``#``); grams of placeholders alone are dropped."""
    toks = [t if t in FUNCTION_WORDS or t == "?" else "#" if t[-1].isdigit() else "w"
            for t in re.findall(TOKEN, clean(text))]
    grams = [*toks, *(f"{a} {b}" for a, b in itertools.pairwise(toks))]
    return [g for g in grams if set(g.split()) - {"w", "#"}]


def fit_text(train: list[Row], param: tuple) -> Predict:
    """Binary unigrams and bigrams (seen in two training rows or more), with the table's
    columns scaled by ``param[1]`` when it is not None (``C`` = 0: no words, the table's
    columns alone)."""
    c, scale, *cues = param
    words = CountVectorizer(binary=True, ngram_range=(1, 2), min_df=2, token_pattern=TOKEN,
                            preprocessor=clean)
    if cues:
        words = CountVectorizer(binary=True, min_df=2, analyzer=cue_grams)
    if c < 0:
        words.set_params(vocabulary=["\x00"])
        c = -c
    xs = [words.fit_transform([r["sentence"] for r in train])]
    table = None
    if scale is not None:
        table = CountVectorizer(binary=True, analyzer=table_features)
        xs.append(table.fit_transform(train) * scale)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(hstack(xs).tocsr(), labels(train))

    def predict(rows: list[Row]) -> np.ndarray:
        parts = [words.transform([r["sentence"] for r in rows])]
        if table is not None and scale is not None:
            parts.append(table.transform(rows) * scale)
        return model.predict_proba(hstack(parts).tocsr())[:, 1]

    predict.model = model  # type: ignore[attr-defined]
    predict.names = [*words.get_feature_names_out(), *(  # type: ignore[attr-defined]
        [f"[{n}]" for n in table.get_feature_names_out()] if table is not None else [])]
    return predict


def log_loss(ps: np.ndarray, y: np.ndarray) -> float:
    ps = np.clip(ps, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(ps) + (1 - y) * np.log(1 - ps)))


def inner(train: list[Row], fitter: Callable, params: list) -> tuple[object, np.ndarray]:
    """The parameter with the least pooled log loss, one training round held out at a time,
    and the training rows' held-out values at that parameter."""
    rounds = sorted({r["round"] for r in train if r["round"] not in ("b1", "b2")})
    best: tuple[float, object, np.ndarray] | None = None
    y = labels(train)
    for param in params:
        out = np.zeros(len(train))
        for held in rounds:
            idx = [i for i, r in enumerate(train) if r["round"] == held]
            rest = [r for r in train if r["round"] != held]
            out[idx] = fitter(rest, param)([train[i] for i in idx])
        mask = np.array([r["round"] not in ("b1", "b2") for r in train])
        ll = log_loss(out[mask], y[mask])
        if best is None or ll < best[0]:
            best = (ll, param, out)
    assert best is not None
    return best[1], best[2]


def keep_threshold(ps: np.ndarray, y: np.ndarray, keep: float) -> float:
    """The highest threshold under which no more than ``1 - keep`` of the right findings
    fall (findings exactly at it are kept)."""
    right = np.sort(ps[y == 1])
    if keep >= 1.0 or not len(right):
        return -1.0
    return float(right[int(np.floor((1 - keep) * len(right) + 1e-9))])


def equal_recall(rows: list[Row], ps: np.ndarray, keep: float) -> dict[str, float]:
    """What hiding the lowest findings until exactly ``1 - keep`` of the right ones are
    hidden does, ties broken at random (expected counts: a tied group is hidden in part)."""
    y = labels(rows)
    clean_page = np.array([r["correct_only"] for r in rows])
    quota = float(np.floor((1 - keep) * y.sum() + 1e-9))
    hid = {"hid_tp": 0.0, "hid_fp": 0.0, "hid_clean": 0.0}
    for value in np.unique(ps):
        group = ps == value
        right = float((group & (y == 1)).sum())
        share = 1.0 if hid["hid_tp"] + right <= quota else (quota - hid["hid_tp"]) / right
        hid["hid_tp"] += share * right
        hid["hid_fp"] += share * float((group & (y == 0)).sum())
        hid["hid_clean"] += share * float((group & (y == 0) & clean_page).sum())
        if share < 1.0:
            break
    return {"tp": float(y.sum()) - hid["hid_tp"], "fp": float((1 - y).sum()) - hid["hid_fp"],
            **hid}


def counts(rows: list[Row], ps: np.ndarray, t: float) -> dict[str, int]:
    hidden = ps < t
    y = labels(rows)
    clean_page = np.array([r["correct_only"] for r in rows])
    return {"tp": int(((y == 1) & ~hidden).sum()), "fp": int(((y == 0) & ~hidden).sum()),
            "hid_tp": int(((y == 1) & hidden).sum()), "hid_fp": int(((y == 0) & hidden).sum()),
            "hid_clean": int(((y == 0) & hidden & clean_page).sum())}


MODELS: dict[str, tuple[Callable, list]] = {
    "table (code)": (code_table, [None]),
    "table refit": (fit_table, [None]),
    "text": (fit_text, [(c, None) for c in CS]),
    "table + topic + block (no words)": (fit_text, [(-c, 1.0) for c in CS]),
    "text + table": (fit_text, [(c, s) for c in CS for s in TABLE_SCALES]),
    "function words + table": (fit_text, [(c, s, True) for c in CS for s in TABLE_SCALES]),
}
CUES = ("?", "used to", "no longer", "was", "were", "would", "could", "until", "before",
        "prior", "2017", "2018", "if", "not", "can't", "so", "you", "you can", "your")
"""General cues whose weights are printed whatever their rank."""


def run(rows: list[Row], extra: list[Row], missed: dict[str, int],
        rounds: list[str]) -> dict[str, dict[str, dict]]:
    """Every model, each round held out: values, chosen parameter, training thresholds."""
    out: dict[str, dict[str, dict]] = {m: {} for m in MODELS}
    for held in rounds:
        test = [r for r in rows if r["round"] == held]
        train = [r for r in rows if r["round"] != held] + extra
        for name, (fitter, params) in MODELS.items():
            if name == "table (code)":
                param, oof = None, fitter(train)(train)
            else:
                param, oof = inner(train, fitter, params)
            ps = fitter(train, param)(test)
            ytr, mask = labels(train), np.array([r["round"] not in ("b1", "b2") for r in train])
            ts = {k: keep_threshold(oof[mask], ytr[mask], k) for k in KEEPS}
            out[name][held] = {"ps": ps, "param": param, "train_t": ts}
        print(f"  round {held}: done ({len(test)} findings)", file=sys.stderr)
    return out


def auc(ps: np.ndarray, y: np.ndarray) -> float:
    pos, neg = ps[y == 1], ps[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def report(rows: list[Row], missed: dict[str, int], rounds: list[str],
           res: dict[str, dict[str, dict]], md: bool) -> None:
    names = list(MODELS)
    by_round = {h: [r for r in rows if r["round"] == h] for h in rounds}
    print("\n== per round: log loss / AUC held out (table (code) is fitted on every round)\n")
    print(fs._row(("round", "n", "right", "wrong", "wrong on correct-only pages",
                   *(f"{m}: LL / AUC" for m in names), "text C", "text + table C, scale"),
                  md, header=True))
    pooled: dict[str, list[np.ndarray]] = {m: [] for m in names}
    for h in rounds:
        y = labels(by_round[h])
        cells: list[object] = [h, len(y), int(y.sum()), int((1 - y).sum()),
                               sum(r["label"] == "fp" and r["correct_only"] for r in by_round[h])]
        for m in names:
            ps = res[m][h]["ps"]
            pooled[m].append(ps)
            cells.append(f"{log_loss(ps, y):.3f} / {auc(ps, y):.2f}")
        cells += [res["text"][h]["param"][0], "{} / {}".format(*res["text + table"][h]["param"])]
        print(fs._row(cells, md))
    y_all = labels([r for h in rounds for r in by_round[h]])
    cells = ["all", len(y_all), int(y_all.sum()), int((1 - y_all).sum()),
             sum(r["label"] == "fp" and r["correct_only"] for h in rounds for r in by_round[h])]
    for m in names:
        ps = np.concatenate(pooled[m])
        cells.append(f"**{log_loss(ps, y_all):.3f} / {auc(ps, y_all):.2f}**")
    print(fs._row([*cells, "", ""], md))
    for mode in ("the held-out round's own (equal recall)", "chosen on the training rounds"):
        print(f"\n== thresholds {mode}: pooled P / R of problem findings, wrong hidden "
              "(of them on correct-only pages), right hidden\n")
        print(fs._row(("keeps", *names), md, header=True))
        for keep in KEEPS:
            cells = [f"{keep:.0%}"]
            for m in names:
                tot = dict.fromkeys(("tp", "fp", "hid_tp", "hid_fp", "hid_clean"), 0)
                for h in rounds:
                    y = labels(by_round[h])
                    ps = res[m][h]["ps"]
                    got = (equal_recall(by_round[h], ps, keep) if mode.startswith("the held")
                           else counts(by_round[h], ps, res[m][h]["train_t"][keep]))
                    for k, v in got.items():
                        tot[k] += v
                lost = sum(missed.get(h, 0) for h in rounds)
                p = tot["tp"] / (tot["tp"] + tot["fp"])
                rec = tot["tp"] / (tot["tp"] + tot["hid_tp"] + lost)
                cells.append(f"{p:.3f} / {rec:.3f}; {tot['hid_fp']:.0f} ({tot['hid_clean']:.0f});"
                             f" {tot['hid_tp']:.0f}")
            print(fs._row(cells, md))
    print("\n== per round at equal recall (90 % of the round's right findings kept): wrong "
          "hidden (on correct-only pages)\n")
    print(fs._row(("round", *names, "text + table against table refit",
                   "against no words"), md, header=True))
    for h in rounds:
        y = labels(by_round[h])
        cells = [h]
        hid = {}
        for m in names:
            c = equal_recall(by_round[h], res[m][h]["ps"], 0.9)
            hid[m] = c["hid_fp"]
            cells.append(f"{c['hid_fp']:.1f} ({c['hid_clean']:.1f})")
        d_auc = auc(res["text + table"][h]["ps"], y) - auc(res["table refit"][h]["ps"], y)
        cells.append(f"AUC {d_auc:+.2f}, hidden {hid['text + table'] - hid['table refit']:+.1f}")
        nw = "table + topic + block (no words)"
        d_nw = auc(res["text + table"][h]["ps"], y) - auc(res[nw][h]["ps"], y)
        cells.append(f"AUC {d_nw:+.2f}, hidden {hid['text + table'] - hid[nw]:+.1f}")
        print(fs._row(cells, md))


def top_features(rows: list[Row], top: int, md: bool) -> None:
    """The largest weights of the learned models fitted on every round."""
    for name in ("text", "text + table", "function words + table"):
        fitter, params = MODELS[name]
        param, _ = inner(rows, fitter, params)
        model = fitter(rows, param)
        coef = model.model.coef_[0]
        feats = np.array(model.names)
        order = np.argsort(coef)
        print(f"\n== {name}, fitted on every round (C, scale = {param}): "
              f"{len(feats)} features; top {top} each way (+ = right more often)\n")
        print(fs._row(("toward right", "weight", "rows", "P", "toward wrong", "weight", "rows",
                       "P"), md, header=True))
        y = labels(rows)
        for pos_i, neg_i in zip(order[::-1][:top], order[:top], strict=True):
            cells: list[object] = []
            for i in (pos_i, neg_i):
                has = _has(rows, feats[i])
                cells += [f"`{feats[i]}`", f"{coef[i]:+.2f}", int(has.sum()),
                          f"{y[has].mean():.2f}" if has.any() else "-"]
            print(fs._row(cells, md))
        index = {f: i for i, f in enumerate(feats)}
        print("\ngeneral cues: " + "; ".join(
            f"`{c}` {coef[index[c]]:+.2f} ({int(_has(rows, c).sum())} rows, P "
            f"{y[_has(rows, c)].mean():.2f})" if c in index else f"`{c}` (not a feature)"
            for c in CUES))


def _has(rows: list[Row], feat: str) -> np.ndarray:
    if feat.startswith("["):
        return np.array([feat[1:-1] in table_features(r) for r in rows])
    pattern = re.compile(TOKEN)
    out = []
    for r in rows:
        toks = pattern.findall(clean(r["sentence"]))
        grams = set(toks) | {f"{a} {b}" for a, b in itertools.pairwise(toks)}
        grams |= set(cue_grams(r["sentence"]))
        out.append(feat in grams)
    return np.array(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?",
                        default=Path(__file__).resolve().parents[1] / "reports" / "first-contact")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--with-b", action="store_true",
                        help="rounds b1 and b2 join every training set")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    all_rows, missed = fs.load(args.folder)
    problems = fs.scored(all_rows, True)
    rounds = list(fs.FIT_ROUNDS)
    rows = [r for r in problems if r["round"] in rounds]
    extra = [r for r in problems if r["round"] in ("b1", "b2")] if args.with_b else []
    res = run(rows, extra, missed, rounds)
    report(rows, missed, rounds, res, args.markdown)
    top_features(rows + extra, args.top, args.markdown)


if __name__ == "__main__":
    main()
