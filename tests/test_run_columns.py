"""RUN findings about one word point at it: the line, column and end column of the word as written (quotes kept),
through line continuations, heredoc bodies and ONBUILD. Every expected position below was counted by hand on the
source text (columns are 1-based, the end column is just past the word). hadolint reports all of these at column 1
of the instruction's first line; we deliberately point at the word."""

from __future__ import annotations

import pytest

from dockgen import lint_text
from dockgen.lint.engine import Settings
from dockgen.lint.parse import parse_text

# (Dockerfile, code, (line, column, end_line, end_column), the text at that place)
CASES = [
    ("FROM debian:13\nRUN apt-get install -y curl\n", "DL3008", (2, 24, 2, 28), "curl"),
    ("FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    ca-certificates \\\n"
     "    curl=8.1 \\\n && rm -rf /var/lib/apt/lists/*\n", "DL3008", (3, 5, 3, 20), "ca-certificates"),
    ("FROM python:3.12-slim\nRUN pip install --no-cache-dir \"flask\" requests==2.32.3\n", "DL3013", (2, 32, 2, 39),
     '"flask"'),
    ("FROM python:3.12-slim\nRUN <<EOF\nset -e\n  pip install --no-cache-dir flask\nEOF\n", "DL3013",
     (4, 30, 4, 35), "flask"),
    ("FROM debian:13\nONBUILD RUN apt-get install -y curl\n", "DL3008", (2, 32, 2, 36), "curl"),
    ("FROM debian:13\r\nRUN\tapt-get install -y \\\r\n\tcurl\r\n", "DL3008", (3, 2, 3, 6), "curl"),
    ("# escape=`\nFROM debian:13\nRUN apt-get install -y `\n  curl\n", "DL3008", (4, 3, 4, 7), "curl"),
    ("FROM debian:13\nRUN sudo apt-get update\n", "DL3004", (2, 5, 2, 9), "sudo"),
    ("FROM debian:13\nRUN env A=1 sudo -u app make\n", "DL3004", (2, 13, 2, 17), "sudo"),
    ("FROM debian:13\nRUN make && cd /app && make install\n", "DL3003", (2, 13, 2, 15), "cd"),
    ("FROM python:3.12-slim\nRUN python -m pip install flask==3.0.3\n", "DL3042", (2, 5, 2, 11), "python"),
    ("FROM alpine:3.21\nRUN apk add --no-cache curl=8.11.1-r0 git\n", "DL3018", (2, 39, 2, 42), "git"),
    ("FROM node:22\nRUN npm install -g typescript@5.6.3 eslint\n", "DL3016", (2, 37, 2, 43), "eslint"),
    ("FROM debian:13\nRUN echo \"$(wget https://example.com/x)\" && curl -fsS https://example.com/y\n", "DL4001",
     (2, 13, 2, 17), "wget"),
    ("FROM continuumio/miniconda3:24.9.2-0\nRUN conda install -y -c conda-forge numpy=2.1 pandas\n", "DG305",
     (2, 47, 2, 53), "pandas"),
    ("FROM python:3.12-slim\nRUN pip install --no-cache-dir --trusted-host pypi.org flask==3.0.3\n", "DG504",
     (2, 32, 2, 46), "--trusted-host"),
    ("FROM debian:13\nRUN apt-get install -y python3-pip gcc && pip install --break-system-packages flask\n", "DG207",
     (2, 36, 2, 39), "gcc"),
    ("FROM debian:13\nRUN apt-get install -y python3-pip gcc && pip install --break-system-packages flask\n", "DG213",
     (2, 55, 2, 78), "--break-system-packages"),
    # The rules below point at their word since issue 17's second part; columns counted by hand.
    ("FROM debian:13\nRUN apt-get update\nRUN apt-get install -y curl=8.1\n", "DG509", (2, 5, 2, 12), "apt-get"),
    ("FROM debian:13\nRUN curl -o /tmp/a.tgz https://x.y/a.tgz\nRUN rm /tmp/a.tgz\n", "DG508", (2, 13, 2, 23),
     "/tmp/a.tgz"),
    ("FROM debian:13\nRUN wget -q \\\n    https://x.y/b.tgz\nRUN rm b.tgz\n", "DG508", (3, 5, 3, 22),
     "https://x.y/b.tgz"),
    ("FROM debian:13\nRUN virtualenv -p python3.7 /venv\n", "DG211", (2, 19, 2, 28), "python3.7"),
    ("FROM debian:13\nRUN uv venv --python=3.6\n", "DG211", (2, 13, 2, 25), "--python=3.6"),
    ("FROM debian:13\nRUN apt-get install -y python3-pip && pip install flask==3.0.3\n", "DG201", (2, 39, 2, 42),
     "pip"),
    ("FROM debian:stable\nRUN apt-get install -y python3-pip && pip install flask==3.0.3\n", "DG212",
     (2, 39, 2, 42), "pip"),
    ("FROM debian:13\nRUN pip install --no-cache-dir torch==2.5.1\n", "DG203", (2, 32, 2, 44), "torch==2.5.1"),
    ("FROM debian:13\nRUN apt-get install -y openssh-server\n", "DG505", (2, 24, 2, 38), "openssh-server"),
]


@pytest.mark.parametrize(("text", "code", "where", "word"), CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_run_findings_point_at_the_word(text: str, code: str, where: tuple[int, int, int, int], word: str) -> None:
    found = [f for f in lint_text(text, Settings(select=(code,))) if f.code == code]
    assert len(found) == 1, found
    finding = found[0]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == where
    line = parse_text(text).lines[finding.line - 1]
    assert line[finding.column - 1:finding.end_column - 1] == word


@pytest.mark.parametrize(("script", "words"), [
    # an escaped backtick inside backticks does not close the substitution
    ("echo `echo \\`date\\` b` x", [["echo", "`echo \\`date\\` b`", "x"], ["echo", "\\`date\\`", "b"]]),
    # unterminated: the inner script keeps its last word, and no word runs past the end of the text
    ("echo `curl -fsS x", [["echo", "`curl -fsS x"], ["curl", "-fsS", "x"]]),
    ("echo $(curl x", [["echo", "$(curl x"], ["curl", "x"]]),
    ("echo 'a b", [["echo", "'a b"]]),
    ("echo `ls a\\`", [["echo", "`ls a\\`"], ["ls", "a\\"]]),
])
def test_words_in_backticks_and_unterminated_text_end_where_they_are_written(script: str,
                                                                             words: list[list[str]]) -> None:
    model = parse_text(f"FROM a\nRUN {script}\n")
    written = []
    for command in model.instructions[1].commands:
        found = []
        for index in range(len(command.prefix) + 1 + len(command.args)):
            where = command.word_location(index)
            assert where is not None and where.line == where.end_line == 2
            assert where.end_column <= len(model.lines[1]) + 1  # not past the end of the line
            found.append(model.lines[1][where.column - 1:where.end_column - 1])
        written.append(found)
    assert written == words


def test_a_word_split_by_a_continuation_ends_on_its_last_line() -> None:
    text = "FROM debian:13\nRUN apt-get install -y cu\\\nrl\n"
    finding = next(f for f in lint_text(text, Settings(select=("DL3008",))))
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 24, 3, 3)


@pytest.mark.parametrize(("text", "code"), [
    ("FROM debian:13\nRUN a | b\n", "DL4006"),  # about the whole script
    ("FROM debian:13\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n", "DL3008"),  # exec form: no place
    ("FROM debian:13\nRUN apt-get update\nRUN apt-get install -y curl=8.1\n", "DL3009"),
])
def test_findings_about_a_whole_instruction_stay_at_column_one(text: str, code: str) -> None:
    found = [f for f in lint_text(text, Settings(select=(code,))) if f.code == code]
    assert found and all((f.column, f.end_column) == (1, None) for f in found)


def test_a_pragma_above_the_instruction_covers_a_finding_on_a_later_line_of_it() -> None:
    text = "FROM debian:13\n# hadolint ignore=DL3008\nRUN apt-get install -y \\\n    curl\n"
    assert not [f for f in lint_text(text, Settings(select=("DL3008",)))]
    heredoc = "FROM python:3.12-slim\n# hadolint ignore=DL3013\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\n"
    assert not [f for f in lint_text(heredoc, Settings(select=("DL3013",)))]
    assert [f.line for f in lint_text(heredoc.replace("# hadolint", "# not a pragma"), Settings(select=("DL3013",)))] \
        == [4]


def test_commands_record_where_every_word_is_written() -> None:
    text = 'FROM a\nRUN A=1 sudo -u x pip \\\n  install "re"qu\'ests\' && echo $(cd /x)\n'
    model = parse_text(text)
    written = []
    for command in model.instructions[1].commands:
        for index in range(len(command.prefix) + 1 + len(command.args)):
            where = command.word_location(index)
            assert where is not None and where.line == where.end_line
            written.append(model.lines[where.line - 1][where.column - 1:where.end_column - 1])
    assert written == ["A=1", "sudo", "-u", "x", "pip", "install", "\"re\"qu'ests'", "echo", "$(cd /x)", "cd", "/x"]
    pip = model.instructions[1].commands[0]
    assert (pip.name, pip.prefix, pip.args) == ("pip", ("A=1", "sudo", "-u", "x"), ("install", "requests"))
    whole = pip.location()
    assert whole is not None and (whole.line, whole.column, whole.end_line, whole.end_column) == (2, 5, 3, 23)


def test_words_are_found_again_past_redirections_comments_and_substitutions() -> None:
    text = "FROM a\nRUN 2>/dev/null apt-get install -y <(cat x) \"cu\"rl > log <<EOF && x=$(sudo make) # c\nbody\nEOF\n"
    model = parse_text(text)
    written = {}
    for command in model.instructions[1].commands:
        words = []
        for index in range(len(command.prefix) + 1 + len(command.args)):
            where = command.word_location(index)
            assert where is not None
            words.append(model.lines[where.line - 1][where.column - 1:where.end_column - 1])
        written[command.name] = words
    assert written == {"apt-get": ["apt-get", "install", "-y", "<(cat x)", '"cu"rl'], "cat": ["cat", "x"],
                       "make": ["sudo", "make"]}
