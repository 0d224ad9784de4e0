# syntax=docker/dockerfile:1
# Written by dockgen 0.1.0: dockgen new gdal --manager pip
# Note: PyPI has only the source of GDAL, and it must match the system library, so the pip image compiles it in a
#       build stage against Debian's libgdal-dev. conda-forge's gdal is the easier path.

# build is the stage where compilers and headers live; only the finished virtual environment is copied on.
FROM python:3.12-slim-trixie AS build

# Unbuffered output so scheduler log files show progress; no .pyc writes, which fail on read-only
# runtimes such as Apptainer; no user site-packages, so a host's ~/.local (bound by Apptainer) cannot shadow the
# image's packages; no pip self-update check.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONNOUSERSITE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# System packages, without recommended extras, and apt's lists deleted in the same layer; noninteractive because
# a dependency such as tzdata (pulled by Ubuntu's python3) would otherwise stop the build with a prompt.
# Debian and Ubuntu drop superseded package versions from their archives, so exact pins would break rebuilds;
# the base image tag pins the release instead.
# hadolint ignore=DL3008
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends g++ libgdal-dev gdal-bin \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
RUN pip install --no-cache-dir GDAL=="$(gdal-config --version)" numpy==2.5.5

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

# System packages, without recommended extras, and apt's lists deleted in the same layer; noninteractive because
# a dependency such as tzdata (pulled by Ubuntu's python3) would otherwise stop the build with a prompt.
# Debian and Ubuntu drop superseded package versions from their archives, so exact pins would break rebuilds;
# the base image tag pins the release instead.
# hadolint ignore=DL3008
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gdal-bin \
    && rm -rf /var/lib/apt/lists/*

# The packages built in the build stage; PATH makes its python and pip the default without activation.
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# Fail the build now, not on the cluster, when something does not import. The imports run with HOME and /tmp on
# a tmpfs, so the caches they write (matplotlib's fonts, numba) are not left in the image, owned by the build user.
RUN --mount=type=tmpfs,target=/tmp export HOME=/tmp NUMBA_CACHE_DIR=/tmp/numba \
    && pip check \
    && python -c 'import numpy; from osgeo import gdal, gdal_array; print(gdal.__version__, gdal_array.NumericTypeCodeToGDALTypeCode(numpy.float32))'

ENV HOME=/home/app
WORKDIR /app
USER 10001
CMD ["python"]
