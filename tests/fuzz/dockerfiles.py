"""Random and mutated Dockerfiles for the robustness properties (hypothesis strategies and a plain generator)."""

from __future__ import annotations

import random

from hypothesis import strategies as st

# Pieces a Dockerfile is made of, valid or not: instructions with flags, shell, heredocs, directives, junk.
PIECES = [
    "FROM python:3.12-slim", "FROM debian:13 AS build", "from alpine:3.23 as b", "FROM $BASE", "FROM scratch",
    "FROM --platform=$BUILDPLATFORM golang:1.25 AS g", "ARG BASE=python:3.12", "ARG V", "ENV A=1 B=\"two words\"",
    "ENV LEGACY value here", "LABEL a=b", "MAINTAINER me", "WORKDIR /app", "WORKDIR app", "USER 1000", "USER root",
    "COPY . .", "COPY --from=build /x /y", "ADD https://example.com/x.tgz /opt/", "ADD a.tar.gz /", "EXPOSE 22 80/TCP",
    "CMD python app.py", "CMD [\"python\"]", "ENTRYPOINT [\"tini\", \"--\"]", "HEALTHCHECK CMD curl -f localhost",
    "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", "SHELL [\"pwsh\", \"-c\"]", "ONBUILD RUN pip install x",
    "RUN apt-get update && apt-get install curl", "RUN pip install spacy", "RUN conda install -c conda-forge numpy",
    "RUN curl -fsSL https://x.sh | sh", "RUN cd /x; make || true", "RUN echo \"unterminated", "RUN echo 'a' \\",
    "RUN <<EOF\napt-get update\nEOF", "RUN <<-\"EOT\" cat\n\tbody\n\tEOT", "COPY <<A <<B /dst\na\nA\nb\nB",
    "# hadolint ignore=DL3008", "# dockgen global ignore=DG503", "# hadolint shell=/bin/bash", "# comment",
    "", "   ", "\\", "RUN a \\\n\n  b", "RUN x \\\n# c\n  y", "STOPSIGNAL SIGTERM", "VOLUME [\"/data\"]",
    "RUN mamba create -n env python=3.12", "RUN micromamba install -y -n base x && micromamba clean -a -y",
    "BOGUS instruction", "ONBUILD", "RUN", "FROM", "EXPOSE 8080:80", "RUN sudo -u x env A=1 /usr/bin/pip install y",
]
ODD = ["\x00", "\u00e9", "\u200b", "\ufeff", "\r", "\t", "`", "$", "${", "$(", "\"", "'", "<<", "\\", "é" * 3,
       "\U0001f40d", "\u2028", "x" * 300]

pieces = st.sampled_from(PIECES)
odd = st.sampled_from(ODD)


@st.composite
def dockerfiles(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(pieces, pieces.map(lambda p: p.lower()), st.text(max_size=40)), max_size=25))
    if draw(st.booleans()):
        lines.insert(0, draw(st.sampled_from(["# escape=`", "# syntax=docker/dockerfile:1", "# check=skip=all"])))
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 4))):  # mutate: odd characters at random places
        if text:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(odd) + text[at:]
    return text + draw(st.sampled_from(["", "\n", "\r\n", "\\\n"]))


def random_dockerfile(rng: random.Random, corpus: list[str] | None = None) -> str:
    """The same idea without hypothesis, for long seeded fuzz runs (bench/fuzz.py)."""
    if corpus and rng.random() < 0.5:
        text = rng.choice(corpus)
    else:
        text = "\n".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
    for _ in range(rng.randint(0, 8)):
        at = rng.randint(0, len(text))
        kind = rng.random()
        if kind < 0.4:
            text = text[:at] + rng.choice(ODD) + text[at:]
        elif kind < 0.7 and text:
            end = min(len(text), at + rng.randint(1, 50))
            text = text[:at] + text[end:]  # cut a piece out
        else:
            text = text[:at] + "\n" + rng.choice(PIECES) + "\n" + text[at:]
    return text
