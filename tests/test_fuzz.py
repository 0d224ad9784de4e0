"""Property tests over random and mutated Dockerfiles: nothing escapes, findings point at real lines, parsing is
deterministic, fixes parse and settle. The long run is `python bench/fuzz.py --minutes 30`."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.fuzz.dockerfiles import dockerfiles
from tests.fuzz.properties import check, lines_changed_outside_fixes


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(dockerfiles())
def test_random_dockerfiles_keep_the_properties(text: str) -> None:
    check(text)


def test_very_long_lines_and_deep_continuations() -> None:
    check("FROM python:3.12-slim\nRUN echo " + "x" * 200_000 + "\n")
    check("FROM python:3.12-slim\nRUN true" + " \\\n  && true" * 5_000 + "\n")
    check("FROM python:3.12-slim\n" + "RUN <<EOF\n" * 200 + "EOF\n" * 200)


def test_regressions_found_by_fuzzing() -> None:
    # bench/fuzz.py seed 14 (and 8 more): a lone line continuation at the end made an instruction of nothing
    check("RUN ec\\ho 'a'\nEXPOSE 8080:80<<\n \\")
    check("FROM a:1\n\\")
    # hypothesis: an unterminated ${ swallowed the command a fix appended, so the fix never settled
    check("RUN conda install ${-c conda-forge numpy")
    # bench/fuzz.py seeds 3011, 3028, 3039: the fix loop dropped a leading BOM character it was given
    check("\ufeffFROM python:3.12-slim\nMAINTAINER me\n")
    check("\ufeff\nRUN echo 'a'x.tgz /opt/\n\nMAINTAINER me\n")


SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]'


def test_lines_changed_outside_fixes_finds_edits_where_no_fix_is() -> None:
    before = "FROM debian:12\nRUN a | b\nRUN c\n"
    # DL4006's fix owns the piped RUN on line 2: a SHELL inserted before it is fine, after it (before line 3) is not
    assert lines_changed_outside_fixes(before, f"FROM debian:12\n{SHELL}\nRUN a | b\nRUN c\n") == []
    assert lines_changed_outside_fixes(before, f"FROM debian:12\nRUN a | b\n{SHELL}\nRUN c\n") == [3]
    assert lines_changed_outside_fixes(before, "FROM debian:12\nRUN a | b\nRUN d\n") == [3]
    assert lines_changed_outside_fixes(before, "FROM debian:13\nRUN a | b\nRUN c\n") == [1]


def test_an_insertion_that_repeats_its_neighbour_counts_at_any_equivalent_place() -> None:
    # bench/fuzz.py seed 4124: the SHELL a fix put before line 4 repeats line 3, and the diff placed it after line 3
    before = f"FROM debian:12\nRUN x \\\n{SHELL}\n\\\nRUN a | b\n"
    after = f"FROM debian:12\nRUN x \\\n{SHELL}\n{SHELL}\n\\\nRUN a | b\n"
    assert lines_changed_outside_fixes(before, after) == []
    check(before)


def test_repeated_lines_are_paired_by_the_closest_alignment() -> None:
    # bench/fuzz.py seed 88 (input 87494, with the corpus): the fixer edited lines 2 and 4 only, but difflib paired
    # the unchanged last line with the identical line 2 and blamed the SHELL and the last line
    before = 'FROM python:3.12-slim\nRUN mamba create -n env python=3.12\nSHELL ["pwsh", "-c"]\nCMD python app.py\n' \
             'RUN mamba create -n env python=3.12'
    after = 'FROM python:3.12-slim\nRUN mamba create -y -n env python=3.12\nSHELL ["pwsh", "-c"]\n' \
            'CMD ["python", "app.py"]\nRUN mamba create -n env python=3.12'
    assert lines_changed_outside_fixes(before, after) == []
    assert lines_changed_outside_fixes(before, after.replace("pwsh", "bash")) == [3]
    check(before)
