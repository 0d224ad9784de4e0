"""What a pip requirements file names: its logical lines (continuations joined, comments gone) sorted into
requirements and the lines that point at other files or folders of the build."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dockgen.commands.pip import is_local

_COMMENT = re.compile(r"(^|\s)#.*$")
_FILE_OPTIONS = ("-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-f", "--find-links")


@dataclass(frozen=True)
class RequirementsText:
    requirements: tuple[str, ...]  # requirement specifiers (names, URLs, VCS links), hashes and markers kept
    options: tuple[str, ...]  # option lines (``--index-url X``, ``--hash`` lines stay with their requirement)
    file_references: tuple[str, ...]  # lines that need other files of the build: -r, -c, -e, paths, file: URLs


def logical_lines(text: str) -> list[str]:
    """Lines as pip reads them: a trailing backslash joins the next line, ``#`` after whitespace starts a comment."""
    lines: list[str] = []
    current = ""
    for raw in text.lstrip("\ufeff").splitlines():
        if raw.endswith("\\"):
            current += raw[:-1] + " "
            continue
        line = _COMMENT.sub("", current + raw).strip()
        current = ""
        if line:
            lines.append(" ".join(line.split()))
    if current.strip():
        lines.append(" ".join(_COMMENT.sub("", current).split()))
    return lines


def read_requirements_text(text: str) -> RequirementsText:
    requirements: list[str] = []
    options: list[str] = []
    references: list[str] = []
    for line in logical_lines(text):
        first = line.split(" ", 1)[0]
        if first.startswith(_FILE_OPTIONS) or "file:" in line:
            references.append(line)
        elif line.startswith("-"):
            options.append(line)
        elif is_local(first.split(";", 1)[0]):
            references.append(line)
        else:
            requirements.append(line)
    return RequirementsText(tuple(requirements), tuple(options), tuple(references))
