"""HTTP reads and the on-disk cache of what ``--compare`` learnt from the package indexes."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dockgen import __version__

_TIMEOUT = 30


class Unavailable(Exception):
    """A number that could not be had: no network, ``--offline`` without a cached copy, an HTTP error."""


@dataclass(frozen=True)
class Response:
    body: bytes
    total: int | None = None  # the whole file's size, from Content-Range or Content-Length


Fetch = Callable[[str, int | None], Response]  # (url, last N bytes or None for all) -> response


def http_fetch(url: str, tail: int | None = None) -> Response:
    """GET ``url`` (only its last ``tail`` bytes when given); raises Unavailable with the reason."""
    headers = {"User-Agent": f"dockgen/{__version__} (+--compare)",
               "Accept-Encoding": "identity" if tail is not None else "gzip"}  # repodata is tens of MB
    if tail is not None:
        headers["Range"] = f"bytes=-{tail}"
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as reply:  # noqa: S310 (https URLs only)
            body = reply.read()
            if reply.headers.get("Content-Encoding", "") == "gzip":
                body = gzip.decompress(body)
            content_range = reply.headers.get("Content-Range", "")
            total = int(content_range.rsplit("/", 1)[1]) if "/" in content_range else len(body)
            return Response(body, total)
    except urllib.error.HTTPError as error:
        raise Unavailable(f"{url}: HTTP {error.code}") from None
    except (urllib.error.URLError, OSError, ValueError, EOFError) as error:
        reason = getattr(error, "reason", error)
        raise Unavailable(f"{url}: {reason}") from None


def offline_fetch(url: str, tail: int | None = None) -> Response:
    raise Unavailable("--offline, and not in the cache")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dockgen" / "compare"


@dataclass(frozen=True)
class Cache:
    """JSON facts by key, one file each, written atomically; ``max_age`` seconds for data that changes (repodata),
    forever for facts about a released file."""

    folder: Path

    def get(self, key: str, max_age: float | None = None) -> object | None:
        path = self._path(key)
        try:
            if max_age is not None and time.time() - path.stat().st_mtime > max_age:
                return None
            loaded: object = json.loads(path.read_text(encoding="utf-8"))
            return loaded
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: object) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(value, sort_keys=True), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only costs the next run a download

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        readable = "".join(c if c.isalnum() or c in "-_." else "_" for c in key.rsplit("/", 1)[-1])[:60]
        return self.folder / f"{readable}-{digest}.json"
