"""Property tests over random and mutated Dockerfiles: nothing escapes, findings point at real lines, parsing is
deterministic, fixes parse and settle. The long run is `python bench/fuzz.py --minutes 30`."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.fuzz.dockerfiles import dockerfiles
from tests.fuzz.properties import check


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
