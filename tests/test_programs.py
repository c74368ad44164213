"""Regex programs made when the patterns are cached match as ``re.compile``'s patterns do."""

from __future__ import annotations

import re

import pytest

from taxcheck.nlp.programs import load, program

SOURCES = [
    "\x00[\u0100\u0102][\u4000-\u4003](?=((?:\x00\u0105.){1,3}))",
    r"^(?!.*(?:ing|ed)$)",
    r"(?P<year>19\d\d|20[0-4]\d)s?\b",
    "\x00.....(?=(\x00\u0101....))",
]
TEXTS = ["\x00\u0102\u4001\x00\u0105\x01\x00\u0105\x02\x00\u0100\u4003\x00\u0105",
         "the 1990s and 2024", "running", "taxed",
         "\x00\x01\x01\x01\x80\u4000\x00\u0101\x01\x01\x80\u4000"]


@pytest.mark.parametrize("source", SOURCES)
def test_a_cached_program_matches_as_re_compile_does(source):
    made = program(source, re.DOTALL)
    assert made is not None
    pattern, expected = load(made), re.compile(source, re.DOTALL)
    assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == (
        expected.pattern, expected.flags, expected.groups, expected.groupindex)
    assert any(expected.search(text) for text in TEXTS)
    for text in TEXTS:
        assert [m.span(0) + m.span(1) if m.re.groups else m.span() for m in
                pattern.finditer(text)] == [m.span(0) + m.span(1) if m.re.groups
                                             else m.span() for m in expected.finditer(text)]


def test_a_program_the_engine_refuses_is_compiled_again():
    """A damaged program (a cache from elsewhere) never matches wrongly: the engine checks
    it, and the pattern is compiled from its source instead."""
    source, flags, code, *rest = program(SOURCES[0], re.DOTALL)
    damaged = (source, flags, b"\xff\xff\xff\x7f" * 3 + code[12:], *rest)
    pattern = load(damaged)
    assert pattern.pattern == source
    assert [m.span() for m in pattern.finditer(TEXTS[0])] == [
        m.span() for m in re.compile(source, re.DOTALL).finditer(TEXTS[0])]
