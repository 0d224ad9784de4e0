"""The converter's data file, read into typed records: what it says, and errors that name the table and key."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dockgen._resources import data_dir
from dockgen.convert.knowledge import distro_python, image_facts, map_system_package
from dockgen.convert.knowledge_data import read_convert_data
from dockgen.errors import DockgenError
from dockgen.lint.model import ImageRef

SHIPPED = (data_dir("templates") / "knowledge" / "convert.toml").read_text(encoding="utf-8")


def _image(raw: str) -> ImageRef:
    name, _, tag = raw.partition(":")
    return ImageRef(raw=raw, registry=None, name=name, tag=tag or None, digest=None)


def test_the_shipped_file_reads_into_records() -> None:
    data = read_convert_data(SHIPPED)
    micromamba = next(known for known in data.images if known.pattern == "mambaorg/micromamba")
    assert micromamba.facts.account is not None and micromamba.facts.account.uid == 57439
    assert data.system_names["build-essential"]["rpm"] == ("gcc gcc-c++ make",)  # one string: several packages
    assert data.system_names["libssl-dev"]["apk"] == ("openssl-dev", "libressl-dev")  # a list: alternatives


def test_queries_read_the_records() -> None:
    assert distro_python(_image("ubuntu:20.04")) == "3.8"
    assert map_system_package("build-essential", "apt", "rpm") == (("gcc", "gcc-c++", "make"), True)
    assert map_system_package("openssl-dev", "apk", "apt") == (("libssl-dev",), True)
    python = image_facts(_image("python:3.12-alpine"))
    assert python is not None and python.family == "apk"
    windows = image_facts(_image("mcr.microsoft.com/windows/servercore:ltsc2022"))
    assert windows is not None and windows.kind == "windows"


Change = Callable[[str], str]


@pytest.mark.parametrize(("change", "message"), [
    (lambda text: text.replace('kind = "python"\nfamily = "tag"', 'kind = "python"\nfamilly = "tag"', 1),
     "[[image]] #1: missing key 'family'"),
    (lambda text: text.replace('pattern = "python"\n', 'pattern = "python"\ncommand = "python app.py"\n', 1),
     "[[image]] #1: command must be a list, not a string"),
    (lambda text: text.replace("[system-drop]", "[system-drop]\ndnf = 3", 1),
     "[system-drop]: dnf must be a list, not an integer"),
    (lambda text: text.replace("[programs]", "[programs]\nfoo = { apt = 1 }", 1),
     "[programs] [foo]: apt must be a string, not an integer"),
    (lambda text: text + '\n[unknown-table]\nx = "y"\n', "unknown key 'unknown-table'"),
    (lambda text: text.replace('family = "tag"', 'family = "deb"', 1), "family must be one of apt, apk, rpm or tag"),
])
def test_a_broken_file_is_an_error_naming_table_and_key(change: Change, message: str) -> None:
    with pytest.raises(DockgenError) as raised:
        read_convert_data(change(SHIPPED), "convert.toml")
    assert str(raised.value).startswith("convert.toml")
    assert message in str(raised.value)
