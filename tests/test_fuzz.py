"""Property tests: any input gives a Document or a one-line InputError, never a crash,
and every offset taxcheck reports points inside the source text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from taxcheck.errors import InputError
from taxcheck.readers import read_bytes
from test_fuzz_formats import _check_document, _check_report

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

TRICKY = st.sampled_from([
    "\u200f", "\u202e", "\u200d", "\u0301", "\U0001f4b8", "\ufeff", "\u00a0", "\t", "\r\n",
    "# ", "## ", "- ", "1.", "1. ", "> ", "**", "*", "_", "`", "```", "[", "](", ")", "<!--",
    "-->", "---\n", "401(k)", " losses", " cannot", " deduct", " IRA", "$23,500", " 59½",
    "?", ".", "\n", "\n\n",
])
TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=20)), max_size=60).map("".join)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md"]))
def test_random_bytes_read_or_fail_cleanly(data, suffix):
    try:
        document = read_bytes(data, f"fuzz{suffix}")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"fuzz{suffix}: TC2")
        return
    _check_document(document)


@FUZZ
@given(text=TEXT, suffix=st.sampled_from([".txt", ".md"]))
# found by this test: a block ending in a colon whose only clause states nothing (a bare
# amount) was read as a list's lead-in with its concepts misaligned (ValueError in zip)
@example(text="$23,500:", suffix=".txt")
@example(text="Roth IRA limits. $23,500:", suffix=".md")
def test_random_text_is_checked_with_offsets_inside_the_source(checker, text, suffix):
    try:
        document = read_bytes(text.encode("utf-8", "surrogatepass"), f"fuzz{suffix}")
    except InputError:
        return
    _check_report(checker, document)


@pytest.mark.parametrize("text", [
    "x" * 200_000,
    "*" * 5000 + "401(k) losses are deductible" + "_" * 5000,
    "\n".join(["1."] * 2000),
    "# " * 3000,
    "> " * 2000 + "You can deduct IRA losses.",
])
def test_pathological_inputs_finish(checker, text):
    for suffix in (".txt", ".md"):
        document = read_bytes(text.encode(), f"big{suffix}")
        checker.check(document)


@pytest.mark.parametrize("text", [
    "> ", ">", ">\n> \n>", "> \n> \n", "Quote from Dave:\n> ", "Title\n\n> \n\nText.",
    "> \n401(k) losses are deductible."])
def test_bare_quote_markers_are_read_as_nothing(checker, text):
    """A line of quote markers with no words after them (found by the fuzz test: plain text
    "> " made a quote block without text, and checking it raised IndexError)."""
    for suffix in (".txt", ".md"):
        document = read_bytes(text.encode(), f"quote{suffix}")
        assert all(block.text for block in document.blocks)
        _check_report(checker, document)
