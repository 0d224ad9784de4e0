# syntax=docker/dockerfile:1
# Written by dockgen 0.1.0: dockgen new --manager pip --model en_core_web_sm -r requirements.txt --cmd 'python -m src.main' --copy src:/app/src
# Note: Language models are separate packages: `--model en_core_web_sm` installs a pinned wheel of the model.

FROM python:3.12-slim-trixie

# Unbuffered output so scheduler log files show progress; no .pyc writes, which fail on read-only
# runtimes such as Apptainer; no pip self-update check.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An unprivileged user with a fixed numeric UID; cluster runtimes may run the image as another UID anyway.
RUN useradd --create-home --uid 10001 app

# The requirements alone first, so that editing code does not re-run the install.
COPY requirements.txt /tmp/requirements.txt

# Pinned packages without pip's download cache; `pip check` and the imports fail the build early if
# something is broken.
RUN pip install --no-cache-dir https://github.com/explosion/spacy-models/releases/download/en_core_web_sm-3.8.0/en_core_web_sm-3.8.0-py3-none-any.whl -r /tmp/requirements.txt \
    && pip check \
    && python -c 'import spacy; print([t.text for t in spacy.blank("en")("Cells divide fast")])' \
    && python -c 'import pandas as pd; print(pd.DataFrame({"a": [1, 2]})["a"].sum())'

WORKDIR /app
COPY ["src", "/app/src"]
USER 10001
CMD ["python", "-m", "src.main"]
