"""One scan at a time per output folder: an exclusive lock on ``DIR/.taxcheck.lock``.

Two scans writing the same folder would each remove the other's pages and leave an
index pointing at pages that are gone. The lock is taken before anything is written
and released when the process ends, however it ends (the kernel drops it).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from taxcheck.atomic import remove_stale_temporaries
from taxcheck.errors import TaxcheckError
from taxcheck.scan.inputs import OUTPUT_LOCK

LOCK = OUTPUT_LOCK
LOCKED = "TC214"
"""The error code of a scan refused because another one holds the output folder."""


class OutputLock:
    """The exclusive right to write in an output folder (and to clean up after others)."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise TaxcheckError (TC214) at once: never wait."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.out_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise TaxcheckError(f"another taxcheck scan is writing to {self.out_dir}; wait "
                                "for it to finish or choose another --out",
                                code=LOCKED) from None
        self.fd = fd

    def sweep(self, *folders: Path | None) -> int:
        """Delete the temporary files an earlier scan left behind (killed, or a full disk)
        in the output folder and the given folders (the cache); only safe under the lock."""
        removed = remove_stale_temporaries(self.out_dir, recursive=True)
        for folder in folders:
            if folder is not None and folder.is_dir():
                removed += remove_stale_temporaries(folder, recursive=True)
        return removed

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing drops the lock
            self.fd = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
