"""Refuse YAML whose shape would blow up memory or the stack before anything builds it.

YAML aliases let a few hundred bytes stand for billions of values (``a: &a [x, x]``,
``b: &b [*a, *a]``, ... the "billion laughs"), and a deeply nested document overflows
the recursive composer. :func:`check_shape` walks the parser's events (a loop, no
recursion, nothing built) and counts the values the document would expand to, so
both are refused in time and memory proportional to the text.
"""

from __future__ import annotations

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C loader when PyYAML was built with it (about ten times faster), else the
pure-Python one: both keep line numbers and build the same data."""

MAX_DEPTH = 100
"""Collections nested deeper than this are refused (claim files nest 5 or 6 deep)."""
MAX_VALUES = 100_000
"""Documents that expand (aliases followed) to more values than this are refused."""


class YamlShapeError(yaml.MarkedYAMLError):
    """The document is too deep, expands too far, or uses a forbidden alias."""

    def __init__(self, problem: str, mark: yaml.Mark | None):
        super().__init__(problem=problem, problem_mark=mark)


def check_shape(text: str, *, max_depth: int = MAX_DEPTH, max_values: int = MAX_VALUES,
                aliases: bool = True) -> None:
    """Raise :class:`YamlShapeError` when ``text`` nests deeper than ``max_depth``,
    expands to more than ``max_values`` values, uses an alias inside the node it names
    (a loop), or (``aliases=False``) uses an alias at all. Syntax errors raise the
    parser's own ``yaml.YAMLError``."""
    sizes: dict[str, int] = {}
    stack: list[tuple[str | None, int]] = []  # open collections: (anchor, total before it)
    total = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            if not aliases:
                raise YamlShapeError("aliases (*name) are not allowed here", event.start_mark)
            size = sizes.get(event.anchor or "")
            if size is None:
                open_ = any(anchor == event.anchor for anchor, _ in stack)
                raise YamlShapeError(
                    f"alias *{event.anchor} " + ("refers to the node that contains it"
                                                 if open_ else "is not defined"),
                    event.start_mark)
            total += size
        elif isinstance(event, yaml.ScalarEvent):
            total += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append((event.anchor, total))
            total += 1
            if len(stack) > max_depth:
                raise YamlShapeError(f"nested more than {max_depth} levels deep",
                                     event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, before = stack.pop()
            if anchor:
                sizes[anchor] = total - before
        else:
            continue
        if total > max_values:
            raise YamlShapeError(f"expands to more than {max_values:,} values "
                                 "(aliases repeating aliases?)", event.start_mark)


def compose_checked(text: str, *, max_depth: int = MAX_DEPTH,
                    max_values: int = MAX_VALUES) -> yaml.Node | None:
    """Compose ``text`` into a node tree (which keeps line marks), refusing the same
    shapes as :func:`check_shape`: nesting past ``max_depth`` (or past what the
    recursive composer survives), aliases that loop or expand to more than
    ``max_values`` values. Cheaper than :func:`check_shape` for big documents: the text
    is parsed once, and the alias graph is measured without expanding it."""
    try:
        node = yaml.compose(text, Loader=Loader)
    except RecursionError:
        raise YamlShapeError("nested too deeply", None) from None
    if node is not None:
        _measure(node, max_depth, max_values)
    return node


def _measure(root: yaml.Node, max_depth: int, max_values: int) -> None:
    """Raise YamlShapeError when the node graph nests or expands too far, or loops."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[key] > max_values:
                raise YamlShapeError(f"expands to more than {max_values:,} values "
                                     "(aliases repeating aliases?)", node.start_mark)
            continue
        if key in sizes:
            continue
        if key in open_:
            raise YamlShapeError("an alias refers to the node that contains it",
                                 node.start_mark)
        if depth > max_depth:
            raise YamlShapeError(f"nested more than {max_depth} levels deep", node.start_mark)
        open_.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
