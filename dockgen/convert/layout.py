"""Where files of the build context sit in the image: WORKDIR and the COPY/ADD instructions of a stage, walked in
order, answer "which context file is ``requirements.txt`` in this RUN?"."""

from __future__ import annotations

import fnmatch
import posixpath
import re
from dataclasses import dataclass, field

from dockgen.convert.build_context import BuildContext, inside
from dockgen.lint.model import Instruction
from dockgen.lint.parse import key_values, words

_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")


@dataclass(frozen=True)
class Copy:
    """One COPY/ADD from the build context."""

    instruction: Instruction
    sources: tuple[str, ...]  # as written, relative to the context
    destination: str  # absolute in the image ("/app/" keeps its slash)


@dataclass(frozen=True)
class Located:
    context_path: str  # the file in the build context
    image_path: str  # where it is in the image
    copy: Copy  # the instruction that put it in the image


@dataclass
class Layout:
    workdir: str | None = "/"  # None once a WORKDIR uses a variable dockgen cannot expand
    copies: list[Copy] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)  # ENV and ARG defaults, for WORKDIR and COPY paths

    def derived(self) -> Layout:
        return Layout(self.workdir, list(self.copies), dict(self.variables))

    def see(self, instruction: Instruction) -> None:
        if instruction.keyword in ("ENV", "ARG"):
            pairs = key_values(instruction.args)
            if instruction.keyword == "ARG" and "=" not in instruction.args:
                pairs = tuple((key, "$") for key, _ in pairs)  # no default: the value comes from --build-arg
            for key, value in pairs:
                expanded = self.expand(value)
                if expanded is None:
                    self.variables.pop(key, None)
                else:
                    self.variables[key] = expanded
        elif instruction.keyword == "WORKDIR":
            self.workdir = self.resolve(self.expand(instruction.args.strip().strip("'\"")), self.workdir)
        elif instruction.keyword in ("COPY", "ADD") and not instruction.heredocs and instruction.flag("from") is None:
            written = list(instruction.json_args) if instruction.json_args is not None else words(instruction.args)
            parts = [p for p in (self.expand(w) for w in written) if p is not None]
            if len(parts) != len(written):
                return
            if len(parts) < 2 or any("$" in part or "://" in part for part in parts):
                return
            destination = self.resolve(parts[-1], self.workdir)
            if destination is not None:
                slash = "/" if parts[-1].endswith("/") and destination != "/" else ""
                self.copies.append(Copy(instruction, tuple(parts[:-1]), destination + slash))

    def expand(self, text: str | None) -> str | None:
        """``$NAME`` and ``${NAME}`` replaced by what ENV and ARG set; None when one is unknown or more complex."""
        if text is None:
            return None
        expanded = _VARIABLE.sub(lambda m: self.variables.get(m.group(1) or m.group(2), "\0$"), text)
        return None if "$" in expanded else expanded

    @staticmethod
    def resolve(path: str | None, cwd: str | None) -> str | None:
        """``path`` made absolute against ``cwd``; None when a variable or an unknown folder is in the way."""
        if path is None or "$" in path or not path:
            return None
        if path.startswith("/"):
            return posixpath.normpath(path)
        return posixpath.normpath(posixpath.join(cwd, path)) if cwd is not None else None

    def locate(self, path: str, cwd: str | None, context: BuildContext) -> Located | None:
        """The context file that the latest COPY put at ``path`` (read from ``cwd``), if the context has it."""
        absolute = self.resolve(path, cwd)
        if absolute is None:
            return None
        for copy in reversed(self.copies):
            for source in copy.sources:
                for candidate in _candidates(source, copy.destination, absolute, len(copy.sources) > 1):
                    if context.read_text(candidate) is not None:
                        return Located(candidate, absolute, copy)
        return None


def read_named(layout: Layout, path: str, cwd: str | None, context: BuildContext) -> str | None:
    """The text of the context file a RUN names as ``path`` (from ``cwd``), or None when dockgen cannot find it."""
    located = layout.locate(path, cwd, context)
    return context.read_text(located.context_path) if located else None


def _candidates(source: str, destination: str, absolute: str, many: bool) -> list[str]:
    """Context paths that ``COPY source destination`` could have put at ``absolute``: the source as a file (at the
    destination, or inside it), or the source as a folder whose contents land in the destination."""
    found: list[str] = []
    folder = destination.rstrip("/") or "/"
    name = posixpath.basename(absolute)
    if "*" in source or "?" in source or "[" in source:
        if posixpath.dirname(absolute) == folder and fnmatch.fnmatchcase(name, posixpath.basename(source)):
            found.append(posixpath.join(posixpath.dirname(source), name))
        return [c for c in (inside(f) for f in found) if c]
    if absolute == posixpath.join(folder, posixpath.basename(source.rstrip("/"))):
        found.append(source)
    if absolute == folder and not many and not destination.endswith("/"):
        found.append(source)
    if absolute.startswith(folder.rstrip("/") + "/"):
        found.append(posixpath.join(source, posixpath.relpath(absolute, folder)))
    return [c for c in (inside(f) for f in found) if c]
