"""Which URLs from untrusted input may become links."""

from __future__ import annotations

import pytest

from taxcheck.render.urls import http_url, link_url


@pytest.mark.parametrize("url", ["https://www.irs.gov/publications/p590b",
                                 "http://example.com/a?b=1&c=2#x", "HTTPS://EXAMPLE.COM/"])
def test_web_addresses_are_links(url):
    assert http_url(url) == url
    assert link_url(url) == url


@pytest.mark.parametrize("url", [None, "", "javascript:alert(1)", "JavaScript:alert(1)",
                                 " javascript:alert(1)", "java\tscript:alert(1)",
                                 "data:text/html,<script>x</script>", "vbscript:x",
                                 "https://", "https:///path", "http://exa mple.com",
                                 "//evil.example/x", "file:///etc/passwd", "ftp://x.example/"])
def test_other_schemes_and_broken_addresses_are_refused(url):
    assert http_url(url) is None
    assert link_url(url) is None


@pytest.mark.parametrize("url", ["seed-401k-losses.html", "reviews/a b.html", "../index.html"])
def test_relative_pages_are_links_but_not_web_addresses(url):
    assert link_url(url) == url
    assert http_url(url) is None
