"""Writing fixed Dockerfiles back: same encoding, BOM and permissions, atomically, or not at all."""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

from dockgen.errors import DockgenError
from dockgen.source import Decoded

_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


def encode(text: str, original: Decoded) -> bytes:
    return (_BOMS[original.encoding] if original.bom else b"") + text.encode(original.encoding)


def write_atomically(path: Path, data: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder, keeping its permissions.

    Refuses (and leaves the file as it is) when the file is read-only, has gone, or no longer holds ``expected``
    (another process changed it since it was read)."""
    try:
        status = path.stat()
    except OSError as error:
        raise DockgenError(f"{path}: not written, it is gone ({error.strerror or error})") from error
    if not os.access(path, os.W_OK) or not status.st_mode & 0o222:  # root may write anything: honour the mode
        raise DockgenError(f"{path}: not written, the file is read-only")
    try:
        with open(path, "rb") as handle:
            if handle.read() != expected:
                raise DockgenError(f"{path}: not written, it changed while dockgen was fixing it")
        handle_fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".dockgen", dir=path.parent)
    except OSError as error:
        raise DockgenError(f"{path}: not written: {error.strerror or error}") from error
    try:
        with os.fdopen(handle_fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, status.st_mode & 0o7777)
        if not path.exists():
            raise DockgenError(f"{path}: not written, it was removed while dockgen was fixing it")
        os.replace(temporary, path)
    except (OSError, DockgenError) as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, DockgenError):
            raise
        raise DockgenError(f"{path}: not written: {error.strerror or error}") from error
