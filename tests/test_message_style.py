"""Every message of every rule follows one style (CONTRIBUTING.md, "Messages"): it says what is wrong with the thing
found, naming it in backquotes; it starts with a capital letter or a backquoted name, has no final full stop and is
at most 120 characters after substitution. The why is the rule's `rationale`, not the message.

Every bad example of every rule (as tests/test_rule_examples.py runs them) is linted and each message checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dockgen import lint_text
from dockgen.lint.rules import Rule, all_rules
from dockgen.lint.rules_doc import Example, rule_docs
from tests.conftest import example_settings

MAX_LENGTH = 120

# Rules that report one specific thing: their message must name it, in backquotes, as the Dockerfile writes it (a
# backquoted part of the message that occurs in the example's text).
NAMED = {
    "DL3006": "image", "DL3007": "image", "DL3008": "package", "DL3013": "package", "DL3016": "package",
    "DL3018": "package", "DL3026": "registry", "DL3029": "flag", "DL3048": "label",
    "DL3050": "label", "DL3051": "label", "DL3052": "label", "DL3053": "label", "DL3054": "label",
    "DL3055": "label", "DL3056": "label", "DL3058": "label", "DL3064": "variable",
    "DG101": "image", "DG102": "image", "DG103": "image", "DG104": "package", "DG105": "image",
    "DG203": "package", "DG204": "package", "DG205": "package", "DG206": "variable", "DG207": "package",
    "DG208": "package", "DG209": "flag", "DG210": "package", "DG214": "program", "DG215": "file",
    "DG301": "command", "DG302": "program", "DG303": "command", "DG305": "package", "DG309": "environment",
    "DG310": "installer", "DG401": "stage", "DG402": "keyword", "DG404": "keyword", "DG405": "stage",
    "DG406": "stage", "DG409": "variable", "DG410": "directory", "DG411": "variable", "DG413": "instruction",
    "DG415": "variable", "DG417": "flag", "DG418": "path", "DG420": "port", "DG421": "port", "DG501": "url",
    "DG504": "flag", "DG506": "file", "DG508": "file", "DG509": "command",
    "DG002": "code", "DG003": "code", "DG201": "command", "DG212": "image", "DG213": "flag", "DG306": "command",
    "DG307": "command", "DG308": "command", "DG407": "instruction", "DG408": "instruction", "DG412": "instruction",
    "DG414": "flag", "DG419": "name",
    "DL1001": "pragma", "DL3000": "path", "DL3001": "command", "DL3002": "user", "DL3003": "command",
    "DL3004": "command", "DL3009": "command", "DL3010": "archive", "DL3011": "port", "DL3014": "command",
    "DL3015": "command", "DL3019": "command", "DL3020": "source", "DL3021": "destination", "DL3022": "stage",
    "DL3023": "stage", "DL3024": "stage", "DL3025": "instruction", "DL3027": "command", "DL3028": "gem",
    "DL3030": "command", "DL3032": "command", "DL3033": "package", "DL3034": "command", "DL3035": "command",
    "DL3036": "command", "DL3037": "package", "DL3038": "command", "DL3040": "command", "DL3041": "package",
    "DL3042": "command", "DL3043": "instruction", "DL3044": "variable", "DL3045": "destination",
    "DL3046": "command", "DL3047": "command", "DL3057": "stage", "DL3060": "command",
    "DL3061": "instruction", "DL3062": "module", "DL3063": "stage", "DL3065": "flag", "DL3066": "user",
    "DL3067": "stage", "DL4000": "instruction", "DL4001": "command", "DL4005": "command",
}

CASES = [(rule, example) for rule in all_rules().values() for example in rule_docs(rule.code).examples
         if example.kind == "bad"]


def style_problems(message: str) -> list[str]:
    """What is wrong with one message's form (empty when nothing is)."""
    problems = []
    if len(message) > MAX_LENGTH:
        problems.append(f"{len(message)} characters (at most {MAX_LENGTH})")
    if not message or not (message[0].isupper() or message[0] == "`"):
        problems.append("starts with neither a capital letter nor a backquoted name")
    if message.endswith("."):
        problems.append("ends with a full stop")
    return problems


def names_the_thing(message: str, dockerfile: str) -> bool:
    """A backquoted part of the message (or, for `a=b`, its left side) occurs in the Dockerfile's text."""
    for quoted in re.findall(r"`([^`]+)`", message):
        pieces = [quoted, quoted.lstrip("$"), quoted.partition("=")[0], quoted.rsplit("/", 1)[-1], *quoted.split()]
        if any(piece and piece.lower() in dockerfile.lower() for piece in pieces):
            return True
    return False


def _messages(rule: Rule, example: Example, tmp_path: Path) -> list[str]:
    location = None
    if example.files is not None:
        (tmp_path / ".git").mkdir()
        for name, content in example.files.items():
            (tmp_path / name).write_text(content)
        location = tmp_path / "Dockerfile"
    settings = example_settings(rule.code, example.config)
    found = lint_text(example.dockerfile.lstrip("\n"), settings, None, location)
    return [finding.message for finding in found if finding.code == rule.code]


@pytest.mark.parametrize(("rule", "example"), CASES,
                         ids=[f"{r.code}-{i}" for i, (r, e) in enumerate(CASES)])
def test_message_style(rule: Rule, example: Example, tmp_path: Path) -> None:
    messages = _messages(rule, example, tmp_path)
    assert messages, f"{rule.code} {example.title!r} reported nothing"
    for message in messages:
        assert not style_problems(message), f"{rule.code}: {message!r}: {style_problems(message)}"
        if rule.code in NAMED:
            assert names_the_thing(message, example.dockerfile), \
                f"{rule.code}: {message!r} does not name the {NAMED[rule.code]} it found"


def test_named_rules_exist() -> None:
    assert set(NAMED) <= set(all_rules())


def test_summaries_follow_the_style() -> None:
    """A summary is the message of a hit that gives none: it follows the same style."""
    for rule in all_rules().values():
        assert not style_problems(rule.summary), f"{rule.code}: {rule.summary!r}: {style_problems(rule.summary)}"
