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
