"""The RUN that installs a pip recipe's Python packages: with pip or uv, and with the download cache either off
(``--no-cache-dir``, ``--no-cache``) or on a BuildKit cache mount (``--cache``), which keeps it out of the image and
across builds."""

from __future__ import annotations

from dataclasses import replace

from dockgen.generator.recipe import Recipe

PIP_CACHE = "/root/.cache/pip"  # hadolint's DL3042 accepts a cache mount whose target contains .cache/pip
UV_CACHE = "/root/.cache/uv"
CONDA_PKGS = "/opt/conda/pkgs"  # conda's and micromamba's package cache in every conda base (root prefix /opt/conda)
UV_STAGE = "uv"  # the build stage that holds the pinned uv binary (templates/managers/pip.Dockerfile.j2)
UV_BINARY = "/opt/uv/bin/uv"  # where that stage's venv has it
UV_MOUNT = f"--mount=from={UV_STAGE},source={UV_BINARY},target=/usr/local/bin/uv"


def install_run(recipe: Recipe) -> str:
    """The RUN, with its pragma comments: special indexes first, each in its own call, then the main call and a
    dependency check."""
    install = _install_words(recipe)
    # uv, unlike pip, writes no .pyc files unless asked (PYTHONDONTWRITEBYTECODE is for run time, where the install
    # folders may be read-only); it copies, because hard links cannot cross into a cache mount or a temporary cache.
    commands = ["export UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy"] if recipe.installer == "uv" else []
    commands += [f"{install} --index-url {url} {' '.join(specs)}" for url, specs in recipe.index_specs]
    if recipe.build_first:
        commands.append(f"{install} " + " ".join(recipe.build_first))
    main = [*(["--no-build-isolation"] if recipe.no_build_isolation else []), *recipe.pip_specs]
    if recipe.requirements:
        main += [*(["--require-hashes"] if recipe.require_hashes else []), "-r", f"/tmp/{recipe.requirements}"]
    if main:
        commands.append(f"{install} " + " ".join(main))
    if not recipe.compile:
        commands.append(check_command(recipe))
    return _pragmas(recipe) + "RUN " + "".join(f"{mount} \\\n    " for mount in mounts(recipe)) \
        + " \\\n    && ".join(commands)


def install_comment(recipe: Recipe) -> str:
    """The comment above the RUN in a single-stage image."""
    tool = "uv" if recipe.installer == "uv" else "pip"
    if recipe.cache:
        return (f"# Pinned packages, {tool}'s download cache on a BuildKit cache mount (kept for the next build, never "
                f"in the image);\n# `{check_command(recipe)}` fails the build early if something is broken.")
    if recipe.installer == "uv":
        return ("# Pinned packages installed with uv, without its download cache; `uv pip check` fails the build "
                "early if\n# something is broken.")
    return "# Pinned packages without pip's download cache; `pip check` fails the build early if something is broken."


def uv_stage_run(recipe: Recipe) -> str:
    """The uv stage's RUN: uv from PyPI into a venv of its own (no interpreter's site-packages to collide with)."""
    install = _install_words(replace(recipe, installer="pip"))
    return (f"RUN {''.join(m + ' ' for m in mounts(replace(recipe, installer='pip')))}python3 -m venv /opt/uv \\\n"
            f"    && /opt/uv/bin/{install} uv=={recipe.uv_version}")


def mounts(recipe: Recipe) -> tuple[str, ...]:
    """The RUN's mounts: uv's binary from its stage, and the download cache with --cache."""
    if recipe.installer == "uv":
        return (UV_MOUNT, *([f"--mount=type=cache,target={UV_CACHE}"] if recipe.cache else []))
    return (f"--mount=type=cache,target={PIP_CACHE}",) if recipe.cache else ()


def conda_mount(recipe: Recipe) -> str:
    """With --cache, conda's package folder on a cache mount (owned by the base's user when that is not root), as the
    RUN's first words."""
    if not recipe.cache:
        return ""
    owner = f",uid={recipe.uid},gid={recipe.uid}" if recipe.base.user != "root" else ""
    return f"--mount=type=cache,target={CONDA_PKGS}{owner} \\\n    "


def check_command(recipe: Recipe) -> str:
    if recipe.installer == "uv":
        return f"uv pip check {_uv_target(recipe)}"
    return "pip check"


def _install_words(recipe: Recipe) -> str:
    if recipe.installer == "uv":
        return f"uv pip install {_uv_target(recipe)}" + ("" if recipe.cache else " --no-cache")
    return "pip install" + ("" if recipe.cache else " --no-cache-dir")


def _uv_target(recipe: Recipe) -> str:
    """uv installs into an active environment only when told which: the venv's Python, or the image's own."""
    return "--python /opt/venv/bin/python" if recipe.venv else "--system"


def _pragmas(recipe: Recipe) -> str:
    pragma = ""
    if recipe.unpinned:
        pragma = (f"# {', '.join(recipe.unpinned)}: not in dockgen's catalog and given without a version; "
                  "pin it (NAME==VERSION).\n# hadolint ignore=DL3013\n")
    if recipe.cuda_on_purpose:
        pragma += (f"# {', '.join(recipe.cuda_on_purpose)}: the version asked for predates the CPU-only "
                   "distribution, so this image carries GPU libraries.\n# dockgen ignore=DG203\n")
    return pragma
