"""The stress set of claims stated only through their context (tests/data/context_claims.yaml):
each passage run as a plain-text page export (one block a line, no blank lines), the wrong
follow-on expected flagged with one of its claims, the correct twin expected quiet.

Run as a script for the table: ``.venv/bin/python tests/context_stress.py``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from taxcheck.checker import Checker
from taxcheck.findings import Report
from taxcheck.readers import read_bytes

DATA = Path(__file__).parent / "data" / "context_claims.yaml"
HEAD = "Retirement questions, answered\nUpdated March 2, 2026\n"


@dataclass(frozen=True)
class Outcome:
    id: str
    shape: str
    caught: bool
    wrong_said: tuple[str, ...]
    twin_said: tuple[str, ...]

    @property
    def twin_quiet(self) -> bool:
        return not self.twin_said


def passages() -> list[dict]:
    return yaml.safe_load(DATA.read_text())


def _page(context: str, follow: str) -> tuple[str, int]:
    """The page text and the line (1-based) of the follow-on."""
    body = HEAD + context.rstrip("\n") + "\n"
    return body + follow + "\n", body.count("\n") + 1


def _problems(report: Report, line: int | None = None) -> tuple[str, ...]:
    return tuple(f"{f.claim_id}:{f.verdict}@{f.line}" for f in report.findings
                 if f.verdict != "accurate" and f.framing != "myth"
                 and (line is None or f.line == line))


def run(checker: Checker, passage: dict) -> Outcome:
    text, line = _page(passage["context"], passage["wrong"])
    wrong = checker.check(read_bytes(text.encode(), "page.txt"))
    on_line = [f for f in wrong.findings if f.line == line and f.verdict != "accurate"]
    caught = any(f.claim_id in passage["claims"] for f in on_line)
    text, _ = _page(passage["context"], passage["right"])
    twin = checker.check(read_bytes(text.encode(), "page.txt"))
    return Outcome(passage["id"], passage["shape"], caught, _problems(wrong, line),
                   _problems(twin))


def summary(outcomes: list[Outcome]) -> str:
    caught = sum(o.caught for o in outcomes)
    alarms = sum(not o.twin_quiet for o in outcomes)
    lines = [f"{'id':34} caught twin  wrong said / twin said"]
    lines += [f"{o.id:34} {'yes' if o.caught else ' - ':6} {'ok' if o.twin_quiet else 'FLAG'}"
              f"  {','.join(o.wrong_said) or '-'} / {','.join(o.twin_said) or '-'}"
              for o in outcomes]
    shapes = sorted({o.shape for o in outcomes})
    for shape in shapes:
        group = [o for o in outcomes if o.shape == shape]
        lines.append(f"  {shape}: caught {sum(o.caught for o in group)}/{len(group)}, "
                     f"twins flagged {sum(not o.twin_quiet for o in group)}")
    lines.append(f"caught {caught}/{len(outcomes)}, correct twins flagged {alarms}")
    return "\n".join(lines)


if __name__ == "__main__":
    from taxcheck.claimdb import load_claims

    checker = Checker(load_claims(), tax_year=2026)
    print(summary([run(checker, p) for p in passages()]))
