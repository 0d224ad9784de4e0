"""DL3010: COPY of an archive that a later RUN extracts (ADD would unpack it in one layer)."""

from collections.abc import Iterator

from dockgen.checks._structure import ARCHIVE_SUFFIXES, copy_parts, unquote
from dockgen.checks.contract import Context, Hit, says
from dockgen.commands.options import positional
from dockgen.lint.model import Command, Dockerfile

_EXTRACTORS = frozenset({"unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat"})


def _basename(path: str) -> str:
    return unquote(path).rstrip("/").rsplit("/", 1)[-1]


def _extracts(command: Command) -> bool:
    if command.name in _EXTRACTORS:
        return True
    return command.name == "tar" and (command.has_arg("--extract", "--get") or any(
        arg.startswith("-") and not arg.startswith("--") and "x" in arg for arg in command.args))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    stage = dockerfile.final_stage  # hadolint keeps this state across stages only for the last one
    if stage is None:
        return
    archives: dict[str, list[int]] = {}  # archive name -> COPY lines that bring it in
    reported: set[int] = set()  # one finding per COPY, however many of its archives are extracted
    for instruction in stage.instructions:
        if instruction.keyword == "COPY" and instruction.flag("from") is None:
            parts = copy_parts(instruction)
            if len(parts) >= 2:
                names = [_basename(parts[-1])] if _basename(parts[-1]).endswith(ARCHIVE_SUFFIXES) else [
                    _basename(p) for p in parts[:-1] if _basename(p).endswith(ARCHIVE_SUFFIXES)]
                for name in names:
                    archives.setdefault(name, []).append(instruction.line)
        elif instruction.keyword == "RUN":
            for command in instruction.commands:
                if _extracts(command):
                    for word in positional(command):
                        for line in archives.pop(_basename(word), []):
                            if line not in reported:
                                reported.add(line)
                                yield Hit(line, says(archive=_basename(word)))
