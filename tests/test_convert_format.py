"""How `new --from` writes the RUNs it rewrites: comments among continuation lines stay with their command."""

from __future__ import annotations

import dockerfile as buildkit

from dockgen.convert import convert_text

SOURCE = """FROM python:3.12-slim
RUN apt-get update \\
\t&& apt-get install -y --no-install-recommends \\
\t\t# compilers for wheels
\t\tgcc \\
\t&& rm -rf /var/lib/apt/lists/*
RUN set -ex; \\
    # make the user
    useradd -m app; \\
    pip install flask==3.1.1 \\
    # the server
    gunicorn==23.0.0
"""


def _converted(manager: str) -> str:
    return convert_text(SOURCE, "Dockerfile", manager=manager).text


def test_comments_inside_rewritten_runs_are_kept_before_their_command() -> None:
    for manager in ("pip", "conda"):
        lines = _converted(manager).splitlines()
        apt = lines.index("    # compilers for wheels")
        assert "apt-get install" in lines[apt + 1], manager
        user = lines.index("    # make the user")
        assert "useradd -m app" in lines[user + 1], manager
        server = lines.index("    # the server")
        assert "gunicorn==23.0.0" in lines[server + 1], manager


def test_kept_comments_leave_the_commands_as_buildkit_reads_them() -> None:
    for manager in ("pip", "conda"):
        text = _converted(manager)
        runs = [i.value[0] for i in buildkit.parse_string(text) if i.cmd == "RUN"]
        assert not any("#" in run for run in runs), runs
        assert any("useradd -m app" in run for run in runs)


HEREDOC = """FROM python:3.10-alpine
RUN <<EOF
apk update
apk add git
EOF

RUN <<EOF
addgroup -S docker
adduser -S --shell /bin/bash --ingroup docker vscode
EOF
RUN pip install flask==3.1.1
"""


def test_a_heredoc_script_is_rewritten_line_by_line_for_the_new_base() -> None:
    """docker/awesome-compose's dev-envs stages: apk and busybox's user tools in heredocs, moved to an apt base by
    the conda variant. Each line is rewritten as a RUN's part would be, and the heredoc stays a heredoc."""
    text = convert_text(HEREDOC, "Dockerfile", manager="conda").text
    runs = [i for i in buildkit.parse_string(text) if i.cmd == "RUN"]
    heredocs = [i.original for i in runs if "<<EOF" in i.original]
    assert len(heredocs) == 2, heredocs
    assert "apk" not in text.split("\nFROM ", 1)[1]
    assert "apt-get update\napt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\nEOF" in text
    assert ("groupadd --system docker\nuseradd --system --shell /bin/bash --gid docker --create-home vscode\nEOF"
            in text)


def test_a_heredoc_on_the_same_family_keeps_its_lines() -> None:
    text = convert_text(HEREDOC, "Dockerfile", manager="pip").text
    assert "RUN <<EOF\naddgroup -S docker\nadduser -S --shell /bin/bash --ingroup docker vscode\nEOF" in text
    assert "RUN <<EOF\napk add --no-cache git\nEOF" in text


def test_a_kept_part_of_a_rewritten_run_keeps_its_line_breaks() -> None:
    """A command dockgen does not change is written as the source wrote it, over its continuation lines, instead of
    one line with the indentation left inside it."""
    source = """FROM python:3.12-slim
RUN buildDeps=' \\
        gcc \\
        libpq-dev \\
    ' \\
    && apt-get update && apt-get install -y $buildDeps \\
    && pip install psycopg2==2.9.10 \\
    && apt-get purge -y --auto-remove \\
       $buildDeps \\
    && rm -rf /var/lib/apt/lists/*
"""
    text = convert_text(source, "Dockerfile", manager="pip").text
    assert "RUN buildDeps=' \\\n        gcc \\\n        libpq-dev \\\n    ' \\\n" in text
    assert "    && apt-get purge -y --auto-remove \\\n       $buildDeps \\\n" in text
