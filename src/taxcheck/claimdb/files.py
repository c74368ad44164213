"""Reading claim files and reporting load errors, without the YAML parser: a start-up
whose compiled database comes from the cache reads and hashes the files but never parses
them (:mod:`taxcheck.claimdb.cache`), and importing PyYAML costs it time."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from taxcheck.errors import ClaimDatabaseError

__all__ = ["ClaimDatabaseErrors", "read_claim_file"]


class ClaimDatabaseErrors(ClaimDatabaseError):
    """Every problem found while loading; ``str()`` gives one line per problem."""

    def __init__(self, errors: list[ClaimDatabaseError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def read_claim_file(path: Path) -> bytes | OSError:
    """The bytes of a claim file, or why it cannot be read: a folder, a pipe or a
    device named ``x.yaml`` and a symlink loop are errors, never a hang or a crash."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                return IsADirectoryError(errno.EISDIR, "is a folder, not a file")
            if not stat.S_ISREG(mode):
                return OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)")
            return handle.read()
    except OSError as exc:
        return exc
