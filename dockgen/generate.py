"""Render a ``Recipe`` into a Dockerfile with Jinja2, then lint the result: dockgen emits only clean output."""

from __future__ import annotations

import datetime
import functools
import json
import re
import shlex

import jinja2

from dockgen import __version__
from dockgen._resources import data_dir
from dockgen.api import lint_text
from dockgen.catalog import Catalog, load
from dockgen.engine import Settings
from dockgen.errors import DockgenError
from dockgen.recipe import Recipe, Request, resolve
from dockgen.supported import mark_outdated, supported_recipe

_PYTHON_FROM_APT = ("python3", "python3-venv")
_PYTHON_HEADERS = ("python3-dev",)  # what a C extension compiles against when Python comes from apt


def generate(request: Request, catalog: Catalog | None = None, today: datetime.date | None = None) -> str:
    """The Dockerfile text for a request; raises DockgenError for input dockgen refuses. ``today`` (default: the
    date of the run) is the date end of life is judged on: a base past it moves to the next supported one."""
    catalog = catalog or load()
    today = today or datetime.date.today()
    recipe = supported_recipe(resolve(request, catalog), request, catalog, today)
    text = mark_outdated(render(recipe), recipe, today)
    findings = lint_text(text, Settings(today=today))
    if findings:  # a bug in a template or in the catalog, never the user's fault
        details = "; ".join(f"line {f.line} {f.code}: {f.message}" for f in findings)
        raise DockgenError(f"internal error: the generated Dockerfile does not lint clean ({details})")
    return text


def render(recipe: Recipe) -> str:
    template = _environment().get_template(f"managers/{recipe.manager}.Dockerfile.j2")
    text = template.render(recipe=recipe, version=__version__, **_context(recipe))
    return re.sub(r"\n{3,}", "\n\n", text)  # optional blocks leave runs of blank lines


def _context(recipe: Recipe) -> dict[str, object]:
    runtime = list(recipe.runtime_packages)
    # The build stage installs wheels as well as compiling: it gets their runtime libraries too.
    build = [*recipe.build_packages, *recipe.runtime_packages]
    if recipe.base.python_from == "apt":
        runtime = [*_PYTHON_FROM_APT, *runtime]
        build = [*_PYTHON_FROM_APT, *_PYTHON_HEADERS, *build]
    return {
        "install": _pip_install(recipe),
        "runtime_system_packages": sorted(set(runtime), key=runtime.index),
        "build_system_packages": sorted(set(build), key=build.index),
        "tool": "micromamba" if recipe.base.name == "micromamba" else "conda",
        "unpinned": list(recipe.unpinned),
    }


def _pip_install(recipe: Recipe) -> str:
    """The RUN that installs the Python packages: special indexes first, each in its own pip call."""
    commands = [f"pip install --no-cache-dir --index-url {url} {' '.join(specs)}"
                for url, specs in recipe.index_specs]
    if recipe.build_first:
        commands.append("pip install --no-cache-dir " + " ".join(recipe.build_first))
    main = [*(["--no-build-isolation"] if recipe.no_build_isolation else []), *recipe.pip_specs]
    if recipe.requirements:
        main += ["-r", f"/tmp/{recipe.requirements}"]
    if main:
        commands.append("pip install --no-cache-dir " + " ".join(main))
    if not recipe.compile:
        commands.append("pip check")
    pragma = ""
    if recipe.unpinned:
        pragma = (f"# {', '.join(recipe.unpinned)}: not in dockgen's catalog and given without a version; "
                  "pin it (NAME==VERSION).\n# hadolint ignore=DL3013\n")
    if recipe.cuda_on_purpose:
        pragma += (f"# {', '.join(recipe.cuda_on_purpose)}: the version asked for predates the CPU-only "
                   "distribution, so this image carries GPU libraries.\n# dockgen ignore=DG203\n")
    return pragma + "RUN " + " \\\n    && ".join(commands)


@functools.cache
def _environment() -> jinja2.Environment:
    """One environment per process: it caches the compiled templates (compiling them is most of a render)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["sh"] = shlex.quote
    environment.filters["json"] = json.dumps  # plain JSON: tojson escapes & < > for HTML, which a Dockerfile is not
    return environment
