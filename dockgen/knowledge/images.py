"""Base-image facts from ``rules/knowledge/images.toml`` and ``lifecycle.toml``: releases and their end of life,
deprecated and bloated images, conda channel configuration. Shared by the lint rules and the generator."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from dockgen.knowledge import data
from dockgen.knowledge.data import Bloated, Deprecation, Release
from dockgen.lint.model import ImageRef

_PYTHON_TAG = r"^(\d+)\.(\d+)"
_DEBIAN_VARIANTS = ("trixie", "bookworm", "bullseye", "buster", "stretch", "jessie")


@dataclass(frozen=True, slots=True)
class Bloat:
    image: str
    suggestion: str
    size: str
    smaller_size: str
    why: str


@functools.cache
def _release_words() -> dict[str, Release]:
    """Words that name a release inside a tag: codenames, ``alpine3.20``, ``ubuntu22.04``, ``centos7``."""
    table: dict[str, Release] = {}
    for release in data.lifecycle().releases:
        table[f"{release.family}{release.version}"] = release
        if release.codename:
            table[release.codename] = release
    return table


def python_eol(version: str) -> datetime.date | None:
    return data.lifecycle().python.get(version)


def recommended_python() -> str:
    return data.images().recommended_python


def is_python_image(image: ImageRef) -> bool:
    return image.short_name in data.images().python_images


def python_version(image: ImageRef) -> str | None:
    """``3.7`` for ``python:3.7.7-slim-stretch``; None when the tag names no version."""
    if image.short_name not in data.images().python_images or not image.tag:
        return None
    match = re.match(_PYTHON_TAG, image.tag)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def release_of(image: ImageRef) -> Release | None:
    """The distribution release an image's tag pins, when it names one."""
    if not image.tag:
        return None
    family = data.images().distro_images.get(image.short_name)
    if family:
        found = _release_from_distro_tag(family, image.tag)
        if found:
            return found
    for word in re.split(r"[-_]", image.tag.lower()):
        if word in _release_words():
            return _release_words()[word]
    return None


def distro_family(image: ImageRef) -> str | None:
    """The distribution family of an image that is a distribution itself (``debian``, ``ubuntu``, ``alpine``...)."""
    return data.images().distro_images.get(image.short_name) or None


def eol_reasons(image: ImageRef, today: datetime.date, notes: bool = True) -> list[str]:
    """Why an image is past end of life on ``today``: its Python, its distribution release (with the release's note
    when ``notes``); empty when it is not. DG101 reports these, and the generator avoids them."""
    reasons = []
    python = python_version(without_arch(image))
    python_end = python_eol(python) if python else None
    if python_end and python_end < today:
        reasons.append(f"Python {python} on {python_end.isoformat()}")
    release = release_of(image)
    if release and release.eol < today:
        note = f" ({release.note})" if release.note and notes else ""
        reasons.append(f"{release.title} on {release.eol.isoformat()}{note}")
    return reasons


def _release_from_distro_tag(family: str, tag: str) -> Release | None:
    first = re.split(r"[-_]", tag.lower())[0].removeprefix(family)
    for release in data.lifecycle().releases:
        if release.family != family:
            continue
        if first == release.codename or first == release.version or first.startswith(release.version + "."):
            return release
    return None


def deprecation(image: ImageRef) -> Deprecation | None:
    """An entry names an image without its registry (Docker Hub) or with it (``gcr.io/google-appengine/python``)."""
    names = {image.short_name, f"{image.registry}/{image.name}" if image.registry else image.short_name}
    return next((entry for entry in data.images().deprecated if entry.image in names), None)


def bloat(image: ImageRef, final_stage: bool) -> Bloat | None:
    for entry in data.images().bloated:
        if entry.image != image.short_name:
            continue
        suggestion = _smaller(entry, image, final_stage)
        if suggestion:
            return Bloat(entry.image, suggestion, entry.size, entry.smaller_size, entry.why)
    return None


def _smaller(entry: Bloated, image: ImageRef, final_stage: bool) -> str | None:
    kind = entry.kind
    tag = image.tag or "latest"
    if entry.final_stage_only and not final_stage:
        return None
    if kind == "replace":
        return entry.replacement
    if kind == "cuda-runtime":
        # from the reference as written, so that an ARG in the tag stays an ARG
        return image.raw.split("@", 1)[0].replace("-devel-", "-runtime-") if "-devel-" in tag else None
    # "slim": only the full Debian variants have a slim twin.
    parts = tag.split("-")
    if tag == "latest":
        return f"{written_name(image)}:slim"
    version = parts[0] if re.match(_PYTHON_TAG, parts[0]) or parts[0].isdigit() else None
    rest = parts[1:] if version else parts
    if len(rest) > 1 or (rest and rest[0] not in _DEBIAN_VARIANTS):
        return None
    return f"{written_name(image)}:" + "-".join(p for p in (version, "slim", *rest) if p)


@dataclass(frozen=True, slots=True)
class Swap:
    """What to move an end-of-life base to: ``replacement``, an image of the same family (OS, Windows or not,
    variant, language runtime, architecture prefix, registry) to write instead, or None when none is known; and
    ``advice``, what the finding tells people to move to."""

    replacement: str | None
    advice: str


def arch_prefix(image: ImageRef) -> str:
    """``arm32v7/`` for ``arm32v7/alpine``: Docker Hub's per-architecture namespace, or ``""``."""
    first, _, rest = image.short_name.partition("/")
    return f"{first}/" if rest and first in data.images().arch_prefixes else ""


def without_arch(image: ImageRef) -> ImageRef:
    """The image as the same image for the default architecture (``arm32v7/alpine:3.20`` is ``alpine:3.20``)."""
    prefix = arch_prefix(image)
    if not prefix:
        return image
    return ImageRef(image.raw, None, image.short_name.removeprefix(prefix), image.tag, image.digest)


def is_windows(image: ImageRef) -> bool:
    words = re.split(r"[-_]", (image.tag or "").lower())
    return (any(word in data.images().windows_tag_words for word in words)
            or image.short_name.startswith(("windows/", "windows-amd64/"))
            or (image.registry == "mcr.microsoft.com" and image.name.startswith("windows")))


def written_name(image: ImageRef) -> str:
    """The reference as written, without its tag and digest: registry, architecture prefix and name."""
    written = image.raw.split("@", 1)[0]
    if image.tag and written.endswith(":" + image.tag):
        return written[:-len(image.tag) - 1]
    colon = written.rfind(":")
    # a tag written with an ARG (`alpine:${ALPINE_VERSION}`) is not the expanded tag, but it is still the tag
    return written[:colon] if image.tag and colon > written.rfind("/") and "$" in written[colon:] else written


def eol_swap(image: ImageRef, today: datetime.date) -> Swap:
    """A supported base of the same family to move to from an end-of-life one, or advice when none is known."""
    table = data.images().eol_replacement
    plain = without_arch(image)
    written = written_name(image)
    words = re.split(r"[-_]", (image.tag or "").lower())
    python = python_version(plain)
    if python is not None:
        end = python_eol(python)
        keep = python if end is not None and end >= today else recommended_python()
        if is_windows(image):
            tag = data.images().python_windows.format(python=keep)
            if "windowsservercore" in words:
                return Swap(f"{written}:{tag}", f"a supported base such as `{written}:{tag}`")
            return Swap(None, f"a supported Windows tag such as `{written}:{tag}`")
        key = ("python-alpine" if any(word.startswith("alpine") for word in words)
               else "python" if "slim" in words else "python-full")
        replacement = f"{written}:{table[key].format(python=keep).split(':', 1)[1]}"
        return Swap(replacement, f"a supported base such as `{replacement}`")
    release = release_of(plain)
    if release is None:
        return Swap(None, "a supported release")
    distro = data.images().distro_images.get(plain.short_name)
    if distro is not None and release.family in table and not is_windows(image):
        full = f"{release.family}-full"
        target = table[full] if full in table and "slim" not in words else table[release.family]
        name, tag = target.split(":", 1)
        if data.images().distro_images.get(name) == distro:
            replacement = f"{written}:{tag}"
        elif written == plain.short_name:  # no registry, no architecture prefix: the other image will do
            replacement = target
        else:
            return Swap(None, f"a supported release such as `{target}` (for the same registry and architecture)")
        return Swap(replacement, f"a supported base such as `{replacement}`")
    newest = max((r for r in data.lifecycle().releases if r.family == release.family), key=lambda r: r.eol)
    return Swap(None, f"a tag of `{written}` built on a supported release (such as {newest.title}); replacing the "
                      f"image would change what it is, so there is no automatic fix")


def conda_forge_only(image: ImageRef) -> bool:
    """Images whose conda is configured for conda-forge alone (shell-style patterns on the name without tag)."""
    import fnmatch

    return any(fnmatch.fnmatchcase(image.short_name, pattern)
               for pattern in data.images().conda_forge_only_images)


def conda_forge_installers() -> tuple[str, ...]:
    return data.images().conda_forge_installers


def defaults_channels() -> frozenset[str]:
    return data.images().defaults_channels
