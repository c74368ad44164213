"""Build a mypyc-compiled copy of taxcheck's checking modules, outside the package, to
measure what compiled code gains (the experiment of issue 15; see benchmarks/README.md).

    pip install 'mypy>=1.13'        # brings mypyc; gcc and the Python headers are needed
    python benchmarks/compile_spike.py OUT [--modules nlp] [--opt 3]
    PYTHONPATH=OUT/src python benchmarks/dump_findings.py compiled.jsonl --articles 300
    PYTHONPATH=OUT/src python benchmarks/bench_guard.py --articles 300 --reps 5

Copies ``src``, ``claims`` and ``templates`` to OUT (never touching this checkout),
marks the lines mypy still reports in the copied modules ``# type: ignore`` (mypyc
refuses to compile a module with type errors; on those lines it checks the values at
run time as it does everywhere else), and compiles the modules in place with mypyc, so
that ``PYTHONPATH=OUT/src`` imports the compiled modules before any installed taxcheck.
This is an experiment, not a build: nothing here is installed, and the package itself is
pure Python.

``--modules nlp`` compiles the spaCy components (rulers, automata, candidate builder,
sentencizer, lemmatizer, quantities); ``all`` (the default) adds ``matching``,
``matching/retries``, ``tense``, ``cues`` and ``follow_ons``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NLP = ["nlp/automata.py", "nlp/encoded.py", "nlp/lexicon.py", "nlp/candidates.py",
       "nlp/sentences.py", "nlp/lemmas.py", "nlp/columns.py", "nlp/quantities.py",
       "nlp/normalise.py", "nlp/frames.py", "nlp/patterns.py"]
"""Not pipeline.py and spacy_import.py: they register and import spaCy's parts."""
MATCHING_GLOBS = ["matching/*.py", "matching/retries/*.py"]
MORE = ["tense.py", "cues.py", "follow_ons.py"]
"""Not clauses.py: ``Candidate`` keeps ``cached_property`` values in its ``__dict__``,
which a compiled (native) class has not."""
MYPY_FLAGS = ["--ignore-missing-imports", "--follow-imports=silent"]
_ERROR = re.compile(r"(src/[^:]+):(\d+): error:")
_IGNORE = re.compile(r"# type: ignore\[[^\]]*\]")

SETUP = """\
import os
from setuptools import setup
from mypyc.build import mypycify
files = open("modules.txt").read().split()
setup(ext_modules=mypycify([{flags}, *files], opt_level=os.environ["SPIKE_OPT"]),
      package_dir={{"": "src"}})
"""


def modules(out: Path, which: str) -> list[str]:
    """The copied module paths (relative to ``out``) to compile."""
    names = list(NLP)
    if which == "all":
        base = out / "src" / "taxcheck"
        for pattern in MATCHING_GLOBS:
            names += sorted(str(p.relative_to(base)) for p in base.glob(pattern)
                            if p.name != "__init__.py")
        names += MORE
    return [f"src/taxcheck/{name}" for name in names]


def ignore_remaining_errors(out: Path, files: list[str]) -> int:
    """Mark every line mypy reports in ``files`` (in the copy) ``# type: ignore``."""
    run = subprocess.run([sys.executable, "-m", "mypy", *MYPY_FLAGS, *files], cwd=out,
                         capture_output=True, text=True, check=False)
    lines: dict[str, set[int]] = defaultdict(set)
    for found in _ERROR.finditer(run.stdout):
        lines[found.group(1)].add(int(found.group(2)))
    for name, numbers in lines.items():
        path = out / name
        text = path.read_text(encoding="utf-8").split("\n")
        for number in numbers:
            line = text[number - 1]
            text[number - 1] = (_IGNORE.sub("# type: ignore", line) if "# type: ignore" in line
                                else line + "  # type: ignore")
        path.write_text("\n".join(text), encoding="utf-8")
    return sum(len(n) for n in lines.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--modules", choices=("nlp", "all"), default="all")
    parser.add_argument("--opt", default="3", help="mypyc opt_level (0 builds faster)")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    for folder in ("src", "claims", "templates"):
        shutil.copytree(ROOT / folder, out / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    files = modules(out, args.modules)
    print(f"{ignore_remaining_errors(out, files)} lines mypy still reports marked "
          f"'# type: ignore' in the copy", file=sys.stderr)
    (out / "modules.txt").write_text("\n".join(files), encoding="utf-8")
    (out / "setup_spike.py").write_text(
        SETUP.format(flags=", ".join(repr(f) for f in MYPY_FLAGS)), encoding="utf-8")
    env = {**os.environ, "SPIKE_OPT": args.opt}
    build = subprocess.run([sys.executable, "setup_spike.py", "build_ext", "--inplace",
                            "-j", str(os.cpu_count() or 1)], cwd=out, env=env,
                           capture_output=True, text=True, check=False)
    (out / "build.log").write_text(build.stdout + build.stderr, encoding="utf-8")
    if build.returncode:
        print(f"mypyc build failed: see {out / 'build.log'}", file=sys.stderr)
        return 1
    print(f"{len(files)} modules compiled: PYTHONPATH={out / 'src'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
