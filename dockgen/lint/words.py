"""Dockerfile word splitting (ENV, LABEL, ARG, FROM, COPY...): quotes removed, escapes honoured, no substitution.

The same result as dockerfile-parse's ``WordSplitter`` (a test compares them on random text), read with one regular
expression instead of one character at a time: on real Dockerfiles with long quoted LABELs this was most of the
time spent in the rules.
"""

from __future__ import annotations

import re

_PIECE = re.compile(r"""
    (?P<plain>[^\s"'\\]+)
  | \\(?P<escaped>.?)
  | "(?P<double>(?:[^"\\]|\\.)*(?:\\$)?)(?:"|$)
  | '(?P<single>[^']*)(?:'|$)
  | (?P<space>\s+)
""", re.VERBOSE | re.DOTALL)
_DOUBLE_ESCAPE = re.compile(r"\\(.?)", re.DOTALL)


def _unescape_double(match: re.Match[str]) -> str:
    char = match.group(1)
    return char if char == '"' else ("\\" + char if char else "")


def split_words(text: str, dequote: bool = True) -> list[str]:
    """Words split at unquoted whitespace; with ``dequote``, quotes and escapes are consumed."""
    result: list[str] = []
    word: list[str] | None = None
    for match in _PIECE.finditer(text):
        if match.lastgroup == "space":
            if word is not None:
                result.append("".join(word))
            word = None
            continue
        if word is None:
            word = []
        word.append(_consumed(match) if dequote else match.group())
    if word is not None:
        result.append("".join(word))
    return result


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word ``split_words`` finds is written in ``text``: start and end offsets, quotes included."""
    spans: list[tuple[int, int]] = []
    start = -1
    for match in _PIECE.finditer(text):
        if match.lastgroup == "space":
            if start >= 0:
                spans.append((start, match.start()))
            start = -1
        elif start < 0:
            start = match.start()
    if start >= 0:
        spans.append((start, len(text)))
    return spans


def dequote(text: str) -> str:
    """The text with quotes and escapes consumed, whitespace kept."""
    return "".join(match.group() if match.lastgroup == "space" else _consumed(match) for match in _PIECE.finditer(text))


def _consumed(match: re.Match[str]) -> str:
    kind = match.lastgroup or "plain"
    if kind == "double":
        return _DOUBLE_ESCAPE.sub(_unescape_double, match.group(kind))
    return match.group(kind)
