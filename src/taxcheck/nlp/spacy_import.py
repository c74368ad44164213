"""Import spaCy without loading its command line.

``spacy/__init__.py`` runs ``from .cli.info import info`` so that ``spacy.info`` exists;
``spacy.cli`` imports every command (typer, weasel, httpx, requests, the project and
download code): about 0.2 s of CPU, a fifth of what ``taxcheck check`` on a small file
costs, for nothing a pipeline needs. :func:`import_spacy` imports spaCy with a stand-in for
that one module and removes the stand-in again, so that ``spacy.cli`` is imported for real
the first time anything asks for it, and ``spacy.info`` imports it when it is called.
A :class:`~taxcheck.checker.Checker` calls it before it imports the pipeline; code that
imports spaCy otherwise gets all of it, as usual.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing spaCy's command line when it is first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy, leaving ``spacy.cli`` unimported; a plain import when spaCy is already
    imported, or when its ``__init__`` wants more of ``spacy.cli`` than ``info``."""
    if "spacy" in sys.modules or _CLI in sys.modules or _INFO in sys.modules:
        return
    cli = types.ModuleType(_CLI)
    cli.__path__ = []  # a package, so that "from .cli.info import info" finds .info
    info = types.ModuleType(_INFO)
    info.info = _info  # type: ignore[attr-defined]
    sys.modules[_CLI], sys.modules[_INFO] = cli, info
    try:
        import spacy
    except ImportError:  # another spaCy version: import it as it is
        spacy = None
    finally:
        for name, stand_in in ((_CLI, cli), (_INFO, info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if spacy is None:
        import spacy
    elif getattr(spacy, "cli", None) is cli:
        del spacy.cli
