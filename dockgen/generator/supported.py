"""Keep ``dockgen new`` inside its data's end-of-life dates on the day it runs (or ``--today``).

The generator lints what it writes with the same date. When the catalog's choice of base is past end of life on
that date (its Python or its distribution release, as DG101 reads them), the next supported Python or release of
the same base is used, with a note. When the catalog knows none, the file is still written: a note says dockgen's
base data is older than the date, and a pragma on the FROM lines keeps the output clean. Nothing here fails because
of a date.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from dockgen.generator.catalog import Catalog
from dockgen.generator.recipe import Recipe, Request, resolve
from dockgen.knowledge import images
from dockgen.lint.parse import image_ref

OUTDATED_PRAGMA = "# dockgen ignore=DG101 # dockgen's base data is older than the date (see the note above)"
PYTHON_PRAGMA = "# dockgen ignore=DG211 # dockgen's Python data is older than the date (see the note above)"


def past_end_of_life(image: str, today: datetime.date) -> list[str]:
    """Why an image reference is past end of life on ``today`` (empty when it is not), as DG101 says it."""
    return images.eol_reasons(image_ref(image, {}), today, notes=False)


def python_past_end_of_life(recipe: Recipe, today: datetime.date) -> str:
    """Why the Python a recipe installs itself (a conda environment's, not the image's) is past end of life on
    ``today``, as DG211 says it; empty when it is not."""
    if recipe.base.python_from != "conda" or not recipe.python:
        return ""
    end = images.python_eol(recipe.python)
    return f"Python {recipe.python} on {end.isoformat()}" if end is not None and end < today else ""


def supported_recipe(recipe: Recipe, request: Request, catalog: Catalog, today: datetime.date) -> Recipe:
    """The recipe on a supported base (:func:`_supported_base`), with a note when the Python it installs into its
    conda environment is past end of life on ``today`` (the catalog's package ranges decide which Python works, so
    none is chosen in its place)."""
    recipe = _supported_base(recipe, request, catalog, today)
    reason = python_past_end_of_life(recipe, today)
    if not reason:
        return recipe
    note = (f"dockgen's Python data is older than {today.isoformat()}: the environment's {reason.replace(' on ', ' reached end of life on ')}. Update dockgen, or choose a newer Python with --python.")
    return replace(recipe, notes=(*recipe.notes, note))


def _supported_base(recipe: Recipe, request: Request, catalog: Catalog, today: datetime.date) -> Recipe:
    """The recipe, moved to the next supported Python or release of its base when it is past end of life on
    ``today``; unchanged but with a note when the data knows nothing newer."""
    reasons = past_end_of_life(recipe.image, today)
    if not reasons:
        return recipe
    for python, release in _candidates(recipe):
        image = recipe.base.reference(python, release)
        if past_end_of_life(image, today):
            continue
        moved = resolve(replace(request, base=image, python=python if recipe.base.python_from == "image" else None),
                        catalog)
        note = (f"`{recipe.image}` is past end of life on {today.isoformat()} ({' and '.join(reasons)}): "
                f"dockgen uses `{moved.image}`, the next supported choice of the {recipe.base.name} base.")
        return replace(moved, notes=(*moved.notes, note))
    note = (f"dockgen's base data is older than {today.isoformat()}: `{recipe.image}` is past end of life then "
            f"({' and '.join(reasons)}) and the data knows no newer {recipe.base.name} image. Update dockgen, or "
            "choose a base with --base.")
    return replace(recipe, notes=(*recipe.notes, note))


def mark_outdated(text: str, recipe: Recipe, today: datetime.date) -> str:
    """A pragma above each FROM of a base that is past end of life on ``today``, and above each RUN that installs
    an end-of-life Python into the conda environment (the notes explain them)."""
    if python_past_end_of_life(recipe, today):
        from dockgen.lint.parse import parse_text

        starts = {run.line for run in parse_text(text).by_keyword.get("RUN", ())
                  if f"python={recipe.python}" in run.text.split()}
        text = "".join(f"{PYTHON_PRAGMA}\n{line}" if number in starts else line
                       for number, line in enumerate(text.splitlines(keepends=True), start=1))
    if not past_end_of_life(recipe.image, today):
        return text
    return "".join(f"{OUTDATED_PRAGMA}\n{line}" if line.startswith(f"FROM {recipe.image}") else line
                   for line in text.splitlines(keepends=True))


def _candidates(recipe: Recipe) -> list[tuple[str, str]]:
    """(Python, release) pairs of the same base to try, the nearest first: newer Pythons than the recipe's (for
    bases that offer several), in each of the base's releases, newest release first."""
    base = recipe.base
    pythons = [recipe.python]
    if base.python_from == "image":
        pythons += sorted((p for p in base.pythons if _version(p) > _version(recipe.python)), key=_version)
    releases = sorted(base.releases, key=lambda r: r != recipe.release)  # the recipe's own release first
    return [(python, release) for python in pythons for release in releases
            if (python, release) != (recipe.python, recipe.release)]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())
