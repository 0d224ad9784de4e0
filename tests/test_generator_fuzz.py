"""Generator safety under random hostile input: every output is either refused (DockgenError, exit 2 in the CLI)
or has exactly the instructions the template writes, with the input only as quoted data."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dockgen.errors import DockgenError
from dockgen.files.inputs import read_environment, read_requirements
from dockgen.generator.generate import generate
from dockgen.generator.recipe import Request
from dockgen.lint.parse import parse_text

PIECES = list("ab1=.-_ ;&|`$(){}[]<>'\"\\\n\r\t#%!*?~^,:/@\x00") + ["RUN ", "{{", "{%", "\nUSER ", "spacy"]
NASTY = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True)


def _keywords(text: str) -> list[str]:
    parsed = parse_text(text)
    assert not parsed.problems, text
    return [i.keyword for i in parsed.instructions]


BASELINE = _keywords(generate(Request(packages=("spacy", "unknown-thing==1.0"), copies=("a.py:/app/a.py",),
                                      cmd="python a.py")))


def _safe(request: Request) -> None:
    try:
        text = generate(request)
    except DockgenError:
        return
    keywords = _keywords(text)
    assert keywords.count("USER") <= 1 and "ADD" not in keywords and keywords.count("CMD") <= 1, keywords
    assert "{{" not in text and "{%" not in text.replace("# {%", "")


@SETTINGS
@given(NASTY)
def test_package_specs(spec: str) -> None:
    _safe(Request(packages=("spacy", spec)))


@SETTINGS
@given(NASTY)
def test_versions(version: str) -> None:
    _safe(Request(packages=(f"numpy=={version}",)))


@SETTINGS
@given(NASTY)
def test_cmd(cmd: str) -> None:
    try:
        text = generate(Request(packages=("spacy",), cmd=cmd))
    except DockgenError:
        return
    assert _keywords(text) == [k for k in BASELINE if k != "COPY"], text  # CMD is one JSON instruction


@SETTINGS
@given(NASTY, NASTY)
def test_copies(source: str, destination: str) -> None:
    _safe(Request(packages=("spacy",), copies=(f"{source}:{destination}",)))


@SETTINGS
@given(st.lists(NASTY, max_size=5))
def test_requirements_files(lines: list[str]) -> None:
    try:
        requirements = read_requirements_text("\n".join(lines))
    except DockgenError:
        return
    _safe(Request(requirements=requirements))


@SETTINGS
@given(NASTY, NASTY)
def test_environment_files(channel: str, dependency: str) -> None:
    text = f"name: x\nchannels:\n  - {channel!r}\ndependencies:\n  - {dependency!r}\n  - pip:\n    - {dependency!r}\n"
    try:
        environment = read_environment_text(text)
    except DockgenError:
        return
    _safe(Request(manager="conda", environment=environment))


def read_requirements_text(text: str):  # type: ignore[no-untyped-def]
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "requirements.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return read_requirements(path, context=Path(folder))


def read_environment_text(text: str):  # type: ignore[no-untyped-def]
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "environment.yml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return read_environment(path, context=Path(folder))
