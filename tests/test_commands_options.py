"""The one option parser (dockgen.commands.options) and the command readers built on it. Every expectation is how
the program itself reads its arguments (getopt rules: clusters, attached values, ``--``), worked out by hand."""

from __future__ import annotations

import pytest

from dockgen.commands import conda, download, pip, system, xargs
from dockgen.commands.options import Option, Syntax, flag_count, option_values, parse, positional
from dockgen.lint.model import Command
from dockgen.lint.shell import split_commands

PIP = Syntax(frozenset({"i", "index-url", "r"}))


@pytest.mark.parametrize(("args", "options", "operands"), [
    (["-y", "-i", "U", "a"], [("y", None), ("i", "U")], ["a"]),
    (["-yiU", "a"], [("y", None), ("i", "U")], ["a"]),  # a cluster; the value option takes the rest of the word
    (["-yi", "U", "a"], [("y", None), ("i", "U")], ["a"]),
    (["--index-url=U", "a", "--index-url", "V"], [("index-url", "U"), ("index-url", "V")], ["a"]),
    (["a", "--", "-y", "--index-url=U"], [], ["a", "-y", "--index-url=U"]),  # -- ends the options
    (["-", "-i"], [("i", None)], ["-"]),  # - is an operand; a value option with nothing after it has no value
    (["--verbose", "-vv"], [("verbose", None), ("v", None), ("v", None)], []),
])
def test_parse(args: list[str], options: list[tuple[str, str | None]], operands: list[str]) -> None:
    parsed = parse(args, PIP)
    assert [(o.name, o.value) for o in parsed.options] == options
    assert list(parsed.operands) == operands


def test_parse_records_where_each_option_and_operand_is() -> None:
    parsed = parse(["-qi", "U", "a", "--x=1"], PIP)
    assert parsed.options == (Option("q", None, 0), Option("i", "U", 0, True), Option("x", "1", 3))
    assert parsed.operand_indexes == (2,)


def test_posix_programs_stop_at_the_first_operand() -> None:
    assert parse(["-e", "script.sh", "-x"], Syntax(anywhere=False)).operands == ("script.sh", "-x")
    assert parse(["-e", "script.sh", "-x"], Syntax()).operands == ("script.sh",)


def _command(text: str) -> Command:
    return split_commands(text)[0]


def test_command_level_readers() -> None:
    assert positional(_command("apt-get -t bookworm-backports install -- -odd")) == ("bookworm-backports", "install",
                                                                                     "-odd")
    assert positional(_command("apt-get -t bookworm-backports install curl"), frozenset({"t"})) == ("install", "curl")
    assert option_values(_command("virtualenv -p3.7 --python=3.8 -p 3.9 /v"), "p", "python") == ["3.7", "3.8", "3.9"]
    assert flag_count(_command("apt-get -qq -q --quiet install x"), "q") == 3


def test_pip_install_reads_clusters_and_the_end_of_options() -> None:
    parsed = pip.parse_install(_command("pip install -Ur requirements.txt --index-url U -i V -q flask -- x"))
    assert parsed is not None
    assert parsed.requirement_files == ("requirements.txt",)  # -Ur: -U, then -r with the next word
    assert parsed.options == ("--index-url=U", "-i V", "-q")
    assert parsed.requirements == ("flask", "x")


def test_system_commands_read_clusters() -> None:
    parsed = system.system_command(_command("apt-get -yo Dpkg::Options::=--force-confold install curl"))
    assert parsed is not None and (parsed.verb, parsed.packages) == ("install", ("curl",))
    parsed = system.system_command(_command("apk add -t.build-deps gcc"))
    assert parsed is not None and (parsed.virtual, parsed.packages) == (".build-deps", ("gcc",))


def test_xargs_conda_run_curl_wget_and_rm() -> None:
    run = xargs.run_by_xargs(_command("xargs -n1 -I {} -- pip install {}"))
    assert run is not None and (run.name, run.args) == ("pip", ("install", "{}"))
    assert conda.run_target(["conda", "run", "-n", "env", "--no-capture-output", "python", "-m", "app"]) == [
        "python", "-m", "app"]
    assert download.downloaded_files(_command("curl -fsSLo a.tgz --referer https://r.example/ https://x.y/b.tgz")) \
        == ["a.tgz"]
    assert download.downloaded_files(_command("curl -O --referer https://r.example/ https://x.y/b.tgz")) == ["b.tgz"]
    assert download.downloaded_files(_command("wget -qr https://x.y/site/")) == []
    assert download.removed_paths(_command("rm -rf -- -odd /tmp/x")) == ["-odd", "/tmp/x"]
