# syntax=docker/dockerfile:1
# Written by dockgen 0.1.0: dockgen new spacy --manager pip
# Note: Language models are separate packages: `--model en_core_web_sm` installs a pinned wheel of the model.

FROM python:3.12-slim-trixie

# Unbuffered output so scheduler log files show progress; no .pyc writes, which fail on read-only
# runtimes such as Apptainer; no user site-packages, so a host's ~/.local (bound by Apptainer) cannot shadow the
# image's packages; no pip self-update check.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONNOUSERSITE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Who owns what: root owns the installed software; the image's user (a fixed numeric UID) runs it. That user's
# home and the working folder /app are writable by any UID (sticky, like /tmp), because clusters and
# `docker run --user` run images as other UIDs; caches (matplotlib, numba, Hugging Face) go under $HOME.
RUN useradd --create-home --uid 10001 app \
    && mkdir -p /app \
    && chmod 1777 /app /home/app

# Pinned packages without pip's download cache; `pip check` fails the build early if something is broken.
RUN pip install --no-cache-dir spacy==3.8.18 \
    && pip check

# Fail the build now, not on the cluster, when something does not import. The imports run with HOME and /tmp on
# a tmpfs, so the caches they write (matplotlib's fonts, numba) are not left in the image, owned by the build user.
RUN --mount=type=tmpfs,target=/tmp export HOME=/tmp NUMBA_CACHE_DIR=/tmp/numba \
    && python -c 'import spacy; print([t.text for t in spacy.blank("en")("Cells divide fast")])'

ENV HOME=/home/app
WORKDIR /app
USER 10001
CMD ["python"]
