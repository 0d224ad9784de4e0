"""``dockgen new`` and ``dockgen catalog``: thin wrappers over the generator (imported only when used)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dockgen.errors import DockgenError

if TYPE_CHECKING:
    from dockgen.generator.recipe import Request


@click.command("new")
@click.argument("packages", nargs=-1)
@click.option("--manager", type=click.Choice(["pip", "conda"]), default="pip", show_default=True,
              help="Install Python packages with pip (in a python image) or conda (conda-forge only).")
@click.option("--base", help="A base from `dockgen catalog`, or one of its image references.")
@click.option("--python", "python_version", metavar="X.Y", help="CPython version (default 3.12).")
@click.option("--gpu", is_flag=True, help="CUDA builds of packages that have them (torch, tensorflow, xgboost).")
@click.option("-r", "--requirements", type=click.Path(path_type=Path, dir_okay=False),
              help="A requirements.txt to copy and install (pip).")
@click.option("--env", "environment", type=click.Path(path_type=Path, dir_okay=False),
              help="An environment.yml to copy and install (conda).")
@click.option("--copy", "copies", multiple=True, metavar="SRC:DEST", help="Copy a file or folder into the image.")
@click.option("--cmd", help="The command the container runs, as you would type it.")
@click.option("--model", help="A model to bake in, such as en_core_web_sm for spacy.")
@click.option("--from", "source", type=click.Path(path_type=Path, dir_okay=False),
              help="Rewrite an existing Dockerfile into an optimized variant for --manager; notes go to stderr.")
@click.option("--context", "context", type=click.Path(path_type=Path, file_okay=False),
              help="With --from: the build context the Dockerfile's files are read from (default: its folder).")
@click.option("--format", "output_format", type=click.Choice(["docker", "apptainer"]), default="docker",
              show_default=True, help="Write a Dockerfile, or an Apptainer definition file of the same image.")
@click.option("--compare", is_flag=True,
              help="Compare the pip and conda variants of PACKAGES (estimated sizes; asks PyPI and conda-forge).")
@click.option("--offline", is_flag=True, help="With --compare: use only cached index data, no network.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output (and .dockerignore) if they exist.")
@click.option("--dockerignore", is_flag=True, help="Also write a .dockerignore next to the output.")
@click.option("--cache", is_flag=True,
              help="BuildKit cache mounts for pip, uv, apt and conda downloads (kept between builds, never in the image).")
@click.option("--installer", type=click.Choice(["pip", "uv"]), default="pip", show_default=True,
              help="With --manager pip: install with pip, or with uv (pinned, from PyPI, in a build stage).")
@click.option("--init", "init", is_flag=True,
              help="Run the command under tini, which forwards signals and reaps zombies (see `docker run --init`).")
@click.option("--lock", "lock", is_flag=True,
              help="Write requirements.lock (hash-pinned by pip's resolver, or uv's with --installer uv, for the "
                   "image; asks PyPI) next to the output and install it with --require-hashes (pip manager).")
@click.option("--today", metavar="YYYY-MM-DD",
              help="The date end of life is judged on (default: today); a base past it moves to a supported one.")
def new_command(packages: tuple[str, ...], manager: str, base: str | None, python_version: str | None, gpu: bool,
                requirements: Path | None, environment: Path | None, copies: tuple[str, ...], cmd: str | None,
                model: str | None, source: Path | None, context: Path | None, output: Path | None, force: bool,
                dockerignore: bool, today: str | None, output_format: str, compare: bool, offline: bool, cache: bool,
                installer: str, init: bool, lock: bool) -> int:
    """Print an optimized Dockerfile for PACKAGES (NAME or NAME==VERSION)."""
    date = _date(today)
    _check_build_options(compare or source is not None, cache=cache, installer=installer, init=init, lock=lock)
    if compare or offline:
        if not compare:
            raise DockgenError("--offline goes with --compare")
        if source or base or requirements or environment:
            raise DockgenError("--compare compares the default pip and conda images of packages named on the "
                               "command line; it does not take --from, --base, -r or --env")
        from dockgen.compare.cli import run_compare

        _emit(run_compare(packages, python_version, gpu, model, offline, date), output, force)
        return 0
    if output_format == "apptainer" and lock:
        raise DockgenError("--lock writes a lock file for a Docker build context; leave it out for --format apptainer")
    if output_format == "apptainer" and (cache or installer == "uv"):
        raise DockgenError("--cache and --installer uv use BuildKit mounts, which Apptainer builds do not have; leave "
                           "them out for --format apptainer (or build with Docker and convert the image)")
    if output_format == "apptainer" and dockerignore:
        raise DockgenError("--dockerignore is for Docker builds; Apptainer does not read .dockerignore")
    ignore_file = (output.parent if output else Path.cwd()) / ".dockerignore"
    lock_path = (output.parent if output else Path.cwd()) / "requirements.lock"
    _check_free([*([output] if output else []), *([ignore_file] if dockerignore else []),
                 *([lock_path] if lock else [])], force)
    if source is not None:
        _convert(source, manager, packages, context, output, force, date, output_format)
        if dockerignore:
            _write(ignore_file, _DOCKERIGNORE, force)
        return 0
    if context is not None:
        raise DockgenError("--context goes with --from (the build context of the Dockerfile to convert)")
    from dockgen.files.inputs import read_environment, read_requirements
    from dockgen.generator.generate import generate
    from dockgen.generator.recipe import Request

    request = Request(packages=packages, manager=manager, base=base, python=python_version, gpu=gpu,
                      requirements=read_requirements(requirements, nested=lock) if requirements else None,
                      environment=read_environment(environment) if environment else None,
                      copies=copies, cmd=cmd, model=model, cache=cache, installer=installer, init=init)
    if lock:
        request = _locked(request, requirements, date)
    text = _formatted(generate(request, today=date), output_format)
    if request.lock is not None:
        _write(lock_path, request.lock.text, force)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write(output, text, force)
    if dockerignore:
        _write(ignore_file, _DOCKERIGNORE, force)
    return 0


def _locked(request: Request, requirements: Path | None, today: datetime.date | None) -> Request:
    """The request with its lock file, resolved by pip (the network is used here only)."""
    import sys
    from dataclasses import replace

    from dockgen.files.inputs import LockFile
    from dockgen.generator.generate import planned_recipe
    from dockgen.generator.lock import LOCK_NAME, header, lock, lock_input

    if request.requirements is not None:  # the image installs the lock, which has hashes for every package
        request = replace(request, requirements=replace(request.requirements, hashed=False))
    recipe = planned_recipe(request, today)
    specs = lock_input(recipe, requirements)
    date = (today or datetime.date.today()).isoformat()
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    text = lock(specs, recipe.python, recipe.base.family, header(recipe, running, date), installer=recipe.installer)
    return replace(request, lock=LockFile(LOCK_NAME, text))


def _check_build_options(other_mode: bool, **options: object) -> None:
    """--cache, --installer and --init shape a new Dockerfile; --from and --compare do not write one from them."""
    given = [f"--{name}" for name, value in options.items() if value not in (False, "pip")]
    if other_mode and given:
        raise DockgenError(f"{', '.join(given)} go{'es' if len(given) == 1 else ''} with `dockgen new PACKAGES`, "
                           "not with --from or --compare")


def _date(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise DockgenError(f"--today takes a date written YYYY-MM-DD, not {text!r}") from None


def _formatted(dockerfile: str, output_format: str) -> str:
    if output_format == "docker":
        return dockerfile
    from dockgen.apptainer import to_definition

    return to_definition(dockerfile)


def _emit(text: str, output: Path | None, force: bool) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        _write(output, text, force)


def _convert(source: Path, manager: str, packages: tuple[str, ...], context: Path | None, output: Path | None,
             force: bool, today: datetime.date | None, output_format: str = "docker") -> None:
    from dockgen.convert import convert_file

    if packages:
        raise DockgenError("--from converts the packages the Dockerfile installs; name no packages with it")
    conversion = convert_file(source, manager, today, context=context)
    for note in conversion.notes:
        click.echo(f"dockgen: note: {note}", err=True)
    text = _formatted(conversion.text, output_format)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write(output, text, force)


def _check_free(paths: list[Path], force: bool) -> None:
    """Refuse before writing anything, so that a refusal never leaves one of two files written."""
    taken = [str(path) for path in paths if path.exists()]
    if taken and not force:
        raise DockgenError(f"{' and '.join(taken)} exist{'s' if len(taken) == 1 else ''}; pass --force to "
                           "overwrite")


def _write(path: Path, text: str, force: bool) -> None:
    if path.exists() and not force:
        raise DockgenError(f"{path} exists; pass --force to overwrite it")
    temporary = path.with_name(f".{path.name}.dockgen-tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise DockgenError(f"{path}: cannot write: {error.strerror or error}") from None


_DOCKERIGNORE = """\
# Keep the build context small and secrets out of the image. A pattern matches from the context root only, so
# what can appear in any folder is written with **/ in front.
.git
.venv
venv
**/__pycache__
**/*.pyc
**/.ipynb_checkpoints
**/.env
**/*.pem
**/*.key
**/.DS_Store
"""


@click.command("catalog")
def catalog_command() -> int:
    """List the packages and base images `dockgen new` knows."""
    from dockgen.generator.catalog import load

    catalog = load()
    for package in catalog.packages.values():
        pin = package.version if package.version != "system" else "system GDAL"
        click.echo(f"{package.name:14} {pin:12} pip {package.pip}, conda {package.conda}: {package.summary}")
    click.echo("")
    for base in catalog.bases.values():
        default = f" (default for {base.default_for})" if base.default_for else ""
        click.echo(f"base {base.name:12} {base.image}  [{', '.join(base.managers)}]{default}: {base.size}")
    return 0
