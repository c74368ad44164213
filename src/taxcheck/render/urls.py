"""URLs from untrusted input: only plain web addresses become links."""

from __future__ import annotations

from urllib.parse import urlsplit


def http_url(value: str | None) -> str | None:
    """Return ``value`` when it is an absolute http(s) URL with a host, else None.

    Article metadata is untrusted: a ``javascript:``, ``data:`` or relative URL must
    never become a link (or a ClaimReview ``url``). Whitespace and control characters
    are refused rather than repaired.
    """
    if not value:
        return None
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return value


def link_url(value: str | None) -> str | None:
    """Return ``value`` when it is safe as a link: a relative path or an http(s) URL.

    A relative path (a review page next to the index) has no scheme and does not start
    with ``//``; anything with another scheme (``javascript:``) is refused.
    """
    if not value or value != value.strip():
        return None
    if any((ch.isspace() and ch != " ") or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if not parts.scheme and not value.startswith(("//", "\\")):
        return value
    return http_url(value)
