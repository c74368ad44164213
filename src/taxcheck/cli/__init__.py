"""The ``taxcheck`` command line: one module per command, registered here.

Exit codes: 0 clean, 1 a finding reached ``--fail-on``, 2 usage, input or claim
database errors, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import importlib

import click

from taxcheck import __version__

COMMANDS = {"check": "check:check", "claims": "claims:claims", "eval": "eval:eval_command",
            "config": "config:config", "watch": "watch:watch", "scan": "scan:scan",
            "lsp": "lsp:lsp"}
"""Command name -> ``module:attribute`` under ``taxcheck.cli``, imported when the command
runs (or ``--help`` lists it): ``check`` should not pay for importing ``scan``."""

EXIT_INTERRUPTED = 130
"""Exit code after Ctrl-C: 128 + SIGINT, as shells report it (not 1, which means findings)."""


class _Taxcheck(click.Group):
    """The command group; Ctrl-C in any command exits 130 with one line, not click's
    "Aborted!" and exit 1 (the code of a finding). Commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(f"taxcheck.cli.{module}"), attr)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("taxcheck: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=_Taxcheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="taxcheck")
def main() -> None:
    """Fact-check the tax claims in personal-finance articles.

    taxcheck finds the claims an article makes, checks each against a cited
    database of rules, and reports what is wrong, why, and what is right.
    """

