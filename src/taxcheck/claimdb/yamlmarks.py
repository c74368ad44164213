"""Load YAML while keeping line numbers, to point errors at the offending line."""

from __future__ import annotations

from typing import Any

import yaml

from taxcheck.yamlshape import Loader, compose_checked


def compose(text: str) -> yaml.Node | None:
    """Parse YAML into a node tree (which keeps start marks).

    Raises ``yaml.YAMLError`` (with the line) for a document nested too deep or whose
    aliases expand too far, before building anything (see :mod:`taxcheck.yamlshape`).
    """
    return compose_checked(text)


def duplicate_keys(node: yaml.Node | None) -> list[tuple[int, str]]:
    """(line, key) of each mapping key that repeats an earlier key of the same mapping
    (YAML loaders silently keep the last one, which would hide a mistake)."""
    found: list[tuple[int, str]] = []
    stack = [node] if node is not None else []
    visited: set[int] = set()  # aliases share nodes (and may loop)
    while stack:
        current = stack.pop()
        if id(current) in visited:
            continue
        visited.add(id(current))
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        found.append((key.start_mark.line + 1, key.value))
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(found)


def construct(node: yaml.Node | None) -> Any:
    """Build plain Python data from a composed node tree."""
    if node is None:
        return None
    loader = Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int:
    """Return the 1-based line of the value at ``loc`` (as deep as it can be found)."""
    if node is None:
        return 1
    current = node
    for part in loc:
        nxt = None
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if key.value == part or (part == "from_" and key.value == "from"):
                    nxt = value
                    break
        elif (isinstance(current, yaml.SequenceNode) and isinstance(part, int)
              and 0 <= part < len(current.value)):
            nxt = current.value[part]
        if nxt is None:
            break
        current = nxt
    return current.start_mark.line + 1


def key_line(node: yaml.Node | None, key: object, loc: tuple[int | str, ...] = ()) -> int:
    """Return the 1-based line of a key of the mapping at ``loc`` (by default the top-level
    one: where a label is written); the mapping's line when it has no such key."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if 0 <= part < len(node.value) else None
        else:
            node = None
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if k.value == key:
                return k.start_mark.line + 1
    return node.start_mark.line + 1 if node is not None and loc else 1
