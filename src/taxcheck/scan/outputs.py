"""The batch outputs: findings.jsonl, results.sarif, index.html, summary.json, the manifest.

Outcomes arrive one by one; findings and SARIF results go straight to temporary files
in the output folder, so memory holds only a small entry per article (for the index).
At the end each output is renamed into place: a crash leaves the previous outputs
untouched and at most a stray ``.*.tmp`` file.

The manifest (``.taxcheck-manifest.json``) remembers which pages the last run wrote and
from which cache key. It lets a rerun skip pages that would not change, and delete
pages of articles that left the corpus without touching any other file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from taxcheck import __version__
from taxcheck.atomic import AtomicFile, write_atomic
from taxcheck.batch import VERDICT_KEYS, ArticleEntry, BatchIndex, ClaimArticles
from taxcheck.claimdb import ClaimDatabase
from taxcheck.findings import VERDICT_RANK
from taxcheck.render.html import render_index
from taxcheck.render.sarif import render_sarif
from taxcheck.scan.inputs import OUTPUT_MANIFEST
from taxcheck.scan.pages import PAGES_DIR
from taxcheck.scan.publish import CLAIMS_DIR
from taxcheck.scan.work import Outcome

INDEX = "index.html"
SUMMARY = "summary.json"
FINDINGS = "findings.jsonl"
SARIF = "results.sarif"
MANIFEST = OUTPUT_MANIFEST
TOP_CLAIMS = 20
"""Wrong claims listed on the index and in summary.json."""
TOP_CLAIM_ARTICLES = 100
"""Articles listed per wrong claim (``count`` still counts them all; findings.jsonl has
every one): enough to act on, and memory stays flat on a corpus of any size."""
_RESULTS_SLOT = "@@taxcheck-results@@"
_ARTICLES_SLOT = "@@taxcheck-articles@@"


def read_manifest(out_dir: Path) -> dict[str, str | None]:
    """Pages written by the previous run (page -> cache key); empty when unreadable."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        pages = data["pages"]
        if isinstance(pages, dict):
            return {str(k): v if isinstance(v, str) else None for k, v in pages.items()}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}


def _write_json_with_array(out: AtomicFile, data: dict[str, Any], slot: str,
                           items: Iterable[str]) -> None:
    """Write ``data`` as indented JSON, with the JSON values ``items`` (one per line) as
    the array where ``data`` holds the placeholder ``slot``: no copy of the whole
    document is built in memory."""
    head, tail = json.dumps(data, indent=2, ensure_ascii=False).split(json.dumps(slot), 1)
    out.write(head + "[\n")
    for n, item in enumerate(items):
        out.write((",\n" if n else "") + item)
    out.write("\n]" + tail + "\n")


class SarifMerger:
    """Merge per-article SARIF runs into one run, streaming results to a temporary file.

    Rules are listed once (``ruleIndex`` renumbered), artifacts once per URI
    (``artifactLocation.index`` renumbered); everything else comes from the renderer's
    output for an empty batch, so improvements to the renderer carry over.
    """

    def __init__(self, path: Path):
        self.path = path
        self.results = AtomicFile(path.with_name(path.name + ".results"))
        self.rules: list[dict] = []
        self.rule_index: dict[str, int] = {}
        self.artifacts: list[dict] = []
        self.artifact_index: dict[str, int] = {}
        self.count = 0
        self.out: AtomicFile | None = None
        """The merged file, once :meth:`prepare` wrote it."""

    def _rule(self, rule_id: str | None, rules: dict[str, dict]) -> int | None:
        if rule_id is None:
            return None
        if rule_id not in self.rule_index and rule_id in rules:
            self.rule_index[rule_id] = len(self.rules)
            self.rules.append(rules[rule_id])
        return self.rule_index.get(rule_id)

    def _artifact(self, artifact: dict) -> int:
        uri = artifact.get("location", {}).get("uri", "")
        if uri not in self.artifact_index:
            self.artifact_index[uri] = len(self.artifacts)
            self.artifacts.append(artifact)
        return self.artifact_index[uri]

    def add(self, fragment: dict[str, list[Any]]) -> None:
        rules = {r.get("id"): r for r in fragment.get("rules", [])}
        artifacts = [self._artifact(a) for a in fragment.get("artifacts", [])]
        for result in fragment.get("results", []):
            index = self._rule(result.get("ruleId"), rules)
            if "ruleIndex" in result and index is not None:
                result = {**result, "ruleIndex": index}
            result = _renumber_artifacts(result, artifacts)
            self.results.write((",\n" if self.count else "") + json.dumps(
                result, ensure_ascii=False))
            self.count += 1

    def prepare(self) -> None:
        """Write the merged SARIF under its temporary name (:attr:`out`); the caller
        commits it."""
        skeleton = json.loads(render_sarif([]))
        run = skeleton["runs"][0]
        run.setdefault("tool", {}).setdefault("driver", {})["rules"] = self.rules
        if self.artifacts:
            run["artifacts"] = self.artifacts
        run["results"] = _RESULTS_SLOT
        head, tail = json.dumps(skeleton, indent=2, ensure_ascii=False).split(
            json.dumps(_RESULTS_SLOT), 1)
        self.results.handle.close()
        out = AtomicFile(self.path)
        try:
            out.write(head + "[\n")
            with open(self.results.tmp, encoding="utf-8") as spooled:
                while chunk := spooled.read(1 << 16):
                    out.write(chunk)
            out.write("\n]" + tail + "\n")
            out.handle.flush()
        except BaseException:
            out.discard()
            raise
        finally:
            self.results.tmp.unlink(missing_ok=True)
        self.out = out

    def commit(self) -> None:
        """Rename the merged file into place (writing it first unless prepared)."""
        if self.out is None:
            self.prepare()
        assert self.out is not None
        self.out.commit()

    def discard(self) -> None:
        self.results.discard()
        if self.out is not None:
            self.out.discard()


def _renumber_artifacts(result: dict, artifacts: list[int]) -> dict:
    locations = result.get("locations")
    if not artifacts or not isinstance(locations, list):
        return result
    fixed = []
    for loc in locations:
        art = loc.get("physicalLocation", {}).get("artifactLocation", {})
        if isinstance(art.get("index"), int) and art["index"] < len(artifacts):
            phys = loc["physicalLocation"]
            loc = {**loc, "physicalLocation": {**phys, "artifactLocation": {
                **art, "index": artifacts[art["index"]]}}}
        fixed.append(loc)
    return {**result, "locations": fixed}


class BatchWriter:
    """Collects outcomes in order and writes every output of the batch.

    Args:
        out_dir: the output folder (created if needed).
        db: the claim database (for the wrong claims' wording).
        reviewer: a name shown on the index page.
        publish: the pages are published for readers (``--publish``).
    """

    def __init__(self, out_dir: Path, db: ClaimDatabase, *, reviewer: str | None = None,
                 publish: bool = False):
        self.out_dir = out_dir
        self.db = db
        self.reviewer = reviewer
        self.publish = publish
        out_dir.mkdir(parents=True, exist_ok=True)
        self.previous_pages = read_manifest(out_dir)
        self.pages: dict[str, str | None] = {}
        self.entries: list[ArticleEntry] = []
        self.totals = dict.fromkeys(VERDICT_KEYS, 0)
        self.claims: dict[str, tuple[str, int, list[str], list[str]]] = {}
        self.failures: list[dict[str, str]] = []
        self.findings_count = 0
        self.pages_removed = 0
        self.findings = AtomicFile(out_dir / FINDINGS)
        self.sarif = SarifMerger(out_dir / SARIF)

    def page_is_current(self, page: str, key: str | None) -> bool:
        """True when the page on disk was written by the last run from the same entry."""
        return (key is not None and self.previous_pages.get(page) == key
                and (self.out_dir / page).is_file())

    def add(self, outcome: Outcome, key: str | None) -> None:
        """Record one article (in input order)."""
        entry = ArticleEntry(path=outcome.path, title=outcome.title, url=outcome.url,
                             date=outcome.date, page=outcome.page, counts=outcome.counts,
                             words=outcome.words, error=outcome.error,
                             tax_year=outcome.tax_year)
        self.entries.append(entry)
        if outcome.error is not None:
            self.failures.append({"path": outcome.path, "reason": outcome.error})
            return
        if outcome.page is not None:
            self.pages[outcome.page] = key
        for claim_page in outcome.claim_pages:
            self.pages[claim_page] = key
        for verdict, n in outcome.counts.items():
            self.totals[verdict] = self.totals.get(verdict, 0) + n
        prefix = '{"page":' + json.dumps(outcome.page, ensure_ascii=False) + ","
        for finding in outcome.findings:
            self.findings.write(prefix + finding[1:] + "\n")
            self.findings_count += 1
        for claim_id, verdict in outcome.wrong:
            worst, count, paths, pages = self.claims.get(claim_id, (verdict, 0, [], []))
            if VERDICT_RANK.get(verdict, 0) > VERDICT_RANK.get(worst, 0):
                worst = verdict
            if len(paths) < TOP_CLAIM_ARTICLES:
                paths.append(outcome.path)
                pages.append(outcome.page or "")
            self.claims[claim_id] = (worst, count + 1, paths, pages)
        self.sarif.add(outcome.sarif)

    def top_claims(self) -> list[ClaimArticles]:
        """The wrong claims made by the most articles, most frequent first."""
        ranked = sorted(self.claims.items(), key=lambda item: (-item[1][1], item[0]))
        out = []
        for claim_id, (verdict, count, paths, pages) in ranked[:TOP_CLAIMS]:
            try:
                says = self.db.claim(claim_id).says
            except KeyError:
                says = claim_id
            out.append(ClaimArticles(claim_id=claim_id, verdict=verdict, says=says,
                                     count=count, articles=paths, pages=pages))
        return out

    def index(self) -> BatchIndex:
        return BatchIndex(articles=self.entries, totals=self.totals,
                          top_claims=self.top_claims(), taxcheck_version=__version__,
                          claims_version=self.db.version,
                          generated=dt.datetime.now(dt.UTC).replace(microsecond=0),
                          reviewer=self.reviewer)

    def commit(self, extra: dict[str, Any]) -> None:
        """Write index.html and summary.json, rename the streamed outputs into place,
        and delete the pages of articles no longer in the batch.

        Every output is complete under its temporary name before the first is renamed
        into place: an error while writing leaves the previous set whole, never a mix.
        """
        index = self.index()
        self.findings.prepare()
        self.sarif.prepare()
        summary = {**index.model_dump(mode="json", exclude={"articles"}),
                   "failures": self.failures, "findings": self.findings_count, **extra}
        summary = {"articles": _ARTICLES_SLOT, **summary}
        stale = self._stale_pages()
        summary.setdefault("work", {})["pages_removed"] = len(stale)
        outputs: list[AtomicFile] = []  # the streamed ones are discarded by discard()
        try:
            summary_out = AtomicFile(self.out_dir / SUMMARY)
            outputs.append(summary_out)
            _write_json_with_array(summary_out, summary, _ARTICLES_SLOT,
                                   (e.model_dump_json() for e in self.entries))
            index_out = AtomicFile(self.out_dir / INDEX)
            outputs.append(index_out)
            index_out.write(render_index(index, publish=self.publish))
            for out in outputs:
                out.handle.flush()
        except BaseException:
            for out in outputs:
                out.discard()
            raise
        self.findings.commit()
        self.sarif.commit()
        self.pages_removed = len(stale)
        self._remove_pages(stale)
        write_atomic(self.out_dir / MANIFEST,
                     json.dumps({"format": 1, "pages": self.pages}, indent=0) + "\n")
        self.pages, self.previous_pages = {}, {}
        summary_out.commit()
        index_out.commit()

    def discard(self) -> None:
        """Abandon the run: remove temporary files, keep the previous outputs."""
        self.findings.discard()
        self.sarif.discard()

    def _stale_pages(self) -> list[Path]:
        """Pages the last run wrote that this run did not (articles that left, claim pages
        no longer written)."""
        roots = [(self.out_dir / folder).resolve() for folder in (PAGES_DIR, CLAIMS_DIR)]
        stale = []
        for page in sorted(self.previous_pages.keys() - self.pages.keys()):
            path = (self.out_dir / page).resolve()
            pages_root = next((r for r in roots if r in path.parents), None)
            if pages_root is None or path.suffix != ".html":
                continue  # never delete anything the manifest should not name
            if path.is_file():
                stale.append(path)
        return stale

    def _remove_pages(self, stale: list[Path]) -> None:
        roots = [(self.out_dir / folder).resolve() for folder in (PAGES_DIR, CLAIMS_DIR)]
        for path in stale:
            try:
                path.unlink()
            except OSError:
                continue
            pages_root = next((r for r in roots if r in path.parents), None)
            for folder in path.parents:
                if folder == pages_root:
                    break
                try:
                    folder.rmdir()  # only succeeds when empty
                except OSError:
                    break
