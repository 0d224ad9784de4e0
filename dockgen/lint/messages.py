"""A finding's message from a template and the values a check found, kept to :data:`MAX_LENGTH` characters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from dockgen.errors import DockgenError

if TYPE_CHECKING:
    from dockgen.checks.contract import Message
    from dockgen.lint.rules import Rule

MAX_LENGTH = 120  # CONTRIBUTING.md, "Messages"
ELLIPSIS = "…"
_SHORTEST = 12  # a value is never cut below this many characters: past that it stops naming anything


def message_text(rule: Rule, message: Message | None) -> str:
    """A hit's message: its rule's template (``message`` when the hit names none; of several, the first that fits
    in :data:`MAX_LENGTH`) filled in with its values."""
    keys, values = (("message",), ()) if message is None else message
    try:
        filled = {name: _listed(rule, value) if isinstance(value, tuple) else value for name, value in values}
        for key in keys[:-1]:
            text = _template(rule, key).format_map(filled)
            if len(text) <= MAX_LENGTH:
                return text
        return render(_template(rule, keys[-1]), filled)
    except (KeyError, IndexError, ValueError) as error:
        raise DockgenError(f"{rule.code}'s message templates {keys} cannot be filled in: {error!r}") from error


def _template(rule: Rule, key: str) -> str:
    template = rule.messages.get(key)
    if template is None:
        raise DockgenError(f"{rule.code} has no message template {key!r}: add it to rules/{rule.code}.toml")
    return template


def _listed(rule: Rule, items: tuple[str, ...] | tuple[Message, ...]) -> str:
    """Words as `a`, `b`; the rule's own messages (each one template, filled in) as a, b."""
    return ", ".join(f"`{item}`" if isinstance(item, str) else
                     _template(rule, item.keys[0]).format_map(dict(item.values)) for item in items)


def render(template: str, values: Mapping[str, str | int]) -> str:
    """``template`` with its ``{name}`` placeholders filled in. When the result is too long, the longest value is
    cut in its middle (``https://example.com/…/setup.py``), as often as it takes, so the message keeps its fix."""
    text = template.format_map(values)
    if len(text) <= MAX_LENGTH:
        return text
    shortened = {name: str(value) for name, value in values.items()}
    cuttable = [name for name, value in shortened.items() if "`" not in value]  # not a list of words
    while len(text) > MAX_LENGTH:
        name = max(cuttable, key=lambda key: len(shortened[key]), default=None)
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
