"""Shell words: how a RUN script's text splits into words and operators, and where each word is written.

Reads POSIX/bash quoting well enough to find word boundaries: single and double quotes, backslashes, ``$'...'``,
expansions (``$X``, ``${X}``, ``$((...))``) and the command substitutions whose inner scripts it records
(``$(...)``, backticks, ``<(...)``, ``>(...)``). Never raises: an unterminated quote or substitution runs to the
end of the text. ``shell`` builds commands from these tokens.
"""

from __future__ import annotations

import re
import sys
from typing import NamedTuple

_OPERATORS = ("&&", "||", ";;", ";&", "|&", "&>>", "&>", ">>", ">|", ">&", "<&", "<<<", "<<-", "<<", "<>",
              ";", "|", "&", "(", ")", "<", ">", "\n")
REDIRECTIONS = frozenset({"&>>", "&>", ">>", ">|", ">&", "<&", "<<<", "<<-", "<<", "<>", "<", ">"})
ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=")
_WORD_END = frozenset(" \t\n;&|()<>")
_OPERATOR_START = frozenset(operator[0] for operator in _OPERATORS)
# A run of characters that stand for themselves inside a word: read in one step rather than one by one.
_PLAIN_RUN = re.compile(r"[^ \t\n;&|()<>\\'\"$`]+")


class Token(NamedTuple):
    text: str  # dequoted word, or the operator itself
    is_operator: bool
    substitutions: tuple[tuple[str, int], ...] = ()  # inner scripts of $(...), `...`, <(...), >(...), and offsets
    start: int = 0  # where the word is written in the script being tokenised


def tokenize(text: str) -> list[Token]:
    """Words and operators of ``text``, comments and line continuations dropped; the file-descriptor number of a
    redirection (``2>``) belongs to the redirection."""
    tokens: list[Token] = []
    length = len(text)
    pos = 0
    while pos < length:
        char = text[pos]
        if char in " \t":
            pos += 1
            continue
        if char == "\\" and text.startswith("\n", pos + 1):
            pos += 2
            continue
        if char == "#":
            pos = _line_end(text, pos)
            continue
        if char in "<>" and text.startswith("(", pos + 1):
            end = _balanced(text, pos + 2, "(", ")")
            tokens.append(Token(text[pos:end], False, ((text[pos + 2:_inner_end(text, end, ")")], pos + 2),), pos))
            pos = end
            continue
        operator = _operator_at(text, pos)
        if operator:
            tokens.append(Token(operator, True))
            pos += len(operator)
            continue
        start = pos
        word, substitutions, pos = _read_word(text, pos)
        if pos < length and text[pos] in "<>" and word.isdigit():
            continue  # ``2>`` : the fd number belongs to the redirection that follows
        tokens.append(Token(word, False, substitutions, start))
    return tokens


def word_spans(script: str, start: int) -> list[tuple[int, int]]:
    """Where the words of the simple command that starts at ``start`` of ``script`` are written, read again as
    ``tokenize`` and ``shell`` read them (redirections and their targets left out), up to the operator that
    ends the command. Commands keep only their start: this runs when a finding asks where a word is."""
    spans: list[tuple[int, int]] = []
    pos, length, target = start, len(script), False
    while pos < length:
        char = script[pos]
        if char in " \t" or (char == "\\" and script.startswith("\n", pos + 1)):
            pos += 1 if char != "\\" else 2
            continue
        if char == "#":
            pos = _line_end(script, pos)
            continue
        if char in "<>" and script.startswith("(", pos + 1):
            end = _balanced(script, pos + 2, "(", ")")
        else:
            operator = _operator_at(script, pos)
            if operator and operator not in REDIRECTIONS:
                break
            if operator:
                pos, target = pos + len(operator), True
                continue
            _, _, end = _read_word(script, pos)
            if end < length and script[end] in "<>" and script[pos:end].isdigit():
                pos = end
                continue
        if not target:
            spans.append((pos, end))
        pos, target = end, False
    return spans


def _operator_at(text: str, pos: int) -> str | None:
    if text[pos] not in _OPERATOR_START:
        return None
    for operator in _OPERATORS:
        if text.startswith(operator, pos):
            return operator
    return None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _read_word(text: str, pos: int) -> tuple[str, tuple[tuple[str, int], ...], int]:
    parts: list[str] = []
    substitutions: list[tuple[str, int]] = []
    length = len(text)
    while pos < length:
        char = text[pos]
        if char == "(" and parts and parts[-1].endswith("=") and ASSIGNMENT.fullmatch("".join(parts)):
            end = _balanced(text, pos + 1, "(", ")")  # NAME=( a b ... ), newlines allowed: one assignment word
            parts.append(text[pos:end])
            pos = end
            continue
        if char in _WORD_END:
            break
        if char == "\\":
            if pos + 1 < length and text[pos + 1] != "\n":
                parts.append(text[pos + 1])
            pos = min(pos + 2, length)  # a backslash at the very end stands alone
        elif char == "'":
            end = text.find("'", pos + 1)
            end = length if end < 0 else end
            parts.append(text[pos + 1:end])
            pos = min(end + 1, length)  # unterminated: the word runs to the end, not past it
        elif char == '"':
            pos = _read_double_quoted(text, pos + 1, parts, substitutions)
        elif char == "$" and text.startswith("$'", pos):
            end = text.find("'", pos + 2)
            end = length if end < 0 else end
            parts.append(text[pos + 2:end])
            pos = min(end + 1, length)
        elif char == "$" or char == "`":
            pos = _read_expansion(text, pos, parts, substitutions)
        else:
            plain = _PLAIN_RUN.match(text, pos)
            end = plain.end() if plain else pos + 1
            parts.append(text[pos:end])
            pos = end
    # Interned: the same few words (apt-get, install, -y) repeat on every line of big files.
    return sys.intern("".join(parts)), tuple(substitutions), pos


def _read_double_quoted(text: str, pos: int, parts: list[str], substitutions: list[tuple[str, int]]) -> int:
    length = len(text)
    while pos < length:
        char = text[pos]
        if char == '"':
            return pos + 1
        if char == "\\" and pos + 1 < length and text[pos + 1] in '"\\$`\n':
            if text[pos + 1] != "\n":
                parts.append(text[pos + 1])
            pos += 2
        elif char == "$" or char == "`":
            pos = _read_expansion(text, pos, parts, substitutions)
        else:
            parts.append(char)
            pos += 1
    return pos


def _read_expansion(text: str, pos: int, parts: list[str], substitutions: list[tuple[str, int]]) -> int:
    """``$(...)``, ``$((...))``, ``${...}``, backticks or ``$name``: kept as written, inner scripts recorded."""
    if text.startswith("$((", pos):
        end = _balanced(text, pos + 2, "(", ")")  # arithmetic: no commands inside
    elif text.startswith("$(", pos):
        end = _balanced(text, pos + 2, "(", ")")
        substitutions.append((text[pos + 2:_inner_end(text, end, ")")], pos + 2))
    elif text.startswith("${", pos):
        end = _balanced(text, pos + 2, "{", "}")
    elif text[pos] == "`":
        end = _backtick_end(text, pos + 1)
        substitutions.append((text[pos + 1:_inner_end(text, end, "`")], pos + 1))
    else:
        end = pos + 1
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        if end == pos + 1 and end < len(text) and text[end] in "@*#?$!-0123456789":
            end += 1
    parts.append(text[pos:end])
    return end


def _backtick_end(text: str, pos: int) -> int:
    """Index just past the backtick that closes one opened before ``pos``: a backslash quotes the next character
    (``\\``` is a backtick inside, as the shell reads it), so the scan steps over both."""
    length = len(text)
    while pos < length:
        if text[pos] == "\\":
            pos += 2
        elif text[pos] == "`":
            return pos + 1
        else:
            pos += 1
    return length


def _inner_end(text: str, end: int, closing: str) -> int:
    """Where a substitution's inner script ends: before its closing character, or at ``end`` when it has none
    (unterminated, so the script runs to the end of the text)."""
    return end - 1 if text[end - 1:end] == closing else end


def _balanced(text: str, pos: int, opening: str, closing: str) -> int:
    """Index just past the ``closing`` that matches an ``opening`` already consumed before ``pos``."""
    depth = 1
    length = len(text)
    while pos < length:
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "'" and opening == "(":
            close = text.find("'", pos + 1)
            pos = length if close < 0 else close + 1
            continue
        if char == '"':
            pos = _skip_double_quoted(text, pos + 1)
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    return length


def _skip_double_quoted(text: str, pos: int) -> int:
    length = len(text)
    while pos < length:
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        if char == '"':
            return pos + 1
        if text.startswith("$(", pos):
            pos = _balanced(text, pos + 2, "(", ")")
            continue
        pos += 1
    return length
