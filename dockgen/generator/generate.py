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
from dockgen.errors import DockgenError
from dockgen.generator.catalog import Catalog, load
from dockgen.generator.install_run import conda_mount, install_comment, install_run, uv_stage_run
from dockgen.generator.recipe import Recipe, Request, resolve
from dockgen.generator.supported import mark_outdated, supported_recipe
from dockgen.lint.engine import Settings

_PYTHON_FROM_APT = ("python3", "python3-venv")
_PYTHON_HEADERS = ("python3-dev",)  # what a C extension compiles against when Python comes from apt


def generate(request: Request, catalog: Catalog | None = None, today: datetime.date | None = None) -> str:
    """The Dockerfile text for a request; raises DockgenError for input dockgen refuses. ``today`` (default: the
    date of the run) is the date end of life is judged on: a base past it moves to the next supported one."""
    catalog = catalog or load()
    today = today or datetime.date.today()
    recipe = supported_recipe(resolve(request, catalog), request, catalog, today)
    if request.lock is not None:
        from dockgen.generator.lock import with_lock

        recipe = with_lock(recipe, request.lock)
    text = mark_outdated(render(recipe), recipe, today)
    findings = lint_text(text, Settings(today=today))
    if findings:  # a bug in a template or in the catalog, never the user's fault
        details = "; ".join(f"line {f.line} {f.code}: {f.message}" for f in findings)
        raise DockgenError(f"internal error: the generated Dockerfile does not lint clean ({details})")
    return text


def planned_recipe(request: Request, today: datetime.date | None = None) -> Recipe:
    """The recipe ``generate`` renders for ``request`` (before a lock replaces its pins)."""
    catalog = load()
    return supported_recipe(resolve(request, catalog), request, catalog, today or datetime.date.today())


def render(recipe: Recipe) -> str:
    template = _environment().get_template(f"managers/{recipe.manager}.Dockerfile.j2")
    text = template.render(recipe=recipe, version=__version__, **_context(recipe))
    return re.sub(r"\n{3,}", "\n\n", text)  # optional blocks leave runs of blank lines


def _context(recipe: Recipe) -> dict[str, object]:
    runtime = [*recipe.runtime_packages, *(["tini"] if recipe.init and recipe.manager == "pip" else [])]
    # The build stage installs wheels as well as compiling: it gets their runtime libraries too.
    build = [*recipe.build_packages, *recipe.runtime_packages]
    if recipe.base.python_from == "apt":
        runtime = [*_PYTHON_FROM_APT, *runtime]
        build = [*_PYTHON_FROM_APT, *_PYTHON_HEADERS, *build]
    return {
        "install": install_run(recipe),
        "install_comment": install_comment(recipe),
        "uv_install": uv_stage_run(recipe) if recipe.installer == "uv" else "",
        "uv_system_packages": list(_PYTHON_FROM_APT) if recipe.base.python_from == "apt" else [],
        "runtime_system_packages": sorted(set(runtime), key=runtime.index),
        "build_system_packages": sorted(set(build), key=build.index),
        "conda_mount": conda_mount(recipe),
        "tool": "micromamba" if recipe.base.name == "micromamba" else "conda",
        "unpinned": list(recipe.unpinned),
    }


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
