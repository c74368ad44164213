"""``taxcheck lsp``: run the language server for editors."""

from __future__ import annotations

import click

from taxcheck.cli.common import fail


@click.command("lsp")
def lsp() -> None:
    """Run a language server on standard input and output (for editors).

    Publishes a diagnostic per finding in Markdown, text and HTML documents as they are
    opened, edited and saved; hover explains the rule and its sources; code actions
    replace a wrong figure or insert a suppression comment. Settings come from the
    nearest .taxcheck.toml or pyproject.toml of each document, read again on every
    check. Needs `pip install 'taxcheck[lsp]'`. See docs/integrations.md.
    """
    try:
        from taxcheck.lsp.server import serve
    except ImportError as exc:
        fail(f"the language server needs pygls ({exc}); install it with "
             "pip install 'taxcheck[lsp]'")
    serve()
