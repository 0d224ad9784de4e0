"""RUN scripts to simple commands."""

from __future__ import annotations

import pytest

from dockgen.commands.options import positional
from dockgen.lint.shell import parse_script, split_commands


def names(script: str) -> list[str]:
    return [command.name for command in split_commands(script)]


@pytest.mark.parametrize(("script", "expected"), [
    ("apt-get update && apt-get install -y curl", ["apt-get", "apt-get"]),
    ("a || b; c | d & e", ["a", "b", "c", "d", "e"]),
    ("(cd /x && make) || true", ["cd", "make", "true"]),
    ("{ a; b; }", ["a", "b"]),
    ("if [ -f x ]; then a; elif b; then c; else d; fi", ["[", "a", "b", "c", "d"]),
    ("for f in a b c; do rm $f; done", ["rm"]),
    ("while read l; do echo $l; done < file", ["read", "echo"]),
    ("case $x in a|b) ls;; *) cat;; esac", ["ls", "cat"]),
    ("case $a in x) u=1 ;; *) exit 1 ;; esac; wget -O f; b | c", ["exit", "wget", "b", "c"]),
    ("case $a in x) u=1;; esac && make", ["make"]),
    ("f() { echo hi; }; f", ["echo", "f"]),
    ("echo $(which python) `date`", ["echo", "which", "date"]),
    ('echo "$(id -u)"', ["echo", "id"]),
    ("X=1 Y=2 pip install a", ["pip"]),
    ("X=1", []),
    ("ls 2>&1 >/dev/null", ["ls"]),
    ("cat <<EOF > /etc/x", ["cat"]),
    ("diff <(sort a) <(sort b)", ["diff", "sort", "sort"]),
    ("echo 'a && b' \"c | d\"", ["echo"]),
    ("echo a # b && c", ["echo"]),
    ("echo $((1 + 2))", ["echo"]),
    ("! grep x y", ["grep"]),
])
def test_commands_found(script: str, expected: list[str]) -> None:
    assert names(script) == expected


@pytest.mark.parametrize(("script", "name", "wrappers", "args"), [
    ("sudo apt-get install -y x", "apt-get", ("sudo",), ("install", "-y", "x")),
    ("sudo -u app -E pip install x", "pip", ("sudo",), ("install", "x")),
    ("env -i A=1 /usr/bin/pip install x", "pip", ("env",), ("install", "x")),
    ("/usr/local/bin/python3 -m pip install x", "python3", (), ("-m", "pip", "install", "x")),
    ("nice -n 10 make", "make", ("nice",), ()),
    ("exec -a name gunicorn app", "gunicorn", ("exec",), ("app",)),
    ("busybox wget -q URL", "wget", ("busybox",), ("-q", "URL")),
    ("command -v pip", "command", (), ("-v", "pip")),
    ("sudo", "sudo", (), ()),
])
def test_wrappers_and_paths_are_looked_through(script: str, name: str, wrappers: tuple[str, ...],
                                               args: tuple[str, ...]) -> None:
    command = split_commands(script)[0]
    assert (command.name, command.wrappers, command.args) == (name, wrappers, args)


def test_quotes_are_removed_from_arguments() -> None:
    command = split_commands("pip install 'numpy>=2' \"pandas==3.0\" spa\\ cy")[0]
    assert command.args == ("install", "numpy>=2", "pandas==3.0", "spa cy")


def test_unquoted_version_operator_is_a_redirection() -> None:
    # The shell reads `numpy>=2` as `numpy` with output to the file `=2`: hadolint sees `numpy` too.
    assert split_commands("pip install numpy>=2")[0].args == ("install", "numpy")


def test_flags_and_positional_words() -> None:
    command = split_commands("apt-get -qq -t bookworm-backports install --no-install-recommends -y curl")[0]
    assert {"q", "t", "no-install-recommends", "y"} <= command.flags
    assert positional(command, frozenset({"t"})) == ("install", "curl")


@pytest.mark.parametrize(("script", "pipe"), [
    ("a | b", True), ("a |& b", True), ("a || b", False), ("echo 'a | b'", False),
    ("case x in a|b) ls;; esac", False), ("echo $(a | b)", True),
])
def test_pipes(script: str, pipe: bool) -> None:
    assert parse_script(script).has_pipe is pipe


@pytest.mark.parametrize("script", ["echo 'unterminated", 'echo "x', "echo $(a", "echo ${x", "((((", "`", "\\"])
def test_malformed_scripts_do_not_raise(script: str) -> None:
    split_commands(script)
