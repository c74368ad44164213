"""Thread fragments that quote another poster and reply (tests/data/quote_threads.yaml, run
by :mod:`quote_threads`) in plain text, Markdown and HTML: a reply that endorses a wrong
quoted claim (or rejects a right one) is flagged on the reply's line with a claim of the
fact; a rejected wrong quote and a right one stay quiet. The fragments not handled yet are
listed, so that a change that handles one (or breaks another) shows."""

from __future__ import annotations

import pytest

from quote_threads import outcomes, passages
from taxcheck.matching.retries.quoted import stance
from taxcheck.readers import read_bytes

PASSAGES = passages()

NOT_CAUGHT: frozenset[str] = frozenset()
"""Endorsing (or wrongly rejecting) replies still missed."""

FLAGGED = frozenset({"html-roth-contrib-no"})
"""Fragments that should stay quiet and are still flagged: "Not true. Contributions come out
first, any time, with no tax or penalty." is itself read as saying a penalty applies (the
reply's own negation, not its reading of the quote)."""


@pytest.fixture(scope="module")
def results(checker):
    return {o.id: o for o in outcomes(checker)}


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_a_reply_decides_the_quoted_claim(results, passage):
    outcome = results[passage["id"]]
    if passage["expect"] == "flag":
        assert outcome.ok is (passage["id"] not in NOT_CAUGHT), (
            f"reply said {outcome.said or 'nothing'}; expected {passage['rule']}")
    else:
        assert outcome.ok is (passage["id"] not in FLAGGED), f"flagged {outcome.said}"


def test_the_thread_set_covers_every_shape():
    assert len(PASSAGES) >= 16
    assert {p["shape"] for p in PASSAGES} == {"txt", "md", "html"}
    assert {(p["quote"], p["reply_kind"]) for p in PASSAGES} == {
        ("wrong", "endorses"), ("wrong", "rejects"), ("right", "endorses"),
        ("right", "rejects")}


@pytest.mark.parametrize(("reply", "said"), [
    ("Yep, that's how it works.", "endorses"), ("This.", "endorses"),
    ("Correct, and it's per return.", "endorses"), ("That's right, weekends don't count.",
                                                   "endorses"),
    ("Nope.", "rejects"), ("Not true anymore.", "rejects"), ("Careful, Gary.", "rejects"),
    ("That's outdated.", "rejects"), ("Not since 2018.", "rejects"),
    ("Right, but only if you itemize.", None), ("No tax is due on it.", None),
    ("Thanks, saving this.", None), ("True, but only for Roth IRAs.", None),
])
def test_a_reply_opens_by_endorsing_or_rejecting(reply, said):
    assert stance(reply) == said


@pytest.mark.parametrize("line", [
    "> you can harvest losses in your 401(k)", 'Quote from Dave: "You can deduct it."',
    'dave_r wrote: "You can deduct it."', "Originally posted by nestegg_ned:",
])
def test_a_quoted_line_is_its_own_quote_block(line):
    text = f"Forum: Taxes\nPosted March 2, 2026\n{line}\nplus more words here\nYep, agreed.\n"
    if line.endswith(":"):
        text = text.replace("plus more words here", "you can deduct IRA losses")
    kinds = [(b.kind, b.text) for b in read_bytes(text.encode(), "page.txt").blocks]
    quote = next(text for kind, text in kinds if kind == "quote")
    assert not quote.startswith((">", "Quote", "dave", "Originally"))
    assert kinds[-1] == ("paragraph", "Yep, agreed.")


def test_a_poster_line_heads_a_post_not_a_quote():
    text = "Forum: Taxes\nPosted March 2, 2026\ndave_r wrote:\nYou can deduct it.\n"
    assert "quote" not in {b.kind for b in read_bytes(text.encode(), "page.txt").blocks}
