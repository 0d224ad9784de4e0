"""``dockgen new PKG... --compare``: resolve both variants as ``new`` would, then size them."""

from __future__ import annotations

import datetime
import shlex

from dockgen.compare import condaforge, pypi
from dockgen.compare.net import Cache, cache_dir, http_fetch, offline_fetch
from dockgen.compare.report import base_bytes, render
from dockgen.compare.sides import Side
from dockgen.compare.wheels import Target
from dockgen.errors import DockgenError
from dockgen.generator.catalog import load
from dockgen.generator.recipe import Recipe, Request, resolve
from dockgen.generator.supported import supported_recipe


def run_compare(packages: tuple[str, ...], python: str | None, gpu: bool, model: str | None, offline: bool,
                today: datetime.date | None, sources: pypi.PipSources | None = None) -> str:
    if not packages:
        raise DockgenError("--compare needs the packages to compare (dockgen new spacy --compare)")
    catalog = load()
    date = today or datetime.date.today()
    recipes = []
    for manager in ("pip", "conda"):
        request = Request(packages=packages, manager=manager, python=python, gpu=gpu, model=model)
        recipes.append(supported_recipe(resolve(request, catalog), request, catalog, date))
    if sources is None:
        sources = pypi.PipSources(fetch=offline_fetch if offline else http_fetch,
                                  resolve=None if offline else pypi.run_pip_report, cache=Cache(cache_dir()))
    return render(packages, pip_side(recipes[0], sources), conda_side(recipes[1], sources, offline))


def pip_side(recipe: Recipe, sources: pypi.PipSources) -> Side:
    calls: list[tuple[str | None, tuple[str, ...]]] = []
    undecided: list[str] = []
    for url, quoted in (*recipe.index_specs, (None, (*recipe.build_first, *recipe.pip_specs))):
        specs, unknown = pypi.plain_specs(quoted)
        calls.append((url, specs))
        undecided += unknown
    target = Target(recipe.python, recipe.base.family, recipe.release)
    method, items, problems = pypi.pip_items(tuple(calls), target, sources)
    requested = tuple(spec for _, specs in calls for spec in specs)
    problems = (*(f"{name}: its version is chosen during the build (from the system library); not sized"
                  for name in undecided), *problems)
    system = list(recipe.runtime_packages)
    if recipe.base.python_from == "apt":
        system = ["python3", "python3-venv", *system]
    return Side("pip", recipe.image, recipe.base.size, base_bytes(recipe.base.size), requested,
                f"{method} (for {target.pip_platform}, Python {target.python})", items, tuple(system), problems)


def conda_side(recipe: Recipe, sources: pypi.PipSources, offline: bool) -> Side:
    specs = tuple(word for spec in recipe.conda_specs for word in shlex.split(spec))
    problems: list[str] = []
    index = condaforge.load_index(recipe.conda_channels, sources.fetch, sources.cache, offline, problems)
    items, placed = condaforge.closure(specs, index) if index else ((), ())
    method = (f"greedy pick over {', '.join(recipe.conda_channels)} current repodata (linux-64, noarch), "
              "dependencies included")
    return Side("conda", recipe.image, recipe.base.size, base_bytes(recipe.base.size), specs, method, items,
                tuple(recipe.runtime_packages), (*problems, *placed))
