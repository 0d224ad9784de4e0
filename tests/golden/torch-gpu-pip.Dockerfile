# syntax=docker/dockerfile:1
# Written by dockgen 0.1.0: dockgen new torch --manager pip --gpu
# Note: The default PyPI wheel is a CUDA build that pulls gigabytes of nvidia-* wheels; without --gpu dockgen
#       installs the CPU build from the PyTorch CPU index, in a pip call of its own.

FROM python:3.12-slim-trixie

# Unbuffered output so scheduler log files show progress; no .pyc writes, which fail on read-only
# runtimes such as Apptainer; no pip self-update check.
# NVIDIA_* ask the NVIDIA container toolkit for the GPUs (this base image does not set them).
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    NVIDIA_VISIBLE_DEVICES=all

# An unprivileged user with a fixed numeric UID; cluster runtimes may run the image as another UID anyway.
RUN useradd --create-home --uid 10001 app

# Pinned packages without pip's download cache; `pip check` and the imports fail the build early if
# something is broken.
RUN pip install --no-cache-dir torch==2.15.0 \
    && pip check \
    && python -c 'import torch; print(torch.ones(3).sum().item(), torch.cuda.is_available())'

WORKDIR /app
USER 10001
CMD ["python"]
