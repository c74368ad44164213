"""Where the steady state's checking work goes by unit (block, sentence, clause, reading),
not by function: counts and CPU per kind of unit over the same articles, in one process,
figures of the last of ``--passes`` passes (the first is a warm-up).

    python benchmarks/unit_profile.py [--real] [--generated N] [--passes 2]
    python benchmarks/unit_profile.py --real --readings   # each reading of the chain
    python benchmarks/unit_profile.py --real --bound      # matching without inert clauses

``--real`` reads the real-page articles of ``corpus/`` and ``corpus/blind`` (never
``corpus/sealed``); ``--generated N`` adds N generated ones (the CI guard's corpus).

- Default: blocks split by what their doc holds (no concept span, concept spans but no
  candidate, candidates), each kind's blocks, sentences, tokens and CPU per pipeline stage
  and in the walk's ``block``; sentences of blocks with concepts split by whether they hold
  a concept (and, if not, whether they are short enough for the candidate builder to read
  them as follow-ons); clauses resolved, checked, those whose own concepts can meet some
  condition (``may_meet``: *live*, the others *inert*), the chains of readings and those
  that match, the calls of the match function, of ``match_claims`` and those with a match,
  the findings kept; ``_check``'s CPU by outcome.
- ``--readings``: calls, matches and CPU of each reading of the chain (wrapped: the
  wrapper's own cost is in the figures).
- ``--bound``: matching of every clause against matching of the live clauses only, same
  candidates, alternated, with the number of findings of each. Not a change that keeps the
  findings (inert clauses carry the discourse and some are matched through it): the most a
  gate on inert clauses could save.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from steady_profile import _paths

clock = time.process_time


def _prepared(checker, documents) -> list[tuple]:
    """Each document with its blocks' docs, candidates, sentence counts and year."""
    from taxcheck.checker import _split_long_blocks, as_of_year
    from taxcheck.nlp.candidates import RESULT_KEY
    from taxcheck.nlp.normalise import pipeline_text

    out = []
    for document in documents:
        document = _split_long_blocks(document)
        docs = [checker.nlp(pipeline_text(block.text)) for block in document.blocks]
        found = [doc.user_data[RESULT_KEY] for doc in docs]
        out.append((document, docs, [f for f, _ in found], [n for _, n in found],
                    as_of_year(document, checker.tax_year)))
    return out


def units(checker, documents, passes: int) -> dict:
    """Counts and CPU by unit (see the module's docstring)."""
    from taxcheck.checker import _split_long_blocks, as_of_year
    from taxcheck.matching import document as walk_module
    from taxcheck.nlp.candidates import CONCEPTS_KEY, RESULT_KEY, _sentence_bounds
    from taxcheck.nlp.lexicon import plain_spans
    from taxcheck.nlp.normalise import pipeline_text

    nlp, db = checker.nlp, checker.db
    counts: Counter[str] = Counter()
    cpu: dict[str, float] = defaultdict(float)
    kinds: dict[int, str] = {}
    walk = walk_module._Walk
    block, check, resolve = walk.block, walk._check, walk._resolve
    match_claims, first_reading = walk_module.match_claims, walk_module.first_reading

    def timed_block(self, index, blk, cands):
        kind = kinds[id(cands)]
        start = clock()
        block(self, index, blk, cands)
        cpu[f"walk.block | {kind}"] += clock() - start

    def counted_resolve(self, blk, cand, section):
        res = resolve(self, blk, cand, section)
        counts["clauses resolved"] += 1
        counts["clauses resolved, live"] += db.may_meet(db.expand(res.labels))
        return res

    def timed_check(self, *args, **kwargs):
        before, asked = len(self.findings), counts["match_claims calls"]
        start = clock()
        res = check(self, *args, **kwargs)
        seconds = clock() - start
        kept = len(self.findings) - before
        counts["findings kept"] += kept
        outcome = ("no match_claims call" if counts["match_claims calls"] == asked
                   else "match_claims, a finding kept" if kept else "match_claims, none kept")
        counts[f"_check | {outcome}"] += 1
        cpu[f"_check | {outcome}"] += seconds
        return res

    def counted_match_claims(*args, **kwargs):
        found = match_claims(*args, **kwargs)
        counts["match_claims calls"] += 1
        counts["match_claims calls with a match"] += bool(found)
        return found

    def counted_chain(walk_, at, res):
        matches, out = first_reading(walk_, at, res)
        live = "live" if db.may_meet(db.expand(res.labels)) else "inert"
        counts[f"chains | {live}"] += 1
        counts[f"chains | {live}, matched"] += bool(matches)
        counts[f"chains | {live}, none, resolution changed"] += (
            not matches and (out.steps, out.cand) != (res.steps, res.cand))
        return matches, out

    walk.block, walk._check, walk._resolve = timed_block, timed_check, counted_resolve
    walk_module.match_claims, walk_module.first_reading = counted_match_claims, counted_chain
    try:
        for _ in range(passes):
            counts.clear()
            cpu.clear()
            gc.collect()
            for document in documents:
                document = _split_long_blocks(document)
                candidates, sentences = [], []
                kinds.clear()
                for blk in document.blocks:
                    start = clock()
                    doc = nlp.make_doc(pipeline_text(blk.text))
                    stages = [("tokenizer", clock() - start)]
                    for name, proc in nlp.pipeline:
                        start = clock()
                        doc = proc(doc)
                        stages.append((name, clock() - start))
                    found, count = doc.user_data[RESULT_KEY]
                    concepts = plain_spans(doc, CONCEPTS_KEY)
                    kind = ("candidates" if found else
                            "concepts, no candidate" if concepts else "no concept")
                    for name, seconds in stages:
                        cpu[f"{name} | {kind}"] += seconds
                    counts[f"blocks | {kind}"] += 1
                    counts[f"sentences | {kind}"] += count
                    counts[f"tokens | {kind}"] += len(doc)
                    counts["candidates (clauses)"] += len(found)
                    if concepts:
                        _count_sentences(counts, _sentence_bounds(doc), concepts)
                    candidates.append(found)
                    kinds[id(found)] = kind
                    sentences.append(count)
                start = clock()
                walk_module.match_document(document, candidates, db,
                                           as_of_year(document, checker.tax_year), sentences)
                cpu["match_document"] += clock() - start
    finally:
        walk.block, walk._check, walk._resolve = block, check, resolve
        walk_module.match_claims, walk_module.first_reading = match_claims, first_reading
    return {"counts": dict(sorted(counts.items())),
            "cpu": {k: round(v, 4) for k, v in sorted(cpu.items())}}


def _count_sentences(counts: Counter[str], bounds: list[tuple[int, int]],
                     concepts: list[tuple[int, int, int, int]]) -> None:
    """Sentences and tokens of a block with concepts, by whether the sentence holds one."""
    from taxcheck.follow_ons import VALUE_TOKENS

    starts = [span[0] for span in concepts]
    for begin, end in bounds:
        kind = ("a concept" if any(begin <= s < end for s in starts)
                else f"no concept, <= {VALUE_TOKENS} tokens" if end - begin <= VALUE_TOKENS
                else "no concept, longer")
        counts[f"sentences of blocks with concepts | {kind}"] += 1
        counts[f"tokens of blocks with concepts | {kind}"] += end - begin


def readings(checker, documents, passes: int) -> dict:
    """Calls, matches and CPU of each reading of the chain."""
    from taxcheck.matching import readings as chain

    calls: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    cpu: dict[str, float] = defaultdict(float)

    def wrap(reading):
        def wrapped(walk, at, res):
            start = clock()
            out = reading(walk, at, res)
            cpu[reading.__name__] += clock() - start
            calls[reading.__name__] += 1
            hits[reading.__name__] += bool(out[0])
            return out
        return wrapped

    saved = {name: getattr(chain, name) for name in ("READINGS", "OVERRIDING", "_ASKED",
                                                     "_UNASKED", "_own", "_carried")}
    wrapped = {r: wrap(r) for r in (*chain.READINGS, *chain.OVERRIDING)}
    for name in ("READINGS", "OVERRIDING", "_ASKED", "_UNASKED"):
        setattr(chain, name, tuple(wrapped[r] for r in saved[name]))
    chain._own, chain._carried = wrapped[saved["_own"]], wrapped[saved["_carried"]]
    try:
        prepared = _prepared(checker, documents)
        for _ in range(passes):
            calls.clear()
            hits.clear()
            cpu.clear()
            seconds = _match_all(checker, prepared)
    finally:
        for name, value in saved.items():
            setattr(chain, name, value)
    return {"match_document": round(seconds, 4), "readings": {
        name: {"cpu": round(cpu[name], 4), "calls": calls[name], "matched": hits[name]}
        for name in sorted(cpu, key=cpu.__getitem__, reverse=True)}}


def _match_all(checker, prepared, live_only: bool = False) -> float:
    from taxcheck.matching import match_document

    db = checker.db
    gc.collect()
    start = clock()
    for document, _docs, candidates, sentences, year in prepared:
        if live_only:
            candidates = [[c for c in found if not c.labels or db.may_meet(db.expand(c.labels))]
                          for found in candidates]
        match_document(document, candidates, db, year, sentences)
    return clock() - start


def bound(checker, documents, rounds: int) -> dict:
    """Matching of every clause and of the live ones only, alternated (CPU, findings)."""
    from taxcheck.matching import match_document

    db = checker.db
    prepared = _prepared(checker, documents)
    found = {}
    for live_only in (False, True):
        found[live_only] = sum(len(match_document(
            document, [[c for c in f if not live_only or not c.labels
                        or db.may_meet(db.expand(c.labels))] for f in candidates],
            db, year, sentences)) for document, _, candidates, sentences, year in prepared)
    seconds: dict[bool, list[float]] = {False: [], True: []}
    for number in range(rounds):
        for live_only in ((False, True) if number % 2 == 0 else (True, False)):
            seconds[live_only].append(round(_match_all(checker, prepared, live_only), 3))
    clauses = [c for *_, candidates, _, _ in prepared for f in candidates for c in f]
    return {"clauses": len(clauses),
            "live clauses": sum(not c.labels or db.may_meet(db.expand(c.labels))
                                for c in clauses),
            "every clause": {"cpu": seconds[False], "findings": found[False]},
            "live clauses only": {"cpu": seconds[True], "findings": found[True]}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=0)
    parser.add_argument("--real", action="store_true")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--readings", action="store_true")
    parser.add_argument("--bound", action="store_true")
    args = parser.parse_args()

    from taxcheck.checker import Checker
    from taxcheck.claimdb import load_claims
    from taxcheck.readers import read_path

    documents = [read_path(str(p)) for p in _paths(args.generated, args.real)]
    checker = Checker(load_claims())
    if args.bound:
        result = bound(checker, documents, 2 * args.passes)
    elif args.readings:
        result = readings(checker, documents, args.passes)
    else:
        result = units(checker, documents, args.passes)
    print(json.dumps({"articles": len(documents), **result}, indent=1))


if __name__ == "__main__":
    main()
