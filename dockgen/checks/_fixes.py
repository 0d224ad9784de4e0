"""Building fixes: where an instruction's text sits in the source, and edits that add flags or commands."""

from __future__ import annotations

import functools
import re
import sys

from dockgen.lint.edits import Edit, Fix
from dockgen.lint.model import Dockerfile, Instruction

# The end of one simple command: a control operator (quotes are not tracked: close enough for adding a flag; a
# command that already has the flag further on is simply left alone).
_COMMAND_END = r"&&|\|\||;|\|"


@functools.lru_cache(maxsize=16)
def _line_starts(source: str) -> tuple[int, ...]:
    starts = [0]
    for line in source.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return tuple(starts)


def span(dockerfile: Dockerfile, instruction: Instruction) -> tuple[int, int]:
    """Source offsets of an instruction's lines, heredoc bodies included, without the final line ending."""
    starts = _line_starts(dockerfile.source)
    start = starts[instruction.line - 1]
    end = starts[instruction.end_line] - 1
    if dockerfile.source[end - 1:end] == "\r":
        end -= 1
    return start, min(end, len(dockerfile.source))


def add_flag(dockerfile: Dockerfile, instruction: Instruction, command: str, flag: str,
             present: str) -> Fix | None:
    """Insert `` flag`` after every match of ``command`` whose command does not already say ``present``."""
    start, end = span(dockerfile, instruction)
    text = dockerfile.source[start:end]
    edits = []
    inserted = sys.intern(f" {flag}")  # findings keep their fixes: one string for every edit that adds this flag
    for match in re.finditer(command, text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text[line_start:match.start()].lstrip().startswith("#"):
            continue
        stop = re.compile(_COMMAND_END).search(text, match.end())
        segment = text[match.end():stop.start() if stop else len(text)]
        if not re.search(present, segment):
            edits.append(Edit(start + match.end(), start + match.end(), inserted))
    return Fix(tuple(edits)) if edits else None


def append_command(dockerfile: Dockerfile, instruction: Instruction, command: str) -> Fix | None:
    """`` && command`` at the end of a RUN written on its own lines (not for heredocs or exec form)."""
    if instruction.heredocs or instruction.is_exec_form:
        return None
    start, end = span(dockerfile, instruction)
    text = dockerfile.source[start:end]
    last = text.rstrip()
    if last.endswith(("\\", "&&", "||", ";", "|")) or "#" in last.rsplit("\n", 1)[-1]:
        return None  # an odd ending (or a trailing comment) this fix should not guess about
    return Fix((Edit(start + len(last), start + len(last), f" && {command}"),))


def replace_text(dockerfile: Dockerfile, instruction: Instruction, old: str, new: str,
                 first_line_only: bool = True) -> Fix | None:
    """Replace the first ``old`` in the instruction's text (its first line unless told otherwise)."""
    start, end = span(dockerfile, instruction)
    text = dockerfile.source[start:end]
    limit = text.find("\n") if first_line_only and "\n" in text else len(text)
    position = text.find(old, 0, limit)
    if position < 0:
        return None
    return Fix((Edit(start + position, start + position + len(old), new),))


def word_columns(dockerfile: Dockerfile, instruction: Instruction, word: str) -> tuple[int | None, int | None]:
    """The 1-based column of ``word`` on the instruction's first line (after its keyword, standing alone between
    spaces) and the column just past it; ``(None, None)`` when it is not written there as is."""
    start, end = span(dockerfile, instruction)
    text = dockerfile.source[start:end].split("\n", 1)[0]
    position = text.find(word, len(instruction.written_keyword))
    while position >= 0:
        before, after = text[position - 1:position], text[position + len(word):position + len(word) + 1]
        if before in (" ", "\t") and after in ("", " ", "\t", "\r", "\\"):
            return position + 1, position + 1 + len(word)
        position = text.find(word, position + 1)
    return None, None


def newline(dockerfile: Dockerfile) -> str:
    return "\r\n" if "\r\n" in dockerfile.source else "\n"


# ``apt-get [options] install``: where DL3014/DL3015 put the flags they add.
APT_GET_INSTALL = r"(?<![\w.-])apt-get(?:\s+(?:-[\w-]+(?:=\S+)?|-o\s+\S+))*\s+install\b"
