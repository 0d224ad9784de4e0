# syntax=docker/dockerfile:1
# Written by dockgen 0.1.0: dockgen new spacy --manager conda
# Note: Language models are separate packages: `--model en_core_web_sm` installs a pinned wheel of the model.

FROM mambaorg/micromamba:2.6.1

# Unbuffered output so scheduler log files show progress; no .pyc writes, which fail on read-only
# runtimes such as Apptainer; no pip self-update check.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# conda-forge only (no licensed defaults channel), pinned versions, and the package cache
# removed in the same layer: a later RUN could not shrink this one.
RUN micromamba install --yes --name base --override-channels --channel conda-forge \
    python=3.12 spacy=3.8 \
    && micromamba clean --all --yes

# The environment works without activation: Apptainer `exec`, batch schedulers and `docker exec` skip
# entrypoint scripts, so PATH carries it.
ENV PATH=/opt/conda/bin:$PATH

# Fail the build now, not on the cluster, when something does not import.
RUN python -c 'import sys; print(sys.version)' \
    && python -c 'import spacy; print([t.text for t in spacy.blank("en")("Cells divide fast")])'

WORKDIR /app
USER 57439
CMD ["python"]
