"""Messages from templates: placeholders filled in, and long values cut so the message keeps its bound."""

from __future__ import annotations

from dockgen.lint.messages import MAX_LENGTH, middle_cut, render


def test_a_short_message_is_the_template_filled_in() -> None:
    assert render("`{gem}` is unpinned in gem install", {"gem": "rake"}) == "`rake` is unpinned in gem install"


def test_numbers_are_values_too() -> None:
    assert render("`{package}` and {more} more", {"package": "curl", "more": 2}) == "`curl` and 2 more"


def test_middle_cut_keeps_both_ends() -> None:
    assert middle_cut("abcdefghij", 5) == "ab…ij"
    assert middle_cut("abcdefghij", 6) == "ab…hij"
    assert middle_cut("abc", 5) == "abc"


def test_a_long_value_is_cut_so_the_fix_stays() -> None:
    url = "https://raw.githubusercontent.com/" + "x" * 100 + "/wee_slack.py"
    message = render("`{url}` is fetched without a checksum: add `--checksum=sha256:...`", {"url": url})
    assert len(message) == MAX_LENGTH
    assert message.startswith("`https://raw.githubusercontent")
    assert message.endswith("/wee_slack.py` is fetched without a checksum: add `--checksum=sha256:...`")
    assert "…" in message


def test_a_value_written_twice_is_cut_in_both_places() -> None:
    image = "registry.example.com/" + "a" * 80 + "/base"
    message = render("`{image}` has no tag: pin `{image}:<version>`", {"image": image})
    assert len(message) <= MAX_LENGTH
    assert message.count("…") == 2


def test_the_longest_value_is_cut_first() -> None:
    message = render("{a} {b}", {"a": "a" * 30, "b": "b" * 100})
    assert len(message) == MAX_LENGTH
    assert message.startswith("a" * 30 + " b")


def test_short_values_are_never_cut_to_nothing() -> None:
    template = "x" * 150 + " {word}"
    assert render(template, {"word": "curl"}) == template.replace("{word}", "curl")
