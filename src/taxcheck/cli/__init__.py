"""The ``taxcheck`` command line: one module per command, registered here.

Exit codes: 0 clean, 1 a finding reached ``--fail-on``, 2 usage, input or claim
database errors.
"""

from __future__ import annotations

import click

from taxcheck import __version__
from taxcheck.cli.check import check
from taxcheck.cli.claims import claims
from taxcheck.cli.config import config
from taxcheck.cli.eval import eval_command
from taxcheck.cli.lsp import lsp
from taxcheck.cli.scan import scan
from taxcheck.cli.watch import watch


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="taxcheck")
def main() -> None:
    """Fact-check the tax claims in personal-finance articles.

    taxcheck finds the claims an article makes, checks each against a cited
    database of rules, and reports what is wrong, why, and what is right.
    """


main.add_command(check)
main.add_command(claims)
main.add_command(eval_command)
main.add_command(config)
main.add_command(watch)
main.add_command(scan)
main.add_command(lsp)
