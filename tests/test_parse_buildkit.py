"""The parse model's instructions and line ranges agree with BuildKit's own parser (PyPI ``dockerfile``)."""

from __future__ import annotations

import dockerfile
import pytest

from dockgen.lint.parse import parse_text

TRICKY = {
    "crlf": "FROM a:1\r\nRUN x \\\r\n  y\r\n",
    "bom": "\ufeffFROM a:1\nRUN x\n",
    "empty continuation line": "FROM a:1\nRUN x \\\n\n  y\nRUN z\n",
    "comment inside continuation": "FROM a:1\nRUN x \\\n# c\n  y\nRUN z\n",
    "doubled backslash at line end": "FROM a:1\nRUN echo \\\\\nRUN z\n",
    "a lone backslash continues (found by fuzzing)": "FROM a:1\n\\\n\nRUN x\n",
    "three backslashes at line end": "FROM a:1\nRUN a\\\\\\\nRUN z\n",
    "file ends inside continuation": "FROM a:1\nRUN x \\",
    "file ends after blank in continuation": "FROM a:1\nRUN a \\\n\n",
    "file ends after comment in continuation": "FROM a:1\nRUN a \\\n# c\n",
    "escape directive": "# escape=`\nFROM a:1\nRUN x `\n  y\nRUN z\n",
    "escape directive after a comment is a comment": "# hello\n# escape=`\nFROM a:1\nRUN a `\nRUN z\n",
    "escape directive after an instruction is a comment": "FROM a:1\n# escape=`\nRUN a `\nRUN z\n",
    "syntax and escape directives": "# syntax=docker/dockerfile:1\n# escape=`\nFROM a:1\nRUN a `\n b\n",
    "trailing whitespace after backslash": "FROM a:1\nRUN x \\  \n  y\n",
    "lone backslash": "FROM a:1\nRUN \\\n  z\n",
    "leading whitespace and lower case": "  FROM a:1\n\t run x\n",
    "onbuild continued": "FROM a:1\nONBUILD RUN x \\\n y\n",
    "heredoc": "FROM a:1\nRUN <<EOF\nFROM x\necho \\\nEOF\nRUN z\n",
    "heredoc directly followed by instruction": "FROM a:1\nRUN <<EOF\nx\nEOF\nRUN z\n",
    "heredoc with dash": "FROM a:1\nRUN <<-EOF\n\techo\n\tEOF\nRUN z\n",
    "heredoc quoted delimiter": "FROM a:1\nRUN <<\"EOF\" bash\necho $x\nEOF\nRUN z\n",
    "heredoc single-quoted delimiter": "FROM a:1\nRUN <<'EOT' sh\necho $x\nEOT\n",
    "two heredocs on one line": "FROM a:1\nRUN <<A cat && <<B cat\na\nA\nb\nB\nRUN z\n",
    "heredoc after continuation": "FROM a:1\nRUN cat \\\n <<EOF\nx\nEOF\nRUN z\n",
    "heredoc marker in quotes": "FROM a:1\nRUN echo '<<EOF'\nRUN z\n",
    "here-string is not a heredoc": "FROM a:1\nRUN cat <<<EOF\nRUN z\n",
    "copy heredoc": "FROM a:1\nCOPY <<EOF /a\nx\nEOF\n",
    "copy two heredocs": "FROM a:1\nCOPY <<A <<B /x/\na\nA\nb\nB\n",
    "add heredoc": "FROM a:1\nADD <<EOF /a\nx\nEOF\n",
    "lower-case heredoc run": "FROM a:1\nrun <<eof\nx\neof\n",
    "onbuild heredoc": "FROM a:1\nONBUILD RUN <<EOF\nx\nEOF\nRUN z\n",
    "heredoc body with comment lines": "FROM a:1\nRUN <<EOF\n# not a dockerfile comment\nls\nEOF\n",
    "cmd has no heredocs": "FROM a:1\nCMD <<EOF\n",
    "env value like a heredoc": "FROM a:1\nENV A=<<EOF\n",
    "json exec form": 'FROM a:1\nCMD ["python", "-c", "print(1)"]\n',
    "comments and blank lines between": "# a\n\nFROM a:1\n\n# b\nRUN x\n",
    "multi-stage": "FROM a:1 AS build\nRUN make\nFROM b:2\nCOPY --from=build /x /x\n",
    "run flags": "FROM a:1\nRUN --mount=type=cache,target=/root/.cache \\\n    --network=none pip install x\n",
}


def _buildkit(text: str) -> list[tuple[str, int, int]]:
    return [(c.cmd.upper() if c.sub_cmd is None else f"{c.cmd.upper()} {c.sub_cmd.upper()}", c.start_line,
             c.end_line) for c in dockerfile.parse_string(text)]


def _ours(text: str) -> list[tuple[str, int, int]]:
    parsed = parse_text(text)
    assert not parsed.problems, parsed.problems
    return [(i.keyword if i.inner is None else f"{i.keyword} {i.inner.keyword}", i.line, i.end_line)
            for i in parsed.instructions]


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_instructions_and_lines_match_buildkit(text: str) -> None:
    try:
        expected = _buildkit(text)
    except dockerfile.GoParseError:
        pytest.fail("BuildKit rejects this input; it does not belong in this list")
    if any(keyword not in {"FROM", "RUN", "CMD", "COPY", "ADD", "ENV", "ONBUILD RUN"} for keyword, *_ in expected):
        # BuildKit turns an unsupported heredoc body into instructions; we report those as DG001 instead.
        assert parse_text(text).problems
        return
    assert _ours(text) == expected


def test_run_text_matches_buildkit_value() -> None:
    for text in TRICKY.values():
        bk_runs = [c.value[0] for c in dockerfile.parse_string(text) if c.cmd.upper() == "RUN" and not c.json]
        ours = [i.args for i in parse_text(text).instructions if i.keyword == "RUN" and i.json_args is None]
        if len(bk_runs) == len(ours):
            assert ours == [value.strip() for value in bk_runs], text


def test_heredoc_bodies_match_buildkit() -> None:
    for text in TRICKY.values():
        expected = [[h.content for h in c.heredocs] for c in dockerfile.parse_string(text) if c.heredocs]
        ours = [[h.body for h in i.heredocs] for i in parse_text(text).instructions if i.heredocs]
        assert ours == expected, text


@pytest.mark.parametrize("text", [
    "FROM a:1\nRUN <<EOF\necho\n",
    "FROM a:1\nFOO bar\n",
    "",
    "\n\n  \n",
    "# only a comment\n",
    "FROM a:1\nONBUILD\n",
])
def test_unbuildable_files_are_problems_not_exceptions(text: str) -> None:
    assert parse_text(text).problems


def test_unterminated_heredoc_is_rejected_by_buildkit_too() -> None:
    with pytest.raises(dockerfile.GoParseError):
        dockerfile.parse_string("FROM a:1\nRUN <<EOF\necho\n")


def test_stages_aliases_and_arg_resolved_images() -> None:
    parsed = parse_text("ARG PY=3.12\nARG BASE\nFROM python:${PY}-slim AS build\nFROM build\nFROM ${BASE}\n")
    assert [s.alias for s in parsed.stages] == ["build", None, None]
    assert parsed.stages[0].image.tag == "3.12-slim"
    assert parsed.stages[0].image.raw == "python:${PY}-slim"
    assert parsed.stages[1].image.name == "build"
    assert parsed.global_args == {"PY": "3.12", "BASE": None}


@pytest.mark.parametrize(("text", "registry", "name", "tag", "digest"), [
    ("python:3.12-slim", None, "python", "3.12-slim", None),
    ("docker.io/library/python:3.12", "docker.io", "library/python", "3.12", None),
    ("localhost:5000/app", "localhost:5000", "app", None, None),
    ("ghcr.io/o/app@sha256:abc", "ghcr.io", "o/app", None, "sha256:abc"),
    ("nvidia/cuda:12.6.3-runtime-ubuntu24.04", None, "nvidia/cuda", "12.6.3-runtime-ubuntu24.04", None),
])
def test_image_reference_split(text: str, registry: str | None, name: str, tag: str | None,
                               digest: str | None) -> None:
    from dockgen.lint.parse import image_ref

    image = image_ref(text, {})
    assert (image.registry, image.name, image.tag, image.digest) == (registry, name, tag, digest)


def test_comments_and_pragmas_are_recorded() -> None:
    parsed = parse_text("# hadolint global ignore=DL3008\nFROM a:1\n# dockgen ignore=DG302 # why\nRUN x\n")
    assert [(p.line, p.scope, sorted(p.codes)) for p in parsed.pragmas] == [
        (1, "global", ["DL3008"]), (3, "next", ["DG302"])]
