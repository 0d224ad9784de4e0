"""Bytes to text, the way BuildKit reads a Dockerfile: UTF-8, an optional BOM, UTF-16/32 when a BOM says so."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import BinaryIO

# No real Dockerfile comes near this; past it, memory and time would grow for nothing (500,000 RUN lines in
# 50 MB took 28 s and 750 MB).
MAX_SIZE = 10 * 2**20
TOO_LARGE = "larger than 10 MiB ({size:.0f} MiB): not linted, no real Dockerfile is this big"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    problem: str | None = None  # why the bytes are not a Dockerfile
    problem_line: int = 1
    encoding: str = "utf-8"
    bom: bool = False


def decode(data: bytes) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding=encoding, bom=True)
            except UnicodeDecodeError as error:
                return _undecodable(data, error)
    if b"\x00" in data[:8192]:
        return Decoded("", "binary content (NUL bytes): not a Dockerfile", data[:data.index(b"\x00")].count(b"\n") + 1)
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        return _undecodable(data, error)


def _undecodable(data: bytes, error: UnicodeDecodeError) -> Decoded:
    line = data[:error.start].count(b"\n") + 1
    byte = data[error.start:error.start + 1].hex()
    return Decoded("", f"not valid {error.encoding.upper()}: byte 0x{byte} on line {line}", line)


def read_regular_file(path: str) -> bytes:
    """The bytes of a regular file. FIFOs, devices and sockets are refused before opening: reading them could block
    forever or never end. Raises OSError with a message fit for users."""
    import os
    import stat

    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file (a pipe, device or socket)"
        raise OSError(f"{kind}, not read")
    if status.st_size > MAX_SIZE:
        raise OSError(TOO_LARGE.format(size=status.st_size / 2**20))
    with open(path, "rb") as handle:
        return handle.read(MAX_SIZE + 1)


def read_limited(stream: BinaryIO) -> bytes:
    """Standard input, refused past the same size limit as files."""
    data = stream.read(MAX_SIZE + 1)
    if len(data) > MAX_SIZE:
        raise OSError(TOO_LARGE.format(size=len(data) / 2**20))
    return data
