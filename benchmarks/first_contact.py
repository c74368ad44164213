"""Build the first-contact dataset: every finding the code made on blind articles it had
never seen, labelled right or wrong by the eval's rules.

    .venv/bin/python benchmarks/first_contact.py [--out reports/first-contact] [--keep]

Every article of ``corpus/blind/`` was added by some commit; the code at that commit's
parent had never seen it. For each such commit (``git log --diff-filter=A --
corpus/blind/``) this script

1. checks the parent out in a detached worktree under ``/tmp/taxcheck-fc/wt-<sha>`` (``--work``
   names another folder; removed afterwards unless ``--keep``);
2. copies the articles that commit added, as they are now, and their gold files (the
   current labels: later label fixes are corrections, not tuning) to
   ``/tmp/taxcheck-fc/data-<sha>/blind/`` and ``.../blind/gold/``;
3. runs that code (``PYTHONPATH=<worktree>/src`` with this venv's python, the worktree's own
   ``claims/``, a cache folder of its own) as ``taxcheck eval`` on that folder (its totals,
   kept as a cross-check) and ``taxcheck check --format json`` on each article (the
   findings with their trails; ``--min-confidence 0`` where that code has the option, so
   that the findings its default view leaves out are in the dataset too), and dumps the
   old claim database (id, facts, topic, kind, confidence level);
4. labels every finding with the current eval's rules (:func:`label_report`): ``tp``
   (it takes a gold annotation), ``fp`` with the eval's alarm kind, ``repeat`` (a second
   finding on a sentence whose fact and verdict an annotation already took: counted
   neither way), ``myth`` (framed as a debunked myth, or taking a myth annotation).

It writes ``findings.jsonl`` (one finding a line, with its features and label),
``rounds.json`` (per commit: round, parent, articles, problems labelled and missed, the
old eval's totals) into ``--out``. Only paths under ``corpus/blind/`` are read; the sealed
part is never listed, read or scored. The study of this dataset is
``benchmarks/first_contact_study.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import yaml

REPO = Path(__file__).resolve().parents[1]
BLIND = "corpus/blind/"
WORK = Path("/tmp/taxcheck-fc")
"""Default folder of the worktrees, data and caches (``--work``: one per engineer)."""
SUFFIXES = (".txt", ".md", ".html", ".htm")
_ROUND = re.compile(r"\bround ([a-z])\b")
_ON_LINE = re.compile(r"\bon line (\d+)\b")

DUMP_DB = """
import json, sys
from taxcheck.cli.common import load_db
db = load_db(())
out = {}
for c in db.claims:
    out[c.id] = {"facts": [f for f in (getattr(c, "fact", None),
                                       *getattr(c, "also_facts", ())) if f],
                 "topic": getattr(c, "topic", ""),
                 "figure": getattr(c, "figure", None) is not None,
                 "level": getattr(c, "confidence", "high"),
                 "denial": getattr(c, "denial_of", None) is not None}
json.dump(out, sys.stdout)
"""


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True,
                          text=True).stdout


def adding_commits() -> list[dict]:
    """Each commit that added blind articles, oldest first, with its round and articles."""
    out = []
    log = git("log", "--diff-filter=A", "--format=%H%x09%s", "--", BLIND)
    for line in reversed(log.strip().splitlines()):
        sha, subject = line.split("\t", 1)
        names = git("show", "--diff-filter=A", "--name-only", "--format=", sha, "--", BLIND)
        articles = sorted(n for n in names.split() if n.startswith(BLIND)
                          and "/gold/" not in n and n.endswith(SUFFIXES))
        found = _ROUND.search(subject)
        out.append({"commit": sha[:7], "parent": git("rev-parse", "--short", f"{sha}^").strip(),
                    "round": found.group(1) if found else f"batch-{sha[:7]}",
                    "articles": articles})
    # the first two batches predate the round letters: name them by order
    batches = [c for c in out if c["round"].startswith("batch-")]
    for n, c in enumerate(batches, 1):
        c["round"] = f"b{n}"
    return out


def stage_data(commit: dict, work: Path) -> tuple[Path, list[str]]:
    """The commit's articles (as they are now) and their gold files in a folder of their
    own; the names of the articles that are still in the corpus."""
    root = work / f"data-{commit['commit']}"
    shutil.rmtree(root, ignore_errors=True)
    (root / "blind" / "gold").mkdir(parents=True)
    kept = []
    for name in commit["articles"]:
        article = REPO / name
        gold = REPO / BLIND / "gold" / f"{article.name}.yaml"
        if not article.is_file() or not gold.is_file():
            continue
        shutil.copy(article, root / "blind" / article.name)
        shutil.copy(gold, root / "blind" / "gold" / gold.name)
        kept.append(article.name)
    return root, kept


def worktree(parent: str, work: Path) -> Path:
    path = work / f"wt-{parent}"
    if not path.is_dir():
        git("worktree", "add", "--detach", str(path), parent)
    return path


def run_old(tree: Path, args: list[str]) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree / "src"),
           "TAXCHECK_CACHE_DIR": str(tree.parent / f"cache-{tree.name}")}
    done = subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=True,
                          text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{tree.name}: {' '.join(args[:4])}: {done.stderr[-2000:]}")
    return done.stdout


def old_findings(tree: Path, data: Path, names: list[str]) -> dict[str, dict]:
    """The old code's report (JSON) of each article, checked against its gold's year."""
    by_year: dict[int | None, list[str]] = {}
    for name in names:
        gold = yaml.safe_load((data / "blind" / "gold" / f"{name}.yaml").read_text())
        by_year.setdefault(gold.get("as_of"), []).append(name)
    reports = {}
    # since the confidence table (session 12) check leaves out the least confident findings
    # by default: the dataset wants every finding the code made
    every = (["--min-confidence", "0"]
             if "--min-confidence" in run_old(tree, ["-m", "taxcheck", "check", "--help"])
             else [])
    for year, group in by_year.items():
        args = ["-m", "taxcheck", "check", "--format", "json", "--min-severity", "info",
                "--fail-on", "never", *every]
        if year is not None:
            args += ["--tax-year", str(year)]
        out = json.loads(run_old(tree, [*args, *(str(data / "blind" / n) for n in group)]))
        for report in out if isinstance(out, list) else [out]:
            reports[Path(report["path"]).name] = report
    return reports


def label_report(findings: list[dict], gold: dict, facts: dict[str, tuple[str, ...]]
                 ) -> tuple[list[tuple[str, str | None]], int, int]:
    """Each finding's label and false-alarm kind by the current eval's rules
    (:func:`taxcheck.evaluation.score_report`), and the problems labelled and missed."""
    from taxcheck.evaluation import (
        PROBLEMS,
        GoldFile,
        _alarm_kind,
        _annotation_key,
        _claim_keys,
        _label,
        _match,
        _quoted,
    )

    gold_file = GoldFile.model_validate(gold)
    fs = [SimpleNamespace(sentence=f["sentence"], claim_id=f["claim_id"],
                          verdict=f["verdict"], framing=f.get("framing", "stated"))
          for f in findings]
    labels: list[tuple[str, str | None]] = [("", None)] * len(fs)
    used: set[int] = set()
    problems = missed = 0
    for ann in gold_file.annotations:
        key = _annotation_key(ann, facts)
        match = _match(fs, used, _quoted(ann.quote), key, ann.verdict, facts)  # type: ignore[arg-type]
        if ann.verdict in PROBLEMS and not ann.todo:
            problems += 1
            missed += match is None
        if match is None:
            continue
        used.add(match)
        labels[match] = ("myth", None) if ann.verdict == "myth" else ("tp", None)
    said = {(fs[i].sentence, key, _label(fs[i]))  # type: ignore[arg-type]
            for i in used for key in _claim_keys(fs[i], facts)}  # type: ignore[arg-type]
    for i, f in enumerate(fs):
        if i in used:
            continue
        if f.framing == "myth":
            labels[i] = ("myth", None)
        elif any((f.sentence, key, _label(f)) in said  # type: ignore[arg-type]
                 for key in _claim_keys(f, facts)):  # type: ignore[arg-type]
            labels[i] = ("repeat", None)
        elif f.verdict in PROBLEMS:
            labels[i] = ("fp", _alarm_kind(f, gold_file, facts))  # type: ignore[arg-type]
        else:
            labels[i] = ("fp", "accurate")
    return labels, problems, missed


def features(f: dict, report: dict, claim: dict) -> dict:
    """What the study groups findings by: what the finding, its trail and its page say."""
    trail = f.get("trail") or []
    stages = [s["stage"] for s in trail]
    context = [s for s in trail if s["stage"] == "context"]
    distances = [f["line"] - int(m.group(1)) for s in context
                 if (m := _ON_LINE.search(s.get("detail", "")))]
    date = (report.get("meta") or {}).get("date")
    return {
        "verdict": f["verdict"], "framing": f.get("framing", "stated"),
        "block_kind": f.get("block_kind"), "claim_id": f["claim_id"],
        "topic": claim.get("topic", ""), "figure": claim.get("figure", False),
        "denial": claim.get("denial", False), "level": claim.get("level", "high"),
        "confidence": f.get("confidence"), "severity": f.get("severity"),
        "stages": stages, "n_stages": len(stages),
        "sources": [s.get("source") or "?" for s in context],
        "line_distance": min(distances) if distances else None,
        "negated": "polarity" in stages, "hedged": "hedge" in stages,
        "number": "number" in stages, "year": "year" in stages,
        "page_year": int(date[:4]) if date else None,
        "suffix": Path(report["path"]).suffix.lower(),
        "line": f["line"], "sentence": f["sentence"],
    }


def build_commit(commit: dict, work: Path, keep: bool) -> tuple[dict, list[dict]]:
    data, names = stage_data(commit, work)
    tree = worktree(commit["parent"], work)
    try:
        old_eval = json.loads(run_old(tree, ["-m", "taxcheck", "eval", str(data),
                                             "--format", "json"]))
        reports = old_findings(tree, data, names)
        claims = json.loads(run_old(tree, ["-c", DUMP_DB]))
    finally:
        if not keep:
            git("worktree", "remove", "--force", str(tree))
    facts = {cid: tuple(c["facts"]) for cid, c in claims.items() if c["facts"]}
    rows, problems, missed = [], 0, 0
    for name in names:
        gold = yaml.safe_load((data / "blind" / "gold" / f"{name}.yaml").read_text())
        report = reports[name]
        shown = [f for f in report["findings"] if not f.get("suppressed")]
        labels, n_problems, n_missed = label_report(shown, gold, facts)
        problems, missed = problems + n_problems, missed + n_missed
        correct_only = not any(a.get("verdict") in ("false", "misleading", "outdated")
                               for a in gold.get("annotations") or [])
        for f, (label, kind) in zip(shown, labels, strict=True):
            rows.append({"round": commit["round"], "commit": commit["commit"],
                         "parent": commit["parent"], "article": name,
                         "correct_only": correct_only, "label": label, "fp_kind": kind,
                         **features(f, report, claims.get(f["claim_id"], {}))})
    summary = {**{k: commit[k] for k in ("commit", "parent", "round")}, "articles": names,
               "problems": problems, "missed": missed,
               "old_eval": {k: old_eval.get(k) for k in ("precision", "recall", "tp", "fp",
                                                          "fn")}}
    shutil.rmtree(data, ignore_errors=True)
    return summary, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "reports" / "first-contact")
    parser.add_argument("--keep", action="store_true", help="keep the worktrees under /tmp")
    parser.add_argument("--work", type=Path, default=WORK,
                        help="folder of the old worktrees, data and caches (one per engineer)")
    parser.add_argument("--only", nargs="*", help="only these commits (short hashes)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)
    summaries, rows = [], []
    for commit in adding_commits():
        if args.only and commit["commit"] not in args.only:
            continue
        summary, found = build_commit(commit, args.work, args.keep)
        mine = [r for r in found if r["label"] in ("tp", "fp")
                and r["verdict"] != "accurate" and r["framing"] == "stated"]
        tp = sum(r["label"] == "tp" for r in mine)
        summary["relabelled"] = {"tp": tp, "fp": len(mine) - tp,
                                 "fn": summary["missed"]}
        print(f"{summary['round']:>3} {summary['commit']} at {summary['parent']}: "
              f"{len(summary['articles'])} articles, problems tp {tp} fp {len(mine) - tp} "
              f"fn {summary['missed']} (old eval: {summary['old_eval']})", flush=True)
        summaries.append(summary)
        rows += found
    with (args.out / "findings.jsonl").open("w") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    (args.out / "rounds.json").write_text(json.dumps(summaries, indent=1))
    print(f"{len(rows)} findings -> {args.out}/findings.jsonl")


if __name__ == "__main__":
    main()
