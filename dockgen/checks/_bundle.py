"""The rule modules' bytecode in one file, written when the wheel is built.

Importing a hundred small modules one by one costs a cold start about 15 ms on a slow machine: for each, the import
system searches the path, checks the source's timestamp, opens and reads its ``.pyc``. A wheel therefore also
carries ``_data/checks.bundle``: every rule module compiled by ``hatch_build.py`` into one file, which the registry
reads once and runs each module from. Anything that makes the bundle unfit sends the registry back to ordinary
imports, which are always right, only slower:

- no bundle (a checkout or an editable install);
- another Python wrote it (the bytecode magic number differs) or Python runs with ``-O``;
- the file is damaged;
- a module's source no longer has the size it was compiled from (someone edited the installed file).

The module uses only the standard library, so that the build hook can load it by path.
"""

from __future__ import annotations

import functools
import importlib.util
import marshal
import os
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import CodeType, ModuleType

BUNDLE_NAME = "checks.bundle"
PACKAGE = "dockgen.checks"
_FOLDER = os.path.dirname(os.path.abspath(__file__))  # as ordinary imports name the modules' files

Bundle = dict[str, tuple[int, CodeType]]  # module file stem -> (source size in bytes, module code)


def build(checks_folder: Path) -> bytes:
    """Every rule module in ``checks_folder`` (not the ``_`` helpers, which ordinary imports load), compiled."""
    bundle: Bundle = {}
    for path in sorted(checks_folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        source = path.read_bytes()
        # Compiled under a placeholder name: where the wheel is installed is not known yet (see _relocated).
        code = compile(source, f"{PACKAGE}/{path.name}", "exec", dont_inherit=True, optimize=0)
        bundle[path.stem] = (len(source), code)
    return importlib.util.MAGIC_NUMBER + marshal.dumps(bundle)


def read(data: bytes) -> Bundle | None:
    """The bundle in ``data``, or None when this interpreter cannot use it."""
    magic = importlib.util.MAGIC_NUMBER
    if not data.startswith(magic) or sys.flags.optimize:
        return None
    try:
        bundle = marshal.loads(data[len(magic):])
    except (EOFError, ValueError, TypeError):
        return None
    return bundle if isinstance(bundle, dict) else None


@functools.cache
def _installed() -> Bundle | None:
    try:
        return read(Path(_FOLDER).parent.joinpath("_data", BUNDLE_NAME).read_bytes())
    except OSError:
        return None


def load(name: str, bundle: Bundle | None = None) -> ModuleType | None:
    """Import rule module ``name`` (``dockgen.checks.<stem>``) from the bundle, or return None to say "import it the
    ordinary way". The module is registered in ``sys.modules`` as an import would register it."""
    if bundle is None:
        bundle = _installed()
    stem = name.rpartition(".")[2]
    entry = bundle.get(stem) if bundle else None
    if entry is None:
        return None
    size, code = entry
    path = os.path.join(_FOLDER, f"{stem}.py")
    try:
        if os.stat(path).st_size != size:
            return None
    except OSError:
        return None
    module = ModuleType(name)
    module.__file__ = path
    module.__package__ = PACKAGE
    module.__spec__ = ModuleSpec(name, None, origin=path)
    module.__spec__.has_location = True
    sys.modules[name] = module
    try:
        exec(_relocated(code, path), module.__dict__)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _relocated(code: CodeType, filename: str) -> CodeType:
    """``code`` and the functions inside it, naming the installed file, so tracebacks show its lines."""
    consts = tuple(_relocated(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)
