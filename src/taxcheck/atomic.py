"""Writing output files atomically: readers never see a half-written file."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import IO


def default_file_mode() -> int:
    """The mode a new file gets from ``open()`` under the current umask (e.g. 0o644)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


class AtomicFile:
    """A text file written in pieces under a temporary name, then renamed into place.

    The file gets the usual permissions (as ``open()`` would give it), not the private
    ones of a temporary file, so published pages stay readable by a web server.
    """

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.tmp = Path(tmp)
        self.handle: IO[str] = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        self.handle.write(text)

    def prepare(self) -> None:
        """Flush what is written so far (a full disk fails here, before any rename)."""
        self.handle.flush()

    def commit(self) -> None:
        """Close the file and rename it into place."""
        self.handle.close()
        os.chmod(self.tmp, default_file_mode())
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        """Close and delete the temporary file; the target is left as it was.

        Closing flushes what is buffered, which fails again on a full disk: the file is
        deleted all the same."""
        try:
            self.handle.close()
        except OSError:
            pass
        finally:
            self.tmp.unlink(missing_ok=True)


TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
"""The names :class:`AtomicFile` gives its temporary files (``.NAME.XXXXXXXX.tmp``)."""


def remove_stale_temporaries(folder: Path, *, recursive: bool = False) -> int:
    """Delete temporary files a crashed or killed writer left in ``folder`` (only call
    this while no other writer can be at work there); return how many."""
    removed = 0
    candidates = folder.rglob(".*.tmp") if recursive else folder.glob(".*.tmp")
    for path in candidates:
        if TEMPORARY.match(path.name) and path.is_file() and not path.is_symlink():
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue
    return removed


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers never see it half-written."""
    out = AtomicFile(path)
    try:
        out.write(text)
        out.commit()
    except BaseException:
        out.discard()
        raise
