"""``dockgen lint --fix``: what is written, what is kept, and what happens when a file cannot be written."""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

import pytest

from tests.test_cli import run

BROKEN = "from python:3.12-slim as build\r\n# keep me\r\nRun pip install x==1\r\nENV A b\r\n"
SAFE_FIXED = "FROM python:3.12-slim AS build\r\n# keep me\r\nRUN pip install x==1\r\nENV A=b\r\n"
UNSAFE_FIXED = "FROM python:3.12-slim AS build\r\n# keep me\r\nRUN pip install --no-cache-dir x==1\r\nENV A=b\r\n"


def test_fix_writes_safe_fixes_and_keeps_line_endings_comments_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(BROKEN.encode())
    path.chmod(0o640)
    result = run("lint", "--fix", "Dockerfile", cwd=tmp_path)
    assert path.read_bytes() == SAFE_FIXED.encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "fixed 4 findings in 1 file"  # from, as, Run, ENV in result.stderr
    assert "DL3042" in result.stdout  # what is left is reported
    run("lint", "--fix", "--unsafe-fixes", "Dockerfile", cwd=tmp_path)
    assert path.read_bytes() == UNSAFE_FIXED.encode()
    before = path.stat().st_mtime_ns
    again = run("lint", "--fix", "--unsafe-fixes", "Dockerfile", cwd=tmp_path)
    assert path.stat().st_mtime_ns == before and "fixed" not in again.stderr  # nothing to do: not rewritten


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_encoding_and_bom_are_kept(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(bom + "FROM python:3.12-slim as b\nLABEL note=\"café\"\n".encode(encoding))
    run("lint", "--fix", "Dockerfile", cwd=tmp_path)
    assert path.read_bytes() == bom + "FROM python:3.12-slim AS b\nLABEL note=\"café\"\n".encode(encoding)


def test_a_second_bom_character_is_kept(tmp_path: Path) -> None:
    """A UTF-8 BOM followed by another U+FEFF: the decoder takes the first, the parser reads past the second, and
    the fixed file keeps both."""
    path = tmp_path / "Dockerfile"
    path.write_bytes(codecs.BOM_UTF8 * 2 + b"FROM python:3.12-slim\nMAINTAINER me\n")
    run("lint", "--fix", "--unsafe-fixes", "Dockerfile", cwd=tmp_path)
    fixed = b'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="me"\n'
    assert path.read_bytes() == codecs.BOM_UTF8 * 2 + fixed



def test_diff_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(BROKEN.encode())
    result = run("lint", "--diff", "--unsafe-fixes", "Dockerfile", cwd=tmp_path)
    assert result.returncode == 1 and path.read_bytes() == BROKEN.encode()
    assert "-Run pip install x==1\n-ENV A b\n+RUN pip install --no-cache-dir x==1\n+ENV A=b" in result.stdout
    clean = tmp_path / "clean.Dockerfile"
    clean.write_text(SAFE_FIXED)
    assert run("lint", "--diff", "clean.Dockerfile", cwd=tmp_path).returncode == 0


def test_stdin_prints_the_fixed_text_and_reports_on_stderr(tmp_path: Path) -> None:
    result = run("lint", "--fix", "-", cwd=tmp_path, stdin=BROKEN.encode())
    assert result.stdout == SAFE_FIXED.replace("\r\n", "\n")  # text mode reads CRLF as LF
    assert "DL3042" in result.stderr


def test_read_only_file_is_left_alone_and_others_are_fixed(tmp_path: Path) -> None:
    locked, other = tmp_path / "a.Dockerfile", tmp_path / "b.Dockerfile"
    locked.write_text(BROKEN)
    other.write_text(BROKEN)
    locked.chmod(0o444)
    result = run("lint", "--fix", "a.Dockerfile", "b.Dockerfile", cwd=tmp_path)
    assert result.returncode == 2 and "a.Dockerfile: not written, the file is read-only" in result.stderr
    assert locked.read_bytes() == BROKEN.encode() and other.read_bytes() != BROKEN.encode()


def test_a_file_that_changes_or_disappears_is_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dockgen.errors import DockgenError
    from dockgen.files.writing import write_atomically

    path = tmp_path / "Dockerfile"
    path.write_text("FROM a\n")
    with pytest.raises(DockgenError, match="changed while dockgen was fixing it"):
        write_atomically(path, b"FROM b\n", b"FROM old\n")
    assert path.read_text() == "FROM a\n"
    path.unlink()
    with pytest.raises(DockgenError, match="it is gone"):
        write_atomically(path, b"FROM b\n", b"FROM a\n")
    assert not path.exists() and not list(tmp_path.iterdir())  # no temporary file left behind
