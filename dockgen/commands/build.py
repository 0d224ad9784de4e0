"""Does a stage compile? Compilers and build tools run or installed, extension builds, CUDA architecture settings.

Shared by the rules that would trade a toolchain image for a smaller one (DG103) and by the converter, which keeps a
compiling stage on a toolchain base.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dockgen.commands import conda
from dockgen.commands.system import system_command
from dockgen.lint.model import Command, Instruction
from dockgen.lint.parse import key_values

_TOOLS = frozenset({"nvcc", "make", "gmake", "cmake", "ninja", "meson", "bazel", "bazelisk", "gcc", "g++", "cc",
                    "c++", "clang", "clang++", "gfortran", "conda-build", "conda-mambabuild", "rattler-build"})
_SETUP_BUILDS = frozenset({"build", "build_ext", "install", "develop", "bdist_wheel", "bdist_egg"})
# System packages that exist to compile: compilers, build systems, CUDA's compiler and toolkit.
_BUILD_PACKAGES = (r"(gcc|g\+\+|gcc-c\+\+|clang|gfortran|build-essential|build-base|make|cmake|ninja-build"
                             r"|autoconf|automake|libtool|devtoolset-\d+.*|gcc-toolset-\d+.*|cuda-nvcc.*"
                             r"|cuda-toolkit.*|cuda-compiler.*)(-\d[\w.]*)?")
# conda packages that build packages or compile: conda-build and its kin, conda-forge's compiler packages.
_CONDA_BUILD_PACKAGES = (r"conda-build|boa|rattler-build|conda-forge-ci-setup|compilers|(c|cxx|fortran|cuda)-compiler"
                         r"|(gcc|gxx|gfortran|nvcc)(_linux-\w+|_impl_linux-\w+)?|cuda-nvcc")
# CUDA_HOME tells extension builds where nvcc is; runtime images have no use for it.
_CUDA_BUILD_SETTINGS = frozenset({"TORCH_CUDA_ARCH_LIST", "CUDA_ARCH_LIST", "CMAKE_CUDA_ARCHITECTURES", "USE_CUDA",
                                  "FORCE_CUDA", "CUDA_ARCHITECTURES", "TF_CUDA_COMPUTE_CAPABILITIES", "CUDA_HOME"})


def command_compiles(command: Command) -> bool:
    if command.name in _TOOLS or (command.name in ("conda", "mamba") and command.args[:1] == ("build",)):
        return True
    if command.name.startswith("python") and "setup.py" in command.args:
        return bool(_SETUP_BUILDS & set(command.args))
    if any(arg.split("=", 1)[0] in _CUDA_BUILD_SETTINGS and arg.endswith("=1") for arg in command.args):
        return True  # make USE_CUDA=1
    if conda.installs(command):
        return any(re.fullmatch(_CONDA_BUILD_PACKAGES, conda.spec_name(spec)) for spec in conda.packages(command))
    found = system_command(command)
    return bool(found and found.verb == "install" and any(re.fullmatch(_BUILD_PACKAGES, p.split("=")[0])
                                                          for p in found.packages))


def compiles(instructions: Iterable[Instruction]) -> bool:
    """Whether any of these instructions (a stage's, say) compiles or sets itself up to."""
    for instruction in instructions:
        instruction = instruction.inner or instruction
        if instruction.keyword in ("ENV", "ARG") and any(
                key in _CUDA_BUILD_SETTINGS for key, _ in key_values(instruction.args)):
            return True
        if any(command_compiles(command) for command in instruction.commands):
            return True
    return False
