"""templates/bases.toml read into typed records: what it says, and errors that name the table and key."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dockgen._resources import data_dir
from dockgen.errors import DockgenError
from dockgen.generator.catalog import read_catalog

SHIPPED = (data_dir("templates") / "bases.toml").read_text(encoding="utf-8")


def test_the_shipped_file_reads_into_records() -> None:
    catalog = read_catalog(SHIPPED, "bases.toml")
    slim = catalog.bases["python-slim"]
    assert slim.reference("3.12", slim.releases[0]) == "python:3.12-slim-trixie"
    assert catalog.bases["debian-slim"].apt_python["bookworm"] == "3.11"
    assert catalog.default_base("pip") is slim
    assert catalog.cuda == "13.0" and catalog.uv.count(".") == 2


@pytest.mark.parametrize(("change", "message"), [
    (lambda text: text.replace('releases = ["trixie", "bookworm"]', 'release = ["trixie", "bookworm"]', 1),
     "[[base]] #1: missing key 'releases'"),
    (lambda text: text.replace('user = "root"', "user = 0", 1), "[[base]] #1: user must be a string, not an integer"),
    (lambda text: text.replace('default-for = "pip"', 'default-for = "pip"\ndefault_for = "pip"', 1),
     "[[base]] #1: unknown key 'default_for'"),
    (lambda text: text.replace('cuda = "13.0"', "cuda = 13.0", 1), "cuda must be a string"),
    (lambda text: text.replace('uv = "', 'uv = "latest', 1), "[tools]: uv must be a plain version"),
])
def test_a_broken_file_is_an_error_naming_table_and_key(change: Callable[[str], str], message: str) -> None:
    with pytest.raises(DockgenError) as raised:
        read_catalog(change(SHIPPED), "bases.toml")
    assert str(raised.value).startswith("bases.toml")
    assert message in str(raised.value)
