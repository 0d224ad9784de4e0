# syntax=docker/dockerfile:1
# Written by dockgen 0.1.0: dockgen new spacy --manager pip
# Note: Language models are separate packages: `--model en_core_web_sm` installs a pinned wheel of the model.

FROM python:3.12-slim-trixie

# Unbuffered output so scheduler log files show progress; no .pyc writes, which fail on read-only
# runtimes such as Apptainer; no pip self-update check.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An unprivileged user with a fixed numeric UID; cluster runtimes may run the image as another UID anyway.
RUN useradd --create-home --uid 10001 app

# Pinned packages without pip's download cache; `pip check` and the imports fail the build early if
# something is broken.
RUN pip install --no-cache-dir spacy==3.8.18 \
    && pip check \
    && python -c 'import spacy; print([t.text for t in spacy.blank("en")("Cells divide fast")])'

WORKDIR /app
USER 10001
CMD ["python"]
