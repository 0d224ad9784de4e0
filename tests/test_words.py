"""dockgen's word splitter against dockerfile-parse's WordSplitter, the reference it replaces for speed."""

from __future__ import annotations

import random

import pytest
from dockerfile_parse.util import WordSplitter

from dockgen.lint.words import dequote, split_words

ALPHABET = ["a", "b", "=", " ", "\t", "\n", "\x0b", "\xa0", '"', "'", "\\", "é", "$"]


@pytest.mark.parametrize("seed", range(4))
def test_same_words_as_dockerfile_parse(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14)))
        assert split_words(text) == [w for w in WordSplitter(text).split() if w is not None], repr(text)
        assert split_words(text, dequote=False) == [
            w for w in WordSplitter(text).split(dequote=False) if w is not None], repr(text)
        assert dequote(text) == WordSplitter(text).dequote(), repr(text)


@pytest.mark.parametrize(("text", "expected"), [
    ('a "b c" d', ["a", "b c", "d"]),
    ("'x\\y' \"q\\\"r\" s\\ t", ["x\\y", 'q"r', "s t"]),  # checked by hand against BuildKit's word rules
    ('k="" v', ["k=", "v"]),
])
def test_examples(text: str, expected: list[str]) -> None:
    assert split_words(text) == expected
