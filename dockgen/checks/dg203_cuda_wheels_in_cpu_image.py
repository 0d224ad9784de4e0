"""DG203: pip pulls CUDA builds (gigabytes of nvidia-* wheels) into an image that has no GPU base."""

import re
from collections.abc import Iterator

from dockgen.checks._python import pip_installs, root_image, stage_runs
from dockgen.checks.contract import Context, Hit, Message, environment_at, hit_at, says
from dockgen.commands.options import option_values
from dockgen.commands.pip import installed_packages
from dockgen.knowledge import python
from dockgen.lint.model import Command, Dockerfile, Location

# PyTorch's per-CUDA wheel indexes (download.pytorch.org/whl/cu128) and NVIDIA's own (pypi.nvidia.com).
_CUDA_INDEX = r"/whl/(nightly/)?cu\d+|pypi\.nvidia\.com|pypi\.ngc\.nvidia\.com"

def _problem(pip: Command) -> tuple[Message, Location | None] | None:
    """What is wrong, and the requirement it is about."""
    indexes = option_values(pip, "index-url", "i")
    extra = option_values(pip, "extra-index-url")
    if any(re.search(_CUDA_INDEX, index) for index in (*indexes, *extra)):
        return None  # a CUDA index asked for by name: the wheels bring their CUDA, the image is meant for GPUs
    for requirement in installed_packages(pip) or ():
        facts = python.package(requirement)
        if facts is None:
            continue
        name = python.requirement_name(requirement)
        where = pip.find(requirement)
        if facts.cpu_index and facts.cpu_index in " ".join(extra):
            return says("extra-index", package=name), where
        if facts.cpu_index and not any(index.startswith(facts.cpu_index) for index in indexes):
            return says(package=name, index=facts.cpu_index), where
        if facts.gpu_pip and name == python.normalize(facts.gpu_pip) and facts.pip != facts.gpu_pip:
            return says("gpu-build", package=name, cpu_build=facts.pip), where
    return None


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    environment = environment_at(dockerfile)
    gpu_names = python.gpu_env_names()
    for stage in dockerfile.stages:
        if python.is_gpu_image(root_image(dockerfile, stage)):
            continue
        for run in stage_runs(stage):
            if not gpu_names.isdisjoint(environment.get(run.line, {})):
                continue  # the image says it is meant for GPUs
            problem = next((p for p in (_problem(pip) for pip in pip_installs(run)) if p), None)
            if problem:
                yield hit_at(run, problem[1], problem[0])
