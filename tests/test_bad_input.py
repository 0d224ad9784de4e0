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


def _self_loop_in_folder(folder: Path) -> str:
    """`ln -s self.Dockerfile self.Dockerfile` inside a searched folder (a RuntimeError from pathlib before)."""
    (folder / "looped").mkdir()
    (folder / "looped" / "self.Dockerfile").symlink_to("self.Dockerfile")
    return "looped"


def _dangling(folder: Path) -> str:
    (folder / "dangling.Dockerfile").symlink_to("nothing-here")
    return "dangling.Dockerfile"


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
    ("symlink loop", _loop, 2, "a.Dockerfile: Too many levels of symbolic links"),
    ("symlink to itself in a searched folder", _self_loop_in_folder, 2,
     f"{os.path.join('looped', 'self.Dockerfile')}: Too many levels of symbolic links"),
    ("dangling symlink named", _dangling, 2, "dangling.Dockerfile: No such file or directory"),
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
    from dockgen.generator.generate import _environment

    loader = _environment().loader
    assert loader is not None and list(loader.searchpath) == [str(data_dir("templates"))]  # type: ignore[attr-defined]


def _unreadable(folder: Path) -> str:
    (folder / "secret.Dockerfile").write_text(GOOD)
    (folder / "secret.Dockerfile").chmod(0)
    return "secret.Dockerfile"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
@pytest.mark.parametrize("fix", [False, True], ids=["lint", "fix"])
def test_unreadable_file_named_on_the_command_line(tmp_path: Path, fix: bool) -> None:
    """chmod 000: one line naming the file, the other file still linted, exit 2 at the end."""
    (tmp_path / "good.Dockerfile").write_text(GOOD)
    bad = _unreadable(tmp_path)
    result = run("lint", "-f", "json", *(["--fix"] if fix else []), bad, "good.Dockerfile", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == ["dockgen: error: secret.Dockerfile: Permission denied"]
    assert ("good.Dockerfile", 2, "DL4000") in [(r["file"], r["line"], r["code"]) for r in json.loads(result.stdout)]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any folder")
def test_unreadable_folder_in_a_searched_folder(tmp_path: Path) -> None:
    (tmp_path / "good.Dockerfile").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "Dockerfile").write_text(GOOD)
    (tmp_path / "locked").chmod(0)
    try:
        result = run("lint", "-f", "json", ".", cwd=tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert "locked: Permission denied" in result.stderr and "Traceback" not in result.stderr
    assert ("good.Dockerfile", 2, "DL4000") in [(r["file"], r["line"], r["code"]) for r in json.loads(result.stdout)]


def test_permission_denied_is_one_line_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The same path as chmod 000 for a user who cannot read the file, made to happen for root too: opening
    the file fails with EACCES."""
    import builtins
    import errno

    from dockgen.cli import main

    (tmp_path / "good.Dockerfile").write_text(GOOD)
    (tmp_path / "secret.Dockerfile").write_text(GOOD)
    real_open = builtins.open

    def refusing_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("secret.Dockerfile"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(builtins, "open", refusing_open)
    code = main(["lint", "-f", "json", "--isolated", "secret.Dockerfile", "good.Dockerfile"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.strip().splitlines() == ["dockgen: error: secret.Dockerfile: Permission denied"]
    assert [(r["file"], r["code"]) for r in json.loads(out)] == [("good.Dockerfile", "DL4000")]


def test_folder_that_cannot_be_listed_is_one_line_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """What chmod 000 on a sub-folder does for a user, made to happen for root too: listing it fails."""
    import errno

    from dockgen.cli import main

    (tmp_path / "good.Dockerfile").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "Dockerfile").write_text(GOOD)
    real_scandir = os.scandir

    def refusing_scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "scandir", refusing_scandir)
    code = main(["lint", "-f", "json", "--isolated", "."])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.strip().splitlines() == ["dockgen: error: locked: Permission denied"]
    assert [(r["file"], r["code"]) for r in json.loads(out)] == [("good.Dockerfile", "DL4000")]


def test_file_in_a_folder_that_cannot_be_searched_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`locked/Dockerfile` where `locked` is chmod 000 for a user: even stat() fails with EACCES, for the file and
    for the configuration files looked for beside it."""
    import errno

    from dockgen.cli import main

    (tmp_path / "good.Dockerfile").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "Dockerfile").write_text(GOOD)
    real_stat = os.stat

    def refusing_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if f"locked{os.sep}" in os.fspath(path):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))  # type: ignore[arg-type]
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(os, "stat", refusing_stat)
    code = main(["lint", "-f", "json", os.path.join("locked", "Dockerfile"), "good.Dockerfile"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.strip().splitlines() == [f"dockgen: error: {os.path.join('locked', 'Dockerfile')}: Permission denied"]
    assert [(r["file"], r["code"]) for r in json.loads(out)] == [("good.Dockerfile", "DL4000")]
