"""Turn the command line's inputs (folders, files, globs, lists) into a stream of sources.

A folder is walked recursively, in sorted order, for files whose suffix has a reader
(see :data:`taxcheck.readers.READERS`) or is ``.jsonl``; hidden files and folders are
skipped. A file named on the command line is read whatever its suffix. A pattern with
``*``, ``?`` or ``[`` that names no existing file is expanded as a glob (``**`` recurses).
Each file is yielded once, however many inputs reach it.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from taxcheck.errors import InputError
from taxcheck.readers import READERS, check_file_name, printable_path

JSONL_SUFFIX = ".jsonl"
OUTPUT_MANIFEST = ".taxcheck-manifest.json"
"""Written by every scan into its output folder (``taxcheck.scan.outputs.MANIFEST``)."""
OUTPUT_LOCK = ".taxcheck.lock"
"""Taken by every scan in its output folder (``taxcheck.scan.lock.LOCK``)."""
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class FileSource:
    """An article file (or a JSON Lines file of articles) to check."""

    path: str
    """The path as shown in reports: relative to the working folder when inside it."""
    label: str = ""
    """What the review page is named after: the path shown, or for files outside the
    working folder, the path below the input folder's name (or the file name alone)."""

    @property
    def is_jsonl(self) -> bool:
        return self.path.lower().endswith(JSONL_SUFFIX)


@dataclass(frozen=True)
class SourceError:
    """An input that names nothing readable (missing path, glob without matches)."""

    error: InputError


def scannable_suffixes() -> frozenset[str]:
    """Suffixes picked up when walking a folder: every registered reader, and ``.jsonl``."""
    return frozenset({*READERS, JSONL_SUFFIX})


def display_path(path: Path | str, cwd: Path | str) -> str:
    """Show ``path`` relative to ``cwd`` when it lies inside it, else as it is.

    Plain string operations: this runs once per file of a corpus.
    """
    text = os.path.normpath(os.fspath(path))
    if os.path.isabs(text):
        base = os.fspath(cwd).rstrip(os.sep) + os.sep
        if text.startswith(base):
            text = text[len(base):]
    return text.replace(os.sep, "/")


def read_list_file(list_file: str) -> list[str]:
    """Read a ``--from-file`` list: one input per line; blank lines and ``#`` comments skipped.

    ``-`` reads the list from standard input.
    """
    try:
        text = (sys.stdin.read() if list_file == "-"
                else Path(list_file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such list file", where=list_file, code="TC206") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read list file ({exc})", where=list_file,
                         code="TC207") from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


class InputWalker:
    """Expand inputs into :class:`FileSource` and :class:`SourceError` items.

    Args:
        exclude: glob patterns; a file or folder whose name or path matches one is skipped.
        skip_dirs: folders never entered (the output and cache folders).
        cwd: the folder paths are shown relative to.
    """

    def __init__(self, *, exclude: Iterable[str] = (), skip_dirs: Iterable[Path] = (),
                 cwd: Path | None = None, follow_symlinks: bool = False):
        self.exclude = tuple(exclude)
        self.follow_symlinks = follow_symlinks
        self.skip_dirs = {p.resolve() for p in skip_dirs}
        self.cwd = (cwd or Path.cwd()).resolve()
        self.suffixes = scannable_suffixes()
        self._seen: set[str] = set()

    def expand(self, inputs: Iterable[str]) -> Iterator[FileSource | SourceError]:
        """Yield every source the inputs name, in order, each file once."""
        for raw in inputs:
            yield from self._expand_one(raw)

    def _excluded(self, path: Path | str) -> bool:
        if not self.exclude:
            return False
        shown = display_path(path, self.cwd)
        name = os.path.basename(shown)
        return any(fnmatch(name, pat) or fnmatch(shown, pat) for pat in self.exclude)

    def _file(self, path: Path | str, root: Path | None = None
              ) -> Iterator[FileSource | SourceError]:
        # Files are told apart by absolute path (a symlink counts as a file of its own).
        absolute = os.path.abspath(path)
        if absolute in self._seen or self._excluded(path):
            return
        self._seen.add(absolute)
        shown = display_path(absolute, self.cwd)
        try:
            check_file_name(shown)  # reports, pages and workers' notes are UTF-8 lines
        except InputError as exc:
            yield SourceError(exc)
            return
        label = shown
        if shown.startswith(("/", "../")):
            if root is None:
                label = os.path.basename(shown)
            else:
                below = os.path.relpath(absolute, os.path.abspath(root)).replace(os.sep, "/")
                label = f"{root.resolve().name}/{below}"
        yield FileSource(shown, label)

    def _expand_one(self, raw: str) -> Iterator[FileSource | SourceError]:
        path = Path(raw)
        if path.is_dir():
            yield from self._walk(path)
        elif path.exists() or path.is_symlink():
            yield from self._file(path)
        elif _GLOB_CHARS.intersection(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield SourceError(InputError("no file matches this pattern", where=raw,
                                             code="TC206"))
            for match in matches:
                match_path = Path(match)
                if self._in_output(match_path):
                    continue
                if match_path.is_dir():
                    yield from self._walk(match_path)
                elif self._leaves(match, glob_base(raw)):
                    yield self._not_followed(match)
                else:
                    yield from self._file(match_path)
        else:
            yield SourceError(InputError("no such file or folder", where=raw, code="TC206"))

    def _leaves(self, path: str, root: Path) -> bool:
        """True for a symlink (unless --follow-symlinks) to a file outside ``root``:
        ``ln -s /etc/passwd corpus/notes.txt`` must not publish /etc/passwd."""
        if self.follow_symlinks or not os.path.islink(path):
            return False
        target, top = os.path.realpath(path), os.path.realpath(root)
        return not target.startswith(top.rstrip(os.sep) + os.sep)

    def _not_followed(self, path: str) -> SourceError:
        self._seen.add(os.path.abspath(path))
        return SourceError(InputError(
            "is a symbolic link to a file outside the input folder; not followed "
            "(--follow-symlinks reads it)", where=printable_path(display_path(path, self.cwd)),
            code="TC215"))

    def _in_output(self, path: Path) -> bool:
        """True inside the output or cache folder, or any folder a scan wrote."""
        resolved = path.resolve()
        return any(folder == resolved or folder in resolved.parents
                   for folder in self.skip_dirs) or any(
            is_output_folder(folder) for folder in [path, *path.parents][:-1]
            if folder.is_dir())

    def _walk(self, root: Path) -> Iterator[FileSource | SourceError]:
        if root.resolve() in self.skip_dirs or is_output_folder(root):
            return
        unreadable: list[OSError] = []
        for folder, dirs, files in os.walk(root, onerror=unreadable.append):
            while unreadable:
                exc = unreadable.pop(0)
                yield SourceError(InputError(f"cannot read folder ({exc.strerror})",
                                             where=display_path(exc.filename or folder,
                                                                self.cwd), code="TC207"))
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and Path(folder, d).resolve() not in self.skip_dirs
                             and not is_output_folder(Path(folder, d))
                             and not self._excluded(os.path.join(folder, d)))
            for name in sorted(files):
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in self.suffixes:
                    continue
                path = os.path.join(folder, name)
                if self._leaves(path, root):
                    yield self._not_followed(path)
                    continue
                yield from self._file(path, root)
        for exc in unreadable:
            yield SourceError(InputError(f"cannot read folder ({exc.strerror})",
                                         where=display_path(exc.filename or root, self.cwd),
                                         code="TC207"))


def is_output_folder(folder: Path) -> bool:
    """True for a folder ``taxcheck scan`` wrote (it holds the batch manifest or the
    scan lock): its pages and findings are never read back as articles."""
    return (folder / OUTPUT_MANIFEST).is_file() or (folder / OUTPUT_LOCK).is_file()


def glob_base(pattern: str) -> Path:
    """The fixed folder a glob starts from (``corpus/2024`` of ``corpus/2024/**/*.md``)."""
    fixed = []
    for part in Path(pattern).parts[:-1]:
        if _GLOB_CHARS.intersection(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def input_tree(raw: str, cwd: Path | None = None) -> Path | None:
    """The folder an input reads from, where outputs must not go: a folder input itself,
    the folder of a file, the fixed part of a glob. Files named in the working folder
    (``scan a.txt --out out``) do not make the whole working folder an input tree."""
    path = Path(raw)
    if path.is_dir():
        return path
    if path.exists() or path.is_symlink():
        tree = path.parent
    elif _GLOB_CHARS.intersection(raw):
        tree = glob_base(raw)
    else:
        return None
    if tree.resolve() == (cwd or Path.cwd()).resolve():
        return None
    return tree


def is_inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies inside it (both resolved)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents
