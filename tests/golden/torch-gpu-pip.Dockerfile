# syntax=docker/dockerfile:1
# Written by dockgen 0.1.0: dockgen new torch --manager pip --gpu
# Note: The default PyPI wheel is a CUDA build that pulls gigabytes of nvidia-* wheels; without --gpu dockgen
#       installs the CPU build from the PyTorch CPU index, in a pip call of its own.
# Note: GPU images target CUDA 13.0 (the CUDA of PyPI's GPU wheels): the host needs an NVIDIA driver 580 or newer.

FROM python:3.12-slim-trixie

# Unbuffered output so scheduler log files show progress; no .pyc writes, which fail on read-only
# runtimes such as Apptainer; no user site-packages, so a host's ~/.local (bound by Apptainer) cannot shadow the
# image's packages; no pip self-update check.
# NVIDIA_* ask the NVIDIA container toolkit for the GPUs (this base image does not set them).
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONNOUSERSITE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    NVIDIA_VISIBLE_DEVICES=all

# Who owns what: root owns the installed software; the image's user (a fixed numeric UID) runs it. That user's
# home and the working folder /app are writable by any UID (sticky, like /tmp), because clusters and
# `docker run --user` run images as other UIDs; caches (matplotlib, numba, Hugging Face) go under $HOME.
RUN useradd --create-home --uid 10001 app \
    && mkdir -p /app \
    && chmod 1777 /app /home/app

# Pinned packages without pip's download cache; `pip check` fails the build early if something is broken.
RUN pip install --no-cache-dir torch==2.15.0 \
    && pip check

# Fail the build now, not on the cluster, when something does not import. The imports run with HOME and /tmp on
# a tmpfs, so the caches they write (matplotlib's fonts, numba) are not left in the image, owned by the build user.
RUN --mount=type=tmpfs,target=/tmp export HOME=/tmp NUMBA_CACHE_DIR=/tmp/numba \
    && python -c 'import torch; print(torch.ones(3).sum().item(), torch.cuda.is_available())'

ENV HOME=/home/app
WORKDIR /app
USER 10001
CMD ["python"]
