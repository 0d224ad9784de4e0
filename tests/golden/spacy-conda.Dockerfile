# syntax=docker/dockerfile:1
# Written by dockgen 0.1.0: dockgen new spacy --manager conda
# Note: Language models are separate packages: `--model en_core_web_sm` installs a pinned wheel of the model.

FROM mambaorg/micromamba:2.6.1

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
USER 0
RUN mkdir -p /app \
    && chmod 1777 /app /home/mambauser
USER 57439

# conda-forge only (no licensed defaults channel), pinned versions, and the package cache
# removed in the same layer: a later RUN could not shrink this one.
RUN micromamba install --yes --name base --override-channels --channel conda-forge \
    python=3.12 spacy=3.8 \
    && micromamba clean --all --yes

# The environment works without activation: Apptainer `exec`, batch schedulers and `docker exec` skip
# entrypoint scripts, so PATH carries it.
ENV PATH=/opt/conda/bin:$PATH

# Fail the build now, not on the cluster, when something does not import. The imports run with HOME and /tmp on
# a tmpfs, so the caches they write (matplotlib's fonts, numba) are not left in the image, owned by the build user.
RUN --mount=type=tmpfs,target=/tmp export HOME=/tmp NUMBA_CACHE_DIR=/tmp/numba \
    && python -c 'import sys; print(sys.version)' \
    && python -c 'import spacy; print([t.text for t in spacy.blank("en")("Cells divide fast")])'

ENV HOME=/home/mambauser
WORKDIR /app
USER 57439
CMD ["python"]
