"""A RUN script cut into its top-level list: the parts joined by ``&&``, ``;`` and new lines.

The converter rewrites a script one part at a time and keeps every part it does not touch as written, with the
operator before it. Quotes, escapes, ``$(...)``, backquotes, parentheses, braces and compound commands
(``if``/``case``/``for``/``while``/``until``) are read past, so a part is never cut inside one of them; ``||``,
``|`` and ``&`` stay inside their part.
"""

from __future__ import annotations

from typing import NamedTuple

_OPENERS = frozenset({"if", "case", "for", "while", "until", "select"})
_CLOSERS = frozenset({"fi", "esac", "done"})
_COMMAND_START_WORDS = frozenset({"then", "do", "else", "elif", "if", "while", "until", "!", "{", "time"})


class Part(NamedTuple):
    separator: str  # the operator before this part: "" for the first, then "&&", ";" or "\n"
    text: str  # stripped
    comments: tuple[str, ...] = ()  # comment lines written among its continuation lines, ``#`` included
    written: str = ""  # the text with its continuation lines as written, when it spans several


def split_chain(script: str) -> tuple[Part, ...]:
    parts: list[Part] = []
    separator = ""
    start = 0
    depth = 0  # parentheses, braces and compound commands
    word = ""
    command_start = True
    index = 0
    length = len(script)
    while index < length:
        char = script[index]
        if char == "\\":
            word += script[index:index + 2]
            index += 2
            continue
        if char == "'":
            end = script.find("'", index + 1)
            end = length if end < 0 else end + 1
            word += script[index:end]
            index = end
            continue
        if char in "\"`":
            end = _closing_quote(script, index, char)
            word += script[index:end]
            index = end
            continue
        if char == "$" and script.startswith("$(", index):
            end = _closing_paren(script, index + 1)
            word += script[index:end]
            index = end
            continue
        if char == "$" and script.startswith("${", index):
            end = script.find("}", index)
            end = length if end < 0 else end + 1
            word += script[index:end]
            index = end
            continue
        if char in " \t" or char in ";&|()\n":
            depth, command_start = _end_word(word, depth, command_start)
            word = ""
        else:
            word += char
            index += 1
            continue
        if char in "(":
            depth += 1
            command_start = True
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (script.startswith("&&", index) or char == "\n"
                             or (char == ";" and not script.startswith(";;", index))):
            text = script[start:index].strip()
            if text:
                parts.append(Part(separator, text))
                separator = "&&" if char == "&" else char
            index += 2 if char == "&" else 1
            start = index
            command_start = True
            continue
        elif char in ";&|\n":
            command_start = True
            if script.startswith(("&&", "||", ";;"), index):
                index += 1
        index += 1
    depth, command_start = _end_word(word, depth, command_start)
    text = script[start:].strip()
    if text:
        parts.append(Part(separator, text))
    return tuple(parts)


def _end_word(word: str, depth: int, command_start: bool) -> tuple[int, bool]:
    """Track compound commands and braces by the reserved words at command position."""
    if not word:
        return depth, command_start
    if command_start and (word in _OPENERS or word == "{"):
        return depth + 1, True
    if command_start and (word in _CLOSERS or word == "}"):
        return max(0, depth - 1), False
    return depth, word in _COMMAND_START_WORDS


def _closing_quote(script: str, index: int, quote: str) -> int:
    position = index + 1
    while position < len(script):
        if script[position] == "\\":
            position += 2
            continue
        if script[position] == quote:
            return position + 1
        if quote == '"' and script.startswith("$(", position):
            position = _closing_paren(script, position + 1)
            continue
        position += 1
    return len(script)


def _closing_paren(script: str, index: int) -> int:
    """The position after the ``)`` that closes the ``(`` at ``index``."""
    depth = 0
    position = index
    while position < len(script):
        char = script[position]
        if char == "\\":
            position += 2
            continue
        if char in "'\"`":
            position = (script.find("'", position + 1) + 1 or len(script)) if char == "'" else _closing_quote(
                script, position, char)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    return len(script)


def join_chain(parts: list[Part] | tuple[Part, ...]) -> str:
    """Parts back into one script, each on its own continuation line."""
    pieces: list[str] = []
    for number, part in enumerate(parts):
        comments = "".join(f"\n    {comment}" for comment in part.comments)
        if number == 0:
            pieces.append(f"\\{comments}\n    {part.text}" if comments else part.text)
        else:
            separator = "&&" if part.separator in ("", "&&") else ";"
            pieces.append(f" \\{comments}\n    {separator} {part.text}" if separator == "&&"
                          else f"; \\{comments}\n    {part.text}")
    return "".join(pieces)


def join_lines(parts: list[Part] | tuple[Part, ...]) -> str:
    """Parts back into a script of lines, as a heredoc holds one: a new line where the source had one, an
    operator on the same line otherwise."""
    pieces: list[str] = []
    for number, part in enumerate(parts):
        if number and part.separator == "\n":
            pieces.append("\n")
        elif number:
            pieces.append(" && " if part.separator in ("", "&&") else "; ")
        pieces.append(part.text)
    return "".join(pieces)


def raw_words(text: str) -> list[str]:
    """The words of one simple command as written, quotes and expansions kept (``pip install "a[b]" $X``)."""
    found: list[str] = []
    word = ""
    index = 0
    while index < len(text):
        char = text[index]
        if char in " \t\n":
            if word:
                found.append(word)
            word = ""
            index += 1
            continue
        if char == "\\":
            end = index + 2
        elif char == "'":
            end = text.find("'", index + 1)
            end = len(text) if end < 0 else end + 1
        elif char in "\"`":
            end = _closing_quote(text, index, char)
        elif text.startswith("$(", index):
            end = _closing_paren(text, index + 1)
        else:
            end = index + 1
        word += text[index:end]
        index = end
    if word:
        found.append(word)
    return found


def dequote(word: str) -> str:
    """A raw word as the shell passes it, expansions left as written."""
    try:
        import shlex

        parts = shlex.split(word, posix=True)
    except ValueError:
        return word
    return parts[0] if len(parts) == 1 else word
