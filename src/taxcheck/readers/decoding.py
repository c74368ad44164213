"""Decoding article bytes as text, refusing empty and binary input.

UTF-8 (with or without a byte-order mark) is read as it is. UTF-16 and UTF-32 with a
byte-order mark are decoded by it. Anything else (Windows-1252 smart quotes from Word,
Latin-1 from an old CMS ...) is decoded with the encoding charset-normalizer finds, and
a warning names it (``TC260``). NUL bytes after the first 8 KB are removed with a warning
(``TC261``); a NUL in the first 8 KB means the file is binary.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from taxcheck.errors import InputError

BINARY_PROBE = 8192
"""A NUL byte in this many leading bytes (after a UTF-16/32 byte-order mark is decoded)
marks a binary file."""
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
"""Bytes that text hardly ever holds: many of them mean binary, whatever a detector says."""
_TYPOGRAPHIC = frozenset("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022"
                         "\u20ac\u2122\u2020\u2021\u2030")
_NAMES = {"cp1252": "Windows-1252", "latin-1": "Latin-1", "iso8859-15": "Latin-9",
          "cp1250": "Windows-1250", "mac-roman": "Mac Roman", "cp437": "DOS (CP437)"}


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and what a reader should be warned about."""

    text: str
    warnings: tuple[str, ...] = ()


def decode_text(data: bytes, path: str, declared: str | None = None) -> Decoded:
    """Decode article bytes as text, refusing binary and empty input.

    ``declared`` is the encoding the file itself names (an HTML ``<meta charset>``): it is
    tried, without a warning, when the bytes are not UTF-8. Line endings are normalised to
    ``\\n``; source offsets refer to the decoded text.
    Raises InputError: TC201 empty, TC202 binary, TC203 not decodable as text.
    """
    if not data.strip():
        raise InputError("file is empty", where=path, code="TC201")
    warnings: list[str] = []
    text = _by_bom(data, path)
    if text is None:
        if b"\x00" in data[:BINARY_PROBE]:
            raise InputError("file is binary, not text", where=path, code="TC202")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _declared(data, declared)
            if text is None:
                text, name = _detected(data, path, exc.start)
                warnings.append(f"{path}: TC260 not UTF-8; decoded as {name}")
    elif not text.strip("\x00 \t\r\n\ufeff"):
        raise InputError("file is empty", where=path, code="TC201")
    if "\x00" in text:
        if "\x00" in text[:BINARY_PROBE]:
            raise InputError("file is binary, not text", where=path, code="TC202")
        count = text.count("\x00")
        text = text.replace("\x00", "")
        warnings.append(f"{path}: TC261 removed {count:,} NUL byte{'s' if count > 1 else ''}")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), tuple(warnings))


def decode(data: bytes, path: str) -> str:
    """The text of :func:`decode_text`, without its warnings."""
    return decode_text(data, path).text


def _declared(data: bytes, declared: str | None) -> str | None:
    try:
        return data.decode(codecs.lookup(declared).name) if declared else None
    except (LookupError, UnicodeDecodeError):
        return None


def _western(data: bytes) -> str | None:
    """The text as Windows-1252 when that gives only Western letters and typographic
    punctuation: Word's and old CMSs' smart quotes and dashes (detectors may name another
    single-byte code page that reads these bytes as other letters)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    ok = all(ord(ch) < 0x80 or 0xA0 <= ord(ch) <= 0xFF or ch in _TYPOGRAPHIC
             for ch in text if ord(ch) >= 0x80)
    return text if ok else None


def _by_bom(data: bytes, path: str) -> str | None:
    """Text decoded by a UTF-16/UTF-32 byte-order mark, or None when there is none."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"file is not {codec.upper()} text (bad byte at offset "
                                 f"{exc.start})", where=path, code="TC203") from None
    return None


def _detected(data: bytes, path: str, bad: int) -> tuple[str, str]:
    """Text in the encoding charset-normalizer finds; TC202/TC203 when it finds none."""
    sample = data[:BINARY_PROBE * 8]
    if sum(b in _CONTROL for b in sample) > len(sample) // 100 + 2:
        raise InputError("file is binary, not text", where=path, code="TC202")
    western = _western(data)
    if western is not None:
        return western, "Windows-1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"file is not text in any known encoding (not UTF-8: bad byte at "
                         f"offset {bad})", where=path, code="TC203")
    name = codecs.lookup(best.encoding).name
    try:
        return data.decode(name), _NAMES.get(name, name)
    except UnicodeDecodeError:
        raise InputError(f"file is not text in any known encoding (not UTF-8: bad byte at "
                         f"offset {bad})", where=path, code="TC203") from None
