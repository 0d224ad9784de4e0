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
