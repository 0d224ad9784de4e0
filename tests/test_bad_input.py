"""The bad-input matrix, through the CLI: each bad input gets a clear message and the right exit code, the good
file beside it is still linted, and nothing is written (also with --fix)."""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_cli import run

GOOD = "FROM python:3.12-slim\nMAINTAINER someone\nUSER 10001\n"  # one DL4000 finding, to see it was linted


def _write(name: str, data: bytes) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        return name
    return make


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.Dockerfile")
    return "pipe.Dockerfile"


def _loop(folder: Path) -> str:
    (folder / "a.Dockerfile").symlink_to("b.Dockerfile")
    (folder / "b.Dockerfile").symlink_to("a.Dockerfile")
    return "a.Dockerfile"


def _vanished(folder: Path) -> str:
    """A Dockerfile that the folder search finds and that is gone when it is read (a dangling link)."""
    (folder / "gone").mkdir()
    (folder / "gone" / "Dockerfile").symlink_to("deleted-meanwhile")
    return "gone"


def _config(relative: str, content: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / "sub").mkdir()
        (folder / "sub" / relative).write_text(content)
        (folder / "sub" / "Dockerfile").write_text(GOOD)
        return "sub/Dockerfile"
    return make


# (name, make the bad input, expected exit code, text expected in stderr or in the findings)
CASES = [
    ("empty", _write("empty.Dockerfile", b""), 1, "DG001"),
    ("whitespace only", _write("blank.Dockerfile", b"  \n\t\n"), 1, "DG001"),
    ("binary", _write("bin.Dockerfile", b"\x7fELF\x02\x01\x00\x00"), 1, "binary content"),
    ("invalid UTF-8", _write("latin.Dockerfile", b"FROM debian\nLABEL a=\xe9t\xe9\n"), 1, "not valid UTF-8"),
    ("UTF-16 with BOM", _write("u16.Dockerfile", codecs.BOM_UTF16_LE + "FROM debian:13\nUSER 1\n".encode("utf-16-le")),
     1, "DL4000"),
    ("50 MB file", _write("huge.Dockerfile", b"FROM debian:13\n" + b"RUN echo x\n" * 4_800_000), 2,
     "larger than 10 MiB"),
    ("folder without Dockerfiles", lambda folder: (folder / "emptydir").mkdir() or "emptydir", 1,
     "no Dockerfiles found"),
    ("missing path", lambda folder: "nowhere/Dockerfile", 2, "No such file or directory"),
    ("unreadable (a pipe)", _fifo, 2, "not a regular file"),
    ("symlink loop", _loop, 2, "Too many levels of symbolic links"),
    ("deleted between discovery and read", _vanished, 2, "No such file or directory"),
    ("config with a wrong type", _config(".dockgen.toml", 'strict-labels = "yes"\n'), 2,
     "strict-labels must be true or false"),
    ("config with an unknown key", _config(".dockgen.toml", 'ignores = ["DL3008"]\n'), 2,
     "unknown setting 'ignores'"),
    (".hadolint.yaml that is not YAML", _config(".hadolint.yaml", "ignored: [DL3008\n"), 2, "not valid YAML"),
]


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    state: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        try:
            state[str(path)] = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        except OSError:
            state[str(path)] = None
    return state


@pytest.mark.parametrize(("name", "make", "code", "message"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("fix", [False, True], ids=["lint", "fix"])
def test_bad_input(tmp_path: Path, name: str, make: Callable[[Path], str], code: int, message: str,
                   fix: bool) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "good.Dockerfile").write_text(GOOD)
    bad = make(tmp_path)
    before = _snapshot(tmp_path)
    result = run("lint", "-f", "json", *(["--fix"] if fix else []), bad, "good.Dockerfile", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == code, result.stderr
    rows = json.loads(result.stdout)
    assert ("good.Dockerfile", 2, "DL4000") in [(r["file"], r["line"], r["code"]) for r in rows]  # still linted
    assert message in result.stderr + " ".join(f"{r['code']} {r['message']}" for r in rows)
    after = _snapshot(tmp_path)
    changed = [path for path in after if before.get(path) != after[path] and not path.endswith("good.Dockerfile")]
    assert not changed, changed  # nothing but the good file may be written, and only with --fix


def test_yaml_tags_that_run_code_are_refused(tmp_path: Path) -> None:
    """Both YAML readers use safe loading: a python/object tag is an error, and nothing runs."""
    marker = tmp_path / "ran"
    payload = f'!!python/object/apply:os.system ["touch {marker}"]\n'
    (tmp_path / ".hadolint.yaml").write_text(f"ignored: {payload}")
    (tmp_path / "Dockerfile").write_text(GOOD)
    result = run("lint", "Dockerfile", cwd=tmp_path)
    assert result.returncode == 2 and "not valid YAML" in result.stderr
    (tmp_path / "environment.yml").write_text(f"name: x\ndependencies:\n  - {payload}")
    generated = run("new", "--manager", "conda", "--env", "environment.yml", cwd=tmp_path)
    assert generated.returncode == 2 and "Traceback" not in generated.stderr
    assert not marker.exists()


def test_templates_come_only_from_the_package() -> None:
    from dockgen._resources import data_dir
    from dockgen.generate import _environment

    loader = _environment().loader
    assert loader is not None and list(loader.searchpath) == [str(data_dir("templates"))]  # type: ignore[attr-defined]
