"""``dockgen new --from Dockerfile``: recover what an existing Dockerfile installs, copies and runs."""

from __future__ import annotations

import dataclasses
import shlex
from collections.abc import Iterable
from pathlib import Path

from dockgen.checks import _conda
from dockgen.checks._pip import installed_packages, is_pip_install
from dockgen.errors import DockgenError
from dockgen.model import Dockerfile
from dockgen.knowledge.images import python_version
from dockgen.parse import parse_text, words
from dockgen.recipe import Request
from dockgen.source import decode


def request_from_dockerfile(path: Path, request: Request) -> Request:
    """The request, completed with the packages, copies and command found in the Dockerfile at ``path``."""
    try:
        decoded = decode(path.read_bytes())
    except OSError as error:
        raise DockgenError(f"{path}: cannot read: {error.strerror or error}") from None
    if decoded.problem:
        raise DockgenError(f"{path}:{decoded.problem_line}: {decoded.problem}")
    dockerfile = parse_text(decoded.text)
    if dockerfile.problems:
        problem = dockerfile.problems[0]
        raise DockgenError(f"{path}:{problem.line}: cannot parse: {problem.message}")
    final = dockerfile.final_stage
    if final is None:
        raise DockgenError(f"{path}: no FROM instruction")
    packages: list[str] = []
    copies: list[str] = []
    command: str | None = None
    for instruction in final.instructions:
        for cmd in instruction.commands:
            if is_pip_install(cmd):
                packages += [p for p in installed_packages(cmd) or () if not p.startswith(("-", "."))]
            elif _conda.subcommand(cmd) in ("install", "create"):
                packages += [spec.split("::")[-1] for spec in _conda.packages(cmd) if not spec.startswith("python")]
        if instruction.keyword == "COPY" and not instruction.flag("from"):
            parts = list(instruction.json_args or words(instruction.args))
            if len(parts) == 2:
                copies.append(f"{parts[0]}:{parts[1]}")
        if instruction.keyword in ("CMD", "ENTRYPOINT"):
            command = shlex.join(instruction.json_args) if instruction.json_args else instruction.args
    version = python_version(final.image)
    return dataclasses.replace(
        request,
        origin=_origin(path, dockerfile, final.image.raw),
        packages=request.packages or tuple(_dedupe(_plain(p) for p in packages)),
        copies=request.copies or tuple(copies),
        cmd=request.cmd or command,
        python=request.python or (version if version and _supported(version) else None),
    )


def _origin(path: Path, dockerfile: Dockerfile, image: str) -> tuple[str, ...]:
    """Why the base changes: dockgen's own findings about the old FROM lines."""
    from dockgen.engine import Settings, lint

    notes = [f"Rewritten from {path.name} (FROM {image})."]
    for finding in lint(dockerfile, Settings(select=("DG101", "DG102"))):
        notes.append(finding.message)
    return tuple(notes)


def _plain(spec: str) -> str:
    """``spacy==3.8.7`` stays, ``spacy=3.8`` (conda) becomes ``spacy==3.8``, ranges lose their bounds."""
    for operator in ("==", ">=", "<=", "~=", "!=", ">", "<"):
        if operator in spec:
            name, _, version = spec.partition(operator)
            return f"{name}=={version}" if operator == "==" else name
    if "=" in spec:
        name, _, version = spec.partition("=")
        return f"{name}=={version.split('=')[0]}" if version and version[0].isdigit() else name
    return spec


def _supported(version: str) -> bool:
    from dockgen.catalog import load

    return any(version in base.pythons for base in load().bases.values())


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
