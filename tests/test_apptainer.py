"""`dockgen new --format apptainer`: definition files that spython parses back into the Dockerfile variant's
image (same base, same install commands, same environment), goldens read line by line, and the whole catalog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spython.main.parse.parsers import SingularityParser  # type: ignore[import-untyped]

from dockgen.apptainer import to_definition
from dockgen.errors import DockgenError
from dockgen.generator.catalog import load
from dockgen.generator.recipe import Request
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import key_values, parse_text
from dockgen.lint.shell import parse_script
from tests.test_cli import run
from tests.test_generate import GOLDEN, REFERENCE_DATE, _matrix, generate

_INSTALLERS = frozenset({"pip", "conda", "mamba", "micromamba", "apt-get", "apk", "useradd", "python", "python3"})


def spython_recipes(text: str, tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "image.def"
    path.write_text(text)
    recipes: dict[str, object] = SingularityParser(str(path)).recipe
    return recipes


def installs(script: str) -> list[tuple[str, tuple[str, ...]]]:
    """The install-like commands of a shell script, in order, with their arguments."""
    return [(command.name, command.args) for command in parse_script(script).commands
            if command.name in _INSTALLERS]


def dockerfile_installs(stage_instructions: tuple[object, ...], smoke: bool) -> list[tuple[str, tuple[str, ...]]]:
    found = []
    for instruction in stage_instructions:
        if getattr(instruction, "keyword") != "RUN":
            continue
        is_smoke = any(flag.name == "mount" for flag in getattr(instruction, "flags"))
        if is_smoke == smoke:
            found += [(c.name, c.args) for c in getattr(instruction, "commands") if c.name in _INSTALLERS]
    return found


def assert_equivalent(docker_text: str, definition: str, tmp_path: Path) -> None:
    """What spython reads from the definition file matches the Dockerfile, stage by stage."""
    docker: Dockerfile = parse_text(docker_text)
    recipes = spython_recipes(definition, tmp_path)
    assert len(recipes) == len(docker.stages)
    for stage, recipe in zip(docker.stages, recipes.values(), strict=True):
        image = stage.image
        assert getattr(recipe, "fromHeader") == f"{image.name}:{image.tag}" if image.tag else image.name
        post = "\n".join(line for line in getattr(recipe, "install") if not line.startswith("echo "))
        assert installs(post) == dockerfile_installs(stage.instructions, smoke=False)
        environ = dict(line.split("=", 1) for line in getattr(recipe, "environ"))
        environ = {key: value.strip('"') for key, value in environ.items()}
        expected = {k: v for i in stage.instructions if i.keyword == "ENV" for k, v in key_values(i.args)}
        expected.pop("HOME", None)
        assert environ == expected
        copied = [line for i in stage.instructions if i.keyword == "COPY" and not i.flag("from")
                  for line in [" ".join(i.json_args or i.args.split()[-2:])]]
        assert getattr(recipe, "files") == copied
    final = docker.stages[-1]
    section = _section(definition, "%test")
    assert installs(section) == dockerfile_installs(final.instructions, smoke=True)
    assert "export PYTHONNOUSERSITE=1" in _section(definition, "%environment")


def _section(definition: str, title: str) -> str:
    """The last stage's section body (dedented)."""
    match = list(re.finditer(rf"^{re.escape(title)}\n((?:    .*\n|\n)*)", definition, re.MULTILINE))
    return "\n".join(line[4:] for line in match[-1].group(1).splitlines()) if match else ""


@pytest.mark.parametrize(("golden", "manager"), [("spacy-pip.def", "pip"), ("spacy-conda.def", "conda")])
def test_golden_spacy(golden: str, manager: str, tmp_path: Path) -> None:
    docker_text = generate(Request(packages=("spacy",), manager=manager))
    definition = to_definition(docker_text)
    assert definition == (GOLDEN / golden).read_text()
    assert_equivalent(docker_text, definition, tmp_path)


def test_golden_spacy_conda_has_what_the_issue_asks() -> None:
    text = (GOLDEN / "spacy-conda.def").read_text()
    assert text.count("Bootstrap: docker") == 1
    assert "From: mambaorg/micromamba:2.6.1" in text
    assert "--override-channels --channel conda-forge" in text and "micromamba clean --all --yes" in text
    assert 'export PATH="/opt/conda/bin:$PATH"' in _section(text, "%environment")
    assert "import spacy" in _section(text, "%test")
    assert "exec python" in _section(text, "%runscript")
    assert "# USER: not translated" in text


def test_multi_stage_uses_stage_headers_and_files_from(tmp_path: Path) -> None:
    docker_text = generate(Request(packages=("gdal",)))
    definition = to_definition(docker_text)
    assert "Stage: build" in definition and "Stage: final" in definition
    assert "%files from build\n    /opt/venv /opt/venv\n" in definition
    assert_equivalent(docker_text, definition, tmp_path)


def test_whole_catalog_both_managers_render_deterministically_and_spython_parses(tmp_path: Path) -> None:
    catalog = load()
    count = 0
    for name in catalog.packages:
        for manager in ("pip", "conda"):
            docker_text = generate(Request(packages=(name,), manager=manager))
            assert generate(Request(packages=(name,), manager=manager)) == docker_text
            definition = to_definition(docker_text)
            assert to_definition(docker_text) == definition
            assert_equivalent(docker_text, definition, tmp_path)
            count += 1
    assert count == 2 * len(catalog.packages) >= 60


def test_every_base_and_gpu_variant_translates(tmp_path: Path) -> None:
    translated = 0
    for name, base, manager, gpu in _matrix():
        try:
            docker_text = generate(Request(packages=(name,), manager=manager, base=base, gpu=gpu))
        except DockgenError:
            continue  # refused for the Dockerfile too (no musl wheels on Alpine)
        assert_equivalent(docker_text, to_definition(docker_text), tmp_path)
        translated += 1
    assert translated >= 150


_CONVERTED = """\
FROM python:3.12-slim AS base
ARG VERSION=1.0
ENV APP_HOME=/srv/app HF_HOME=/opt/hf
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR $APP_HOME
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN cd /tmp && echo "$VERSION" > v.txt
USER 1000
EXPOSE 8080
HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
VOLUME /data
ENTRYPOINT ["python", "-m", "app"]
CMD ["--port", "8080"]
"""


def test_what_does_not_translate_is_a_comment_and_the_rest_keeps_its_meaning(tmp_path: Path) -> None:
    definition = to_definition(_CONVERTED)
    for keyword in ("USER", "EXPOSE", "HEALTHCHECK", "VOLUME"):
        assert f"# {keyword}: not translated; " in definition
    assert "# RUN --mount=type=cache,target=/root/.cache/pip: dropped; " in definition
    assert "%files\n    requirements.txt /srv/app/\n" in definition or "requirements.txt $APP_HOME/" in definition
    assert 'export VERSION=1.0' in definition
    assert "%post -c /bin/bash\n" in definition and "set -o pipefail" in definition
    assert "    (\n    cd /tmp && echo" in definition  # the RUN's cd stays inside the RUN
    runscript = _section(definition, "%runscript")
    assert 'if [ "$#" -eq 0 ]; then set -- --port 8080; fi' in runscript
    assert runscript.rstrip().endswith('exec python -m app "$@"')
    assert "# HF_HOME points into the image" in definition
    assert spython_recipes(definition, tmp_path)


def test_conda_run_shell_becomes_the_environment_path() -> None:
    definition = to_definition('FROM mambaorg/micromamba:2.6.1\nSHELL ["micromamba", "run", "-n", "tools", '
                               '"/bin/bash", "-c"]\nRUN python -V\n')
    assert 'export PATH="/opt/conda/envs/tools/bin:$PATH"' in _section(definition, "%environment")
    assert "%post -c" not in definition


def test_a_dockerfile_that_does_not_parse_is_a_clear_error() -> None:
    with pytest.raises(DockgenError, match="cannot translate"):
        to_definition("RUN echo no from\n")


def test_cli_writes_a_definition_file_with_o(tmp_path: Path) -> None:
    out = tmp_path / "spacy.def"
    result = run("new", "spacy", "--manager", "conda", "--format", "apptainer", "-o", str(out),
                 "--today", REFERENCE_DATE.isoformat(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_text() == (GOLDEN / "spacy-conda.def").read_text()


def test_cli_converts_from_a_dockerfile_to_apptainer(tmp_path: Path) -> None:
    source = tmp_path / "Dockerfile"
    source.write_text("FROM python:3.12-slim\nRUN pip install --no-cache-dir spacy==3.8.18\nCMD [\"python\"]\n")
    result = run("new", "--from", str(source), "--manager", "conda", "--format", "apptainer",
                 "--today", REFERENCE_DATE.isoformat(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Bootstrap: docker" in result.stdout and "conda-forge" in result.stdout
    assert "clean --all --yes" in result.stdout


def test_cli_refuses_dockerignore_for_apptainer(tmp_path: Path) -> None:
    result = run("new", "spacy", "--format", "apptainer", "--dockerignore", cwd=tmp_path)
    assert result.returncode == 2 and "Apptainer does not read .dockerignore" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_converted_golden_translates_and_spython_parses_it(tmp_path: Path) -> None:
    """The `new --from` outputs (carried-over ARG, SHELL, ENTRYPOINT, COPY --chown...) translate too."""
    outputs = sorted((GOLDEN / "convert").glob("*.out"))
    assert len(outputs) >= 10
    for path in outputs:
        docker_text = path.read_text()
        definition = to_definition(docker_text)
        recipes = spython_recipes(definition, tmp_path)
        docker = parse_text(docker_text)
        assert [getattr(recipe, "fromHeader") for recipe in recipes.values()][-1] == \
            f"{docker.stages[-1].image.name}:{docker.stages[-1].image.tag}", path.name
        post = "\n".join(line for recipe in recipes.values() for line in getattr(recipe, "install")
                         if not line.startswith("echo "))
        expected = [command for stage in docker.stages for command in dockerfile_installs(stage.instructions, False)]
        assert installs(post) == expected, path.name


def test_env_values_keep_variables_but_never_run_commands() -> None:
    definition = to_definition('FROM python:3.12-slim\nENV A="x$(touch /pwned)`id`" B=${HOME}/cache C=$PATH\n')
    environment = _section(definition, "%environment")
    assert 'export A="x\\$(touch /pwned)\\`id\\`"' in environment
    assert 'export B="${HOME}/cache"' in environment and 'export C="$PATH"' in environment
    assert "$(touch" not in definition.replace("\\$(touch", "")


def test_arg_in_from_stage_parents_and_foreign_copies() -> None:
    definition = to_definition(
        "ARG PY=3.12\nFROM python:${PY}-slim AS base\nRUN pip install --no-cache-dir numpy==2.5.5\n"
        "FROM base AS app\nCOPY --from=ghcr.io/astral-sh/uv:0.9 /uv /bin/uv\nCOPY --from=0 /etc/os-release /tmp/\n"
        "CMD python -V\n")
    assert definition.count("From: python:3.12-slim\n") == 2  # the stage built FROM base starts from its image
    assert "# FROM base: that stage's steps again" in definition
    assert definition.count("pip install --no-cache-dir numpy==2.5.5") == 2
    assert "# COPY --from=ghcr.io/astral-sh/uv:0.9: not translated" in definition
    assert "%files from base\n    /etc/os-release /tmp/\n" in definition
    assert _section(definition, "%runscript").rstrip().endswith("exec /bin/sh -c 'python -V'")


def test_a_copy_of_a_path_with_a_space_is_left_out_with_a_note() -> None:
    from dockgen.apptainer.translate import to_definition

    text = to_definition('FROM python:3.12-slim\nCOPY ["my data/file one.txt", "/srv/data/"]\nCOPY app.py /srv/\n')
    files = text.split("%files\n", 1)[1].split("\n\n", 1)[0]
    assert files.strip() == "app.py /srv/"  # a %files line splits at white space
    assert "COPY my data/file one.txt /srv/data/: not translated" in text and "rename it" in text
