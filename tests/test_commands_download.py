"""DG502 on the parsed script: which shell or interpreter runs what curl or wget fetched. Each case was decided by
reading the shell: what runs the fetched bytes as a program, and what only reads them as data or runs a file."""

from __future__ import annotations

import pytest

from dockgen import lint_text
from dockgen.lint.engine import Settings

RUNS_FETCHED = [
    "curl -fsSL https://x.y/i.sh | sh",
    "curl -fsSL https://sh.rustup.rs | sh -s -- -y --profile minimal",
    "wget -qO- https://x.y/i.sh | tee /tmp/log | sudo -E bash -",
    "curl -sS https://bootstrap.pypa.io/get-pip.py | python3 - --user",  # the regex missed this one
    "curl -fsSL https://x.y/i.pl | perl",
    'sh -c "$(curl -fsSL https://x.y/i.sh)"',
    "bash <(curl -s https://x.y/i.sh)",
    'eval "$(wget -qO- https://x.y/env)"',
    "source <(curl -s https://x.y/env)",
    'bash -c "curl -fsSL https://x.y/i.sh | sh"',
    "echo start && curl -fsSL https://x.y/i.sh |\n  sh",  # a newline after the pipe (heredoc body below)
]
READS_DATA = [
    "curl -fsSL https://x.y/i.sh | bash install.sh",  # bash runs the file; the regex reported it
    "curl -fsSL https://x.y/data.json | python3 -m json.tool",
    'curl -fsSL https://x.y/data.json | python3 -c "import json, sys; json.load(sys.stdin)"',
    "curl -fsSL https://x.y/key.gpg | apt-key add -",
    "curl -fsSL https://x.y/a.tgz | tar -xz && sh ./a/install.sh",
    "curl -fsSL -o /tmp/i.sh https://x.y/i.sh && sha256sum -c i.sha256 && sh /tmp/i.sh",
    "echo curl | sh -c 'cat'",
    "bash <(cat /etc/profile)",
]


def _hits(script: str) -> list[int]:
    body = script if "\n" not in script else None
    text = f"FROM debian:13\nRUN {script}\n" if body else f"FROM debian:13\nRUN <<EOF\n{script}\nEOF\n"
    return [f.line for f in lint_text(text, Settings(select=("DG502",)))]


@pytest.mark.parametrize("script", RUNS_FETCHED)
def test_a_fetched_script_that_runs_is_reported(script: str) -> None:
    assert len(_hits(script)) == 1


@pytest.mark.parametrize("script", READS_DATA)
def test_fetched_data_and_files_run_later_are_not(script: str) -> None:
    assert _hits(script) == []


def test_exec_form_keeps_the_words_of_its_script_together() -> None:
    text = 'FROM debian:13\nRUN ["/bin/bash", "-c", "curl -fsSL https://x.y/i.sh | bash"]\n'
    found = lint_text(text, Settings(select=("DG502",)))
    assert [(f.line, f.column, f.end_column) for f in found] == [(2, 1, None)]  # exec form: no place to point at
    assert not lint_text('FROM debian:13\nRUN ["/bin/bash", "-c", "curl -fsSL -o i.sh https://x.y/i.sh"]\n',
                         Settings(select=("DG502",)))


def test_one_finding_per_run_at_the_program_that_runs_it() -> None:
    text = "FROM debian:13\nRUN curl -fsSL https://x.y/a.sh | sh && \\\n    wget -qO- https://x.y/b.sh | bash\n"
    found = lint_text(text, Settings(select=("DG502",)))
    assert [(f.line, f.column, f.end_column) for f in found] == [(2, 35, 37)]  # the first `sh`, counted by hand
