"""A wheel's unpacked size from the end of the file: the zip central directory lists every member's size, so a
ranged read of the last bytes is enough (no download of the wheel)."""

from __future__ import annotations

import struct

from dockgen.compare.net import Fetch, Unavailable

TAIL = 65536 + 22  # the end-of-central-directory record is at most 64 KiB of comment from the end
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_ENTRY = b"PK\x01\x02"


def unpacked_size(url: str, fetch: Fetch) -> tuple[int, int]:
    """(download size, unpacked size) of the zip file at ``url``; raises Unavailable."""
    response = fetch(url, TAIL)
    total = response.total if response.total is not None else len(response.body)
    tail = response.body
    start, size = _directory(tail, total)
    offset_in_tail = start - (total - len(tail))
    if offset_in_tail < 0:  # a directory larger than the tail: read it whole
        response = fetch(url, total - start)
        tail = response.body
        offset_in_tail = len(tail) - (total - start)
    return total, directory_size(tail[offset_in_tail:offset_in_tail + size])


def _directory(tail: bytes, total: int) -> tuple[int, int]:
    """Where the central directory starts in the file, and its length."""
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        raise Unavailable("not a zip file (no end of central directory)")
    size, start = struct.unpack_from("<II", tail, at + 12)
    if start == 0xFFFFFFFF or size == 0xFFFFFFFF:  # zip64: the real numbers are in the zip64 record
        locator = tail.rfind(_EOCD64_LOCATOR, 0, at)
        if locator < 0:
            raise Unavailable("zip64 file without its locator")
        (record,) = struct.unpack_from("<Q", tail, locator + 8)
        record_in_tail = record - (total - len(tail))
        if record_in_tail < 0 or tail[record_in_tail:record_in_tail + 4] != _EOCD64:
            raise Unavailable("zip64 record out of reach")
        size, start = struct.unpack_from("<QQ", tail, record_in_tail + 40)
    return start, size


def directory_size(directory: bytes) -> int:
    """The sum of the members' uncompressed sizes in a central directory."""
    total = 0
    at = 0
    while directory.startswith(_ENTRY, at):
        (uncompressed,) = struct.unpack_from("<I", directory, at + 24)
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", directory, at + 28)
        if uncompressed == 0xFFFFFFFF:  # zip64 extended information: the size is its first field
            extra = directory[at + 46 + name_length:at + 46 + name_length + extra_length]
            uncompressed = _zip64_size(extra, uncompressed)
        total += uncompressed
        at += 46 + name_length + extra_length + comment_length
    if at == 0 and directory:
        raise Unavailable("unreadable zip central directory")
    return total


def _zip64_size(extra: bytes, fallback: int) -> int:
    at = 0
    while at + 4 <= len(extra):
        header, length = struct.unpack_from("<HH", extra, at)
        if header == 1 and length >= 8:
            (size,) = struct.unpack_from("<Q", extra, at + 4)
            return int(size)
        at += 4 + length
    return fallback
