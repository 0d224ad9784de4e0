"""Writing through paths: fixed Dockerfiles back (same encoding, BOM, permissions and owner, atomically, or not at
all) and reports where ``-o`` says."""

from __future__ import annotations

import codecs
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from dockgen.errors import DockgenError
from dockgen.lint.source import Decoded

_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


def encode(text: str, original: Decoded) -> bytes:
    return (_BOMS[original.encoding] if original.bom else b"") + text.encode(original.encoding)


def write_atomically(path: Path, data: bytes, expected: bytes) -> None:
    """Replace the file ``path`` names with ``data`` through a temporary file beside it, keeping its permissions and,
    where allowed, its owner. A symbolic link is written through: its target is replaced and the link stays a link.

    Refuses (and leaves the file as it is) when the file is read-only, has gone, or no longer holds ``expected``
    (another process changed it since it was read)."""
    try:
        status = path.stat()
    except OSError as error:
        raise DockgenError(f"{path}: not written, it is gone ({error.strerror or error})") from error
    if not os.access(path, os.W_OK) or not status.st_mode & 0o222:  # root may write anything: honour the mode
        raise DockgenError(f"{path}: not written, the file is read-only")
    real = Path(os.path.realpath(path))
    try:
        with open(real, "rb") as handle:
            if handle.read() != expected:
                raise DockgenError(f"{path}: not written, it changed while dockgen was fixing it")
        handle_fd, temporary = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".dockgen", dir=real.parent)
    except OSError as error:
        raise DockgenError(f"{path}: not written: {error.strerror or error}") from error
    try:
        with os.fdopen(handle_fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _keep_owner(temporary, status)
        os.chmod(temporary, status.st_mode & 0o7777)
        if not real.exists():
            raise DockgenError(f"{path}: not written, it was removed while dockgen was fixing it")
        os.replace(temporary, real)
    except (OSError, DockgenError) as error:
        _remove(temporary)
        if isinstance(error, DockgenError):
            raise
        raise DockgenError(f"{path}: not written: {error.strerror or error}") from error


def write_report(path: Path, text: Iterable[str]) -> None:
    """Write a report to the file ``path`` names, as a shell redirection would, but whole or not at all.

    A FIFO, device or socket, and anything named under /dev or /proc (``/dev/stdout``), is opened and written (never
    replaced); a symbolic link is written through to its target; a regular file is replaced through a temporary
    file beside it, keeping its mode, and a new file gets the mode the umask leaves. Raises ``OSError``."""
    try:
        status: os.stat_result | None = os.stat(path)  # the kernel follows /dev/stdout, /proc/self/fd/1 and links
    except FileNotFoundError:
        status = None
    if (status is not None and not stat.S_ISREG(status.st_mode)) or str(path).startswith(("/dev/", "/proc/")):
        with open(path, "w", encoding="utf-8") as stream:  # a pipe, terminal or device, or whatever a /dev name is
            stream.writelines(text)
        return
    real = Path(os.path.realpath(path))
    temporary = _create_beside(real)
    try:
        with open(temporary, "w", encoding="utf-8") as out:
            out.writelines(text)
        if status is not None:
            _keep_owner(str(temporary), status)
            os.chmod(temporary, status.st_mode & 0o7777)
        os.replace(temporary, real)
    except BaseException:
        _remove(str(temporary))
        raise


def _create_beside(path: Path) -> Path:
    """A new empty file next to ``path``, created with mode 0666 so that the umask decides (mkstemp uses 0600)."""
    for _ in range(100):
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.dockgen")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free temporary name beside {path}")


def _keep_owner(path: str, status: os.stat_result) -> None:
    """Give ``path`` the owner and group in ``status`` where allowed (as root; or the group, for a member)."""
    if not hasattr(os, "chown"):
        return
    for uid, gid in ((status.st_uid, status.st_gid), (-1, status.st_gid)):
        try:
            os.chown(path, uid, gid)
            return
        except OSError:
            continue


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
