"""taxcheck: fact-check the tax claims in personal-finance articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("taxcheck")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
