"""Check JSON-LD against the schema.org vocabulary, as a structured-data validator does.

The vocabulary comes from ``pydantic2-schemaorg`` (classes generated from schema.org's
definitions, one per type, with every property the type has or inherits and the types
its values may take). For each node: the ``@type`` must be a schema.org type, each
property must belong to it, a nested node's type must be (a subtype of) one the
property allows, a number must go where a Number is allowed, a date must be an ISO
date, and a URL-only property must hold an absolute web address. On top of that,
:func:`claim_review_problems` checks the properties search engines require of a
ClaimReview.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from typing import Any
from urllib.parse import urlsplit

_NAME = re.compile(r"\b[A-Z][A-Za-z]+\b")
_LITERALS = {"Text", "URL", "Date", "DateTime", "Number", "Integer", "Float", "Boolean",
             "StrictInt", "StrictFloat", "AnyUrl", "Optional", "Union", "List", "ForwardRef"}


def schema_class(name: str) -> type | None:
    """The generated class of schema.org type ``name`` (None: no such type)."""
    if not re.fullmatch(r"[A-Z][A-Za-z]+", name):
        return None
    try:
        module = importlib.import_module(f"pydantic2_schemaorg.{name}")
    except ImportError:
        return None
    return getattr(module, name, None)


def _ranges(cls: type, prop: str) -> set[str] | None:
    field = cls.__fields__.get(prop)  # type: ignore[attr-defined]
    if field is None:
        return None
    annotation = getattr(field, "annotation", None) or field.outer_type_
    return set(_NAME.findall(str(annotation)))


def _is_web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def schema_problems(node: Any, allowed: set[str] | None = None, where: str = "$") -> list[str]:
    """Everything in ``node`` that schema.org's vocabulary does not allow."""
    if isinstance(node, list):
        return [p for i, item in enumerate(node)
                for p in schema_problems(item, allowed, f"{where}[{i}]")]
    if isinstance(node, dict):
        kind = node.get("@type")
        cls = schema_class(kind) if isinstance(kind, str) else None
        if cls is None:
            return [f"{where}: @type {kind!r} is not a schema.org type"]
        lineage = {c.__name__ for c in cls.__mro__}
        out = []
        if allowed is not None and not (lineage & allowed):
            out.append(f"{where}: a {kind} where only {sorted(allowed - _LITERALS)} may go")
        for prop, value in node.items():
            if prop.startswith("@"):
                continue
            ranges = _ranges(cls, prop)
            if ranges is None:
                out.append(f"{where}.{prop}: not a property of {kind}")
                continue
            out += schema_problems(value, ranges, f"{where}.{prop}")
        return out
    if allowed is None:
        return []
    if isinstance(node, bool):
        return [] if "Boolean" in allowed else [f"{where}: true/false where it is not allowed"]
    if isinstance(node, int | float):
        return [] if allowed & {"Number", "Integer", "Float"} else [
            f"{where}: a number where {sorted(allowed - _LITERALS)} is expected"]
    if isinstance(node, str):
        if allowed & {"Date", "DateTime"} and not allowed & {"Text", "URL"}:
            try:
                dt.datetime.fromisoformat(node)
            except ValueError:
                return [f"{where}: {node!r} is not an ISO date"]
        if "URL" in allowed and "Text" not in allowed and not _is_web_address(node):
            return [f"{where}: {node!r} is not an absolute web address"]
        return []
    return [f"{where}: {node!r} is not JSON-LD data"]


def claim_review_problems(review: dict[str, Any]) -> list[str]:
    """Vocabulary problems, and the ClaimReview properties search engines require or
    recommend that are missing: ``claimReviewed``, ``reviewRating`` with
    ``alternateName``, an absolute ``url``, ``author`` with a name, ``itemReviewed``."""
    out = schema_problems(review)
    if review.get("@type") != "ClaimReview":
        out.append("not a ClaimReview")
    if review.get("@context") != "https://schema.org":
        out.append("@context is not https://schema.org")
    for prop in ("claimReviewed", "reviewRating", "url", "author", "itemReviewed"):
        if not review.get(prop):
            out.append(f"missing {prop}")
    rating = review.get("reviewRating") or {}
    if not rating.get("alternateName"):
        out.append("reviewRating has no alternateName")
    scale = [rating.get(k) for k in ("worstRating", "ratingValue", "bestRating")]
    if not all(isinstance(n, int | float) for n in scale):
        out.append("reviewRating needs numbers for worstRating, ratingValue and bestRating")
    elif not scale[0] <= scale[1] <= scale[2]:
        out.append("ratingValue is outside worstRating..bestRating")
    if isinstance(review.get("url"), str) and not _is_web_address(review["url"]):
        out.append("url is not an absolute web address")
    if not (review.get("author") or {}).get("name"):
        out.append("author has no name")
    return out
