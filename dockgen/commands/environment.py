"""What a conda environment file (``environment.yml``) asks for: name, channels, conda specs and pip requirements.
Read leniently: the converter carries a file over as it stands when it cannot read it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EnvironmentSpec:
    name: str | None
    channels: tuple[str, ...]
    conda: tuple[str, ...]  # conda specs as written (``numpy=1.26``, ``bioconda::samtools``)
    pip: tuple[str, ...]  # the ``- pip:`` list, as written


def read_environment_text(text: str) -> EnvironmentSpec | None:
    """The environment, or None when the text is not a conda environment (bad YAML, another shape)."""
    import yaml  # only the converter reads environment files; lint never imports YAML for this

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    channels = data.get("channels") or []
    dependencies = data.get("dependencies") or []
    if not isinstance(channels, list) or not isinstance(dependencies, list):
        return None
    conda: list[str] = []
    pip: list[str] = []
    for dependency in dependencies:
        if isinstance(dependency, dict) and isinstance(dependency.get("pip"), list):
            pip.extend(str(requirement) for requirement in dependency["pip"])
        elif isinstance(dependency, (str, int, float)):
            conda.append(str(dependency))
        else:
            return None
    name = data.get("name")
    return EnvironmentSpec(str(name) if name is not None else None, tuple(str(c) for c in channels), tuple(conda),
                           tuple(pip))


def read_conda_file(text: str) -> EnvironmentSpec | None:
    """A file given to ``-f``/``--file``: an environment YAML, or a plain list of specs (one per line, ``#``
    comments); None for an explicit lock file (``@EXPLICIT``: package URLs) or anything else."""
    if "@EXPLICIT" in text:
        return None
    lines = [line.split("#", 1)[0].strip() for line in text.lstrip("\ufeff").splitlines()]
    specs = [line for line in lines if line]
    if specs and all(":" not in line or "::" in line for line in specs) and not any(
            line.startswith("-") for line in specs):
        return EnvironmentSpec(None, (), tuple(specs), ())
    return read_environment_text(text)
