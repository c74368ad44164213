"""The language server: taxcheck's findings as editor diagnostics, hovers and fixes.

Needs the ``lsp`` extra (``pip install 'taxcheck[lsp]'``, which adds pygls); nothing
else in taxcheck imports this package.
"""
