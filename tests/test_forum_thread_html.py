"""An HTML forum thread whose posts are each an ``<article>``: every post is the page's text.
The extractor sometimes keeps one post of such a thread (the longest) and drops the rest, so
a wrong answer in a short reply went unread; the posts are then read directly. A blog post
with related-article cards beside it is still read as its one article."""

from __future__ import annotations

import pytest

from taxcheck.readers import html as html_reader
from taxcheck.readers import read_bytes


def _post(n: int, who: str, paras: list[str], sig: str) -> str:
    body = "\n".join(p if p.startswith("<blockquote>") else f"<p>{p}</p>" for p in paras)
    return (f'<article class="post" id="p{n}">\n<div class="author">{who}<br>'
            f'<small>Member since 2015</small></div>\n<div class="postdate">Mar {n}, 2026, '
            f'8:15 PM</div>\n<div class="body">\n{body}\n</div>\n<div class="sig">{sig}</div>\n'
            "</article>\n\n")


ADVICE = ("Sorry for your loss. Don't overthink it. Let it ride and drain it by December 31 of "
          "year ten.")
RIGHT = ("Sorry for your loss. Since she had started RMDs, take a minimum every year and drain "
         "the rest by December 31 of year ten.")
LONG = ("Wren, the ten-year deadline is right. Because your mother had reached her required "
        "beginning date, the final regulations from July 2024 require a beneficiary like you to "
        "take an annual amount in years one through nine and to empty the account by the end of "
        "year ten. The IRS excused those annual amounts for 2021 through 2024 only, so plan on "
        "the first one for 2026 and ask your custodian to figure it from the prior year-end "
        "balance. Spreading the income out can also keep you out of a higher bracket.")


def _thread(reply: str) -> str:
    posts = [
        ("wren_k", ["Mom died last March at 79 and had been taking her RMDs for years. I'm her "
                    "only beneficiary and I'm 48.", "Do I need to take anything this year?"],
         "-- Wren"),
        ("pinecone_44", [reply], "Buy low, sell never."),
        ("ledger_lou", [LONG], "Lou, EA"),
        ("wren_k", ["Thanks, both. I'll call the custodian this week."], "-- Wren"),
    ]
    return ("<!DOCTYPE html>\n<html><head><title>Inherited Mom's IRA, now what? - Money Talk"
            "</title></head>\n<body>\n<h1>Inherited Mom's IRA, now what?</h1>\n"
            + "".join(_post(i + 1, *p) for i, p in enumerate(posts))
            + "<footer><p>Money Talk is a community forum.</p></footer>\n</body></html>\n")


@pytest.fixture
def extractor_keeps_longest_post(monkeypatch):
    """The extractor as it behaves on some threads: the longest post's text only."""
    real = html_reader._trafilatura_blocks

    def longest(text: str, *, comments: bool = False) -> list[html_reader.Extracted]:
        return [b for b in real(text, comments=comments) if b.text.startswith("Wren, the")]

    monkeypatch.setattr(html_reader, "_trafilatura_blocks", longest)


def test_every_post_is_read_when_the_extractor_keeps_one(extractor_keeps_longest_post):
    texts = [b.text for b in read_bytes(_thread(ADVICE).encode(), "thread.html").blocks]
    assert ADVICE in texts
    assert any(t.startswith("Mom died last March") for t in texts)
    assert LONG in texts


def test_a_short_reply_in_a_thread_is_checked(checker, extractor_keeps_longest_post):
    def flags(reply: str) -> list[tuple[str, str, str]]:
        report = checker.check(read_bytes(_thread(reply).encode(), "thread.html"),
                               tax_year=2026)
        return [(f.text, f.claim_id, f.verdict) for f in report.findings
                if f.verdict != "accurate"]

    assert ("Let it ride and drain it by December 31 of year ten.",
            "inherited-ten-year-nothing-until-end", "false") in flags(ADVICE)
    assert flags(RIGHT) == []


def test_related_article_cards_stay_out():
    """A blog post in one <article> with three related-article cards, each an <article> of
    its own: the extractor's article is kept, the cards' teasers are not read."""
    body = " ".join(["Your RMD is figured from the prior year-end balance of the account."] * 8)
    cards = "".join(f'<article class="card"><h3>More: RMD tip {i}</h3><p>Read more.</p>'
                    "</article>\n" for i in range(3))
    page = ("<!DOCTYPE html><html><head><title>RMD basics</title></head><body>\n"
            f"<article><h1>RMD basics</h1><p>{body}</p><p>{body}</p></article>\n"
            f"<aside>{cards}</aside></body></html>\n")
    texts = [b.text for b in read_bytes(page.encode(), "blog.html").blocks]
    assert body in texts
    assert "Read more." not in texts
