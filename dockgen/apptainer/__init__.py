"""Apptainer (Singularity) definition files, translated from a Dockerfile dockgen wrote or converted.

One translator serves ``dockgen new PKG --format apptainer`` and ``dockgen new --from FILE --format apptainer``:
the Dockerfile is rendered (or converted) and linted as usual, then parsed with dockgen's own parser and
rewritten instruction by instruction. ``lint`` never imports this package.
"""

from __future__ import annotations

from dockgen.apptainer.translate import to_definition

__all__ = ["to_definition"]
