"""The ``taxcheck`` command line: one module per command, registered here.

Exit codes: 0 clean, 1 a finding reached ``--fail-on``, 2 usage, input or claim
database errors.
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


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(f"taxcheck.cli.{module}"), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="taxcheck")
def main() -> None:
    """Fact-check the tax claims in personal-finance articles.

    taxcheck finds the claims an article makes, checks each against a cited
    database of rules, and reports what is wrong, why, and what is right.
    """

