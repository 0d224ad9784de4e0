"""A finding's message from a template and the values a check found, kept to :data:`MAX_LENGTH` characters."""

from __future__ import annotations

from collections.abc import Mapping

MAX_LENGTH = 120  # CONTRIBUTING.md, "Messages"
ELLIPSIS = "…"
_SHORTEST = 12  # a value is never cut below this many characters: past that it stops naming anything


def render(template: str, values: Mapping[str, str | int]) -> str:
    """``template`` with its ``{name}`` placeholders filled in. When the result is too long, the longest value is
    cut in its middle (``https://example.com/…/setup.py``), as often as it takes, so the message keeps its fix."""
    text = template.format_map(values)
    if len(text) <= MAX_LENGTH:
        return text
    shortened = {name: str(value) for name, value in values.items()}
    while len(text) > MAX_LENGTH:
        name = max(shortened, key=lambda key: len(shortened[key]), default=None)
        if name is None or len(shortened[name]) <= _SHORTEST:
            break
        excess = len(text) - MAX_LENGTH
        shortened[name] = middle_cut(shortened[name], max(_SHORTEST, len(shortened[name]) - excess))
        text = template.format_map(shortened)
    return text


def middle_cut(word: str, length: int) -> str:
    """``word`` in at most ``length`` characters: its start and its end around an ellipsis."""
    if len(word) <= length:
        return word
    head = (length - 1) // 2
    tail = length - 1 - head
    return word[:head] + ELLIPSIS + word[len(word) - tail:]
