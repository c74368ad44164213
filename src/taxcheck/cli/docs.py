"""Generate docs/cli.md from the real ``--help`` texts of every registered command.

Regenerate after adding or changing a command (a test fails while it is stale)::

    python -m taxcheck.cli.docs > docs/cli.md
"""

from __future__ import annotations

from collections.abc import Iterator

import click

WIDTH = 100
"""Help texts are wrapped at this width, whatever the terminal."""

REGENERATE = "python -m taxcheck.cli.docs > docs/cli.md"


def _walk(command: click.Command, ctx: click.Context) -> Iterator[tuple[str, click.Context]]:
    yield ctx.command_path, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            yield from _walk(sub, click.Context(sub, info_name=name, parent=ctx,
                                                **sub.context_settings))


def _anchor(title: str) -> str:
    return title.lower().replace(" ", "-")


def cli_reference(root: click.Command | None = None) -> str:
    """The Markdown reference of ``root`` (the ``taxcheck`` group) and its subcommands."""
    if root is None:
        from taxcheck.cli import main as root
    settings = {**root.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    ctx = click.Context(root, info_name="taxcheck", **settings)
    sections = list(_walk(root, ctx))
    out = ["# Command-line reference", "",
           f"Generated from the commands' `--help` texts by `{REGENERATE}`;",
           "do not edit by hand (a test fails when this file is out of date).", ""]
    out += [f"- [`{path}`](#{_anchor(path)})" for path, _ in sections]
    for path, sub_ctx in sections:
        out += ["", f"## {path}", "", "```text", sub_ctx.command.get_help(sub_ctx).rstrip(),
                "```"]
    return "\n".join(out) + "\n"


def main() -> None:
    """Print the reference (``python -m taxcheck.cli.docs > docs/cli.md``)."""
    click.echo(cli_reference(), nl=False)


if __name__ == "__main__":
    main()
