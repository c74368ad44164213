"""Decoding article bytes as text, refusing empty, binary and undecodable input."""

from __future__ import annotations

from taxcheck.errors import InputError


def decode(data: bytes, path: str) -> str:
    """Decode article bytes as UTF-8 text, refusing binary and empty input.

    Line endings are normalised to ``\\n``; source offsets refer to the decoded text.
    """
    if not data.strip():
        raise InputError("file is empty", where=path, code="TC201")
    if b"\x00" in data[:8192]:
        raise InputError("file is binary, not text", where=path, code="TC202")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"file is not UTF-8 text (bad byte at offset {exc.start})",
                         where=path, code="TC203") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
