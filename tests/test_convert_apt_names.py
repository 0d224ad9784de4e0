"""apt names on the new base's release: the rename tables against the archives, and conversions that use them.

``tests/data/apt_names.json`` is the record ``bench/apt_names.py --record`` made from the Debian trixie and Ubuntu
24.04 package lists: for each name, whether ``apt-get install NAME`` finds a package there.
"""

from __future__ import annotations

import datetime
import json
import tomllib
from pathlib import Path

import pytest

from dockgen.convert import convert_text
from dockgen.convert.knowledge import current_apt_name, map_system_package

ROOT = Path(__file__).resolve().parent.parent
RECORD = json.loads((ROOT / "tests" / "data" / "apt_names.json").read_text(encoding="utf-8"))
DATA = tomllib.loads((ROOT / "templates" / "knowledge" / "convert.toml").read_text(encoding="utf-8"))
RELEASES = ("trixie", "24.04")
RENAMES = [(table, old, entry) for table in ("debian-renamed", "debian-replaced")
           for old, entry in DATA[table].items()]


@pytest.mark.parametrize(("table", "old", "entry"), RENAMES, ids=[old for _, old, _ in RENAMES])
def test_a_rename_applies_exactly_where_the_old_name_is_gone(table: str, old: str, entry: dict[str, object]) -> None:
    gone = entry["gone-from"]
    assert isinstance(gone, list) and gone
    for release in RELEASES:
        assert RECORD[release][old] is (release not in gone), (old, release)
        for new in str(entry["to"]).split():
            assert RECORD[release][new], (new, release)  # the successor installs on both


def test_the_apt_names_other_families_map_to_exist_on_both_releases() -> None:
    names = [name for apt in DATA["system-names"] if not apt.startswith("@") for name in apt.split()]
    missing = [(name, release) for name in names for release in RELEASES if not RECORD[release][name]]
    assert not missing


def test_lookups() -> None:
    assert current_apt_name("libatlas-base-dev", "trixie") == (("libopenblas-dev",), "replaced")
    assert current_apt_name("libatlas-base-dev", "24.04") == (("libatlas-base-dev",), "")  # Ubuntu still has it
    assert current_apt_name("libgl1-mesa-glx=20.3*", "24.04") == (("libgl1",), "renamed")
    assert current_apt_name("gconf-service", "trixie") == ((), "replaced")
    assert current_apt_name("curl", "trixie") == (("curl",), "")
    assert map_system_package("libXext", "rpm", "apt") == (("libxext6",), True)
    assert map_system_package("libressl-dev", "apk", "apt") == (("libssl-dev",), True)
    assert map_system_package("ttf-dejavu", "apk", "apt") == (("fonts-dejavu-core",), True)
    assert map_system_package("fonts-dejavu-core", "apt", "apk") == (("font-dejavu",), True)


def test_a_conversion_installs_what_the_new_release_has() -> None:
    source = ("FROM python:3.9-buster\nRUN apt-get update && apt-get install -y libatlas-base-dev libgl1-mesa-glx "
              "gconf-service curl && rm -rf /var/lib/apt/lists/*\nRUN pip install numpy==1.26.4\n")
    today = datetime.date(2026, 11, 30)
    pip = convert_text(source, "Dockerfile", "pip", today).text  # python:3.11-slim-trixie
    assert "install -y --no-install-recommends libopenblas-dev libgl1 curl" in pip
    assert "libatlas-base-dev is gone from the new base's release (trixie); libopenblas-dev takes its place" in pip
    assert "gconf-service is gone" in pip
    conda = convert_text(source, "Dockerfile", "conda", today).text  # miniforge3 on Ubuntu 24.04
    assert "install -y --no-install-recommends libatlas-base-dev libgl1 curl" in conda
    kept = convert_text(source.replace("python:3.9-buster", "acme/python:3.9"), "Dockerfile", "pip", today).text
    assert "libgl1-mesa-glx" in kept  # an unknown base is kept, and so are its names


def test_pins_older_than_the_new_pythons_first_wheel_are_raised_with_a_note() -> None:
    today = datetime.date(2026, 11, 30)
    source = 'FROM python:3.7\nRUN pip install pandas==0.25.3 "numpy==1.17.3" requests==2.22.0 scipy==1.13.1\n'
    pip = convert_text(source, "Dockerfile", "pip", today).text  # Python 3.7 is past end of life: 3.11
    # PyPI: pandas' first cp311 wheel is 1.5.0, numpy's 1.23.2; requests is pure Python; scipy 1.13.1 has cp311
    assert 'pip install --no-cache-dir pandas==1.5.0 "numpy==1.23.2" requests==2.22.0 scipy==1.13.1' in pip
    assert "pandas==0.25.3 predates Python 3.11: its first release that installs there is 1.5.0" in " ".join(
        pip.replace("#", "").split())
    conda = convert_text(source, "Dockerfile", "conda", today).text
    assert "pandas=1.5.0 numpy=1.23.2" in conda
    conda_source = "FROM continuumio/miniconda3:4.7.12\nRUN conda install -y pandas=0.25.3 && conda clean -afy\n"
    converted = convert_text(conda_source, "Dockerfile", "conda", today).text
    assert "python=3.12 pandas=2.1.1" in converted  # pandas' first cp312 wheel
    unknown = convert_text("FROM acme/base:1\nRUN conda install -y numpy=1.26\n", "Dockerfile", "conda", today)
    flat = " ".join(unknown.text.replace("#", "").split())
    assert "Pinned versions written for an older Python may not install" in flat


def test_apt_commands_keep_their_meaning_on_the_new_release() -> None:
    today = datetime.date(2026, 11, 30)
    repository = ("FROM python:3.9-slim-bookworm\n"
                  "RUN apt-get update && apt-get install -y --allow-downgrades curl gnupg \\\n"
                  " && echo 'deb [signed-by=/usr/share/keyrings/ms.gpg] https://packages.microsoft.com/debian/12/prod "
                  "bookworm main' > /etc/apt/sources.list.d/mssql-release.list \\\n"
                  " && apt-get update && ACCEPT_EULA=Y apt-get install -y msodbcsql18 \\\n"
                  " && rm -rf /var/lib/apt/lists/*\n"
                  "RUN pip install requests==2.32.3\n")
    kept = convert_text(repository, "Dockerfile", "pip", today).text  # its own repository keeps the base
    run = kept[kept.index("RUN apt-get update"):]
    assert run.count("apt-get update") == 2  # the second reads the repository the RUN added
    assert "apt-get install -y --no-install-recommends --allow-downgrades curl gnupg" in run
    assert "ACCEPT_EULA=Y apt-get install -y --no-install-recommends msodbcsql18" in run
    moved = ("FROM python:3.9-slim-bookworm\n"
             "RUN apt-get update && apt-get install -y -f libcom-err2=1.47.0-2+b2 gnupg \\\n"
             " && DEBIAN_FRONTEND=noninteractive apt-get purge -y --auto-remove gnupg python3.9 python3-dev \\\n"
             " && rm -rf /var/lib/apt/lists/*\n"
             "RUN pip install requests==2.32.3\n")
    text = convert_text(moved, "Dockerfile", "pip", today).text  # python:3.11-slim-trixie
    flat = " ".join(text.replace("#", "").split())
    assert "apt-get install -y --no-install-recommends -f libcom-err2 gnupg" in text
    assert "apt version pins name versions of the old base's release (libcom-err2=1.47.0-2+b2)" in flat
    assert "DEBIAN_FRONTEND=noninteractive apt-get purge -y --auto-remove gnupg " in text  # trixie has no python3.9
    assert "the removal of python3.9, python3-dev is left out" in flat
    same = convert_text(moved.replace("python:3.9-slim-bookworm", "ubuntu:24.04"), "Dockerfile", "conda", today).text
    assert "libcom-err2=1.47.0-2+b2" in same  # the same release: its pins still exist
