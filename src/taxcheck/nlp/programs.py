"""Regular expressions compiled once, when the pipeline's patterns are cached.

``re.compile`` parses a pattern and turns it into a program for the regex engine in Python
code; the lexicon rulers' automata are about 1,350 patterns over records whose character
classes hold thousands of code points, and compiling those an article reaches was about a
sixth of the CPU of a fresh process's first 40 articles. The program (the engine's code
words and the groups) depends only on the pattern, its flags and the interpreter, so it is
made when the patterns are cached and handed to the engine (``_sre.compile``, what
``re.compile`` ends with) when the automaton is first reached, in microseconds.

The cache is keyed by :data:`KEY` (the interpreter's version and the engine's magic
number): a program is never given to another engine. When the interpreter's internals
differ (another implementation, a future version), :func:`program` returns None and the
pattern is compiled by ``re.compile`` as before; the engine checks every program it is
given, so a bad one raises instead of matching wrongly (then ``re.compile`` is used too).
"""

from __future__ import annotations

import array
import re
import sys

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # (not CPython)
    _sre = _compiler = _parser = None  # type: ignore[assignment]

Program = tuple[str, int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""(pattern, flags, code words, groups, group index, index group): what ``_sre.compile``
takes, with the code words packed as unsigned ints."""
KEY = f"{sys.version}\0{getattr(_sre, 'MAGIC', None)}\0{getattr(_sre, 'CODESIZE', None)}"
"""What decides a program: cached programs are keyed by it."""


def program(pattern: str, flags: int = 0) -> Program | None:
    """The engine's program for ``pattern`` (None when it cannot be made here)."""
    if _compiler is None or getattr(_sre, "CODESIZE", None) != array.array("I").itemsize:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        groups = dict(state.groupdict)
        names: list[str | None] = [None] * state.groups
        for name, number in groups.items():
            names[number] = name
        return (pattern, flags | state.flags, array.array("I", code).tobytes(),
                state.groups - 1, groups, tuple(names))
    except Exception:  # (internals of another version)
        return None


def load(made: Program) -> re.Pattern[str]:
    """The compiled pattern of a :func:`program` (``re.compile`` when the engine refuses
    it)."""
    pattern, flags, code, groups, groupindex, indexgroup = made
    try:
        return _sre.compile(pattern, flags, array.array("I", code).tolist(), groups,
                            groupindex, indexgroup)
    except Exception:
        return re.compile(pattern, flags)
